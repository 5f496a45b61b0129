/**
 * `<rb-incident-workspace>` on `/incident/`, laid out for the live incident: first the selected
 * incident's state (status, severity, roles; the banner above shows its clocks) and the note box
 * with quick actions, then the timeline newest first, then exports and hand-over together, then
 * finishing it; deleting stands apart. The incident list, declaring another and importing come
 * last. A hand-over link shows what it hands over before "Take over".
 *
 * Store changes (from this tab, another tab or a clock) update only the parts that changed, so a
 * note being typed, focus, an open edit or a selection survive them.
 */
import { formatUtc } from '../lib/utc.ts';
import { h, syncChildren } from './dom.ts';
import { storedRecords } from './checklist-records.ts';
import { loadMigrated } from './checklist-migration.ts';
import { saveList } from './checklist-storage.ts';
import { copyText } from './clipboard.ts';
import { openDeclareDialog } from './declare-dialog.ts';
import {
	loadStore,
	mutate,
	onStoreChange,
	recordTimelineEvents,
	storageNotice,
} from './incident-store-client.ts';
import { severityHelper } from './severity-helper.ts';
import {
	findPlaybook,
	findSeverity,
	incidentData,
	severityLevels,
	type IncidentData,
} from '../incident/data.ts';
import {
	exportFileName,
	readChecklistTicks,
	renderDocument,
	renderPostMortemMdx,
	type ChecklistTicks,
} from '../incident/export.ts';
import {
	checklistsFromTimeline,
	decodeHandover,
	encodeHandover,
	handoverPreview,
	mergeChecklist,
} from '../incident/handover.ts';
import { loadValues, saveValues } from './value-storage.ts';
import { severityLabel } from '../incident/derive.ts';
import { severityTitle } from '../lib/severity-label.ts';
import { parseIncidentFile, toIncidentFile } from '../incident/file.ts';
import {
	addNote,
	closeIncident,
	deleteEntry,
	deleteIncident,
	editEntry,
	listIncidents,
	postUpdate,
	putIncident,
	setActive,
	setRole,
	setSeverity,
	setStatus,
} from '../incident/edits.ts';
import { entryText } from '../incident/event-text.ts';
import {
	roleLabel,
	ROLES,
	STATUS_LABELS,
	STATUSES,
	type Incident,
	type IncidentStatus,
	type TimelineEntry,
} from '../incident/model.ts';

/** Saves text as a file through a temporary object URL (no request leaves the page). */
function download(name: string, text: string, type: string): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const link = h('a', { href: url, download: name });
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

type ExportKind = 'incident-record' | 'post-mortem' | 'post-mortem-mdx' | 'json';

const ROLE_SUGGESTIONS = [...ROLES.map((role) => role.label), 'Scribe', 'Subject matter expert'];

/** Checklist ticks stored in the incident's scope; none when storage is blocked (the export then uses the timeline). */
function storedChecklists(id: string): ChecklistTicks[] {
	return [...storedRecords(id)]
		.flatMap(([document, record]) => readChecklistTicks(document, record) ?? [])
		.sort((a, b) => a.document.localeCompare(b.document));
}

/** Sets an element's text only when it differs, so unchanged parts are not touched. */
function setText(element: HTMLElement, text: string): void {
	if (element.textContent !== text) element.textContent = text;
}

/** A select follows the store unless the responder is on it (the next change or tick catches up). */
function setValue(select: HTMLSelectElement, value: string): void {
	if (select.value !== value && document.activeElement !== select) select.value = value;
}

/** Everything shown for one incident; built when it is selected, then updated in place. */
class IncidentPanel {
	readonly id: string;
	readonly element = h('div', { class: 'rb-panel' });
	readonly #data: IncidentData;
	#incident: Incident;
	#heading = h('h2', { id: 'rb-incident-heading', tabindex: '-1' });
	#meta = h('p', { class: 'rb-meta' });
	#status: HTMLSelectElement;
	#severity: HTMLSelectElement;
	#helper: HTMLElement;
	#roles = h('ul', { class: 'rb-roles', 'aria-label': 'Roles' });
	#note = h('textarea', { id: 'rb-note', rows: '3', name: 'note' });
	#timeline = h('ol', { class: 'rb-timeline', 'aria-labelledby': 'rb-timeline-heading' });
	/** Entries open for editing: store changes leave them alone until saved or cancelled. */
	#editing = new Set<string>();
	#resolve = h('button', { type: 'button' }, 'Resolve');
	#close = h('button', { type: 'button' }, 'Close incident');
	#finish = h(
		'section',
		{ 'aria-labelledby': 'rb-finish-heading' },
		h('h3', { id: 'rb-finish-heading' }, 'Finish'),
		h('p', { class: 'rb-actions' }, this.#resolve, this.#close)
	);

	constructor(incident: Incident, data: IncidentData) {
		this.id = incident.id;
		this.#incident = incident;
		this.#data = data;
		const id = this.id;
		const now = () => new Date();
		const playbook = findPlaybook(data, incident.playbook);
		const severities = playbook?.severities ?? [];
		this.#status = h(
			'select',
			{
				id: 'rb-status',
				onchange: () =>
					mutate((store) => setStatus(store, id, this.#status.value as IncidentStatus, now())),
			},
			STATUSES.map((value) => h('option', { value }, STATUS_LABELS[value]))
		);
		this.#severity = h(
			'select',
			{
				id: 'rb-severity',
				onchange: () =>
					mutate((store) =>
						setSeverity(store, id, this.#severity.value, severityLevels(data), now())
					),
			},
			severities.map((entry) => h('option', { value: entry.id }, severityTitle(entry))),
			// A severity this site does not know (an imported incident) still shows as what it is.
			severities.some((entry) => entry.id === incident.severity)
				? null
				: h('option', { value: incident.severity }, incident.severity)
		);
		this.#helper = severityHelper(
			severities,
			playbook?.scenarios ?? [],
			() => this.#incident.severity,
			(entry) => mutate((store) => setSeverity(store, id, entry.id, severityLevels(data), now()))
		);
		this.#resolve.addEventListener('click', () =>
			mutate((store) => setStatus(store, id, 'resolved', now()))
		);
		this.#close.addEventListener(
			'click',
			() =>
				confirm(`Close ${id}? It stays listed and exportable.`) &&
				mutate((store) => closeIncident(store, id, now()))
		);
		this.#note.addEventListener('keydown', (event) => {
			// Ctrl/Cmd+Enter adds the note without leaving the keyboard.
			if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
				event.preventDefault();
				this.#addNote();
			}
		});
		this.element.append(
			h(
				'section',
				{ class: 'rb-state', 'aria-labelledby': 'rb-incident-heading' },
				this.#heading,
				this.#meta,
				h(
					'div',
					{ class: 'rb-controls' },
					h('p', { class: 'rb-field' }, h('label', { for: 'rb-status' }, 'Status'), this.#status),
					h(
						'p',
						{ class: 'rb-field' },
						h('label', { for: 'rb-severity' }, 'Severity'),
						this.#severity
					)
				),
				this.#roles
			),
			this.#noteForm(),
			h('details', { class: 'rb-more' }, h('summary', {}, 'Severity helper'), this.#helper),
			playbook?.decisions.length
				? h(
						'p',
						{ class: 'rb-decisions' },
						'Decision trees: ',
						playbook.decisions.flatMap((tree, index) => [
							index ? ', ' : '',
							h('a', { href: tree.url }, tree.title),
						])
					)
				: '',
			h(
				'section',
				{ 'aria-labelledby': 'rb-timeline-heading' },
				h('h3', { id: 'rb-timeline-heading' }, 'Timeline ', h('small', {}, '(newest first)')),
				this.#timeline
			),
			this.#exports(),
			this.#finish,
			h(
				'section',
				{ class: 'rb-danger-zone', 'aria-labelledby': 'rb-delete-heading' },
				h('h3', { id: 'rb-delete-heading' }, 'Delete'),
				h(
					'p',
					{},
					'Deleting removes the incident and its timeline from this browser for good. Export it first if anyone may need it.'
				),
				h(
					'button',
					{
						type: 'button',
						class: 'rb-danger',
						onclick: () =>
							confirm(
								`Delete ${id} and its timeline from this browser for good? Export it first if you need it.`
							) && mutate((store) => deleteIncident(store, id)),
					},
					'Delete incident'
				)
			)
		);
		this.update(incident, loadStore().activeId === id);
	}

	focusNote() {
		this.#note.focus();
	}

	#addNote() {
		const text = this.#note.value;
		if (!text.trim()) return this.#note.focus();
		this.#note.value = '';
		mutate((store) => addNote(store, this.id, text, new Date()));
		this.#note.focus();
	}

	#noteForm(): HTMLElement {
		const roleName = h('input', { id: 'rb-role-name', list: 'rb-role-names', required: true });
		const rolePerson = h('input', { id: 'rb-role-person', autocomplete: 'name' });
		const roleForm = h(
			'form',
			{
				class: 'rb-role-form',
				onsubmit: (event) => {
					event.preventDefault();
					mutate((store) => setRole(store, this.id, roleName.value, rolePerson.value, new Date()));
					roleName.value = '';
					rolePerson.value = '';
					roleName.focus();
				},
			},
			h('span', { class: 'rb-field' }, h('label', { for: 'rb-role-name' }, 'Role'), roleName),
			h(
				'datalist',
				{ id: 'rb-role-names' },
				ROLE_SUGGESTIONS.map((value) => h('option', { value }))
			),
			h('span', { class: 'rb-field' }, h('label', { for: 'rb-role-person' }, 'Person'), rolePerson),
			h('button', { type: 'submit' }, 'Assign role')
		);
		return h(
			'section',
			{ class: 'rb-note-box' },
			h(
				'form',
				{
					class: 'rb-note-form',
					onsubmit: (event) => (event.preventDefault(), this.#addNote()),
				},
				h('p', { class: 'rb-field' }, h('label', { for: 'rb-note' }, 'Note'), this.#note),
				h(
					'p',
					{ class: 'rb-actions' },
					h('button', { type: 'submit', class: 'rb-primary' }, 'Add note'),
					h(
						'button',
						{
							type: 'button',
							title: 'An update went out outside Responder: start the update clock again.',
							onclick: () => mutate((store) => postUpdate(store, this.id, new Date())),
						},
						'Update posted'
					)
				)
			),
			h('details', { class: 'rb-more' }, h('summary', {}, 'Assign a role'), roleForm)
		);
	}

	/** Shows `incident` as it is now, touching only what changed. */
	update(incident: Incident, active: boolean) {
		this.#incident = incident;
		const playbook = findPlaybook(this.#data, incident.playbook);
		setText(this.#heading, `${incident.id}: ${incident.title}`);
		const started = new Date(incident.startedAt);
		setText(
			this.#meta,
			[
				playbook?.name ?? incident.playbook,
				`started ${formatUtc(incident.startedAt)}`,
				incident.closedAt
					? `closed ${formatUtc(incident.closedAt, started)}`
					: active
						? 'active'
						: 'not the active incident (make it active in the list below)',
			].join(' · ')
		);
		setValue(this.#status, incident.status);
		const severityBefore = this.#severity.value;
		setValue(this.#severity, incident.severity);
		if (severityBefore !== incident.severity) this.#helper.dispatchEvent(new Event('change'));
		this.#updateRoles(incident);
		this.#updateTimeline(incident);
		this.#resolve.hidden = incident.status === 'resolved';
		this.#close.hidden = !!incident.closedAt;
		this.#finish.hidden = this.#resolve.hidden && this.#close.hidden;
	}

	#updateRoles(incident: Incident) {
		const roles = Object.entries(incident.roles);
		this.#roles.hidden = roles.length === 0;
		syncChildren(
			this.#roles,
			roles,
			([role]) => role,
			([role, person]) => {
				const li = h('li', {});
				this.#fillRole(li, role, person);
				return li;
			},
			(li, [role, person]) => li.dataset.person !== person && this.#fillRole(li, role, person)
		);
	}

	#fillRole(li: HTMLElement, role: string, person: string) {
		li.dataset.person = person;
		li.replaceChildren(
			h('span', { class: 'rb-role' }, `${roleLabel(role)}: `),
			h('strong', {}, person),
			' ',
			h(
				'button',
				{
					type: 'button',
					class: 'rb-small',
					'aria-label': `Unassign ${roleLabel(role)}`,
					onclick: () => mutate((store) => setRole(store, this.id, role, '', new Date())),
				},
				'Unassign'
			)
		);
	}

	#updateTimeline(incident: Incident) {
		const started = new Date(incident.startedAt);
		syncChildren(
			this.#timeline,
			[...incident.timeline].reverse(),
			(entry) => entry.id,
			(entry) => {
				const li = h('li', {});
				this.#fillEntry(li, entry, started);
				return li;
			},
			(li, entry) => {
				if (this.#editing.has(entry.id) || li.dataset.entry === JSON.stringify(entry)) return;
				this.#fillEntry(li, entry, started);
			}
		);
	}

	#fillEntry(li: HTMLElement, entry: TimelineEntry, started: Date) {
		li.dataset.entry = JSON.stringify(entry);
		li.dataset.type = entry.type;
		const time = h('time', { datetime: entry.at }, formatUtc(entry.at, started));
		if (this.#editing.has(entry.id)) {
			const input = h('input', {
				value: entryText(entry),
				'aria-label': `Edit entry of ${formatUtc(entry.at)}`,
			});
			const done = () => {
				this.#editing.delete(entry.id);
				this.#fillEntry(li, this.#current(entry), started);
			};
			li.replaceChildren(
				h(
					'form',
					{
						class: 'rb-entry-edit',
						onsubmit: (event) => {
							event.preventDefault();
							this.#editing.delete(entry.id);
							mutate((store) => editEntry(store, this.id, entry.id, input.value));
							this.#fillEntry(li, this.#current(entry), started);
							li.querySelector('button')?.focus();
						},
					},
					time,
					input,
					h('button', { type: 'submit' }, 'Save'),
					h(
						'button',
						{
							type: 'button',
							class: 'rb-secondary',
							onclick: () => (done(), li.querySelector('button')?.focus()),
						},
						'Cancel'
					)
				)
			);
			input.focus();
			return;
		}
		li.replaceChildren(
			time,
			' ',
			h('span', { class: 'rb-type' }, entry.type.replaceAll('-', ' ')),
			' ',
			h('span', { class: 'rb-text' }, entryText(entry)),
			' ',
			h(
				'span',
				{ class: 'rb-entry-actions' },
				h(
					'button',
					{
						type: 'button',
						class: 'rb-small',
						'aria-label': `Edit entry “${entryText(entry)}”`,
						onclick: () => (this.#editing.add(entry.id), this.#fillEntry(li, entry, started)),
					},
					'Edit'
				),
				h(
					'button',
					{
						type: 'button',
						class: 'rb-small',
						'aria-label': `Delete entry “${entryText(entry)}”`,
						onclick: () =>
							confirm(`Delete this timeline entry?\n${entryText(entry)}`) &&
							mutate((store) => deleteEntry(store, this.id, entry.id)),
					},
					'Delete'
				)
			)
		);
	}

	/** The entry as stored now (another tab may have changed it while it was being edited). */
	#current(entry: TimelineEntry): TimelineEntry {
		return this.#incident.timeline.find((other) => other.id === entry.id) ?? entry;
	}

	#exports(): HTMLElement {
		const output = h('textarea', {
			id: 'rb-export-output',
			readonly: true,
			rows: '12',
			class: 'rb-export-output',
		});
		const status = h('p', { role: 'status', class: 'rb-export-status' });
		let current: { kind: ExportKind; text: string } | null = null;
		const show = (kind: ExportKind) => {
			const incident = this.#incident;
			const playbook = findPlaybook(this.#data, incident.playbook);
			const severity = findSeverity(this.#data, incident.severity);
			if (kind !== 'json' && (!playbook || !severity)) {
				status.textContent = `The playbook \`${incident.playbook}\` of this incident is not in this site, so only JSON can be exported.`;
				return;
			}
			const context = {
				playbook: playbook!,
				severity: severity!,
				now: new Date(),
				checklists: storedChecklists(incident.id),
			};
			const text =
				kind === 'json'
					? JSON.stringify(toIncidentFile(incident), null, 2)
					: kind === 'post-mortem-mdx'
						? renderPostMortemMdx(incident, context)
						: renderDocument(incident, kind, context);
			current = { kind, text };
			output.value = text;
			status.textContent = `Showing ${exportFileName(incident, kind)}.`;
		};
		const handover = h('input', {
			id: 'rb-handover-link',
			readonly: true,
		});
		return h(
			'section',
			{ class: 'rb-exports', 'aria-labelledby': 'rb-export-heading' },
			h('h3', { id: 'rb-export-heading' }, 'Export and hand over'),
			h(
				'p',
				{ class: 'rb-actions' },
				h('button', { type: 'button', onclick: () => show('incident-record') }, 'Incident record'),
				h('button', { type: 'button', onclick: () => show('post-mortem') }, 'Post-mortem draft'),
				h('button', { type: 'button', onclick: () => show('post-mortem-mdx') }, 'Post-mortem MDX'),
				h('button', { type: 'button', onclick: () => show('json') }, 'Incident JSON')
			),
			h(
				'p',
				{ class: 'rb-field' },
				h('label', { for: 'rb-export-output' }, 'Exported text'),
				output
			),
			h(
				'p',
				{ class: 'rb-actions' },
				h(
					'button',
					{
						type: 'button',
						onclick: async () =>
							current &&
							(status.textContent = (await copyText(current.text))
								? 'Copied.'
								: (output.select(),
									'Copying was refused: the text is selected, press Ctrl/Cmd+C.')),
					},
					'Copy'
				),
				h(
					'button',
					{
						type: 'button',
						onclick: () =>
							current &&
							download(
								exportFileName(this.#incident, current.kind),
								current.text,
								current.kind === 'json' ? 'application/json' : 'text/markdown'
							),
					},
					'Download'
				)
			),
			status,
			h(
				'p',
				{ class: 'rb-actions' },
				h(
					'button',
					{
						type: 'button',
						onclick: async () => (
							(handover.value = `${location.origin}/incident/#${await encodeHandover(this.#incident, typedValues(this.#incident.id))}`),
							handover.select()
						),
					},
					'Create hand-over link'
				)
			),
			h(
				'p',
				{ class: 'rb-field' },
				h('label', { for: 'rb-handover-link' }, 'Hand-over link'),
				handover,
				h(
					'small',
					{},
					'It carries the incident in the part after #, which browsers never send to a server.'
				)
			)
		);
	}
}

class IncidentWorkspace extends HTMLElement {
	#data: IncidentData | undefined;
	/** The incident shown in detail: the active one unless the responder opened another. */
	#selected: string | null = null;
	#panel: IncidentPanel | null = null;
	#stop: (() => void) | undefined;
	#message = h('p', { class: 'rb-message', role: 'alert' });
	#notice = h('p', { class: 'rb-notice', role: 'status' });
	#handover = h('section', { class: 'rb-handover', 'aria-labelledby': 'rb-handover-heading' });
	#empty = h(
		'section',
		{ class: 'rb-empty', 'aria-label': 'No incident' },
		h('p', { class: 'rb-empty-text' })
	);
	#detail = h('div', { class: 'rb-detail' });
	/** The page's one "Declare incident": first when nothing runs, beside the list otherwise. */
	#declare = h(
		'button',
		{ type: 'button', class: 'rb-declare-button', onclick: () => void this.#declareIncident() },
		'Declare incident'
	);
	#incidents = h('ul', { class: 'rb-incidents' });
	#listActions = h('p', { class: 'rb-actions' });

	async connectedCallback() {
		recordTimelineEvents();
		if (!this.#data) {
			try {
				this.#data = await incidentData();
			} catch (error) {
				this.replaceChildren(
					h(
						'p',
						{ role: 'alert' },
						`The incident workspace could not load its playbook data: ${(error as Error).message}`
					)
				);
				return;
			}
			this.#build();
			void this.#offerHandover();
		}
		if (!this.isConnected) return;
		this.#stop?.();
		this.#stop = onStoreChange(() => this.#render());
		this.#render();
	}

	disconnectedCallback() {
		this.#stop?.();
		this.#stop = undefined;
	}

	#build() {
		const file = h('input', {
			type: 'file',
			id: 'rb-import',
			accept: 'application/json,.json',
			onchange: () => void this.#import(file),
		});
		this.#handover.hidden = true;
		this.replaceChildren(
			this.#notice,
			this.#message,
			this.#handover,
			this.#empty,
			this.#detail,
			h(
				'section',
				{ class: 'rb-list', 'aria-labelledby': 'rb-list-heading' },
				h('h2', { id: 'rb-list-heading' }, 'Incidents'),
				this.#incidents,
				this.#listActions,
				h(
					'p',
					{ class: 'rb-field rb-import' },
					h('label', { for: 'rb-import' }, 'Import incident JSON'),
					file
				)
			)
		);
	}

	async #declareIncident() {
		const id = await openDeclareDialog();
		if (!id) return;
		this.#selected = id;
		this.#render();
		this.#panel?.focusNote();
	}

	#say(text: string) {
		this.#message.textContent = text;
	}

	#render() {
		const data = this.#data;
		if (!data) return;
		const store = loadStore();
		setText(this.#notice, storageNotice() ?? '');
		this.#notice.hidden = !storageNotice();
		if (!this.#selected || !store.incidents[this.#selected]) this.#selected = store.activeId;
		const incidents = listIncidents(store);
		const incident = this.#selected ? store.incidents[this.#selected] : undefined;

		if (this.#panel && this.#panel.id !== incident?.id) {
			this.#panel.element.remove();
			this.#panel = null;
		}
		if (incident && !this.#panel) {
			this.#panel = new IncidentPanel(incident, data);
			this.#detail.append(this.#panel.element);
		} else if (incident) this.#panel!.update(incident, store.activeId === incident.id);

		// With nothing to show, the empty state leads and holds the declare control; while a
		// hand-over waits, it would contradict the incident on offer, so it steps aside.
		const handingOver = !this.#handover.hidden;
		this.#empty.hidden = !!incident || handingOver;
		setText(
			this.#empty.firstElementChild as HTMLElement,
			incidents.length === 0
				? 'No incidents yet. Declare one when something breaks.'
				: 'No incident is running. Declare one, or open one from the list below.'
		);
		const declareHome = this.#empty.hidden ? this.#listActions : this.#empty;
		if (this.#declare.parentElement !== declareHome) declareHome.append(this.#declare);
		this.#declare.classList.toggle('rb-primary', !this.#empty.hidden);

		this.#incidents.hidden = incidents.length === 0;
		syncChildren(
			this.#incidents,
			incidents,
			(item) => item.id,
			(item) => {
				const li = h('li', { 'data-incident': item.id });
				this.#fillListItem(li, item, store.activeId === item.id);
				return li;
			},
			(li, item) => this.#fillListItem(li, item, store.activeId === item.id)
		);
	}

	#fillListItem(li: HTMLElement, incident: Incident, active: boolean) {
		const severity = this.#data && findSeverity(this.#data, incident.severity);
		const selected = this.#selected === incident.id;
		const signature = JSON.stringify([
			incident.title,
			incident.severity,
			incident.status,
			incident.closedAt,
			active,
			selected,
		]);
		if (li.dataset.signature === signature) return;
		li.dataset.signature = signature;
		li.classList.toggle('active', active);
		li.replaceChildren(
			h(
				'button',
				{
					type: 'button',
					class: 'rb-link',
					'aria-pressed': String(selected),
					onclick: () => {
						this.#selected = incident.id;
						this.#render();
						document.getElementById('rb-incident-heading')?.focus();
					},
				},
				incident.id
			),
			` ${incident.title} · ${severity?.level ?? incident.severity} · ${incident.closedAt ? 'Closed' : STATUS_LABELS[incident.status]} `,
			active
				? h('strong', {}, '(active)')
				: incident.closedAt
					? ''
					: h(
							'button',
							{
								type: 'button',
								class: 'rb-small',
								'aria-label': `Make ${incident.id} active`,
								onclick: () => {
									mutate((s) => setActive(s, incident.id));
									this.#selected = incident.id;
									this.#render();
								},
							},
							'Make active'
						)
		);
	}

	async #import(input: HTMLInputElement) {
		const file = input.files?.[0];
		input.value = '';
		if (!file) return;
		const result = parseIncidentFile(await file.text());
		if (!result.ok) return this.#say(result.error);
		this.#adopt(result.incident, 'imported');
	}

	/** Puts an incident into the store (asking before replacing one); `false` when declined. */
	#adopt(incident: Incident, how: string): boolean {
		const existing = loadStore().incidents[incident.id];
		if (
			existing &&
			JSON.stringify(existing) !== JSON.stringify(incident) &&
			!confirm(`${incident.id} is already in this browser. Replace it with the ${how} copy?`)
		) {
			this.#say(`Nothing was changed: ${incident.id} was kept as it was.`);
			return false;
		}
		// A replaced incident is shown afresh rather than patched.
		if (this.#panel?.id === incident.id) {
			this.#panel.element.remove();
			this.#panel = null;
		}
		mutate((store) => putIncident(store, incident));
		this.#selected = incident.id;
		this.#say(`${incident.id} ${how}.`);
		this.#render();
		return true;
	}

	/** A checklist as people know it: its scenario's title, else its document key. */
	#checklistName(document: string): string {
		const [playbook = '', kind, ...slug] = document.split('/');
		const scenario =
			kind === 'scenarios' && this.#data
				? findPlaybook(this.#data, playbook)?.scenarios.find(
						(entry) => entry.id === `${playbook}/${slug.join('/')}`
					)
				: undefined;
		return scenario?.title ?? document;
	}

	/** A hand-over link: what it carries, shown before anything is taken over. */
	async #offerHandover() {
		const result = await decodeHandover(location.hash);
		if (!result) return;
		if ('error' in result) return this.#say(result.error);
		const { incident, values } = result;
		const preview = handoverPreview(result, (id) => {
			const severity = this.#data && findSeverity(this.#data, id);
			return severity ? severityLabel(severity) : id;
		});
		const ticks = preview.ticks.reduce((sum, list) => sum + list.count, 0);
		const here = loadStore().incidents[incident.id];
		this.#handover.replaceChildren(
			h('h2', { id: 'rb-handover-heading' }, `Hand-over: ${preview.id}`),
			h('p', { class: 'rb-handover-title' }, preview.title),
			h(
				'dl',
				{ class: 'rb-facts' },
				h('dt', {}, 'Severity'),
				h('dd', {}, preview.severity),
				h('dt', {}, 'Status'),
				h('dd', {}, preview.status),
				h('dt', {}, 'Started'),
				h('dd', {}, formatUtc(incident.startedAt)),
				h('dt', {}, 'Roles'),
				h(
					'dd',
					{},
					preview.roles.length
						? preview.roles.map(([role, person]) => `${role}: ${person}`).join('; ')
						: 'none assigned'
				),
				h('dt', {}, 'Checklist ticks'),
				h(
					'dd',
					{ 'data-handover-ticks': String(ticks) },
					ticks
						? h(
								'ul',
								{ class: 'rb-handover-ticks' },
								preview.ticks.map((list) =>
									h(
										'li',
										{},
										`${this.#checklistName(list.document)}: ${list.count} ticked`,
										h(
											'ul',
											{},
											list.steps.map((step) => h('li', {}, step)),
											list.count > list.steps.length
												? h('li', {}, `and ${list.count - list.steps.length} more`)
												: ''
										)
									)
								)
							)
						: 'none'
				),
				h('dt', {}, 'Template values'),
				h('dd', {}, String(preview.values))
			),
			h('p', {}, 'Last entries:'),
			h(
				'ol',
				{ class: 'rb-handover-entries' },
				preview.lastEntries.map((entry) =>
					h('li', {}, h('time', { datetime: entry.at }, formatUtc(entry.at)), ` ${entry.text}`)
				)
			),
			here
				? h(
						'p',
						{},
						`This browser already has ${incident.id}; taking over asks before replacing its copy.`
					)
				: '',
			h(
				'p',
				{ class: 'rb-actions' },
				h(
					'button',
					{
						type: 'button',
						class: 'rb-primary',
						onclick: () => {
							if (!this.#adopt(incident, 'taken over')) return;
							landHandover(incident, values);
							this.#endHandover();
						},
					},
					`Take over ${incident.id}`
				),
				h(
					'button',
					{ type: 'button', class: 'rb-secondary', onclick: () => this.#endHandover() },
					'Dismiss'
				)
			)
		);
		this.#handover.hidden = false;
		this.#render();
	}

	#endHandover() {
		this.#handover.replaceChildren();
		this.#handover.hidden = true;
		history.replaceState(null, '', location.pathname + location.search);
		this.#render();
	}
}

/** Template values typed for an incident (sent along with a hand-over). */
function typedValues(id: string): Record<string, string> {
	const result = loadValues(id);
	return result.status === 'ok' ? { ...result.value } : {};
}

/**
 * Puts what a hand-over carries where this browser's pages read it: the ticks on the checklists
 * of the incident's scope, the template values in its value store. What this browser already
 * holds for the incident wins over what arrives.
 */
function landHandover(incident: Incident, values: Record<string, string>): void {
	for (const [document, record] of Object.entries(checklistsFromTimeline(incident))) {
		const held = loadMigrated(incident.id, document);
		saveList(
			incident.id,
			document,
			mergeChecklist(held.status === 'ok' ? held.record : undefined, record)
		);
	}
	if (Object.keys(values).length)
		saveValues(incident.id, { ...values, ...typedValues(incident.id) });
}

declare global {
	interface HTMLElementTagNameMap {
		'rb-incident-workspace': IncidentWorkspace;
	}
}

if (!customElements.get('rb-incident-workspace'))
	customElements.define('rb-incident-workspace', IncidentWorkspace);
