/**
 * Loading a list that may still be stored the way versions 1 and 2 did (one value per list, read
 * by `decodeChecklist`): the value moves to the version 3 keys on the way. A page with a checklist
 * loads this only when `loadChecklist` finds such a value (`old`); the workspace always does.
 */
import { decodeChecklist } from '../lib/checklist-decode.ts';
import { CHECKLIST_VERSION } from '../lib/checklist-store.ts';
import { loadChecklist, saveList, tickMap, type LoadResult } from './checklist-storage.ts';
import { readJson, removeKey } from './safe-storage.ts';

/**
 * `loadChecklist`, moving an old value to the version 3 keys (the old key goes once all are
 * written). An unreadable old value is moved aside and named in `movedTo`.
 */
export function loadMigrated(
	incidentId: string | null,
	document: string
): Exclude<LoadResult, { status: 'old' }> {
	const result = loadChecklist(incidentId, document);
	if (result.status !== 'old') return result;
	const old = readJson(result.key, decodeChecklist);
	if (old.status === 'unavailable') return old;
	if (old.status === 'ok') {
		const record = { ...old.value, ticks: Object.assign(tickMap(), old.value.ticks) };
		if (saveList(incidentId, document, record)) removeKey(result.key);
		return { status: 'ok', record };
	}
	const movedTo = old.status === 'corrupt' ? { movedTo: old.movedTo ?? result.key } : {};
	return { status: 'ok', record: { version: CHECKLIST_VERSION, ticks: tickMap() }, ...movedTo };
}
