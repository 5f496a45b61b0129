/**
 * Times as Responder writes them, always in UTC. Apart from the incident clocks so a page that only
 * shows a time (the offline note) does not load them.
 */

/**
 * `2026-11-30 14:05 UTC`; the time of day alone, `14:05 UTC`, when it falls on `now`'s day or
 * `timeOnly` says the reader knows the day from elsewhere.
 */
export function formatUtc(iso: string, now?: Date, { timeOnly = false } = {}): string {
	const date = new Date(iso).toISOString();
	const time = `${date.slice(11, 16)} UTC`;
	return timeOnly || now?.toISOString().slice(0, 10) === date.slice(0, 10)
		? time
		: `${date.slice(0, 10)} ${time}`;
}
