/**
 * The incident store as data: reading it (migrating older versions). Recording events and merging
 * copies are in `record.ts`; what the workspace and the banner's buttons do is in `edits.ts`. The
 * browser part (`src/client/incident-store-client.ts`) only reads, applies one operation and
 * writes back, so every rule is unit-tested. This module loads on every page with a checklist or
 * a template, so it stays small and has no zod.
 */
import {
	activeOf,
	isIncidentStore,
	roleId,
	statusFromLabel,
	STORE_VERSION,
	type IncidentStore,
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
