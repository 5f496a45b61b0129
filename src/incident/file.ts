/**
 * What comes from outside the browser's own store, checked in full by zod: the incident schema
 * (the one source of truth for its shape) and the portable file that JSON exports, imports and
 * hand-over links carry. zod costs ~20 KB gzip, so only the workspace page loads this module
 * up front; other pages reach it through dynamic `import()`.
 */
import { z } from 'astro/zod';
import {
	EVENT_FIELDS,
	STATUSES,
	STORE_VERSION,
	type Incident,
	type TimelineEventType,
} from './model.ts';
import { migrateIncident } from './store.ts';

// zod compiles fast parsers with `new Function` when it may; the site's CSP allows no eval, and
// the refused attempt would be reported as a violation on every page that loads this module.
z.config({ jitless: true });

const IsoTime = () =>
	z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'expected an ISO date-time');

const FIELD_SCHEMAS = {
	string: () => z.string(),
	boolean: () => z.boolean(),
	count: () => z.number().int().min(0),
	status: () => z.enum(STATUSES),
};

/** One timeline entry: `id`, `at`, an optional rewording, and the fields of its event type. */
export const TimelineEntrySchema = () =>
	z.discriminatedUnion(
		'type',
		(
			Object.entries(EVENT_FIELDS) as [
				TimelineEventType,
				Record<string, keyof typeof FIELD_SCHEMAS>,
			][]
		).map(([type, fields]) =>
			z.object({
				id: z.string().min(1),
				at: IsoTime(),
				edited: z.string().optional(),
				type: z.literal(type),
				...Object.fromEntries(
					Object.entries(fields).map(([key, check]) => [key, FIELD_SCHEMAS[check]()])
				),
			})
		) as unknown as [z.ZodObject, ...z.ZodObject[]]
	);

/**
 * Roles by name. Read as entries and rebuilt with `Object.fromEntries`: a record schema assigns
 * keys one by one, and a role named `__proto__` (from an import or a hand-over) would vanish.
 */
const RolesSchema = () =>
	z
		.preprocess(
			(value) =>
				typeof value === 'object' && value !== null && !Array.isArray(value)
					? Object.entries(value)
					: value,
			z.array(z.tuple([z.string(), z.string()]))
		)
		.transform((entries): Record<string, string> => Object.fromEntries(entries));

export const IncidentSchema = () =>
	z.object({
		id: z.string().min(1).max(120),
		title: z.string(),
		playbook: z.string().min(1),
		severity: z.string().min(1),
		status: z.enum(STATUSES),
		startedAt: IsoTime(),
		roles: RolesSchema(),
		scenario: z.string().optional(),
		closedAt: IsoTime().optional(),
		timeline: z.array(TimelineEntrySchema()),
	});

/**
 * The whole store as kept under `responder:incidents`. Pages read storage with the small guard
 * `isIncidentStore` instead (see `model.ts`); the unit tests hold the guard to this.
 */
export const IncidentStoreSchema = () =>
	z.object({
		version: z.literal(STORE_VERSION),
		activeId: z.string().nullable(),
		incidents: z.record(z.string(), IncidentSchema()),
		deleted: z.array(z.string()).optional(),
	});

/** The portable file: one incident with a format marker, so foreign JSON is recognised. */
export const INCIDENT_FILE_FORMAT = 'responder-incident';

/** Version 2 has structured timeline events; version-1 files are migrated when read. */
export const INCIDENT_FILE_VERSION = 2;

export const IncidentFileSchema = () =>
	z.object({
		format: z.literal(INCIDENT_FILE_FORMAT),
		version: z.literal(INCIDENT_FILE_VERSION),
		incident: IncidentSchema(),
	});

export const toIncidentFile = (incident: Incident) => ({
	format: INCIDENT_FILE_FORMAT,
	version: INCIDENT_FILE_VERSION,
	incident,
});

/** A file of an earlier version in the current shape (unchanged when already current). */
export function migrateIncidentFile(raw: unknown): unknown {
	if (typeof raw !== 'object' || raw === null) return raw;
	const file = raw as { version?: unknown; incident?: unknown };
	return file.version === 1
		? { ...file, version: INCIDENT_FILE_VERSION, incident: migrateIncident(file.incident) }
		: raw;
}

/** Reads an exported incident file; the error says what is wrong in a sentence. */
export function parseIncidentFile(
	text: string
): { ok: true; incident: Incident } | { ok: false; error: string } {
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch {
		return { ok: false, error: 'The file is not JSON. Choose a file exported with “Export JSON”.' };
	}
	if (
		typeof raw !== 'object' ||
		raw === null ||
		(raw as { format?: unknown }).format !== INCIDENT_FILE_FORMAT
	) {
		return {
			ok: false,
			error:
				'The file is not a Responder incident (it has no `"format": "responder-incident"`). Nothing was changed.',
		};
	}
	const result = IncidentFileSchema().safeParse(migrateIncidentFile(raw));
	if (!result.success) {
		const issue = result.error.issues[0]!;
		return {
			ok: false,
			error: `The incident file is damaged: \`${issue.path.join('.') || '(root)'}\` ${issue.message}. Nothing was changed.`,
		};
	}
	return { ok: true, incident: result.data.incident as Incident };
}
