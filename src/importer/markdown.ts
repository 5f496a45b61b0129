import type { Heading, List, ListItem, Nodes, Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { escapeMarkdown, escapeMdxText } from '../lib/escape.ts';
import type { SourceFile } from './read.ts';

/**
 * The parsed source the recognisers share: the mdast tree, its heading outline, and the ranges of
 * source text already turned into typed entries. Whatever no recogniser claims ends up verbatim in
 * a page, so nothing is lost by construction.
 */

export interface Section {
	/** Heading text without Markdown, emoji or trailing colon. */
	title: string;
	/** 0 for the document root. */
	depth: number;
	heading?: Heading;
	/** Source range from the heading to the next heading of the same or a higher level. */
	start: number;
	end: number;
	/** Where the content after the heading line starts. */
	contentStart: number;
	/** Block nodes before the first sub-section. */
	nodes: RootContent[];
	children: Section[];
	parent?: Section;
}

/** A run of a section's content introduced by a label: `**Symptoms:**`, a sub-heading, `Template:`. */
export interface Part {
	/** Label text without Markdown or colon; empty for content before the first label. */
	label: string;
	/** Text after the label on the same line, as Markdown (`**SLA:** Resolve within 1 hour`). */
	value: string;
	/** Block nodes that follow the label, up to the next label. */
	nodes: RootContent[];
	/** The sub-section this part is, when it is one. */
	section?: Section;
	start: number;
	end: number;
}

export interface Claim {
	start: number;
	end: number;
	/** Text that stands in the page where the claimed source was ("see the template"). */
	replacement?: string | undefined;
	/** Site URL of the entry the source became, for the outline of the original document. */
	href?: string | undefined;
}

export interface Doc {
	source: string;
	root: Root;
	outline: Section;
	claims: Claim[];
	/** Lines the preparation moved: line in `source` → the author's line. */
	lines?: Map<number, number>;
	/** Heading ids the author wrote as attributes, by line in `source`. */
	ids?: Map<number, string>;
	/** A folder's pages, by the author's line where each starts. */
	files?: SourceFile[];
}

const processor = unified().use(remarkParse).use(remarkGfm);

export const parseMarkdown = (source: string): Root => processor.parse(source) as Root;

export function parseDoc(source: string): Doc {
	const root = parseMarkdown(source);
	return { source, root, outline: buildOutline(root, source), claims: [] };
}

export const startOf = (node: Nodes): number => node.position?.start.offset ?? 0;
export const endOf = (node: Nodes): number => node.position?.end.offset ?? 0;
export const sourceOf = (doc: Doc, node: Nodes): string =>
	doc.source.slice(startOf(node), endOf(node));

/** Marks source as turned into an entry; it will not appear again in the verbatim pages. */
export function claim(
	doc: Doc,
	start: number,
	end: number,
	href?: string,
	replacement?: string
): void {
	doc.claims.push({ start, end, href, replacement });
}

export const claimNode = (doc: Doc, node: Nodes, href?: string, replacement?: string) =>
	claim(doc, startOf(node), endOf(node), href, replacement);

/**
 * The link a typed entry leaves in its page where its text was (`[Template: Status update](…)`), a
 * claim's replacement. The title is source text: escaped, so it shows as written and cannot end
 * the link early or point it elsewhere.
 */
export const entryLink = (kind: string, title: string, href: string): string =>
	`[${kind}: ${escapeMdxText(title)}](${href})`;

export const isClaimed = (doc: Doc, start: number, end: number): boolean =>
	doc.claims.some((c) => c.start <= start && end <= c.end);

/** Emoji, variation selectors and pictographs that playbooks put in headings as markers. */
const EMOJI = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\uFE0F\u200D\u20E3]/gu;

export const stripEmoji = (text: string): string =>
	text
		.replace(EMOJI, '')
		.replace(/\s{2,}/g, ' ')
		.trim();

/** The first colour or pictograph marker in a heading (`🔴`). */
export const markerOf = (text: string): string | undefined =>
	/\p{Extended_Pictographic}\uFE0F?/u.exec(text)?.[0];

/**
 * Text of a table cell: `<br>` line breaks (the only way to break a line in a pipe table) and the
 * edges of `<p>`, `<li>`, `<ul>` blocks written inline become `; `, other inline HTML is dropped,
 * emoji go.
 */
export function cellText(cell: Nodes): string {
	const parts: string[] = [];
	const walk = (node: Nodes) => {
		if (node.type === 'html') {
			if (/^(<\/?(?:br|p|li|ul|ol|div)\b[^>]*>\s*)+$/i.test(node.value.trim())) parts.push('\n');
		} else if ('value' in node) parts.push(node.value);
		else if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
	};
	walk(cell);
	return parts
		.join('')
		.split('\n')
		.map((line) => stripEmoji(line))
		.filter(Boolean)
		.join('; ');
}

/**
 * A heading's section number (`3.1 `, `2) `, `4. `, `A. `, `iv) `, `1 - `, `§2 `): it orders the
 * document and is no part of the name the heading gives an entry. A bare number needs a dot,
 * parenthesis or dash after it (`24/7 On-call`, `5xx Errors` keep theirs).
 */
const SECTION_NUMBER =
	/^(?:§\s*)?(?:\d+(?:\.\d+)+\.?|\d+[.)]|\d+\s*[–—-]|\(?[A-Za-z][.)]|\(?[ivxIVX]{1,4}[.)])\s+/;

/**
 * `3.1 Incident Lead` → `Incident Lead`: the one place every kind takes a heading's number off the
 * name it gives an entry; a title that is only a number stays as it is.
 */
export const withoutSectionNumber = (title: string): string =>
	title.replace(SECTION_NUMBER, '').trim() || title;

/**
 * Inline HTML that only marks words up (`<a name="gotcha"></a>`, `<code>`, `<b>`): the words
 * between the tags are the text. Placeholders that parse as tags (`<cluster ID>`) and tags that
 * hold no words (`<img>`, `<br>`) are not in the list, so they stay as written.
 */
const MARKUP_TAG =
	/^<\/?(?:a|abbr|b|cite|code|del|dfn|em|font|i|ins|kbd|mark|q|s|samp|small|span|strong|sub|sup|u|var)(?:\s[^>]*)?>$/i;

/** A node's text as a reader sees it: `toString`, without markup tags (their words kept). */
export function textOf(node: Nodes): string {
	if (node.type === 'html') return MARKUP_TAG.test(node.value.trim()) ? '' : node.value;
	if ('children' in node) return (node.children as Nodes[]).map(textOf).join('');
	return toString(node);
}

/** Plain text of a node with markup tags, emoji and a trailing colon removed. */
export const plain = (node: Nodes): string => stripEmoji(textOf(node)).replace(/\s*:$/, '').trim();

export function slugify(text: string): string {
	return (
		stripEmoji(text)
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/&/g, ' and ')
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 60)
			.replace(/-+$/, '') || 'section'
	);
}

/** A slug not yet in `taken`, adding `-2`, `-3` … as needed; records it. */
export function uniqueSlug(base: string, taken: Set<string>): string {
	let slug = base;
	for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
	taken.add(slug);
	return slug;
}

function buildOutline(root: Root, source: string): Section {
	const outline: Section = {
		title: '',
		depth: 0,
		start: 0,
		end: source.length,
		contentStart: 0,
		nodes: [],
		children: [],
	};
	const stack: Section[] = [outline];
	for (const node of root.children) {
		// Rules only separate sections; they carry no text and would break "a part is one list".
		if (node.type === 'thematicBreak') continue;
		if (node.type !== 'heading') {
			stack[stack.length - 1]!.nodes.push(node);
			continue;
		}
		while (stack.length > 1 && stack[stack.length - 1]!.depth >= node.depth)
			stack.pop()!.end = startOf(node);
		const parent = stack[stack.length - 1]!;
		const section: Section = {
			title: plain(node),
			depth: node.depth,
			heading: node,
			start: startOf(node),
			end: source.length,
			contentStart: endOf(node),
			nodes: [],
			children: [],
			parent,
		};
		parent.children.push(section);
		stack.push(section);
	}
	return outline;
}

/** Every section under `section`, depth first, in document order. */
export function* allSections(section: Section): Generator<Section> {
	for (const child of section.children) {
		yield child;
		yield* allSections(child);
	}
}

/** A line that starts with a bold label: `**Response Time:** 15 minutes`, `**Examples**:`, `**1. Detect**`. */
const BOLD_LABEL = /^(?:\*\*|__)([^*_\n]+?)(?:\*\*|__)\s*(:)?\s*(.*)$/;
/** A short plain label line: `Template:`, `Sources:`. */
const PLAIN_LABEL = /^([A-Z][\w /&()'-]{0,40}):$/;

/** `*Responsibilities*` alone on its line: a label set in italics. */
const ITALIC_LABEL = /^[*_]([A-Z][\w&'-]*(?: [\w&'-]+){0,2})[*_]$/;

export interface LabelLine {
	label: string;
	value: string;
}

/** `SLA: Resolve within 1 hour`: a short plain label with a value. */
const PLAIN_LABEL_VALUE = /^([A-Z][\w/&()' -]{0,40}?)\s*:\s+(\S.*)$/;

/**
 * Reads a line as a label (with an optional value after it), or returns undefined. With `plain`,
 * unformatted `Label: value` lines of up to five words of label count too.
 */
export function labelLine(line: string, plain = false): LabelLine | undefined {
	const text = line.trim();
	const bold = BOLD_LABEL.exec(text);
	if (bold) {
		const inner = bold[1]!.trim();
		const colon = inner.endsWith(':') || bold[2] === ':';
		let value = bold[3]!.trim();
		// `**Detect** – alert fires`: a dash after a bold word is a label's colon.
		const dash = !colon && /^[–—-]\s+\S/.test(value);
		if (dash) value = value.replace(/^[–—-]\s+/, '');
		// "**Bold** words" without a colon is emphasis, not a label.
		if (!colon && !dash && value) return undefined;
		return { label: stripEmoji(inner.replace(/:$/, '')).trim(), value };
	}
	const label = PLAIN_LABEL.exec(text) ?? ITALIC_LABEL.exec(text);
	if (label) return { label: label[1]!.trim(), value: '' };
	const pair = plain ? PLAIN_LABEL_VALUE.exec(text) : undefined;
	return pair && pair[1]!.trim().split(/\s+/).length <= 5
		? { label: pair[1]!.trim(), value: pair[2]!.trim() }
		: undefined;
}

/**
 * Splits a section's own content (and its sub-sections) into labelled parts. A paragraph can hold
 * several label lines (`**Response Time**: 15 minutes` then `**Examples**:`); each starts a part.
 */
export function partsOf(
	doc: Doc,
	section: Section,
	options: { plainLabels?: boolean } = {}
): Part[] {
	const parts: Part[] = [];
	let current: Part = {
		label: '',
		value: '',
		nodes: [],
		start: section.contentStart,
		end: section.contentStart,
	};
	const close = (end: number) => {
		current.end = end;
		if (current.label || current.nodes.length) parts.push(current);
	};
	for (const node of section.nodes) {
		if (node.type === 'paragraph') {
			const lines = lineRanges(doc.source, startOf(node), endOf(node));
			const labels = lines.map((line) =>
				labelLine(doc.source.slice(line[0], line[1]), options.plainLabels)
			);
			if (labels.some(Boolean)) {
				// Lines before the first label belong to the current part as text.
				let lineIndex = 0;
				if (!labels[0]) {
					const first = labels.findIndex(Boolean);
					current.nodes.push(fakeParagraph(doc, lines[0]![0], lines[first - 1]![1]));
					lineIndex = first;
				}
				for (; lineIndex < lines.length; lineIndex++) {
					const label = labels[lineIndex];
					const [start, end] = lines[lineIndex]!;
					if (label) {
						close(start);
						current = { label: label.label, value: label.value, nodes: [], start, end };
					} else {
						current.nodes.push(fakeParagraph(doc, start, end));
					}
				}
				current.end = endOf(node);
				continue;
			}
		}
		current.nodes.push(node);
		current.end = endOf(node);
	}
	close(current.nodes.length ? endOf(current.nodes[current.nodes.length - 1]!) : current.end);
	for (const child of section.children) {
		parts.push({
			label: child.title,
			value: '',
			nodes: child.nodes,
			section: child,
			start: child.start,
			end: child.end,
		});
	}
	return parts;
}

function lineRanges(source: string, start: number, end: number): [number, number][] {
	const ranges: [number, number][] = [];
	let at = start;
	for (const line of source.slice(start, end).split('\n')) {
		ranges.push([at, at + line.length]);
		at += line.length + 1;
	}
	return ranges;
}

/** A paragraph node for some lines of a real paragraph, so parts hold nodes only. */
function fakeParagraph(doc: Doc, start: number, end: number): Paragraph {
	const tree = parseMarkdown(doc.source.slice(start, end));
	const paragraph = tree.children.find((n) => n.type === 'paragraph') as Paragraph | undefined;
	return {
		type: 'paragraph',
		children: paragraph?.children ?? [{ type: 'text', value: doc.source.slice(start, end) }],
		position: {
			start: { line: 0, column: 0, offset: start },
			end: { line: 0, column: 0, offset: end },
		},
	};
}

/** List items of the part's lists, top level only, when the part is nothing but lists. */
export function listItemsOf(nodes: RootContent[]): ListItem[] | undefined {
	if (nodes.length === 0 || !nodes.every((node) => node.type === 'list')) return undefined;
	return (nodes as List[]).flatMap((list) => list.children);
}

/** An item's text as one line of Markdown source (first paragraph only), list marker removed. */
export function itemSource(doc: Doc, item: ListItem): string {
	const first = item.children[0];
	const text = first ? sourceOf(doc, first) : '';
	return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** Inline code showing `text` as written, backticks included. */
export const codeSpan = (text: string): string => {
	const runs = text.match(/`+/g) ?? [];
	const ticks = '`'.repeat(Math.max(0, ...runs.map((run) => run.length)) + 1);
	const pad = /^`|`$|^ .* $/.test(text) ? ' ' : '';
	return `${ticks}${pad}${text}${pad}${ticks}`;
};

/** Text of a node with inline code kept in backticks (pages show `code` spans as code). */
function textWithCode(node: Nodes): string {
	if (node.type === 'inlineCode') return `\`${node.value}\``;
	if (node.type === 'break') return ' ';
	if ('value' in node) return node.value;
	if ('children' in node)
		return (node.children as Nodes[])
			.map(textWithCode)
			.join(node.type === 'root' || node.type === 'listItem' ? ' ' : '');
	return '';
}

/** Markdown source of an inline value reduced to text: `**Bold:**` → `Bold:`; `code` stays. */
export const inlineText = (markdown: string): string => {
	// A leading `>`, `# `, `- ` or `1. ` is text here ("- >50% of users"), not a block marker.
	const escaped = markdown
		.trim()
		.replace(/^(>|#{1,6}(?=\s)|[-+*](?=\s))/, '\\$1')
		.replace(/^(\d+)([.)])(?=\s)/, '$1\\$2');
	return stripEmoji(textWithCode(parseMarkdown(escaped)))
		.replace(/\s+/g, ' ')
		.trim();
};

/** Source of a part's content (without its label line). */
export function partSource(doc: Doc, part: Part): string {
	if (part.nodes.length === 0) return '';
	return doc.source.slice(startOf(part.nodes[0]!), endOf(part.nodes[part.nodes.length - 1]!));
}

/** Bare web addresses stay as written (Markdown links them as it does in a Markdown file). */
const ADDRESS = /\b(?:https?:\/\/|www\.)[^\s<>`[\]|\\"']*[^\s<>`[\]|\\"'.,;:!?)]/g;

/** Plain text of one or more lines as Markdown text (converted RST or AsciiDoc): escaped, line breaks and edge spaces kept. */
export function escapeText(text: string): string {
	return text
		.split('\n')
		.map((piece) => {
			const lead = /^\s*/.exec(piece)![0];
			const core = piece.slice(lead.length).trimEnd();
			if (!core) return piece;
			const trail = piece.slice(lead.length + core.length);
			let out = '';
			let at = 0;
			for (const match of core.matchAll(ADDRESS)) {
				out += escapeSpaced(core.slice(at, match.index)) + match[0];
				at = match.index + match[0].length;
			}
			return lead + out + escapeSpaced(core.slice(at)) + trail;
		})
		.join('\n');
}

/** `escapeMarkdown` keeping the spaces at either end (it trims; a piece between links needs them). */
const escapeSpaced = (text: string): string => {
	const core = text.trim();
	if (!core) return text;
	const lead = text.slice(0, text.indexOf(core));
	return lead + escapeMarkdown(core) + text.slice(lead.length + core.length);
};

/**
 * The closing-delimiter search of an inline scanner (the RST and AsciiDoc readers): the offset of
 * the first `delimiter` from `from` on that `closes` accepts, or -1. A search that found none is
 * remembered, so a line of unmatched openers costs linear time, not quadratic.
 */
export function closingSearch(
	text: string,
	closes: (at: number, delimiter: string) => boolean
): (delimiter: string, from: number) => number {
	const noEnd = new Map<string, number>();
	return (delimiter, from) => {
		if ((noEnd.get(delimiter) ?? Infinity) <= from) return -1;
		for (let at = text.indexOf(delimiter, from); at >= 0; at = text.indexOf(delimiter, at + 1))
			if (closes(at, delimiter)) return at;
		noEnd.set(delimiter, from);
		return -1;
	};
}

/** A link destination Markdown reads as one: in `<…>` when it holds spaces or brackets. */
export const destination = (url: string): string => {
	const clean = url.replace(/\s+/g, '').replace(/[<>]/g, '');
	return /[()\\ ]/.test(clean) ? `<${clean}>` : clean;
};
