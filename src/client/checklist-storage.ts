/**
 * Checklist ticks in localStorage, one key per tick (layout in `src/lib/checklist-store.ts`):
 * loading a list (moving a version 1/2 value to version 3 on the way) and writing one tick; every
 * list of an incident is read for its export by `checklist-records.ts`. Never throws; callers show
 * the status.
 */
import {
	checklistKey,
	decodeChecklist,
	decodeListValue,
	decodeTick,
	legacyChecklistKey,
	listValue,
	parseScopedKey,
	scopePrefix,
	tickKey,
	tickPrefix,
	CHECKLIST_VERSION,
	type ChecklistRecord,
	type Tick,
} from '../lib/checklist-store.ts';
import { keysWithPrefix, readJson, removeKey, writeJson } from './safe-storage.ts';

export type LoadResult =
	{ status: 'ok'; record: ChecklistRecord; movedTo?: string } | { status: 'unavailable' };

/** Ticks keyed by item id, in an object without a prototype (an item id can be `__proto__`). */
const tickMap = (): Record<string, Tick> => Object.create(null) as Record<string, Tick>;

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
		const item = parseScopedKey(scopePrefix(incidentId), itemKey)?.item;
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
		const migrated = migrate(incidentId, document);
		if (migrated.record) return { status: 'ok', record: migrated.record };
		movedTo ??= migrated.movedTo;
	}
	return { status: 'ok', record, ...(movedTo ? { movedTo } : {}) };
}

/**
 * Moves a version 1/2 value to the version 3 keys; the old key goes once all are written. An
 * unreadable old value is moved aside (`movedTo`).
 */
function migrate(
	incidentId: string | null,
	document: string
): { record?: ChecklistRecord; movedTo?: string } {
	const legacy = legacyChecklistKey(incidentId, document);
	if (!legacy) return {};
	const old = readJson(legacy, decodeChecklist);
	if (old.status === 'corrupt') return { movedTo: old.movedTo ?? legacy };
	if (old.status !== 'ok') return {};
	const record = { ...old.value, ticks: Object.assign(tickMap(), old.value.ticks) };
	if (saveList(incidentId, document, record)) removeKey(legacy);
	return { record };
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
