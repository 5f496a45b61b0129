/**
 * Recording on the incident store: adding a timeline event to the active incident, and merging two
 * copies of the store (two tabs, or storage and this page's memory). Pure, so every rule is
 * unit-tested; apart from reading (`store.ts`, on every page with a checklist) because only the
 * banner, once an incident runs, and the workspace record.
 */
import {
	activeOf,
	type Incident,
	type IncidentStore,
	type RecordedEvent,
	type TimelineEntry,
} from './model.ts';

/**
 * A timeline entry id unique across tabs and incidents: the time and 64 random bits, so two tabs
 * recording at once never give different entries one id (ids stored before, `e1`, `e2`, …, stay).
 */
export function newEntryId(now: Date): string {
	const random = globalThis.crypto.getRandomValues(new Uint32Array(2));
	const hex = [...random].map((part) => part.toString(16).padStart(8, '0')).join('');
	return `e-${now.getTime().toString(36)}-${hex}`;
}

/** Adds an entry, keeping the timeline in time order (equal times keep arrival order). */
export function withEntry(incident: Incident, event: RecordedEvent, now: Date): Incident {
	const { at, ...fields } = event;
	const entry = {
		...fields,
		id: newEntryId(now),
		at: at ?? now.toISOString(),
	} as TimelineEntry;
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
	if (!Object.hasOwn(store.incidents, id)) return store;
	const incident = store.incidents[id]!;
	return { ...store, incidents: { ...store.incidents, [id]: update(incident) } };
}

/** Records an event sent by a feature (tick, message sent, …) on the active incident. */
export function recordEvent(store: IncidentStore, event: RecordedEvent, now: Date): IncidentStore {
	const active = activeOf(store);
	if (!active) return store;
	return change(store, active.id, (incident) => withEntry(incident, event, now));
}

// --- merging two tabs' copies ----------------------------------------------------------------

const byTime = (a: TimelineEntry, b: TimelineEntry) => Date.parse(a.at) - Date.parse(b.at);

/**
 * `newer`'s timeline plus the entries only `older` has, without deleted ones. An entry both have
 * is kept as `newer` has it (edits win); a deleted id only removes an entry one side lacks, so an
 * old per-incident id (`e3`) deleted in one incident cannot remove another incident's `e3`.
 */
function mergeTimelines(
	newer: TimelineEntry[],
	older: TimelineEntry[],
	deleted: Set<string>
): TimelineEntry[] {
	const newerIds = new Set(newer.map((entry) => entry.id));
	const olderIds = new Set(older.map((entry) => entry.id));
	const kept = newer.filter((entry) => !deleted.has(entry.id) || olderIds.has(entry.id));
	const added = older.filter((entry) => !newerIds.has(entry.id) && !deleted.has(entry.id));
	if (added.length === 0 && kept.length === newer.length) return newer;
	return [...kept, ...added].sort(byTime);
}

/**
 * Merges two copies of the store, `newer` (storage, or the value another tab just wrote) and
 * `older` (this tab's copy): `newer` wins everywhere, except that each incident both hold keeps
 * every timeline entry either recorded and none either deleted. Returns `newer` itself when
 * `older` adds nothing, so a caller knows when to save the merge again.
 */
export function mergeStores(newer: IncidentStore, older: IncidentStore): IncidentStore {
	const deleted = new Set([...(newer.deleted ?? []), ...(older.deleted ?? [])]);
	let changed = deleted.size !== (newer.deleted ?? []).length;
	const incidents: Record<string, Incident> = {};
	for (const [id, incident] of Object.entries(newer.incidents)) {
		let merged = incident;
		if (Object.hasOwn(older.incidents, id)) {
			const timeline = mergeTimelines(incident.timeline, older.incidents[id]!.timeline, deleted);
			if (timeline !== incident.timeline) {
				merged = { ...incident, timeline };
				changed = true;
			}
		}
		// defineProperty: an incident stored under `__proto__` stays data, never a prototype.
		Object.defineProperty(incidents, id, {
			value: merged,
			enumerable: true,
			writable: true,
			configurable: true,
		});
	}
	if (!changed) return newer;
	return { ...newer, incidents, ...(deleted.size > 0 ? { deleted: [...deleted] } : {}) };
}
