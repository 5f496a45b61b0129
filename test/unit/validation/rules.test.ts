import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { validateContent } from '../../../src/validation/validate.ts';

const fixture = (name: string) => join('test/fixtures/validation', name, 'content');
const today = new Date('2025-06-01T00:00:00Z');

/** Each broken fixture holds one problem: the validator names its file, field and rule. */
const cases: { rule: string; file: string; field: string; message: RegExp }[] = [
	{ rule: 'parse', file: 'fx/severities/p1.yaml', field: '(file)', message: /is not valid YAML/ },
	{
		rule: 'schema',
		file: 'fx/severities/p1.yaml',
		field: 'rank',
		message: /expected number, got string `first`/,
	},
	{
		rule: 'schema',
		file: 'fx/severities/p1.yaml',
		field: 'name',
		message: /is missing \(expected string\)/,
	},
	{
		rule: 'duration',
		file: 'fx/severities/p1.yaml',
		field: 'targets.update',
		message: /`whenever convenient` as a duration/,
	},
	{
		rule: 'date',
		file: 'fx/playbook.yaml',
		field: 'lastReviewed',
		message: /`2025-02-30` is not a real date/,
	},
	{
		rule: 'reference',
		file: 'fx/scenarios/outage.mdx',
		field: 'severity',
		message: /`fx\/p0`.*did you mean `fx\/p1`/,
	},
	{
		rule: 'playbook-missing',
		file: 'ghost/severities/p1.yaml',
		field: '(file)',
		message: /no playbook.yaml/,
	},
	{
		rule: 'duplicate-level',
		file: 'fx/severities/b.yaml',
		field: 'level',
		message: /`P1` is already used/,
	},
	{
		rule: 'duplicate-rank',
		file: 'fx/severities/b.yaml',
		field: 'rank',
		message: /`0` is already used/,
	},
	{
		rule: 'placeholder-undeclared',
		file: 'fx/templates/notice.yaml',
		field: 'body',
		message: /blank `\[name\]`/,
	},
	{
		rule: 'field-unused',
		file: 'fx/templates/notice.yaml',
		field: 'fields.1.tokens.0',
		message: /`\[ETA\]` does not appear/,
	},
	{
		rule: 'field-duplicate',
		file: 'fx/templates/notice.yaml',
		field: 'fields.1.name',
		message: /`impact` is declared twice/,
	},
	{
		rule: 'escalation-order',
		file: 'fx/escalation/chain.yaml',
		field: 'levels.1.after',
		message: /before the previous level/,
	},
];

describe('content validation rules', () => {
	test.each(cases)('reports $rule in $file at $field', ({ rule, file, field, message }) => {
		const root = fixture(rule);
		const { diagnostics } = validateContent(root, { today });
		const found = diagnostics.find((d) => d.rule === rule && d.field === field);
		expect(found, JSON.stringify(diagnostics, null, 1)).toBeDefined();
		expect(found!.file).toBe(join(root, file));
		expect(found!.message).toMatch(message);
		expect(found!.severity).toBe('error');
	});

	test('valid content yields no problems at all', () => {
		expect(validateContent(fixture('valid'), { today }).diagnostics).toEqual([]);
	});

	test('the bundled playbooks have no errors', () => {
		const { diagnostics } = validateContent('content');
		expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
	});

	test('reports every problem of a file in one run, with the line where the field stands', () => {
		const { diagnostics } = validateContent(fixture('schema'), { today });
		expect(diagnostics.map((d) => [d.field, d.line])).toEqual(
			expect.arrayContaining([
				['rank', 2],
				['name', undefined],
			])
		);
		expect(diagnostics).toHaveLength(2);
	});
});
