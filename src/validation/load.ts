import {
	globSync,
	lstatSync,
	readdirSync,
	readFileSync,
	readlinkSync,
	realpathSync,
} from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { entryId, playbookOf } from '../lib/entry-ids.ts';
import { mergeConflicts } from '../lib/merge-conflicts.ts';
import { COLLECTIONS, COLLECTION_NAMES, type CollectionName } from '../schemas/collections.ts';
import type { Diagnostic } from './diagnostic.ts';
import { decodeUtf8, findMojibake } from './encoding.ts';
import type { RuleId } from './rules.ts';
import { RULES } from './rules.ts';

/** A content file read from disk, before schema validation. */
export interface RawEntry {
	collection: CollectionName;
	id: string;
	playbook: string;
	/** Path relative to the working directory, as diagnostics print it. */
	file: string;
	/** Path relative to the content root, `/`-separated (`servio/scenarios/outage.mdx`). */
	path: string;
	/** Parsed YAML data or MDX frontmatter. */
	data: unknown;
	/** MDX body (empty for YAML files). */
	body: string;
	/** Line of the body's first line in the file. */
	bodyLine: number;
	/** Finds the line of a field path, where the YAML has it. */
	lineOf: (path: (string | number)[]) => number | undefined;
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** YAML aliases a file may expand; more is an alias bomb (Astro's reader would expand them all). */
const MAX_ALIASES = 100;

/**
 * Names a page address can carry: playbook folders and entry files become `/<playbook>/<slug>/`.
 * Letters, digits, `-`, `_`, `.`, starting with a letter or digit (so never `.` or `..`).
 */
export const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

const problem = (
	file: string,
	rule: RuleId,
	message: string,
	line?: number,
	field = '(file)'
): Diagnostic => ({ file, field, message, rule, severity: RULES[rule].severity, line });

/** Where a path leads once its symlinks are resolved, or why it leads nowhere. */
type Resolution = { ok: true; real: string } | { ok: false; why: 'loop' | 'dangling' | 'other' };

function resolveLink(path: string): Resolution {
	try {
		return { ok: true, real: realpathSync(path) };
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		return { ok: false, why: code === 'ELOOP' ? 'loop' : code === 'ENOENT' ? 'dangling' : 'other' };
	}
}

const inside = (real: string, rootReal: string) =>
	real === rootReal || real.startsWith(rootReal + sep);

/**
 * Every symlink under `root` that leaves it, loops or dangles, found without following any link.
 * Such paths are reported once, at the link, and nothing is read through them.
 */
export function unsafeLinks(root: string): Map<string, string> {
	const rootReal = realpathSync(root);
	const found = new Map<string, string>();
	const walk = (dir: string) => {
		let children;
		try {
			children = readdirSync(dir, { withFileTypes: true });
		} catch {
			return;
		}
		for (const child of children) {
			const path = join(dir, child.name);
			if (child.isDirectory()) walk(path);
			if (!child.isSymbolicLink()) continue;
			const resolution = resolveLink(path);
			let target = '';
			try {
				target = readlinkSync(path);
			} catch {
				// Unreadable link: reported without its target.
			}
			if (!resolution.ok)
				found.set(
					path,
					resolution.why === 'loop'
						? `is a symlink that loops back on itself (\`${target}\`)`
						: resolution.why === 'dangling'
							? `is a symlink to \`${target}\`, which does not exist`
							: `is a symlink to \`${target}\`, which cannot be read`
				);
			else if (!inside(resolution.real, rootReal))
				found.set(path, `is a symlink to \`${target}\`, outside the content folder`);
		}
	};
	walk(resolve(root));
	return found;
}

/**
 * Whether a content file may be read: it is a regular file, and neither it nor a folder above it
 * (up to `root`) is a symlink leading out of `root`. The Astro loaders ask the same question.
 */
export function safeToRead(root: string, path: string): boolean {
	const resolution = resolveLink(path);
	if (!resolution.ok || !inside(resolution.real, realpathSync(root))) return false;
	try {
		return lstatSync(resolution.real).isFile();
	} catch {
		return false;
	}
}

/** One file read, decoded and parsed, or the problems that stopped it. */
export function readEntry(
	root: string,
	path: string,
	collection: CollectionName,
	file = relative(process.cwd(), join(root, path)) || path
): { entry?: RawEntry; diagnostics: Diagnostic[] } {
	const source = COLLECTIONS[collection];
	const diagnostics: Diagnostic[] = [];
	const fail = (rule: RuleId, message: string, line?: number) => {
		diagnostics.push(problem(file, rule, message, line));
		return { diagnostics };
	};
	const badName = path.split('/').find((part) => !SAFE_NAME.test(part));
	if (badName !== undefined)
		return fail(
			'file-name',
			`has the name \`${badName}\`, which cannot be part of a page address (expected letters, digits, \`-\`, \`_\` or \`.\`, starting with a letter or digit)`
		);
	const absolute = join(root, path);
	let buffer: Buffer;
	try {
		const stat = lstatSync(resolveLink(absolute).ok ? realpathSync(absolute) : absolute);
		if (!stat.isFile())
			return fail(
				'file-unreadable',
				`is a ${stat.isDirectory() ? 'folder' : 'special file'}, not a file (expected a ${source.format === 'mdx' ? 'MDX' : 'YAML'} file; rename the folder)`
			);
		buffer = readFileSync(absolute);
	} catch (error) {
		return fail(
			'file-unreadable',
			`cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}) (expected a readable file)`
		);
	}
	// Where the body starts, read leniently, to say whether a bad byte is in frontmatter or body.
	const lenient = new TextDecoder().decode(buffer);
	const head = source.format === 'mdx' ? FRONTMATTER.exec(lenient.replace(/^\uFEFF/, '')) : null;
	const firstBodyLine = head ? head[0].split('\n').length : Infinity;
	// In YAML, the top-level key the line belongs to (the nearest unindented `key:` above it).
	const keyAt = (line: number) => {
		const above = lenient.split('\n').slice(0, line).reverse();
		const key = above.map((l) => /^([A-Za-z_][\w-]*):/.exec(l)?.[1]).find(Boolean);
		return key ?? '(file)';
	};
	const part = (line: number) =>
		source.format !== 'mdx'
			? { field: keyAt(line), words: '' }
			: line >= firstBodyLine
				? { field: 'body', words: ' in the body' }
				: { field: keyAt(line), words: ' in the frontmatter' };
	const decoded = decodeUtf8(buffer);
	if (!decoded.ok) {
		const where = part(decoded.line);
		diagnostics.push(
			problem(
				file,
				'encoding',
				`is not valid UTF-8: the bytes ${decoded.bytes} on line ${decoded.line}${where.words} are not UTF-8 text (expected UTF-8; the file was probably saved as Windows-1252 or Latin-1: re-save it as UTF-8 and check the characters on that line)`,
				decoded.line,
				where.field
			)
		);
		return { diagnostics };
	}
	const text = decoded.text;
	if (text.includes('\0')) {
		const line = text.slice(0, text.indexOf('\0')).split('\n').length;
		diagnostics.push(
			problem(
				file,
				'encoding',
				`holds NUL bytes${part(line).words}, so it is binary data, not text (expected a UTF-8 text file)`,
				line,
				part(line).field
			)
		);
		return { diagnostics };
	}
	for (const damage of findMojibake(text).slice(0, 5))
		diagnostics.push(
			problem(
				file,
				'mojibake',
				`has \`${damage.damaged}\`, text damaged by a wrong encoding (UTF-8 once read as ${damage.codec}) (expected \`${damage.repaired}\`)`,
				damage.line,
				part(damage.line).field
			)
		);

	const conflicts = mergeConflicts(text);
	for (const { lines, marker } of conflicts.slice(0, 5))
		diagnostics.push(
			problem(
				file,
				'merge-conflict',
				`has a merge conflict left by Git${part(lines[0]!).words}: \`${marker.slice(0, 60)}\` on line ${lines[0]} to line ${lines.at(-1)} (expected the conflict resolved: keep the right text and delete the \`<<<<<<<\`, \`=======\` and \`>>>>>>>\` lines)`,
				lines[0],
				part(lines[0]!).field
			)
		);
	// The markers break YAML and MDX: reading on would only add errors they cause.
	if (conflicts.length) return { diagnostics };

	let yamlText = text;
	let body = '';
	let offset = 0;
	if (source.format === 'mdx') {
		const match = FRONTMATTER.exec(text);
		if (!match)
			return fail(
				'parse',
				'has no frontmatter (expected the file to start with a `---` block holding at least `title`)',
				1
			);
		yamlText = match[1]!;
		body = text.slice(match[0].length);
		offset = 1;
	}
	const lineCounter = new LineCounter();
	const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false });
	const lineAt = (pos: [number, number]) => lineCounter.linePos(pos[0]).line + offset;
	for (const error of doc.errors)
		diagnostics.push(
			problem(
				file,
				'parse',
				`is not valid YAML: ${error.message.split('\n')[0]} (expected YAML such as \`key: value\`)`,
				lineAt(error.pos)
			)
		);
	for (const warning of doc.warnings)
		if (warning.code === 'TAG_RESOLVE_FAILED')
			diagnostics.push(
				problem(
					file,
					'parse',
					`uses a YAML tag that is not understood: ${warning.message.split('\n')[0]} (expected plain values without \`!tags\`)`,
					lineAt(warning.pos)
				)
			);
	if (diagnostics.some((d) => d.rule === 'parse')) return { diagnostics };
	let data: unknown;
	try {
		data = doc.toJS({ maxAliasCount: MAX_ALIASES }) ?? {};
	} catch (error) {
		return fail(
			'parse',
			`cannot be read as YAML data: ${(error as Error).message.split('\n')[0]} (expected at most ${MAX_ALIASES} uses of \`*aliases\`; a file that expands aliases into aliases is an alias bomb)`,
			1 + offset
		);
	}
	const bodyLine =
		source.format === 'mdx' ? text.slice(0, text.length - body.length).split('\n').length : 0;
	return {
		diagnostics,
		entry: {
			collection,
			id: entryId(collection, path),
			playbook: playbookOf(path),
			file,
			path,
			data,
			body,
			bodyLine,
			lineOf: (fieldPath) => lineOfPath(doc, lineCounter, fieldPath, offset),
		},
	};
}

/**
 * Reads every content file under `root`; files that cannot be read or parsed become diagnostics,
 * and their `<collection>:<id>` goes into `failed`, so other rules do not report them again.
 */
export function loadContent(root: string): {
	entries: RawEntry[];
	diagnostics: Diagnostic[];
	failed: Set<string>;
} {
	const entries: RawEntry[] = [];
	const diagnostics: Diagnostic[] = [];
	const failed = new Set<string>();
	const links = unsafeLinks(root);
	for (const [link, message] of links)
		diagnostics.push(
			problem(
				relative(process.cwd(), link) || link,
				'symlink',
				`${message}; it is not read or published (expected the file itself, inside the content folder)`
			)
		);
	const blocked = (absolute: string) =>
		[...links.keys()].some((link) => absolute === link || absolute.startsWith(link + sep));
	for (const collection of COLLECTION_NAMES) {
		for (const path of globSync(COLLECTIONS[collection].pattern, { cwd: root }).sort()) {
			const normal = path.split(sep).join('/');
			const absolute = resolve(root, normal);
			if (blocked(absolute)) {
				failed.add(`${collection}:${entryId(collection, normal)}`);
				continue;
			}
			const result = readEntry(root, normal, collection);
			diagnostics.push(...result.diagnostics);
			// Damaged text (mojibake) is reported, and the entry is still checked.
			if (result.entry) entries.push(result.entry);
			else failed.add(`${collection}:${entryId(collection, normal)}`);
		}
	}
	return { entries, diagnostics, failed };
}

function lineOfPath(
	doc: Document,
	counter: LineCounter,
	path: (string | number)[],
	offset: number
): number | undefined {
	for (let depth = path.length; depth > 0; depth--) {
		const node = doc.getIn(path.slice(0, depth), true);
		if (isNode(node) && node.range) return counter.linePos(node.range[0]).line + offset;
	}
	return undefined;
}
