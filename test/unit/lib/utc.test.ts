import { describe, expect, test } from 'vitest';
import { formatUtc } from '../../../src/lib/utc.ts';

describe('formatUtc', () => {
	const at = '2026-11-30T23:55:00.000Z';

	test('writes the date unless the time falls on the day of now', () => {
		expect(formatUtc(at)).toBe('2026-11-30 23:55 UTC');
		expect(formatUtc(at, new Date('2026-11-30T01:00:00Z'))).toBe('23:55 UTC');
		expect(formatUtc(at, new Date('2026-12-01T00:10:00Z'))).toBe('2026-11-30 23:55 UTC');
	});

	test('writes the time of day alone when asked, whatever the day of now', () => {
		expect(formatUtc(at, new Date('2026-12-01T00:10:00Z'), { timeOnly: true })).toBe('23:55 UTC');
		expect(formatUtc(at, undefined, { timeOnly: true })).toBe('23:55 UTC');
	});
});
