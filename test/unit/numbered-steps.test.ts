import { describe, expect, test } from 'vitest';
import { commandStep, commandSummary, numberedCodeSteps } from '../../src/lib/numbered-steps.ts';

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

describe('commandStep: a lone command block says what it does', () => {
	test('names the heading and the first comment of each paragraph (MaidConnect)', () => {
		const code = [
			'# Check Vercel deployment status',
			'# Recent deployment failed?',
			'# Build errors?',
			'',
			'# Check Supabase status',
			'# Database unreachable?',
			'',
			'# Check DNS',
			'dig maidconnect.com',
		].join('\n');
		expect(commandStep('Diagnosis', code)).toEqual({
			text: 'Diagnosis: Check Vercel deployment status; Check Supabase status; Check DNS',
			idText: 'Diagnosis',
		});
	});

	test('names a block without comments by its first command, clipped', () => {
		expect(
			commandStep('Rollback Procedure', 'git revert HEAD --no-commit\ngit push origin main')
		).toEqual({
			text: 'Rollback Procedure: run git revert HEAD --no-commit …',
			idText: 'Rollback Procedure',
		});
		expect(commandSummary(`psql -c "${'x'.repeat(80)}"`)).toMatch(/^run psql -c "x+…$/);
		expect(commandSummary(`psql -c "${'x'.repeat(80)}"`)).toHaveLength(64);
	});

	test('names at most three parts, drops a trailing colon and skips a shebang', () => {
		expect(commandSummary('# One:\n\n# Two\n\n# Three\n\n# Four')).toBe('One; Two; Three; …');
		expect(commandSummary('#!/bin/sh\nset -e\n')).toBe('run set -e');
		expect(commandSummary('-- Count connections\nSELECT 1;')).toBe('Count connections');
	});

	test('keeps the heading as the id text, so ticks stored before the label changed are kept', () => {
		expect(commandStep('Investigation', '# Check logs').idText).toBe('Investigation');
		expect(commandStep(undefined, 'railway logs')).toEqual({
			text: 'Run railway logs',
			idText: 'Run these commands',
		});
		expect(commandStep('Check', '')).toEqual({ text: 'Check', idText: 'Check' });
	});
});
