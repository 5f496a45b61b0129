/**
 * The JavaScript a built page loads before anything is clicked: its `<script type="module" src>`
 * entries and every chunk they import statically, followed through the chunks. Dynamic
 * `import()` is not followed, since that code only loads on demand. Used to measure a page's JS
 * weight and by the test that keeps zod off every page.
 */

/** One loaded chunk: its site path (`/_astro/x.js`), its code and the entry scripts that reach it. */
export interface PageChunk {
	path: string;
	code: string;
	entries: string[];
}

const SCRIPT_SRC = /<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g;
/**
 * `import "./x.js"`, `import{a as b}from"./x.js"`, `export{…}from"./x.js"`; not `import(`. A
 * pattern over bundler output: text inside a string that looks like an import would be followed
 * too, and then fail loudly when no such chunk exists.
 */
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.js)["']/g;

/** The `src` of each module script in `html`, in page order. */
export const moduleScripts = (html: string): string[] =>
	[...html.matchAll(SCRIPT_SRC)].map((match) => match[1]!);

/** Site paths a chunk at `path` imports statically. */
export const staticImports = (path: string, code: string): string[] =>
	[...code.matchAll(STATIC_IMPORT)].map(
		(match) => new URL(match[1]!, `http://site${path}`).pathname
	);

/**
 * Every chunk `html` loads up front, each once, with the entries that reach it; `read` returns a
 * chunk's code by site path.
 */
export async function pageChunks(
	html: string,
	read: (path: string) => Promise<string>
): Promise<PageChunk[]> {
	const chunks = new Map<string, PageChunk>();
	for (const entry of moduleScripts(html)) {
		const pending = [entry];
		while (pending.length) {
			const path = pending.pop()!;
			const known = chunks.get(path);
			if (known) {
				if (!known.entries.includes(entry)) {
					known.entries.push(entry);
					pending.push(...staticImports(path, known.code));
				}
				continue;
			}
			const code = await read(path);
			chunks.set(path, { path, code, entries: [entry] });
			pending.push(...staticImports(path, code));
		}
	}
	return [...chunks.values()];
}
