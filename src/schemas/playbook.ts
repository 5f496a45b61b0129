import { z } from 'astro/zod';
import { DateSchema, LinkSchema, ReviewSchema } from './common.ts';

/** One team's or product's playbook: `content/<playbook>/playbook.yaml`. */
export const PlaybookSchema = () =>
	ReviewSchema().extend({
		/** Product or team name shown everywhere ("Restaurant OS"). */
		name: z.string().min(1),
		/** One or two sentences: what this playbook covers and when to use it. */
		summary: z.string().min(1),
		/** Document version as the team numbers it. */
		version: z.string().optional(),
		/** When the source document was last edited. */
		lastUpdated: DateSchema().optional(),
		/** The severity scale in the team's words, e.g. `P0–P4`; the ladder itself is in `severities/`. */
		severityScale: z.string().optional(),
		/** Incident id pattern; `YYYY`, `MM`, `DD`, `HH`, `mm` (minutes) and `NN` (sequence) are replaced. Default `INC-YYYYMMDD-HHmm`. */
		incidentId: z.string().default('INC-YYYYMMDD-HHmm'),
		/** The playbook's own names for the severity targets, used as column headings. */
		targetLabels: z
			.object({
				acknowledge: z.string().default('Acknowledge'),
				response: z.string().default('Response time'),
				update: z.string().default('Updates'),
				resolution: z.string().default('Resolution target'),
			})
			.default({
				acknowledge: 'Acknowledge',
				response: 'Response time',
				update: 'Updates',
				resolution: 'Resolution target',
			}),
		/** Dashboards, health checks, status pages and logs, in the order a responder needs them. */
		links: z.array(LinkSchema()).default([]),
	});

export type PlaybookInput = z.input<ReturnType<typeof PlaybookSchema>>;
export type Playbook = z.output<ReturnType<typeof PlaybookSchema>>;
