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

/** `[…]` not followed by `(` (a Markdown link), `{{…}}`, and `<snake_or_kebab>` words. */
const BLANK = /\{\{\s*[^{}]+?\s*\}\}|\[(?!\s*[xX ]?\s*\])[^\[\]\n]{1,80}\](?!\()|<[a-z][a-z0-9]*(?:[_-][a-z0-9]+)+>/g;

/** Finds the blanks a template's text leaves for the responder. */
export function scanBlanks(text: string): Blank[] {
	const blanks: Blank[] = [];
	for (const match of text.matchAll(BLANK)) {
		blanks.push({ text: match[0], start: match.index, end: match.index + match[0].length });
	}
	return blanks;
}

export interface FieldTokens {
	name: string;
	tokens: string[];
}

/** A run of a filled template: literal text, or a field's value (or its blank when unfilled). */
export type Segment = { kind: 'text'; text: string } | { kind: 'field'; name: string; text: string; filled: boolean };

/**
 * Splits `text` at every declared token and puts in the field values. Longer tokens win where
 * two overlap (`P[0-4]` before `[0-4]`). Unfilled fields keep their blank, marked `filled: false`.
 */
export function fillTemplate(text: string, fields: FieldTokens[], values: Record<string, string | undefined>): Segment[] {
	const tokens = fields
		.flatMap((field) => field.tokens.map((token) => ({ token, name: field.name })))
		.sort((a, b) => b.token.length - a.token.length);
	const segments: Segment[] = [];
	let literal = '';
	let index = 0;
	outer: while (index < text.length) {
		for (const { token, name } of tokens) {
			if (!text.startsWith(token, index)) continue;
			if (literal) segments.push({ kind: 'text', text: literal });
			literal = '';
			const value = values[name];
			const filled = value !== undefined && value.trim() !== '';
			segments.push({ kind: 'field', name, text: filled ? value : token, filled });
			index += token.length;
			continue outer;
		}
		literal += text[index];
		index += 1;
	}
	if (literal) segments.push({ kind: 'text', text: literal });
	return segments;
}

/** The filled text as one string. */
export const segmentsToText = (segments: Segment[]): string => segments.map((segment) => segment.text).join('');

/** Names of fields still blank, in order of first appearance. */
export const blankFields = (segments: Segment[]): string[] => [
	...new Set(segments.flatMap((segment) => (segment.kind === 'field' && !segment.filled ? [segment.name] : []))),
];

/**
 * Blanks in `text` that no declared token covers: each is a placeholder the author forgot to
 * declare as a field.
 */
export function undeclaredBlanks(text: string, fields: FieldTokens[]): Blank[] {
	const covered: [number, number][] = [];
	for (const token of fields.flatMap((field) => field.tokens)) {
		for (let at = text.indexOf(token); at !== -1; at = text.indexOf(token, at + 1)) covered.push([at, at + token.length]);
	}
	return scanBlanks(text).filter((blank) => !covered.some(([start, end]) => start <= blank.start && blank.end <= end));
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
	values: Record<string, string | undefined>,
): FilledMessage {
	const subject = template.subject === undefined ? undefined : fillTemplate(template.subject, template.fields, values);
	const body = fillTemplate(template.body, template.fields, values);
	return { ...(subject && { subject }), body, blanks: blankFields([...(subject ?? []), ...body]) };
}
