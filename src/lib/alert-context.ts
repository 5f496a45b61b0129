/**
 * Alert context in a URL fragment (never sent to a server), as alert links carry it:
 * `#service=checkout&severity=P1&startsAt=…&summary=…`, with `alert=<Name>` added by the
 * `/alerts/<Name>/` page on the way. It prefills a declaration.
 */
import type { Incident } from '../incident/model.ts';

export interface AlertContext {
	/** The alert's name, as in `/alerts/<Name>/`. */
	alert?: string;
	service?: string;
	severity?: string;
	/** ISO time the alert started. */
	startsAt?: string;
	summary?: string;
}

/** How much of a fragment is read: alert context is short, a hostile link need not be. */
const FRAGMENT_LIMIT = 4000;

/** Alert context in a fragment, or `null` when it carries none. Unknown keys are ignored. */
export function parseAlertContext(fragment: string): AlertContext | null {
	const params = new URLSearchParams(fragment.replace(/^#/, '').slice(0, FRAGMENT_LIMIT));
	const context: AlertContext = {};
	for (const key of ['alert', 'service', 'severity', 'summary'] as const) {
		const value = params.get(key)?.trim();
		if (value) context[key] = value.slice(0, 500);
	}
	const startsAt = params.get('startsAt');
	if (startsAt && !Number.isNaN(Date.parse(startsAt)))
		context.startsAt = new Date(startsAt).toISOString();
	return Object.keys(context).length ? context : null;
}

/**
 * The incident already declared for this alert on this scenario, if any: same scenario (which
 * claims the alert name) and same start time to the minute (the declare form records minutes;
 * monitors send seconds and milliseconds). An alert without a start time matches the scenario's
 * incident still open, so pressing the offer twice never makes a second one.
 */
const minute = (iso: string) => Math.floor(Date.parse(iso) / 60_000);

export function incidentForAlert(
	incidents: readonly Incident[],
	context: AlertContext,
	scenario: string | undefined
): Incident | undefined {
	if (!scenario) return undefined;
	return incidents.find(
		(incident) =>
			incident.scenario === scenario &&
			(context.startsAt
				? minute(incident.startedAt) === minute(context.startsAt)
				: incident.status !== 'resolved')
	);
}

/**
 * The alert context a scenario page offers to declare from, or `null` when it offers nothing:
 * no context in the fragment, not a scenario page, or the alert's incident is the active one
 * (the bar shows it). The page's one rule for it: the offer (`alert-offer.ts`) and the inline
 * script that keeps the offer's room before the first paint (`src/client/alert-room.ts`) both
 * ask it, so room is kept exactly where an offer is drawn.
 */
export function offeredAlert(
	fragment: string,
	scenario: string | undefined,
	active: Incident | undefined
): AlertContext | null {
	const context = parseAlertContext(fragment);
	if (!context || !scenario || (active && incidentForAlert([active], context, scenario)))
		return null;
	return context;
}
