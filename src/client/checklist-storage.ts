/**
 * Checklist ticks in localStorage, one key per tick (layout in `src/lib/checklist-store.ts`):
 * loading a list and writing one tick. A list stored only as a version 1/2 value loads as `old`:
 * `checklist-migration.ts` moves it to version 3, loaded only then. Every list of an incident is
 * read for its export by `checklist-records.ts`. Never throws; callers show the status.
 */
import {
	checklistKey,
	decodeListValue,
	decodeTick,
	legacyChecklistKey,
	listValue,
	tickItem,
	tickKey,
	tickPrefix,
	CHECKLIST_VERSION,
	type ChecklistRecord,
	type Tick,
} from '../lib/checklist-store.ts';
import { hasKey, keysWithPrefix, readJson, removeKey, writeJson } from './safe-storage.ts';

export type LoadResult =
	| { status: 'ok'; record: ChecklistRecord; movedTo?: string }
	| { status: 'unavailable' }
	/** Nothing in version 3, but a version 1/2 value to move (`checklist-migration.ts`). */
	| { status: 'old'; key: string };

/** Ticks keyed by item id, in an object without a prototype (an item id can be `__proto__`). */
export const tickMap = (): Record<string, Tick> => Object.create(null) as Record<string, Tick>;

/**
 * Reads a list's ticks. Unreadable values (corrupted, or a version this build does not know) are
 * moved aside by `readJson` and named in `movedTo`; the rest of the list still loads.
 */
export function loadChecklist(incidentId: string | null, document: string): LoadResult {
	const key = checklistKey(incidentId, document);
	const list = readJson(key, decodeListValue);
	if (list.status === 'unavailable') return { status: 'unavailable' };
	let movedTo = list.status === 'corrupt' ? (list.movedTo ?? key) : undefined;
	const ticks = tickMap();
	const prefix = tickPrefix(key);
	for (const itemKey of keysWithPrefix(prefix)) {
		const item = tickItem(key, itemKey);
		if (item === undefined) continue;
		const tick = readJson(itemKey, decodeTick);
		if (tick.status === 'ok') ticks[item] = tick.value;
		else if (tick.status === 'corrupt') movedTo ??= tick.movedTo ?? itemKey;
	}
	const items = list.status === 'ok' ? list.value.items : undefined;
	const record: ChecklistRecord = {
		version: CHECKLIST_VERSION,
		ticks,
		...(items ? { items } : {}),
	};
	if (list.status === 'empty' && Object.keys(ticks).length === 0) {
		const legacy = legacyChecklistKey(incidentId, document);
		if (legacy && hasKey(legacy)) return { status: 'old', key: legacy };
	}
	return { status: 'ok', record, ...(movedTo ? { movedTo } : {}) };
}

/** Writes or (with `undefined`) removes one item's tick; `false` when storage refused. */
export function saveTick(
	incidentId: string | null,
	document: string,
	item: string,
	tick: Tick | undefined
): boolean {
	const key = tickKey(checklistKey(incidentId, document), item);
	return tick ? writeJson(key, tick) : removeKey(key);
}

/** Writes the list's item ids and every tick (after a migration, or storage cleared elsewhere). */
export function saveList(
	incidentId: string | null,
	document: string,
	record: ChecklistRecord
): boolean {
	const key = checklistKey(incidentId, document);
	let saved = writeJson(key, listValue(record));
	for (const [item, tick] of Object.entries(record.ticks))
		saved = writeJson(tickKey(key, item), tick) && saved;
	return saved;
}

/** Writes only the list's item ids as shown now. */
export const saveItems = (incidentId: string | null, document: string, record: ChecklistRecord) =>
	writeJson(checklistKey(incidentId, document), listValue(record));
