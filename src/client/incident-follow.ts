/**
 * How checklists and templates follow the incident being worked without loading its model: a
 * signal when the active incident may have changed, and a way to put events on its timeline. Which
 * incident is active takes the model (`incident-context.ts`), which a page loads only once this
 * browser holds incidents (`incidentsStored` in `incident-keys.ts`).
 */
import type { RecordedEvent } from '../incident/model.ts';
import { ACTIVE_INCIDENT_EVENT, INCIDENTS_KEY, TIMELINE_EVENT } from './incident-keys.ts';
import { onStorageChange } from './safe-storage.ts';

/** Calls `listener` whenever the active incident may have changed, in this tab or another. */
export function onActiveIncidentChange(listener: () => void): () => void {
	globalThis.addEventListener?.(ACTIVE_INCIDENT_EVENT, listener);
	const stop = onStorageChange(INCIDENTS_KEY, listener);
	return () => {
		globalThis.removeEventListener?.(ACTIVE_INCIDENT_EVENT, listener);
		stop();
	};
}

/** Asks the page's store to record an event on the active incident's timeline (ignored when none). */
export function recordTimeline(event: RecordedEvent): void {
	globalThis.dispatchEvent?.(new CustomEvent<RecordedEvent>(TIMELINE_EVENT, { detail: event }));
}
