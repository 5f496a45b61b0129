import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Html, Paragraph } from 'mdast';
import { fromHtml } from 'hast-util-from-html';
import { raw } from 'hast-util-raw';
import { toMdast } from 'hast-util-to-mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toHast } from 'mdast-util-to-hast';
import { toMarkdown } from 'mdast-util-to-markdown';

/**
 * HTML written inside a Markdown playbook (`<details>`, `<b>`, `<br>`, `<kbd>`, checkbox lines) as
 * the Markdown that means the same, so a page shows what the source's readers saw instead of its
 * tags, and steps written as checkboxes can be ticked. Only elements with a Markdown meaning are
 * read (hast-util-to-mdast does the reading); any other tag keeps the HTML as written, because an
 * author's `<service name>` or `<Two or three sentences …>` is a blank to fill, not an element.
 */

/** Elements that may close in another HTML block (`<details>` … Markdown … `</details>`). */
const CONTAINERS = new Set(
	'article aside blockquote center details div figure footer header li main nav ol p section ul'.split(
		' '
	)
);
/** Elements without content. */
const VOID = new Set(['br', 'hr', 'img', 'input']);
/** Elements that must close where they open; unclosed, `<summary>` is more likely a blank. */
const PHRASING = new Set(
	'a abbr b cite code del em figcaption font h1 h2 h3 h4 h5 h6 i ins kbd mark pre q s samp small span strike strong sub summary sup time tt u var'.split(
		' '
	)
);

const TAG = /<(\/?)([a-z][a-z\d-]*)(?=[\s/>])([^<>]*)/gi;
const COMMENTS = /^(?:<!--[\s\S]*?-->\s*)+$/;

export const isComment = (html: string): boolean => COMMENTS.test(html.trim());

/**
 * Whether HTML holds only elements this reader knows, each phrasing element closed where it
 * opened: `<b>Never</b>`, `<br>`, `<details><summary>Logs</summary>`, not `<summary>` alone.
 */
function readable(html: string): boolean {
	const open = new Map<string, number>();
	let tags = 0;
	for (const [, closing, written, attributes] of html.matchAll(TAG)) {
		const name = written!.toLowerCase();
		if (!CONTAINERS.has(name) && !VOID.has(name) && !PHRASING.has(name)) return false;
		// `<a name="p1">` is a link target, which the link and severity readers find as written.
		if (
			name === 'a' &&
			!closing &&
			!/^(?![\s\S]*\s(?:name|id)\s*=)[\s\S]*\shref\s*=/i.test(attributes!)
		)
			return false;
		tags++;
		if (PHRASING.has(name)) open.set(name, (open.get(name) ?? 0) + (closing ? -1 : 1));
	}
	return tags > 0 && [...open.values()].every((count) => count === 0);
}

/** Whether a paragraph's HTML is comments and readable elements (closed within it). */
export function readableInline(nodes: Html[]): boolean {
	const elements = nodes.filter((node) => !isComment(node.value));
	return elements.length === 0 || readable(elements.map((node) => node.value).join(''));
}

export const readableBlock = (html: string): boolean => !isComment(html) && readable(html);

const isCheckbox = (node: ElementContent | undefined): boolean =>
	node?.type === 'element' &&
	node.tagName === 'input' &&
	String(node.properties['type']).toLowerCase() === 'checkbox';

const blank = (node: ElementContent) => node.type === 'text' && node.value.trim() === '';

const element = (tagName: string, children: ElementContent[]): Element => ({
	type: 'element',
	tagName,
	properties: {},
	children,
});

/**
 * Lines that each open with a checkbox (`<input type="checkbox"> Page the DBA<br>` …), the way
 * some playbooks write a checklist without a list: a task list, one item a line.
 */
function checkboxList(children: ElementContent[]): Element | undefined {
	const lines: ElementContent[][] = [[]];
	for (const child of children)
		if (child.type === 'element' && child.tagName === 'br') lines.push([]);
		else lines.at(-1)!.push(child);
	const items = lines
		.map((line) => {
			const start = line.findIndex((node) => !blank(node));
			return start < 0 ? [] : line.slice(start);
		})
		.filter((line) => line.length > 0);
	if (items.length === 0 || !items.every((line) => isCheckbox(line[0]))) return undefined;
	return element(
		'ul',
		items.map((line) => element('li', line))
	);
}

/** Checkbox lines as task lists: the fragment's own lines, or else each paragraph's within it. */
function checkboxLists(tree: HastRoot): void {
	const list = checkboxList(tree.children as ElementContent[]);
	if (list) {
		tree.children = [list];
		return;
	}
	const visit = (node: HastRoot | Element) => {
		node.children = node.children.map((child: HastContent) => {
			if (child.type !== 'element') return child;
			if (child.tagName === 'p') return checkboxList(child.children) ?? child;
			visit(child);
			return child;
		}) as typeof node.children;
	};
	visit(tree);
}

/** Comments are hidden where the source is read; the caller lists them. */
function withoutComments(node: HastRoot | Element): void {
	node.children = node.children.filter((child) => child.type !== 'comment') as typeof node.children;
	for (const child of node.children) if (child.type === 'element') withoutComments(child);
}

function markdownOf(tree: HastRoot): string {
	withoutComments(tree);
	checkboxLists(tree);
	return toMarkdown(toMdast(tree), {
		bullet: '-',
		extensions: [gfmToMarkdown()],
	}).trimEnd();
}

/** A block of HTML as Markdown (empty when it shows nothing, as `</details>`). */
export const blockMarkdown = (html: string): string =>
	markdownOf(fromHtml(html, { fragment: true }));

/** A paragraph holding inline HTML (`Press <kbd>Ctrl</kbd>`) as Markdown. */
export function paragraphMarkdown(paragraph: Paragraph): string {
	const tree = raw({
		type: 'root',
		children: [toHast(paragraph, { allowDangerousHtml: true }) as Element],
	}) as HastRoot;
	return markdownOf(tree);
}
