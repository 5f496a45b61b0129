/**
 * `<rb-incident-workspace>` on `/incident/`: the list of incidents (switch the active one in one
 * click), and for the selected incident its status, severity (with the severity helper), roles,
 * notes and timeline (edit, delete with confirmation), exports (incident record, post-mortem,
 * MDX, JSON), import, hand-over link, resolve/close/delete.
 */
import { h } from './dom.ts';
import { loadChecklist, saveList, storedRecords } from './checklist-storage.ts';
import { copyText } from './clipboard.ts';
import { readJson, writeJson } from './safe-storage.ts';
import { openDeclareDialog } from './declare-dialog.ts';
import {
	loadStore,
	mutate,
	onStoreChange,
	recordTimelineEvents,
	storageNotice,
} from './incident-store-client.ts';
import { severityHelper } from './severity-helper.ts';
import { formatUtc } from '../incident/clocks.ts';
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
import { parseValueStore, valuesKey } from '../incident/template-values.ts';
import { severityLabel } from '../incident/derive.ts';
import { parseIncidentFile, toIncidentFile } from '../incident/file.ts';
import {
	addNote,
	closeIncident,
	deleteEntry,
	deleteIncident,
	editEntry,
	listIncidents,
	putIncident,
	setActive,
	setRole,
	setSeverity,
	setStatus,
} from '../incident/edits.ts';
import {
	entryText,
	roleLabel,
	ROLES,
	STATUS_LABELS,
	STATUSES,
	type Incident,
	type IncidentStatus,
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

/** Checklist ticks stored in the incident's scope; none when storage is blocked (the export then uses the timeline). */
function storedChecklists(id: string): ChecklistTicks[] {
	return [...storedRecords(id)]
		.flatMap(([document, record]) => readChecklistTicks(document, record) ?? [])
		.sort((a, b) => a.document.localeCompare(b.document));
}

class IncidentWorkspace extends HTMLElement {
	#data!: IncidentData;
	/** The incident shown in detail: the active one unless the responder opened another. */
	#selected: string | null = null;
	#editing: string | null = null;
	#message = h('p', { class: 'rb-message', role: 'alert' });
	#notice = h('p', { class: 'rb-notice', role: 'status' });
	#list = h('section', { 'aria-labelledby': 'rb-list-heading' });
	#detail = h('section', { class: 'rb-detail' });
	#handover = h('div', { class: 'rb-handover' });

	async connectedCallback() {
		recordTimelineEvents();
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
		const file = h('input', {
			type: 'file',
			id: 'rb-import',
			accept: 'application/json,.json',
			onchange: () => void this.#import(file),
		});
		this.replaceChildren(
			this.#notice,
			this.#handover,
			h(
				'p',
				{ class: 'rb-actions' },
				h('button', { type: 'button', onclick: () => void this.#declare() }, 'Declare incident'),
				h(
					'span',
					{ class: 'rb-import' },
					h('label', { for: 'rb-import' }, 'Import incident JSON'),
					' ',
					file
				)
			),
			this.#message,
			this.#list,
			this.#detail
		);
		onStoreChange(() => this.#render());
		this.#render();
		await this.#offerHandover();
	}

	async #declare() {
		const id = await openDeclareDialog();
		if (id) this.#selected = id;
		this.#render();
	}

	#say(text: string) {
		this.#message.textContent = text;
	}

	#render() {
		const store = loadStore();
		this.#notice.textContent = storageNotice() ?? '';
		this.#notice.hidden = !storageNotice();
		if (!this.#selected || !store.incidents[this.#selected]) this.#selected = store.activeId;
		const incidents = listIncidents(store);
		this.#list.replaceChildren(
			h('h2', { id: 'rb-list-heading' }, 'Incidents'),
			incidents.length === 0
				? h('p', {}, 'No incidents yet. Declare one when something breaks.')
				: h(
						'ul',
						{ class: 'rb-incidents' },
						incidents.map((incident) => {
							const severity = findSeverity(this.#data, incident.severity);
							const active = store.activeId === incident.id;
							return h(
								'li',
								{ 'data-incident': incident.id, class: active ? 'active' : undefined },
								h(
									'button',
									{
										type: 'button',
										class: 'rb-link',
										'aria-pressed': String(this.#selected === incident.id),
										onclick: () => ((this.#selected = incident.id), this.#render()),
									},
									incident.id
								),
								` ${incident.title} · ${severity?.level ?? incident.severity} · ${incident.closedAt ? 'Closed' : STATUS_LABELS[incident.status]} `,
								active
									? h('strong', {}, '(active)')
									: incident.closedAt
										? null
										: h(
												'button',
												{
													type: 'button',
													'aria-label': `Make ${incident.id} active`,
													onclick: () => (
														mutate((s) => setActive(s, incident.id)),
														(this.#selected = incident.id),
														this.#render()
													),
												},
												'Make active'
											)
							);
						})
					)
		);
		const incident = this.#selected ? store.incidents[this.#selected] : undefined;
		this.#detail.replaceChildren(
			...(incident ? this.#describe(incident).filter((node) => node !== null) : [])
		);
	}

	#describe(incident: Incident): (Node | null)[] {
		const id = incident.id;
		const playbook = findPlaybook(this.#data, incident.playbook);
		const severities = playbook?.severities ?? [];
		const now = () => new Date();
		const status = h(
			'select',
			{
				id: 'rb-status',
				onchange: () =>
					mutate((store) => setStatus(store, id, status.value as IncidentStatus, now())),
			},
			STATUSES.map((value) =>
				h('option', { value, selected: incident.status === value }, STATUS_LABELS[value])
			)
		);
		const severity = h(
			'select',
			{
				id: 'rb-severity',
				onchange: () =>
					mutate((store) =>
						setSeverity(store, id, severity.value, severityLevels(this.#data), now())
					),
			},
			severities.map((entry) =>
				h(
					'option',
					{ value: entry.id, selected: incident.severity === entry.id },
					`${entry.level} ${entry.name}`
				)
			)
		);
		const note = h('textarea', { id: 'rb-note', rows: '3' });
		const roleName = h('input', { id: 'rb-role-name', list: 'rb-role-names' });
		const rolePerson = h('input', { id: 'rb-role-person' });
		return [
			h('h2', {}, `${incident.id}: `, incident.title),
			h(
				'p',
				{},
				`${playbook?.name ?? incident.playbook} · started ${formatUtc(incident.startedAt)}`,
				incident.closedAt ? ` · closed ${formatUtc(incident.closedAt)}` : ''
			),
			h(
				'div',
				{ class: 'rb-controls' },
				h('p', { class: 'rb-field' }, h('label', { for: 'rb-status' }, 'Status'), status),
				h('p', { class: 'rb-field' }, h('label', { for: 'rb-severity' }, 'Severity'), severity)
			),
			h(
				'details',
				{},
				h('summary', {}, 'Severity helper'),
				severityHelper(severities, playbook?.scenarios ?? [], incident.severity, (entry) =>
					mutate((store) => setSeverity(store, id, entry.id, severityLevels(this.#data), now()))
				)
			),
			playbook?.decisions.length
				? h(
						'p',
						{},
						'Decision trees: ',
						playbook.decisions.map((tree) => h('a', { href: tree.url }, tree.title))
					)
				: null,
			h('h3', {}, 'Roles'),
			h(
				'ul',
				{ class: 'rb-roles' },
				Object.entries(incident.roles).map(([role, person]) =>
					h(
						'li',
						{},
						`${roleLabel(role)}: ${person} `,
						h(
							'button',
							{
								type: 'button',
								'aria-label': `Unassign ${roleLabel(role)}`,
								onclick: () => mutate((store) => setRole(store, id, role, '', now())),
							},
							'Unassign'
						)
					)
				)
			),
			h(
				'form',
				{
					class: 'rb-role-form',
					onsubmit: (event) => (
						event.preventDefault(),
						mutate((store) => setRole(store, id, roleName.value, rolePerson.value, now()))
					),
				},
				h('span', { class: 'rb-field' }, h('label', { for: 'rb-role-name' }, 'Role'), roleName),
				h(
					'datalist',
					{ id: 'rb-role-names' },
					[...ROLES.map((role) => role.label), 'Scribe', 'Subject matter expert'].map((value) =>
						h('option', { value })
					)
				),
				h(
					'span',
					{ class: 'rb-field' },
					h('label', { for: 'rb-role-person' }, 'Person'),
					rolePerson
				),
				h('button', { type: 'submit' }, 'Assign role')
			),
			h('h3', {}, 'Timeline'),
			this.#timeline(incident),
			h(
				'form',
				{
					class: 'rb-note-form',
					onsubmit: (event) => (
						event.preventDefault(),
						mutate((store) => addNote(store, id, note.value, now()))
					),
				},
				h('p', { class: 'rb-field' }, h('label', { for: 'rb-note' }, 'Note'), note),
				h('button', { type: 'submit' }, 'Add note')
			),
			this.#exports(incident),
			h('h3', {}, 'Finish'),
			h(
				'p',
				{ class: 'rb-actions' },
				incident.status === 'resolved'
					? null
					: h(
							'button',
							{
								type: 'button',
								onclick: () => mutate((store) => setStatus(store, id, 'resolved', now())),
							},
							'Resolve'
						),
				incident.closedAt
					? null
					: h(
							'button',
							{
								type: 'button',
								onclick: () =>
									confirm(`Close ${id}? It stays listed and exportable.`) &&
									mutate((store) => closeIncident(store, id, now())),
							},
							'Close incident'
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
			),
		];
	}

	#timeline(incident: Incident): HTMLElement {
		const id = incident.id;
		return h(
			'ol',
			{ class: 'rb-timeline' },
			incident.timeline.map((entry) => {
				const text = entryText(entry);
				if (this.#editing === entry.id) {
					const input = h('input', {
						value: text,
						'aria-label': `Edit entry of ${formatUtc(entry.at)}`,
					});
					queueMicrotask(() => input.focus());
					return h(
						'li',
						{},
						h(
							'form',
							{
								onsubmit: (event) => (
									event.preventDefault(),
									(this.#editing = null),
									mutate((store) => editEntry(store, id, entry.id, input.value))
								),
							},
							h('time', { datetime: entry.at }, formatUtc(entry.at)),
							' ',
							input,
							h('button', { type: 'submit' }, 'Save'),
							h(
								'button',
								{ type: 'button', onclick: () => ((this.#editing = null), this.#render()) },
								'Cancel'
							)
						)
					);
				}
				return h(
					'li',
					{ 'data-type': entry.type },
					h('time', { datetime: entry.at }, formatUtc(entry.at)),
					' ',
					h('span', { class: 'rb-type' }, entry.type),
					' ',
					h('span', { class: 'rb-text' }, text),
					' ',
					h(
						'button',
						{
							type: 'button',
							'aria-label': `Edit entry “${text}”`,
							onclick: () => ((this.#editing = entry.id), this.#render()),
						},
						'Edit'
					),
					h(
						'button',
						{
							type: 'button',
							'aria-label': `Delete entry “${text}”`,
							onclick: () =>
								confirm(`Delete this timeline entry?\n${text}`) &&
								mutate((store) => deleteEntry(store, id, entry.id)),
						},
						'Delete'
					)
				);
			})
		);
	}

	#exports(incident: Incident): HTMLElement {
		const output = h('textarea', {
			id: 'rb-export-output',
			readonly: true,
			rows: '14',
			class: 'rb-export-output',
		});
		const status = h('p', { role: 'status', class: 'rb-export-status' });
		let current: { kind: ExportKind; text: string } | null = null;
		const show = (kind: ExportKind) => {
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
			'aria-label': 'Hand-over link',
		});
		return h(
			'section',
			{ 'aria-labelledby': 'rb-export-heading' },
			h('h3', { id: 'rb-export-heading' }, 'Export'),
			h(
				'p',
				{ class: 'rb-actions' },
				h('button', { type: 'button', onclick: () => show('incident-record') }, 'Incident record'),
				h('button', { type: 'button', onclick: () => show('post-mortem') }, 'Post-mortem draft'),
				h('button', { type: 'button', onclick: () => show('post-mortem-mdx') }, 'Post-mortem MDX'),
				h('button', { type: 'button', onclick: () => show('json') }, 'Incident JSON')
			),
			h('label', { for: 'rb-export-output' }, 'Exported text'),
			output,
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
								exportFileName(incident, current.kind),
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
							(handover.value = `${location.origin}/incident/#${await encodeHandover(incident, typedValues(incident.id))}`),
							handover.select()
						),
					},
					'Create hand-over link'
				),
				handover
			),
			h(
				'p',
				{},
				h(
					'small',
					{},
					'The hand-over link carries the incident in the part after #, which browsers never send to a server.'
				)
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
		mutate((store) => putIncident(store, incident));
		this.#selected = incident.id;
		this.#say(`${incident.id} ${how}.`);
		this.#render();
		return true;
	}

	async #offerHandover() {
		const result = await decodeHandover(location.hash);
		if (!result) return;
		if ('error' in result) return this.#say(result.error);
		const { incident, values } = result;
		const preview = handoverPreview(result, (id) => {
			const severity = findSeverity(this.#data, id);
			return severity ? severityLabel(severity) : id;
		});
		const ticks = preview.ticks.reduce((sum, list) => sum + list.count, 0);
		this.#handover.replaceChildren(
			h('h2', {}, `Hand-over: ${preview.id}`),
			h(
				'dl',
				{ class: 'rb-handover-preview' },
				h('dt', {}, 'Title'),
				h('dd', {}, preview.title),
				h('dt', {}, 'Severity'),
				h('dd', {}, preview.severity),
				h('dt', {}, 'Status'),
				h('dd', {}, preview.status),
				h('dt', {}, 'Roles'),
				h(
					'dd',
					{},
					preview.roles.length
						? preview.roles.map(([role, person]) => `${role}: ${person}`).join(' · ')
						: 'none assigned'
				),
				h('dt', {}, 'Checklist ticks'),
				h(
					'dd',
					{ 'data-handover-ticks': String(ticks) },
					ticks
						? preview.ticks.map((list) => `${list.count} on ${list.document}`).join(' · ')
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
			h(
				'button',
				{
					type: 'button',
					onclick: () => {
						if (!this.#adopt(incident, 'taken over')) return;
						landHandover(incident, values);
						this.#handover.replaceChildren();
						history.replaceState(null, '', location.pathname + location.search);
					},
				},
				`Take over ${incident.id}`
			)
		);
	}
}

/** Template values typed for an incident (sent along with a hand-over). */
function typedValues(id: string): Record<string, string> {
	const result = readJson(valuesKey(id), parseValueStore);
	return result.status === 'ok' ? { ...result.value } : {};
}

/**
 * Puts what a hand-over carries where this browser's pages read it: the ticks on the checklists
 * of the incident's scope, the template values in its value store. What this browser already
 * holds for the incident wins over what arrives.
 */
function landHandover(incident: Incident, values: Record<string, string>): void {
	for (const [document, record] of Object.entries(checklistsFromTimeline(incident))) {
		const held = loadChecklist(incident.id, document);
		saveList(
			incident.id,
			document,
			mergeChecklist(held.status === 'ok' ? held.record : undefined, record)
		);
	}
	if (Object.keys(values).length)
		writeJson(valuesKey(incident.id), {
			version: 1,
			values: { ...values, ...typedValues(incident.id) },
		});
}

declare global {
	interface HTMLElementTagNameMap {
		'rb-incident-workspace': IncidentWorkspace;
	}
}

if (!customElements.get('rb-incident-workspace'))
	customElements.define('rb-incident-workspace', IncidentWorkspace);
