import { z } from 'astro/zod';
import { DurationSchema, LinesSchema } from './common.ts';

/** Targets a severity sets, each a duration the incident clocks count down from. */
export const TargetsSchema = () =>
	z.strictObject({
		/** From detection to someone saying "I have it". */
		acknowledge: DurationSchema().optional(),
		/** Until work starts (the seeds' "Response Time" / "Initial response"). */
		response: DurationSchema().optional(),
		/** How often stakeholders hear from the incident ("Every 15 minutes"). */
		update: DurationSchema().optional(),
		/** By when service should be restored ("SLA: Resolve within 1 hour"). */
		resolution: DurationSchema().optional(),
	});

/**
 * One level of a playbook's severity ladder: `content/<playbook>/severities/<level>.yaml`.
 * Scales differ between teams (P0–P4, P1–P4, SEV-1–3); `rank` orders them, 0 = most severe.
 */
export const SeveritySchema = () =>
	z.strictObject({
		/** The id responders say out loud: `P0`, `SEV-1`. */
		level: z
			.string()
			.regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, 'expected a short level id such as `P0` or `SEV-1`'),
		/** Order on the ladder, 0 = most severe; unique within a playbook. */
		rank: z.number().int().min(0),
		/** Short name: `Critical`, `High`. */
		name: z.string().min(1),
		/** The team's subtitle for the level: `Complete Outage`. */
		label: z.string().optional(),
		/** The colour marker the source uses (🔴 🟠 🟡 🟢 🔵), shown beside the level. */
		marker: z.string().optional(),
		/** What makes an incident this severe. */
		definition: LinesSchema().default([]),
		/** Who and what is hurt at this level (users, revenue, reputation). */
		impact: LinesSchema().default([]),
		/** Incidents that were or would be this severe. */
		examples: z.array(z.string()).default([]),
		targets: TargetsSchema().default({}),
		/** Other target lines kept word for word ("Initial response: Immediate (24/7)" goes in `targets`). */
		targetNotes: z.array(z.string()).default([]),
		/** Who is paged and when, as written (`Yes, 24/7`, `Business hours`, `on-call + CTO`). */
		paging: z.string().optional(),
		/** Who gets pulled in, and when. */
		escalation: LinesSchema().default([]),
		/** Channels used to notify (`Email + SMS + Phone + Status page`). */
		notifications: LinesSchema().default([]),
		/** How often and where to communicate, as written. */
		communication: z.string().optional(),
		/** Whether a post-mortem is owed, and by when. */
		postMortem: z
			.object({
				required: z.enum(['required', 'optional', 'not-required']),
				within: DurationSchema().optional(),
				text: z.string().optional(),
			})
			.optional(),
		/** Steps to take at this level (MaidConnect's action checklist). */
		actions: z.array(z.string()).default([]),
		/** Impact-matrix answers that point to this level; the severity helper asks about them. */
		criteria: z
			.object({
				/** Share of users affected, as written (`> 50%`). */
				usersAffected: z.string().optional(),
				/** The same as numbers, percent: `[50, 100]`. */
				usersAffectedRange: z.tuple([z.number(), z.number()]).optional(),
				revenue: z.string().optional(),
				slo: z.string().optional(),
				example: z.string().optional(),
			})
			.optional(),
	});

export type SeverityInput = z.input<ReturnType<typeof SeveritySchema>>;
export type Severity = z.output<ReturnType<typeof SeveritySchema>>;
