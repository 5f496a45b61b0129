import type { Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseDuration } from '../lib/duration.ts';
import type { SeverityInput } from '../schemas/index.ts';
import {
	allSections,
	claim,
	claimNode,
	inlineText,
	labelLine,
	listItemsOf,
	markerOf,
	partsOf,
	stripEmoji,
	type Part,
	type Section,
} from './markdown.ts';
import { hrefOf, itemLines, type Context } from './model.ts';

/**
 * Severity ladders: a heading per level (`### P0 - Critical (Complete Outage)`, `### SEV-1:
 * Critical Outage 🔴`, `### S2`, `### High` under a "Severity Levels" heading) with labelled parts
 * (Definition, Examples, Response Time, SLA, Escalation …), and tables whose first column is the
 * level (`| P0 Critical | 15 min | CTO |`).
 */

type TargetKey = 'acknowledge' | 'response' | 'update' | 'resolution';

const CODE_LEVEL = /^(P\s?\d|SEV[-\s]?\d|Sev\d|S\d)(?![\w])\s*(?:[-–—:|.]\s*)?(.*)$/i;
const WORD_LEVEL =
	/^(Critical|High|Medium|Moderate|Low|Minimal|Minor|Major|Info(?:rmational)?)(?![\w])\s*(?:[-–—:|.]\s*)?(.*)$/i;
const WORD_RANK: Record<string, number> = {
	critical: 0,
	major: 1,
	high: 1,
	medium: 2,
	moderate: 2,
	low: 3,
	minor: 3,
	minimal: 4,
	info: 4,
	informational: 4,
};
const SEVERITY_PARENT = /severit|priorit|levels?\b|classification/i;

export interface Level {
	level: string;
	rank: number;
	/** What follows the level: `Critical (Complete Outage)`. */
	rest: string;
}

/** Reads `P0 - Critical`, `SEV-1: Critical Outage`, `s2`, or (with `words`) `High`. */
export function parseLevel(text: string, words = false): Level | undefined {
	const clean = stripEmoji(text);
	const code = CODE_LEVEL.exec(clean);
	if (code) {
		const digits = code[1]!.replace(/\D/g, '');
		const prefix = code[1]!.replace(/[\d\s-]/g, '').toUpperCase();
		return {
			level: prefix === 'SEV' ? `SEV-${digits}` : `${prefix}${digits}`,
			rank: Number(digits),
			rest: code[2]!.trim(),
		};
	}
	const word = words ? WORD_LEVEL.exec(clean) : undefined;
	if (!word) return undefined;
	const name = word[1]!.charAt(0).toUpperCase() + word[1]!.slice(1).toLowerCase();
	return { level: name, rank: WORD_RANK[name.toLowerCase()]!, rest: word[2]!.trim() };
}

/** `Critical (Complete Outage)` → name `Critical`, label `Complete Outage`. */
function nameAndLabel(level: Level): { name: string; label?: string | undefined } {
	const paren = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(level.rest);
	if (paren?.[1]) return { name: paren[1], label: paren[2] };
	if (paren) return { name: paren[2]! };
	const dash = /^(.*?)\s+[-–—:]\s+(.+)$/.exec(level.rest);
	if (dash) return { name: dash[1]!, label: dash[2]! };
	if (level.level.toLowerCase() in WORD_RANK)
		return { name: level.level, ...(level.rest ? { label: level.rest } : {}) };
	return { name: level.rest || level.level };
}

export function severitySlug(level: string): string {
	return level.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

/** The severity with this level, created on first sight. */
export function severityFor(context: Context, level: Level): SeverityInput {
	const existing = context.out.severities.find((entry) => entry.data.level === level.level);
	if (existing) return existing.data;
	const { name, label } = nameAndLabel(level);
	const data: SeverityInput = {
		level: level.level,
		rank: level.rank,
		name,
		...(label ? { label } : {}),
	};
	context.out.severities.push({ slug: severitySlug(level.level), data });
	return data;
}

/** The id of a known severity, for references from scenarios and escalation tables. */
export function severityRef(context: Context, level: string): string | undefined {
	const entry = context.out.severities.find(
		(e) => e.data.level.toLowerCase() === level.toLowerCase()
	);
	return entry ? `${context.playbook}/${entry.slug}` : undefined;
}

function targetKey(label: string): TargetKey | undefined {
	const l = label.toLowerCase();
	if (/ack/.test(l)) return 'acknowledge';
	if (/update|frequency|cadence/.test(l)) return 'update';
	if (/resol|sla|restor|fix/.test(l)) return 'resolution';
	if (/respon|initial|engage/.test(l)) return 'response';
	return undefined;
}

const push = <T>(list: T[] | T | undefined, ...values: T[]): T[] => [
	...(Array.isArray(list) ? list : list ? [list] : []),
	...values,
];

/** Sets a target from `label: value`, or keeps the line word for word in `targetNotes`. */
function applyTarget(
	context: Context,
	severity: SeverityInput,
	label: string,
	value: string
): void {
	const key = targetKey(label);
	const targets = (severity.targets ??= {}) as Record<TargetKey, string | undefined>;
	if (key && !targets[key] && parseDuration(value)) {
		targets[key] = value;
		context.targetLabels[key] ??= label;
		return;
	}
	severity.targetNotes = push(severity.targetNotes, `${label}: ${value}`);
}

/** Puts one labelled value into the severity; false when the label means nothing here. */
function apply(
	context: Context,
	severity: SeverityInput,
	label: string,
	value: string,
	items: string[]
): boolean {
	const l = label.toLowerCase();
	const values = [value, ...items].filter(Boolean);
	if (/^(definition|description|criteria|when)\b/.test(l))
		severity.definition = push(severity.definition, ...values);
	else if (/^(example|examples|example incidents)$/.test(l))
		severity.examples = push(severity.examples, ...values);
	else if (/^(impact|business impact|user impact)$/.test(l))
		severity.impact = push(severity.impact, ...values);
	else if (/^actions?\b|^steps\b/.test(l)) severity.actions = push(severity.actions, ...values);
	else if (/^escalat/.test(l)) severity.escalation = push(severity.escalation, ...values);
	else if (/^notif/.test(l)) severity.notifications = push(severity.notifications, ...values);
	else if (/^communicat/.test(l) && value && items.length === 0) {
		severity.communication = value;
		if (parseDuration(value)) applyTarget(context, severity, 'Update cadence', value);
	} else if (/^post[- ]?(mortem|incident)/.test(l) && value && items.length === 0) {
		const lower = value.toLowerCase();
		const required = /not required|^no\b|none/.test(lower)
			? 'not-required'
			: /optional|recommended/.test(lower)
				? 'optional'
				: 'required';
		const within = /within\s+(.+)$/i.exec(value)?.[1];
		severity.postMortem = {
			required,
			text: value,
			...(within && parseDuration(within) ? { within } : {}),
		};
	} else if (
		/^(response|targets?|slas?|response times?|response targets?)$/.test(l) &&
		items.length > 0
	) {
		// A container: each item is `Label: value`, or a bare value for the container's own target.
		if (value) applyTarget(context, severity, label, value);
		for (const item of items) {
			const inner = labelLine(item) ?? splitLabel(item);
			if (!inner) applyTarget(context, severity, label, item);
			else if (!apply(context, severity, inner.label, inner.value, []))
				severity.targetNotes = push(severity.targetNotes, item);
		}
	} else if (targetKey(label) && value && items.length === 0)
		applyTarget(context, severity, label, value);
	else return false;
	return true;
}

/** `Detection to acknowledgment: 5 minutes` → label and value. */
export function splitLabel(line: string): { label: string; value: string } | undefined {
	const match = /^([A-Za-z][\w /()&'-]{1,50}?)\s*:\s+(.+)$/.exec(line.trim());
	return match ? { label: match[1]!.trim(), value: match[2]!.trim() } : undefined;
}

/** A part's items as plain lines, when the part is only lists; undefined otherwise. */
function partItems(context: Context, part: Part): string[] | undefined {
	if (part.nodes.length === 0) return [];
	const items = listItemsOf(part.nodes);
	if (items) return items.flatMap((item) => itemLines(context.doc, item));
	if (part.nodes.every((node) => node.type === 'paragraph'))
		return part.nodes.map((node) =>
			inlineText(context.doc.source.slice(node.position!.start.offset!, node.position!.end.offset!))
		);
	return undefined;
}

function isSeveritySection(section: Section): Level | undefined {
	const words = SEVERITY_PARENT.test(section.parent?.title ?? '');
	return parseLevel(section.title, words);
}

/** Severity headings and their parts. */
export function recogniseSeveritySections(context: Context): void {
	for (const section of allSections(context.doc.outline)) {
		const level = isSeveritySection(section);
		if (!level) continue;
		const parts = partsOf(context.doc, section, { plainLabels: true });
		// A level heading that holds scenarios or nothing typed is not a severity definition.
		if (parts.length === 0) continue;
		const severity = severityFor(context, level);
		const href = hrefOf(context, 'severities', severitySlug(level.level));
		const marker = markerOf(section.heading ? toString(section.heading) : '');
		if (marker && !severity.marker) severity.marker = marker;
		let used = 0;
		for (const part of parts) {
			if (part.section?.children.length) continue;
			const items = partItems(context, part);
			if (!items) continue;
			if (!part.label) {
				// Unlabelled `- Label: value` lines: each must mean something here.
				const pairs = items.map((item) => splitLabel(item));
				if (items.length === 0 || pairs.some((pair) => !pair)) continue;
				const probe = structuredClone(severity);
				if (!pairs.every((pair) => apply(context, probe, pair!.label, pair!.value, []))) continue;
				Object.assign(severity, probe);
			} else if (!apply(context, severity, part.label, inlineText(part.value), items)) continue;
			claim(context.doc, part.start, part.end, href);
			used++;
		}
		if (used > 0 && section.heading) claimNode(context.doc, section.heading, href);
	}
}

/** Which severity field a table column fills. */
function columnRole(header: string): string | undefined {
	const h = header.toLowerCase();
	if (/users? affected|affected users/.test(h)) return 'usersAffected';
	if (/revenue/.test(h)) return 'revenue';
	if (/slo/.test(h)) return 'slo';
	if (/example/.test(h)) return 'example';
	if (/definition|description|meaning|criteria/.test(h)) return 'definition';
	if (/^name$|label/.test(h)) return 'name';
	if (/escalat|who|owner|notify|contact|engage/.test(h)) return 'escalation';
	if (targetKey(h)) return `target:${targetKey(h)}`;
	if (/impact/.test(h)) return 'impact';
	return undefined;
}

/** `> 50%`, `10-50%`, `100%`, `< 10%` → a percent range. */
function percentRange(text: string): [number, number] | undefined {
	const numbers = [...text.matchAll(/(\d+(?:\.\d+)?)\s*%?/g)].map((m) => Number(m[1]));
	if (!/%/.test(text) || numbers.length === 0) return undefined;
	if (numbers.length >= 2) return [numbers[0]!, numbers[1]!];
	if (/^\s*(>|≥|more|over)/.test(text)) return [numbers[0]!, 100];
	if (/^\s*(<|≤|less|under)/.test(text)) return [0, numbers[0]!];
	return [numbers[0]!, numbers[0]!];
}

export interface SeverityTable {
	table: Table;
	section: Section;
	headers: string[];
	rows: { level: Level; first: string; cells: string[] }[];
}

/** Tables whose first column names severity levels. */
export function severityTables(context: Context): SeverityTable[] {
	const found: SeverityTable[] = [];
	for (const section of [context.doc.outline, ...allSections(context.doc.outline)]) {
		for (const node of section.nodes) {
			if (node.type !== 'table' || node.children.length < 2) continue;
			const [head, ...body] = node.children.map((row) =>
				row.children.map((cell) => stripEmoji(toString(cell)).trim())
			);
			if (!/severit|priorit|level|sev/i.test(head![0] ?? '')) continue;
			const rows = body.map((cells) => ({
				level: parseLevel(cells[0] ?? ''),
				first: cells[0] ?? '',
				cells,
			}));
			if (rows.some((row) => !row.level)) continue;
			found.push({ table: node, section, headers: head!, rows: rows as SeverityTable['rows'] });
		}
	}
	return found;
}

/** Ranks must be unique in a playbook: a document mixing scales gets ranks in ladder order. */
export function finishSeverities(context: Context): void {
	const ranks = context.out.severities.map((entry) => entry.data.rank);
	if (new Set(ranks).size === ranks.length) return;
	[...context.out.severities]
		.sort((a, b) => a.data.rank - b.data.rank)
		.forEach((entry, index) => (entry.data.rank = index));
}

/** Fills severities from level tables (impact matrices, response-time tables). */
export function recogniseSeverityTables(context: Context): void {
	for (const { table, headers, rows } of severityTables(context)) {
		const roles = headers.map(columnRole);
		// A table with a column we cannot place stays verbatim in a page.
		if (roles.slice(1).some((role) => role === undefined)) continue;
		for (const row of rows) {
			const severity = severityFor(context, row.level);
			const criteria: Record<string, unknown> = { ...(severity.criteria ?? {}) };
			row.cells.forEach((cell, index) => {
				const role = roles[index];
				if (index === 0 || !role || !cell) return;
				if (role.startsWith('target:')) applyTarget(context, severity, headers[index]!, cell);
				else if (role === 'escalation') severity.escalation = push(severity.escalation, cell);
				else if (role === 'definition') severity.definition = push(severity.definition, cell);
				else if (role === 'impact') severity.impact = push(severity.impact, cell);
				else if (role === 'name') severity.label ??= cell;
				else {
					criteria[role] = cell;
					const range = role === 'usersAffected' ? percentRange(cell) : undefined;
					if (range) criteria.usersAffectedRange = range;
				}
			});
			if (Object.keys(criteria).length) severity.criteria = criteria as SeverityInput['criteria'];
		}
		// Impact matrices stay in their page too: their column headings have no field to go to.
		if (!roles.some((role) => role && /usersAffected|revenue|slo|example/.test(role)))
			claimNode(context.doc, table, hrefOf(context, 'severities', ''));
	}
}
