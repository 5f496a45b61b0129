import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { ALLOWED_LINKS, loadsFromElsewhere, shortUrl, unsafeLinkScheme } from '../lib/safe-urls.ts';

/**
 * Links and resources of an MDX body checked against `src/lib/safe-urls.ts`: a link whose scheme
 * would run code or show unreviewed content (`javascript:`, `data:`), and an image or element that
 * would make the page load something from another site. Markdown links, images and reference
 * definitions are read, and written-out attributes of JSX elements (`<a href="…">`,
 * `<iframe src="…">`); `href={…}` is the author's code and is not read.
 */

export interface AddressProblem {
	rule: 'link-scheme' | 'remote-resource';
	message: string;
	/** Line in the body. */
	line: number | undefined;
}

/** Attributes that navigate or submit when the reader acts: links. */
const LINK_ATTRIBUTES = new Set(['href', 'xlink:href', 'xlinkhref', 'action', 'formaction']);
/** Attributes whose address the browser loads by itself. */
const RESOURCE_ATTRIBUTES = new Set(['src', 'srcset', 'poster', 'data', 'background']);
/** Elements whose `href` is a link; on any other (`<link>`, `<base>`, SVG `<image>`) it loads. */
const LINK_ELEMENTS = new Set(['a', 'area']);

/** An address in a message: line breaks and tabs written out, long ones cut. */
const shown = (url: string): string =>
	shortUrl(url).replace(/[\t\n\r]/g, (char) => ({ '\t': '\\t', '\n': '\\n', '\r': '\\r' })[char]!);

const linkMessage = (what: string, url: string, scheme: string): string =>
	`${what} \`${shown(url)}\`: a \`${scheme}:\` address runs code or opens content no one reviewed when a reader clicks it (expected ${ALLOWED_LINKS})`;

const resourceMessage = (what: string, url: string): string =>
	`${what} \`${shown(url)}\` from outside the site, so every visit sends a request there (expected a file of this site, such as an image beside this page, \`./diagram.png\`; a link the reader opens may point elsewhere)`;

/** Every address of `tree` (an MDX body as the MDX compiler parses it) that breaks the rules. */
export function addressProblems(tree: Root): AddressProblem[] {
	const problems: AddressProblem[] = [];
	const definitions = new Map<string, string>();
	visit(tree, 'definition', (node) => {
		definitions.set(node.identifier, node.url);
	});
	const link = (what: string, url: string, line: number | undefined) => {
		const scheme = unsafeLinkScheme(url);
		if (scheme !== undefined)
			problems.push({ rule: 'link-scheme', message: linkMessage(what, url, scheme), line });
	};
	const resource = (what: string, url: string, line: number | undefined) => {
		if (loadsFromElsewhere(url))
			problems.push({ rule: 'remote-resource', message: resourceMessage(what, url), line });
	};
	visit(tree, (node) => {
		const line = node.position?.start.line;
		if (node.type === 'link') link('links to', node.url, line);
		else if (node.type === 'definition') link('defines the link', node.url, line);
		else if (node.type === 'image') resource('shows the image', node.url, line);
		else if (node.type === 'imageReference') {
			const url = definitions.get(node.identifier);
			if (url !== undefined) resource('shows the image', url, line);
		} else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
			const element = node.name ?? '';
			for (const attribute of node.attributes) {
				if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string') continue;
				const name = attribute.name.toLowerCase();
				const what = `has \`<${element} ${attribute.name}>\``;
				if (LINK_ATTRIBUTES.has(name) && (name !== 'href' || LINK_ELEMENTS.has(element)))
					link(`${what} linking to`, attribute.value, line);
				else if (name === 'srcset')
					// `srcset="a.png 1x, https://x/b.png 2x"`: each candidate's address comes first.
					for (const candidate of attribute.value.split(','))
						resource(`${what} loading`, candidate.trim().split(/\s+/)[0] ?? '', line);
				else if (RESOURCE_ATTRIBUTES.has(name) || name === 'href')
					resource(`${what} loading`, attribute.value, line);
			}
		}
	});
	return problems;
}
