/**
 * The incident store as data: reading it (migrating older versions), and the pure operation every
 * page needs (recording a timeline event); what the workspace and the banner's buttons do is in
 * `edits.ts`. The browser part (`src/client/incident-store-client.ts`) only reads, applies one
 * operation and writes back, so every rule is unit-tested. This module loads on every page with
 * the banner, so it stays small and has no zod.
 */
import {
	activeOf,
	isIncidentStore,
	roleId,
	statusFromLabel,
	STORE_VERSION,
	type Incident,
	type IncidentStore,
	type RecordedEvent,
	type TimelineEntry,
	type TimelineEvent,
} from './model.ts';

export const emptyStore = (): IncidentStore => ({
	version: STORE_VERSION,
	activeId: null,
	incidents: {},
});

/**
 * Reads stored JSON into a store, migrating version 1; `undefined` for anything not recognised
 * (the caller moves it aside under a `:corrupt:<time>` key and says so).
 */
export function parseStore(raw: unknown): IncidentStore | undefined {
	const migrated = migrateStore(raw);
	if (!isIncidentStore(migrated)) return undefined;
	const store = { ...migrated };
	if (store.activeId !== null && !activeOf(store)) store.activeId = null;
	return store;
}

// --- version 1 → 2 ---------------------------------------------------------------------------

/** A version-1 timeline entry: the facts were only in its text. */
interface EntryV1 {
	id: string;
	at: string;
	type: string;
	text: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** Turns one version-1 entry into an event by reading the text version 1 wrote. */
export function migrateEntry(entry: EntryV1, incident: { severity: string }): TimelineEvent {
	const { type, text } = entry;
	const status = /^Status: (\w+) → (\w+)$/.exec(text);
	const severity = /^Severity: (.+) → (.+)$/.exec(text);
	const declared = /^Incident declared at ([^:]+): (.*)$/s.exec(text);
	const role = /^([^:]+): (.*)$/s.exec(text);
	const copy = /^Copied (.*) \(([^()]*)\)$/s.exec(text);
	switch (type) {
		case 'declared':
			return {
				type: 'declared',
				severity: incident.severity,
				level: declared?.[1] ?? '',
				title: declared?.[2] ?? text,
			};
		case 'status': {
			if (text === 'Acknowledged') return { type: 'acknowledged' };
			const from = statusFromLabel(status?.[1] ?? '');
			const to = statusFromLabel(status?.[2] ?? '');
			if (from && to) return { type: 'status-changed', from, to };
			break;
		}
		case 'severity':
			if (severity)
				return {
					type: 'severity-changed',
					from: '',
					to: '',
					fromLevel: severity[1]!,
					toLevel: severity[2]!,
				};
			break;
		case 'role':
			if (role)
				return {
					type: 'role-assigned',
					role: roleId(role[1]!),
					person: role[2] === 'unassigned' ? '' : role[2]!,
				};
			break;
		case 'tick':
			return { type: 'step-ticked', checklist: '', item: '', text };
		case 'untick': {
			const reset = /^Checklist reset: (\d+) ticked steps? unticked$/.exec(text);
			if (reset) return { type: 'checklist-reset', checklist: '', count: Number(reset[1]) };
			return { type: 'step-unticked', checklist: '', item: '', text };
		}
		case 'copy':
			if (copy)
				return {
					type: 'message-sent',
					template: '',
					title: copy[1]!,
					kind: '',
					channel: copy[2]!,
					// Version 1 reset the update clock on copies whose title said "update".
					update: /\bupdate\b/i.test(copy[1]!),
				};
			break;
		case 'closed':
			return { type: 'closed' };
		case 'note':
			return { type: 'note', text };
	}
	// Text version 1 could not have written: kept word for word as a note.
	return { type: 'note', text };
}

/** A version-1 incident as version 2 (its entries' text read into fields, `lastUpdateAt` dropped). */
export function migrateIncident(value: unknown): unknown {
	if (!isRecord(value) || !Array.isArray(value.timeline)) return value;
	const { lastUpdateAt: _dropped, ...incident } = value;
	if (isRecord(value.roles))
		incident.roles = Object.fromEntries(
			Object.entries(value.roles).map(([name, person]) => [roleId(name), person])
		);
	const timeline = value.timeline.map((entry: unknown) =>
		isRecord(entry) &&
		typeof entry.text === 'string' &&
		typeof entry.type === 'string' &&
		typeof entry.id === 'string'
			? {
					id: entry.id,
					at: entry.at,
					...migrateEntry(entry as unknown as EntryV1, { severity: String(value.severity) }),
				}
			: entry
	);
	return { ...incident, timeline };
}

/** A version-1 store as version 2; anything else is returned unchanged for the guard to judge. */
export function migrateStore(raw: unknown): unknown {
	if (!isRecord(raw) || raw.version !== 1 || !isRecord(raw.incidents)) return raw;
	const incidents: Record<string, unknown> = {};
	for (const [id, value] of Object.entries(raw.incidents))
		// defineProperty: an incident stored under `__proto__` stays data, never a prototype.
		Object.defineProperty(incidents, id, {
			value: migrateIncident(value),
			enumerable: true,
			writable: true,
			configurable: true,
		});
	return { version: STORE_VERSION, activeId: raw.activeId ?? null, incidents };
}

// --- recording -------------------------------------------------------------------------------

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
