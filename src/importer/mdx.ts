import { visit } from 'unist-util-visit';
import { endOf, parseMarkdown, startOf } from './markdown.ts';

/**
 * Makes verbatim Markdown safe to compile as MDX without changing what it shows: outside fenced
 * and inline code, `{`, `}` and `<` are backslash-escaped (MDX would read them as expressions and
 * JSX), and a line starting with `import`/`export` (ESM in MDX) starts with a character reference.
 */
export function escapeMdx(markdown: string): string {
	const safe: [number, number][] = [];
	visit(parseMarkdown(markdown), (node) => {
		if (
			node.type === 'inlineCode' ||
			(node.type === 'code' &&
				/^\s*(```|~~~)/.test(markdown.slice(startOf(node), startOf(node) + 4 + 3)))
		) {
			safe.push([startOf(node), endOf(node)]);
		}
	});
	safe.sort((a, b) => a[0] - b[0]);
	let out = '';
	let lineStart = true;
	let next = 0;
	for (let at = 0; at < markdown.length; at++) {
		const char = markdown[at]!;
		while (next < safe.length && safe[next]![1] <= at) next++;
		const inCode = next < safe.length && safe[next]![0] <= at;
		if (!inCode) {
			if ((char === '{' || char === '}' || char === '<') && markdown[at - 1] !== '\\') {
				out += `\\${char}`;
				lineStart = false;
				continue;
			}
			if (lineStart && /^(import|export)\s/.test(markdown.slice(at, at + 7))) {
				out += `&#${char.charCodeAt(0)};`;
				lineStart = false;
				continue;
			}
		}
		out += char;
		if (char === '\n') lineStart = true;
		else if (char !== ' ' && char !== '\t') lineStart = false;
	}
	return out;
}
