import type { ReviewCycle } from '../schemas/common.ts';

/** The ownership and review fields an entry may set (`ReviewSchema`). */
export interface ReviewFields {
	owner?: string | undefined;
	lastReviewed?: string | undefined;
	reviewCycle?: ReviewCycle | undefined;
	nextReview?: string | undefined;
}

/** Who owns an entry and whether its review is overdue, after inheriting from the playbook. */
export interface ReviewStatus {
	owner?: string;
	lastReviewed?: string;
	reviewCycle: ReviewCycle;
	/** YYYY-MM-DD the next review is due, when a review date is known. */
	nextDue?: string;
	/** True when `nextDue` is before today. */
	overdue: boolean;
	/** True when the dates come from the playbook rather than the entry itself. */
	inherited: boolean;
}

const CYCLE: Record<ReviewCycle, { days?: number; months?: number }> = {
	weekly: { days: 7 },
	monthly: { months: 1 },
	quarterly: { months: 3 },
	yearly: { months: 12 },
};

/** `date` plus one review cycle, in calendar months like the seeds (2025-11-19 → 2025-12-19). */
export function addCycle(date: string, cycle: ReviewCycle): string {
	const [year, month, day] = date.split('-').map(Number) as [number, number, number];
	const { days = 0, months = 0 } = CYCLE[cycle];
	const lastDay = new Date(Date.UTC(year, month - 1 + months + 1, 0)).getUTCDate();
	// Jan 31 + 1 month is the last day of February, not March 3.
	const next = new Date(Date.UTC(year, month - 1 + months, Math.min(day, lastDay) + days));
	return next.toISOString().slice(0, 10);
}

/**
 * The review state of an entry. The entry's own owner wins over the playbook's; its review dates
 * win when it sets any, otherwise the playbook's apply.
 */
export function reviewStatus(
	own: ReviewFields,
	playbook: ReviewFields = {},
	today: string = todayIso()
): ReviewStatus {
	const inherited = own.lastReviewed === undefined && own.nextReview === undefined;
	const dates = inherited ? playbook : own;
	const reviewCycle = dates.reviewCycle ?? own.reviewCycle ?? playbook.reviewCycle ?? 'monthly';
	const nextDue =
		dates.nextReview ??
		(dates.lastReviewed ? addCycle(dates.lastReviewed, reviewCycle) : undefined);
	const owner = own.owner ?? playbook.owner;
	return {
		...(owner !== undefined && { owner }),
		...(dates.lastReviewed !== undefined && { lastReviewed: dates.lastReviewed }),
		reviewCycle,
		...(nextDue !== undefined && { nextDue }),
		overdue: nextDue !== undefined && nextDue < today,
		inherited,
	};
}

/** Today as YYYY-MM-DD; `RESPONDER_TODAY` pins it so builds and tests are reproducible. */
export function todayIso(): string {
	const pinned = process.env.RESPONDER_TODAY;
	if (pinned === undefined || pinned === '') return new Date().toISOString().slice(0, 10);
	if (!/^\d{4}-\d{2}-\d{2}$/.test(pinned) || Number.isNaN(Date.parse(pinned))) {
		throw new Error(
			`RESPONDER_TODAY is \`${pinned}\`; expected a date written YYYY-MM-DD, e.g. \`2026-01-31\`.`
		);
	}
	return pinned;
}
