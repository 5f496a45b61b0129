/**
 * Incident ids in a playbook's own pattern (`INC-YYYYMMDD-HHmm` by default). Times are UTC so two
 * responders in different time zones give the same incident the same id.
 */

const TOKENS = /YYYY|MM|DD|HH|mm|NN/g;

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/**
 * The id for an incident started at `start`. `NN` is a sequence number (01, 02, …) that makes
 * the id unique among `taken`; a pattern without `NN` gets `-2`, `-3`, … appended on a clash.
 */
export function incidentId(pattern: string, start: Date, taken: Iterable<string> = []): string {
	const used = new Set(taken);
	const parts: Record<string, string> = {
		YYYY: pad(start.getUTCFullYear(), 4),
		MM: pad(start.getUTCMonth() + 1),
		DD: pad(start.getUTCDate()),
		HH: pad(start.getUTCHours()),
		mm: pad(start.getUTCMinutes()),
	};
	const render = (sequence: number) =>
		pattern.replace(TOKENS, (token) => parts[token] ?? pad(sequence));
	if (pattern.includes('NN')) {
		for (let sequence = 1; ; sequence += 1)
			if (!used.has(render(sequence))) return render(sequence);
	}
	const base = render(1);
	if (!used.has(base)) return base;
	for (let suffix = 2; ; suffix += 1)
		if (!used.has(`${base}-${suffix}`)) return `${base}-${suffix}`;
}
