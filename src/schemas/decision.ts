import { z } from 'astro/zod';
import type { RefFactory } from './common.ts';

/** Where an answer leads: the next question, or an action with the section that explains it. */
export const DecisionAnswerSchema = <R extends z.ZodType>(ref: RefFactory<R>) =>
	z.strictObject({
		/** The answer as the responder says it: `Yes`, `No`. */
		label: z.string().min(1),
		/** Id of the next question; absent on a leaf. */
		next: z.string().optional(),
		/** What to do when this answer ends the walk ("Execute emergency rollback"). */
		action: z.string().optional(),
		/** The page of the playbook whose section describes the action. */
		page: ref('pages').optional(),
		/** Heading anchor of that section in `page` (`2-emergency-rollback`). */
		anchor: z
			.string()
			.regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a heading anchor such as `emergency-rollback`')
			.optional(),
		/** A scenario to open next, when the action belongs to one. */
		scenario: ref('scenarios').optional(),
		/** How to carry out the action, step by step, shown in the action's own section. */
		steps: z.array(z.string()).default([]),
	});

/**
 * A decision tree a responder walks one question at a time:
 * `content/<playbook>/decisions/<slug>.yaml` (Restaurant OS's mitigation tree). The first
 * question starts the walk; every answer either names the next question or ends in an action.
 */
export const DecisionSchema = <R extends z.ZodType>(ref: RefFactory<R>) =>
	z
		.object({
			title: z.string().min(1),
			/** When to use it (`Phase 3: Mitigation & Resolution`). */
			when: z.string().optional(),
			questions: z
				.array(
					z.strictObject({
						/** Kebab-case id that answers point to with `next`. */
						id: z
							.string()
							.regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a kebab-case id such as `service-down`'),
						question: z.string().min(1),
						answers: z.array(DecisionAnswerSchema(ref)).min(2),
					})
				)
				.min(1),
			order: z.number().default(100),
		})
		.superRefine((tree, ctx) => {
			const ids = new Set(tree.questions.map((question) => question.id));
			tree.questions.forEach((question, index) => {
				question.answers.forEach((answer, answerIndex) => {
					const path = ['questions', index, 'answers', answerIndex];
					if (answer.next !== undefined && !ids.has(answer.next)) {
						ctx.addIssue({
							code: 'custom',
							path: [...path, 'next'],
							message: `points to question \`${answer.next}\`, which this tree does not have (expected one of ${[...ids].map((id) => `\`${id}\``).join(', ')})`,
						});
					}
					if (answer.next === undefined && answer.action === undefined) {
						ctx.addIssue({
							code: 'custom',
							path,
							message: `answer \`${answer.label}\` leads nowhere (expected \`next\` or \`action\`)`,
						});
					}
				});
			});
		});

export type DecisionInput = z.input<ReturnType<typeof DecisionSchema>>;
export type Decision = z.output<ReturnType<typeof DecisionSchema>>;
