import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { parse } from 'yaml';
import { importMarkdown, importSource, type ImportOptions } from '../../../src/importer/import.ts';
import { stripEmoji } from '../../../src/importer/markdown.ts';
import { readSource } from '../../../src/importer/read.ts';
import type { ReportInput } from '../../../src/importer/report.ts';
import { serialise, writePlaybook } from '../../../src/importer/writer.ts';

export const SEEDS = {
	'restaurant-os': 'test/fixtures/seeds/000_fd3d212203143630.txt',
	sentia: 'test/fixtures/seeds/001_1ac355e6de50474e.txt',
	stolentee: 'test/fixtures/seeds/002_37094583edf73e65.txt',
	servio: 'test/fixtures/seeds/003_6a78e8cd30b220c8.txt',
	maidconnect: 'test/fixtures/seeds/004_8e4854959edf4d44.txt',
} as const;

const made: string[] = [];
afterAll(() => {
	for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder under the system temp dir, removed after the test file. */
export function tempContent(): string {
	const dir = mkdtempSync(join(tmpdir(), 'responder-import-test-'));
	made.push(dir);
	return dir;
}

/** Imports Markdown text in memory; `importMarkdown` output as the entries a test inspects. */
export const importText = (text: string, options: Partial<ImportOptions> = {}) =>
	importMarkdown(text, { playbook: 'demo', ...options });

/** A file imported as `npm run import` reads it, with its lines and the report's input. */
export function importFile(path: string) {
	const source = readSource(path);
	const result = importSource(source, { playbook: 'demo' });
	const input: ReportInput = {
		source: path,
		playbook: 'demo',
		result,
		repairs: source.repairs,
		files: [],
		verb: 'written',
	};
	return { lines: source.text.split('\n'), result, input };
}

/** Imports and writes into a fresh content folder; returns the folder. */
export function importInto(text: string, playbook = 'demo', out = tempContent()): string {
	const result = importMarkdown(text, { playbook });
	writePlaybook(serialise(playbook, result.imported), { out, playbook });
	return out;
}

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? files(path) : [path];
	});
}

function strings(value: unknown, into: string[]): void {
	if (typeof value === 'string') into.push(value);
	else if (typeof value === 'number') into.push(String(value));
	else if (Array.isArray(value)) value.forEach((v) => strings(v, into));
	else if (value && typeof value === 'object') {
		for (const [key, child] of Object.entries(value)) {
			into.push(key.replace(/([a-z])([A-Z])/g, '$1 $2'));
			strings(child, into);
		}
	}
}

/** Markdown reduced to the words a reader sees, lower case, one space between words. */
export function normalise(line: string): string {
	return (
		stripEmoji(line)
			// Escaped punctuation (`\{`, `\&`) reads as the character.
			.replace(/\\([!-/:-@[-`{-~])/g, '$1')
			.replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code)))
			.replace(/\*\*|__|`/g, '')
			.replace(/^\s*(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+)?(?:\[[ xX]\]\s*)?/, '')
			.replace(/^\s*\d+[.)]\s+/, '')
			// Links inside the document (`#site-outage-runbook`, `./alerts/disk-full.md`) point at
			// the entries and pages their headings became, or are left as their words.
			.replace(/(?<!!)\[([^\]]*)\]\((?![a-z][a-z0-9+.-]*:|\/\/)[^)]*\)/gi, '$1')
			.replace(/!?\[([^\]]*)\]\(([^)]*)\)/g, '$1 ($2)')
			.replace(/\s+/g, ' ')
			.replace(/\s*:$/, '')
			.trim()
			.toLowerCase()
	);
}

/** Every text value of every file the import wrote, normalised line by line. */
export function outputCorpus(root: string): string {
	const lines: string[] = [];
	for (const path of files(root)) {
		const text = readFileSync(path, 'utf8');
		const values: string[] = [];
		if (path.endsWith('.yaml')) strings(parse(text), values);
		else {
			const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)!;
			strings(parse(match[1]!), values);
			values.push(match[2]!);
		}
		for (const value of values) for (const line of value.split('\n')) lines.push(normalise(line));
	}
	return lines.join('\n');
}

/**
 * Labels the importer turns into a typed field rather than text: after import they are the field
 * (`symptoms:`, `escalateIf:`), so a line holding only such a label has arrived as the field.
 */
export const FIELD_LABEL =
	/^(symptoms|signals|likely causes|common causes|causes|definition|examples?|example incidents|impact|response|response time|escalation|responsibilities|authority|escalate to l\d if|actions|notifications|communication|post-mortem):?$/;

/** Whether a source line's words arrived in the output corpus. */
export function arrived(line: string, corpus: string): boolean {
	const fragments = line.trim().startsWith('|') ? line.split('|').slice(1, -1) : [line];
	return fragments.every((fragment) => {
		const text = normalise(fragment);
		if (!text || /^[-:| ]*$/.test(text) || corpus.includes(text) || FIELD_LABEL.test(text))
			return true;
		// `Label: value` arrives when label and value both do; a heading or label line when its
		// pieces do ("P0 - Critical (Complete Outage)" → level, name and label fields).
		const pieces = text
			.replace(/^(scenario|phase|step|strategy|level)\s*\d+\s*[:.)-]\s*/, '')
			.split(/\s*[-–—]\s+|:\s*|\s*\(|\)\s*/)
			.map((piece) => piece.trim())
			.filter(Boolean);
		return pieces.every((piece) => corpus.includes(piece));
	});
}

/** Non-blank source lines that are not pure syntax (fences, rules, table separators). */
export const meaningfulLines = (text: string): string[] =>
	text
		.split('\n')
		.filter(
			(line) =>
				line.trim() &&
				!/^\s*(```|~~~)\s*\w*\s*$/.test(line) &&
				!/^\s*([-*_])(\s*\1){2,}\s*$/.test(line) &&
				!/^\s*\|?[\s:|-]+\|?\s*$/.test(line) &&
				!/^\s*=+\s*$/.test(line)
		);

export const read = (path: string) => readFileSync(path, 'utf8');
