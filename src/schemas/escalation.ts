import { z } from 'astro/zod';
import { DurationSchema, type RefFactory } from './common.ts';

/** One step of an escalation path. */
export const EscalationLevelSchema = <R extends z.ZodType>(ref: RefFactory<R>) =>
	z.strictObject({
		/** `L1`, `Level 2`, or the severity it applies to. */
		id: z.string().min(1),
		/** Who is engaged: a role or a person. */
		who: z.string().min(1),
		/** Elapsed time since the incident started when this level is engaged (`15 min`). */
		after: DurationSchema().optional(),
		/** What sends the incident to this level, as written (`paged if no ack in 10 minutes`). */
		condition: z.string().optional(),
		/** How this level is reached (`phone`, `page`, `Slack`). */
		via: z.string().optional(),
		/** The time window as written (`15-30 min`). */
		window: z.string().optional(),
		/** The severity this level answers, for severity tables. */
		severity: ref('severities').optional(),
		/** How fast this level must respond. */
		responseTime: DurationSchema().optional(),
		responsibilities: z.array(z.string()).default([]),
		/** What this level may do without asking. */
		authority: z.array(z.string()).default([]),
		/** Conditions that send the incident to the next level. */
		escalateIf: z.array(z.string()).default([]),
	});

/**
 * How an incident moves up: `content/<playbook>/escalation/<slug>.yaml`. Three styles from the
 * seeds: `levels` (L1–L3 with authority), `time` (engage by elapsed minutes), `severity` (a table).
 */
export const EscalationSchema = <R extends z.ZodType>(ref: RefFactory<R>) =>
	z.strictObject({
		title: z.string().min(1),
		style: z.enum(['levels', 'time', 'severity']),
		summary: z.string().optional(),
		levels: z.array(EscalationLevelSchema(ref)).min(1),
		/** Notes that apply to the whole path (alert channels, paging tools). */
		notes: z.array(z.string()).default([]),
	});

export type EscalationInput = z.input<ReturnType<typeof EscalationSchema>>;
export type Escalation = z.output<ReturnType<typeof EscalationSchema>>;
