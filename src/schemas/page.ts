import { z } from 'astro/zod';
import { ReviewSchema } from './common.ts';

/** Where a prose page sits in a playbook's sidebar. */
export const PAGE_SECTIONS = [
	'overview',
	'process',
	'communication',
	'escalation',
	'post-incident',
	'reference',
] as const;

/** Prose that does not compute: `content/<playbook>/pages/<slug>.mdx` (process, tools, SLOs, drills). */
export const PageSchema = () =>
	ReviewSchema().extend({
		title: z.string().min(1),
		description: z.string().optional(),
		section: z.enum(PAGE_SECTIONS).default('reference'),
		order: z.number().default(100),
	});

export type Page = z.output<ReturnType<typeof PageSchema>>;
