/**
 * Compiles what Responder emits the way its readers will: Markdown through remark (CommonMark and
 * GFM), MDX through @mdx-js/mdx, compiled *and run*, HTML through a spec-compliant parser. Tests
 * use the results to assert that hostile text stayed text.
 */
import { evaluate } from '@mdx-js/mdx';
import { fromHtml } from 'hast-util-from-html';
import type { Root as HastRoot } from 'hast';
import type { Link } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

/** What a Markdown document parses to: node types, the text it shows and its links. */
export interface MarkdownParse {
	types: Set<string>;
	text: string;
	links: { url: string; text: string }[];
}

export function parseMarkdown(markdown: string): MarkdownParse {
	const tree = unified()
		.use(remarkParse)
		.use(remarkGfm)
		.runSync(unified().use(remarkParse).use(remarkGfm).parse(markdown));
	const types = new Set<string>();
	const links: MarkdownParse['links'] = [];
	visit(tree, (node) => {
		types.add(node.type);
		if (node.type === 'link') links.push({ url: (node as Link).url, text: toString(node) });
	});
	return { types, text: toString(tree), links };
}

/**
 * Whether a link is an address written out, which GFM links after parsing whatever the escapes:
 * its text is its target, so it cannot hide where it goes.
 */
export function isVisibleAddress({ url, text }: { url: string; text: string }): boolean {
	// HTML output percent-encodes the target; the text is what the reader sees.
	const target = url.replace(/%([\dA-F]{2})/g, (_, hex: string) =>
		String.fromCharCode(parseInt(hex, 16))
	);
	return (
		/^(https?:\/\/|mailto:|xmpp:)/.test(target) &&
		[text, `mailto:${text}`, `http://${text}`].includes(target)
	);
}

/** What running an MDX document rendered: element names, text, and what the module exported. */
export interface MdxRender {
	/** Element names, except `a` for an address written out (see `isVisibleAddress`). */
	elements: Set<string>;
	text: string;
	exports: string[];
	links: { url: string; text: string }[];
	/** Addresses the page would load by itself (`src`, `srcSet`, `poster` of any element). */
	sources: string[];
}

const FRAGMENT = Symbol('Fragment');
interface Element {
	type: unknown;
	props: { children?: unknown; href?: string; src?: string; srcSet?: string; poster?: string };
}

/**
 * Compiles (with GFM, as Astro's MDX does) and runs `mdx` with a JSX runtime that records
 * elements instead of rendering them.
 */
export async function renderMdx(mdx: string): Promise<MdxRender> {
	const jsx = (type: unknown, props: Element['props']) =>
		typeof type === 'function' ? (type as (p: unknown) => unknown)(props) : { type, props };
	const module = await evaluate(mdx, {
		Fragment: FRAGMENT,
		jsx,
		jsxs: jsx,
		remarkPlugins: [remarkGfm],
	} as unknown as Parameters<typeof evaluate>[1]);
	const elements = new Set<string>();
	const links: MdxRender['links'] = [];
	const sources: string[] = [];
	const walk = (node: unknown): string => {
		if (node === null || node === undefined || typeof node === 'boolean') return '';
		if (typeof node === 'string' || typeof node === 'number') return String(node);
		if (Array.isArray(node)) return node.map(walk).join('');
		const element = node as Element;
		const text = walk(element.props.children);
		const link = { url: element.props.href ?? '', text };
		if (element.type === 'a') links.push(link);
		const { src, srcSet, poster } = element.props;
		for (const source of [src, srcSet, poster]) if (source !== undefined) sources.push(source);
		if (typeof element.type === 'string' && !(element.type === 'a' && isVisibleAddress(link)))
			elements.add(element.type);
		return text;
	};
	const text = walk((module.default as (props: object) => unknown)({}));
	return {
		elements,
		text,
		links,
		sources,
		exports: Object.keys(module).filter((name) => name !== 'default'),
	};
}

/** A full HTML document parsed as a browser would. */
export const parseHtml = (html: string): HastRoot => fromHtml(html);
