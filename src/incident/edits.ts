/**
 * What responders do to incidents: declare, acknowledge, change status, severity and roles, keep
 * notes, post updates, close, delete, import. Pure operations that return a new store; apart
 * from `store.ts` so that pages load them only when a responder acts or an incident is shown.
 */
import { roleId, type Incident, type IncidentStatus, type IncidentStore } from './model.ts';
import { incidentId } from './id.ts';
import { change, withEntry } from './store.ts';

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
export function declareIncident(
	store: IncidentStore,
	declaration: Declaration,
	now: Date
): { store: IncidentStore; id: string } {
	const id = incidentId(declaration.idPattern, declaration.startedAt, Object.keys(store.incidents));
	const roles = Object.fromEntries(
		Object.entries(declaration.roles).flatMap(([role, person]) =>
			role.trim() && person.trim() ? [[roleId(role), person.trim()]] : []
		)
	);
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
	incident = withEntry(
		incident,
		{
			type: 'declared',
			severity: declaration.severity,
			level: declaration.severityLevel,
			title: declaration.title,
			at: incident.startedAt,
		},
		now
	);
	for (const [role, person] of Object.entries(roles))
		incident = withEntry(incident, { type: 'role-assigned', role, person }, now);
	return {
		store: { ...store, activeId: id, incidents: { ...store.incidents, [id]: incident } },
		id,
	};
}

export const setActive = (store: IncidentStore, id: string | null): IncidentStore =>
	id === null || store.incidents[id] ? { ...store, activeId: id } : store;

export function setStatus(
	store: IncidentStore,
	id: string,
	status: IncidentStatus,
	now: Date
): IncidentStore {
	return change(store, id, (incident) =>
		incident.status === status
			? incident
			: withEntry(
					{ ...incident, status },
					{ type: 'status-changed', from: incident.status, to: status },
					now
				)
	);
}

/** Changes the severity; `levels` maps severity ids to the level names shown in the log. */
export function setSeverity(
	store: IncidentStore,
	id: string,
	severity: string,
	levels: Record<string, string>,
	now: Date
): IncidentStore {
	const name = (sev: string) => levels[sev] ?? sev;
	return change(store, id, (incident) =>
		incident.severity === severity
			? incident
			: withEntry(
					{ ...incident, severity },
					{
						type: 'severity-changed',
						from: incident.severity,
						to: severity,
						fromLevel: name(incident.severity),
						toLevel: name(severity),
					},
					now
				)
	);
}

/** Sets (or with an empty person, removes) who holds a role; `role` is an id or a name. */
export function setRole(
	store: IncidentStore,
	id: string,
	role: string,
	person: string,
	now: Date
): IncidentStore {
	const name = roleId(role);
	if (!name) return store;
	return change(store, id, (incident) => {
		const roles = { ...incident.roles };
		if (person.trim()) roles[name] = person.trim();
		else delete roles[name];
		if (roles[name] === incident.roles[name]) return incident;
		return withEntry(
			{ ...incident, roles },
			{ type: 'role-assigned', role: name, person: person.trim() },
			now
		);
	});
}

export const addNote = (
	store: IncidentStore,
	id: string,
	text: string,
	now: Date
): IncidentStore =>
	text.trim()
		? change(store, id, (incident) => withEntry(incident, { type: 'note', text: text.trim() }, now))
		: store;

/**
 * Rewords an entry: a note's text changes; any other entry keeps its fields (clocks and exports
 * read those) and shows the responder's wording instead of the derived text.
 */
export const editEntry = (
	store: IncidentStore,
	id: string,
	entryId: string,
	text: string
): IncidentStore =>
	change(store, id, (incident) => ({
		...incident,
		timeline: incident.timeline.map((entry) => {
			if (entry.id !== entryId) return entry;
			if (entry.type === 'note') return { ...entry, text };
			return { ...entry, edited: text };
		}),
	}));

/** Removes an entry and records its id as deleted, so another tab's copy cannot bring it back. */
export function deleteEntry(store: IncidentStore, id: string, entryId: string): IncidentStore {
	const next = change(store, id, (incident) => ({
		...incident,
		timeline: incident.timeline.filter((entry) => entry.id !== entryId),
	}));
	if (next === store || next.deleted?.includes(entryId)) return next;
	return { ...next, deleted: [...(next.deleted ?? []), entryId] };
}

/** Closes an incident (resolving it first when needed); it stays listed and exportable. */
export function closeIncident(store: IncidentStore, id: string, now: Date): IncidentStore {
	const resolved = setStatus(store, id, 'resolved', now);
	const next = change(resolved, id, (incident) =>
		incident.closedAt
			? incident
			: withEntry({ ...incident, closedAt: now.toISOString() }, { type: 'closed' }, now)
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
export const putIncident = (
	store: IncidentStore,
	incident: Incident,
	activate = true
): IncidentStore => ({
	...store,
	activeId: activate && !incident.closedAt ? incident.id : store.activeId,
	incidents: { ...store.incidents, [incident.id]: incident },
});

/** Incidents for the list: open first (newest first), then closed. */
export const listIncidents = (store: IncidentStore): Incident[] =>
	Object.values(store.incidents).sort(
		(a, b) =>
			Number(!!a.closedAt) - Number(!!b.closedAt) ||
			Date.parse(b.startedAt) - Date.parse(a.startedAt)
	);

/** Records that someone has the incident, which stops the acknowledge clock (once). */
export const acknowledge = (store: IncidentStore, id: string, now: Date): IncidentStore =>
	change(store, id, (incident) =>
		incident.timeline.some(
			(entry) => entry.type === 'acknowledged' || entry.type === 'status-changed'
		)
			? incident
			: withEntry(incident, { type: 'acknowledged' }, now)
	);

/** Records an update sent outside Responder: the update clock starts again from `now`. */
export const postUpdate = (store: IncidentStore, id: string, now: Date): IncidentStore =>
	change(store, id, (incident) => withEntry(incident, { type: 'update-posted' }, now));
