import { expect, test } from 'vitest';
import { parseDuration } from '../../src/lib/duration.ts';

test('cadences written the way the seed playbooks write them read as spans', () => {
	expect(parseDuration('Update every hour until resolved')).toMatchObject({
		kind: 'span',
		minutes: 60,
	});
	expect(parseDuration('Update every 30 minutes until resolved')).toMatchObject({
		kind: 'span',
		minutes: 30,
	});
	expect(parseDuration('4 hours (during business hours)')).toMatchObject({
		kind: 'span',
		minutes: 240,
		businessHours: true,
	});
	expect(parseDuration('Update when resolved')).toMatchObject({ kind: 'on-resolution' });
	expect(parseDuration('None required')).toMatchObject({ kind: 'none' });
	expect(parseDuration('every fortnight')).toBeUndefined();
});
