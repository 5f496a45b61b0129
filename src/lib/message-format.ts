/**
 * The text a copy button puts on the clipboard. Template bodies marked `markdown` or `slack` are
 * written in Markdown; a copy for Slack turns its markup into Slack mrkdwn, a plain-text copy drops
 * it. Only the template's own text is converted: a filled-in value is the responder's text and
 * reaches the clipboard as typed, whatever characters it holds, except that a Slack copy keeps a
 * broadcast in a value (`@channel`) from notifying anyone (`escapeSlack`).
 */
import { escapeSlack } from './escape.ts';
import type { Segment } from './placeholders.ts';

/** What a copy button produces. */
export type CopyFormat = 'plain' | 'markdown' | 'slack';

/** How a template body is written (the template's `format`). */
export type BodyFormat = 'plain' | 'markdown' | 'slack';

/** Markdown → Slack mrkdwn, for the markup Slack reads differently. Single `*`/`_` are left alone. */
export function toSlack(markdown: string): string {
	return markdown
		.replace(/^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$/gm, '*$1*')
		.replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, '*$1*')
		.replace(/__(?=\S)(.+?)(?<=\S)__/g, '*$1*')
		.replace(/~~(?=\S)(.+?)(?<=\S)~~/g, '~$1~')
		.replace(/\[([^\]\n]+)\]\(([^()\s]+)\)/g, '<$2|$1>');
}

/** Markdown → plain text: emphasis and heading markers dropped, links written as `text (url)`. */
export function toPlain(markdown: string): string {
	return markdown
		.replace(/^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$/gm, '$1')
		.replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, '$1')
		.replace(/__(?=\S)(.+?)(?<=\S)__/g, '$1')
		.replace(/~~(?=\S)(.+?)(?<=\S)~~/g, '$1')
		.replace(/\[([^\]\n]+)\]\(([^()\s]+)\)/g, '$1 ($2)');
}

/** Private-use characters mark where a value goes while the template's markup is converted. */
const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARKER = /\uE000(\d+)\uE001/g;

/**
 * The clipboard text of filled segments in `format`. Values are held out of the conversion, so
 * markup spanning a value (`**[Impact]**`) still converts and the value stays as typed.
 */
export function renderSegments(segments: Segment[], body: BodyFormat, format: CopyFormat): string {
	const convert =
		body === 'plain' || format === 'markdown' ? undefined : format === 'slack' ? toSlack : toPlain;
	const value = format === 'slack' ? escapeSlack : (text: string) => text;
	if (!convert)
		return segments
			.map((segment) => (segment.kind === 'text' ? segment.text : value(segment.text)))
			.join('');
	const values: string[] = [];
	const marked = segments
		.map((segment) => {
			if (segment.kind === 'text') return segment.text.replace(/[\uE000\uE001]/g, '');
			values.push(value(segment.text));
			return `${OPEN}${values.length - 1}${CLOSE}`;
		})
		.join('');
	return convert(marked).replace(MARKER, (_, index: string) => values[Number(index)]!);
}

/** One copy button: what it copies and the words on it. */
export interface CopyVariant {
	/** `subject` copies the email subject; the others copy the body in that format. */
	id: 'subject' | CopyFormat;
	label: string;
	/** Named on the incident timeline: "Copied Initial notice (Slack)". */
	channel: string;
}

/**
 * The copy buttons a template gets: plain text always; Markdown for Markdown bodies; Slack for
 * Slack bodies and for Markdown bodies sent to Slack; with a subject, the subject on its own.
 */
export function copyVariants(template: {
	format: BodyFormat;
	subject?: string | undefined;
	channels: readonly string[];
}): CopyVariant[] {
	const email = template.subject !== undefined;
	const variants: CopyVariant[] = [];
	if (email) variants.push({ id: 'subject', label: 'Copy subject', channel: 'email subject' });
	variants.push({
		id: 'plain',
		label: email ? 'Copy body' : 'Copy text',
		channel: email ? 'email body' : 'plain text',
	});
	if (template.format === 'markdown')
		variants.push({ id: 'markdown', label: 'Copy Markdown', channel: 'Markdown' });
	const slack =
		template.format === 'slack' ||
		(template.format === 'markdown' &&
			template.channels.some((c) => c === 'slack' || c === 'chat'));
	if (slack) variants.push({ id: 'slack', label: 'Copy for Slack', channel: 'Slack' });
	return variants;
}

/**
 * The copy buttons worth offering for the current text: a body variant whose clipboard text equals
 * one already offered (plain first, then Markdown, then Slack) is left out, so a template whose
 * Slack copy reads the same as its plain copy offers one button. The subject is always offered.
 */
export function distinctVariants(
	variants: CopyVariant[],
	body: Segment[],
	format: BodyFormat
): CopyVariant[] {
	const seen = new Set<string>();
	return variants.filter((variant) => {
		if (variant.id === 'subject') return true;
		const text = renderSegments(body, format, variant.id);
		if (seen.has(text)) return false;
		seen.add(text);
		return true;
	});
}
