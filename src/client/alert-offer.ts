/**
 * What an alert link offers on a scenario page: the alert's facts from the URL fragment and a
 * button to declare an incident prefilled from them. Loaded by the banner only when the page
 * has a fragment. Once the alert has an incident the offer gives way: nothing while that incident
 * is the active one, else a button that opens it; a second declaration never happens. While
 * another incident runs, the alert is most likely part of it: the facts stay, and declaring a
 * separate incident is a deliberate, secondary choice.
 */
import type { DeclarePrefill } from './declare-dialog.ts';
import type { IncidentStore } from '../incident/model.ts';
import { h } from './dom.ts';
import { loadStore, mutate } from './incident-store-client.ts';
import { incidentForAlert, parseAlertContext, type AlertContext } from '../lib/alert-context.ts';
import { setActive } from '../incident/edits.ts';
import { formatUtc } from '../incident/clocks.ts';

export interface AlertOffer {
	/** Changes when what the offer shows changes, so the banner re-renders only then. */
	state: string;
	elements: HTMLElement[];
}

const existing = (store: IncidentStore, context: AlertContext, scenario: DeclarePrefill) =>
	incidentForAlert(Object.values(store.incidents), context, scenario.scenario);

/** The offer for `fragment` given the store; no elements when it carries no alert context. */
export function alertOffer(
	fragment: string,
	scenario: DeclarePrefill,
	store: IncidentStore,
	declare: (prefill: DeclarePrefill) => void
): AlertOffer {
	const context = parseAlertContext(fragment);
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
	if (incident && store.activeId === incident.id) return { state: 'active', elements: [] };
	const open = (id: string) => mutate((current) => setActive(current, id));
	const summary = h(
		'p',
		{},
		h('strong', {}, context.alert ? `Alert ${context.alert}: ` : 'Alert: '),
		context.summary ?? '',
		context.summary && facts ? ' — ' : '',
		facts
	);
	if (incident)
		return {
			state: `declared:${incident.id}`,
			elements: [
				summary,
				h(
					'button',
					{ type: 'button', onclick: () => open(incident.id) },
					`Open incident ${incident.id}, declared for this alert`
				),
			],
		};
	const running = store.activeId ? store.incidents[store.activeId] : undefined;
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
		running ? 'Declare a separate incident' : 'Declare incident from this alert'
	);
	if (running)
		return {
			state: `running:${running.id}`,
			elements: [summary, h('p', {}, `Incident ${running.id} is running.`), button],
		};
	return { state: 'offer', elements: [summary, button] };
}
