/**
 * The incident model: an incident, its timeline of structured events, and the store that keeps
 * them under `responder:incidents` (JSON, `version` 2). Every timeline entry carries the facts
 * as fields (`status-changed` has `from` and `to`, `step-ticked` its checklist and item); the
 * words a responder reads are derived from those fields by `entryText`, so clocks, exports and
 * hand-over read fields, never display text.
 *
 * The guard `isIncidentStore` runs on every page, where zod would cost ~20 KB gzip; the zod
 * schema in `file.ts` stays the source of truth and the unit tests hold the guard to it.
 */

/** The statuses an incident moves through, in order: the one list every feature uses. */
export const STATUSES = [
	'investigating',
	'identified',
	'mitigating',
	'monitoring',
	'resolved',
] as const;

export type IncidentStatus = (typeof STATUSES)[number];

/** How a status is written for people (timeline, exports, status fields, the bar). */
export const STATUS_LABELS: Record<IncidentStatus, string> = {
	investigating: 'Investigating',
	identified: 'Identified',
	mitigating: 'Mitigating',
	monitoring: 'Monitoring',
	resolved: 'Resolved',
};

/** The status a label names (`Mitigating` → `mitigating`), for values typed or chosen in forms. */
export const statusFromLabel = (label: string): IncidentStatus | undefined =>
	STATUSES.find((status) => STATUS_LABELS[status].toLowerCase() === label.trim().toLowerCase());

/**
 * The roles Responder knows by id, so derivations find the commander by id, never by matching
 * names ("Communications lead" is not the commander). Other roles a responder adds are their own id.
 */
export const ROLES = [
	{ id: 'commander', label: 'Incident commander' },
	{ id: 'communications', label: 'Communications' },
	{ id: 'operations', label: 'Operations' },
] as const;

export type RoleId = (typeof ROLES)[number]['id'];

/** Names that mean a known role exactly (case aside), for names typed or stored by version 1. */
const ROLE_NAMES: Record<string, RoleId> = {
	'incident commander': 'commander',
	'incident commander (ic)': 'commander',
	ic: 'commander',
	commander: 'commander',
	communications: 'communications',
	'communications lead': 'communications',
	'comms lead': 'communications',
	operations: 'operations',
	'operations lead': 'operations',
};

/** The id for a role name: a known role's id, else the name itself (trimmed). */
export const roleId = (name: string): string =>
	ROLE_NAMES[name.trim().toLowerCase()] ?? name.trim();

/** How a role id is written for people. */
export const roleLabel = (id: string): string => ROLES.find((role) => role.id === id)?.label ?? id;

/**
 * What happened, as data. `at` and `id` are added when the event is recorded. Severity events
 * carry the level names as well as the ids so their text reads right without the playbook.
 */
export type TimelineEvent =
	| { type: 'declared'; severity: string; level: string; title: string }
	/** Someone has the incident: stops the acknowledge clock (so does the first status change). */
	| { type: 'acknowledged' }
	| { type: 'status-changed'; from: IncidentStatus; to: IncidentStatus }
	| { type: 'severity-changed'; from: string; to: string; fromLevel: string; toLevel: string }
	/** `role` is a role id (`commander`); `person` is empty when the role was unassigned. */
	| { type: 'role-assigned'; role: string; person: string }
	/** `checklist` is the document key (`servio/scenarios/db`), `item` the step's stable id. */
	| { type: 'step-ticked'; checklist: string; item: string; text: string }
	| { type: 'step-unticked'; checklist: string; item: string; text: string }
	| { type: 'checklist-reset'; checklist: string; count: number }
	/** A template copied; `update` when its content declares it announces an update. */
	| {
			type: 'message-sent';
			template: string;
			title: string;
			kind: string;
			channel: string;
			update: boolean;
	  }
	/** An update sent outside Responder, recorded with the "Update posted" control. */
	| { type: 'update-posted' }
	| { type: 'note'; text: string }
	| { type: 'closed' };

export type TimelineEventType = TimelineEvent['type'];

/** A recorded event. `edited` is the responder's own wording, shown instead of the derived text. */
export type TimelineEntry = TimelineEvent & { id: string; at: string; edited?: string };

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
	/** Role id (`commander`, or a name the responder added) → person, free text. */
	roles: Record<string, string>;
	/** Scenario entry id when declared from a scenario. */
	scenario?: string;
	closedAt?: string;
	timeline: TimelineEntry[];
}

export const STORE_VERSION = 2;

export interface IncidentStore {
	version: typeof STORE_VERSION;
	activeId: string | null;
	incidents: Record<string, Incident>;
	/** Ids of deleted timeline entries, so merging another tab's copy does not bring them back. */
	deleted?: string[];
}

/** An event as a feature sends it to be recorded, with an optional ISO time (default now). */
export type RecordedEvent = TimelineEvent & { at?: string };

/** The words a responder reads for an entry, derived from its fields. */
export function eventText(event: TimelineEvent): string {
	switch (event.type) {
		case 'declared':
			return `Incident declared at ${event.level}: ${event.title}`;
		case 'acknowledged':
			return 'Acknowledged';
		case 'status-changed':
			return `Status: ${STATUS_LABELS[event.from]} → ${STATUS_LABELS[event.to]}`;
		case 'severity-changed':
			return `Severity: ${event.fromLevel} → ${event.toLevel}`;
		case 'role-assigned':
			return `${roleLabel(event.role)}: ${event.person || 'unassigned'}`;
		case 'step-ticked':
			return `Ticked: ${event.text}`;
		case 'step-unticked':
			return `Unticked: ${event.text}`;
		case 'checklist-reset':
			return `Checklist reset: ${event.count === 1 ? '1 ticked step' : `${event.count} ticked steps`} unticked`;
		case 'message-sent':
			return `${event.update ? 'Update sent' : 'Sent'}: ${event.title} (${event.channel})`;
		case 'update-posted':
			return 'Update posted';
		case 'note':
			return event.text;
		case 'closed':
			return 'Incident closed';
	}
}

export const entryText = (entry: TimelineEntry): string => entry.edited ?? eventText(entry);

// --- the guard -------------------------------------------------------------------------------

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

export const isIsoTime = (value: unknown): value is string =>
	typeof value === 'string' && !Number.isNaN(Date.parse(value));

const isStatus = (value: unknown): value is IncidentStatus =>
	STATUSES.includes(value as IncidentStatus);

type FieldCheck = 'string' | 'boolean' | 'count' | 'status';

/** Each event's fields and their types; `file.ts` builds the zod schema from the same table. */
export const EVENT_FIELDS = {
	declared: { severity: 'string', level: 'string', title: 'string' },
	acknowledged: {},
	'status-changed': { from: 'status', to: 'status' },
	'severity-changed': { from: 'string', to: 'string', fromLevel: 'string', toLevel: 'string' },
	'role-assigned': { role: 'string', person: 'string' },
	'step-ticked': { checklist: 'string', item: 'string', text: 'string' },
	'step-unticked': { checklist: 'string', item: 'string', text: 'string' },
	'checklist-reset': { checklist: 'string', count: 'count' },
	'message-sent': {
		template: 'string',
		title: 'string',
		kind: 'string',
		channel: 'string',
		update: 'boolean',
	},
	'update-posted': {},
	note: { text: 'string' },
	closed: {},
} as const satisfies Record<TimelineEventType, Record<string, FieldCheck>>;

export const EVENT_TYPES = Object.keys(EVENT_FIELDS) as TimelineEventType[];

const CHECKS: Record<FieldCheck, (value: unknown) => boolean> = {
	string: (value) => typeof value === 'string',
	boolean: (value) => typeof value === 'boolean',
	count: (value) => Number.isInteger(value) && (value as number) >= 0,
	status: isStatus,
};

const has = (record: Record<string, unknown>, key: string) => Object.hasOwn(record, key);

/** Whether `value` is a timeline entry with every field its type needs. */
export function isTimelineEntry(value: unknown): value is TimelineEntry {
	if (!isRecord(value) || typeof value.id !== 'string' || !isIsoTime(value.at)) return false;
	if (value.edited !== undefined && typeof value.edited !== 'string') return false;
	const type = value.type;
	if (typeof type !== 'string' || !has(EVENT_FIELDS, type)) return false;
	const fields: Record<string, FieldCheck> = EVENT_FIELDS[type as TimelineEventType];
	return Object.entries(fields).every(([key, check]) => CHECKS[check](value[key]));
}

export const isIncident = (value: unknown): value is Incident =>
	isRecord(value) &&
	['id', 'title', 'playbook', 'severity'].every((key) => typeof value[key] === 'string') &&
	isStatus(value.status) &&
	isIsoTime(value.startedAt) &&
	(value.closedAt === undefined || isIsoTime(value.closedAt)) &&
	(value.scenario === undefined || typeof value.scenario === 'string') &&
	isRecord(value.roles) &&
	Object.values(value.roles).every((person) => typeof person === 'string') &&
	Array.isArray(value.timeline) &&
	value.timeline.every(isTimelineEntry);

/**
 * Whether stored JSON is a version-2 store: every incident well formed (valid status and times),
 * and the active id `null` or a string that is not an inherited key (`__proto__`, `constructor`)
 * unless the store really has an incident of that id. A dangling active id is cleared by
 * `parseStore`, not treated as damage.
 */
export const isIncidentStore = (raw: unknown): raw is IncidentStore =>
	isRecord(raw) &&
	raw.version === STORE_VERSION &&
	isRecord(raw.incidents) &&
	Object.values(raw.incidents).every(isIncident) &&
	(raw.deleted === undefined ||
		(Array.isArray(raw.deleted) && raw.deleted.every((id) => typeof id === 'string'))) &&
	(raw.activeId === null ||
		(typeof raw.activeId === 'string' &&
			(has(raw.incidents, raw.activeId) || !(raw.activeId in Object.prototype))));

/** The active incident of a store, looked up as an own key only. */
export const activeOf = (store: IncidentStore): Incident | null =>
	store.activeId !== null && has(store.incidents, store.activeId)
		? store.incidents[store.activeId]!
		: null;
