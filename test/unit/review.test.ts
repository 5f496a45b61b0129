import { afterEach, describe, expect, test } from 'vitest';
import { addCycle, reviewStatus, todayIso } from '../../src/lib/review.ts';

describe('addCycle', () => {
	test('adds calendar months like the seeds: 2025-11-19 monthly is due 2025-12-19', () => {
		expect(addCycle('2025-11-19', 'monthly')).toBe('2025-12-19');
		expect(addCycle('2025-11-19', 'quarterly')).toBe('2026-02-19');
		expect(addCycle('2025-11-19', 'yearly')).toBe('2026-11-19');
		expect(addCycle('2025-12-29', 'weekly')).toBe('2026-01-05');
	});

	test('ends of months stay in the next month', () => {
		expect(addCycle('2025-01-31', 'monthly')).toBe('2025-02-28');
		expect(addCycle('2024-01-31', 'monthly')).toBe('2024-02-29');
	});
});

describe('reviewStatus', () => {
	const playbook = {
		owner: 'Platform',
		lastReviewed: '2025-11-19',
		reviewCycle: 'monthly' as const,
	};

	test('an entry without dates inherits the playbook owner and dates', () => {
		expect(reviewStatus({}, playbook, '2025-12-20')).toEqual({
			owner: 'Platform',
			lastReviewed: '2025-11-19',
			reviewCycle: 'monthly',
			nextDue: '2025-12-19',
			overdue: true,
			inherited: true,
		});
	});

	test("an entry's own owner and dates win; Next Review wins over the cycle", () => {
		const status = reviewStatus(
			{ owner: 'Payments', lastReviewed: '2025-12-01', nextReview: '2026-03-01' },
			playbook,
			'2026-01-10'
		);
		expect(status).toMatchObject({
			owner: 'Payments',
			lastReviewed: '2025-12-01',
			nextDue: '2026-03-01',
			overdue: false,
			inherited: false,
		});
	});

	test('nothing is due without a review date', () => {
		expect(reviewStatus({}, {}, '2026-01-10')).toEqual({
			reviewCycle: 'monthly',
			overdue: false,
			inherited: true,
		});
	});
});

describe('todayIso', () => {
	afterEach(() => {
		delete process.env.RESPONDER_TODAY;
	});

	test('RESPONDER_TODAY pins today', () => {
		process.env.RESPONDER_TODAY = '2026-02-03';
		expect(todayIso()).toBe('2026-02-03');
	});

	test('a malformed RESPONDER_TODAY is refused with what to write', () => {
		process.env.RESPONDER_TODAY = '03/02/2026';
		expect(() => todayIso()).toThrow(
			'RESPONDER_TODAY is `03/02/2026`; expected a date written YYYY-MM-DD, e.g. `2026-01-31`.'
		);
	});
});
