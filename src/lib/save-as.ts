/**
 * The name a template says to save its document under (`incidents/YYYY-MM-DD-HH-MM-brief-description.md`),
 * filled from the template's own fields: a field lists the file's blank among its tokens, and its
 * value goes in written for a file name. A date pattern (`YYYYMMDD`, `YYYY-MM-DD-HH-MM`) takes the
 * field's date and time in that pattern; any other blank takes the value as lower-case words joined
 * by hyphens. A value that does not fit (no time for `HH-MM`) leaves the blank, never a guess.
 */
import { fillTemplate, type FieldTokens, type Segment } from './placeholders.ts';

/** `2025-11-19`, `2025-11-19T14:05` (a date-time input) or `2025-11-19 14:05 UTC` (message text). */
const DATE_VALUE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/;
const DATE_PARTS = /YYYY|MM|DD|HH|mm|[-_.]/g;
/** Words of at most this many characters, so the name stays well inside file-system limits. */
const MAX_WORDS = 60;

/** The parts of a date pattern, or `undefined` when the blank is not one. */
function datePattern(blank: string): string[] | undefined {
	const parts = blank.match(DATE_PARTS);
	if (!parts || parts.join('') !== blank || !parts.some((part) => part.length > 1))
		return undefined;
	return parts;
}

/** `value`'s date in `parts`; `MM` after `HH` is the minute, as in `YYYY-MM-DD-HH-MM`. */
function formatDate(value: string, parts: string[]): string | undefined {
	const match = DATE_VALUE.exec(value.trim());
	if (!match) return undefined;
	const [, year, month, day, hour, minute] = match;
	let afterHour = false;
	let out = '';
	for (const part of parts) {
		if (part === 'YYYY') out += year;
		else if (part === 'DD') out += day;
		else if (part === 'MM' && !afterHour) out += month;
		else if (part === 'HH' || part === 'MM' || part === 'mm') {
			const time = part === 'HH' ? hour : minute;
			if (time === undefined) return undefined;
			out += time;
			afterHour = true;
		} else out += part;
	}
	return out;
}

/** `Orders failing at checkout!` → `orders-failing-at-checkout`: letters and digits only. */
export function fileWords(value: string): string | undefined {
	const words = value
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, '-')
		.replace(/^-+/, '');
	return [...words].slice(0, MAX_WORDS).join('').replace(/-+$/, '') || undefined;
}

/** One blank's value as it goes into a file name. */
export function fileValue(value: string, blank: string): string | undefined {
	const pattern = datePattern(blank);
	return pattern ? formatDate(value, pattern) : fileWords(value);
}

/** The file name with every declared blank filled in file-name form, or left marked. */
export const fillFileName = (
	file: string,
	fields: FieldTokens[],
	values: Record<string, string | undefined>
): Segment[] => fillTemplate(file, fields, values, fileValue);
