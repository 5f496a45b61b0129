import { z } from 'astro/zod';
import { parseDuration } from '../lib/duration.ts';
import type { RuleId } from '../validation/rules.ts';
import type { CollectionName } from './collections.ts';

/**
 * Builds a reference to another collection. Inside Astro this is `reference()` from
 * `astro:content`; the stand-alone validator passes a plain id string and checks that the entry
 * exists itself (Astro only logs a missing id).
 */
export type RefFactory<R extends z.ZodType = z.ZodType> = (collection: CollectionName) => R;

/** A stand-alone `RefFactory`: ids as strings, existence checked by the validator. */
export const idRef: RefFactory = () => z.string().min(1);

/** One line of prose or a list of them; always read as a list. */
export const LinesSchema = () =>
	z
		.union([z.string(), z.array(z.string())])
		.transform((value) => (typeof value === 'string' ? [value] : value));

/** A duration as written ("15 minutes", "Immediate (24/7)"); read into `Duration`. */
export const DurationSchema = () =>
	z.string().transform((text, ctx) => {
		const duration = parseDuration(text);
		if (duration) return duration;
		ctx.addIssue({
			code: 'custom',
			message: `could not read \`${text}\` as a duration (expected a length such as \`15 minutes\`, \`1h\`, \`1 business day\`, or \`Immediate\`, \`Best effort\`, \`As needed\`)`,
			params: { rule: 'duration' satisfies RuleId },
		});
		return z.NEVER;
	});

/** A calendar date written as YYYY-MM-DD; impossible dates such as 2025-02-30 are errors. */
export const DateSchema = () =>
	z.union([z.string(), z.date()]).transform((value, ctx) => {
		// An impossible date (`2025-13-45`) is an Invalid Date, whose toISOString() throws.
		const iso = (date: Date) =>
			Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
		const text = value instanceof Date ? iso(value) || String(value) : value;
		if (/^\d{4}-\d{2}-\d{2}$/.test(text) && iso(new Date(`${text}T00:00:00Z`)) === text)
			return text;
		ctx.addIssue({
			code: 'custom',
			message: `\`${text}\` is not a real date (expected YYYY-MM-DD, e.g. \`2025-11-19\`)`,
			params: { rule: 'date' satisfies RuleId },
		});
		return z.NEVER;
	});

/** How often an entry must be reviewed; the seeds write "Monthly". */
export const ReviewCycleSchema = () => z.enum(['weekly', 'monthly', 'quarterly', 'yearly']);

export type ReviewCycle = z.output<ReturnType<typeof ReviewCycleSchema>>;

/** Ownership and review fields shared by playbooks and scenarios. */
export const ReviewSchema = () =>
	z.strictObject({
		/** Who keeps this entry true (a team or a person). */
		owner: z.string().optional(),
		/** When someone last checked this against reality. */
		lastReviewed: DateSchema().optional(),
		/** How often it must be checked again; default `monthly` when `lastReviewed` is set. */
		reviewCycle: ReviewCycleSchema().optional(),
		/** The seeds' "Next Review" date; when absent it is `lastReviewed` plus one `reviewCycle`. */
		nextReview: DateSchema().optional(),
	});

/** A link a responder opens during an incident. */
export const LinkSchema = () =>
	z.strictObject({
		label: z.string(),
		/** An absolute URL, a bare host ("status.stripe.com") or a placeholder such as "[Your Sentry URL]". */
		url: z.string(),
		/** What the link is, to group it: dashboard, health check, status page, logs, support, docs. */
		kind: z
			.enum(['dashboard', 'health', 'status', 'logs', 'support', 'docs', 'other'])
			.default('other'),
		/** Who has access, or anything else to know before opening it. */
		note: z.string().optional(),
	});
