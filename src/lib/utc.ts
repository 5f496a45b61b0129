/**
 * Times as Responder writes them, always in UTC. Apart from the incident clocks so a page that only
 * shows a time (the offline note) does not load them.
 */

/** `14:05 UTC` (with the date when not on `now`'s day). */
export function formatUtc(iso: string, now?: Date): string {
	const date = new Date(iso);
	const time = `${date.toISOString().slice(11, 16)} UTC`;
	return now && now.toISOString().slice(0, 10) === date.toISOString().slice(0, 10)
		? time
		: `${date.toISOString().slice(0, 10)} ${time}`;
}
