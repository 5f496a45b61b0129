import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repairEncoding, type LegacyEncoding } from '../lib/encoding.ts';
import { escapeMarkdown } from '../lib/escape.ts';
import { isDraft, pageHeading, readFrontMatter } from './prepare.ts';
import { readRst } from './rst.ts';
import { readAdoc } from './adoc.ts';

/** Input the importer refuses, with a one-line reason a person can act on. */
export class ImportError extends Error {}

/** A file with nothing in it: the whole import stops, but a folder's empty page is skipped. */
class EmptySource extends ImportError {}

export interface Source {
	text: string;
	/** Damaged runs repaired, per codec that explains them. */
	repairs: Record<LegacyEncoding, number>;
	/** A folder's files, joined into `text` in reading order: each path and the line it starts at. */
	files?: SourceFile[];
	/** `rst` for a `.rst` file, `asciidoc` for an `.adoc` one; `markdown` for a folder, whose pages are already Markdown. */
	markup?: 'markdown' | 'rst' | 'asciidoc';
	/** Lines of a folder's text that moved from where they stand in their page (`readRst`, `readAdoc`). */
	lines?: Map<number, number>;
	/** `include::` lines of a folder's AsciiDoc pages, by line of the joined text. */
	includes?: { line: number; target: string }[];
	/** A folder's pages left out because their front matter says `draft: true`. */
	drafts?: string[];
}

export interface SourceFile {
	/** Path inside the folder, `/`-separated. */
	path: string;
	/** Line of the joined text where the file's first line stands. */
	line: number;
	/** Line of the joined text where its part starts: the heading given to it, if any. */
	start: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes that never appear in text: NUL and most C0 controls. */
const BINARY = /[\x00-\x08\x0E-\x1A\x1C-\x1F]/g;

/** Checks bytes are text worth importing, decodes them and repairs mojibake. */
export function decodeSource(bytes: Uint8Array, name: string): Source {
	if (bytes.length === 0)
		throw new EmptySource(`\`${name}\` is empty; there is nothing to import.`);
	const head = bytes.subarray(0, 8000);
	if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
		throw new ImportError(
			`\`${name}\` is UTF-16 text, not UTF-8; save it as UTF-8 and import again.`
		);
	}
	// More than one such byte per thousand is a binary file; fewer are strays in text, which the
	// preparation takes out (NUL) or the writers escape.
	const controls = Buffer.from(head).toString('latin1').match(BINARY)?.length ?? 0;
	if (controls > Math.max(1, head.length / 1000)) {
		throw new ImportError(
			`\`${name}\` looks like a binary file, not Markdown text; pass the playbook's .md file.`
		);
	}
	let text: string;
	try {
		text = utf8
			.decode(bytes)
			.replace(/^\uFEFF/, '')
			.replace(/\r\n?/g, '\n');
	} catch {
		throw new ImportError(
			`\`${name}\` is not UTF-8 text; save it as UTF-8 (for example \`iconv -f latin1 -t utf-8\`) and import again.`
		);
	}
	if (!text.trim())
		throw new EmptySource(`\`${name}\` holds only whitespace; there is nothing to import.`);
	const { text: repaired, counts } = repairEncoding(text);
	return { text: repaired, repairs: counts };
}

export function readSource(path: string): Source {
	let bytes: Uint8Array;
	try {
		if (statSync(path).isDirectory()) return readFolder(path);
		bytes = readFileSync(path);
	} catch (error) {
		if (error instanceof ImportError) throw error;
		const code = (error as NodeJS.ErrnoException).code;
		throw new ImportError(
			code === 'ENOENT'
				? `\`${path}\` does not exist; check the path.`
				: `\`${path}\` cannot be read (${code ?? 'unknown error'}).`
		);
	}
	const source = decodeSource(bytes, path);
	if (RST_FILE.test(path)) return { ...source, markup: 'rst' };
	return ADOC_FILE.test(path) ? { ...source, markup: 'asciidoc' } : source;
}

const MARKDOWN_FILE = /\.(?:md|mdx|markdown|rst|rest|adoc|asciidoc|asc)$/i;
/** reStructuredText (Sphinx) pages, read as such (`readRst`). */
const RST_FILE = /\.(?:rst|rest)$/i;
/** AsciiDoc (Asciidoctor, Antora) pages, read as such (`readAdoc`). */
const ADOC_FILE = /\.(?:adoc|asciidoc|asc)$/i;
/** A docs site's whole tree is no playbook, and reading it would be unbounded. */
const MAX_FILES = 200;
/** A folder's own page comes before its other pages. */
const FOLDER_PAGE = /^(?:index|readme|_index)\.[^.]+$/i;
const byName = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * Markdown files under a folder in reading order: the folder's own page (`index.md`, `README.md`)
 * first, then files and sub-folders by name, numbers counted (`2-triage.md` before `10-review.md`),
 * as docs sites list them. Hidden folders, `node_modules` and links (which may lead anywhere) are skipped.
 */
function markdownFiles(root: string, folder = ''): string[] {
	const entries = readdirSync(join(root, folder), { withFileTypes: true })
		.filter((entry) => !entry.name.startsWith('.') && entry.name !== 'node_modules')
		.sort(
			(a, b) =>
				Number(FOLDER_PAGE.test(b.name)) - Number(FOLDER_PAGE.test(a.name)) ||
				byName.compare(a.name, b.name)
		);
	return entries.flatMap((entry) => {
		const path = folder ? `${folder}/${entry.name}` : entry.name;
		if (entry.isDirectory()) return markdownFiles(root, path);
		return entry.isFile() && MARKDOWN_FILE.test(entry.name) ? [path] : [];
	});
}

/**
 * A playbook kept as a folder of pages: its Markdown files joined in reading order. The folder's
 * own page (`index.md`, `README.md`) gives the playbook its front matter; every other page opens
 * with its own top heading, else the title of its front matter (`pageHeading`), else its file
 * name, so that its text is not read as part of the page before it. A page marked `draft: true`
 * is left out, as its site leaves it out. `files` maps the joined lines back to each file.
 */
function readFolder(path: string): Source {
	const paths = markdownFiles(path);
	if (paths.length === 0)
		throw new ImportError(
			`\`${path}\` holds no Markdown files (.md, .mdx, .markdown), reStructuredText files (.rst) or AsciiDoc files (.adoc).`
		);
	if (paths.length > MAX_FILES)
		throw new ImportError(
			`\`${path}\` holds ${paths.length} Markdown files, more than the ${MAX_FILES} a playbook is read from; pass the playbook's own folder.`
		);
	const parts: string[] = [];
	const files: SourceFile[] = [];
	const repairs: Record<LegacyEncoding, number> = { macintosh: 0, windows1252: 0 };
	const lines = new Map<number, number>();
	const includes: { line: number; target: string }[] = [];
	const drafts: string[] = [];
	let line = 1;
	for (const file of paths) {
		let source: Source;
		try {
			source = decodeSource(readFileSync(join(path, file)), join(path, file));
		} catch (error) {
			// An empty page adds nothing; any other unreadable one stops the import, named.
			if (error instanceof EmptySource) continue;
			throw error;
		}
		for (const codec of Object.keys(repairs) as LegacyEncoding[])
			repairs[codec] += source.repairs[codec];
		let text = source.text.replace(/\n+$/, '');
		// An `.asc` file may be an armoured key or signature, no page.
		if (/\.asc$/i.test(file) && /^-----BEGIN /.test(text)) continue;
		const rst = RST_FILE.test(file) ? readRst(text) : undefined;
		const adoc = ADOC_FILE.test(file) ? readAdoc(text) : undefined;
		const converted = rst ?? adoc;
		if (converted) text = converted.text.replace(/\n+$/, '');
		let heading = '';
		// A folder without its own page starts with a page like any other, not the playbook's.
		if (parts.length > 0 || !FOLDER_PAGE.test(file.split('/').pop()!)) {
			const front = readFrontMatter(text);
			if (isDraft(front.data)) {
				drafts.push(file);
				continue;
			}
			text = front.text;
			const opening = /^\s*(#{1,6})[ \t]/.exec(text)?.[1];
			const titled = pageHeading(front.data, 1);
			heading = opening === '#' ? '' : (titled ?? `# ${escapeMarkdown(fileTitle(file))}`);
		}
		const starts = line + (heading ? heading.split('\n').length + 1 : 0);
		files.push({ path: file, line: starts, start: line });
		for (const [from, to] of converted?.lines ?? []) lines.set(starts + from - 1, starts + to - 1);
		for (const include of adoc?.includes ?? [])
			includes.push({ ...include, line: starts + include.line - 1 });
		parts.push(heading ? `${heading}\n\n${text}` : text);
		line = starts + text.split('\n').length + 1;
	}
	if (parts.length === 0)
		throw new ImportError(
			`\`${path}\` holds only draft pages (\`draft: true\`); there is nothing to import.`
		);
	return {
		text: parts.join('\n\n'),
		repairs,
		files,
		markup: 'markdown',
		lines,
		includes,
		...(drafts.length ? { drafts } : {}),
	};
}

/** `03-paging_the-on-call.md` → `Paging the on call`. */
const fileTitle = (file: string): string => {
	const words = file
		.split('/')
		.pop()!
		.replace(MARKDOWN_FILE, '')
		.replace(/^\d+[-_. ]+/, '')
		.replace(/[-_]+/g, ' ')
		.trim();
	return words ? words.charAt(0).toUpperCase() + words.slice(1) : file;
};

/** The file and its own line for a line of a folder's joined text. */
export function fileLine(files: SourceFile[], line: number): { path: string; line: number } {
	const file = files.findLast((f) => f.start <= line) ?? files[0]!;
	return { path: file.path, line: Math.max(1, line - file.line + 1) };
}
