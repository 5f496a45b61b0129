import { z } from 'astro/zod';

/** A hat someone wears during an incident: `content/<playbook>/roles/<slug>.yaml`. */
export const RoleSchema = () =>
	z.strictObject({
		/** `Incident Commander (IC)`. */
		name: z.string().min(1),
		/** Short form used in messages (`IC`). */
		short: z.string().optional(),
		summary: z.string().optional(),
		responsibilities: z.array(z.string()).default([]),
		authority: z.array(z.string()).default([]),
		tools: z.array(z.string()).default([]),
		/** Do / don't lists, word for word. */
		do: z.array(z.string()).default([]),
		dont: z.array(z.string()).default([]),
		/** Notes such as "Templates: see Communication Templates". */
		notes: z.array(z.string()).default([]),
		order: z.number().default(100),
	});

export type Role = z.output<ReturnType<typeof RoleSchema>>;
