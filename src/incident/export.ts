/**
 * Turns an incident into documents: the incident record and the post-mortem draft in the
 * playbook's own templates (kinds `incident-record` and `post-mortem`), filled from the incident,
 * and the post-mortem as an MDX file whose frontmatter passes `PostMortemSchema`. User text is
 * escaped so a note can never become Markdown links, HTML or MDX expressions.
 */
import { formatUtc } from '../lib/utc.ts';
import { entryText } from './event-text.ts';
import { roleLabel, type Incident } from './model.ts';
import { decodeChecklist, orphanedTicks } from '../lib/checklist-decode.ts';
import { fillTemplate, segmentsToText } from '../lib/placeholders.ts';
import { elapsed, endedAt, targetMinutes } from './clocks.ts';
import { deriveText, timelineEntries, type SeverityFacts } from './derive.ts';
import { DERIVATIONS } from '../schemas/template.ts';
import type { PlaybookData, SeverityData, TemplateData } from './data.ts';
import type { PostMortemInput } from '../schemas/post-mortem.ts';
import { escapeMarkdown, escapeMdx, escapeYaml } from '../lib/escape.ts';
import { safeFileName } from '../lib/file-name.ts';

/** `14:05 UTC`, with the date when the entry is not on the incident's first day. */
const stamp = (iso: string, startIso: string): string => formatUtc(iso, new Date(startIso));

/** The responder's notes, in time order, for the Notes section. */
export const noteLines = (incident: Incident): string[] =>
	incident.timeline.flatMap((entry) =>
		entry.type === 'note'
			? [`- ${stamp(entry.at, incident.startedAt)} - ${escapeMarkdown(entryText(entry))}`]
			: []
	);

/** Each message copied from a template: when, which template, where, and whether it was an update. */
export function messageLines(incident: Incident, playbook: PlaybookData): string[] {
	return incident.timeline.flatMap((entry) => {
		if (entry.type === 'message-sent') {
			const template = playbook.templates.find((candidate) => candidate.id === entry.template);
			const name = escapeMarkdown(template?.title ?? entry.title);
			const id = entry.template ? ` (template ${escapeMarkdown(entry.template)})` : '';
			return [
				`- ${stamp(entry.at, incident.startedAt)} - ${entry.update ? 'Update: ' : ''}${name} via ${escapeMarkdown(entry.channel)}${id}`,
			];
		}
		if (entry.type === 'update-posted')
			return [`- ${stamp(entry.at, incident.startedAt)} - Update posted outside Responder`];
		return [];
	});
}

export const timelineLines = (incident: Incident): string[] =>
	timelineEntries(incident).map(([time, text]) => `- ${time} - ${escapeMarkdown(text)}`);

/** Checklist steps as last ticked or unticked on the timeline, in first-tick order. */
export function checklistProgress(
	incident: Incident
): { text: string; done: boolean; at: string }[] {
	const steps = new Map<string, { text: string; done: boolean; at: string }>();
	for (const entry of incident.timeline) {
		if (entry.type !== 'step-ticked' && entry.type !== 'step-unticked') continue;
		const key = entry.item ? `${entry.checklist}#${entry.item}` : entry.text;
		steps.set(key, { text: entry.text, done: entry.type === 'step-ticked', at: entry.at });
	}
	return [...steps.values()];
}

/** Ticks the checklists stored for one document in the incident's scope. */
export interface ChecklistTicks {
	/** `<playbook>/scenarios/<slug>` and the like: which page the checklist is on. */
	document: string;
	/** `removed`: the item was no longer in the list when the responder last saw it. */
	ticks: { text: string; at: string; removed: boolean }[];
}

/** Reads one stored checklist value (`responder:checklist:<scope>:<document>`); `undefined` for anything else. */
export function readChecklistTicks(document: string, raw: unknown): ChecklistTicks | undefined {
	const record = decodeChecklist(raw);
	if (!record) return undefined;
	const removed = new Set(
		record.items ? orphanedTicks(record, record.items).map(([id]) => id) : []
	);
	const ticks = Object.entries(record.ticks).map(([id, tick]) => ({
		text: tick.text || id,
		at: tick.at,
		removed: removed.has(id),
	}));
	return { document, ticks: ticks.sort((a, b) => Date.parse(a.at) - Date.parse(b.at)) };
}

export interface ExportContext {
	playbook: PlaybookData;
	severity: SeverityData;
	now: Date;
	/** Ticks stored by the checklists in this incident's scope; the timeline's ticks otherwise. */
	checklists?: ChecklistTicks[];
}

/** The facts derivations need about the incident's severity. */
export const severityFacts = (severity: SeverityData): SeverityFacts => {
	const update = severity.targets.update;
	return {
		id: severity.id,
		level: severity.level,
		name: severity.name,
		updateMinutes: update && targetMinutes(update),
	};
};

/** The value each template `derive` names, from the incident (`derive()`, as the form fills it). */
function derivedValues(
	incident: Incident,
	{ severity, now }: ExportContext
): Record<string, string> {
	const input = { now, incident, severity: severityFacts(severity) };
	return Object.fromEntries(
		DERIVATIONS.flatMap((name): [string, string][] => {
			// The timeline is several lines: each line escaped, not the whole folded into one.
			if (name === 'timeline') return [[name, timelineLines(incident).join('\n')]];
			const value = deriveText(name, input);
			return value === undefined ? [] : [[name, escapeMarkdown(value)]];
		})
	);
}

/** Replaces the body of the first `## Timeline` section, or appends one. */
function withSection(markdown: string, heading: RegExp, title: string, lines: string[]): string {
	const text = lines.length ? lines.join('\n') : '- (none recorded)';
	const match = heading.exec(markdown);
	if (!match) return `${markdown.trimEnd()}\n\n## ${title}\n${text}\n`;
	const level = match[1]!.length;
	const start = match.index + match[0].length;
	const rest = markdown.slice(start);
	const next = new RegExp(`^#{1,${level}}\\s`, 'm').exec(rest);
	const end = next ? start + next.index : markdown.length;
	return `${markdown.slice(0, start)}\n${text}\n${next ? '\n' : ''}${markdown.slice(end)}`;
}

const DEFAULT_RECORD: TemplateData = {
	id: 'responder/incident-record',
	title: 'Incident record',
	kind: 'incident-record',
	body: '# Incident: [Title]\n\n**Incident ID:** [ID]\n**Severity:** [Severity]\n**Started:** [Start]\n**Status:** [Status]\n**Duration:** [Duration]\n\n## Timeline\n\n## Notes\n',
	fields: [
		{ name: 'title', tokens: ['[Title]'], derive: 'incident-title' },
		{ name: 'id', tokens: ['[ID]'], derive: 'incident-id' },
		{ name: 'severity', tokens: ['[Severity]'], derive: 'severity-label' },
		{ name: 'start', tokens: ['[Start]'], derive: 'incident-start' },
		{ name: 'status', tokens: ['[Status]'], derive: 'status' },
		{ name: 'duration', tokens: ['[Duration]'], derive: 'duration' },
	],
};

const DEFAULT_POST_MORTEM: TemplateData = {
	...DEFAULT_RECORD,
	id: 'responder/post-mortem',
	title: 'Post-incident review',
	kind: 'post-mortem',
	body: '# Post-incident review: [Title]\n\n**Incident ID:** [ID]\n**Severity:** [Severity]\n**Duration:** [Duration]\n\n## Timeline\n\n## Root cause\n\n## What went well\n\n## What went poorly\n\n## Action items\n- [ ] \n',
};

/** The playbook's template of `kind`, or Responder's own when the playbook has none. */
export const templateOf = (
	playbook: PlaybookData,
	kind: 'incident-record' | 'post-mortem'
): TemplateData =>
	playbook.templates.find((template) => template.kind === kind) ??
	(kind === 'incident-record' ? DEFAULT_RECORD : DEFAULT_POST_MORTEM);

/** A filled document: the template with derived blanks filled, then timeline, roles and checklist progress. */
export function renderDocument(
	incident: Incident,
	kind: 'incident-record' | 'post-mortem',
	context: ExportContext
): string {
	const template = templateOf(context.playbook, kind);
	const values = derivedValues(incident, context);
	// Every field is passed, so one the incident cannot fill stays a visible blank.
	let markdown = segmentsToText(
		fillTemplate(
			template.body,
			template.fields,
			Object.fromEntries(
				template.fields.flatMap((field) =>
					field.derive && values[field.derive] ? [[field.name, values[field.derive]]] : []
				)
			)
		)
	);
	markdown = withSection(
		markdown,
		/^(#{1,6})\s+(?:Detailed\s+)?Timeline(?:\s*\([^)]*\))?\s*$/im,
		'Timeline',
		timelineLines(incident)
	);
	markdown = withSection(
		markdown,
		/^(#{1,6})\s+(?:Investigation\s+)?Notes\s*$/im,
		'Notes',
		noteLines(incident)
	);
	markdown = withSection(
		markdown,
		/^(#{1,6})\s+Messages sent\s*$/im,
		'Messages sent',
		messageLines(incident, context.playbook)
	);
	const roles = Object.entries(incident.roles).map(
		([role, person]) => `- ${escapeMarkdown(roleLabel(role))}: ${escapeMarkdown(person)}`
	);
	markdown = withSection(markdown, /^(#{1,6})\s+Roles\s*$/im, 'Roles', roles);
	markdown = withSection(
		markdown,
		/^(#{1,6})\s+Checklist progress\s*$/im,
		'Checklist progress',
		progressLines(incident, context.checklists ?? [])
	);
	return markdown.trimEnd() + '\n';
}

function progressLines(incident: Incident, checklists: ChecklistTicks[]): string[] {
	const stored = checklists.filter((checklist) => checklist.ticks.length > 0);
	if (stored.length) {
		return stored.flatMap((checklist, index) => [
			...(index ? [''] : []),
			`${escapeMarkdown(checklist.document)}: ${checklist.ticks.length} ticked`,
			'',
			...tickLines(
				incident,
				checklist.ticks.filter((tick) => !tick.removed)
			),
			...(checklist.ticks.some((tick) => tick.removed)
				? [
						'',
						'Ticked items no longer in this list:',
						'',
						...tickLines(
							incident,
							checklist.ticks.filter((tick) => tick.removed)
						),
					]
				: []),
		]);
	}
	const steps = checklistProgress(incident);
	const done = steps.filter((step) => step.done).length;
	if (!steps.length) return [];
	return [
		`${done} of ${steps.length} steps ticked on the timeline.`,
		'',
		...steps.map(
			(step) =>
				`- [${step.done ? 'x' : ' '}] ${escapeMarkdown(step.text)} (${stamp(step.at, incident.startedAt)})`
		),
	];
}

const tickLines = (incident: Incident, ticks: ChecklistTicks['ticks']) =>
	ticks.map((tick) => `- [x] ${escapeMarkdown(tick.text)} (${stamp(tick.at, incident.startedAt)})`);

/** The post-mortem frontmatter for `incident`. */
export function postMortemFrontmatter(
	incident: Incident,
	{ severity }: ExportContext
): PostMortemInput {
	const end = endedAt(incident);
	return {
		title: `Post-incident review: ${incident.title || incident.id}`,
		incident: incident.id,
		playbook: incident.playbook,
		severity: severity.level,
		...(incident.scenario ? { scenario: incident.scenario } : {}),
		started: new Date(incident.startedAt).toISOString(),
		...(end
			? {
					resolved: new Date(end).toISOString(),
					durationMinutes: Math.round(elapsed(incident, new Date(end)) / 60_000),
				}
			: {}),
		roles: Object.fromEntries(
			Object.entries(incident.roles).map(([role, person]) => [roleLabel(role), person])
		),
		status: 'draft',
	};
}

/** The post-mortem as an MDX file; frontmatter values are JSON, which YAML reads as written. */
export function renderPostMortemMdx(incident: Incident, context: ExportContext): string {
	const frontmatter = Object.entries(postMortemFrontmatter(incident, context))
		.map(([key, value]) => `${key}: ${escapeYaml(value)}`)
		.join('\n');
	return `---\n${frontmatter}\n---\n\n${escapeMdx(renderDocument(incident, 'post-mortem', context))}`;
}

/**
 * File names the playbooks use (`incidents/PIR-…`), from the incident id made safe to save
 * (`safeFileName`): an imported id can hold path separators, controls or a reserved name.
 */
export const exportFileName = (
	incident: Incident,
	kind: 'incident-record' | 'post-mortem' | 'post-mortem-mdx' | 'json'
): string =>
	({
		'incident-record': safeFileName(incident.id, '.md'),
		'post-mortem': safeFileName(`PIR-${incident.id}`, '.md'),
		'post-mortem-mdx': safeFileName(`PIR-${incident.id}`, '.mdx'),
		json: safeFileName(incident.id, '.incident.json'),
	})[kind];
