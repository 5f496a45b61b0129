import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { RawEntry } from './load.ts';

const processor = unified().use(remarkParse).use(remarkGfm);
const trees = new WeakMap<RawEntry, Root>();

/**
 * The MDX body of an entry as a Markdown tree, parsed once for all rules. JSX and expressions
 * read as HTML and text here, which is enough for lists, headings, links and blanks.
 */
export function bodyTree(entry: RawEntry): Root {
	let tree = trees.get(entry);
	if (!tree) {
		tree = processor.parse(entry.body);
		trees.set(entry, tree);
	}
	return tree;
}

/** The line in the file of a position in the body. */
export const fileLine = (
	entry: RawEntry,
	node: { position?: { start: { line: number } } | undefined }
): number | undefined =>
	node.position ? node.position.start.line + entry.bodyLine - 1 : undefined;
