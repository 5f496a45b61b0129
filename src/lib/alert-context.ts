/**
 * Alert context in a URL fragment (never sent to a server), as alert links carry it:
 * `#service=checkout&severity=P1&startsAt=…&summary=…`. It prefills a declaration.
 */

export interface AlertContext {
	service?: string;
	severity?: string;
	/** ISO time the alert started. */
	startsAt?: string;
	summary?: string;
}

/** Alert context in a fragment, or `null` when it carries none. Unknown keys are ignored. */
export function parseAlertContext(fragment: string): AlertContext | null {
	const params = new URLSearchParams(fragment.replace(/^#/, ''));
	const context: AlertContext = {};
	for (const key of ['service', 'severity', 'summary'] as const) {
		const value = params.get(key)?.trim();
		if (value) context[key] = value.slice(0, 500);
	}
	const startsAt = params.get('startsAt');
	if (startsAt && !Number.isNaN(Date.parse(startsAt)))
		context.startsAt = new Date(startsAt).toISOString();
	return Object.keys(context).length ? context : null;
}
