import { z } from 'astro/zod';

/** Values a field can fill itself from the active incident and the playbook. */
export const DERIVATIONS = [
	'now',
	'incident-id',
	'incident-title',
	'incident-start',
	/** The day the incident started (`2025-11-19`), for a review written days later. */
	'incident-date',
	/** When the incident was declared in Responder. */
	'declared',
	/** When someone took the incident (acknowledged, or its first status change). */
	'acknowledged',
	/** When the incident was resolved; blank while it runs. */
	'incident-end',
	/** When the incident was closed; blank while it is open. */
	'closed',
	/** The incident's timeline, one `- 14:05 UTC - …` line per entry. */
	'timeline',
	'duration',
	'next-update',
	/** The severity's update cadence as words (`30 min`, `1 hour`). */
	'update-interval',
	'severity',
	'severity-label',
	'status',
	'commander',
	/** The people in the communications and operations roles. */
	'communications',
	'operations',
	'date',
] as const;

/** A blank in a template that the responder fills. */
export const TemplateFieldSchema = () =>
	z.strictObject({
		/** Key shared across the templates of one incident: filling `impact` once fills it everywhere. */
		name: z
			.string()
			.regex(/^[a-z][a-z0-9-]*$/, 'expected a kebab-case field name such as `impact`'),
		/** Form label. */
		label: z.string().min(1),
		/**
		 * The exact blank(s) in `subject`/`body` this field replaces (`[Brief description]`, `P[0-4]`,
		 * `@[name]`); `@[name]#2` replaces only the second `@[name]`, for blanks a source reuses.
		 */
		tokens: z.array(z.string().min(1)).min(1),
		type: z.enum(['text', 'multiline', 'choice', 'datetime', 'severity', 'status']).default('text'),
		/** Choices for `choice` fields. */
		options: z.array(z.string()).optional(),
		/** Filled from the incident when one is active; the responder can still overwrite it. */
		derive: z.enum(DERIVATIONS).optional(),
		/** Hint under the input. */
		help: z.string().optional(),
	});

/** A message or document to fill and copy: `content/<playbook>/templates/<slug>.yaml`. */
export const TemplateSchema = () =>
	z.strictObject({
		title: z.string().min(1),
		kind: z.enum([
			'internal',
			'external',
			'status-page',
			'incident-record',
			'post-mortem',
			'handoff',
			'timeline',
			// A message whose readers the playbook does not name (an import that cannot tell).
			'message',
		]),
		/**
		 * This message is a stakeholder update: copying it restarts the incident's update clock
		 * (and its `next-update` field counts from the copy). Default `false`.
		 */
		update: z.boolean().default(false),
		/** Who reads it: team, customers, stakeholders. */
		audience: z.string().optional(),
		/** Where it goes: `slack`, `email`, `status-page`, `file`. */
		channels: z.array(z.enum(['slack', 'email', 'status-page', 'file', 'chat'])).default([]),
		/** When to send it, as the playbook says ("within 15 min", "every 15-30 min"). */
		when: z.string().optional(),
		/** Severities it is meant for, as written (`P0/P1 only`). */
		appliesTo: z.string().optional(),
		/** Where the filled document is saved (`incidents/YYYY-MM-DD-HH-MM-brief-description.md`). */
		file: z.string().optional(),
		/** Email subject line, copied separately. */
		subject: z.string().optional(),
		/** `markdown` bodies get a Markdown copy button, `slack` bodies a Slack one. */
		format: z.enum(['plain', 'markdown', 'slack']).default('plain'),
		/** The message with its blanks exactly as the playbook writes them. */
		body: z.string().min(1),
		fields: z.array(TemplateFieldSchema()).default([]),
		order: z.number().default(100),
	});

export type TemplateInput = z.input<ReturnType<typeof TemplateSchema>>;
export type Template = z.output<ReturnType<typeof TemplateSchema>>;
export type TemplateField = z.output<ReturnType<typeof TemplateFieldSchema>>;
