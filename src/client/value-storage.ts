/**
 * Template values in localStorage (layout in `src/incident/template-values.ts`): reading an
 * incident's values, moving values stored under the first layout's key on the way, and writing
 * them. Never throws; callers show the status.
 */
import { readJson, removeKey, writeJson, type ReadResult } from './safe-storage.ts';
import { legacyValuesKey, parseValueStore, valuesKey } from '../incident/template-values.ts';

/**
 * The values typed in an incident's scope (`null`: before any incident). When none are stored
 * yet, values under the first layout's key are moved here; unreadable ones are moved aside by
 * `readJson` (`corrupt`).
 */
export function loadValues(incidentId: string | null): ReadResult<Record<string, string>> {
	const result = readJson(valuesKey(incidentId), parseValueStore);
	const legacy = legacyValuesKey(incidentId);
	if (result.status !== 'empty' || legacy === undefined) return result;
	const old = readJson(legacy, parseValueStore);
	if (old.status === 'ok' && saveValues(incidentId, old.value)) removeKey(legacy);
	return old;
}

/** Writes an incident's values; `false` when storage refused. */
export const saveValues = (incidentId: string | null, values: Record<string, string>): boolean =>
	writeJson(valuesKey(incidentId), { version: 1, values });
