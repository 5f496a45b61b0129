/**
 * Durations as playbooks write them ("5 minutes", "1h", "Within 4 hours (business hours)",
 * "1 business day", "Immediate (24/7)", "Every 15 minutes", "Best effort") parsed once into a
 * structure that timers compute with. The original text is kept so pages show the author's words.
 */

/** How a target is meant: a fixed span, right away, or no clock at all. */
export type DurationKind =
	'span' | 'immediate' | 'best-effort' | 'as-needed' | 'on-resolution' | 'none' | 'scheduled';

export interface Duration {
	/** The text as the author wrote it. */
	text: string;
	kind: DurationKind;
	/** Length of the span in minutes of clock time; only for `span`. Business days count as 8 h. */
	minutes?: number;
	/** The span counts business hours only ("4 hours (business hours)", "1 business day"). */
	businessHours: boolean;
}

const UNIT_MINUTES: Record<string, number> = {
	s: 1 / 60,
	sec: 1 / 60,
	second: 1 / 60,
	m: 1,
	min: 1,
	minute: 1,
	h: 60,
	hr: 60,
	hour: 60,
	d: 1440,
	day: 1440,
	w: 10080,
	week: 10080,
};

const BUSINESS_DAY_MINUTES = 8 * 60;

const WORDS: [RegExp, DurationKind | { minutes: number }][] = [
	[/^(immediate(ly)?|asap|now)\b/, 'immediate'],
	[/^best[\s-]effort\b/, 'best-effort'],
	[/^as needed\b/, 'as-needed'],
	[/^(update )?(when|once|on) resolved\b/, 'on-resolution'],
	[/^(none|not required|n\/a|none required)\b/, 'none'],
	[/^(as scheduled|next (sprint|release|iteration))\b/, 'scheduled'],
	[/^(every )?(half[\s-]hour)\b/, { minutes: 30 }],
	// "Update every hour until resolved": the lead strips "every", leaving a bare unit.
	[/^(hourly|every hour|hour)\b/, { minutes: 60 }],
	[/^daily\b/, { minutes: 1440 }],
	[/^next business day\b/, { minutes: BUSINESS_DAY_MINUTES }],
	[/^weekly\b/, { minutes: 10080 }],
];

/** Words that may stand before the number and change nothing ("within", "every", "< "). */
const LEAD =
	/^(?:(?:resolve|respond|update|updates|response)\s+)?(?:within|every|in|after|under|by|about|~|<|≤|<=)?\s*/;

/**
 * Reads a duration; returns `undefined` when the text says no length the app can compute with.
 * Callers report that as a content error naming the text.
 */
export function parseDuration(input: string): Duration | undefined {
	const text = input.trim();
	const lower = text.toLowerCase();
	const businessHours = /business (hours?|days?)/.test(lower);
	const lead = lower.replace(LEAD, '');
	for (const [pattern, meaning] of WORDS) {
		if (!pattern.test(lead)) continue;
		if (typeof meaning === 'string') return { text, kind: meaning, businessHours };
		return { text, kind: 'span', minutes: meaning.minutes, businessHours };
	}
	// `4-8 hours`, `56 to 72 hours`: a range counts by its first number.
	const match =
		/^(\d+(?:\.\d+)?)\s*(?:(?:[-–]|to\b)\s*\d+(?:\.\d+)?\s*)?(business\s+)?([a-z]+)/.exec(lead);
	if (!match) return undefined;
	const value = Number(match[1]);
	const unit = match[3]!.replace(/s$/, '');
	const perUnit = match[2] && unit === 'day' ? BUSINESS_DAY_MINUTES : UNIT_MINUTES[unit];
	if (perUnit === undefined) return undefined;
	return { text, kind: 'span', minutes: value * perUnit, businessHours };
}

/** A short label for a span in minutes: "15 min", "4 h", "1 d 2 h". */
export function formatMinutes(total: number): string {
	const minutes = Math.round(total);
	if (minutes < 60) return `${minutes} min`;
	const days = Math.floor(minutes / 1440);
	const hours = Math.floor((minutes % 1440) / 60);
	const rest = minutes % 60;
	return [days && `${days} d`, hours && `${hours} h`, rest && `${rest} min`]
		.filter(Boolean)
		.join(' ');
}
