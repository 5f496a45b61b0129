import { cpSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { formatReport } from '../../../src/validation/diagnostic.ts';
import { validateContent } from '../../../src/validation/validate.ts';
import { BAD_CASES } from './bad-cases.ts';

/**
 * Hostile and broken content (issue 16): each fixture under `bad-content/` holds one case; the
 * validator reports it with file, field and rule, and never throws.
 */
const fixture = (name: string) => join('test/fixtures/validation/bad-content', name, 'content');
const today = new Date('2025-06-01T00:00:00Z');

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
		expect(report).toContain('`Site\\x1B[2J\\x1B[31mDown`');
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
