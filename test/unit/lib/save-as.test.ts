import { describe, expect, test } from 'vitest';
import { segmentsToText } from '../../../src/lib/placeholders.ts';
import { fileValue, fileWords, fillFileName } from '../../../src/lib/save-as.ts';

/** The Restaurant OS incident record's file name and the fields that fill it. */
const RECORD = 'incidents/YYYY-MM-DD-HH-MM-brief-description.md';
const RECORD_FIELDS = [
	{ name: 'summary', tokens: ['[Brief Description]', 'brief-description'] },
	{ name: 'started', tokens: ['YYYY-MM-DD HH:MM UTC', 'YYYY-MM-DD-HH-MM'] },
];

describe('the file a template says to save as', () => {
	test('fills date and words from the fields, in file-name form', () => {
		const segments = fillFileName(RECORD, RECORD_FIELDS, {
			summary: 'Orders failing at checkout!',
			started: '2025-11-19 14:05 UTC',
		});
		expect(segmentsToText(segments)).toBe(
			'incidents/2025-11-19-14-05-orders-failing-at-checkout.md'
		);
		expect(segments.filter((segment) => segment.kind === 'field')).toHaveLength(2);
	});

	test('leaves each blank it cannot fill marked, never a guess', () => {
		const segments = fillFileName(RECORD, RECORD_FIELDS, { summary: 'Orders down' });
		expect(segmentsToText(segments)).toBe('incidents/YYYY-MM-DD-HH-MM-orders-down.md');
		expect(segments).toContainEqual({
			kind: 'field',
			name: 'started',
			text: 'YYYY-MM-DD-HH-MM',
			filled: false,
		});
	});

	test.each([
		['YYYYMMDD', '2025-11-19', '20251119'],
		['YYYY-MM-DD', '2025-11-19T14:05', '2025-11-19'],
		['YYYY-MM-DD-HH-MM', '2025-11-19T14:05', '2025-11-19-14-05'],
		['YYYYMMDD-HHmm', '2025-11-19 14:05 UTC', '20251119-1405'],
	])('writes the date pattern `%s` from `%s`', (blank, value, expected) => {
		expect(fileValue(value, blank)).toBe(expected);
	});

	test('a date pattern needs a date, and a time when it names one', () => {
		expect(fileValue('2025-11-19', 'YYYY-MM-DD-HH-MM')).toBeUndefined();
		expect(fileValue('yesterday', 'YYYYMMDD')).toBeUndefined();
	});

	test('words keep letters and digits only, so no value can leave the folder or hide', () => {
		expect(fileWords('../../etc/passwd')).toBe('etc-passwd');
		expect(fileWords('Café \u202Egnp.exe')).toBe('café-gnp-exe');
		expect(fileWords('  —  ')).toBeUndefined();
		expect(fileWords('x'.repeat(200))).toHaveLength(60);
	});
});
