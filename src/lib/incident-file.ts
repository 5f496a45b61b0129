/**
 * What comes from outside the browser's own store, checked in full by zod: the incident schema
 * (the one source of truth for its shape) and the portable file that JSON exports, imports and
 * hand-over links carry. zod costs ~20 KB gzip, so only the workspace page loads this module
 * up front; other pages reach it through dynamic `import()`.
 */
import { z } from 'astro/zod';
import type { Incident, TimelineEntry } from '../client/incident-context.ts';
import { STATUSES } from './incident-edits.ts';

// zod compiles fast parsers with `new Function` when it may; the site's CSP allows no eval, and
// the refused attempt would be reported as a violation on every page that loads this module.
z.config({ jitless: true });

const ENTRY_TYPES = [
	'declared',
	'tick',
	'untick',
	'copy',
	'severity',
	'status',
	'role',
	'note',
	'closed',
] as const satisfies readonly TimelineEntry['type'][];

const IsoTime = () =>
	z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'expected an ISO date-time');

export const TimelineEntrySchema = () =>
	z.object({ id: z.string().min(1), at: IsoTime(), type: z.enum(ENTRY_TYPES), text: z.string() });

export const IncidentSchema = () =>
	z.object({
		id: z.string().min(1).max(120),
		title: z.string(),
		playbook: z.string().min(1),
		severity: z.string().min(1),
		status: z.enum(STATUSES),
		startedAt: IsoTime(),
		roles: z.record(z.string(), z.string()),
		scenario: z.string().optional(),
		lastUpdateAt: IsoTime().optional(),
		closedAt: IsoTime().optional(),
		timeline: z.array(TimelineEntrySchema()),
	});

/**
 * The whole store as kept under `responder:incidents`. Pages read storage with the small guard
 * `isIncidentStore` instead (see `incident-context.ts`); the unit tests hold the guard to this.
 */
export const IncidentStoreSchema = () =>
	z.object({
		version: z.literal(1),
		activeId: z.string().nullable(),
		incidents: z.record(z.string(), IncidentSchema()),
	});

/** The portable file: one incident with a format marker, so foreign JSON is recognised. */
export const INCIDENT_FILE_FORMAT = 'responder-incident';

export const IncidentFileSchema = () =>
	z.object({
		format: z.literal(INCIDENT_FILE_FORMAT),
		version: z.literal(1),
		incident: IncidentSchema(),
	});

export const toIncidentFile = (incident: Incident) => ({
	format: INCIDENT_FILE_FORMAT,
	version: 1 as const,
	incident,
});

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
	const result = IncidentFileSchema().safeParse(raw);
	if (!result.success) {
		const issue = result.error.issues[0]!;
		return {
			ok: false,
			error: `The incident file is damaged: \`${issue.path.join('.') || '(root)'}\` ${issue.message}. Nothing was changed.`,
		};
	}
	return { ok: true, incident: result.data.incident as Incident };
}
