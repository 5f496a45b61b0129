/**
 * What every feature needs to know about the incident being worked: the active incident (scope
 * for checklist ticks and template values) and a way to put things on its timeline. The incident
 * workspace owns the store; checklists and templates only read it and send timeline events.
 *
 * Storage: `responder:incidents` holds an `IncidentStore` (JSON, `version` 1).
 */
import { onStorageChange, readJson } from './safe-storage.ts';

export const INCIDENTS_KEY = 'responder:incidents';
/** Fired on `window` in the tab that changes the active incident (other tabs get a storage event). */
export const ACTIVE_INCIDENT_EVENT = 'responder:active-incident';
/** Fired on `window` by features with a `TimelineEvent` as `detail`; the workspace records it. */
export const TIMELINE_EVENT = 'responder:timeline';

export type IncidentStatus =
	'investigating' | 'identified' | 'mitigating' | 'monitoring' | 'resolved';

export interface TimelineEntry {
	id: string;
	/** ISO time in UTC. */
	at: string;
	type:
		'declared' | 'tick' | 'untick' | 'copy' | 'severity' | 'status' | 'role' | 'note' | 'closed';
	text: string;
}

export interface Incident {
	id: string;
	title: string;
	/** Playbook id, e.g. `servio`. */
	playbook: string;
	/** Severity entry id, e.g. `servio/p0`. */
	severity: string;
	status: IncidentStatus;
	/** ISO time in UTC. */
	startedAt: string;
	/** Role name → person, free text. */
	roles: Record<string, string>;
	/** Scenario entry id when declared from a scenario. */
	scenario?: string;
	/** When the last update message was copied (resets the update clock). */
	lastUpdateAt?: string;
	closedAt?: string;
	timeline: TimelineEntry[];
}

export interface IncidentStore {
	version: 1;
	activeId: string | null;
	incidents: Record<string, Incident>;
}

/** What a feature sends to be recorded on the active incident's timeline. */
export interface TimelineEvent {
	type: TimelineEntry['type'];
	text: string;
	/** ISO time; defaults to now. */
	at?: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const INCIDENT_STRINGS = [
	'id',
	'title',
	'playbook',
	'severity',
	'status',
	'startedAt',
] as const satisfies readonly (keyof Incident)[];
const ENTRY_STRINGS = [
	'id',
	'at',
	'type',
	'text',
] as const satisfies readonly (keyof TimelineEntry)[];

const isIncident = (value: unknown): value is Incident =>
	isRecord(value) &&
	INCIDENT_STRINGS.every((key) => typeof value[key] === 'string') &&
	isRecord(value.roles) &&
	Array.isArray(value.timeline) &&
	value.timeline.every(
		(entry) => isRecord(entry) && ENTRY_STRINGS.every((key) => typeof entry[key] === 'string')
	);

/**
 * Whether stored JSON has the store's shape: version, active id, and every incident with the
 * fields pages read. A hand-written guard rather than zod because it runs on every page, where
 * zod would cost ~20 KB gzip; the zod schema (`IncidentStoreSchema` in `lib/incident-file.ts`)
 * stays the source of truth, checks what comes from outside, and the unit tests hold this guard
 * to it.
 */
export const isIncidentStore = (raw: unknown): raw is IncidentStore =>
	isRecord(raw) &&
	raw.version === 1 &&
	(raw.activeId === null || typeof raw.activeId === 'string') &&
	isRecord(raw.incidents) &&
	Object.values(raw.incidents).every(isIncident);

/** The active incident, or `null` when none is running (or storage cannot be read). */
export function activeIncident(): Incident | null {
	const result = readJson(INCIDENTS_KEY, (raw) => (isIncidentStore(raw) ? raw : undefined));
	if (result.status !== 'ok' || !result.value.activeId) return null;
	return result.value.incidents[result.value.activeId] ?? null;
}

/** Storage scope for per-incident state: the active incident's id, or `default`. */
export const incidentScope = (): string => activeIncident()?.id ?? 'default';

/** Calls `listener` whenever the active incident may have changed, in this tab or another. */
export function onActiveIncidentChange(listener: () => void): () => void {
	globalThis.addEventListener?.(ACTIVE_INCIDENT_EVENT, listener);
	const stop = onStorageChange(INCIDENTS_KEY, listener);
	return () => {
		globalThis.removeEventListener?.(ACTIVE_INCIDENT_EVENT, listener);
		stop();
	};
}

/** Asks the workspace to record an event on the active incident's timeline (ignored when none). */
export function recordTimeline(event: TimelineEvent): void {
	globalThis.dispatchEvent?.(new CustomEvent<TimelineEvent>(TIMELINE_EVENT, { detail: event }));
}
