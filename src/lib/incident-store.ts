/**
 * The incident store as data: its zod schema (checked on every read and import), and pure
 * operations that return a new store. The browser part (`src/client/incident-store-client.ts`)
 * only reads, applies one of these and writes back, so every rule here is unit-tested.
 */
import { z } from 'astro/zod';
import type { Incident, IncidentStatus, IncidentStore, TimelineEntry, TimelineEvent } from '../client/incident-context.ts';
import { incidentId } from './incident-id.ts';

export const STATUSES = ['investigating', 'identified', 'mitigating', 'monitoring', 'resolved'] as const satisfies readonly IncidentStatus[];

export const STATUS_LABELS: Record<IncidentStatus, string> = {
	investigating: 'Investigating',
	identified: 'Identified',
	mitigating: 'Mitigating',
	monitoring: 'Monitoring',
	resolved: 'Resolved',
};

const ENTRY_TYPES = ['declared', 'tick', 'untick', 'copy', 'severity', 'status', 'role', 'note', 'closed'] as const satisfies readonly TimelineEntry['type'][];

const IsoTime = () => z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'expected an ISO date-time');

export const TimelineEntrySchema = () =>
	z.object({ id: z.string().min(1), at: IsoTime(), type: z.enum(ENTRY_TYPES), text: z.string() });

export const IncidentSchema = () =>
	z.object({
		id: z.string().min(1).max(120),
		title: z.string(),
		playbook: z.string().min(1),
		severity: z.string().min(1),
		status: z.enum(STATUSES),
		startedAt: IsoTime(),
		roles: z.record(z.string(), z.string()),
		scenario: z.string().optional(),
		lastUpdateAt: IsoTime().optional(),
		closedAt: IsoTime().optional(),
		timeline: z.array(TimelineEntrySchema()),
	});

export const IncidentStoreSchema = () =>
	z.object({
		version: z.literal(1),
		activeId: z.string().nullable(),
		incidents: z.record(z.string(), IncidentSchema()),
	});

export const emptyStore = (): IncidentStore => ({ version: 1, activeId: null, incidents: {} });

/**
 * Reads stored JSON into a store; `undefined` for anything not recognised (the caller moves it
 * aside). Older versions would be migrated here; version 1 is the first.
 */
export function parseStore(raw: unknown): IncidentStore | undefined {
	const result = IncidentStoreSchema().safeParse(raw);
	if (!result.success) return undefined;
	const store = result.data as IncidentStore;
	if (store.activeId !== null && !store.incidents[store.activeId]) store.activeId = null;
	return store;
}

/** A timeline entry id unique within its incident, independent of position. */
function nextEntryId(incident: Incident): string {
	const max = incident.timeline.reduce((highest, entry) => Math.max(highest, Number(entry.id.replace(/^e/, '')) || 0), 0);
	return `e${max + 1}`;
}

/** Adds an entry, keeping the timeline in time order (equal times keep arrival order). */
function withEntry(incident: Incident, event: TimelineEvent, now: Date): Incident {
	const entry: TimelineEntry = { id: nextEntryId(incident), at: event.at ?? now.toISOString(), type: event.type, text: event.text };
	const timeline = [...incident.timeline];
	let index = timeline.length;
	while (index > 0 && Date.parse(timeline[index - 1]!.at) > Date.parse(entry.at)) index -= 1;
	timeline.splice(index, 0, entry);
	return { ...incident, timeline };
}

function change(store: IncidentStore, id: string, update: (incident: Incident) => Incident): IncidentStore {
	const incident = store.incidents[id];
	if (!incident) return store;
	return { ...store, incidents: { ...store.incidents, [id]: update(incident) } };
}

export interface Declaration {
	title: string;
	playbook: string;
	/** Severity entry id, e.g. `servio/p0`. */
	severity: string;
	/** Severity level as responders say it (`P0`), for the timeline. */
	severityLevel: string;
	startedAt: Date;
	roles: Record<string, string>;
	scenario?: string;
	/** The playbook's incident id pattern. */
	idPattern: string;
}

/** Opens an incident, makes it active and logs the declaration. */
export function declareIncident(store: IncidentStore, declaration: Declaration, now: Date): { store: IncidentStore; id: string } {
	const id = incidentId(declaration.idPattern, declaration.startedAt, Object.keys(store.incidents));
	const roles = Object.fromEntries(Object.entries(declaration.roles).filter(([role]) => role.trim() !== ''));
	let incident: Incident = {
		id,
		title: declaration.title,
		playbook: declaration.playbook,
		severity: declaration.severity,
		status: 'investigating',
		startedAt: declaration.startedAt.toISOString(),
		roles,
		...(declaration.scenario ? { scenario: declaration.scenario } : {}),
		timeline: [],
	};
	incident = withEntry(incident, { type: 'declared', text: `Incident declared at ${declaration.severityLevel}: ${declaration.title}`, at: incident.startedAt }, now);
	for (const [role, person] of Object.entries(roles)) incident = withEntry(incident, { type: 'role', text: `${role}: ${person}` }, now);
	return { store: { ...store, activeId: id, incidents: { ...store.incidents, [id]: incident } }, id };
}

/** Whether a copied message is a stakeholder update, which resets the update clock. */
export const isUpdateCopy = (event: TimelineEvent): boolean => event.type === 'copy' && /\bupdate\b/i.test(event.text);

/** Records an event sent by a feature (tick, copy, …) on the active incident. */
export function recordEvent(store: IncidentStore, event: TimelineEvent, now: Date): IncidentStore {
	if (!store.activeId) return store;
	return change(store, store.activeId, (incident) => {
		const next = withEntry(incident, event, now);
		return isUpdateCopy(event) ? { ...next, lastUpdateAt: event.at ?? now.toISOString() } : next;
	});
}

export const setActive = (store: IncidentStore, id: string | null): IncidentStore =>
	id === null || store.incidents[id] ? { ...store, activeId: id } : store;

export function setStatus(store: IncidentStore, id: string, status: IncidentStatus, now: Date): IncidentStore {
	return change(store, id, (incident) =>
		incident.status === status ? incident : withEntry({ ...incident, status }, { type: 'status', text: `Status: ${STATUS_LABELS[incident.status]} → ${STATUS_LABELS[status]}` }, now),
	);
}

/** Records that someone has the incident, which stops the acknowledge clock. */
export const acknowledge = (store: IncidentStore, id: string, now: Date): IncidentStore =>
	change(store, id, (incident) => (incident.timeline.some((entry) => entry.type === 'status') ? incident : withEntry(incident, { type: 'status', text: 'Acknowledged' }, now)));

/** Changes the severity; `levels` maps severity ids to the level names shown in the log. */
export function setSeverity(store: IncidentStore, id: string, severity: string, levels: Record<string, string>, now: Date): IncidentStore {
	const name = (sev: string) => levels[sev] ?? sev;
	return change(store, id, (incident) =>
		incident.severity === severity
			? incident
			: withEntry({ ...incident, severity }, { type: 'severity', text: `Severity: ${name(incident.severity)} → ${name(severity)}` }, now),
	);
}

/** Sets (or with an empty person, removes) who holds a role. */
export function setRole(store: IncidentStore, id: string, role: string, person: string, now: Date): IncidentStore {
	const name = role.trim();
	if (!name) return store;
	return change(store, id, (incident) => {
		const roles = { ...incident.roles };
		if (person.trim()) roles[name] = person.trim();
		else delete roles[name];
		if (roles[name] === incident.roles[name]) return incident;
		return withEntry({ ...incident, roles }, { type: 'role', text: person.trim() ? `${name}: ${person.trim()}` : `${name}: unassigned` }, now);
	});
}

export const addNote = (store: IncidentStore, id: string, text: string, now: Date): IncidentStore =>
	text.trim() ? change(store, id, (incident) => withEntry(incident, { type: 'note', text: text.trim() }, now)) : store;

export const editEntry = (store: IncidentStore, id: string, entryId: string, text: string): IncidentStore =>
	change(store, id, (incident) => ({ ...incident, timeline: incident.timeline.map((entry) => (entry.id === entryId ? { ...entry, text } : entry)) }));

export const deleteEntry = (store: IncidentStore, id: string, entryId: string): IncidentStore =>
	change(store, id, (incident) => ({ ...incident, timeline: incident.timeline.filter((entry) => entry.id !== entryId) }));

/** Closes an incident (resolving it first when needed); it stays listed and exportable. */
export function closeIncident(store: IncidentStore, id: string, now: Date): IncidentStore {
	const resolved = setStatus(store, id, 'resolved', now);
	const next = change(resolved, id, (incident) =>
		incident.closedAt ? incident : withEntry({ ...incident, closedAt: now.toISOString() }, { type: 'closed', text: 'Incident closed' }, now),
	);
	return next.activeId === id ? { ...next, activeId: null } : next;
}

/** Removes an incident for good; the caller has asked the responder first. */
export function deleteIncident(store: IncidentStore, id: string): IncidentStore {
	const incidents = { ...store.incidents };
	delete incidents[id];
	return { ...store, incidents, activeId: store.activeId === id ? null : store.activeId };
}

/** Puts an imported incident into the store (replacing one with the same id) and activates it. */
export const putIncident = (store: IncidentStore, incident: Incident, activate = true): IncidentStore => ({
	...store,
	activeId: activate && !incident.closedAt ? incident.id : store.activeId,
	incidents: { ...store.incidents, [incident.id]: incident },
});

/** Incidents for the list: open first (newest first), then closed. */
export const listIncidents = (store: IncidentStore): Incident[] =>
	Object.values(store.incidents).sort((a, b) => Number(!!a.closedAt) - Number(!!b.closedAt) || Date.parse(b.startedAt) - Date.parse(a.startedAt));

/** The portable file: one incident with a format marker, so foreign JSON is recognised. */
export const INCIDENT_FILE_FORMAT = 'responder-incident';

export const IncidentFileSchema = () => z.object({ format: z.literal(INCIDENT_FILE_FORMAT), version: z.literal(1), incident: IncidentSchema() });

export const toIncidentFile = (incident: Incident) => ({ format: INCIDENT_FILE_FORMAT, version: 1 as const, incident });

/** Reads an exported incident file; the error says what is wrong in a sentence. */
export function parseIncidentFile(text: string): { ok: true; incident: Incident } | { ok: false; error: string } {
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch {
		return { ok: false, error: 'The file is not JSON. Choose a file exported with “Export JSON”.' };
	}
	if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== INCIDENT_FILE_FORMAT) {
		return { ok: false, error: 'The file is not a Responder incident (it has no `"format": "responder-incident"`). Nothing was changed.' };
	}
	const result = IncidentFileSchema().safeParse(raw);
	if (!result.success) {
		const issue = result.error.issues[0]!;
		return { ok: false, error: `The incident file is damaged: \`${issue.path.join('.') || '(root)'}\` ${issue.message}. Nothing was changed.` };
	}
	return { ok: true, incident: result.data.incident as Incident };
}
