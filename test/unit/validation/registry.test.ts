import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { RULES, ruleAnchor, type RuleId } from '../../../src/validation/rules.ts';

const contributing = readFileSync(new URL('../../../CONTRIBUTING.md', import.meta.url), 'utf8');

/** CONTRIBUTING's rule table as `id → kind`, read from its anchored rows. */
const documented = new Map(
	[
		...contributing.matchAll(
			/^\| <a id="rule-([a-z0-9-]+)"><\/a>`([a-z0-9-]+)` \| (error|warning) \|/gm
		),
	].map((match) => {
		expect(match[2], 'the anchor names the row’s own rule').toBe(match[1]);
		return [match[1]!, match[3]!];
	})
);

test('every rule of the registry has its anchored row in CONTRIBUTING, with the same kind', () => {
	for (const [id, info] of Object.entries(RULES)) {
		expect(contributing, `anchor for ${id}`).toContain(`id="${ruleAnchor(id as RuleId)}"`);
		expect(documented.get(id), `kind of ${id}`).toBe(info.severity);
	}
});

test('CONTRIBUTING documents no rule the registry lacks', () => {
	expect([...documented.keys()].filter((id) => !Object.hasOwn(RULES, id))).toEqual([]);
});

test('rule ids are written in kebab case', () => {
	for (const id of Object.keys(RULES)) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
});
