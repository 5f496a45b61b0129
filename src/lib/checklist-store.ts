/**
 * How checklist ticks are stored in the browser (storage version 3). Each tick has a key of its
 * own, so two tabs ticking different items of one list at the same moment can never overwrite each
 * other's tick; the list's own key remembers the item ids as last shown:
 *
 * - `responder:checklist:v3:<scope>:<document>` holds `{ version: 3, items?: [<item id>…] }`;
 * - `responder:checklist:v3:<scope>:<document>:item:<item id>` holds `{ at, text }`.
 *
 * `<scope>` is `storageScope(…)` (`default` before any incident, `incident:<encoded id>` during
 * one); the document and item id are URI-encoded too, so no id can reach into another list.
 *
 * Ticks are kept by item id. Unticking deletes a tick; an item that left the list keeps its tick
 * (with the text it had), so the incident export can list "ticked items no longer in this list".
 *
 * Earlier versions kept one value per list under `responder:checklist:<incident id or default>:
 * <document>`: 1 stored only the tick time (`ticked: { id: iso }`), 2 the time and text
 * (`ticks: { id: { at, text } }`) and optionally `items`. `decodeChecklist` (checklist-decode.ts)
 * reads them; the page moves such a value to the version 3 keys the first time it loads the list.
 */

import { legacyScope, storageScope } from './storage-scope.ts';

export const CHECKLIST_KEY_PREFIX = 'responder:checklist:';
const V3_PREFIX = `${CHECKLIST_KEY_PREFIX}v3:`;
export const CHECKLIST_VERSION = 2;
export const CHECKLIST_STORAGE_VERSION = 3;

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

/** The key of a list (its item ids as last shown); its ticks' keys start with it. */
export const checklistKey = (incidentId: string | null, document: string): string =>
	`${scopePrefix(incidentId)}${encodeURIComponent(document)}`;

/** The key of one item's tick in the list stored under `listKey`. */
export const tickKey = (listKey: string, item: string): string =>
	`${tickPrefix(listKey)}${encodeURIComponent(item)}`;

/** What every tick key of the list under `listKey` starts with. */
export const tickPrefix = (listKey: string): string => `${listKey}:item:`;

/** What every key of a scope starts with (for the export, which reads all lists of an incident). */
export const scopePrefix = (incidentId: string | null): string =>
	`${V3_PREFIX}${storageScope(incidentId)}:`;

/** The version 1/2 key of a list, to move into version 3 (see `legacyScope`). */
export function legacyChecklistKey(incidentId: string | null, document: string) {
	const scope = legacyScope(incidentId);
	return scope === undefined ? undefined : `${CHECKLIST_KEY_PREFIX}${scope}:${document}`;
}

/** The item a key under `tickPrefix(listKey)` names; `undefined` for any other key there. */
export function tickItem(listKey: string, key: string): string | undefined {
	const prefix = tickPrefix(listKey);
	return key.startsWith(prefix) ? decodeKeyPart(key.slice(prefix.length)) : undefined;
}

/** A document or item id as a key holds it; `undefined` when empty, holding `:` or badly encoded. */
export function decodeKeyPart(part: string): string | undefined {
	if (!part || part.includes(':')) return undefined;
	try {
		return decodeURIComponent(part);
	} catch {
		return undefined;
	}
}

/** A stored tick (`{ at, text }`); `undefined` for anything else. */
export function decodeTick(raw: unknown): Tick | undefined {
	return isObject(raw) && isIsoTime(raw.at) && typeof raw.text === 'string'
		? { at: raw.at, text: raw.text }
		: undefined;
}

/** A stored list value of version 3: the item ids as last shown, when recorded. */
export function decodeListValue(raw: unknown): { items?: string[] } | undefined {
	if (!isObject(raw) || raw.version !== CHECKLIST_STORAGE_VERSION) return undefined;
	if (raw.items === undefined) return {};
	return Array.isArray(raw.items) && raw.items.every((id) => typeof id === 'string')
		? { items: raw.items as string[] }
		: undefined;
}

/** The list value written under `checklistKey(…)`. */
export const listValue = (record: ChecklistRecord) => ({
	version: CHECKLIST_STORAGE_VERSION,
	...(record.items ? { items: record.items } : {}),
});

export const emptyChecklist = (): ChecklistRecord => ({ version: CHECKLIST_VERSION, ticks: {} });

export const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

export const isIsoTime = (value: unknown): value is string =>
	typeof value === 'string' && !Number.isNaN(Date.parse(value));

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

/** "04:52 UTC": the time shown next to a ticked item. */
export const tickTimeUtc = (at: string): string =>
	`${new Date(at).toISOString().slice(11, 16)} UTC`;
