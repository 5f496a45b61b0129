/**
 * What an alert link offers on a scenario page: the alert's facts from the URL fragment and a
 * button to declare an incident prefilled from them. Loaded by the banner only when the page
 * has a fragment. Once the alert has an incident the offer gives way: nothing while that incident
 * is the active one, else a button that opens it; a second declaration never happens. While
 * another incident runs, the alert is most likely part of it: the facts stay, and declaring a
 * separate incident is a deliberate, secondary choice.
 */
import { formatUtc } from '../lib/utc.ts';
import type { DeclarePrefill } from './declare-dialog.ts';
import type { IncidentStore } from '../incident/model.ts';
import { h } from './dom.ts';
import { loadStore, mutate } from './incident-store-client.ts';
import { incidentForAlert, offeredAlert, type AlertContext } from '../lib/alert-context.ts';
import { setActive } from '../incident/edits.ts';

export interface AlertOffer {
	/** Changes when what the offer shows changes, so the banner re-renders only then. */
	state: string;
	elements: HTMLElement[];
}

const existing = (store: IncidentStore, context: AlertContext, scenario: DeclarePrefill) =>
	incidentForAlert(Object.values(store.incidents), context, scenario.scenario);

/**
 * The offer for `fragment` given the store; no elements where `offeredAlert` (the rule the page's
 * inline script keeps the offer's room by) says there is none. Drawn as the room is laid out
 * (IncidentBanner.astro): the alert's words, then one line of controls.
 */
export function alertOffer(
	fragment: string,
	scenario: DeclarePrefill,
	store: IncidentStore,
	declare: (prefill: DeclarePrefill) => void
): AlertOffer {
	const active = store.activeId ? store.incidents[store.activeId] : undefined;
	const context = offeredAlert(fragment, scenario.scenario, active);
	if (!context) return { state: 'none', elements: [] };
	const facts = [
		context.service && `service ${context.service}`,
		context.severity && `severity ${context.severity}`,
		context.startsAt && `started ${formatUtc(context.startsAt)}`,
	]
		.filter(Boolean)
		.join(', ');
	const prefill: DeclarePrefill = {
		...scenario,
		...(context.summary || context.service
			? { title: context.summary ?? `${scenario.title}: ${context.service}` }
			: {}),
		...(context.severity ? { severity: context.severity } : {}),
		...(context.startsAt ? { startedAt: context.startsAt } : {}),
	};
	const incident = existing(store, context, scenario);
	const open = (id: string) => mutate((current) => setActive(current, id));
	// While another incident runs, that comes first: the line of controls has room for one button.
	const running = !incident && active ? `Incident ${active.id} is running. ` : '';
	const name = context.alert ? `Alert ${context.alert}: ` : 'Alert: ';
	const words = `${context.summary ?? ''}${context.summary && facts ? ' — ' : ''}${facts}`;
	const summary = h(
		'p',
		{ class: 'rb-alert-facts', title: `${running}${name}${words}` },
		h('span', {}, running, h('strong', {}, name), words)
	);
	const actions = (...parts: HTMLElement[]) => h('div', { class: 'rb-alert-actions' }, ...parts);
	if (incident) {
		const label = `Open incident ${incident.id}, declared for this alert`;
		return {
			state: `declared:${incident.id}`,
			elements: [
				summary,
				actions(
					h('button', { type: 'button', title: label, onclick: () => open(incident.id) }, label)
				),
			],
		};
	}
	const button = h(
		'button',
		{
			type: 'button',
			// Another tab may have declared it meanwhile: look again before declaring.
			onclick: () => {
				const again = existing(loadStore(), context, scenario);
				if (again) open(again.id);
				else declare(prefill);
			},
		},
		active ? 'Declare a separate incident' : 'Declare incident from this alert'
	);
	return {
		state: active ? `running:${active.id}` : 'offer',
		elements: [summary, actions(button)],
	};
}
