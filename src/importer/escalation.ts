import type { List } from 'mdast';
import { parseDuration } from '../lib/duration.ts';
import type { EscalationInput } from '../schemas/index.ts';
import {
	allSections,
	claim,
	claimNode,
	inlineText,
	isClaimed,
	itemSource,
	listItemsOf,
	partsOf,
	slugify,
	uniqueSlug,
	type Section,
} from './markdown.ts';
import { hrefOf, itemLines, takenIn, type Context } from './model.ts';
import { severityRef, severityTables } from './severities.ts';

/**
 * Escalation paths in three shapes: a numbered chain with times (`**Level 1** (0-15 min):
 * On-call Engineer`), a heading per level (`### L2 - System Owner (Escalation)` with
 * Responsibilities / Authority / Escalate to L3 if), and a severity → response time → who table.
 */

type Level = EscalationInput['levels'][number];

/** `Level 1 (0-15 min): On-call Engineer` or `On-call Engineer (0-15 min)`. */
const CHAIN = /^((?:level|tier|l)\s*\d+)\s*\(([^)]*)\)\s*[:\-–—]\s*(.+)$/i;
const CHAIN_TRAILING =
	/^(.+?)\s*\((\d+\s*(?:[-–]\s*\d+|\+)?\s*(?:min|mins|minutes|h|hrs?|hours?)[^)]*)\)$/i;
const LEVEL_HEADING = /^((?:L|Level\s*|Tier\s*)\d+)\s*[-–—:]\s*(.+)$/i;

/** `0-15 min` → `0 min`; `60+ min` → `60 min`: when the level is engaged. */
export function windowStart(window: string): string | undefined {
	const match = /^(\d+)\s*(?:[-–]\s*\d+|\+)?\s*([a-z]+)/i.exec(window.trim());
	if (!match) return undefined;
	const text = `${match[1]} ${match[2]}`;
	return parseDuration(text) ? text : undefined;
}

/** A list whose every item is a level with a time window. */
export function parseChain(doc: Context['doc'], list: List): Level[] | undefined {
	const levels: Level[] = [];
	for (const [index, item] of list.children.entries()) {
		const text = inlineText(itemSource(doc, item));
		const chain = CHAIN.exec(text);
		const trailing = chain ? undefined : CHAIN_TRAILING.exec(text);
		if (!chain && !trailing) return undefined;
		const id = chain
			? chain[1]!
					.replace(/^l(\d)/i, 'L$1')
					.replace(
						/^(level|tier)\s*/i,
						(w) => `${w.charAt(0).toUpperCase()}${w.slice(1).toLowerCase().trim()} `
					)
			: `Level ${index + 1}`;
		const window = (chain ? chain[2]! : trailing![2]!).trim();
		const who = (chain ? chain[3]! : trailing![1]!).trim();
		const after = windowStart(window);
		levels.push({ id, who, window, ...(after ? { after } : {}) });
	}
	return levels.length >= 2 ? levels : undefined;
}

/**
 * Keeps a path valid whatever the source says: level ids made unique, `after` dropped when the
 * times do not rise, severity links dropped when the rows do not run from most severe.
 */
function orderly(context: Context, levels: Level[]): Level[] {
	const ids = new Set<string>();
	const out = levels.map((level) => ({ ...level, id: uniqueSlugLike(level.id, ids) }));
	const minutes = out.map((level) =>
		level.after ? parseDuration(level.after)?.minutes : undefined
	);
	if (
		minutes.some(
			(m, i) => i > 0 && m !== undefined && minutes[i - 1] !== undefined && m < minutes[i - 1]!
		)
	)
		out.forEach((level) => delete level.after);
	const rank = (ref?: string) =>
		context.out.severities.find((s) => `${context.playbook}/${s.slug}` === ref)?.data.rank;
	const ranks = out.map((level) => rank(level.severity as string | undefined));
	if (
		ranks.some(
			(r, i) => i > 0 && r !== undefined && ranks[i - 1] !== undefined && r < ranks[i - 1]!
		)
	)
		out.forEach((level) => delete level.severity);
	return out;
}

function uniqueSlugLike(id: string, taken: Set<string>): string {
	let unique = id;
	for (let n = 2; taken.has(unique); n++) unique = `${id} (${n})`;
	taken.add(unique);
	return unique;
}

function addPath(
	context: Context,
	title: string,
	style: EscalationInput['style'],
	raw: Level[]
): string {
	const levels = orderly(context, raw);
	const slug = uniqueSlug(slugify(title), takenIn(context, 'escalation'));
	context.out.escalations.push({ slug, data: { title, style, levels } });
	return hrefOf(context, 'escalation', slug);
}

export function recogniseChains(context: Context): void {
	for (const section of allSections(context.doc.outline)) {
		for (const node of section.nodes) {
			if (node.type !== 'list') continue;
			const levels = parseChain(context.doc, node);
			if (!levels) continue;
			claimNode(context.doc, node, addPath(context, section.title, 'time', levels));
		}
	}
}

/** `### L1 - On-Call Engineer (First Response)` sections with their parts. */
export function recogniseLevelSections(context: Context): void {
	const parents = new Map<Section, Section[]>();
	for (const section of allSections(context.doc.outline)) {
		if (
			!LEVEL_HEADING.test(section.title) ||
			!section.parent ||
			isClaimed(context.doc, section.start, section.end)
		)
			continue;
		parents.set(section.parent, [...(parents.get(section.parent) ?? []), section]);
	}
	for (const [parent, sections] of parents) {
		if (sections.length < 2) continue;
		const levels: Level[] = [];
		for (const section of sections) {
			const [, id, who] = LEVEL_HEADING.exec(section.title)!;
			const level: Level = {
				id: id!.replace(/\s+/g, ' ').replace(/^l(\d)/, 'L$1'),
				who: who!.trim(),
			};
			const claimed: [number, number][] = [];
			for (const part of partsOf(context.doc, section)) {
				const items = part.nodes.length ? listItemsOf(part.nodes) : [];
				if (!part.label || !items || part.section) continue;
				const lines = [
					...(part.value ? [inlineText(part.value)] : []),
					...items.flatMap((item) => itemLines(context.doc, item)),
				];
				const label = part.label.toLowerCase();
				if (/responsib|duties/.test(label)) level.responsibilities = lines;
				else if (/authority|can\b|permission|allowed/.test(label)) level.authority = lines;
				else if (/^escalate|escalation criteria|when to escalate/.test(label))
					level.escalateIf = lines;
				else if (
					/^(response time|respond within|engage within)$/.test(label) &&
					part.value &&
					parseDuration(inlineText(part.value))
				)
					level.responseTime = inlineText(part.value);
				else continue;
				claimed.push([part.start, part.end]);
			}
			levels.push(level);
			for (const [start, end] of claimed)
				claim(context.doc, start, end, hrefOf(context, 'escalation', ''));
			if (section.heading)
				claimNode(context.doc, section.heading, hrefOf(context, 'escalation', ''));
		}
		addPath(context, parent.title || 'Escalation', 'levels', levels);
	}
}

/** A severity table with a who column and a response column is also an escalation path. */
export function recogniseSeverityEscalation(context: Context): void {
	for (const { section, headers, rows } of severityTables(context)) {
		const who = headers.findIndex(
			(h, i) => i > 0 && /escalat|who|owner|notify|contact|engage/i.test(h)
		);
		const response = headers.findIndex((h, i) => i > 0 && /respon/i.test(h));
		if (who < 0 || response < 0) continue;
		const levels: Level[] = rows.map((row) => {
			const severity = severityRef(context, row.level.level);
			const time = row.cells[response] ?? '';
			return {
				id: row.first,
				who: row.cells[who] || '—',
				...(severity ? { severity } : {}),
				...(parseDuration(time) ? { responseTime: time } : {}),
			};
		});
		addPath(context, section.title || 'Escalation', 'severity', levels);
	}
}

export function recogniseEscalation(context: Context): void {
	recogniseChains(context);
	recogniseLevelSections(context);
	recogniseSeverityEscalation(context);
}
