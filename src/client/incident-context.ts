/**
 * What every feature needs to know about the incident being worked, in the browser: the active
 * incident (scope for checklist ticks and template values). Following it and sending timeline
 * events need no model: `incident-follow.ts`. The model itself (types, guard, event text) is in `src/incident/model.ts`; the
 * incident workspace and the banner own the store; checklists and templates only read it and send
 * timeline events.
 *
 * Storage: `responder:incidents` holds an `IncidentStore` (JSON, `version` 2; version 1 is
 * migrated when read).
 */
import { readJson, type ReadResult } from './safe-storage.ts';
import { activeOf, type Incident, type IncidentStore } from '../incident/model.ts';
import { parseStore } from '../incident/store.ts';
import { INCIDENTS_KEY } from './incident-keys.ts';

let movedAside: string | undefined;

/**
 * Reads the stored incidents (migrating version 1). Unreadable data (bad JSON, an invalid status
 * or date, an active id such as `__proto__`) is moved aside under `responder:incidents:corrupt:<time>`
 * by `readJson`; whichever feature read it first, `movedAsideKey()` then names the key so the
 * banner and the workspace can say so.
 */
export function readStore(): ReadResult<IncidentStore> {
	const result = readJson(INCIDENTS_KEY, parseStore);
	if (result.status === 'corrupt') movedAside = result.movedTo ?? INCIDENTS_KEY;
	return result;
}

/** Where unreadable incidents were put on this page, if any were. */
export const movedAsideKey = (): string | undefined => movedAside;

/** The active incident, or `null` when none is running (or storage cannot be read). */
export function activeIncident(): Incident | null {
	const result = readStore();
	return result.status === 'ok' ? activeOf(result.value) : null;
}

/** The active incident's id, or `null`: whose scope per-incident state is stored in. */
export const activeIncidentId = (): string | null => activeIncident()?.id ?? null;
