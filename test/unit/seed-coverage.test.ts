import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DAMAGE_MARKERS, repairEncoding } from '../../src/lib/encoding.ts';
import { loadContent } from '../../src/validation/load.ts';

/**
 * Proves that every line of the five source playbooks arrives in `content/`: after encoding
 * repair and with Markdown syntax stripped, each non-blank line is found in the text of the
 * content folder, normalised the same way.
 */

/** A copy of ../shared/seeds, so the test runs on any clone. */
const seedsDir = join(import.meta.dirname, '../fixtures/seeds');
const CONTENT = join(import.meta.dirname, '../../content');

/** Seed file → the playbook folder it became. */
const PLAYBOOKS: Record<string, string> = {
	'000': 'restaurant-os',
	'001': 'sentia',
	'002': 'stolentee',
	'003': 'servio',
	'004': 'maidconnect',
};

/** Markdown syntax of one line removed; `null` for lines that are only syntax. */
export function normaliseLine(line: string): string | null {
	let text = line.trim();
	if (/^(```|~~~)/.test(text)) return null;
	if (/^(-{3,}|\*{3,}|_{3,})$/.test(text)) return null;
	if (/^\|?[\s:|-]+\|[\s:|-]*$/.test(text) && text.includes('-')) return null;
	text = text
		.replace(/^>\s+/, '')
		.replace(/^#{1,6}\s+/, '')
		.replace(/\*\*|__/g, '')
		.replace(/^(?:[-*+]|\d+\.)\s+/, '')
		.replace(/^\[[ xX]\]\s+/, '')
		// Icons before a heading or list item are decoration; severity markers are typed fields.
		.replace(
			/^[\p{Extended_Pictographic}\uFE0F\u200D\s]+(?=\S)|(?<=\S)[\p{Extended_Pictographic}\uFE0F\u200D\s]+$/gu,
			''
		)
		// Links keep text and URL; in-document anchors (`#site-outage`) became links between pages.
		.replace(/!?\[([^\]]*)\]\(#[^)\s]*\)/g, '$1')
		.replace(/!?\[([^\]]*)\]\(([^)\s]*)\)/g, '$1 $2')
		.replace(/`/g, '')
		.replace(/\\([<>{}[\]*_`|#-])/g, '$1')
		.replace(/\|/g, ' ')
		.replace(/\s+/g, ' ')
		.trim()
		.toLowerCase();
	return text === '' ? null : text;
}

/** Every string value and key of a parsed YAML value; keys split into words (`firstAction` → `first action`). */
function strings(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (typeof value === 'number') return [String(value)];
	if (Array.isArray(value)) return value.flatMap(strings);
	if (value && typeof value === 'object') {
		return Object.entries(value).flatMap(([key, inner]) => [
			key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/-/g, ' '),
			...strings(inner),
		]);
	}
	return [];
}

function contentText(): string {
	const { entries } = loadContent(CONTENT);
	const texts = entries.flatMap((entry) => [...strings(entry.data), entry.body]);
	return texts
		.flatMap((text) => text.split('\n'))
		.map(normaliseLine)
		.filter((line): line is string => line !== null)
		.join('\n');
}

/**
 * A line is found as a whole, as a table row whose every cell is found (rows become fields), or
 * as "Label: value" with both parts found (labels become field names and headings).
 */
function found(line: string, corpus: string, raw = line): boolean {
	if (corpus.includes(line)) return true;
	// "Critical (Production Down)": a name with its label in brackets, each a field of its own.
	const bracketed = /^([^()]+?) \(([^()]+)\)$/.exec(line);
	if (bracketed && corpus.includes(bracketed[1]!) && corpus.includes(bracketed[2]!)) return true;
	if (/^\|.*\|$/.test(raw.trim())) {
		const cells = raw
			.trim()
			.slice(1, -1)
			.split('|')
			.map((cell) => normaliseLine(cell));
		return cells.every((cell) => cell === null || found(cell, corpus));
	}
	const labelled = /^([^:]{1,60}):\s*(.*)$/.exec(line) ?? /^(\S.{0,40}?) - (.+)$/.exec(line);
	if (!labelled) return false;
	const label = labelled[1]!.trim();
	const value = labelled[2]!;
	const field = LABEL_FIELDS.find(([pattern]) => pattern.test(label))?.[1];
	// "Level 1 (0-15 min)": a label with a note in brackets, each part a field of its own.
	const parts = /^(.+?) \((.+)\)$/.exec(label)?.slice(1) ?? [label];
	const labelFound =
		parts.every((part) => corpus.includes(part)) || (field !== undefined && corpus.includes(field));
	return labelFound && (value === '' || found(value, corpus));
}

/** Source labels that became a schema field of another name (the field name is in the corpus as words). */
const LABEL_FIELDS: [RegExp, string][] = [
	[/^likely causes$/, 'causes'],
	[/^example incidents$/, 'examples'],
	[/^don't$/, 'dont'],
	[/^escalate to l\d if$/, 'escalate if'],
];

/**
 * Seed lines left out of `content/` on purpose, each with the reason. The test fails if one of
 * them arrives after all, so the list cannot go stale.
 */
const LEFT_OUT: Record<string, { line: string; why: string }[]> = {
	'002': [
		{
			line: '| 2025-11-27 | P1 | Worker stuck | 2h | Rate limit | [Link](#) |',
			why: 'an example past incident in the incident log template: every copy would file it again',
		},
		{
			line: '| 2025-11-20 | P0 | Site down | 30m | Deployment | [Link](#) |',
			why: 'an example past incident in the incident log template: every copy would file it again',
		},
	],
};

const seedFiles = readdirSync(seedsDir).filter((name) => /^\d{3}_.*\.txt$/.test(name));

describe('seed coverage', () => {
	const corpus = contentText();

	test('all five seeds are mapped to a playbook folder', () => {
		expect(seedFiles.map((name) => PLAYBOOKS[name.slice(0, 3)])).toEqual(Object.values(PLAYBOOKS));
	});

	for (const name of seedFiles) {
		const playbook = PLAYBOOKS[name.slice(0, 3)]!;
		test(`every line of ${name} arrives in content/${playbook}`, () => {
			const seed = repairEncoding(readFileSync(join(seedsDir, name), 'utf8')).text;
			const missing = seed
				.split('\n')
				.map((line) => [line, normaliseLine(line)] as const)
				.filter(([raw, line]) => line !== null && !found(line, corpus, raw))
				.map(([line]) => line.trim());
			const leftOut = (LEFT_OUT[name.slice(0, 3)] ?? []).map(({ line }) => line);
			expect(missing, `lines of ${name} missing from content/`).toEqual(leftOut);
		});
	}

	test('the matcher fails on a line the content does not hold', () => {
		expect(found(normaliseLine('- **Flux capacitor:** 1.21 gigawatts')!, corpus)).toBe(false);
	});
});

describe('no damaged text in content', () => {
	test('no file under content/ holds a damage marker', () => {
		const { entries } = loadContent(CONTENT);
		expect(entries.length).toBeGreaterThan(0);
		const damaged = entries
			.filter((entry) => DAMAGE_MARKERS.test(JSON.stringify(entry.data) + entry.body))
			.map((entry) => entry.file);
		expect(damaged).toEqual([]);
	});

	test('the marker catches the damage the seeds carry', () => {
		expect(DAMAGE_MARKERS.test('Database ‚Üí API')).toBe(true);
		expect(DAMAGE_MARKERS.test(repairEncoding('Database ‚Üí API').text)).toBe(false);
	});
});
