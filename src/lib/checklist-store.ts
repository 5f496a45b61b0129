/**
 * How checklist ticks are stored in the browser. One value per checklist document and incident
 * scope, under `responder:checklist:<scope>:<document>`, e.g.
 * `responder:checklist:default:servio/scenarios/database-connection-exhaustion`.
 *
 * Ticks are kept by item id. Unticking deletes a tick; an item that left the list keeps its tick
 * (with the text it had), so the incident export can list "ticked items no longer in this list".
 *
 * Versions: 1 stored only the tick time (`ticked: { id: iso }`); 2 adds the item's text so ticks of
 * removed items can still be named, and optionally `items`: the ids of the list as the responder
 * last saw it, which tells the export which ticks belong to items no longer in the list.
 * `decodeChecklist` upgrades old values; the next write stores the current version.
 */

export const CHECKLIST_KEY_PREFIX = 'responder:checklist:';
export const CHECKLIST_VERSION = 2;

export interface Tick {
	/** ISO time in UTC when the item was ticked. */
	at: string;
	/** The item's text when it was ticked. */
	text: string;
}

export interface ChecklistRecord {
	version: typeof CHECKLIST_VERSION;
	ticks: Record<string, Tick>;
	/** Item ids of the list when last shown; absent when never recorded. */
	items?: string[];
}

/** The storage key for a document's ticks in a scope (`default` or an incident id). */
export const checklistKey = (scope: string, document: string): string =>
	`${CHECKLIST_KEY_PREFIX}${scope}:${document}`;

export const emptyChecklist = (): ChecklistRecord => ({ version: CHECKLIST_VERSION, ticks: {} });

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const isIsoTime = (value: unknown): value is string =>
	typeof value === 'string' && !Number.isNaN(Date.parse(value));

/** Each stored version's upgrade to the next one; a value walks the chain to the current version. */
const MIGRATIONS: Record<
	number,
	(value: Record<string, unknown>) => Record<string, unknown> | undefined
> = {
	1: (value) => {
		if (!isObject(value.ticked)) return undefined;
		const ticks: Record<string, Tick> = {};
		for (const [id, at] of Object.entries(value.ticked)) {
			if (!isIsoTime(at)) return undefined;
			ticks[id] = { at, text: '' };
		}
		return { version: 2, ticks };
	},
};

/**
 * Reads a stored value, upgrading older versions; `undefined` for anything it does not recognise
 * (corrupted or foreign data, or a version newer than this build knows).
 */
export function decodeChecklist(raw: unknown): ChecklistRecord | undefined {
	if (!isObject(raw) || typeof raw.version !== 'number') return undefined;
	let value: Record<string, unknown> | undefined = raw;
	while (value && typeof value.version === 'number' && value.version < CHECKLIST_VERSION) {
		const migrate:
			((value: Record<string, unknown>) => Record<string, unknown> | undefined) | undefined =
			MIGRATIONS[value.version];
		value = migrate?.(value);
	}
	if (!value || value.version !== CHECKLIST_VERSION || !isObject(value.ticks)) return undefined;
	const ticks: Record<string, Tick> = {};
	for (const [id, tick] of Object.entries(value.ticks)) {
		if (!isObject(tick) || !isIsoTime(tick.at) || typeof tick.text !== 'string') return undefined;
		ticks[id] = { at: tick.at, text: tick.text };
	}
	const items =
		Array.isArray(value.items) && value.items.every((id) => typeof id === 'string')
			? { items: value.items as string[] }
			: {};
	return { version: CHECKLIST_VERSION, ticks, ...items };
}

/** A copy of `record` with `id` ticked at `at`, or unticked when `tick` is `undefined`. */
export function withTick(
	record: ChecklistRecord,
	id: string,
	tick: Tick | undefined
): ChecklistRecord {
	const ticks = { ...record.ticks };
	if (tick) ticks[id] = tick;
	else delete ticks[id];
	return { ...record, ticks };
}

/** A copy of `record` without the ticks of `ids` (a reset of the items on the page). */
export function withoutTicks(record: ChecklistRecord, ids: readonly string[]): ChecklistRecord {
	const ticks = { ...record.ticks };
	for (const id of ids) delete ticks[id];
	return { ...record, ticks };
}

/** A copy of `record` that remembers the list's current item ids. */
export const withItems = (record: ChecklistRecord, ids: readonly string[]): ChecklistRecord => ({
	...record,
	items: [...ids],
});

/** Whether `record` already remembers exactly these item ids. */
export const sameItems = (record: ChecklistRecord, ids: readonly string[]): boolean =>
	record.items !== undefined &&
	record.items.length === ids.length &&
	record.items.every((id, index) => id === ids[index]);

/** Ticks whose items are not in `ids`: kept in storage, listed by the incident export. */
export function orphanedTicks(record: ChecklistRecord, ids: readonly string[]): [string, Tick][] {
	const present = new Set(ids);
	return Object.entries(record.ticks).filter(([id]) => !present.has(id));
}

/** "04:52 UTC": the time shown next to a ticked item. */
export const tickTimeUtc = (at: string): string =>
	`${new Date(at).toISOString().slice(11, 16)} UTC`;
