import { describe, expect, test } from 'vitest';
import { numberedCodeSteps } from '../../src/lib/numbered-steps.ts';

describe('numberedCodeSteps', () => {
	test('splits a block at its numbered comments, each step keeping its commands', () => {
		expect(
			numberedCodeSteps(
				'\n# 1. Check status\nrailway status\n\n# 2. Restart\n// not a step\nrailway restart\n'
			)
		).toEqual([
			{ text: 'Check status', code: 'railway status' },
			{ text: 'Restart', code: '// not a step\nrailway restart' },
		]);
	});

	test('reads `//` and `--` comments and `)` after the number', () => {
		expect(numberedCodeSteps('-- 1) Lock\nSELECT 1;\n// 2. Unlock')?.map((s) => s.text)).toEqual([
			'Lock',
			'Unlock',
		]);
	});

	test('is not steps unless the first line is step 1', () => {
		expect(numberedCodeSteps('railway logs\n# 1. Later')).toBeUndefined();
		expect(numberedCodeSteps('# 2. Second')).toBeUndefined();
		expect(numberedCodeSteps('')).toBeUndefined();
	});

	test('a number out of order belongs to the step before it', () => {
		expect(numberedCodeSteps('# 1. One\n# 3. Three\n# 2. Two')).toEqual([
			{ text: 'One', code: '# 3. Three' },
			{ text: 'Two', code: '' },
		]);
	});
});
