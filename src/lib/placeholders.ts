/**
 * Blanks in communication templates, in the styles real playbooks use: `[Brief description]`,
 * `<affected_feature>`, `{{service}}`, `P[0-4]`, `@[name]`, `[15/30]`. A template declares each
 * blank as a field with the exact token(s) it replaces; filling is plain string work on tokens,
 * so no value is ever read as HTML or as a template directive.
 */

export interface Blank {
	/** The blank as it stands in the text, e.g. `[Brief description]`. */
	text: string;
	start: number;
	end: number;
}

/**
 * `[…]` not followed by `(` (a Markdown link), `{{…}}`, and `<snake_or_kebab>` words. A subject tag
 * such as `[RESOLVED]` or `[Action Required]` is literal text, not a blank; so are brackets that
 * only hold angle blanks (`[<CLUSTER>/<SERVICE>]`), whose blanks are inside.
 */
const BLANK =
	/\{\{\s*[^{}]+?\s*\}\}|\[(?!\s*[xX ]?\s*\])(?!(?:RESOLVED|Resolved|UPDATE|Action Required)\])(?!\s*<)[^\[\]\n]{1,80}\](?!\()|<[a-z][a-z0-9]*(?:[_-][a-z0-9]+)+>/g;

/** Blanks written in angle brackets: `<affected_feature>`, `<CLUSTER>`, `<SHORT MSG>`. */
const ANGLE_BLANK = /<[a-z][a-z0-9]*(?:[_-][a-z0-9]+)+>|<[A-Z][A-Z0-9]*(?:[ _][A-Z0-9]+)*>/;

/**
 * A bracketed word leading a subject or title line (`Subject: [ops-users] …`, `Title:
 * "[INCIDENT][<CLUSTER>] …"`), after a label and quotes or another such tag. It is the list's or
 * the tracker's tag when the text writes its blanks in angle brackets: one text, one blank style.
 */
const LEADING_TAG = /(?:^|\n)[ \t]*(?:[A-Za-z][\w /-]{0,30}:[ \t]*)?["'`]*(?:\[[^\[\]\n]*\])*$/;

/** Finds the blanks a template's text leaves for the responder. */
export function scanBlanks(text: string): Blank[] {
	const blanks: Blank[] = [];
	const angled = ANGLE_BLANK.test(text);
	for (const match of text.matchAll(BLANK)) {
		if (angled && /^\[[\w -]+\]$/.test(match[0]) && LEADING_TAG.test(text.slice(0, match.index)))
			continue;
		blanks.push({ text: match[0], start: match.index, end: match.index + match[0].length });
	}
	return blanks;
}

export interface FieldTokens {
	name: string;
	tokens: string[];
	/** What the field asks for; an unfilled field whose token is example text shows it instead. */
	label?: string;
}

/**
 * Placeholder words that mark a token as a blank even outside brackets: `HH:MM`, `YYYY-MM-DD`,
 * `X hours`, `@name`, `brief-description`, `Investigating / Mitigating / Resolved`.
 */
const PLACEHOLDER = /\b(?:YYYY|YY|MM|DD|HH|X+|Y|Z|N)\b|@name\b|^[a-z]+(?:-[a-z]+)+$|\S \/ \S/;

/**
 * How an unfilled field stands in the text. A token that reads as a blank stays; one that is the
 * source's example (`Investigating`, `15 minutes`, `Payment Processing`) would pass for a true
 * status, time or name once copied, so it becomes a visible blank named after the field.
 */
export function unfilledText(blank: string, field: { name: string; label?: string }): string {
	if (scanBlanks(blank).length > 0 || PLACEHOLDER.test(blank)) return blank;
	const label = field.label?.replace(/\s*\([^)]*\)\s*$/, '').trim();
	return `[${label || field.name}]`;
}

/** A run of a filled template: literal text, or a field's value (or its blank when unfilled). */
export type Segment =
	{ kind: 'text'; text: string } | { kind: 'field'; name: string; text: string; filled: boolean };

/** A declared token: `[Timestamp]` stands for every place it appears, `[Timestamp]#2` for the second only. */
export function parseToken(token: string): { text: string; occurrence?: number } {
	const match = /^(.+)#([1-9]\d*)$/s.exec(token);
	return match ? { text: match[1]!, occurrence: Number(match[2]) } : { text: token };
}

/** Whether a declared token appears in `text` (for `#n` tokens: at least n times). */
export function tokenUsed(text: string, token: string): boolean {
	const { text: blank, occurrence = 1 } = parseToken(token);
	return text.split(blank).length - 1 >= occurrence;
}

interface TokenRange {
	start: number;
	end: number;
	name: string;
	blank: string;
}

/**
 * Where the declared tokens stand in `text`, in reading order. Longer tokens claim their places
 * first (`P[0-4]` before `[0-4]`), and at equal length a `#n` token before one that stands for
 * every place, so `@[name]#1` can name the commander while `@[name]` fills the rest.
 */
function tokenRanges(text: string, fields: FieldTokens[]): TokenRange[] {
	const tokens = fields
		.flatMap((field) => field.tokens.map((token) => ({ ...parseToken(token), name: field.name })))
		.sort(
			(a, b) =>
				b.text.length - a.text.length ||
				Number(a.occurrence === undefined) - Number(b.occurrence === undefined)
		);
	const ranges: TokenRange[] = [];
	for (const token of tokens) {
		let count = 0;
		for (
			let at = text.indexOf(token.text);
			at !== -1;
			at = text.indexOf(token.text, at + token.text.length)
		) {
			count += 1;
			const end = at + token.text.length;
			if (token.occurrence !== undefined && count !== token.occurrence) continue;
			if (ranges.some((range) => range.start < end && at < range.end)) continue;
			ranges.push({ start: at, end, name: token.name, blank: token.text });
		}
	}
	return ranges.sort((a, b) => a.start - b.start);
}

/** A list marker at the start of a line: `- `, `* `, `+ ` or `• `. */
const BULLET = /^[ \t]*[-*+\u2022][ \t]+/;

/**
 * A value typed as `- item` where the template already writes the bullet (`- [Actions]`) loses
 * its own marker, so the message reads `- item`, not `- - item`. Only the value's first line can
 * meet the template's bullet; its other lines stay as typed.
 */
function unbullet(before: string, value: string): string {
	const line = before.slice(before.lastIndexOf('\n') + 1);
	if (!BULLET.test(line) || line.replace(BULLET, '') !== '') return value;
	return value.replace(BULLET, '');
}

/**
 * Splits `text` at every declared token and puts in the field values. Unfilled fields keep a
 * visible blank (`unfilledText`), marked `filled: false`. Values are inserted as they are: nothing in them is read again.
 * `shape` rewrites a value for the place it goes (a file name); `undefined` leaves the blank.
 */
export function fillTemplate(
	text: string,
	fields: FieldTokens[],
	values: Record<string, string | undefined>,
	shape?: (value: string, blank: string) => string | undefined
): Segment[] {
	const segments: Segment[] = [];
	let index = 0;
	for (const { start, end, name, blank } of tokenRanges(text, fields)) {
		const field = fields.find((candidate) => candidate.name === name)!;
		if (start > index) segments.push({ kind: 'text', text: text.slice(index, start) });
		const given = Object.hasOwn(values, name) ? values[name] : undefined;
		const value = given !== undefined && shape ? shape(given, blank) : given;
		const filled = value !== undefined && value.trim() !== '';
		segments.push({
			kind: 'field',
			name,
			text: filled ? unbullet(text.slice(0, start), value) : unfilledText(blank, field),
			filled,
		});
		index = end;
	}
	if (index < text.length) segments.push({ kind: 'text', text: text.slice(index) });
	return segments;
}

/** The filled text as one string. */
export const segmentsToText = (segments: Segment[]): string =>
	segments.map((segment) => segment.text).join('');

/** Names of fields still blank, in order of first appearance. */
export const blankFields = (segments: Segment[]): string[] => [
	...new Set(
		segments.flatMap((segment) =>
			segment.kind === 'field' && !segment.filled ? [segment.name] : []
		)
	),
];

/**
 * Blanks in `text` that no declared token covers: each is a placeholder the author forgot to
 * declare as a field.
 */
export function undeclaredBlanks(text: string, fields: FieldTokens[]): Blank[] {
	const covered = tokenRanges(text, fields);
	return scanBlanks(text).filter(
		(blank) => !covered.some(({ start, end }) => start <= blank.start && blank.end <= end)
	);
}

/** A template's text parts, each split into segments, and the fields still blank in any part. */
export interface FilledMessage {
	subject?: Segment[];
	body: Segment[];
	/** Field names left blank, subject first, in order of first appearance. */
	blanks: string[];
}

/** Fills a template's subject (when it has one) and body with the same values. */
export function fillMessage(
	template: { subject?: string | undefined; body: string; fields: FieldTokens[] },
	values: Record<string, string | undefined>
): FilledMessage {
	const subject =
		template.subject === undefined
			? undefined
			: fillTemplate(template.subject, template.fields, values);
	const body = fillTemplate(template.body, template.fields, values);
	return { ...(subject && { subject }), body, blanks: blankFields([...(subject ?? []), ...body]) };
}
