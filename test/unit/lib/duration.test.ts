import { describe, expect, test } from 'vitest';
import { formatMinutes, parseDuration } from '../../../src/lib/duration.ts';

describe('parseDuration', () => {
	test.each([
		['5 minutes', 'span', 5, false],
		['15 min', 'span', 15, false],
		['1h', 'span', 60, false],
		['Within 1 hour', 'span', 60, false],
		['Every 15 minutes', 'span', 15, false],
		['Within 4 hours (business hours)', 'span', 240, true],
		['4 hours (business hours)', 'span', 240, true],
		['1 business day', 'span', 480, true],
		['1 week', 'span', 10080, false],
		['24 hours', 'span', 1440, false],
		['< 15 minutes', 'span', 15, false],
		['Immediate (< 5 minutes)', 'immediate', undefined, false],
		['Immediate (24/7)', 'immediate', undefined, false],
		['Daily', 'span', 1440, false],
		['Hourly status updates', 'span', 60, false],
		['Every 2 hours status updates', 'span', 120, false],
		['SLA: Resolve within 1 hour', undefined, undefined, false],
		['Resolve within 1 hour', 'span', 60, false],
		['Best effort', 'best-effort', undefined, false],
		['As needed', 'as-needed', undefined, false],
		['As scheduled', 'scheduled', undefined, false],
		['Update when resolved', 'on-resolution', undefined, false],
		['Update every 30 minutes until resolved', 'span', 30, false],
		['None required', 'none', undefined, false],
	])('reads %j', (text, kind, minutes, businessHours) => {
		const duration = parseDuration(text);
		if (kind === undefined) return expect(duration).toBeUndefined();
		expect(duration).toEqual({
			text,
			kind,
			businessHours,
			...(minutes === undefined ? {} : { minutes }),
		});
	});

	test.each(['soon', 'whenever convenient', '', 'ten minutes', '15 parsecs'])(
		'refuses %j',
		(text) => {
			expect(parseDuration(text)).toBeUndefined();
		}
	);
});

test('formatMinutes shortens spans for clocks', () => {
	expect([formatMinutes(5), formatMinutes(60), formatMinutes(90), formatMinutes(1500)]).toEqual([
		'5 min',
		'1 h',
		'1 h 30 min',
		'1 d 1 h',
	]);
});
