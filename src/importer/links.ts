import { posix } from 'node:path';
import type { Heading, Link, ListItem, Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import {
	allSections,
	claimNode,
	endOf,
	inlineText,
	isClaimed,
	itemSource,
	labelLine,
	parseMarkdown,
	startOf,
	stripEmoji,
	textOf,
	type Doc,
	type Section,
} from './markdown.ts';
import { headingAt, hrefOf, lineAt, type Context, type LinkInput } from './model.ts';
import { fileLine } from './read.ts';

/**
 * Links a responder opens: list items such as `**Backend Health:** https://…`, `Stripe Status:
 * [status.stripe.com](https://status.stripe.com)`, `[Railway Documentation](https://…)`, in
 * sections about tools, resources, status pages, dashboards, health checks or documentation.
 */

const LINK_SECTION =
	/tool|resource|link|status|monitor|health|dashboard|documentation|docs|reference|support|logs|access|observability/i;
const BARE_URL = /^(?:https?:\/\/)?[\w-]+(?:\.[\w-]+)+(?::\d+)?(?:\/\S*)?$/;
const PLACEHOLDER = /^\[[^\]]+\]$/;

export function linkKind(text: string): NonNullable<LinkInput['kind']> {
	if (/status/i.test(text)) return 'status';
	if (/health|ready|readiness/i.test(text)) return 'health';
	if (/\blogs?\b/i.test(text)) return 'logs';
	if (/support|help/i.test(text)) return 'support';
	if (/doc|guide|runbook|\.md\b|readme|procedure|playbook/i.test(text)) return 'docs';
	if (/dashboard|monitor|metrics|grafana|console|sentry/i.test(text)) return 'dashboard';
	return 'other';
}

/** Reads one list item as a link, or returns undefined when it is not one. */
export function parseLinkItem(
	context: Context,
	item: ListItem,
	where: string
): LinkInput | undefined {
	if (item.children.length !== 1 || item.children[0]!.type !== 'paragraph') return undefined;
	const paragraph = item.children[0]!;
	const source = itemSource(context.doc, item);
	const links: Link[] = [];
	visit(paragraph, 'link', (node: Link) => void links.push(node));
	const label = labelLine(source) ?? splitColon(source);
	let result: LinkInput | undefined;
	if (links.length === 1) {
		const link = links[0]!;
		const linkText = stripEmoji(toString(link));
		const linkIsUrl = link.url.includes(linkText.replace(/^www\./, ''));
		if (label?.value) {
			// `Label: [text](url) and more words`: the words after the label are the note, unless
			// they are only the URL again.
			const valueText = inlineText(label.value);
			const note = valueText === linkText ? (linkIsUrl ? '' : linkText) : valueText;
			result = { label: label.label, url: link.url, ...(note ? { note } : {}) };
		} else {
			const written = context.doc.source.slice(startOf(link as Nodes), endOf(link as Nodes));
			// `In [Kibana](…) go to the index …`: a sentence with a link in it is a step, not a link.
			const before = source.slice(0, source.indexOf(written));
			if (stripEmoji(inlineText(before)).replace(/[*_\s]/g, '')) return undefined;
			const rest = inlineText(source.replace(written, '').replace(/\s*[-–—:]\s*$/, '')).replace(
				/^[-–—:]\s*/,
				''
			);
			result = { label: linkText || link.url, url: link.url, ...(rest ? { note: rest } : {}) };
		}
	} else if (links.length === 0 && label?.value) {
		const value = inlineText(label.value);
		if (!BARE_URL.test(value) && !PLACEHOLDER.test(label.value.trim())) return undefined;
		result = {
			label: label.label,
			url: PLACEHOLDER.test(label.value.trim()) ? label.value.trim() : value,
		};
	}
	if (!result) return undefined;
	return { ...result, kind: linkKind(`${where} ${result.label} ${result.url}`) };
}

function splitColon(source: string) {
	const match = /^(?:\*\*)?([^:*[\]]{2,60}?)(?:\*\*)?\s*:\s*(?:\*\*)?\s*(.+)$/.exec(source);
	return match ? { label: stripEmoji(match[1]!).trim(), value: match[2]!.trim() } : undefined;
}

function contextOf(section: Section): string {
	return [section.title, section.parent?.title ?? ''].join(' ');
}

export function recogniseLinks(context: Context): void {
	const { doc } = context;
	const lastLine = (node: Nodes) => doc.source.slice(startOf(node), endOf(node)).split('\n').pop()!;
	for (const section of allSections(doc.outline)) {
		const where = contextOf(section);
		const taken = new Map<Nodes, { item: ListItem; link: LinkInput | undefined }[]>();
		section.nodes.forEach((node, index) => {
			if (node.type !== 'list' || isClaimed(doc, startOf(node), endOf(node))) return;
			// A bold label above the list ("**Status Pages:**") says what kind the links are.
			const previous = section.nodes[index - 1];
			const heading =
				previous?.type === 'paragraph' ? (labelLine(lastLine(previous))?.label ?? '') : '';
			if (!LINK_SECTION.test(`${where} ${heading}`)) return;
			const parsed = node.children.map((item) => ({
				item,
				link: parseLinkItem(context, item, `${heading || section.title}`),
			}));
			if (parsed.filter((p) => p.link).length * 2 < parsed.length) return;
			taken.set(node, parsed);
			for (const { link } of parsed) if (link) context.links.push(link);
		});
		// A section of nothing but links (and labels over them) moves to the playbook's home; links
		// among other text stay in their page too ("The following are current checkins:" needs them).
		const alone = section.nodes.every(
			(node) =>
				taken.has(node) || (node.type === 'paragraph' && labelLine(lastLine(node))?.value === '')
		);
		if (alone)
			for (const parsed of taken.values())
				for (const { item, link } of parsed)
					if (link) claimNode(doc, item, `/${context.playbook}/`);
	}
}

/** GitHub's heading anchor: `Detection & Alert Response` → `detection--alert-response`. */
export const githubAnchor = (text: string): string =>
	text
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s_-]/gu, '')
		.replace(/\s/g, '-');

/** `<a name="gotcha"></a>`, `<a id="x">`: the anchors an author put in HTML for links to a heading. */
const anchorNames = (html: string): string[] =>
	[...html.matchAll(/<a\s[^>]*?\b(?:name|id)\s*=\s*["']?([^"'\s>]+)/gi)].map((m) =>
		m[1]!.toLowerCase()
	);

/**
 * A link that leaves the file and its site (`https:`, `mailto:`, `//host`). A root path
 * (`/docs/runbook.md`) is a page of the source's own site: here it is a file like `runbook.md`.
 */
const ELSEWHERE = /^(?:[a-z][a-z0-9+.-]*:|\/\/|\?)/i;

/** What a link that leads nowhere in the import pointed to, for the report. */
const missing = (file: string): string =>
	!file
		? 'an anchor no heading of the file has'
		: file.startsWith('/')
			? "a page of the source's own site that is not part of the import"
			: /^www\./i.test(file)
				? 'a web address written without `https://`, which leads nowhere as written'
				: 'a file that is not part of the import';

/** A link to a place in the file or in a file beside it, taken apart. */
function localTarget(url: string): { file: string; anchor: string } | undefined {
	if (!url || ELSEWHERE.test(url)) return undefined;
	const [path, anchor = ''] = url.split('#', 2) as [string, string?];
	let decoded = anchor;
	try {
		decoded = decodeURIComponent(anchor);
	} catch {
		// A stray `%` is read as written.
	}
	return { file: path.replace(/^(?:\.\/)+/, ''), anchor: decoded.toLowerCase() };
}

/**
 * Each heading's anchors, as GitHub gives them (`known-gotchas`, a repeated heading `notes-1`) and
 * as the author named them in HTML in or just above the heading (`<a name="gotcha"></a>`) or in
 * its attributes (`{#gotcha}`).
 */
function headingAnchors(doc: Doc, sections: Iterable<Section>): Map<string, Section> {
	const above = new Map<Heading, string[]>();
	doc.root.children.forEach((node, index) => {
		const before = doc.root.children[index - 1];
		if (node.type === 'heading' && before?.type === 'html')
			above.set(node, anchorNames(before.value));
	});
	const anchors = new Map<string, Section>();
	const seen = new Map<string, number>();
	for (const section of sections) {
		const heading = section.heading!;
		const base = githubAnchor(textOf(heading));
		const count = seen.get(base) ?? 0;
		seen.set(base, count + 1);
		const own: string[] = [];
		visit(heading, 'html', (node) => void own.push(...anchorNames(node.value)));
		const written = doc.ids?.get(heading.position!.start.line);
		for (const name of [
			count ? `${base}-${count}` : base,
			...(written ? [written] : []),
			...own,
			...(above.get(heading) ?? []),
		])
			if (!anchors.has(name)) anchors.set(name, section);
	}
	return anchors;
}

/**
 * Files joined into this one, by the top-level heading each begins with: a link names its file
 * by its words (`[Public Status Page Templates](./template-status-page.md)`) or by its file name
 * (`severity-levels.md` for `# Severity Levels`). A file two headings could be stays unknown.
 */
function joinedFiles(doc: Doc): Map<string, Section> {
	const tops = doc.outline.children;
	const files = new Map<string, Set<Section>>();
	if (tops.length < 2) return new Map();
	const byAnchor = new Map(tops.map((top) => [githubAnchor(textOf(top.heading!)), top]));
	visit(doc.root, 'link', (link: Link) => {
		const target = localTarget(link.url);
		if (!target?.file) return;
		const name = target.file
			.split('/')
			.pop()!
			.replace(/\.[a-z]+$/i, '');
		for (const key of [githubAnchor(textOf(link)), githubAnchor(name.replace(/_/g, '-'))]) {
			const top = byAnchor.get(key);
			if (!top) continue;
			if (!files.has(target.file)) files.set(target.file, new Set());
			files.get(target.file)!.add(top);
		}
	});
	return new Map(
		[...files].filter(([, tops]) => tops.size === 1).map(([file, tops]) => [file, [...tops][0]!])
	);
}

/**
 * Links in the text to a part of the imported file (`[Alerts](#alerts)`, `[x](#gotcha)` through
 * an `<a name>` anchor) or to a file joined into it (`[Severity levels](severity-levels.md)`) are
 * pointed where that part went: its entry, or its page. In a document of several top-level parts
 * (files joined into one), `#diagnosis` means the part's own Diagnosis before the first one. A
 * link to a part the import does not have keeps its words without the link, and is listed to check.
 */
export function resolveLinks(context: Context, hrefs: Map<Section, string>): void {
	const { doc } = context;
	const anchors = headingAnchors(doc, allSections(doc.outline));
	const files = joinedFiles(doc);
	const inFile = new Map<Section, Map<string, Section>>();
	const anchorsIn = (top: Section) => {
		if (!inFile.has(top)) inFile.set(top, headingAnchors(doc, [top, ...allSections(top)]));
		return inFile.get(top)!;
	};
	const hrefAt = (section: Section | undefined) => (section ? hrefs.get(section) : undefined);
	const resolve = (url: string, from?: Section): string | undefined => {
		// `[ops@example.org](ops@example.org)`: an address written without its scheme.
		if (/^[^\s/@#]+@[\w-]+(?:\.[\w-]+)+$/.test(url)) return `mailto:${url}`;
		const target = localTarget(url);
		if (!target) return undefined;
		if (!target.file)
			return hrefAt((from && anchorsIn(from).get(target.anchor)) ?? anchors.get(target.anchor));
		const top = besideOf(from, target.file) ?? files.get(target.file);
		if (!top) return undefined;
		// A file named right with an anchor it lacks still leads to the file's own part.
		return hrefAt(anchorsIn(top).get(target.anchor)) ?? hrefAt(top);
	};
	// The top-level part a page or scenario came from, when there are several.
	const tops = doc.outline.children;
	// In a folder's pages, `../common/restart.md` from `alerts/x.md` is `common/restart.md`,
	// whatever its heading says.
	const pages = doc.files;
	const fileOf = new Map(
		pages ? tops.map((top) => [top, fileLine(pages, lineAt(doc, top.start)).path]) : []
	);
	const besideOf = (from: Section | undefined, file: string) => {
		const at = from && fileOf.get(from);
		if (!at || file.startsWith('/')) return undefined;
		const path = posix.normalize(posix.join(posix.dirname(at), file));
		return tops.find((top) => fileOf.get(top) === path);
	};
	const topAt = (offset: number | undefined) =>
		tops.length > 1 && offset !== undefined
			? tops.find((top) => top.start <= offset && offset < top.end)
			: undefined;
	const startOfHref = (href: string) =>
		[...hrefs].find(([, h]) => h === href)?.[0].start ??
		doc.claims.find((claim) => claim.href === href)?.start;
	const unresolved = new Map<string, { where: string; count: number }>();
	const rewrite = (body: string, where: string, href: string): string => {
		const from = topAt(startOfHref(href));
		const edits: { start: number; end: number; text: string }[] = [];
		visit(parseMarkdown(body), 'link', (link: Link) => {
			// The import's own links (`/<playbook>/scenarios/…`) already lead where they should.
			if (link.url.startsWith(`/${context.playbook}/`) || !localTarget(link.url)) return;
			const start = startOf(link);
			const written = body.slice(start, endOf(link));
			const href = resolve(link.url, from);
			if (href) {
				edits.push({
					start,
					end: endOf(link),
					text: `${written.slice(0, written.lastIndexOf(']('))}](${href})`,
				});
				return;
			}
			const first = link.children[0];
			const words = first ? body.slice(startOf(first), endOf(link.children.at(-1)!)) : link.url;
			edits.push({ start, end: endOf(link), text: words });
			const seen = unresolved.get(link.url);
			unresolved.set(link.url, { where: seen?.where ?? where, count: (seen?.count ?? 0) + 1 });
		});
		for (const { start, end, text } of edits.reverse())
			body = body.slice(0, start) + text + body.slice(end);
		return body;
	};
	for (const page of context.out.pages)
		if (page.body)
			page.body = rewrite(page.body, `pages/${page.slug}.mdx`, hrefOf(context, 'pages', page.slug));
	for (const scenario of context.out.scenarios)
		if (scenario.body)
			scenario.body = rewrite(
				scenario.body,
				`scenarios/${scenario.slug}.mdx`,
				hrefOf(context, 'scenarios', scenario.slug)
			);
	for (const link of context.links) link.url = resolve(link.url) ?? link.url;
	for (const [url, { where, count }] of unresolved) {
		let at = doc.source.indexOf(`](${url}`);
		if (at === -1) at = doc.source.indexOf(url);
		const start = Math.max(at, 0);
		context.check.push({
			kind: 'link',
			heading: headingAt(doc, start),
			start,
			end: start,
			leftAs: `the link's words without the link, in ${where}${count > 1 ? ` and ${count - 1} more place(s)` : ''}`,
			reason: `it pointed to \`${url}\`, ${missing(localTarget(url)!.file)}`,
		});
	}
}
