import { describe, expect, it } from 'vitest';
import { serialise, writePlaybook } from '../../../src/importer/writer.ts';
import { validateContent } from '../../../src/validation/validate.ts';
import { tempContent } from './helpers.ts';
import { expectedOf, fixtureNames, importFixture, KINDS, project } from './shapes.ts';

describe.each(fixtureNames())('shape fixture %s', (name) => {
	const result = importFixture(name);
	const expected = expectedOf(name);

	it('types exactly the expected entries, and nothing as another kind', () => {
		const typed = project(result);
		for (const kind of KINDS) expect(typed[kind], kind).toEqual(expected[kind] ?? []);
	});

	it('lists what it was unsure of under "check these": where, what it became, and why', () => {
		expect(result.check).toEqual(expected.check ?? []);
	});

	it('writes content that validates with no errors', () => {
		const out = tempContent();
		writePlaybook(serialise('demo', result.imported), { out, playbook: 'demo' });
		const { diagnostics } = validateContent(out);
		expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
		if (expected.playbook) expect(result.imported.playbook).toMatchObject(expected.playbook);
	});
});
