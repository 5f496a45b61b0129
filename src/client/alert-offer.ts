/**
 * What an alert link offers on a scenario page: the alert's facts from the URL fragment and a
 * button to declare an incident prefilled from them. Loaded by the banner only when the page
 * has a fragment.
 */
import type { DeclarePrefill } from './declare-dialog.ts';
import { h } from './dom.ts';
import { parseAlertContext } from '../lib/alert-context.ts';
import { formatUtc } from '../incident/clocks.ts';

/** The offer's elements, or none when `fragment` carries no alert context. */
export function alertOffer(
	fragment: string,
	scenario: DeclarePrefill,
	declare: (prefill: DeclarePrefill) => void
): HTMLElement[] {
	const context = parseAlertContext(fragment);
	if (!context) return [];
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
	return [
		h(
			'p',
			{},
			h('strong', {}, 'Alert: '),
			context.summary ?? '',
			context.summary && facts ? ' — ' : '',
			facts
		),
		h(
			'button',
			{ type: 'button', onclick: () => declare(prefill) },
			'Declare incident from this alert'
		),
	];
}
