import type { Definition, Html, Image, Link, LinkReference, Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { CONTINUE, SKIP, visit } from 'unist-util-visit';
import { parse as parseYaml } from 'yaml';
import { escapeMarkdown } from '../lib/escape.ts';
import { mergeConflicts } from '../lib/merge-conflicts.ts';
import { loadsFromElsewhere, shortUrl, unsafeLinkScheme } from '../lib/safe-urls.ts';
import {
	blockMarkdown,
	isComment,
	paragraphMarkdown,
	readableBlock,
	readableInline,
} from './html.ts';
import { destination, endOf, parseMarkdown, startOf } from './markdown.ts';
import { rstEvidence } from './rst.ts';

/**
 * Source rewrites that run before the recognisers, each keeping every line where it was (so the
 * report's line numbers are the author's): front matter of another site generator is read and
 * blanked, reference-style links become inline links (so a link keeps its URL on whatever page its
 * text lands), HTML tables become pipe tables the table recognisers read, HTML comments standing
 * as blocks (hidden in the source) are left out, and images beside the source (which are not imported) become text.
 */

export interface Prepared {
	text: string;
	/** Keys of a leading `---` YAML block (`title`, `owner`, `last_reviewed`). */
	frontMatter: Record<string, unknown>;
	/** Reference definitions, `[label]: url`, for the playbook's links. */
	definitions: { label: string; url: string; line: number }[];
	/** Lines that moved (rows of HTML tables): prepared line → the author's line. */
	lines: Map<number, number>;
	/** Heading ids the author wrote as attributes (`## Steps {#steps}`), by prepared line. */
	ids: Map<number, string>;
	/** Comments left out, links and images `unsafeAddresses` did not keep, unsafe definitions. */
	refused: Refused[];
}

/** An address, or an HTML comment, the import did not keep as it was. */
export interface Refused {
	kind: 'link' | 'html' | 'text';
	/** Line in the prepared text. */
	line: number;
	/** What it became: `text`, `a link to the image`, `no playbook link`. */
	leftAs: string;
	reason: string;
}

/**
 * Line maps one after another: `first` maps a line to one of the text it was made from, `then`
 * that line to the author's.
 */
export function throughLines(first: Map<number, number>, then: Map<number, number> | undefined) {
	if (!then?.size) return first;
	const lines = new Map<number, number>();
	for (const line of new Set([...first.keys(), ...then.keys()])) {
		const middle = first.get(line) ?? line;
		lines.set(line, then.get(middle) ?? middle);
	}
	return lines;
}

/**
 * Where a line went in the text a step made that moved lines (`lines`: the step's line → the line
 * it came from): the first line that came from it, or the line itself when nothing moved it.
 */
function lineAfter(lines: Map<number, number>, line: number): number {
	let found: number | undefined;
	for (const [after, before] of lines)
		if (before === line && (found === undefined || after < found)) found = after;
	return found ?? line;
}

/** Items found on the way, their lines carried through the steps after the one that found them. */
const carried = (items: Refused[], ...steps: Map<number, number>[]): Refused[] =>
	items.map((item) => ({
		...item,
		line: steps.reduce((line, step) => lineAfter(step, line), item.line),
	}));

/** Replaces [start, end) with `text` padded by newlines to as many lines as it replaced. */
function splice(source: string, start: number, end: number, text: string): string {
	const lines = source.slice(start, end).split('\n').length;
	const have = text.split('\n').length;
	return source.slice(0, start) + text + '\n'.repeat(Math.max(0, lines - have)) + source.slice(end);
}

export function readFrontMatter(text: string): { text: string; data: Record<string, unknown> } {
	const match = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text);
	if (!match) return { text, data: {} };
	let data: unknown;
	try {
		data = parseYaml(match[1]!);
	} catch {
		return { text, data: {} };
	}
	if (!data || typeof data !== 'object' || Array.isArray(data)) return { text, data: {} };
	return { text: splice(text, 0, match[0].length, ''), data: data as Record<string, unknown> };
}

const ESCAPE_LINK_TEXT = (text: string) => text.replace(/[[\]]/g, '\\$&');

/** A line of a YAML block a site generator writes (`title: …`, `sidebar_position: 2`, `  - tag`). */
const YAML_LINE = /^(?:[a-z_][\w-]*:(?:[ \t].*)?|[ \t]+\S.*|- .*|#.*)?$/;

/**
 * The heading a page joined into the playbook gets from its front matter: its title (of a wiki
 * path the last part, `Tech:GHSA/Disclosure` → `Disclosure`) and its `description` under it.
 */
export function pageHeading(data: Record<string, unknown>, depth: number): string | undefined {
	// A GitHub issue template's `title` is the issue's default title (`[OUTAGE] `): the page is its `name`.
	const issue = typeof data.name === 'string' && typeof data.about === 'string';
	const title = issue ? data.name : data.title;
	const description = issue ? data.about : data.description;
	if (typeof title !== 'string' || !title.trim()) return undefined;
	return [
		`${'#'.repeat(depth)} ${escapeMarkdown(title.replace(/^[A-Z][\w -]*:(?:[^/\n]*\/)+/, '').trim() || title)}`,
		...(typeof description === 'string' && description.trim()
			? ['', escapeMarkdown(description)]
			: []),
	].join('\n');
}

/** `draft: true`: a page its site does not publish, so neither does the import. */
export const isDraft = (data: Record<string, unknown>) =>
	data.draft === true || data.published === false;

/**
 * Pages of a docs site joined into one file each keep their front matter mid-document, where
 * Markdown reads `---` / `title: Kill blocking queries` / `---` as a rule and a heading made of
 * the YAML. Such a block becomes the page's heading (`pageHeading`), or nothing when the page
 * opens with its own top heading; its other keys are metadata. Only a block of lowercase keys that
 * parses as YAML and names a title counts: `Status: Draft` between rules is the author's heading.
 * When there are such pages, the file's leading front matter (`front`, already blanked) is the
 * first page's, not the playbook's. A draft page (`draft: true`) is left out and listed.
 */
export function joinedPages(
	text: string,
	front: Record<string, unknown> = {}
): { text: string; refused: Refused[]; firstIsPage: boolean } {
	const root = parseMarkdown(text);
	const pages: { start: number; end: number; data: Record<string, unknown> }[] = [];
	root.children.forEach((node, index) => {
		if (
			node.type !== 'thematicBreak' ||
			index === 0 ||
			text.slice(startOf(node), endOf(node)) !== '---'
		)
			return;
		const open = endOf(node) + 1;
		const close = text.indexOf('\n---', open - 1);
		if (close < 0 || !/^---[ \t]*(?:\n|$)/.test(text.slice(close + 1))) return;
		const lines = text.slice(open, close).split('\n');
		if (lines.length > 40 || !lines.every((line) => YAML_LINE.test(line))) return;
		let data: unknown;
		try {
			data = parseYaml(lines.join('\n'));
		} catch {
			return;
		}
		if (!data || typeof data !== 'object' || Array.isArray(data)) return;
		if (!pageHeading(data as Record<string, unknown>, 1)) return;
		const end = close + 4 + /^[ \t]*/.exec(text.slice(close + 4))![0].length;
		pages.push({ start: startOf(node), end, data: data as Record<string, unknown> });
	});
	// The blank lines the leading front matter left hold the first page's heading.
	const firstIsPage = pages.length > 0 && pageHeading(front, 1) !== undefined;
	if (firstIsPage) pages.unshift({ start: 0, end: /^\n*/.exec(text)![0].length, data: front });
	const refused: Refused[] = [];
	let out = text;
	for (const [index, page] of [...pages.entries()].reverse()) {
		const until = pages[index + 1]?.start ?? text.length;
		if (isDraft(page.data)) {
			out = splice(out, page.start, until, '');
			refused.push({
				kind: 'text',
				line: text.slice(0, page.start).split('\n').length,
				leftAs: 'nothing',
				reason: `the page \`${String(page.data.title)}\` is marked \`draft: true\`: its site does not publish it`,
			});
			continue;
		}
		const inPage = root.children.filter(
			(child) => page.end <= startOf(child) && startOf(child) < until
		);
		const depths = inPage.flatMap((child) => (child.type === 'heading' ? [child.depth] : []));
		// A top heading opens a file: the page's own (it needs no second one), or the next file's.
		const top = depths.indexOf(1);
		const own = top === 0 && inPage[0]?.type === 'heading';
		// Under the document's title as a section (`##`), unless the page's own sections are `##`:
		// then it is a part of its own, as the folder reader makes each file.
		const depth = Math.min(2, ...depths.slice(0, top < 0 ? undefined : top).map((d) => d - 1));
		// The heading stands on the line after the opening `---`, where the title usually is.
		out = splice(out, page.start, page.end, own ? '' : `\n${pageHeading(page.data, depth)!}`);
	}
	return { text: out, refused: refused.reverse(), firstIsPage };
}

/** `{#steps .unnumbered}` ending a heading: Pandoc's, kramdown's and Hugo's heading attributes. */
const ATTRIBUTE = String.raw`(?:[#.][\w:.-]+|[\w-]+=(?:"[^"\n]*"|[^\s}]+))`;
const HEADING_ATTRIBUTES = new RegExp(
	String.raw`[ \t]+\{[ \t]*(${ATTRIBUTE}(?:[ \t]+${ATTRIBUTE})*)[ \t]*\}[ \t]*$`
);

/**
 * Heading attributes are no words of the title: they come off, and an `#id` among them is an
 * anchor the document's links use (`[step 1](#step-1)` to `### Find the node {#step-1}`).
 */
export function headingIds(text: string): { text: string; ids: Map<number, string> } {
	const ids = new Map<number, string>();
	const edits: { start: number; end: number }[] = [];
	visit(parseMarkdown(text), 'heading', (node) => {
		const start = startOf(node);
		const lineEnd = text.indexOf('\n', start);
		const line = text.slice(start, lineEnd < 0 ? endOf(node) : Math.min(lineEnd, endOf(node)));
		const match = HEADING_ATTRIBUTES.exec(line.replace(/[ \t]+#+[ \t]*$/, ''));
		if (!match) return;
		const id = /(?:^|\s)#([\w:.-]+)/.exec(match[1]!)?.[1];
		if (id) ids.set(node.position!.start.line, id.toLowerCase());
		edits.push({ start: start + match.index, end: start + match.index + match[0].length });
	});
	let out = text;
	for (const edit of edits.reverse()) out = splice(out, edit.start, edit.end, '');
	return { text: out, ids };
}

/** `[text][id]`, `[text][]` and `[id]` with a matching `[id]: url` become `[text](url)`. */
export function inlineReferences(text: string): {
	text: string;
	definitions: Prepared['definitions'];
} {
	const root = parseMarkdown(text);
	const byId = new Map<string, Definition>();
	visit(root, 'definition', (node: Definition) => {
		if (!byId.has(node.identifier)) byId.set(node.identifier, node);
	});
	if (byId.size === 0) return { text, definitions: [] };
	const edits: { start: number; end: number; text: string }[] = [];
	const firstText = new Map<string, string>();
	visit(root, 'linkReference', (node: LinkReference) => {
		const definition = byId.get(node.identifier);
		if (!definition) return;
		if (!firstText.has(node.identifier)) firstText.set(node.identifier, toString(node).trim());
		const inner = text.slice(
			startOf(node.children[0] as Nodes) || startOf(node) + 1,
			node.children.length
				? endOf(node.children[node.children.length - 1] as Nodes)
				: startOf(node) + 1
		);
		const label = node.children.length ? inner : ESCAPE_LINK_TEXT(node.label ?? '');
		const title = definition.title ? ` "${definition.title.replace(/"/g, '\\"')}"` : '';
		edits.push({
			start: startOf(node),
			end: endOf(node),
			text: `[${label}](${/[\s()<>]/.test(definition.url) ? `<${definition.url}>` : definition.url}${title})`,
		});
	});
	const definitions: Prepared['definitions'] = [];
	for (const definition of byId.values()) {
		edits.push({ start: startOf(definition), end: endOf(definition), text: '' });
		// `[9]: url` names nothing: the link's own text (`[1. Index][9]`) says what it is.
		const label = definition.label ?? definition.identifier;
		definitions.push({
			label: /\p{L}/u.test(label) ? label : firstText.get(definition.identifier) || definition.url,
			url: definition.url,
			line: definition.position!.start.line,
		});
	}
	let out = text;
	for (const edit of edits.sort((a, b) => b.start - a.start))
		out = splice(out, edit.start, edit.end, edit.text);
	return { text: out, definitions };
}

/** A cell's HTML as one line; line breaks, paragraphs and list items become `; ` between them. */
const cellText = (html: string): string =>
	html
		.replace(/<br\s*\/?>|<\/(p|li|div)>/gi, ' ; ')
		.replace(/<[^>]+>/g, '')
		.replace(/&nbsp;/g, ' ')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&')
		.replace(/\|/g, '\\|')
		.replace(/\s+/g, ' ')
		.replace(/(\s*;)+/g, ';')
		.replace(/([.!?:])\s*;/g, '$1')
		.replace(/^\s*;|;\s*$/g, '')
		.replace(/;(?=\S)/g, '; ')
		.trim();

/** `<table><tr><th>…` as a pipe table; undefined when the HTML holds more than one simple table. */
export function htmlTableToMarkdown(html: string): string | undefined {
	if ((html.match(/<table\b/gi) ?? []).length !== 1 || /<table\b[\s\S]*<table\b/i.test(html))
		return undefined;
	const rows = [...html.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/gi)].map((row) =>
		[...row[1]!.matchAll(/<t([hd])\b[^>]*>([\s\S]*?)<\/t[hd]>/gi)].map((cell) => ({
			head: cell[1]!.toLowerCase() === 'h',
			text: cellText(cell[2]!),
		}))
	);
	if (rows.length === 0 || rows.some((row) => row.length === 0)) return undefined;
	const width = Math.max(...rows.map((row) => row.length));
	const line = (cells: string[]) =>
		`| ${[...cells, ...Array(width - cells.length).fill('')].join(' | ')} |`;
	const [head, ...body] = rows;
	const headerIsHead = head!.every((cell) => cell.head);
	const header = headerIsHead ? head!.map((cell) => cell.text) : Array(width).fill('');
	const data = headerIsHead ? body : rows;
	return [
		line(header),
		line(Array(width).fill('---')),
		...data.map((row) => line(row.map((c) => c.text))),
	].join('\n');
}

/**
 * HTML tables as pipe tables. A row written over several lines becomes one line, so `lines` maps
 * each pipe row's line to the line its `<tr>` stood on, for the report.
 */
export function htmlTables(text: string): { text: string; lines: Map<number, number> } {
	const root = parseMarkdown(text);
	const edits: { start: number; end: number; text: string }[] = [];
	const lines = new Map<number, number>();
	visit(root, 'html', (node) => {
		if (!/<table\b/i.test(node.value)) return;
		const table = htmlTableToMarkdown(node.value);
		if (!table) return;
		edits.push({ start: startOf(node), end: endOf(node), text: table });
		const first = node.position!.start.line;
		// A row stands where its first cell does (`<tr>` may be alone on the line above).
		const rows = [...node.value.matchAll(/<tr\b[^>]*>\s*(?:<t[hd]\b)?/gi)].map(
			(match) => first + node.value.slice(0, match.index + match[0].length).split('\n').length - 1
		);
		// Without a header row of `<th>` the pipe table's header line is blank: data starts at row 0.
		const headed = !/^[|\s]*$/.test(table.split('\n')[0]!);
		const pipeRows = table.split('\n').length;
		for (let index = 0; index < pipeRows; index++) {
			const row = index < 2 ? (headed ? 0 : undefined) : index - (headed ? 1 : 2);
			lines.set(first + index, row === undefined ? first : (rows[row] ?? first));
		}
	});
	let out = text;
	for (const edit of edits.sort((a, b) => b.start - a.start))
		out = splice(out, edit.start, edit.end, edit.text);
	return { text: out, lines };
}

/**
 * A stray NUL byte (a damaged copy, a paste from a binary tool) is no text and no page may hold
 * one: it becomes U+FFFD, as CommonMark's parsers make it, so the damage stays visible, and each
 * line that held one is listed.
 */
export function nulBytes(text: string): { text: string; refused: Refused[] } {
	const refused: Refused[] = text.split('\n').flatMap((line, index) =>
		line.includes('\0')
			? [
					{
						kind: 'text' as const,
						line: index + 1,
						leftAs: 'the line with � in its place',
						reason: 'it held a NUL byte (U+0000), which no page may hold',
					},
				]
			: []
	);
	return { text: refused.length ? text.replaceAll('\0', '\uFFFD') : text, refused };
}

/**
 * reStructuredText (Sphinx docs) read as Markdown loses its shape: `~~~` and `^^^` underlines are
 * no headings (`~~~` even opens a code block), `.. code-block::` is a sentence. The importer reads
 * a file that shows it as reStructuredText (`readRst`); a page of a folder that was read as
 * Markdown is listed once, with the lines that show it, so the author names it `.rst` instead of
 * trusting a thin import.
 */
export function otherMarkup(text: string): Refused[] {
	const seen = rstEvidence(text);
	if (seen.length === 0) return [];
	return [
		{
			kind: 'text',
			line: 1,
			leftAs: 'text, as Markdown reads it',
			reason: `the file looks like reStructuredText (${seen.join(', ')}), which was read as Markdown: its headings, code blocks and links stay plain text. Name the file \`.rst\` (or convert it to Markdown, for example \`pandoc -f rst -t gfm\`) and import again`,
		},
	];
}

/**
 * `text` with each line `edit` returned in its place; `inCode(offset)` tells whether an offset lies
 * in a node of `types` (code a rewrite must not touch). Text with no line `candidate` matches is
 * returned as it is, unparsed: most sources have none.
 */
function editLines(
	text: string,
	candidate: RegExp,
	types: string[],
	edit: (line: string, index: number, start: number, inCode: (at: number) => boolean) => string
): string {
	if (!candidate.test(text)) return text;
	const code: [number, number][] = [];
	visit(parseMarkdown(text), types, (node) => void code.push([startOf(node), endOf(node)]));
	const inCode = (at: number) => code.some(([from, to]) => from <= at && at < to);
	let at = 0;
	return text
		.split('\n')
		.map((line, index) => {
			const start = at;
			at += line.length + 1;
			return edit(line, index, start, inCode);
		})
		.join('\n');
}

/** `[//]: # (note)`, `[comment]: # "note"`: a definition of a link to nowhere, Markdown's comment. */
const MARKDOWN_COMMENT =
	/^ {0,3}\[[^\]\n]*\]:[ \t]*(?:#|<>)(?:[ \t]+(?:\(.*\)|".*"|'.*'))?[ \t]*$/m;

/**
 * Markdown comments, which the source never shows (`[//]: # (Reg. 137: my mistake was …)`, an
 * author's note), are left out and listed, also where one follows a paragraph's line and so is
 * not a definition to the parser. Lines inside code stay.
 */
export function markdownComments(text: string): { text: string; refused: Refused[] } {
	const refused: Refused[] = [];
	// A run of comment lines (blank lines between them too) is one item of the report.
	let run: Refused | undefined;
	const out = editLines(text, MARKDOWN_COMMENT, ['code', 'html'], (line, index, start, inCode) => {
		if (!MARKDOWN_COMMENT.test(line) || inCode(start)) {
			if (line.trim()) run = undefined;
			return line;
		}
		if (!run) {
			run = {
				kind: 'text',
				line: index + 1,
				leftAs: 'nothing',
				reason: 'it is a Markdown comment (`[…]: #`), which the source does not show',
			};
			refused.push(run);
		}
		return '';
	});
	return { text: out, refused };
}

/**
 * Merge-conflict markers left in the source (`mergeConflicts`) are no text, and `=======` under a
 * line would make it a heading: the markers are left out, both sides' text kept, and each conflict
 * listed, for the author to resolve in the source.
 */
export function conflictMarkers(text: string): { text: string; refused: Refused[] } {
	const conflicts = mergeConflicts(text);
	if (conflicts.length === 0) return { text, refused: [] };
	const markers = new Set(conflicts.flatMap((conflict) => conflict.lines));
	return {
		text: text
			.split('\n')
			.map((line, index) => (markers.has(index + 1) ? '' : line))
			.join('\n'),
		refused: conflicts.map(({ lines, marker }) => ({
			kind: 'text',
			line: lines[0]!,
			leftAs: 'nothing',
			reason: `it is a merge conflict left in the source (\`${marker.slice(0, 60)}\` to line ${lines.at(-1)}): its markers are left out and both sides' text kept; resolve it in the source and import again`,
		})),
	};
}

/** A Hugo shortcode standing as a line: `{{% scrollable-width %}}`, `{{< /note >}}`. */
const SHORTCODE_LINE =
	/^[ \t]*\{\{(?:<[ \t]*\/?[\w-]+(?:[ \t][^\n]*?)?[ \t]*>|%[ \t]*\/?[\w-]+(?:[ \t][^\n]*?)?[ \t]*%)\}\}[ \t]*$/;
/** A link to a page through Hugo: `]({{< relref "crashloopbackoff.md#solution-b" >}})`. */
const SHORTCODE_REF = /\]\(\{\{[<%][ \t]*(?:rel)?ref[ \t]+"([^"\n]+)"[ \t]*[>%]\}\}\)/g;

/**
 * Hugo's shortcodes are the site generator's, not text. A link through `relref` becomes a link
 * to its file, which `resolveLinks` then finds among the joined pages (or lists); a shortcode
 * line (a wrapper such as `{{% scrollable-width %}}`) is left out, its content kept, and listed.
 */
export function hugoShortcodes(text: string): { text: string; refused: Refused[] } {
	const refused: Refused[] = [];
	const out = editLines(text, /\{\{[<%]/, ['code', 'inlineCode'], (line, index, start, inCode) => {
		if (inCode(start)) return line;
		if (SHORTCODE_LINE.test(line)) {
			refused.push({
				kind: 'text',
				line: index + 1,
				leftAs: 'nothing (what it wraps is kept)',
				reason: `\`${line.trim()}\` is a Hugo shortcode, which the site generator runs and the import does not`,
			});
			return '';
		}
		return line.replace(SHORTCODE_REF, (written, path: string, offset: number) =>
			inCode(start + offset) ? written : `](${destination(path)})`
		);
	});
	return { text: out, refused };
}

/** Containers whose children are blocks. */
const FLOW = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

/**
 * HTML as its readers saw it. A comment is hidden there (a commented-out image or draft), so it is
 * left out and listed; HTML with a Markdown meaning, standing as a block or inside a paragraph
 * (`<details>`, `<b>`, `<br>`, `<img>`, checkbox lines), becomes that Markdown (`html.ts`), whose
 * links and images `localImages` and `unsafeAddresses` then treat like any other. Other HTML stays,
 * for the MDX escaping to show as text. Markdown longer than its HTML moves the lines below it:
 * `lines` maps each moved line to the author's.
 */
export function sourceHtml(text: string): {
	text: string;
	refused: Refused[];
	lines: Map<number, number>;
} {
	const edits: { start: number; end: number; text: string }[] = [];
	const refused: Refused[] = [];
	const hidden = (node: Html) =>
		refused.push({
			kind: 'html',
			line: node.position!.start.line,
			leftAs: 'nothing',
			reason: 'it is an HTML comment, which the source does not show',
		});
	visit(parseMarkdown(text), (node, _index, parent) => {
		if (node.type === 'html' && parent && FLOW.has(parent.type)) {
			if (isComment(node.value)) {
				edits.push({ start: startOf(node), end: endOf(node), text: '' });
				hidden(node);
			} else if (readableBlock(node.value)) {
				edits.push({ start: startOf(node), end: endOf(node), text: blockMarkdown(node.value) });
				// A comment among the elements is left out with them: listed all the same.
				if (node.value.includes('<!--')) hidden(node);
			}
			return SKIP;
		}
		if (node.type !== 'paragraph') return CONTINUE;
		const html = node.children.filter((child): child is Html => child.type === 'html');
		if (html.length === 0 || !readableInline(html)) return SKIP;
		html.filter((child) => isComment(child.value)).forEach(hidden);
		edits.push({ start: startOf(node), end: endOf(node), text: paragraphMarkdown(node) });
		return SKIP;
	});
	return { ...spliceAll(text, edits), refused };
}

/**
 * Applies edits, each keeping the lines it replaced (padded with the block's own line prefix,
 * `> ` in a quote) and giving its own lines after the first that prefix too; `lines` maps each
 * line that moved down, because an edit was longer than what it replaced, to the author's line.
 */
function spliceAll(
	source: string,
	edits: { start: number; end: number; text: string }[]
): { text: string; lines: Map<number, number> } {
	const lines = new Map<number, number>();
	let out = '';
	let at = 0;
	/** Lines added so far. */
	let moved = 0;
	const lineOf = (offset: number) => source.slice(0, offset).split('\n').length;
	const total = source.split('\n').length;
	const map = (from: number, to: number) => {
		for (let line = from; line <= to; line++) if (moved) lines.set(line + moved, line);
	};
	let mapped = 1;
	for (const edit of edits.sort((a, b) => a.start - b.start)) {
		if (edit.start < at) continue;
		const first = lineOf(edit.start);
		map(mapped, first - 1);
		const lineStart = source.lastIndexOf('\n', edit.start - 1) + 1;
		const prefix = source.slice(lineStart, edit.start).replace(/[^>]/g, ' ');
		const had = source.slice(edit.start, edit.end).split('\n').length;
		const own = edit.text.split('\n');
		const padded = [...own, ...Array<string>(Math.max(0, had - own.length)).fill('')];
		out +=
			source.slice(at, edit.start) +
			padded.map((line, i) => (i === 0 ? line : `${prefix}${line}`.trimEnd())).join('\n');
		for (let i = 0; i < padded.length; i++) {
			const line = first + moved + i;
			const author = first + Math.min(i, had - 1);
			if (line !== author) lines.set(line, author);
		}
		moved += padded.length - had;
		mapped = first + had;
		at = edit.end;
	}
	map(mapped, total);
	return { text: out + source.slice(at), lines };
}

/**
 * `![Roles](../img/roles.png)`, `![](/images/x.jpg)`: an image beside the source file or on its
 * site is not imported (no file outside `content/` is read), and MDX would compile its path into an
 * import that fails the build. It becomes a line of text naming the image and where it was.
 */
export function localImages(text: string): string {
	const edits: { start: number; end: number; text: string }[] = [];
	visit(parseMarkdown(text), 'image', (node: Image) => {
		// Only a web address is shown as it is; a site-absolute path (`/images/x.jpg`) is no more a
		// file of the content than a relative one, and the validator refuses both.
		if (loadsFromElsewhere(node.url) || node.url.startsWith('#')) return;
		const alt = node.alt?.trim();
		edits.push({
			start: startOf(node),
			end: endOf(node),
			text: `Image not imported${alt ? `: ${ESCAPE_LINK_TEXT(alt)}` : ''} (\`${node.url.replace(/`/g, '')}\`)`,
		});
	});
	let out = text;
	for (const edit of edits.sort((a, b) => b.start - a.start))
		out = splice(out, edit.start, edit.end, edit.text);
	return out;
}

const linkReason = (url: string, scheme: string) =>
	`its address \`${shortUrl(url)}\` is a \`${scheme}:\` address, which runs code or opens unreviewed content when clicked (links may use http, https, mailto, tel or a page of the site)`;

/**
 * A link a reader could not safely follow (`[x](javascript:…)`, `<vbscript:…>`) becomes its text
 * with its address after it, as text: `x (javascript:…)`. An image from another site, which the
 * page would load on every visit, becomes a link to it the reader may open, `[Image: alt](https://…)`,
 * or text when its address is not one to follow either. Each is listed in `refused`.
 */
export function unsafeAddresses(text: string): { text: string; refused: Refused[] } {
	const edits: { start: number; end: number; text: string }[] = [];
	const refused: Refused[] = [];
	const refuse = (node: Link | Image, text: string, leftAs: string, reason: string) => {
		edits.push({ start: startOf(node), end: endOf(node), text });
		refused.push({ kind: 'link', line: node.position!.start.line, leftAs, reason });
	};
	const shown = (url: string) => escapeMarkdown(shortUrl(url));
	const imageLabel = (image: Image) => escapeMarkdown(`Image: ${image.alt?.trim() || 'untitled'}`);
	const imageReason = (url: string) =>
		`the page would load the image \`${shortUrl(url)}\` from outside the site on every visit`;
	visit(parseMarkdown(text), (node) => {
		if (node.type === 'image' && loadsFromElsewhere(node.url)) {
			if (unsafeLinkScheme(node.url) !== undefined)
				refuse(node, `${imageLabel(node)} (${shown(node.url)})`, 'text', imageReason(node.url));
			else
				refuse(
					node,
					`[${imageLabel(node)}](${node.url.replace(/[()\\]/g, '\\$&').replace(/\s/g, encodeURI)})`,
					'a link to the image',
					imageReason(node.url)
				);
		}
		if (node.type !== 'link') return CONTINUE;
		const scheme = unsafeLinkScheme(node.url);
		if (scheme === undefined) {
			// A badge, `[![build](https://…/badge.svg)](https://ci…)`: the link stays, its image is text.
			visit(node, 'image', (image: Image) => {
				if (loadsFromElsewhere(image.url))
					refuse(image, imageLabel(image), 'text', imageReason(image.url));
			});
			return SKIP;
		}
		// An autolink, `<vbscript:…>`, shows its address once.
		const words = toString(node);
		const label =
			words === node.url ? shown(node.url) : `${escapeMarkdown(words)} (${shown(node.url)})`;
		refuse(node, label, 'text', linkReason(node.url, scheme));
		return SKIP;
	});
	let out = text;
	for (const edit of edits.sort((a, b) => b.start - a.start))
		out = splice(out, edit.start, edit.end, edit.text);
	return { text: out, refused };
}

/**
 * Runs the rewrites in order: NUL bytes marked, front matter (it is not Markdown) and that of joined pages, tables, Hugo shortcodes, Markdown comments, links, HTML comments and
 * HTML images, images, then unsafe addresses. A definition with an unsafe address gives the playbook no link.
 */
export function prepareSource(source: string): Prepared {
	const nul = nulBytes(source);
	const front = readFrontMatter(nul.text);
	const joined = joinedPages(front.text, front.data);
	const tables = htmlTables(joined.text);
	const hugo = hugoShortcodes(tables.text);
	const conflicts = conflictMarkers(hugo.text);
	const comments = markdownComments(conflicts.text);
	const refs = inlineReferences(comments.text);
	const html = sourceHtml(refs.text);
	const safe = unsafeAddresses(localImages(html.text));
	const headings = headingIds(safe.text);
	const definitions = refs.definitions.filter((definition) => {
		const scheme = unsafeLinkScheme(definition.url);
		if (scheme !== undefined)
			safe.refused.push({
				kind: 'link',
				line: lineAfter(html.lines, definition.line),
				leftAs: 'no playbook link',
				reason: linkReason(definition.url, scheme),
			});
		return scheme === undefined;
	});
	return {
		text: headings.text,
		frontMatter: joined.firstIsPage ? {} : front.data,
		definitions,
		lines: throughLines(html.lines, tables.lines),
		ids: headings.ids,
		// Each item at its line of the text the recognisers read: steps after the one that found it
		// may have moved it down.
		refused: [
			...carried(
				[...otherMarkup(nul.text), ...nul.refused, ...joined.refused],
				tables.lines,
				html.lines
			),
			...carried(
				[...hugo.refused, ...conflicts.refused, ...comments.refused, ...html.refused],
				html.lines
			),
			...safe.refused,
		].sort((a, b) => a.line - b.line),
	};
}
