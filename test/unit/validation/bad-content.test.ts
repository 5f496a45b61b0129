import { cpSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { formatReport } from '../../../src/validation/diagnostic.ts';
import type { RuleId } from '../../../src/validation/rules.ts';
import { validateContent } from '../../../src/validation/validate.ts';

/**
 * Hostile and broken content (issue 16): each fixture under `bad-content/` holds one case; the
 * validator reports it with file, field and rule, and never throws.
 */
const fixture = (name: string) => join('test/fixtures/validation/bad-content', name, 'content');
const today = new Date('2025-06-01T00:00:00Z');

export interface BadCase {
	name: string;
	/** File relative to the content root, field and rule of the expected diagnostic. */
	file: string;
	field: string;
	rule: RuleId;
	message: RegExp;
	line?: number;
}

export const BAD_CASES: BadCase[] = [
	{
		name: 'date-impossible',
		file: 'fx/playbook.yaml',
		field: 'lastReviewed',
		rule: 'date',
		message: /`2025-13-45` is not a real date/,
		line: 3,
	},
	{
		name: 'yaml-alias-bomb',
		file: 'fx/severities/p1.yaml',
		field: '(file)',
		rule: 'parse',
		message: /alias bomb/,
	},
	{
		name: 'yaml-unknown-tag',
		file: 'fx/severities/p1.yaml',
		field: '(file)',
		rule: 'parse',
		message: /YAML tag that is not understood: .*!shell/,
		line: 3,
	},
	{
		name: 'symlink-loop',
		file: 'fx/scenarios/loop.mdx',
		field: '(file)',
		rule: 'symlink',
		message: /loops back on itself/,
	},
	{
		name: 'symlink-dangling',
		file: 'fx/scenarios/gone.mdx',
		field: '(file)',
		rule: 'symlink',
		message: /`missing\.mdx`, which does not exist/,
	},
	{
		name: 'symlink-outside-file',
		file: 'fx/scenarios/leak.mdx',
		field: '(file)',
		rule: 'symlink',
		message: /outside the content folder; it is not read or published/,
	},
	{
		name: 'symlink-outside-folder',
		file: 'fx/pages',
		field: '(file)',
		rule: 'symlink',
		message: /outside the content folder; it is not read or published/,
	},
	{
		name: 'folder-named-mdx',
		file: 'fx/scenarios/x.mdx',
		field: '(file)',
		rule: 'file-unreadable',
		message: /is a folder, not a file/,
	},
	{
		name: 'unknown-field',
		file: 'fx/scenarios/outage.mdx',
		field: 'symtoms',
		rule: 'unknown-field',
		message: /did you mean `symptoms`\?/,
		line: 3,
	},
	{
		name: 'unknown-field',
		file: 'fx/severities/p1.yaml',
		field: 'defintion',
		rule: 'unknown-field',
		message: /did you mean `definition`\?/,
		line: 8,
	},
	{
		name: 'utf8-invalid-body',
		file: 'fx/scenarios/outage.mdx',
		field: 'body',
		rule: 'encoding',
		message: /not valid UTF-8: the bytes E9 .* line 8 in the body/,
		line: 8,
	},
	{
		name: 'utf8-invalid-frontmatter',
		file: 'fx/scenarios/outage.mdx',
		field: 'title',
		rule: 'encoding',
		message: /not valid UTF-8: .* line 2 in the frontmatter/,
		line: 2,
	},
	{
		name: 'mojibake',
		file: 'fx/scenarios/outage.mdx',
		field: 'body',
		rule: 'mojibake',
		message: /`â€™`.*Windows-1252.*expected `’`/,
		line: 8,
	},
	{
		name: 'mojibake',
		file: 'fx/scenarios/outage.mdx',
		field: 'body',
		rule: 'mojibake',
		message: /`â€œ`.*expected `“`/,
		line: 9,
	},
	{
		name: 'mojibake',
		file: 'fx/scenarios/outage.mdx',
		field: 'body',
		rule: 'mojibake',
		message: /`â€\u009d`.*expected `”`/,
		line: 10,
	},
	{
		name: 'mojibake-mac-roman',
		file: 'fx/scenarios/outage.mdx',
		field: 'body',
		rule: 'mojibake',
		message: /`‚Üí`.*Mac Roman.*expected `→`/,
		line: 8,
	},
	{
		name: 'binary',
		file: 'fx/scenarios/outage.mdx',
		field: 'body',
		rule: 'encoding',
		message: /NUL bytes in the body/,
		line: 8,
	},
	{
		name: 'terminal-escapes',
		file: 'fx/scenarios/outage.mdx',
		field: 'alerts.0',
		rule: 'alert-name',
		message: /not an alert name/,
		line: 4,
	},
	{
		name: 'mdx-syntax',
		file: 'fx/scenarios/outage.mdx',
		field: 'body',
		rule: 'mdx',
		message: /does not compile as MDX/,
		line: 10,
	},
	{
		name: 'mdx-component',
		file: 'fx/scenarios/outage.mdx',
		field: 'body',
		rule: 'mdx-component',
		message: /`<Callout>`, which the body neither imports nor defines/,
		line: 10,
	},
	{
		name: 'alert-dots',
		file: 'fx/scenarios/outage.mdx',
		field: 'alerts.0',
		rule: 'alert-name',
		message: /^`\.` is not an alert name/,
	},
	{
		name: 'alert-dots',
		file: 'fx/scenarios/outage.mdx',
		field: 'alerts.1',
		rule: 'alert-name',
		message: /^`\.\.` is not an alert name/,
	},
	{
		name: 'duplicate-pinned-id',
		file: 'fx/scenarios/outage.mdx',
		field: 'body',
		rule: 'duplicate-checklist-id',
		message: /pins the checklist id `same`, which the step of line 8 pins too/,
		line: 9,
	},
	{
		name: 'union-type',
		file: 'fx/severities/p1.yaml',
		field: 'definition',
		rule: 'schema',
		message: /expected a string or a list of strings, got a mapping/,
		line: 8,
	},
	{
		name: 'reference-to-failed',
		file: 'fx/severities/p1.yaml',
		field: 'rank',
		rule: 'schema',
		message: /expected number/,
	},
];

const run = (root: string) => validateContent(root, { today }).diagnostics;

describe('bad content ends in the report, never in a stack trace', () => {
	for (const name of new Set(BAD_CASES.map((c) => c.name))) {
		test(name, () => {
			const root = fixture(name);
			const diagnostics = run(root);
			const expected = BAD_CASES.filter((c) => c.name === name);
			for (const c of expected) {
				const found = diagnostics.find(
					(d) =>
						d.file === join(root, c.file) &&
						d.field === c.field &&
						d.rule === c.rule &&
						c.message.test(d.message)
				);
				expect(
					found,
					`${c.file} ${c.field} [${c.rule}] in\n${formatReport(diagnostics)}`
				).toBeDefined();
				if (c.line !== undefined) expect(found!.line).toBe(c.line);
			}
			// One problem, one report: nothing follows on from it.
			expect(diagnostics.filter((d) => d.severity === 'error')).toHaveLength(expected.length);
		});
	}

	test('a UTF-8 byte-order mark is read past, not reported as missing frontmatter', () => {
		const { entries, diagnostics } = validateContent(fixture('utf8-bom'), { today });
		expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
		expect(entries.find((e) => e.id === 'fx/outage')?.value.title).toBe('Outage');
	});

	test('nothing is read through a symlink that leaves the content folder', () => {
		for (const name of ['symlink-outside-file', 'symlink-outside-folder']) {
			const { entries } = validateContent(fixture(name), { today });
			expect(JSON.stringify(entries.map((e) => [e.data, e.body]))).not.toContain(
				'SECRET-OUTSIDE-CONTENT'
			);
		}
	});

	test('a reference to an entry that failed its own schema is not reported again', () => {
		const diagnostics = run(fixture('reference-to-failed'));
		expect(diagnostics.filter((d) => d.rule === 'reference')).toEqual([]);
	});

	test('escape sequences and control bytes from content are shown escaped in the terminal report', () => {
		const report = formatReport(run(fixture('terminal-escapes')));
		expect(report).toContain('`Site\\x1b[2J\\x1b[31mDown`');
		expect(report).not.toMatch(/[\x00-\x08\x0B-\x1F\x7F-\x9F]/);
	});

	describe('a playbook folder whose name cannot be an address', () => {
		// Made at test time: a `"<>` name cannot be checked out on every system.
		const work = mkdtempSync(join(tmpdir(), 'responder-names-'));
		afterAll(() => rmSync(work, { recursive: true, force: true }));
		test('is reported, not passed on to break the build', () => {
			cpSync(
				fixture('union-type').replace('union-type', 'date-impossible'),
				join(work, 'content'),
				{ recursive: true }
			);
			renameSync(join(work, 'content/fx'), join(work, 'content/f"<>x'));
			const diagnostics = run(join(work, 'content'));
			expect(diagnostics).toContainEqual(
				expect.objectContaining({
					file: expect.stringMatching(/f"<>x\/playbook\.yaml$/),
					field: '(file)',
					rule: 'file-name',
					message: expect.stringMatching(/the name `f"<>x`/),
				})
			);
		});
	});
});
