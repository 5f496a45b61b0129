import { z } from 'astro/zod';

/**
 * Frontmatter of a post-mortem draft exported from the incident workspace
 * (`incidents/PIR-<id>.mdx`), committed through a pull request.
 */
export const PostMortemSchema = () =>
	z.object({
		/** `Post-incident review: <incident title>`. */
		title: z.string().min(1),
		/** The incident id in the playbook's format (`INC-20251119-0342`). */
		incident: z.string().min(1),
		/** Playbook id (`restaurant-os`). */
		playbook: z
			.string()
			.regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a playbook id such as `restaurant-os`'),
		/** Final severity level as responders say it (`P1`). */
		severity: z.string().min(1),
		/** Scenario entry id, when the incident was declared from one. */
		scenario: z.string().optional(),
		/** When the incident started, ISO UTC. */
		started: z.iso.datetime(),
		/** When it was resolved, ISO UTC; absent while still open. */
		resolved: z.iso.datetime().optional(),
		/** Minutes from start to resolution. */
		durationMinutes: z.number().int().min(0).optional(),
		/** Role → person during the incident. */
		roles: z.record(z.string(), z.string()).default({}),
		/** Review progress: exported drafts start as `draft`. */
		status: z.enum(['draft', 'in-review', 'final']).default('draft'),
		/** Date of the review meeting, YYYY-MM-DD, once known. */
		reviewDate: z
			.string()
			.regex(/^\d{4}-\d{2}-\d{2}$/)
			.optional(),
	});

export type PostMortemInput = z.input<ReturnType<typeof PostMortemSchema>>;
export type PostMortem = z.output<ReturnType<typeof PostMortemSchema>>;
