import { expect, test } from 'vitest';
import { validateContent } from '../../src/validation/validate.ts';

test('warns about checklist steps repeated within one document, in MDX task lists and YAML', () => {
	const { diagnostics } = validateContent('test/fixtures/checklist-duplicates', {
		today: new Date('2026-11-22'),
	});
	const found = diagnostics
		.filter((diagnostic) => diagnostic.rule === 'duplicate-checklist-item')
		.map(
			({ file, line, field, severity, message }) =>
				`${severity} ${file.replace(/^.*checklist-duplicates\//, '')}:${line} ${field}: ${message}`
		);
	expect(found).toMatchInlineSnapshot(`
		[
		  "warning shop/severities/p0.yaml:7 actions.2: repeats the checklist step \`Page the on-call engineer\` of line 5, so their ticks are told apart only by order (expected each step once, or an id at the end such as \`{#second-check}\` on one of them)",
		  "warning shop/scenarios/outage.mdx:9 body: repeats the checklist step \`Check the dashboards\` of line 7, so their ticks are told apart only by order (expected each step once, or an id at the end such as \`\\{#second-check}\` on one of them)",
		  "warning shop/scenarios/outage.mdx:13 body: repeats the checklist step \`Check the dashboards!\` of line 7, so their ticks are told apart only by order (expected each step once, or an id at the end such as \`\\{#second-check}\` on one of them)",
		  "warning shop/checklists/during.yaml:11 groups.1.items.1: repeats the checklist step \`declare the incident\` of line 5, so their ticks are told apart only by order (expected each step once, or an \`id:\` such as \`second-check\` on one of them)",
		]
	`);
	expect(diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
});
