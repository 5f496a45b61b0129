/**
 * The names the incident's browser parts share: the storage key and the window events, and whether
 * any incident is stored. Apart from `incident-context.ts` so the banner can watch for a first
 * incident without loading the model.
 */

export const INCIDENTS_KEY = 'responder:incidents';
/** Fired on `window` after this tab changed the store. */
export const CHANGED_EVENT = 'responder:incidents-changed';
/** Fired on `window` in the tab that changes the active incident (other tabs get a storage event). */
export const ACTIVE_INCIDENT_EVENT = 'responder:active-incident';
/** Fired on `window` by features with a `RecordedEvent` as `detail`; the workspace records it. */
export const TIMELINE_EVENT = 'responder:timeline';

/**
 * Whether this browser holds incidents; `undefined` when storage cannot be read (then no incident
 * is active either: `activeIncident()` says `null`).
 */
export function incidentsStored(): boolean | undefined {
	try {
		return localStorage.getItem(INCIDENTS_KEY) !== null;
	} catch {
		return undefined;
	}
}
