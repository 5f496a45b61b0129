import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';

const validate = (...args: string[]) =>
	spawnSync(process.execPath, ['scripts/validate.ts', ...args], { encoding: 'utf8' });

describe('npm run validate', () => {
	test('groups problems by file, one line each with field and rule, and ends with a count', () => {
		const run = validate('--content', 'test/fixtures/validation/field-duplicate/content');
		expect(run.status).toBe(1);
		expect(run.stdout).toContain(
			'test/fixtures/validation/field-duplicate/content/fx/templates/notice.yaml\n'
		);
		expect(run.stdout).toMatch(
			/notice\.yaml:\d+: fields\.1\.name: `impact` is declared twice \(expected each field name once\) \[field-duplicate\]/
		);
		expect(run.stdout.trim().split('\n').at(-1)).toBe('1 error, 0 warnings in 1 file.');
		expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
	});

	test('a content folder that does not exist gets one line naming it, not a stack trace', () => {
		const run = validate('--content', 'no/such/folder');
		expect(run.status).toBe(2);
		expect(run.stdout).toBe('');
		expect(run.stderr.trim().split('\n')).toEqual([
			'--content `no/such/folder` is not a folder (expected the folder that holds the playbooks, e.g. `content`).',
		]);
	});
});
