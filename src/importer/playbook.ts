import type { Paragraph } from 'mdast';
import type { PlaybookInput } from '../schemas/index.ts';
import { visit } from 'unist-util-visit';
import {
	allSections,
	endOf,
	inlineText,
	labelLine,
	sourceOf,
	startOf,
	type Section,
} from './markdown.ts';
import type { Context } from './model.ts';
import { splitLabel } from './severities.ts';
import { topSections } from './pages.ts';

/**
 * The playbook entry: name, summary, version, dates, owner and review cycle from `**Version:**`,
 * `**Last Updated:**`, `**Owner:**`, `**Review Cycle**: Monthly` lines wherever they stand, plus
 * the links the other recognisers found. These lines also stay in their page, word for word.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** `2025-11-19`, `2025-11-19 (Monthly)`, `December 15, 2024`, `15 Dec 2024` → `YYYY-MM-DD`. */
export function isoDate(text: string): string | undefined {
	const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
	const pad = (n: number) => String(n).padStart(2, '0');
	let date: [number, number, number] | undefined;
	if (iso) date = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
	const monthFirst = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b/.exec(text);
	const dayFirst = /\b(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(text);
	if (!date && monthFirst && MONTHS.includes(monthFirst[1]!.slice(0, 3).toLowerCase()))
		date = [
			Number(monthFirst[3]),
			MONTHS.indexOf(monthFirst[1]!.slice(0, 3).toLowerCase()) + 1,
			Number(monthFirst[2]),
		];
	if (!date && dayFirst && MONTHS.includes(dayFirst[2]!.slice(0, 3).toLowerCase()))
		date = [
			Number(dayFirst[3]),
			MONTHS.indexOf(dayFirst[2]!.slice(0, 3).toLowerCase()) + 1,
			Number(dayFirst[1]),
		];
	if (!date) return undefined;
	const value = `${date[0]}-${pad(date[1])}-${pad(date[2])}`;
	return new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value ? value : undefined;
}

/**
 * A value left for the author to fill in (`[Insert Date post-July 1, 2025]`, `<owner>`, `TBD`):
 * a date or name inside it is an instruction, not a fact.
 */
const FILL_IN = /^\s*[[<{]|\b(insert|tbd|todo|to be (confirmed|decided)|yyyy|dd[/-]mm)\b/i;

/** Every `Label: value` line in the document's paragraphs and list items. */
function labelledLines(context: Context): { label: string; value: string }[] {
	const found: { label: string; value: string }[] = [];
	// A code block is a sample (a post's front matter, a config): its `date:` is not the playbook's.
	const code: [number, number][] = [];
	visit(context.doc.root, 'code', (node) => void code.push([startOf(node), endOf(node)]));
	let at = 0;
	for (const line of context.doc.source.split('\n')) {
		const start = at;
		at += line.length + 1;
		if (code.some(([from, to]) => from <= start && start < to)) continue;
		const text = line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '');
		const pair = labelLine(text) ?? splitLabel(text);
		if (pair?.value) found.push({ label: pair.label.toLowerCase(), value: inlineText(pair.value) });
	}
	return found;
}

function firstParagraph(
	context: Context,
	section: { nodes: Section['nodes'] } | undefined
): string | undefined {
	for (const node of section?.nodes ?? []) {
		if (node.type !== 'paragraph') continue;
		const source = sourceOf(context.doc, node as Paragraph);
		// `abstract: …` is a docs site's front-matter key left in the text without its fences.
		const label =
			labelLine(source.split('\n')[0]!) ??
			/^(?<label>abstract|description|summary):\s*(?<value>\S.*)$/i.exec(source.trim())?.groups;
		if (label && !/purpose|summary|overview|about|abstract|description/i.test(label.label!))
			continue;
		const text = inlineText(label?.value ? label.value : source);
		if (text.length < 20 || /^\[.*\]\(.*\)/.test(source.trim())) continue;
		// A site generator's directive (`{% include … %}`, `{{< note >}}`, `<%= … %>`) says nothing.
		if (/^\s*(?:\{[%{]|<%)[\s\S]*(?:[%}]\}|%>)\s*$/.test(source)) continue;
		return text;
	}
	return undefined;
}

/** `owner:`, `last_reviewed:`, `version:` … of another site generator's front matter. */
function applyFrontMatter(data: PlaybookInput, front: Record<string, unknown>): void {
	const text = (key: RegExp) => {
		const entry = Object.entries(front).find(([k]) => key.test(k));
		const value = entry?.[1];
		if (value instanceof Date) return value.toISOString().slice(0, 10);
		return (typeof value === 'string' && !FILL_IN.test(value)) || typeof value === 'number'
			? String(value)
			: undefined;
	};
	const owner = text(/^(owner|maintainer|maintained_by|team)$/i);
	if (owner) data.owner = owner;
	const version = text(/^version$/i);
	if (version) data.version = version;
	const reviewed = text(/^(last_?reviewed|reviewed|last-reviewed)$/i);
	if (reviewed && isoDate(reviewed)) data.lastReviewed = isoDate(reviewed)!;
	const updated = text(/^(last_?updated|updated|date|last-updated)$/i);
	if (updated && isoDate(updated)) data.lastUpdated = isoDate(updated)!;
	const description = text(/^(description|summary)$/i);
	if (description) data.summary = description;
}

export function recognisePlaybook(
	context: Context,
	options: { name: string; sourceName: string; frontMatter?: Record<string, unknown> }
): PlaybookInput {
	const { title } = topSections(context.doc);
	const overview = [...allSections(context.doc.outline)].find((s) =>
		/^(overview|executive summary|summary|purpose|introduction|about)$/i.test(s.title)
	);
	const summary =
		firstParagraph(context, title ?? context.doc.outline) ??
		firstParagraph(context, overview) ??
		`${title?.title ?? 'Incident response playbook'} for ${options.name}, imported from ${options.sourceName}.`;
	const data: PlaybookInput = { name: options.name, summary };
	applyFrontMatter(data, options.frontMatter ?? {});
	for (const { label, value } of labelledLines(context)) {
		if (FILL_IN.test(value)) continue;
		if (/^version$/.test(label) && !data.version) data.version = value;
		else if (/^(last updated|updated|date)$/.test(label) && !data.lastUpdated && isoDate(value))
			data.lastUpdated = isoDate(value)!;
		else if (/^last reviewed$/.test(label) && !data.lastReviewed && isoDate(value))
			data.lastReviewed = isoDate(value)!;
		else if (/^(owner|maintained by|document owner)$/.test(label) && !data.owner)
			data.owner = value;
		else if (/^review cycle$/.test(label) && !data.reviewCycle) {
			const cycle = /weekly|monthly|quarterly|yearly|annual/i.exec(value)?.[0].toLowerCase();
			if (cycle)
				data.reviewCycle = (cycle === 'annual' ? 'yearly' : cycle) as PlaybookInput['reviewCycle'];
		}
	}
	const severities = [...context.out.severities].sort((a, b) => a.data.rank - b.data.rank);
	if (severities.length >= 2)
		data.severityScale = `${severities[0]!.data.level}–${severities[severities.length - 1]!.data.level}`;
	if (Object.keys(context.targetLabels).length)
		data.targetLabels = context.targetLabels as PlaybookInput['targetLabels'];
	const seen = new Set<string>();
	const links = context.links.filter(
		(link) => !seen.has(`${link.label}|${link.url}`) && seen.add(`${link.label}|${link.url}`)
	);
	if (links.length) data.links = links;
	return data;
}
