import { z } from 'astro/zod';
import { DERIVATIONS } from './template.ts';

/**
 * `/runbooks.json`: every playbook, severity, scenario, template and alert of the site in one file,
 * for chat bots and alert routers. Lists are flat; entries point to their playbook by id. URLs are
 * site-relative paths (`/servio/scenarios/high-latency/`); join them with the site's origin.
 * Bump `version` when a field changes meaning or disappears; adding a field keeps the version.
 */
export const RunbooksIndexSchema = () =>
	z.object({
		/** Shape version of this file. */
		version: z.literal(1),
		playbooks: z.array(IndexPlaybookSchema()),
		severities: z.array(IndexSeveritySchema()),
		scenarios: z.array(IndexScenarioSchema()),
		templates: z.array(IndexTemplateSchema()),
		/** Every alert name some scenario claims, with its stable link. */
		alerts: z.array(IndexAlertSchema()),
	});

const IdSchema = () =>
	z.string().regex(/^[a-z0-9-]+(\/[a-z0-9-]+)?$/i, 'expected an entry id such as `servio/p0`');
const PathSchema = () => z.string().regex(/^\/.*\/$/, 'expected a site path such as `/servio/`');

export const IndexPlaybookSchema = () =>
	z.object({
		/** Folder name under `content/`: `servio`. */
		id: IdSchema(),
		name: z.string(),
		summary: z.string(),
		/** The team's own words for its scale (`P0–P3`), when given. */
		severityScale: z.string().optional(),
		url: PathSchema(),
		/** The scenario finder of this playbook. */
		finderUrl: PathSchema(),
	});

/** A severity target: the text as written, and minutes when it is a fixed span. */
export const IndexTargetSchema = () =>
	z.object({
		text: z.string(),
		kind: z.enum([
			'span',
			'immediate',
			'best-effort',
			'as-needed',
			'on-resolution',
			'none',
			'scheduled',
		]),
		/** Clock minutes for `span` targets; business days count 8 h. */
		minutes: z.number().optional(),
		/** The span counts business hours only. */
		businessHours: z.boolean(),
	});

export const IndexSeveritySchema = () =>
	z.object({
		/** `servio/p0`; scenarios point here. */
		id: IdSchema(),
		playbook: IdSchema(),
		/** What responders say: `P0`, `SEV-1`. */
		level: z.string(),
		/** 0 = most severe. */
		rank: z.number().int().min(0),
		name: z.string(),
		label: z.string().optional(),
		url: PathSchema(),
		targets: z.object({
			acknowledge: IndexTargetSchema().optional(),
			response: IndexTargetSchema().optional(),
			update: IndexTargetSchema().optional(),
			resolution: IndexTargetSchema().optional(),
		}),
	});

export const IndexScenarioSchema = () =>
	z.object({
		id: IdSchema(),
		playbook: IdSchema(),
		title: z.string(),
		summary: z.string().optional(),
		/** Typical severity id (`servio/p0`), when the playbook gives one. */
		severity: IdSchema().optional(),
		/** Alert names that page for this scenario. */
		alerts: z.array(z.string()),
		symptoms: z.array(z.string()),
		causes: z.array(z.string()),
		keywords: z.array(z.string()),
		firstAction: z.string().optional(),
		/** Template ids to send for this scenario. */
		templates: z.array(IdSchema()),
		url: PathSchema(),
	});

export const IndexTemplateFieldSchema = () =>
	z.object({
		/** Shared across one incident's templates. */
		name: z.string(),
		label: z.string(),
		type: z.enum(['text', 'multiline', 'choice', 'datetime', 'severity', 'status']),
		/** The blanks in `subject`/`body` this field replaces. */
		tokens: z.array(z.string()),
		options: z.array(z.string()).optional(),
		/** What the site fills it from when an incident is active. */
		derive: z.enum(DERIVATIONS).optional(),
		help: z.string().optional(),
	});

export const IndexTemplateSchema = () =>
	z.object({
		id: IdSchema(),
		playbook: IdSchema(),
		title: z.string(),
		kind: z.string(),
		audience: z.string().optional(),
		channels: z.array(z.string()),
		when: z.string().optional(),
		subject: z.string().optional(),
		/** The message with its blanks exactly as written. */
		body: z.string(),
		fields: z.array(IndexTemplateFieldSchema()),
		url: PathSchema(),
	});

export const IndexAlertSchema = () =>
	z.object({
		/** As the monitoring rule names it: `DatabaseConnectionExhaustion`. */
		name: z.string(),
		/** `/alerts/<name>/`: use it as the rule's `runbook_url`. */
		url: PathSchema(),
		/** Scenario ids that claim it; more than one gets a chooser page. */
		scenarios: z.array(IdSchema()).min(1),
	});

export type RunbooksIndex = z.output<ReturnType<typeof RunbooksIndexSchema>>;
export type IndexScenario = z.output<ReturnType<typeof IndexScenarioSchema>>;
export type IndexAlert = z.output<ReturnType<typeof IndexAlertSchema>>;
