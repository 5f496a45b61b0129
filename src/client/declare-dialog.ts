/**
 * The "Declare incident" dialog: title, playbook, severity, start (UTC, default now) and roles,
 * prefilled from where it was opened (a scenario, a severity page, an alert link). A native modal
 * `<dialog>` keeps focus inside and closes on Escape; focus then returns to the control that
 * opened it. Its look (centred, backdrop, full width on a phone) is in `styles/controls.css`.
 */
import { h } from './dom.ts';
import { severityTitle } from '../lib/severity-label.ts';
import { mutate } from './incident-store-client.ts';
import { declareIncident } from '../incident/edits.ts';
import { ROLES } from '../incident/model.ts';
import { incidentData, type IncidentData } from '../incident/data.ts';

export interface DeclarePrefill {
	title?: string;
	playbook?: string;
	/** Severity entry id (`servio/p0`) or a level name (`P1`) from an alert. */
	severity?: string;
	scenario?: string;
	startedAt?: string;
}

/** `2025-11-19T03:42` for a `datetime-local` input showing UTC. */
const utcInputValue = (date: Date) => date.toISOString().slice(0, 16);

function severityOptions(
	data: IncidentData,
	playbook: string,
	wanted?: string
): HTMLOptionElement[] {
	const severities = data.playbooks.find((entry) => entry.id === playbook)?.severities ?? [];
	const match = severities.find(
		(severity) => severity.id === wanted || severity.level.toLowerCase() === wanted?.toLowerCase()
	);
	return severities.map((severity) =>
		h('option', { value: severity.id, selected: severity === match }, severityTitle(severity))
	);
}

/** Opens the dialog; resolves with the new incident's id, or `null` when cancelled. */
export async function openDeclareDialog(prefill: DeclarePrefill = {}): Promise<string | null> {
	const data = await incidentData();
	const playbook = prefill.playbook ?? data.playbooks[0]?.id ?? '';
	const severity = h(
		'select',
		{ id: 'rb-declare-severity', name: 'severity', required: true },
		severityOptions(data, playbook, prefill.severity)
	);
	const playbookSelect = h(
		'select',
		{
			id: 'rb-declare-playbook',
			name: 'playbook',
			required: true,
			onchange: () => severity.replaceChildren(...severityOptions(data, playbookSelect.value)),
		},
		data.playbooks.map((entry) =>
			h('option', { value: entry.id, selected: entry.id === playbook }, entry.name)
		)
	);
	const field = (id: string, label: string, control: HTMLElement) =>
		h('p', { class: 'rb-field' }, h('label', { for: id }, label), control);
	const roles = ROLES.map((role, index) =>
		field(
			`rb-declare-role-${index}`,
			role.label,
			h('input', { id: `rb-declare-role-${index}`, name: `role:${role.id}`, autocomplete: 'name' })
		)
	);
	const form = h(
		'form',
		{ method: 'dialog' },
		h('h2', { id: 'rb-declare-heading' }, 'Declare incident'),
		field(
			'rb-declare-title',
			'Title',
			h('input', {
				id: 'rb-declare-title',
				name: 'title',
				required: true,
				value: prefill.title ?? '',
			})
		),
		h(
			'div',
			{ class: 'rb-declare-pair' },
			field('rb-declare-playbook', 'Playbook', playbookSelect),
			field('rb-declare-severity', 'Severity', severity)
		),
		field(
			'rb-declare-start',
			'Start time (UTC)',
			h('input', {
				id: 'rb-declare-start',
				name: 'start',
				type: 'datetime-local',
				required: true,
				value: utcInputValue(prefill.startedAt ? new Date(prefill.startedAt) : new Date()),
			})
		),
		h('fieldset', { class: 'rb-declare-roles' }, h('legend', {}, 'Roles (names, optional)'), roles),
		h(
			'p',
			{ class: 'rb-actions rb-declare-actions' },
			h('button', { type: 'submit', value: 'declare', class: 'rb-primary' }, 'Declare'),
			h(
				'button',
				{ type: 'submit', value: 'cancel', formnovalidate: true, class: 'rb-secondary' },
				'Cancel'
			)
		)
	);
	const dialog = h(
		'dialog',
		{ class: 'rb-declare', 'aria-labelledby': 'rb-declare-heading' },
		form
	);
	const opener = document.activeElement;
	document.body.append(dialog);
	dialog.showModal();
	return new Promise((resolve) => {
		dialog.addEventListener('close', () => {
			dialog.remove();
			if (dialog.returnValue !== 'declare') {
				if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
				return resolve(null);
			}
			const values = new FormData(form);
			const chosen = data.playbooks.find((entry) => entry.id === values.get('playbook'));
			const level = chosen?.severities.find((entry) => entry.id === values.get('severity'));
			if (!chosen || !level) return resolve(null);
			const roleValues = Object.fromEntries(
				[...values.entries()].flatMap(([key, value]) =>
					key.startsWith('role:') && String(value).trim()
						? [[key.slice(5), String(value).trim()]]
						: []
				)
			);
			let id = '';
			mutate((store) => {
				const result = declareIncident(
					store,
					{
						title: String(values.get('title')).trim(),
						playbook: chosen.id,
						severity: level.id,
						severityLevel: level.level,
						startedAt: new Date(`${String(values.get('start'))}Z`),
						roles: roleValues,
						...(prefill.scenario && prefill.scenario.startsWith(`${chosen.id}/`)
							? { scenario: prefill.scenario }
							: {}),
						idPattern: chosen.incidentId,
					},
					new Date()
				);
				id = result.id;
				return result.store;
			});
			resolve(id);
		});
	});
}
