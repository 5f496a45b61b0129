import { toString } from 'mdast-util-to-string';
import { PAGE_SECTIONS } from '../schemas/index.ts';
import { escapeMdxText } from '../lib/escape.ts';
import {
	allSections,
	claimNode,
	endOf,
	entryLink,
	slugify,
	sourceOf,
	startOf,
	uniqueSlug,
	type Claim,
	type Doc,
	type Section,
} from './markdown.ts';
import { hrefOf, lineAt, takenIn, type CheckItem, type Context } from './model.ts';
import { githubAnchor, resolveLinks } from './links.ts';
import { relevel } from './scenarios.ts';

/**
 * Whatever no recogniser claimed goes verbatim into pages: one per top-level section (and an
 * "Overview" for text before the first one), headings kept, claimed parts replaced by a link to
 * the entry they became.
 */

/** Page slugs that would collide with the playbook's own routes. */
const RESERVED = new Set([
	'severities',
	'scenarios',
	'templates',
	'escalation',
	'checklists',
	'alerts',
	'roles',
	'contacts',
	'incidents',
	'incident',
	'workspace',
	'timeline',
	'handoff',
	'search',
	'print',
	'index',
	'404',
]);

export interface Unclassified {
	/** The section as titled in the source. */
	title: string;
	/** Sub-sections that kept text, by title. */
	parts: string[];
	/** The page file the text went to, relative to the playbook folder. */
	page: string;
}

type PageSection = (typeof PAGE_SECTIONS)[number];

export function pageSection(title: string): PageSection {
	if (/overview|summary|quick start|purpose|introduction|about|contents/i.test(title))
		return 'overview';
	if (/communicat|message|notif/i.test(title)) return 'communication';
	if (/\bescalat|\bon-?call|\bcontact/i.test(title)) return 'escalation';
	if (/post|review|lesson|tracking|follow|metric|learn/i.test(title)) return 'post-incident';
	if (
		/process|phase|response|triage|detect|mitigat|recover|role|step|strateg|checklist|best practice/i.test(
			title
		)
	)
		return 'process';
	return 'reference';
}

/** Claims overlapping [start, end), clipped to it, outermost only, in order. */
function claimsWithin(doc: Doc, start: number, end: number): Claim[] {
	const inside = doc.claims
		.filter((c) => c.start < end && c.end > start && c.end > c.start)
		// A replacement stands where its claim starts; a claim clipped at the front has none here.
		.map((c) => ({
			...c,
			start: Math.max(start, c.start),
			end: Math.min(end, c.end),
			replacement: c.start >= start ? c.replacement : undefined,
		}))
		.sort((a, b) => a.start - b.start || b.end - a.end);
	const outer: Claim[] = [];
	for (const c of inside)
		if (!outer.some((o) => o.start <= c.start && c.end <= o.end)) outer.push(c);
	return outer;
}

/** Source text of [start, end) without claimed ranges; replacements kept unless `bare`. */
export function leftover(doc: Doc, start: number, end: number, bare = false): string {
	let out = '';
	let at = start;
	for (const c of claimsWithin(doc, start, end)) {
		if (c.start < at) {
			at = Math.max(at, c.end);
			continue;
		}
		out += doc.source.slice(at, c.start);
		if (c.replacement && !bare) out += c.replacement;
		at = c.end;
	}
	return out + doc.source.slice(at, end);
}

/**
 * Whole blocks that became an entry and left nothing in their place (a severity table, a runbook
 * sub-section, an escalation list, a role, a contact table) leave the link to it, once per entry,
 * so a page that kept text around them says where they went. Parts of a list or table, and links
 * that went to the playbook's home page, leave none.
 */
function linkClaims(context: Context): void {
	const { doc, out } = context;
	const made = madeHref(context);
	const escalation = hrefOf(context, 'escalation', '');
	const list = (folder: 'severities' | 'scenarios', title: string) =>
		`[${title}](${hrefOf(context, folder, '')})`;
	const labels = new Map<string, string>([
		[hrefOf(context, 'severities', ''), list('severities', 'Severity levels')],
		[hrefOf(context, 'scenarios', ''), list('scenarios', 'Scenarios')],
		[
			escalation,
			out.escalations.length === 1
				? entryLink('Escalation path', out.escalations[0]!.data.title, escalation)
				: `[Escalation, roles and contacts](${escalation})`,
		],
		[`${escalation}#roles`, `[Roles](${escalation}#roles)`],
		[`${escalation}#contacts`, `[Contacts](${escalation}#contacts)`],
	]);
	for (const entry of out.severities)
		labels.set(hrefOf(context, 'severities', entry.slug), list('severities', 'Severity levels'));
	for (const [kind, folder, entries] of [
		['Scenario', 'scenarios', out.scenarios],
		['Checklist', 'checklists', out.checklists],
	] as const)
		for (const entry of entries) {
			const href = hrefOf(context, folder, entry.slug);
			labels.set(href, entryLink(kind, entry.data.title, href));
		}
	const starts = new Set(doc.root.children.map(startOf));
	const ends = new Set([...doc.root.children.map(endOf), ...starts, doc.source.length]);
	const linked = new Set<string>();
	for (const claim of [...doc.claims].sort((a, b) => a.start - b.start)) {
		const label = labels.get(made(claim.href) ?? '');
		if (claim.replacement || !label) continue;
		if (!starts.has(claim.start) || !ends.has(claim.end)) continue;
		// A whole section keeps its heading (over the link), so the page keeps its shape: text left
		// under a typed heading stays under it, and a heading left empty is dropped by `tidy`.
		const heading = doc.root.children.find(
			(node) => node.type === 'heading' && startOf(node) === claim.start
		);
		if (!heading && linked.has(label)) continue;
		const link = linked.has(label) ? '' : `${label}\n\n`;
		claim.replacement = `\n\n${heading ? `${sourceOf(doc, heading)}\n\n` : ''}${link}`;
		linked.add(label);
	}
}

/** Text a reader would miss: anything but headings, rules and blank lines. */
export const hasText = (markdown: string): boolean =>
	markdown
		.split('\n')
		.some(
			(line) =>
				line.trim() && !/^\s*#{1,6}\s/.test(line) && !/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)
		);

/** Indexes of the heading lines with nothing under them (code fences are not headings). */
function emptyHeadings(lines: string[]): Set<number> {
	const depth = (line: string) => /^(#{1,6})\s/.exec(line)?.[1]!.length;
	let inFence = false;
	const inCode = lines.map((line) =>
		/^\s*(```|~~~)/.test(line) ? ((inFence = !inFence), true) : inFence
	);
	const empty = new Set<number>();
	lines.forEach((line, i) => {
		const own = inCode[i] ? undefined : depth(line);
		if (own === undefined) return;
		const next = lines.slice(i + 1).findIndex((l) => l.trim());
		const nextDepth = next === -1 || inCode[i + 1 + next] ? undefined : depth(lines[i + 1 + next]!);
		if (next === -1 || (nextDepth !== undefined && nextDepth <= own)) empty.add(i);
	});
	return empty;
}

/**
 * Drops headings left with nothing under them because their text became entries (the outline
 * has them); a heading already empty in the source (`### Reporter: $NAME`) is text, and stays.
 */
function dropEmptyHeadings(markdown: string, source: string): string {
	const sourceLines = source.split('\n');
	const keep = new Set([...emptyHeadings(sourceLines)].map((i) => sourceLines[i]!.trim()));
	// Again until none is dropped: a heading over emptied sub-headings is empty once they go.
	for (let lines = markdown.split('\n'); ;) {
		const empty = emptyHeadings(lines);
		const kept = lines.filter((line, i) => !empty.has(i) || keep.has(line.trim()));
		if (kept.length === lines.length) return kept.join('\n');
		lines = kept;
	}
}

function tidy(markdown: string, source: string): string {
	return dropEmptyHeadings(markdown, source)
		.replace(/^(\s*([-*_])(\s*\2){2,}\s*\n)+/, '')
		.replace(/(\n\s*([-*_])(\s*\2){2,}\s*)+$/, '')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}

/** The document's top-level sections; a single leading H1 is the title, not a section. */
export function topSections(doc: Doc): {
	title?: Section;
	preamble: [number, number] | undefined;
	sections: Section[];
} {
	const outline = doc.outline;
	const first = outline.children[0];
	if (first && first.depth === 1 && outline.children.length === 1) {
		// Text above the title (badges, comments) belongs to the preamble too; the title line does not.
		const end = first.children[0]?.start ?? first.end;
		return { title: first, preamble: [0, end], sections: first.children };
	}
	const end = outline.children[0]?.start ?? outline.end;
	return { preamble: [0, end], sections: outline.children };
}

export function recognisePages(context: Context): {
	unclassified: Unclassified[];
	check: CheckItem[];
} {
	const { doc } = context;
	const taken = takenIn(context, 'pages');
	for (const slug of RESERVED) taken.add(slug);
	const unclassified: Unclassified[] = [];
	const { title, preamble, sections } = topSections(doc);
	if (title?.heading) claimNode(doc, title.heading);
	const units: { title: string; start: number; end: number; depth: number; section?: Section }[] =
		[];
	if (preamble && hasText(leftover(doc, preamble[0], preamble[1], true)))
		units.push({ title: 'Overview', start: preamble[0], end: preamble[1], depth: 1 });
	for (const section of sections)
		units.push({
			title: section.title || 'Notes',
			start: section.contentStart,
			end: section.end,
			depth: section.depth,
			section,
		});
	const pageOf = new Map<Section | undefined, string>();
	linkClaims(context);
	for (const unit of units) {
		if (!hasText(leftover(doc, unit.start, unit.end, true))) continue;
		const body = tidy(
			relevel(leftover(doc, unit.start, unit.end), unit.depth + 1),
			relevel(doc.source.slice(unit.start, unit.end), unit.depth + 1)
		);
		const slug = uniqueSlug(slugify(unit.title), taken);
		context.out.pages.push({
			slug,
			data: {
				title: unit.title,
				section: pageSection(unit.title),
				order: (context.out.pages.length + 1) * 10,
			},
			body,
		});
		const parts = unit.section
			? [...allSections(unit.section)]
					.filter((s) =>
						hasText(leftover(doc, s.contentStart, s.children[0]?.start ?? s.end, true))
					)
					.map((s) => s.title)
			: [];
		unclassified.push({ title: unit.title, parts, page: `pages/${slug}.mdx` });
		pageOf.set(unit.section, hrefOf(context, 'pages', slug));
	}
	resolveLinks(context, addOutline(context, sections, pageOf));
	return { unclassified, check: settleChecks(context, units, pageOf) };
}

/**
 * Names the page each verbatim check item's text went to; drops an item whose text a later
 * recogniser typed after all (nothing of it is left for a page).
 */
function settleChecks(
	context: Context,
	units: { start: number; end: number; section?: Section }[],
	pageOf: Map<Section | undefined, string>
): CheckItem[] {
	const { doc } = context;
	const settled: CheckItem[] = [];
	for (const { start, end, at, leftAs, ...item } of context.check) {
		const line = lineAt(doc, at ?? start);
		if (leftAs) {
			settled.push({ ...item, line, leftAs });
			continue;
		}
		if (!hasText(leftover(doc, start, end, true))) continue;
		const unit = units.find((u) => (u.section?.start ?? u.start) <= start && start < u.end);
		const href = pageOf.get(unit?.section);
		const slug = href?.split('/').filter(Boolean).pop();
		settled.push({ ...item, line, leftAs: slug ? `text in pages/${slug}.mdx` : 'text in a page' });
	}
	return settled.sort((a, b) => a.line - b.line);
}

/**
 * A claim's link as the site has it: the entry it names, or, when that entry was renamed or merged
 * since the claim, its kind's list (checklists have none).
 */
function madeHref(context: Context): (href: string | undefined) => string | undefined {
	const { out, playbook } = context;
	const made = new Set(
		['', 'severities/', 'scenarios/', 'templates/', 'escalation/'].map((l) => `/${playbook}/${l}`)
	);
	const kinds = [
		['severities', out.severities],
		['scenarios', out.scenarios],
		['templates', out.templates],
		['checklists', out.checklists],
		['pages', out.pages],
	] as const;
	for (const [folder, entries] of kinds)
		for (const entry of entries) made.add(hrefOf(context, folder, entry.slug));
	return (href) =>
		href && made.has(href.replace(/#.*$/, ''))
			? href
			: /^\/[^/]+\/(?:severities|scenarios|templates)\//.exec(href ?? '')?.[0];
}

/** The list page when a section became several entries of one kind, else the first entry. */
function listOf(hrefs: string[]): string | undefined {
	const distinct = [...new Set(hrefs)];
	const list = /^(\/[^/]+\/(?:severities|scenarios|templates)\/)[^/]+\/$/.exec(
		distinct[0] ?? ''
	)?.[1];
	return distinct.length > 1 && list && distinct.every((href) => href.startsWith(list))
		? list
		: distinct[0];
}

/**
 * "Source outline": every heading of the original document, linked to the entry or page its
 * text went to, so authors can find where a section ended up.
 */
function addOutline(
	context: Context,
	sections: Section[],
	pageOf: Map<Section | undefined, string>
): Map<Section, string> {
	const { doc } = context;
	const headings = [...allSections(doc.outline)];
	const { title } = topSections(doc);
	const hrefs = new Map<Section, string>();
	if (headings.length === 0) return hrefs;
	const top = (section: Section) =>
		sections.find((s) => s.start <= section.start && section.end <= s.end);
	// A sub-heading left in its page is linked at its anchor there, numbered as the page numbers it.
	const inPage = new Map<Section, Map<string, number>>();
	const pageAnchor = (section: Section, page: Section) => {
		if (!inPage.has(page)) inPage.set(page, new Map());
		const seen = inPage.get(page)!;
		const base = githubAnchor(toString(section.heading!));
		const count = seen.get(base) ?? 0;
		seen.set(base, count + 1);
		return count ? `${base}-${count}` : base;
	};
	const made = madeHref(context);
	const lines = headings.map((section) => {
		const at = section.start;
		const page = top(section);
		const anchor = page && page !== section ? pageAnchor(section, page) : undefined;
		const typed = listOf(
			doc.claims
				.filter((c) => c.href && section.start <= c.start && c.start < section.end)
				.sort((a, b) => a.start - b.start)
				.flatMap((c) => made(c.href) ?? [])
		);
		// A sub-section whose text all became entries is found at them, not at its bare heading.
		const whole = anchor && !hasText(leftover(doc, section.contentStart, section.end, true));
		// The document's title stands for the whole playbook.
		const href =
			(section === title ? `/${context.playbook}/` : undefined) ??
			made(doc.claims.find((c) => c.href && c.start <= at && at < c.end)?.href) ??
			(whole ? typed : undefined) ??
			(pageOf.has(page) ? `${pageOf.get(page)}${anchor ? `#${anchor}` : ''}` : undefined) ??
			typed;
		if (href) hrefs.set(section, href);
		const indent = '  '.repeat(section.depth - 1);
		// A heading with its own links or images keeps its Markdown; the link to its entry follows.
		if (/\]\(|\]\[/.test(sourceOf(doc, section.heading!))) {
			const markdown = sourceOf(doc, section.heading!)
				.replace(/^#+\s*|\s*#*\s*$/g, '')
				.replace(/\n[=-]+\s*$/, '');
			return `${indent}- ${markdown}${href ? ` ([open](${href}))` : ''}`;
		}
		const text = escapeMdxText(toString(section.heading!)) || 'Untitled';
		return `${indent}- ${href ? `[${text}](${href})` : text}`;
	});
	const slug = uniqueSlug('source-outline', takenIn(context, 'pages'));
	context.out.pages.push({
		slug,
		data: {
			title: 'Source outline',
			description: 'Every heading of the imported document and where its text went.',
			section: 'reference',
			order: 1000,
		},
		body: lines.join('\n'),
	});
	return hrefs;
}
