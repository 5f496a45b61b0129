import { describe, expect, it } from 'vitest';
import { mergeConflicts } from '../../../src/lib/merge-conflicts.ts';

describe('mergeConflicts', () => {
	it('finds each whole conflict with its marker lines, diff3 base included', () => {
		const text = [
			'# Runbook',
			'<<<<<<< HEAD',
			'Page the DBA.',
			'||||||| base',
			'Page someone.',
			'=======',
			'Page the on-call DBA.',
			'>>>>>>> main',
			'',
			'<<<<<<< ours',
			'a',
			'=======',
			'b',
			'>>>>>>> theirs',
		].join('\n');
		expect(mergeConflicts(text)).toEqual([
			{ lines: [2, 4, 6, 8], marker: '<<<<<<< HEAD' },
			{ lines: [10, 12, 14], marker: '<<<<<<< ours' },
		]);
	});

	it('is none in fenced code, as a heading underline, or without its middle marker', () => {
		const text = [
			'Title',
			'=======',
			'',
			'````md',
			'<<<<<<< HEAD',
			'```',
			'=======',
			'>>>>>>> main',
			'````',
			'',
			'<<<<<<< HEAD',
			'no middle',
			'>>>>>>> main',
			'<<<<<<<< eight',
			'=======',
			'>>>>>>> main',
		].join('\n');
		expect(mergeConflicts(text)).toEqual([]);
	});
});
