import { globSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { COLLECTIONS, entryId, playbookOf } from '../lib/collections.ts';
import type { CollectionName } from '../schemas/index.ts';
import type { Diagnostic } from './diagnostic.ts';

/** A content file read from disk, before schema validation. */
export interface RawEntry {
	collection: CollectionName;
	id: string;
	playbook: string;
	/** Path relative to the working directory, as diagnostics print it. */
	file: string;
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

/** Reads every content file under `root`; files that do not parse become diagnostics. */
export function loadContent(root: string): { entries: RawEntry[]; diagnostics: Diagnostic[] } {
	const entries: RawEntry[] = [];
	const diagnostics: Diagnostic[] = [];
	for (const source of COLLECTIONS) {
		for (const path of globSync(source.pattern, { cwd: root }).sort()) {
			const file = relative(process.cwd(), join(root, path)) || path;
			const text = readFileSync(join(root, path), 'utf8');
			let yamlText = text;
			let body = '';
			let offset = 0;
			if (source.format === 'mdx') {
				const match = FRONTMATTER.exec(text);
				if (!match) {
					diagnostics.push({
						file,
						field: '(file)',
						message:
							'has no frontmatter (expected the file to start with a `---` block holding at least `title`)',
						rule: 'parse',
						severity: 'error',
						line: 1,
					});
					continue;
				}
				yamlText = match[1]!;
				body = text.slice(match[0].length);
				offset = 1;
			}
			const lineCounter = new LineCounter();
			const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false });
			if (doc.errors.length > 0) {
				for (const error of doc.errors) {
					diagnostics.push({
						file,
						field: '(file)',
						message: `is not valid YAML: ${error.message.split('\n')[0]} (expected YAML such as \`key: value\`)`,
						rule: 'parse',
						severity: 'error',
						line:
							error.linePos?.[0].line !== undefined ? error.linePos[0].line + offset : undefined,
					});
				}
				continue;
			}
			const bodyLine =
				source.format === 'mdx' ? text.slice(0, text.length - body.length).split('\n').length : 0;
			entries.push({
				collection: source.name,
				id: entryId(source.name, path),
				playbook: playbookOf(path),
				file,
				data: doc.toJS() ?? {},
				body,
				bodyLine,
				lineOf: (fieldPath) => lineOfPath(doc, lineCounter, fieldPath, offset),
			});
		}
	}
	return { entries, diagnostics };
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
