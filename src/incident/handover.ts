/**
 * A hand-over link: a whole incident (with its ticks, as timeline events) and the template values
 * typed for it, in the URL fragment (never sent to a server), compressed
 * with `deflate-raw` and base64url-encoded, checked by zod when opened. Alert context, the other
 * thing fragments carry, is in `alert-context.ts` so reading it needs no zod.
 */
import { entryText } from './event-text.ts';
import { roleLabel, STATUS_LABELS, type Incident } from './model.ts';
import { IncidentFileSchema, migrateIncidentFile, toIncidentFile } from './file.ts';
import { CHECKLIST_VERSION, type ChecklistRecord, type Tick } from '../lib/checklist-store.ts';

export const HANDOVER_PARAM = 'handover';

const toBase64Url = (bytes: Uint8Array): string => {
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
};

const fromBase64Url = (text: string): Uint8Array => {
	const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
	return Uint8Array.from(binary, (char) => char.charCodeAt(0));
};

async function pipe(
	bytes: Uint8Array,
	stream: CompressionStream | DecompressionStream
): Promise<Uint8Array> {
	const output = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(stream);
	return new Uint8Array(await new Response(output).arrayBuffer());
}

/** Longest `handover=` value read (base64url characters); longer links are refused unread. */
export const MAX_LINK_CHARS = 64_000;
/** Most bytes a link may inflate to; a link that would inflate further is refused. */
export const MAX_INFLATED_BYTES = 1_000_000;
/** Template values carried: at most this many, each at most this long. */
const MAX_VALUES = 200;
const MAX_VALUE_CHARS = 4_000;

/** Inflates `bytes`, stopping as soon as the output passes `limit` (a zip bomb never fills memory). */
async function inflate(bytes: Uint8Array, limit: number): Promise<Uint8Array | undefined> {
	const reader = new Blob([bytes as Uint8Array<ArrayBuffer>])
		.stream()
		.pipeThrough(new DecompressionStream('deflate-raw'))
		.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > limit) {
			await reader.cancel();
			return undefined;
		}
		chunks.push(value);
	}
	const out = new Uint8Array(size);
	let offset = 0;
	for (const chunk of chunks) {
		out.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return out;
}

/** What a hand-over link carries: the incident (its ticks are timeline events) and template values. */
export interface Handover {
	incident: Incident;
	/** Template values typed for this incident (field name → text). */
	values: Record<string, string>;
}

/** The fragment (without `#`) that carries `incident` and the template values typed for it. */
export async function encodeHandover(
	incident: Incident,
	values: Record<string, string> = {}
): Promise<string> {
	const file = { ...toIncidentFile(incident), values: boundedValues(values) ?? {} };
	const json = new TextEncoder().encode(JSON.stringify(file));
	return `${HANDOVER_PARAM}=${toBase64Url(await pipe(json, new CompressionStream('deflate-raw')))}`;
}

/** Values as a plain record of bounded strings; `undefined` when they are not one. */
function boundedValues(raw: unknown): Record<string, string> | undefined {
	if (raw === undefined) return {};
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
	const entries = Object.entries(raw);
	if (entries.length > MAX_VALUES) return undefined;
	const values: Record<string, string> = Object.create(null);
	for (const [name, value] of entries) {
		if (typeof value !== 'string' || value.length > MAX_VALUE_CHARS) return undefined;
		values[name] = value;
	}
	return values;
}

const DAMAGED =
	'This hand-over link is damaged or incomplete (it may have been cut off when pasted). Ask for the link again.';

/**
 * The hand-over in a fragment, `null` when there is none, or an error sentence. Reading is
 * bounded: a link longer than `MAX_LINK_CHARS` or inflating past `MAX_INFLATED_BYTES` is refused
 * before it is parsed.
 */
export async function decodeHandover(
	fragment: string
): Promise<Handover | { error: string } | null> {
	const value = new URLSearchParams(fragment.replace(/^#/, '')).get(HANDOVER_PARAM);
	if (value === null) return null;
	if (value.length > MAX_LINK_CHARS)
		return {
			error: `This hand-over link is too long to be one Responder made (${value.length} characters; the limit is ${MAX_LINK_CHARS}). Nothing was read.`,
		};
	try {
		const bytes = await inflate(fromBase64Url(value), MAX_INFLATED_BYTES);
		if (!bytes)
			return {
				error: `This hand-over link unpacks to more than ${MAX_INFLATED_BYTES / 1_000_000} MB, more than any incident Responder hands over. Nothing was read.`,
			};
		const raw: unknown = JSON.parse(new TextDecoder().decode(bytes));
		const result = IncidentFileSchema().safeParse(migrateIncidentFile(raw));
		const values = boundedValues((raw as { values?: unknown }).values);
		if (result.success && values) return { incident: result.data.incident as Incident, values };
	} catch {
		// Falls through to the message: a truncated or edited link cannot be read.
	}
	return { error: DAMAGED };
}

/**
 * The checklist ticks a timeline carries, as stored checklist records per document: for each
 * item, its last tick or untick wins; a reset clears that list. Ticks recorded without a
 * checklist and item (migrated from version 1) cannot be placed and stay on the timeline only.
 */
export function checklistsFromTimeline(incident: Incident): Record<string, ChecklistRecord> {
	const lists = new Map<string, Record<string, Tick>>();
	for (const entry of incident.timeline) {
		if (entry.type === 'checklist-reset') lists.set(entry.checklist, {});
		if (entry.type !== 'step-ticked' && entry.type !== 'step-unticked') continue;
		if (!entry.checklist || !entry.item) continue;
		const ticks = lists.get(entry.checklist) ?? {};
		if (entry.type === 'step-ticked') ticks[entry.item] = { at: entry.at, text: entry.text };
		else delete ticks[entry.item];
		lists.set(entry.checklist, ticks);
	}
	return Object.fromEntries(
		[...lists].map(([document, ticks]) => [document, { version: CHECKLIST_VERSION, ticks }])
	);
}

/** Adds the ticks a hand-over brings to what this browser already holds; ticks kept here win. */
export const mergeChecklist = (
	held: ChecklistRecord | undefined,
	arriving: ChecklistRecord
): ChecklistRecord => ({
	...(held ?? arriving),
	version: CHECKLIST_VERSION,
	ticks: { ...arriving.ticks, ...(held?.ticks ?? {}) },
});

/** What the receiving page shows before "Take over". */
export interface HandoverPreview {
	id: string;
	title: string;
	status: string;
	severity: string;
	roles: [string, string][];
	/** The last entries, newest last. */
	lastEntries: { at: string; text: string }[];
	/**
	 * Ticks per checklist document: how many, and the first `PREVIEW_STEPS` step names in tick
	 * order, each at most `PREVIEW_STEP_CHARS` long, so a long list keeps the preview short.
	 */
	ticks: { document: string; count: number; steps: string[] }[];
	values: number;
}

/** Step names shown per checklist before "Take over"; the rest are counted. */
export const PREVIEW_STEPS = 8;
/** Longest step name shown; a longer one ends in `…`. */
export const PREVIEW_STEP_CHARS = 120;

const clip = (text: string): string =>
	text.length > PREVIEW_STEP_CHARS ? `${text.slice(0, PREVIEW_STEP_CHARS - 1).trimEnd()}…` : text;

export function handoverPreview(
	{ incident, values }: Handover,
	severityName: (id: string) => string,
	last = 5
): HandoverPreview {
	return {
		id: incident.id,
		title: incident.title,
		status: STATUS_LABELS[incident.status],
		severity: severityName(incident.severity),
		roles: Object.entries(incident.roles).map(([role, person]) => [roleLabel(role), person]),
		lastEntries: incident.timeline
			.slice(-last)
			.map((entry) => ({ at: entry.at, text: entryText(entry) })),
		ticks: Object.entries(checklistsFromTimeline(incident))
			.map(([document, record]) => {
				const ticks = Object.values(record.ticks).sort((a, b) => a.at.localeCompare(b.at));
				return {
					document,
					count: ticks.length,
					steps: ticks.slice(0, PREVIEW_STEPS).map((tick) => clip(tick.text)),
				};
			})
			.filter((list) => list.count > 0),
		values: Object.keys(values).length,
	};
}
