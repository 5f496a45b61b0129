/**
 * The incident store as data: reading it, and the pure operations every page needs (recording a
 * timeline event); what the workspace and the banner's buttons do is in `incident-edits.ts`. The
 * browser part (`src/client/incident-store-client.ts`) only reads, applies one operation and
 * writes back, so every rule is unit-tested. This module loads on every page with the banner, so
 * it stays small and has no zod: stored data is checked by the guard in `incident-context.ts`; the
 * full schema for what comes from outside is in `incident-file.ts`, loaded on demand.
 */
import {
	isIncidentStore,
	type Incident,
	type IncidentStore,
	type TimelineEntry,
	type TimelineEvent,
} from '../client/incident-context.ts';

export const emptyStore = (): IncidentStore => ({ version: 1, activeId: null, incidents: {} });

/**
 * Reads stored JSON into a store; `undefined` for anything not recognised (the caller moves it
 * aside). Older versions would be migrated here; version 1 is the first.
 */
export function parseStore(raw: unknown): IncidentStore | undefined {
	if (!isIncidentStore(raw)) return undefined;
	const store = { ...raw };
	if (store.activeId !== null && !store.incidents[store.activeId]) store.activeId = null;
	return store;
}

/** A timeline entry id unique within its incident, independent of position. */
function nextEntryId(incident: Incident): string {
	const max = incident.timeline.reduce(
		(highest, entry) => Math.max(highest, Number(entry.id.replace(/^e/, '')) || 0),
		0
	);
	return `e${max + 1}`;
}

/** Adds an entry, keeping the timeline in time order (equal times keep arrival order). */
export function withEntry(incident: Incident, event: TimelineEvent, now: Date): Incident {
	const entry: TimelineEntry = {
		id: nextEntryId(incident),
		at: event.at ?? now.toISOString(),
		type: event.type,
		text: event.text,
	};
	const timeline = [...incident.timeline];
	let index = timeline.length;
	while (index > 0 && Date.parse(timeline[index - 1]!.at) > Date.parse(entry.at)) index -= 1;
	timeline.splice(index, 0, entry);
	return { ...incident, timeline };
}

export function change(
	store: IncidentStore,
	id: string,
	update: (incident: Incident) => Incident
): IncidentStore {
	const incident = store.incidents[id];
	if (!incident) return store;
	return { ...store, incidents: { ...store.incidents, [id]: update(incident) } };
}

/** Whether a copied message is a stakeholder update, which resets the update clock. */
export const isUpdateCopy = (event: TimelineEvent): boolean =>
	event.type === 'copy' && /\bupdate\b/i.test(event.text);

/** Records an event sent by a feature (tick, copy, …) on the active incident. */
export function recordEvent(store: IncidentStore, event: TimelineEvent, now: Date): IncidentStore {
	if (!store.activeId) return store;
	return change(store, store.activeId, (incident) => {
		const next = withEntry(incident, event, now);
		return isUpdateCopy(event) ? { ...next, lastUpdateAt: event.at ?? now.toISOString() } : next;
	});
}
