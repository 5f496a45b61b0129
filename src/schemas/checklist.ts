import { z } from 'astro/zod';

/** A step to tick. Its id comes from its text unless the author pins one. */
export const ChecklistItemSchema = () =>
	z.union([
		z.string().min(1),
		z.strictObject({
			text: z.string().min(1),
			/** Stable id that survives rewording; kebab-case. */
			id: z
				.string()
				.regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a kebab-case id such as `notify-owner`')
				.optional(),
			/** Sub-points shown under the step (what to look at, what to say). */
			details: z.array(z.string()).default([]),
		}),
	]);

/** A checklist to run: `content/<playbook>/checklists/<slug>.yaml`. */
export const ChecklistSchema = () =>
	z.strictObject({
		title: z.string().min(1),
		/** When to use it ("During active incidents", "FIRST 5 MINUTES"). */
		when: z.string().optional(),
		/** The page section it belongs to. */
		section: z.enum(['process', 'post-incident', 'reference']).default('process'),
		groups: z
			.array(
				z.strictObject({
					title: z.string().optional(),
					items: z.array(ChecklistItemSchema()).min(1),
				})
			)
			.min(1),
		order: z.number().default(100),
	});

export type Checklist = z.output<ReturnType<typeof ChecklistSchema>>;
export type ChecklistItem = z.output<ReturnType<typeof ChecklistItemSchema>>;
