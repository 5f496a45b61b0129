import { z } from 'astro/zod';
import type { RuleId } from '../validation/rules.ts';
import { ReviewSchema, type RefFactory } from './common.ts';

/**
 * A situation a responder recognises, with its runbook: `content/<playbook>/scenarios/<slug>.mdx`.
 * Frontmatter holds what search and the finder match on; the MDX body holds investigation,
 * mitigation and recovery steps.
 */
export const ScenarioSchema = <R extends z.ZodType>(ref: RefFactory<R>) =>
	ReviewSchema().extend({
		title: z.string().min(1),
		/** One line that tells a responder whether this is their incident. */
		summary: z.string().optional(),
		/** Typical severity (`<playbook>/<level>`), when the source gives one. */
		severity: ref('severities').optional(),
		/** What responders and users see; searched before body text. */
		symptoms: z.array(z.string()).default([]),
		/** Alert names that page for this scenario (`DatabaseConnectionExhaustion`); each gets `/alerts/<name>/`. */
		alerts: z
			.array(
				z.string().refine((name) => /^[A-Za-z0-9_.:-]+$/.test(name) && !/^\.+$/.test(name), {
					message:
						'is not an alert name an address can carry (expected letters, digits, `_`, `.`, `:` or `-`, not only dots)',
					params: { rule: 'alert-name' satisfies RuleId },
				})
			)
			.default([]),
		/** Likely causes, most common first. */
		causes: z.array(z.string()).default([]),
		/** The first thing to do, for the quick-reference table. */
		firstAction: z.string().optional(),
		/** Services or components involved. */
		services: z.array(z.string()).default([]),
		/** Communication templates to send for this scenario. */
		templates: z.array(ref('templates')).default([]),
		/** Escalation path to follow. */
		escalation: ref('escalations').optional(),
		/** Extra words people search for ("KDS", "502"). */
		keywords: z.array(z.string()).default([]),
		/** Position in the playbook's list; lower first. */
		order: z.number().default(100),
	});

export type ScenarioInput = z.input<ReturnType<typeof ScenarioSchema>>;
export type Scenario = z.output<ReturnType<typeof ScenarioSchema>>;
