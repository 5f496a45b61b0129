import { z } from 'astro/zod';

/** People and places to reach: `content/<playbook>/contacts/<slug>.yaml`. */
export const ContactsSchema = () =>
	z.strictObject({
		title: z.string().min(1),
		summary: z.string().optional(),
		/** Column headings in the order the team uses; each entry has a value per column. */
		columns: z.array(z.string()).min(1),
		entries: z.array(z.record(z.string(), z.string())).min(1),
		order: z.number().default(100),
	});

export type Contacts = z.output<ReturnType<typeof ContactsSchema>>;
