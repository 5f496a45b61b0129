import type { List, ListItem, Nodes, Paragraph } from 'mdast';
import { parseDuration } from '../lib/duration.ts';
import type { EscalationInput } from '../schemas/index.ts';
import {
	allSections,
	cellText,
	claim,
	claimNode,
	endOf,
	entryLink,
	inlineText,
	isClaimed,
	itemSource,
	listItemsOf,
	partsOf,
	slugify,
	type Part,
	sourceOf,
	startOf,
	uniqueSlug,
	withoutSectionNumber,
	type Section,
} from './markdown.ts';
import { fromOffset, hrefOf, itemLines, takenIn, type Context } from './model.ts';
import { parseLevel, severityRef, severityTables } from './severities.ts';

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
const CHAIN_LEAD = /^((?:level|tier|l)\s*\d+)\s*[:\-–—]\s*(.+)$/i;
const LEVEL_HEADING = /^((?:L|Level\s*|Tier\s*)\d+)\s*[-–—:]\s*(.+)$/i;

/**
 * A time of day or a span of them (`06:00 to 14:00 UTC`, `9am-5pm`, `Mon-Fri`): items that say when
 * someone is on duty are the shifts of a rota (follow-the-sun), not levels engaged one after another.
 */
const SHIFT =
	/\b\d{1,2}(?::\d{2}|\s*[ap]m)\s*(?:to|until|[-–—])\s*\d{1,2}(?::\d{2}|\s*[ap]m)|\b(?:utc|gmt)\b|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\s*(?:to|[-–—])\s*(?:mon|tue|wed|thu|fri|sat|sun)/i;

/** `0-15 min` → `0 min`; `60+ min` → `60 min`: when the level is engaged. */
export function windowStart(window: string): string | undefined {
	const match = /^(\d+)\s*(?:[-–]\s*\d+|\+)?\s*([a-z]+)/i.exec(window.trim());
	if (!match) return undefined;
	const text = `${match[1]} ${match[2]}`;
	return parseDuration(text) ? text : undefined;
}

/**
 * A list whose every item is a level with a time window. `Who (15 min)` items name no level, so
 * they are a path only under an escalation heading or when their windows rise: an agenda
 * (`**Timeline Review** (15 min)`, `**Action Items** (15 min)`) times its items too.
 */
export function parseChain(
	doc: Context['doc'],
	list: List,
	escalation = true
): Level[] | undefined {
	const levels: Level[] = [];
	let unnamed = 0;
	for (const [index, item] of list.children.entries()) {
		const text = inlineText(itemSource(doc, item));
		if (SHIFT.test(text)) return undefined;
		const chain = CHAIN.exec(text);
		const trailing = chain ? undefined : CHAIN_TRAILING.exec(text);
		if (!chain && !trailing) return undefined;
		// `Level 1: Data Engineer (0-30 min)`: the level named before who, the window after.
		const lead = trailing ? CHAIN_LEAD.exec(trailing[1]!) : undefined;
		if (!chain && !lead) unnamed++;
		const named = chain?.[1] ?? lead?.[1];
		const id = named
			? named
					.replace(/^l(\d)/i, 'L$1')
					.replace(
						/^(level|tier)\s*/i,
						(w) => `${w.charAt(0).toUpperCase()}${w.slice(1).toLowerCase().trim()} `
					)
			: `Level ${index + 1}`;
		const window = (chain ? chain[2]! : trailing![2]!).trim();
		const who = (chain ? chain[3]! : (lead?.[2] ?? trailing![1]!)).trim();
		const after = windowStart(window);
		levels.push({ id, who, window, ...(after ? { after } : {}) });
	}
	if (unnamed && !escalation && (!rising(levels) || !levels.every((l) => PEOPLE.test(l.who))))
		return undefined;
	return levels.length >= 2 ? levels : undefined;
}

/** Each level engaged later than the one before it. */
const rising = (levels: Level[]): boolean =>
	levels.every((level, index) => {
		const minutes = level.after ? parseDuration(level.after)?.minutes : undefined;
		const before = index ? levels[index - 1]!.after : undefined;
		const previous = before ? parseDuration(before)?.minutes : -1;
		return minutes !== undefined && previous !== undefined && minutes > previous;
	});

/**
 * Words that name who is engaged. Outside an escalation heading a chain must name people in every
 * step: `Detect → Triage → Fix` is a process, `**Critical Systems** (0-4 hours)` an order of work.
 */
const PEOPLE =
	/\b(on-?call|primary|secondary|engineers?|developers?|devs|leads?|manager|managers|directors?|head|team|teams|support|owners?|cto|ceo|coo|cfo|ciso|cio|vp|sre|responders?|commander|desk|admins?|administrators?|staff|officer|executives?|board|supervisor|specialists?|vendor|experts?|rota|duty|tier|level|tertiary|backstop|smes?|operators?|squads?|(?:main|emergency|escalation|named)\s+contacts?|points?\s+of\s+contact)\b/i;

/** A heading (or its parent's) that speaks of escalating, paging or being on call. */
const escalationish = (section: Section): boolean =>
	/escal(?:at|ad)|eskal|on-?call|who gets|paging|page|tiers?\b|wake/i.test(
		`${section.title} ${section.parent?.title ?? ''}`
	);

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

/** Where a path came from: the heading above it (at `at`) and the source it was read from. */
interface PathSource {
	heading: string;
	at: number;
	start: number;
	end: number;
}

/** The source of a path read from `node` (or the whole section) under `section`'s heading. */
const pathSource = (section: Section, node?: Nodes): PathSource => ({
	heading: section.title || 'Escalation',
	at: section.start,
	start: node ? startOf(node) : section.start,
	end: node ? endOf(node) : section.end,
});

/**
 * The source of a path read from `node`; before the first heading the node's own first line (list
 * marker dropped) stands for the heading, so the report still points at a line that holds it.
 */
function nodeSource(context: Context, section: Section, node: Nodes): PathSource {
	if (section.heading) return pathSource(section, node);
	const first = sourceOf(context.doc, node).split('\n')[0]!;
	const heading = inlineText(first.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '')).trim();
	return { ...pathSource(section, node), heading, at: startOf(node) };
}

function addPath(
	context: Context,
	heading: string,
	style: EscalationInput['style'],
	raw: Level[],
	source: PathSource,
	notes: string[] = []
): string {
	const title = withoutSectionNumber(heading);
	const levels = orderly(context, raw);
	const slug = uniqueSlug(slugify(title), takenIn(context, 'escalation'));
	const from = fromOffset(context.doc, source.heading, source.at);
	context.out.escalations.push({
		slug,
		data: { title, style, levels, ...(notes.length ? { notes } : {}) },
		from,
	});
	if (style === 'time') timeChecks(context, slug, raw, levels, source);
	return hrefOf(context, 'escalation', slug);
}

/**
 * A timed path whose levels have no `after` where the source gives a time somewhere: times that
 * do not rise (all dropped), or a level whose condition, window or step before gives none.
 */
function timeChecks(
	context: Context,
	slug: string,
	raw: Level[],
	levels: Level[],
	source: PathSource
): void {
	const where = {
		kind: 'escalation' as const,
		...source,
		leftAs: `escalation path ${context.playbook}/${slug} without these times`,
	};
	if (raw.some((level) => level.after) && levels.every((level) => !level.after)) {
		context.check.push({
			...where,
			reason: `its times do not rise (${raw.map((level) => `${level.who}: ${level.after ?? '—'}`).join(', ')})`,
		});
		return;
	}
	if (!levels.some((level) => level.after)) return;
	// The first level is where the path starts: no time is missing there unless the source says one.
	const untimed = levels.filter(
		(level, index) => !level.after && (index > 0 || level.condition || level.window)
	);
	if (untimed.length === 0) return;
	context.check.push({
		...where,
		reason: untimed
			.map((level) => {
				const said = level.window ?? level.condition;
				// `no acknowledgement from the secondary after 30 minutes`: a time, but the tier
				// before's, not one since the start.
				const counted =
					said && durationIn(said) ? 'counts from the tier before, not the start' : 'gives none';
				return `no time for \`${level.who}\` (${said ? `\`${said}\` ${counted}` : 'the step before it gives none'})`;
			})
			.join('; '),
	});
}

export function recogniseChains(context: Context): void {
	for (const section of allSections(context.doc.outline)) {
		for (const node of section.nodes) {
			if (node.type !== 'list') continue;
			const levels = parseChain(context.doc, node, escalationish(section));
			if (!levels) continue;
			claimNode(
				context.doc,
				node,
				addPath(context, section.title, 'time', levels, pathSource(section, node))
			);
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
	// `### Level 1: Critical` typed as a severity is a level of impact, not a tier of people.
	const severity = (section: Section): boolean =>
		context.out.severities.some(
			({ from }) =>
				from?.heading === section.title &&
				from.line === fromOffset(context.doc, section.title, section.start).line
		);
	for (const [parent, all] of parents) {
		const sections = all.filter((section) => !severity(section));
		if (sections.length < 2) continue;
		// Outside an escalation heading every level names people: `Level 2 - Degraded` is how bad.
		if (
			!escalationish(parent) &&
			!sections.every((section) => PEOPLE.test(LEVEL_HEADING.exec(section.title)![2]!))
		)
			continue;
		const levels: Level[] = [];
		for (const section of sections) {
			const [, id, heading] = LEVEL_HEADING.exec(section.title)!;
			// `Level 2 - Secondary On-Call (15-30 minutes)`: the window after who.
			const timed = CHAIN_TRAILING.exec(heading!.trim());
			const after = timed ? windowStart(timed[2]!) : undefined;
			const level: Level = {
				id: id!.replace(/\s+/g, ' ').replace(/^l(\d)/, 'L$1'),
				who: (timed ? timed[1]! : heading!).trim(),
				...(timed ? { window: timed[2]!.trim() } : {}),
				...(after ? { after } : {}),
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
		addPath(context, parent.title || 'Escalation', 'levels', levels, pathSource(parent));
	}
}

/**
 * A person or team in a few words: `Page on-call` and `brief the regional director` say what to
 * do, not who.
 */
/** Shaped like a name: short, no sentence, no verb first (`Open the dashboard` is a step). */
const nameShaped = (text: string): boolean =>
	!STEP_VERB.test(text) &&
	!/\b(?:the|an?|to|with|for|about|into)\b/i.test(text) &&
	!/[.!?;:]/.test(text) &&
	text.split(/\s+/).length <= 6;

const isName = (text: string): boolean => PEOPLE.test(text) && nameShaped(text);

/** A column that says it holds an order of people: commas in it separate steps. */
const ORDER_COLUMN = /escalat|path|chain|order|ladder|sequence/i;

/** `…; 5 minutes per step`, `(10 min each)`: one wait for every step up to here that has none. */
const PER_STEP =
	/^(?:(.+?)\s*(?:[;,]\s*|\(\s*))?([^;,()]+?)\s+(?:per|for each|each)(?:\s+(?:step|tier|level|stage|hop))?\s*\)?$/i;
/** `the fallback person for 5 minutes`: that step's wait, as `Primary (5 min)` writes it. */
const FOR_TIME = /^(.+?)\s+for\s+([^()]+)$/i;

/**
 * `On-call → Team lead → VP Eng`, `On-call > Team lead`, `On-call, then the owning team`: who is
 * engaged, in order, in one table cell, each step a person or team. Commas alone join steps only
 * in a column that says it is an order (`ordered`): under `Notify`, `IC, comms lead` are told at
 * once. A column that says so may name its steps in its own words (`EM round robin`, a person),
 * so only its first step must read as who is paged; elsewhere every step must.
 */
export function rowSequence(cell: string, ordered: boolean): Level[] | undefined {
	let text = cell.replace(/\s*,?\s*\b(?:and\s+)?then\s+/gi, ' → ').replace(/\s+>\s+/g, ' → ');
	if (ordered) text = text.replace(/\s*,\s*(?![^()]*\))/g, ' → ');
	const parts = text
		.split(ARROW)
		.map((part, index) => (index % 2 ? part : part.trim().replace(/^the\s+/i, '')));
	const { steps, labels } = timedSteps(parts);
	const names = steps.map((step) => step.replace(/\s*\([^)]*\)$/, ''));
	if (names.length < 2) return undefined;
	if (ordered ? !isName(names[0]!) || !names.every(nameShaped) : !names.every(isName))
		return undefined;
	return arrowLevels(steps, labels);
}

/**
 * A chain split at its arrows (steps at even places, arrow labels at odd) as steps and the labels
 * of the arrows into them, a time written for all steps (`; 5 minutes per step`) or after one
 * (`X for 5 minutes`) moved into each step's `(5 minutes)`, as `Primary (5 min)` writes it.
 */
function timedSteps(parts: (string | undefined)[]): {
	steps: string[];
	labels: (string | undefined)[];
} {
	const steps: string[] = [];
	const labels: (string | undefined)[] = [];
	let untimed: number[] = [];
	for (let index = 0; index < parts.length; index += 2) {
		const step = parts[index]!.trim();
		const per = PER_STEP.exec(step);
		const each = per && durationIn(per[2]!) === per[2]!.trim() ? per[2]!.trim() : undefined;
		let who = each ? (per![1] ?? '') : step;
		const wait = FOR_TIME.exec(who);
		if (wait && durationIn(wait[2]!) === wait[2]!.trim()) who = `${wait[1]} (${wait[2]})`;
		// `A → B, 5 min each` in an order column: the time was a step of its own.
		if (who || !each) {
			if (index) labels.push(parts[index - 1]);
			if (!/\)$/.test(who)) untimed.push(steps.length);
			steps.push(who);
		}
		if (!each) continue;
		for (const at of untimed) steps[at] = `${steps[at]} (${each})`;
		untimed = [];
	}
	return { steps, labels };
}

/**
 * The column of a table whose rows each hold an order of people (two rows at least; the others
 * one person or nothing), or -1.
 */
function sequenceColumn(headers: string[], rows: { cells: string[] }[]): number {
	return headers.findIndex((header, column) => {
		if (!column) return false;
		const cells = rows.map((row) => row.cells[column] ?? '');
		const ordered = ORDER_COLUMN.test(header);
		const paths = cells.filter((cell) => rowSequence(cell, ordered)).length;
		return paths >= 2 && cells.every((cell) => !cell || rowSequence(cell, ordered) || isName(cell));
	});
}

/**
 * A path per row of `table` whose `sequence` cell is an order of people, titled by the row's first
 * cell and tied to its severity, if any; the row's other cells are its notes. The paths' links.
 */
function sequencePaths(
	context: Context,
	section: Section,
	table: Nodes,
	headers: string[],
	rows: { title: string; cells: string[]; severity?: string | undefined }[],
	sequence: number
): string[] {
	const hrefs: string[] = [];
	for (const row of rows) {
		const steps = rowSequence(row.cells[sequence] ?? '', ORDER_COLUMN.test(headers[sequence]!));
		if (!steps) continue;
		const { severity } = row;
		const levels = steps.map((step) => ({ ...step, ...(severity ? { severity } : {}) }));
		const notes = headers
			.map((header, column) => [header, row.cells[column]] as const)
			.filter(([, cell], column) => column > 0 && column !== sequence && cell)
			.map(([header, cell]) => `${header}: ${cell}`);
		const style = levels.some((level) => level.after) ? 'time' : 'levels';
		hrefs.push(addPath(context, row.title, style, levels, pathSource(section, table), notes));
	}
	return hrefs;
}

/**
 * A severity table is also escalation: `| SEV1 | On-call → Team lead → VP Eng | 15 min |`, a path
 * per row, named after its severity (the row's other cells its notes); else, with a who column and
 * a response column, one path of who answers each severity how fast.
 */
export function recogniseSeverityEscalation(context: Context): void {
	for (const { table, section, headers, rows } of severityTables(context)) {
		// A grid of who by time, read already as a path per severity.
		if (timeGrids.has(table)) continue;
		const sequence = sequenceColumn(headers, rows);
		if (sequence > 0) {
			const titled = rows.map((row) => ({
				title: row.first,
				cells: row.cells,
				severity: severityRef(context, row.level.level),
			}));
			sequencePaths(context, section, table, headers, titled, sequence);
			continue;
		}
		const who = headers.findIndex(
			(h, i) => i > 0 && /escalat|who|owner|notify|contact|engage/i.test(h)
		);
		const response = headers.findIndex((h, i) => i > 0 && /respon/i.test(h));
		// `Escalation | 15 minutes`: a column of times says when to escalate, not to whom.
		if (who < 0 || response < 0 || rows.every((row) => parseDuration(row.cells[who] ?? '')))
			continue;
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
		addPath(context, section.title || 'Escalation', 'severity', levels, pathSource(section, table));
	}
}

/**
 * `Route | Escalation` over `| Engineering P2 | Primary (15 min) → Secondary (15 min) → Manager |`
 * outside a severity table: a path per row, titled by its first cell, when every row's cell in a
 * column that says it is an order (or any column, under an escalation heading) is one.
 */
export function recogniseSequenceTables(context: Context): void {
	const severity = new Set<Nodes>(severityTables(context).map(({ table }) => table));
	for (const section of allSections(context.doc.outline)) {
		for (const { node, head, body } of freeTables(context, section, 3)) {
			if (severity.has(node)) continue;
			const rows = body.map((cells) => ({ title: cells[0] ?? '', cells }));
			const sequence = sequenceColumn(head, rows);
			if (sequence <= 0 || !(escalationish(section) || ORDER_COLUMN.test(head[sequence]!)))
				continue;
			const ordered = ORDER_COLUMN.test(head[sequence]!);
			if (!rows.every((row) => row.title && rowSequence(row.cells[sequence] ?? '', ordered)))
				continue;
			const hrefs = sequencePaths(context, section, node, head, rows, sequence);
			claimNode(context.doc, node, hrefs[0]);
		}
	}
}

/**
 * `- **Escalation:** On-call → Team lead → CTO` under a severity's heading: that severity's path
 * (the severity keeps the line too). Under an escalation heading, a list whose every item is
 * `**Storefront P1**: Primary → Secondary → Manager` is a path per item, titled by its label, as
 * a table's rows would be. A single name is no path.
 */
export function recogniseLabelledChains(context: Context): void {
	for (const section of allSections(context.doc.outline)) {
		const severity = parseLevel(section.title.split(/\s+/)[0] ?? '');
		for (const node of section.nodes) {
			if (node.type !== 'list') continue;
			const chains = node.children.map((item) => {
				const text = inlineText(itemSource(context.doc, item)).trim();
				const [, label = '', cell = ''] = /^([^:]{1,60}?)\s*:\s*(.+)$/.exec(text) ?? [];
				// A label says it is an order as a column's header does (`Escalation path:`).
				const levels = rowSequence(cell, ORDER_COLUMN.test(label));
				return { item, label, levels, own: /^escalation(?:\s+(?:path|chain))?$/i.test(label) };
			});
			if (severity) {
				for (const { item, levels, own } of chains) {
					if (!levels || !own) continue;
					addPath(context, `${severity.level} escalation`, 'levels', levels, {
						...pathSource(section),
						start: startOf(item),
						end: endOf(item),
					});
				}
				continue;
			}
			if (!escalationish(section) || isClaimed(context.doc, startOf(node), endOf(node))) continue;
			if (chains.length < 2 || !chains.every(({ levels }) => levels)) continue;
			const hrefs = chains.map(({ label, levels }) =>
				addPath(
					context,
					label,
					levels!.some((level) => level.after) ? 'time' : 'levels',
					levels!,
					pathSource(section, node)
				)
			);
			claimNode(context.doc, node, hrefs[0]);
		}
	}
}

/** Amounts prose spells out: `after an hour`, `within fifteen minutes`. */
const SPELLED: Record<string, number> = {
	a: 1,
	an: 1,
	one: 1,
	two: 2,
	three: 3,
	four: 4,
	five: 5,
	ten: 10,
	fifteen: 15,
	twenty: 20,
	thirty: 30,
	sixty: 60,
};

/** A duration inside a condition: `no ack in 10 minutes` → `10 minutes`, `after an hour` → `1 hour`. */
function durationIn(text: string): string | undefined {
	const match = /\b(\d+(?:\.\d+)?\s*(?:min(?:ute)?s?|h(?:ou)?rs?|hours?|h|m)\b)/i.exec(text);
	if (match && parseDuration(match[1]!)) return match[1]!;
	if (/\bhalf an hour\b/i.test(text)) return '30 minutes';
	const spelled =
		/\b(an?|one|two|three|four|five|ten|fifteen|twenty|thirty|sixty)\s+(minutes?|hours?)\b/i.exec(
			text
		);
	if (spelled) {
		const amount = SPELLED[spelled[1]!.toLowerCase()]!;
		return `${amount} ${spelled[2]!.replace(/s$/i, '')}${amount === 1 ? '' : 's'}`;
	}
	if (/\bimmediately\b/i.test(text)) return 'immediately';
	return undefined;
}

/**
 * `1. Primary on-call — paged immediately` / `2. Secondary on-call — paged if no ack in 10
 * minutes`: an ordered list whose every item is who, a dash, and when.
 */
export function parseLadder(
	doc: Context['doc'],
	list: List
): { levels: Level[]; notes: string[] } | undefined {
	if (list.children.length < 2) return undefined;
	if (!list.ordered) {
		const levels = sentenceLadder(list.children.map((item) => inlineText(itemSource(doc, item))));
		return levels && { levels, notes: [] };
	}
	const levels: Level[] = [];
	const notes: string[] = [];
	// Steps after the ladder ("Document each escalation in the timeline") are its notes, and so is
	// a first step that engages nobody ("The alert pages the rota"); no level follows a late note.
	let closed = false;
	for (const [index, item] of list.children.entries()) {
		const text = inlineText(itemSource(doc, item));
		const match = /^(.+?)\s+[—–-]\s+(.+)$/.exec(text);
		const timed =
			match &&
			/\b(paged?|call(ed)?|notif|escalat|engag|if|after|immediately|wake|ping)/i.test(match[2]!);
		const sentence = timed || closed ? undefined : ladderSentence(text);
		if (!timed && !sentence) {
			if (levels.length < 2 && index > 0) return undefined;
			closed = levels.length >= 2;
			notes.push(text);
			continue;
		}
		if (closed) return undefined;
		const id = `Level ${levels.length + 1}`;
		if (sentence) {
			levels.push({ id, ...sentence });
			continue;
		}
		const after = durationIn(match![2]!);
		levels.push({
			id,
			who: match![1]!.trim(),
			condition: match![2]!.trim(),
			...(after ? { after } : {}),
		});
	}
	return levels.length >= 2 ? { levels, notes } : undefined;
}

/**
 * Who failed to answer: `the primary does not acknowledge within 5 minutes` → `primary`; `they
 * don't get acknowledgment from the support team right away` → `support team`.
 */
const UNANSWERED_BY =
	/^(?:the\s+)?(.+?)\s+(?:does not|doesn[’']t|did not|didn[’']t|has not|hasn[’']t|fails to|cannot|can[’']t)\s+(?:ack|acknowledge|respond|answer|pick)|(?:\bcannot|n[’']t|\bunable to)\s+(?:reach|get hold of|contact)\s+(?:the\s+)?(.+?)(?=\s+(?:within|in|after|by)\b|$)|(?:\bno|(?:\bnot|n[’']t)\s+(?:get|receive|hear))\s+(?:an?\s+|any\s+)?(?:ack\w*|response|answer|reply)\s+from\s+(?:the\s+)?(.+?)(?=\s+(?:within|in|after|right away|by|quickly|promptly|soon)\b|$)|^no\s+(.+?)\s+(?:have|has)\s+(?:ack\w*|respond\w*|answer\w*|replied)/i;

/** A condition saying the tier before went unanswered or could not fix it. */
const UNANSWERED =
	/\d|\bno (ack|resp|answer|reply)|\b(?:no\s*one|nobody)\s+(?:answers|responds|picks)\b|\bnot (ack|respond|answer|resolved|work|available|reachable)|(?<!\b(?:you|we|I)\s)\bneeds? (?:more )?(?:help|assistance|support)\b|unresolved|\bstill\b|n[’']t|fails?\b|\bstuck\b|\bun(?:available|reachable|able)\b|\bcannot\b|\b(?:an?|one|half an) hour\b/i;

/**
 * Whom the first step's condition says did not answer: the tier before it (`[]` if none). One
 * contacts only people, so `If you cannot contact your site host` names a tier in words of its own.
 */
function tierBefore(step: Omit<Level, 'id'>): Omit<Level, 'id'>[] {
	const condition = step.condition ?? '';
	const match = UNANSWERED_BY.exec(condition);
	const first = (match?.[1] ?? match?.[2] ?? match?.[3] ?? match?.[4])
		?.trim()
		.replace(/^(?:your|our|their)\s+/i, '');
	const person =
		first &&
		(PEOPLE.test(first) ||
			(match?.[2] &&
				/\bcontact\b/i.test(condition) &&
				!/^(?:them|him|her|us|it|any|some|every|no)(?:one|body)?\b/i.test(first)));
	return person && first.split(/\s+/).length <= 4 && first !== step.who ? [{ who: first }] : [];
}

/** `If they do not answer,`, `If no one responds,`: a condition that the call before went unanswered. */
const UNANSWERED_CALL =
	/^(?:if|when)\s+(?:[^,]*?\b(?:do(?:es)?\s*n[o’']t|did\s*n[o’']t|not)\s+(?:answer|respond|pick up)|(?:no\s*one|nobody)\s+(?:answers?|responds?|picks? up)|(?:there\s+is\s+)?no\s+(?:answer|response|reply))\b/i;

/** `If you don't know who your lead is`, `if unsure who is on call`: finding a tier, not failing one. */
const LOOKUP = /(?:n[’']t|\bnot|\bun(?:sure|certain))\s+(?:know|sure|certain)?\s*who\b/i;

/** A path told without a table is timed when any tier says when it is reached. */
const styleOf = (levels: Level[]): EscalationInput['style'] =>
	levels.some((level) => level.after) ? 'time' : 'levels';

const numbered = (steps: Omit<Level, 'id'>[]): Level[] =>
	steps.map((step, index) => ({ id: `Level ${index + 1}`, ...step }));

/**
 * Sentences (bullets, or the sentences of a paragraph) that each engage someone, every one after
 * the first on a condition that the step before went unanswered: `If the primary does not
 * acknowledge within 5 minutes, page the secondary. If there is no response after 15 minutes, call
 * the engineering manager.` Whoever the first condition says did not answer is the first tier.
 */
export function sentenceLadder(sentences: string[]): Level[] | undefined {
	if (sentences.length < 2) return undefined;
	const steps = sentences.map((sentence) => ladderSentence(sentence));
	if (
		!steps.every(Boolean) ||
		!steps.slice(1).every((step) => UNANSWERED.test(step!.condition ?? ''))
	)
		return undefined;
	return numbered([...tierBefore(steps[0]!), ...(steps as Omit<Level, 'id'>[])]);
}

/**
 * One clause of prose; `then` when it continues the one before (`…, then to the director`), and
 * the sentence it is part of, as written.
 */
interface Clause {
	text: string;
	then: boolean;
	sentence: string;
	/** The list item (of the outer list) the clause was read from, and its first paragraph. */
	item?: number;
	node?: Nodes;
}

/** An arrow between the words of two steps: `… ping a manager -> If no manager responds …`. */
const STEP_ARROW = /\s+(?:-{1,2}>|=>|[→⇒➔➜])\s+(?=[A-Za-z])/;

/**
 * The clauses of prose, in order: its sentences (numbered steps written inline, `1. Page the
 * on-call. 2. If …`, too), their halves around a semicolon, and what follows `, then`. A
 * continuation that names only whom (`then to the head of engineering`) keeps the verb before it.
 */
export function clausesOf(text: string): Clause[] {
	const clauses: Clause[] = [];
	// `Ping a manager -> If no manager responds within 5 minutes ping a supervisor -> …`: an arrow
	// between words sets off the next step as a full stop does.
	for (const sentence of text.split(
		new RegExp(`(?<=[.!?])\\s+(?=(?:\\d+[.)]\\s+)?[A-Z])|;\\s+|${STEP_ARROW.source}`)
	)) {
		const parts = sentence
			.replace(/^\d+[.)]\s+/, '')
			.split(/,?\s+(?:and\s+)?then\s+|,?\s+and\s+(?=to\s)/i);
		for (const [index, part] of parts.entries()) {
			const then = index > 0;
			const text = !then
				? part
				: /^to\s/i.test(part)
					? `escalate ${part}`
					: /^(?:the|your|our)\s/i.test(part)
						? `escalate to ${part}`
						: part;
			if (text.trim()) clauses.push({ text: text.trim(), then, sentence });
		}
	}
	return clauses;
}

/** `escalate to the next level`: whoever comes next, which the step does not name. */
const NEXT_ONE =
	/^(?:the\s+)?next\s+(?:level|tier|step|stage|person|one|line|contact|escalation(?:\s+(?:level|tier|point|contact))?)(?:\s+(?:up|in line))?$/i;

/**
 * A path told in prose: the first run of clauses that engage someone, each after the first on a
 * condition that the one before went unanswered (or joined by `then`), with two tiers at least
 * (the first condition may name the first: `If the primary does not acknowledge …, page the
 * secondary` is two). Outside an escalation heading every tier must name people. The sentences
 * the run does not use are its notes, as written, so none of the prose is lost.
 */
export function proseLadder(
	clauses: Clause[],
	where: boolean
): { levels: Level[]; notes: string[]; run: number[] } | undefined {
	// `If they do not answer, call the gate lodge`: whoever can fail to answer is someone to call,
	// so a step in a chain of unanswered calls, and the call before it, need no people word.
	const called = (index: number): boolean =>
		[clauses[index], clauses[index + 1]].some(
			(clause) => clause && UNANSWERED_CALL.test(clause.text)
		);
	const steps = clauses.map((clause, index) => {
		const anyone = called(index);
		const step = ladderSentence(clause.text, anyone);
		if (!step || LOOKUP.test(step.condition ?? '')) return undefined;
		if ((clause.then || !where) && !anyone && !PEOPLE.test(step.who) && !MEANS.test(step.who))
			return undefined;
		return step;
	});
	for (const [start, first] of steps.entries()) {
		// `Start with the on-call, then the lead`: a run never starts halfway through a sentence.
		if (!first || clauses[start]!.then || MEANS.test(first.who)) continue;
		const run = [start];
		for (let next = start + 1; next < steps.length; next++) {
			const step = steps[next];
			if (!step) {
				// A clause that names someone without engaging them ends the run; `If you don't know who
				// your lead is, ask the service desk` only finds the tier, so the run goes on.
				if (
					PEOPLE.test(clauses[next]!.text) &&
					!/^\(/.test(clauses[next]!.text) &&
					!LOOKUP.test(clauses[next]!.text)
				)
					break;
				continue;
			}
			if (!clauses[next]!.then && !UNANSWERED.test(step.condition ?? '')) break;
			run.push(next);
		}
		const levels = [...tierBefore(first), ...run.map((index) => steps[index]!)];
		// A way of reaching someone (`escalate to a phone call`) reaches the tier before it again.
		levels.forEach((level, index) => {
			if (index && MEANS.test(level.who)) levels[index] = { ...level, who: levels[index - 1]!.who };
		});
		if (levels.length < 2) continue;
		const used = new Set(run.map((index) => clauses[index]!.sentence));
		const notes = [...new Set(clauses.map((clause) => clause.sentence))].filter(
			(sentence) => !used.has(sentence)
		);
		return { levels: numbered(levels), notes, run };
	}
	return undefined;
}

/** `from the primary to secondary after 10 minutes`: one hand-over, and when it happens. */
const FROM_TO =
	/\bfrom\s+(?:the\s+|your\s+)?([a-z][\w -]*?)\s+to\s+(?:the\s+|your\s+)?([a-z][\w -]*?)(?:\s+((?:after|within|if|when)\b[^,;.]*))?(?=\s*(?:[,;.]|\band\b|$))/gi;

/** `, and then to the CTO after an hour` right after a hand-over: the next one. */
const THEN_TO =
	/^,?\s*(?:and\s+)?then\s+(?:on\s+)?to\s+(?:the\s+|your\s+)?([a-z][\w -]*?)(?:\s+((?:after|within|if|when)\b[^,;.]*))?(?=\s*(?:[,;.]|\band\b|$))/i;

/** Words that end a name and start a condition or a next step: no part of whom a hand-over reaches. */
const HOP_WORDS = /\b(?:after|within|if|when|unless|then|once|\d+)\b/i;

const TIER = new RegExp(`${PEOPLE.source}|\\bbackups?\\b`, 'i');

/** `escalates to the secondary if …`: the first hand-over of a sentence, up to its condition. */
const ESCALATES_TO =
	/\b(?:escalat(?:e|es|ed|ing)|(?:rolls?|passes|goes|falls?)(?:\s+(?:over|on|through))?)\s+(?:(?:it|this|the\s+(?:alert|incident|page|issue))\s+)?to\s+(.+)$/i;
/** `, and then to the tertiary if …`: the next hand-over of the same sentence. */
const THEN_ON = /,?\s+(?:and\s+)?then\s+(?:on\s+)?to\s+/i;

/**
 * `PagerDuty escalates to the secondary if the primary has not acknowledged after 10 minutes, and
 * then to the tertiary if there is no acknowledgement from the secondary after 30 minutes`: one
 * sentence, hand-overs joined by `then to`, each on a condition that the tier before went
 * unanswered. Whoever the first condition names is the first tier. The sentence is read whole or
 * not at all: every hand-over names people and gives its condition, and a condition that names who
 * did not answer names the tier just before. A time counts from the start when it is the first
 * tier's (engaged at once) or said to be on top of the one before (`a further 30 minutes`);
 * otherwise it runs from when the tier before was reached, which the sentence does not tie to the
 * start, so that tier has no `after`.
 */
export function escalatesThen(sentence: string): Level[] | undefined {
	const opening = ESCALATES_TO.exec(sentence.replace(/[.!]$/, ''));
	if (!opening) return undefined;
	const hops = opening[1]!.split(THEN_ON);
	if (hops.length < 2) return undefined;
	const tiers: Omit<Level, 'id'>[] = [];
	let minutes: number | undefined = 0;
	for (const [index, hop] of hops.entries()) {
		const match = /^(?:the\s+|your\s+|our\s+)?(.+?)\s+((?:if|when|unless|once)\b.+)$/i.exec(
			hop.trim()
		);
		if (!match) return undefined;
		const who = match[1]!;
		// `if the primary has not acknowledged …` → `the primary has not acknowledged …`, as a
		// ladder's conditions are written.
		const condition = match[2]!.replace(/^(?:if|when|once)\s+/i, '');
		// `the backup`: a tier by its place in line names a person too.
		if (HOP_WORDS.test(who) || who.split(/\s+/).length > 5 || !TIER.test(who)) return undefined;
		if (!UNANSWERED.test(condition)) return undefined;
		const unanswered = UNANSWERED_BY.exec(condition);
		const named = (unanswered?.[1] ?? unanswered?.[2] ?? unanswered?.[3] ?? unanswered?.[4])
			?.trim()
			.replace(/^(?:the|your|our)\s+/i, '');
		const before = index ? tiers.at(-1)!.who : undefined;
		if (index === 0) {
			if (!named || !TIER.test(named) || named.split(/\s+/).length > 5) return undefined;
			tiers.push({ who: named });
		} else if (named && !sameTier(named, before!)) return undefined;
		const span = parseDuration(durationIn(condition) ?? '')?.minutes;
		// Counted from the first tier (reached at once), or on top of the time before.
		const counted: number | undefined =
			span === undefined
				? undefined
				: index === 0
					? span
					: /\b(?:additional|another|further|more)\b/i.test(condition) && minutes !== undefined
						? minutes + span
						: undefined;
		minutes = counted;
		tiers.push({
			who,
			condition,
			...(counted !== undefined ? { after: `${counted} minutes` } : {}),
		});
	}
	return numbered(tiers);
}

/**
 * The one sentence of a paragraph that tells its hand-overs (see `escalatesThen`); the others are
 * the path's notes, as written.
 */
function sentenceChain(text: string): { levels: Level[]; notes: string[] } | undefined {
	const sentences = text.split(/(?<=[.!?])\s+(?=[A-Z])/);
	const read = sentences.map((sentence) => escalatesThen(sentence));
	const at = read.findIndex(Boolean);
	if (at < 0 || read.some((levels, index) => levels && index !== at)) return undefined;
	return { levels: read[at]!, notes: sentences.filter((_, index) => index !== at) };
}

/** `secondary` and `the secondary on-call`: one tier, named more or less fully. */
function sameTier(a: string, b: string): boolean {
	const key = (who: string) =>
		who
			.toLowerCase()
			.replace(/\b(?:the|your|our|on[- ]?call|engineer|responder|person)\b|[^a-z]/g, '');
	return key(a) === key(b);
}

/**
 * `An escalation policy that escalates from the primary to secondary after 10 minutes, and from
 * secondary to tertiary after an additional 10 minutes`: hand-overs that chain (each starts where
 * the one before ended) in a sentence about escalating. `after an additional …` counts from the
 * hand-over before it.
 */
export function fromToChain(text: string): Level[] | undefined {
	if (!/\bescalat/i.test(text)) return undefined;
	const hops: { from?: string; to: string; condition?: string | undefined }[] = [];
	for (const match of text.matchAll(FROM_TO)) {
		hops.push({ from: match[1]!, to: match[2]!, condition: match[3] });
		// `from the on-call to the team lead and then to the CTO`: the hops that follow.
		let rest = text.slice(match.index + match[0].length);
		for (let hop = THEN_TO.exec(rest); hop; hop = THEN_TO.exec(rest)) {
			hops.push({ to: hop[1]!, condition: hop[2] });
			rest = rest.slice(hop[0].length);
		}
	}
	// `from primary after 10 minutes and then to tertiary`: a hand-over's ends are people, never a
	// time or the words joining two hand-overs; a sentence read only in part is not read at all.
	if (hops.some(({ from, to }) => [from, to].some((end) => end && HOP_WORDS.test(end))))
		return undefined;
	const levels: Omit<Level, 'id'>[] = [];
	let minutes = 0;
	for (const { from, to, condition } of hops) {
		if (!levels.length) levels.push({ who: from! });
		else if (from && levels.at(-1)!.who.toLowerCase() !== from.toLowerCase()) return undefined;
		const span = condition ? parseDuration(durationIn(condition) ?? '')?.minutes : undefined;
		if (span !== undefined)
			minutes = /\b(?:additional|another|further)\b/i.test(condition!) ? minutes + span : span;
		levels.push({
			who: to,
			...(condition ? { condition } : {}),
			...(span !== undefined ? { after: `${minutes} minutes` } : {}),
		});
	}
	return levels.length >= 2 && levels.every((level) => PEOPLE.test(level.who))
		? numbered(levels)
		: undefined;
}

/**
 * Whom a sentence engages wherever its verb stands: `…, you should feel free to page your secondary
 * for assistance`, `they should escalate by contacting the leads directly`, `the alert rolls over
 * to the secondary`. Not after an article: `the page goes to …` is the page, not paging.
 */
const ENGAGE =
	/(?<!\b(?:the|a|an|this|each|every|your)\s|-)\b(?:call(?:ing)? upon|call(?:ing)? in|page|paging|call|calling|contact|contacting|notify|notifying|escalate (?:it |this |the (?:alert|incident|page|issue) )?to|escalates to|escalating to|bring in|loop in|reach out to|wake(?: up)?|try|trying|ask|asking|involve|inform|alert|phone|ring|ping|pinging|message|messaging|(?:goes|passes|rolls? over|falls? through) to)\s+(?:(?:your|the|a|an|our|their)\s+)?((?:[^,.;:()]|\.(?=\w))+?)(?=\s+(?:for|if|when|after|within|until|unless|so|who|with|via|by|on(?!-)|at|first|directly|immediately|right away|as|in case)\b|[,;:(]|\.(?!\w)|$)/i;
/** `the secondary on-call is paged first`: who is engaged, named before the verb. */
const PASSIVE =
	/(?:^|,\s*)(?:then\s+)?(?:the\s+|your\s+|our\s+|an?\s+(?=\w+\s+of\b))?((?:[^,.;:()]|\.(?=\w))+?)\s+(?:is|are|gets|get|will be)\s+(?:paged|called|notified|alerted|woken(?: up)?|contacted|engaged)\b/i;
/** What may stand between a condition and its verb: `, you should feel free to`, `they should escalate by`. */
const BEFORE_VERB =
	/[\s,]*(?:(?:then|and)\s+)?(?:(?:you|they|we|someone|it)\s+(?:(?:should|must|can|may|will|need to|have to)\s+)?|(?:un\w+\s+)?(?:the\s+)?(?:alerts?|pages?|incidents?|it|this)\s+(?:will\s+|then\s+)?)?(?:(?:feel free to|also|then|escalate by|immediately)\s+)*$/i;

/** The step a sentence tells with its verb mid-sentence, and the condition before (or after) it. */
function engagedMidSentence(text: string, anyone = false): Omit<Level, 'id'> | undefined {
	const active = ENGAGE.exec(text);
	const passive = active ? null : PASSIVE.exec(text);
	const match = active ?? passive;
	if (!match) return undefined;
	// Before a passive step only its condition: `If they don't respond, the secondary is paged`.
	const at = passive ? match.index + match[0].indexOf(passive[1]!) : match.index;
	const before = text
		.slice(0, at)
		.replace(passive ? /[\s,]*(?:then\s+)?(?:the|your|our|an?)?\s*$/i : BEFORE_VERB, '');
	// `Every service has an owning team, so page them first`: whom `them` stands for.
	const holder =
		/\b(?:has|have)\s+(?:an?|one|its own|their own)\s+(.+?)[\s,]*(?:\bso|\band)?$/i.exec(before);
	const pronoun = /^(?:them|him|her)$/i.test(match[1]?.trim() ?? '');
	// `the developer community in MS Teams`: where they are reached is no part of who.
	const [, named, place] =
		/^(.+?)\s+(?:in|on|over)\s+((?:#|[A-Z])[\w#-]*(?:\s+[A-Z][\w-]*)*)$/.exec(
			(pronoun ? holder?.[1] : match[1])?.trim() ?? ''
		) ?? [undefined, (pronoun ? holder?.[1] : match[1])?.trim()];
	const who = named;
	if (!who || (!anyone && !PEOPLE.test(who)) || /^(them|him|her|us|me|you|it)\b/i.test(who))
		return undefined;
	// `The lead investigates and if they need help, they page …`: the condition follows the work.
	const lead =
		/^(?:if|when|once)\s+(.+)$/is.exec(before) ??
		/^.+?(?:,\s*|\s+and\s+)(?:if|when|once)\s+(.+)$/is.exec(before);
	if (before && !lead && !(pronoun && holder)) return undefined;
	const after = text.slice(match.index + match[0].length).replace(/\.$/, '');
	const trailing = /^\s*((?:if|after|within|when|unless)\b.+)$/i.exec(after)?.[1];
	const condition = lead?.[1]?.trim() ?? trailing?.trim();
	const time = condition ? durationIn(condition) : undefined;
	// `alert the site warden at extension 212`: the number is how, not who.
	const via = place ?? CONTACT_POINT.exec(`${who}${after.replace(/:$/, '')}`)?.[3];
	return {
		who,
		...(condition ? { condition } : {}),
		...(time ? { after: time } : {}),
		...(via ? { via } : {}),
	};
}

/**
 * `If no response in 15 minutes, page the secondary.`, `Escalate to the engineering manager after
 * 30 minutes.`, `Page the primary on-call engineer.`: one step of a ladder written as a sentence.
 */
function ladderSentence(text: string, anyone = false): Omit<Level, 'id'> | undefined {
	// `` the `Pager: all` rota is paged ``: a code span names one thing, whatever punctuation is in it.
	const spans: string[] = [];
	const masked = text.replace(/`[^`\n]+`/g, (span) => `\u0000${spans.push(span) - 1}\u0000`);
	const step = ladderStep(masked, anyone);
	if (!step || NEXT_ONE.test(step.who)) return undefined;
	if (!spans.length) return step;
	const unmask = (value: string) =>
		value.replace(/\u0000(\d+)\u0000/g, (_, index: string) => spans[Number(index)]!);
	return Object.fromEntries(
		Object.entries(step).map(([key, value]) => [
			key,
			typeof value === 'string' ? unmask(value) : value,
		])
	) as Omit<Level, 'id'>;
}

function ladderStep(text: string, anyone: boolean): Omit<Level, 'id'> | undefined {
	let rest = text.replace(/\.$/, '').trim();
	let condition: string | undefined;
	// `If no answer in 10 minutes, page …` or `If 10 minutes passed: Page …`.
	// `If that doesn't work use the team page …`: prose may leave out the comma before the verb.
	const lead =
		/^(?:if|when|once)\s+(.+?)[,:]\s*(.+)$/i.exec(rest) ??
		// `If nobody answers within 10 minutes then the backup rota is paged`.
		/^(?:if|when|once)\s+([^,]+?)\s+then\s+(.+)$/i.exec(rest) ??
		new RegExp(
			`^(?:if|when)\\s+(.+?)\\s+((?:${INSTRUMENT.source}|${ENGAGE_VERB})\\b.+)$`,
			'i'
		).exec(rest);
	if (lead) [condition, rest] = [lead[1]!.trim(), lead[2]!.trim()];
	// `use the Escalate button to escalate to …`, `follow the rota page to contact …`: what the tier
	// is reached with, then the verb that reaches it.
	const tool = new RegExp(
		`^(?:(?:in|on|from)\\s+(.+?)\\s+)?${INSTRUMENT.source}\\s+(.+?)\\s+(?:to|and)\\s+(${ENGAGE_VERB}\\b.+)$`,
		'i'
	).exec(rest);
	// `open the console and use the Raise button`: the button, in the console.
	const instrument = tool
		? [...tool[2]!.split(new RegExp(`\\s+and\\s+${INSTRUMENT.source}\\s+`, 'i')).reverse(), tool[1]]
				.filter(Boolean)
				.join(' in ')
		: undefined;
	if (tool) rest = tool[3]!.trim();
	const trailing = /^(.+?)\s+((?:after|if|when|within|unless)\s+.+|immediately\b.*)$/i.exec(rest);
	if (trailing && /^(?:page|call|notify|escalate|bring|wake|ping|engage|loop|inform)/i.test(rest))
		[rest, condition] = [trailing[1]!.trim(), condition ?? trailing[2]!.trim()];
	// `Primary on-call responds within 15m`: who answers, and how fast.
	const answers = /^(?:the\s+)?(.+?)\s+(?:responds|acknowledges|answers|picks it up)\s+(.+)$/i.exec(
		rest
	);
	const responseTime = answers && !condition ? durationIn(answers[2]!) : undefined;
	if (responseTime) return { who: answers![1]!.trim(), responseTime };
	// `Contact the service desk first`: the order is the path's, not part of the name; `immediately
	// contact …` says how soon, not whom.
	const spoken = whoOf(rest.replace(/^(?:immediately|then|also)\s+/i, ''));
	// `whomever is listed as main contact`, `whoever is on-call`: the post, not the pronoun.
	const named = spoken.who
		?.replace(/\s+first$/i, '')
		.replace(/^who(?:m)?(?:so)?ever\s+is\s+(?:(?:listed|named|shown)\s+as\s+)?(?:the\s+)?/i, '');
	// `the service desk via the hotline`: how they are reached is no part of who.
	const reached = named ? reachedBy(named) : undefined;
	// `escalate to a phone call, using the contact sheet`: a stronger way to reach the tier before.
	const means = named && MEANS.test(named) ? [named, spoken.condition] : undefined;
	const via =
		[instrument, reached?.via ?? means?.filter(Boolean).join(', ')].filter(Boolean).join(', ') ||
		undefined;
	const who = reached?.who ?? named;
	// `For urgent issues, ping the main contact`: the cases the step is for.
	if (!condition && !means && /^(?:for|in case of)\s/i.test(spoken.condition ?? ''))
		condition = spoken.condition;
	const after = condition ? durationIn(condition) : undefined;
	const step = who
		? {
				who,
				...(condition ? { condition } : {}),
				...(after ? { after } : {}),
				...(via ? { via } : {}),
			}
		: (callWith(rest, condition) ?? engagedMidSentence(text.replace(/[.:]$/, '').trim(), anyone));
	// `Escalate to Sev1 if …` raises the severity; it engages no one. `the platform lead or a
	// database expert (DBA)` is one tier with a choice.
	// `call 999`: a number to dial is how a tier is reached, never the tier.
	if (
		!step ||
		step.who.split(/\s+/).length > 8 ||
		parseLevel(step.who) ||
		/^[+\d][\d\s().+-]*$/.test(step.who)
	)
		return undefined;
	return step;
}

/**
 * How a tier is reached, written after whom (`the service desk via the hotline`, `the gate lodge at
 * extension 212`, `the warden on radio channel 2`) or before (`call 212 to the gate lodge`): no part
 * of who. A bare number is never a tier.
 */
const CONTACT_POINT =
	/^(.+?)\s+(?:(?:via|through|using)\s+(.+)|(?:at|on)\s+((?:(?:the|any)\s+)?(?:(?:extension|ext\.?|radio|channel|phone|number|tel\.?)\s*)+\d[\d\s().+-]*|\+?\d[\d\s().+-]*))$/i;
const NUMBER_FOR = /^(\+?\d[\d\s().+-]*?)\s+(?:to|for)\s+(?:the\s+)?(.+)$/i;

function reachedBy(named: string): { who: string; via: string } | undefined {
	const number = NUMBER_FOR.exec(named);
	if (number) return { who: number[2]!.trim(), via: number[1]!.trim() };
	const match = CONTACT_POINT.exec(named);
	return match ? { who: match[1]!.trim(), via: (match[2] ?? match[3])!.trim() } : undefined;
}

/** The verbs that open a step engaging someone, as `whoOf` reads them. */
const ENGAGE_VERB =
	'(?:page|call|notify|bring in|escalate to|ping|message|engage|loop in|inform|involve|contact|reach out to)';
/** `use the …`, `follow the …`: a step that names the tool before the verb that reaches the tier. */
const INSTRUMENT = /(?:use|follow|open)/;

/** A way of reaching someone, named where a tier would be: `escalate to a phone call`. */
const MEANS =
	/^(?:an?\s+|the\s+)?(?:phone|voice|video)?\s*(?:calls?|phone|numbers?|sms|text(?: messages?)?)(?:\s+(?:listed|given|shown)\b.*|\s+there)?$/i;

/**
 * `the caller should initiate a Slack huddle call in DMs with individual engineers`: whom a call
 * or meeting is started with, and the call as how they are reached.
 */
function callWith(text: string, condition?: string): Omit<Level, 'id'> | undefined {
	const match =
		/\b(?:initiate|start|open|set up|begin)s?\s+(?:an?\s+|the\s+)?((?:[\w-]+\s+){0,3}(?:call|huddle|bridge|meeting)\b[^,;]*?)\s+with\s+(?:the\s+|your\s+)?([^,;]+)$/i.exec(
			text
		);
	if (!match || !PEOPLE.test(match[2]!) || match[2]!.split(/\s+/).length > 6) return undefined;
	const after = condition ? durationIn(condition) : undefined;
	return {
		who: match[2]!.trim(),
		...(condition ? { condition } : {}),
		...(after ? { after } : {}),
		via: match[1]!.trim(),
	};
}

/** Words that open a label of an arrow or a drawing's line: `no ack in 5 min`, `if unresolved`. */
const ARROW_LABEL = /^(?:no|if|after|when|unless|unanswered|unresolved|still)\b/i;
/**
 * An arrow between steps, its label captured: `→`, `-->`, `=>`, `⇒`, `—>`, `➡️`, and `--15m-->` or
 * `-- no ack in 5 min -->` with what happens before the next step (two dashes before the label, so
 * `On-call` keeps its hyphen).
 */
const ARROW = /\s*(?:-{2,}\s*([^<>\-]+?)\s*-+>|[-—–]+>|=+>|[→⟶⇒⟹➔➜]|➡\uFE0F?)\s*/u;

/**
 * `SEV1 → Primary (5 min) → Secondary (5 min) → Eng Manager → CTO (phone)` on one line, or
 * `On-call --5m--> Lead --30m--> Director`: a labelled arrow says when the step after it is
 * engaged, as written (`v (no ACK in 15 min)` in a drawing reads the same way).
 */
export function parseArrowChain(line: string): Level[] | undefined {
	const { steps, labels } = timedSteps(line.split(ARROW));
	if (steps.length < 3 || steps.some((step) => !step || step.length > 60)) return undefined;
	// `Primary -- backup -> Lead` is a dash in prose, not a label: a label says when.
	if (labels.some((label) => label && !ARROW_LABEL.test(label.trim()) && !durationIn(label)))
		return undefined;
	return arrowLevels(
		steps,
		labels.map((label) => label?.trim())
	);
}

/** The levels of a chain's steps, `labels[i]` on the arrow into `steps[i + 1]`. */
function arrowLevels(steps: string[], labels: (string | undefined)[]): Level[] | undefined {
	const levels: Level[] = [];
	let condition: string | undefined;
	let elapsed: number | undefined = 0;
	let unit = 'min';
	let previous: string | undefined;
	for (const [index, step] of steps.entries()) {
		const match = /^(.*?)\s*(?:\(([^)]*)\))?$/.exec(step)!;
		// `[ Team lead ]`: a box drawn on one line.
		let who = match[1]!.trim().replace(/^\[\s*(.+?)\s*\]$/, '$1');
		let note = match[2]?.trim();
		// `(Product lead if user impact)`: a step engaged only when its words say so.
		const optional = !who && note ? /^(.+?)\s+((?:if|when|unless|only if)\b.+)$/i.exec(note) : null;
		if (optional) [who, note] = [optional[1]!.trim(), optional[2]!.trim()];
		if (!who) return undefined;
		// A leading severity says which incidents the chain is for.
		if (index === 0 && /^(P\d|SEV-?\s?\d|S\d|Sev\s?\d)$/i.test(who)) {
			condition = who;
			continue;
		}
		const window = note ? parseDuration(note) : undefined;
		const level: Level = { id: `Level ${levels.length + 1}`, who };
		const label = index ? labels[index - 1] : undefined;
		const labelled = label ? durationIn(label) : undefined;
		if (labelled) elapsed = undefined;
		if (elapsed !== undefined) level.after = `${elapsed} ${unit}`;
		if (levels.length === 0 && condition) level.condition = condition;
		if (levels.length > 0 && previous) level.condition = `no answer in ${previous}`;
		if (labelled) level.after = labelled;
		// `-- no ack in 5 min -->` says more than when: it is the step's condition.
		if (label && !parseDuration(label)) level.condition = label;
		// `PR (if needed)` says when, `CTO (phone)` how.
		if (note && !window && /^(?:if|when|unless|only)\b/i.test(note))
			level.condition = [level.condition, note].filter(Boolean).join(', ');
		else if (note && !window && CHANNEL.test(note)) level.via = note;
		// `Director (final fallback)` says when that one is reached, not how.
		else if (note && !window) level.condition = [level.condition, note].filter(Boolean).join(', ');
		levels.push(level);
		if (window?.minutes !== undefined && note) {
			elapsed = elapsed === undefined ? undefined : elapsed + window.minutes;
			unit = /h/.test(note.replace(/\d/g, '')) && !/min/.test(note) ? 'min' : 'min';
			previous = note;
		} else {
			elapsed = undefined;
			previous = undefined;
		}
	}
	// A chain that times no step starts nowhere in time either.
	if (levels.every((level) => !level.after || level.after === '0 min'))
		levels.forEach((level) => delete level.after);
	return levels.length >= 2 ? levels : undefined;
}

/**
 * A drawing inside a frame (`┌───┐` / `│ Title │` / `├───┤` / `│ … │` / `└───┘`): what the frame
 * holds, its title row left out, or `undefined` when the block is not one framed drawing.
 */
export function unframed(value: string): string | undefined {
	const lines = value.split('\n').filter((line) => line.trim());
	if (lines.length < 4) return undefined;
	const top = lines[0]!.trim();
	const bottom = lines.at(-1)!.trim();
	if (!/^[┌+][─-]+[┐+]$/.test(top) || !/^[└+][─-]+[┘+]$/.test(bottom)) return undefined;
	const inner = lines.slice(1, -1).map((line) => line.trim());
	if (!inner.every((line) => /^[│|├+].*[│|┤+]$/.test(line) && line.length >= 2)) return undefined;
	// `├───┤` under the first row sets that row off as the drawing's title.
	const rule = inner.findIndex((line) => /^[├+][─-]+[┤+]$/.test(line));
	if (rule > 1 || (rule >= 0 && inner.some((line, i) => i > rule && /^[├+][─-]+[┤+]$/.test(line))))
		return undefined;
	return inner
		.slice(rule + 1)
		.map((line) => line.slice(1, -1).replace(/\s+$/, ''))
		.join('\n');
}

/** `Escalation path:`, `Escalation chain:`, `Paging order:`: a label in a block saying a path follows. */
const PATH_LABEL =
	/^(?:escalation(?:\s+(?:path|chain|order|ladder|route))?|(?:paging|call|contact)\s+(?:order|chain))\s*:\s*(.*)$/i;

/**
 * A block of labelled parts (`Paging:`, `Investigation:`, `Escalation path:`) whose path part is one
 * arrow chain of people, on the label's line or the one line indented under it.
 */
export function labelledArrowLine(value: string): Level[] | undefined {
	const lines = value.split('\n');
	let found: Level[] | undefined;
	for (const [index, line] of lines.entries()) {
		const label = PATH_LABEL.exec(line.trim());
		if (!label) continue;
		let chain = label[1]!.trim();
		if (!chain) {
			const indent = /^\s*/.exec(line)![0].length;
			const under: string[] = [];
			for (const next of lines.slice(index + 1)) {
				if (!next.trim()) break;
				if (/^\s*/.exec(next)![0].length <= indent) break;
				under.push(next.trim());
			}
			if (under.length !== 1) continue;
			chain = under[0]!;
		}
		const levels = parseArrowChain(chain);
		if (!levels || !levels.every((level) => PEOPLE.test(level.who))) continue;
		// Two paths in one block: which one a reader follows is not the importer's to choose.
		if (found) return undefined;
		found = levels;
	}
	return found;
}

/** `- If not resolved in 15 min: @team-lead`: a condition, then who is engaged when it holds. */
const CONDITION_LINE = /^(?:[-*•]|\d+[.)])\s+((?:if|when|after|once)\b[^:]+?):\s*(.+)$/i;

/**
 * `Escalation:` in a block of labelled parts, over items that each give a condition and who
 * (`- If not resolved in 15 min: @nlu-team-lead`): the run of such items from the first, two at
 * least, each naming people, is the path; an item saying anything else ends it.
 */
export function labelledConditionLines(value: string): Level[] | undefined {
	const lines = value.split('\n');
	let found: Level[] | undefined;
	for (const [index, line] of lines.entries()) {
		const label = PATH_LABEL.exec(line.trim());
		if (!label || label[1]!.trim()) continue;
		const indent = /^\s*/.exec(line)![0].length;
		const levels: Level[] = [];
		for (const next of lines.slice(index + 1)) {
			if (!next.trim() || /^\s*/.exec(next)![0].length <= indent) break;
			const item = CONDITION_LINE.exec(next.trim());
			const who = item?.[2]!.trim().replace(/\.$/, '');
			// `@nlu-team-lead`: a handle names its role with dashes.
			if (!item || !who) break;
			const name = who.startsWith('@') ? who.slice(1).replace(/[-_]/g, ' ') : who;
			if (!isName(name)) break;
			// Each item waits longer than the one before (`in 15 min`, `in 30 min`): items without a
			// time (`If cost > $500: also notify the CFO`) are told at once, side by side, no ladder.
			const after = durationIn(item[1]!);
			const minutes = after ? parseDuration(after)?.minutes : undefined;
			const before = levels.at(-1)?.after;
			if (minutes === undefined || (before && minutes <= (parseDuration(before)?.minutes ?? 0)))
				break;
			levels.push({ id: `Level ${levels.length + 1}`, who, condition: item[1]!.trim(), after });
		}
		if (levels.length < 2) continue;
		if (found) return undefined;
		found = levels;
	}
	return found;
}

/** `P0 incident detected`, `SEV1 declared`: the event a drawn path starts from. */
const INCIDENT_EVENT =
	/^\S+\s+(?:incidents?\s+)?(?:detected|declared|raised|reported|opened|confirmed)$/i;

/**
 * Boxes joined by `v (no ACK in 5 min)` arrows in a fenced block. A box that names a severity, holds
 * an arrow of its own or starts with a condition (`P3 → Engineer assigned`, `If more customers are
 * hit`) draws how an incident is raised or handled, not who is engaged: no path. Only the first box
 * may name the incident the path starts from (`P0 incident detected`).
 */
export function parseDiagram(value: string): Level[] | undefined {
	const levels: Level[] = [];
	let namedLevels = false;
	let pending: string | undefined;
	let arrow = true;
	// Boxes joined by plain lines, no arrowhead, are a flow of people only if each names one:
	// `Load balancer | Web servers | Database` is a system drawn.
	let headed = false;
	let trigger: string | undefined;
	for (const raw of value.split('\n')) {
		// A line of its own between boxes joins them as an arrow does.
		if (levels.length && /^[|│┃]$/.test(raw.trim())) {
			arrow = true;
			continue;
		}
		// `+` is a corner only on a box's edge: `Lead + Manager` joins two people.
		const line = raw.replace(/\||\+(?=[-=])|(?<=[-=])\+/g, ' ').trim();
		if (!line || /^[-=_\s]+$/.test(line)) continue;
		const down = /^(?:v|▼|↓)\s*(?:\((.+)\))?$/i.exec(line);
		if (down) {
			if (down[1]) pending = down[1].trim();
			arrow = true;
			headed = true;
			continue;
		}
		// `15 min` or `(no ack in 15 min)` on the line between two boxes labels it.
		const label = /^\(?([^()]+)\)?$/.exec(line);
		if (
			arrow &&
			levels.length &&
			label &&
			(/^\d/.test(label[1]!) || ARROW_LABEL.test(label[1]!)) &&
			durationIn(label[1]!)
		) {
			pending = label[1]!.trim();
			continue;
		}
		if (line === '│') continue;
		// Every box after the first hangs below an arrow; two boxes in a row are not a flow.
		if (!arrow) return undefined;
		arrow = false;
		if (/^[│└┌┐┘─]+$/.test(line)) continue;
		const who = line
			.replace(/[│└┌┐┘─]/g, '')
			.trim()
			.replace(/^\[\s*(.+?)\s*\]$/, '$1');
		if (!who || who.length > 60) return undefined;
		if (/→|->|⟶|^(?:if|when|unless)\b/i.test(who)) return undefined;
		if (parseLevel(who.split(/\s+/)[0]!)) {
			// `P0 Incident Detected` above the first person says which incidents the path is for.
			if (levels.length || trigger || !INCIDENT_EVENT.test(who)) return undefined;
			trigger = who;
			continue;
		}
		// `On-Call Engineer (0-15 min)`: the box gives its time window.
		const timed = CHAIN_TRAILING.exec(who);
		const after = pending ? durationIn(pending) : timed ? windowStart(timed[2]!) : undefined;
		// `15 min no response or no progress` says when and why: the words after the time are kept.
		const more =
			pending !== undefined &&
			/^\d/.test(pending) &&
			!/^\d+(?:\.\d+)?\s*(?:[-–]\s*\d+\s*)?[a-z]+\+?$/i.test(pending);
		const condition =
			pending && (!parseDuration(pending) || more) ? pending : levels.length ? undefined : trigger;
		// `Level 2: Secondary On-Call`: the box names its level before who.
		const named = timed ? undefined : CHAIN_LEAD.exec(who);
		if (named) namedLevels = true;
		levels.push({
			id: named
				? named[1]!
						.replace(/^l(\d)/i, 'L$1')
						.replace(
							/^(level|tier)\s*/i,
							(w) => `${w.charAt(0).toUpperCase()}${w.slice(1).toLowerCase().trim()} `
						)
				: `Level ${levels.length + 1}`,
			who: timed ? timed[1]!.trim() : named ? named[2]!.trim() : who,
			...(after ? { after } : {}),
			...(condition ? { condition } : {}),
			...(timed ? { window: timed[2]!.trim() } : {}),
		});
		pending = undefined;
	}
	// `Level 2: Major` is how bad, not who: a named level must name people, arrow or none.
	if ((!headed || namedLevels) && !levels.every((level) => PEOPLE.test(level.who)))
		return undefined;
	return levels.length >= 2 ? levels : undefined;
}

/** Line directions of box-drawing characters: up, down, left, right. */
const STROKES: Record<string, string> = {
	'│': 'ud',
	'║': 'ud',
	'─': 'lr',
	'═': 'lr',
	'┌': 'dr',
	'╭': 'dr',
	'╔': 'dr',
	'┐': 'dl',
	'╮': 'dl',
	'╗': 'dl',
	'└': 'ur',
	'╰': 'ur',
	'╚': 'ur',
	'┘': 'ul',
	'╯': 'ul',
	'╝': 'ul',
	'├': 'udr',
	'╠': 'udr',
	'┤': 'udl',
	'╣': 'udl',
	'┬': 'dlr',
	'╦': 'dlr',
	'┴': 'ulr',
	'╩': 'ulr',
	'┼': 'udlr',
	'╬': 'udlr',
	// Arrowheads sit on a vertical line; which way they point is counted for the direction.
	'▼': 'ud',
	'↓': 'ud',
	'▲': 'ud',
	'↑': 'ud',
};
const OPPOSITE: Record<string, string> = { u: 'd', d: 'u', l: 'r', r: 'l' };
const STEP: Record<string, [number, number]> = { u: [-1, 0], d: [1, 0], l: [0, -1], r: [0, 1] };
const has = (char: string | undefined, dir: string) =>
	!!char && (STROKES[char] ?? '').includes(dir);

interface Box {
	top: number;
	bottom: number;
	left: number;
	right: number;
	text: string;
	/** The box's lines: the first names who, `- Acknowledge within SLA` lines are duties. */
	lines: string[];
}

/** Boxes drawn with box-drawing corners (`┌─┐ │ │ └─┘`), each with the words inside it. */
function boxesOf(grid: string[][]): Box[] {
	const at = (r: number, c: number) => grid[r]?.[c];
	const boxes: Box[] = [];
	for (const [top, row] of grid.entries())
		for (const [left, char] of row.entries()) {
			if (!'┌╭╔'.includes(char)) continue;
			let right = left + 1;
			while (has(at(top, right), 'l') && has(at(top, right), 'r')) right++;
			if (!'┐╮╗'.includes(at(top, right) ?? ' ') || right - left < 2) continue;
			let bottom = top + 1;
			while (
				has(at(bottom, left), 'u') &&
				has(at(bottom, left), 'd') &&
				has(at(bottom, right), 'u')
			)
				bottom++;
			if (!'└╰╚'.includes(at(bottom, left) ?? ' ') || !'┘╯╝'.includes(at(bottom, right) ?? ' '))
				continue;
			const lines = grid
				.slice(top + 1, bottom)
				.map((line) =>
					line
						.slice(left + 1, right)
						.join('')
						.replace(/\s+/g, ' ')
						.trim()
				)
				.filter(Boolean);
			const text = lines.join(' ');
			if (text) boxes.push({ top, bottom, left, right, text, lines });
		}
	return boxes;
}

/**
 * An escalation hierarchy drawn as a tree of boxes (`┌─────┐ │ CTO │ └──┬──┘`, lines between them,
 * branches side by side). The path is its longest line from the first tier (the end that names
 * the on-call or primary, or where the arrowheads point from) to the last; boxes beside that line
 * are returned as branches. Undefined when it is no connected tree of boxes; `undirected` when
 * nothing says which end is the first tier.
 */
export function parseBoxTree(
	value: string
):
	| { levels: Level[]; branches: { who: string; from: string[]; to: string[] }[] }
	| 'undirected'
	| undefined {
	const grid = value.split('\n').map((line) => Array.from(line));
	const boxes = boxesOf(grid);
	if (boxes.length < 2) return undefined;
	const owner = new Map<string, number>();
	boxes.forEach((box, index) => {
		for (let r = box.top; r <= box.bottom; r++)
			for (let c = box.left; c <= box.right; c++) owner.set(`${r},${c}`, index);
	});
	const at = (r: number, c: number) => grid[r]?.[c];
	// Each line leaving a box is followed to every box it reaches; the side it arrives at says
	// which box is above the other.
	const edges = new Set<string>();
	let down = 0;
	let up = 0;
	boxes.forEach((box, from) => {
		const exits: [number, number, string][] = [];
		for (let c = box.left; c <= box.right; c++) exits.push([box.top, c, 'u'], [box.bottom, c, 'd']);
		for (let r = box.top; r <= box.bottom; r++) exits.push([r, box.left, 'l'], [r, box.right, 'r']);
		for (const [r0, c0, dir] of exits) {
			const [dr, dc] = STEP[dir]!;
			const start: [number, number] = [r0 + dr, c0 + dc];
			if (!has(at(...start), OPPOSITE[dir]!) || owner.has(start.join(','))) continue;
			const seen = new Set([start.join(',')]);
			const queue = [start];
			while (queue.length) {
				const [r, c] = queue.shift()!;
				const char = at(r, c)!;
				if ('▼↓'.includes(char)) down++;
				if ('▲↑'.includes(char)) up++;
				for (const next of 'udlr') {
					if (!has(char, next)) continue;
					let [nr, nc] = [r + STEP[next]![0], c + STEP[next]![1]];
					// A hand-drawn vertical line drifts a column: a blank straight on, and exactly one
					// line beside it, continues the line.
					if ((next === 'u' || next === 'd') && !(at(nr, nc) ?? ' ').trim()) {
						const beside = [nc - 1, nc + 1].filter(
							(cc) => has(at(nr, cc), OPPOSITE[next]!) && !owner.has(`${nr},${cc}`)
						);
						if (beside.length === 1) nc = beside[0]!;
					}
					const key = `${nr},${nc}`;
					const hit = owner.get(key);
					if (hit !== undefined) {
						if (hit !== from && next !== 'l' && next !== 'r') {
							// Arriving at a top border from above: `from` is over `hit`.
							const [upper, lower] = next === 'd' ? [from, hit] : [hit, from];
							if (boxes[upper]!.bottom < boxes[lower]!.top) edges.add(`${upper}>${lower}`);
						} else if (hit !== from) {
							const [upper, lower] = boxes[from]!.top < boxes[hit]!.top ? [from, hit] : [hit, from];
							if (boxes[upper]!.bottom < boxes[lower]!.top) edges.add(`${upper}>${lower}`);
						}
						continue;
					}
					if (seen.has(key) || !has(at(nr, nc), OPPOSITE[next]!)) continue;
					seen.add(key);
					queue.push([nr, nc]);
				}
			}
		}
	});
	const below = boxes.map((_, i) =>
		[...edges].filter((e) => e.startsWith(`${i}>`)).map((e) => Number(e.split('>')[1]))
	);
	const above = boxes.map((_, i) =>
		[...edges].filter((e) => e.endsWith(`>${i}`)).map((e) => Number(e.split('>')[0]))
	);
	if (boxes.some((_, i) => below[i]!.length + above[i]!.length === 0)) return undefined;
	// The longest line from a top box down to a bottom one (the drawing's rows keep it acyclic).
	const memo = new Map<number, number[]>();
	const longest = (i: number): number[] => {
		if (!memo.has(i)) {
			const tails = below[i]!.map(longest).sort((a, b) => b.length - a.length);
			memo.set(i, [i, ...(tails[0] ?? [])]);
		}
		return memo.get(i)!;
	};
	const path = boxes
		.map((_, i) => i)
		.filter((i) => above[i]!.length === 0)
		.map(longest)
		.sort((a, b) => b.length - a.length)[0]!;
	if (path.length < 2) return undefined;
	const first = /\b(on-?call|primary|first|responder|tier\s*1|level\s*1|l1)\b/i;
	const topFirst = first.test(boxes[path[0]!]!.text);
	const bottomFirst = first.test(boxes[path[path.length - 1]!]!.text);
	const upward = up > down || (up === down && bottomFirst && !topFirst);
	if (up === down && topFirst === bottomFirst) return 'undirected';
	const order = upward ? [...path].reverse() : path;
	const names = (list: number[]) => list.map((i) => boxes[i]!.text);
	let event: number | undefined;
	// `┌ Alert Fires ┐` above the first tier is the event the path starts from, no one engaged.
	if (
		/^(?:alert|incident|page|issue)s?\s+(?:fires?|triggers?|raised|detected|opened)$/i.test(
			boxes[order[0]!]!.text
		)
	)
		event = order.shift();
	if (order.length < 2) return undefined;
	// Words written along the line into a box (`│ If unresolved after 30 min`) are what sends the
	// incident there; rows between the two boxes, outside every box.
	const along = (a: number, b: number): string => {
		const [upper, lower] =
			boxes[a]!.top < boxes[b]!.top ? [boxes[a]!, boxes[b]!] : [boxes[b]!, boxes[a]!];
		return grid
			.slice(upper.bottom + 1, lower.top)
			.map((row, r) =>
				row
					.filter((_, c) => !owner.has(`${upper.bottom + 1 + r},${c}`))
					.join('')
					.replace(/[\u2500-\u257f|▼▲↓↑]/g, ' ')
					.replace(/\s+/g, ' ')
					.trim()
			)
			.filter((text) => /[a-z]/i.test(text))
			.join(' ');
	};
	const level = (i: number, n: number): Level => {
		const [head = '', ...rest] = boxes[i]!.lines;
		const duties = rest.filter((line) => /^[-*•]\s/.test(line));
		const written = [head, ...rest.filter((line) => !duties.includes(line))].join(' ');
		const named = LEVEL_HEADING.exec(written);
		const label = n ? along(order[n - 1]!, i).replace(/^(?:if|when)\s+/i, '') : '';
		const after = label ? durationIn(label) : undefined;
		return {
			id: named ? named[1]! : `Level ${n + 1}`,
			who: named ? named[2]!.trim() : written,
			...(label ? { condition: label } : {}),
			...(after ? { after } : {}),
			...(duties.length
				? { responsibilities: duties.map((line) => line.replace(/^[-*•]\s+/, '')) }
				: {}),
		};
	};
	return {
		levels: order.map(level),
		branches: boxes
			.map((box, i) => ({ box, i }))
			.filter(({ i }) => !path.includes(i) && i !== event)
			.map(({ box, i }) => ({
				who: box.text,
				from: names(upward ? below[i]! : above[i]!),
				to: names(upward ? above[i]! : below[i]!),
			})),
	};
}

/**
 * When a clock step happens: `T+15m`, `T + 5 min`, `+15m`, `15 minutes:`, `After 30 min:`, `Time
 * 1:30 →`, `0:05 →`. Only `T+` may run straight into the text; the others need a colon, dash or
 * arrow after them, so `5 minutes of logs` starts no step.
 */
const STAMP =
	/^(?:(T\s*\+\s*|\+)(\d+(?:\.\d+)?)\s*([a-z]*)\s*(?:→|->|:|[—–-])?|(?:(?:after|at)\s+)?(\d+(?:\.\d+)?)\+?\s*(secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?)\s*(?:→|->|:|[—–-])|(?:time\s+)?(\d{1,2}:\d{2})\s*(?:→|->|:|[—–-]))\s*/i;

/** One step of a clock: when (as written, and as a duration when it reads as one) and what happens. */
interface ClockStep {
	id: string;
	after?: string;
	clauses: string[];
	/** Who acts in the step when it engages no one new (`First Responder must, in order:`). */
	doer?: string;
}

/** `T+5m: Acknowledge; update incident` → step `T+5m` with clauses `Acknowledge`, `update incident`. */
function clockStep(lines: string[]): ClockStep | undefined {
	// An empty item (`1.` alone) has no lines, and starts no step.
	if (!lines.length) return undefined;
	// `**T+5m**: Secondary on-call`: the mark may be bold.
	const head = lines[0]!.trim().replace(/^(\*\*|__)([^*_]+)\1/, '$2');
	const stamp = STAMP.exec(head);
	if (!stamp) return undefined;
	const [all, plus, n, unit, number, named, clock] = stamp;
	const id = all.replace(/\s*(?:→|->|:|[—–-])?\s*$/, '').trim();
	// `Time 1:30` may be minutes or hours: kept as the step's id, no duration read into it.
	const amount = plus !== undefined ? n : clock ? undefined : number;
	const word = (plus !== undefined ? unit : named)?.toLowerCase() || 'min';
	const after = amount
		? `${amount} ${/^(m|mins?|minutes?)$/.test(word) ? 'min' : word}`
		: undefined;
	const clauses = [head.slice(all.length), ...lines.slice(1)]
		.flatMap((line) => line.replace(/^\s*(?:→|->|[-*•])\s*/, '').split(/\s*(?:→|->|;)\s*/))
		.map((clause) => inlineText(clause).trim())
		.filter(Boolean);
	return { id, ...(after && parseDuration(after) ? { after } : {}), clauses };
}

/** Who a clause of a clock step engages, and on what, or nothing. */
function engagedIn(clause: string): Omit<Level, 'id'> | undefined {
	let text = clause.replace(/[.:]$/, '').trim();
	const conditions: string[] = [];
	// `NO: Page the specialty team`, `If 10 minutes passed: Page the VP`: a label before the action.
	const label = /^([^:]{1,60}):\s+(.+)$/.exec(text);
	if (label) {
		conditions.push(label[1]!.replace(/^(?:if|when|once)\s+/i, ''));
		text = label[2]!;
	}
	let via: string | undefined;
	// `PagerDuty pages the on-call engineer (automatic)`: who is paged, and by what.
	const paged =
		/^(.+?)\s+(?:pages|calls|notifies|alerts|wakes(?: up)?|rings)\s+(?:the\s+)?(.+)$/i.exec(text);
	if (paged && !PEOPLE.test(paged[1]!)) [via, text] = [paged[1]!, `page ${paged[2]}`];
	const auto = /\s+(automatically|\(automatic\))$/i.exec(text);
	if (auto) text = text.slice(0, auto.index);
	const spoken = whoOf(
		text.replace(/^(?:@?mention|auto(?:matic(?:ally)?)?[- ]page)\s/i, 'notify ')
	);
	// `Inform stakeholders, regional manager`: more people after the first are engaged too.
	if (
		spoken.who &&
		spoken.condition &&
		text.indexOf(spoken.condition) > text.indexOf(spoken.who) &&
		PEOPLE.test(spoken.condition) &&
		!/\b(if|when|unless|no|not|still|after|within|until|once)\b/i.test(spoken.condition)
	) {
		spoken.who = `${spoken.who}, ${spoken.condition}`;
		delete spoken.condition;
	}
	// `On-call engineer investigates`, `Director makes the call`: a person doing the step.
	const doer =
		/^(?:the\s+)?(.+?)\s+(?:investigates|sees|responds|acknowledges|takes over|joins|decides|makes|assesses|reviews|declares|approves|response required|must (?:respond|acknowledge))\b/i.exec(
			text
		);
	let who = spoken.who ?? (doer && PEOPLE.test(doer[1]!) ? doer[1]!.trim() : undefined);
	// `@mention team lead in the Slack thread`: the place is how they are reached.
	const place = who ? /\s+(?:via|through|in the|on the)\s+(.+)$/i.exec(who) : null;
	if (place) [who, via] = [who!.slice(0, place.index), [via, place[1]].filter(Boolean).join(', ')];
	if (!who || who.split(/\s+/).length > 8) return undefined;
	if (spoken.condition) conditions.push(spoken.condition);
	const condition = conditions.join(', ');
	return {
		who,
		...(condition ? { condition } : {}),
		...(via || auto ? { via: [via, auto ? 'automatic' : ''].filter(Boolean).join(', ') } : {}),
	};
}

/**
 * Whether the clause that engages someone says more than who and when (`pick an Incident
 * Commander from among the SREs present`), so it stays a note; `Page the secondary on-call` does not.
 */
function saysMore(clause: string, read: (string | undefined)[]): boolean {
	let rest = clause;
	for (const part of read) {
		const at = part ? rest.toLowerCase().indexOf(part.toLowerCase()) : -1;
		if (at >= 0) rest = rest.slice(0, at) + rest.slice(at + part!.length);
	}
	return (
		rest
			.replace(/^\W*\w+/, '')
			.split(/[\s,.;:]+/)
			.filter((word) => word && !/^(?:the|a|an|to|our|their|your|on|and)$/i.test(word)).length >= 3
	);
}

/**
 * A clock of steps, each at an elapsed time: the steps that engage someone new are the tiers (the
 * step's other clauses and the steps that engage no one are the path's notes, with their time, so
 * nothing is lost). Outside an escalation heading every step must engage someone, as in
 * `T+5 min → page team lead if unresolved`; two tiers at least, and the times must not fall back.
 */
function clockPath(
	steps: ClockStep[],
	escalation: boolean
): { levels: Level[]; notes: string[] } | undefined {
	if (steps.length < 2) return undefined;
	const levels: Level[] = [];
	const notes: string[] = [];
	// Under an escalation heading, `T+5m: Secondary on-call` names who is engaged then.
	const engage = (step: ClockStep, clause: string) =>
		engagedIn(clause) ??
		(escalation && step.clauses.length === 1 && isName(clause) ? { who: clause } : undefined);
	for (const step of steps) {
		const index = step.clauses.findIndex((clause) => {
			const engaged = engage(step, clause);
			return engaged && engaged.who.toLowerCase() !== levels.at(-1)?.who.toLowerCase();
		});
		if (index < 0) {
			if (!escalation) return undefined;
			notes.push(`${step.id}: ${step.clauses.join('; ')}`);
			// The step that opens the clock is that of whoever acts in it, before anyone is engaged.
			if (step.doer && !levels.length)
				levels.push({ id: step.id, who: step.doer, ...(step.after ? { after: step.after } : {}) });
			continue;
		}
		const engaged = engage(step, step.clauses[index]!)!;
		const before = step.clauses.slice(0, index);
		// `Decision: can you fix it?` … `NO: page the team`: the answer is read with its question.
		const question = before.findLast((clause) => clause.endsWith('?'));
		if (question && /^(yes|no)\b/i.test(engaged.condition ?? ''))
			engaged.condition = `${question} ${engaged.condition}`;
		// The condition: `If still unresolved:` lines before the action, or the event that opens
		// the step (`Alert fires`); the step's other clauses are notes.
		const leads = before.filter((clause) => /^(?:if|when|once|unless)\s/i.test(clause));
		const opening = index === 1 && !leads.length && !/[:?]$/.test(before[0]!) ? before : [];
		const condition = [...leads, ...opening]
			.map((clause) => clause.replace(/^(?:if|when|once)\s+|:$/gi, ''))
			.concat(engaged.condition ?? [])
			.join(', ');
		const rest = step.clauses.filter(
			(clause, i) =>
				(i !== index || saysMore(clause, [engaged.who, engaged.condition])) &&
				!leads.includes(clause) &&
				!opening.includes(clause) &&
				!(clause === question && engaged.condition?.startsWith(question))
		);
		if (rest.length) notes.push(`${step.id}: ${rest.join('; ')}`);
		delete engaged.condition;
		levels.push({
			id: step.id,
			...engaged,
			...(step.after ? { after: step.after } : {}),
			...(condition ? { condition } : {}),
		});
	}
	if (levels.length < 2 || (!escalation && !levels.every((level) => PEOPLE.test(level.who))))
		return undefined;
	const minutes = steps.map((step) =>
		step.after ? parseDuration(step.after)?.minutes : undefined
	);
	if (minutes.some((m, i) => i > 0 && m !== undefined && (minutes[i - 1] ?? -1) > m))
		return undefined;
	return { levels, notes };
}

/**
 * `T+5 min → page team lead if unresolved`: a list of elapsed times and who is engaged, each item
 * with what happens then (nested items too). Under an escalation heading, `⏱ **15 min** → No
 * response? Escalate to Tier 2` too, and steps that engage no one (`T+5m: Acknowledge`).
 */
export function parseClock(
	doc: Context['doc'],
	list: List,
	escalation = false
): { levels: Level[]; notes: string[] } | undefined {
	const steps: ClockStep[] = [];
	for (const item of list.children) {
		const step = clockStep(itemLines(doc, item));
		if (!step) return undefined;
		steps.push(step);
	}
	return clockPath(steps, escalation);
}

/**
 * The same clock as lines of a fenced block or a paragraph: `Time 0:00 → Alert fires` with
 * `→ PagerDuty pages On-Call Engineer` indented below it, `15 minutes: Escalate to …`.
 */
export function parseClockLines(
	text: string,
	escalation = false
): { levels: Level[]; notes: string[] } | undefined {
	const groups: string[][] = [];
	for (const line of text.split('\n')) {
		if (!line.trim()) continue;
		if (STAMP.exec(line.trim()) && !/^\s/.test(line)) groups.push([line]);
		else if (groups.length) groups.at(-1)!.push(line);
		else return undefined;
	}
	const steps = groups.map(clockStep);
	return steps.every(Boolean) ? clockPath(steps as ClockStep[], escalation) : undefined;
}

/**
 * A heading that is a time: `10 Minutes Later`, `After 30 minutes`, `T+15m`, `Après 15 minutes`,
 * `Nach 10 Minuten`. Nothing else may stand in it: `5 minutes of logs` is a topic. `Within 1 hour`
 * is a deadline, not when someone is engaged.
 */
const HEADING_STAMP =
	/^(?:(?:after|at|après|au bout de|nach|dopo|después de|tras)\s+|T\s*\+\s*|\+)?(\d+(?:\.\d+)?)\s*(m|mins?|minutes?|minuten|minuti|minutos|h|hrs?|hours?|heures?|stunden?|ore|horas?)\b\.?(?:\s+(?:later|on|in|plus tard|später|dopo|después|(?:after|since|without)\b.*))?$/i;

/** `10 Minutes Later` → `10 min`; `After 2 hours` → `2 hours`. */
function headingAfter(title: string): string | undefined {
	const stamp = HEADING_STAMP.exec(title.trim());
	if (!stamp) return undefined;
	const hours = stamp[1] === '1' ? 'hour' : 'hours';
	const after = `${stamp[1]} ${/^m/i.test(stamp[2]!) ? 'min' : hours}`;
	return parseDuration(after) ? after : undefined;
}

/** The heading of a clock's first step: `Initial Response`, `Straight away`, `T+0`, `Immédiatement`. */
const OPENING =
	/^(?:initial|immediate|first|straight away|right away|at once|at the start|on (?:alert|page|call)|T\s*\+?\s*0\b|0\s*min|immédiat|premi[eè]re?s?|dès|sofort|erste)/i;

/** `Before anything else, the first responder must, in order:`: who acts, named before `must`. */
const DOER = /(?:^|,\s*)(?:the\s+)?([^,]+?)\s+(?:must|should|shall|has to|is to)\b/i;

/** A part's text as clauses: what follows its label, its paragraphs, and each line of its lists. */
function partClauses(context: Context, part: Part): string[] {
	return [
		inlineText(part.value),
		...part.nodes.flatMap((node) =>
			node.type === 'list'
				? node.children.flatMap((item) => itemLines(context.doc, item))
				: node.type === 'paragraph'
					? [inlineText(sourceOf(context.doc, node))]
					: []
		),
	]
		.map((clause) => clause.replace(/\s+/g, ' ').trim())
		.filter(Boolean);
}

/**
 * `#### Initial Response` then `#### 10 Minutes Later` (`If nobody has joined …: pick an Incident
 * Commander`), or the same as bold labels (`**After 15 minutes:**`): sibling headings or labels that
 * are times make a clock, each part what happens then. The heading just before the first time
 * opens it when it says it begins (its `after` unsaid), its tier whoever acts in it. The times are
 * what make it a path, so it needs no escalation heading; but every tier must read as people, and
 * one timed tier must engage someone.
 */
export function recogniseHeadingClocks(context: Context): void {
	for (const parent of [context.doc.outline, ...allSections(context.doc.outline)]) {
		const parts = partsOf(context.doc, parent).filter((part) => part.label);
		const first = parts.findIndex((part) => headingAfter(part.label));
		if (first < 0) continue;
		let last = first;
		while (parts[last + 1] && headingAfter(parts[last + 1]!.label)) last++;
		// `### Overview` before `### After 15 minutes` is no step: only a heading that says it begins.
		const opens = first > 0 && OPENING.test(parts[first - 1]!.label);
		const run = parts.slice(opens ? first - 1 : first, last + 1);
		if (run.some((part) => part.section?.children.length)) continue;
		if (isClaimed(context.doc, run[0]!.start, run.at(-1)!.end)) continue;
		const steps: ClockStep[] = run.map((part) => {
			const clauses = partClauses(context, part);
			const after = headingAfter(part.label);
			const doer = clauses.map((clause) => DOER.exec(clause)?.[1]?.trim()).find(Boolean);
			return {
				id: part.label,
				...(after ? { after } : {}),
				clauses,
				...(doer && isName(doer) ? { doer } : {}),
			};
		});
		const path = clockPath(steps, true);
		if (
			!path ||
			!path.levels.every((level) => PEOPLE.test(level.who)) ||
			!path.levels.some((level, index) => index > 0 && level.after)
		)
			continue;
		const source = { ...pathSource(parent), start: run[0]!.start, end: run.at(-1)!.end };
		const href = addPath(
			context,
			parent.title || 'Escalation',
			'time',
			path.levels,
			source,
			path.notes
		);
		claim(context.doc, source.start, source.end, href);
	}
}

/**
 * `1. **Tier 1 – Initial Response**` over its duties, `2. **Tier 2 – Specialized Support**` …: an
 * ordered list whose every item is a bold name and a list, two or more of them naming a tier or
 * level. Items that name none (`**External Escalation (Vendors)**`) are the next levels.
 */
export function parseTierList(doc: Context['doc'], list: List): Level[] | undefined {
	if (!list.ordered || list.children.length < 2) return undefined;
	const levels: Level[] = [];
	let named = 0;
	for (const [index, item] of list.children.entries()) {
		const [lead, duties, ...rest] = item.children;
		if (lead?.type !== 'paragraph' || duties?.type !== 'list' || rest.length) return undefined;
		const source = sourceOf(doc, lead).trim();
		if (!/^(\*\*|__)[^*_\n]+\1$/.test(source)) return undefined;
		const name = inlineText(source);
		const tier = /^((?:tier|level|l)\s*\d+)\s*(?:[-–—:]\s*(.+))?$/i.exec(name);
		if (tier) named++;
		levels.push({
			id: tier
				? tier[1]!.replace(/\s+/g, ' ').replace(/^./, (c) => c.toUpperCase())
				: `Level ${index + 1}`,
			who: tier?.[2]?.trim() || name,
			responsibilities: duties.children.flatMap((duty) => itemLines(doc, duty)),
		});
	}
	return named >= 2 ? levels : undefined;
}

/** `**If the on-call is unreachable for 5 minutes**:` alone on its line: when a ladder starts. */
function ladderOpening(
	context: Context,
	before: Nodes | undefined
): { node: Nodes; condition: string } | undefined {
	if (before?.type !== 'paragraph') return undefined;
	const text = inlineText(sourceOf(context.doc, before)).trim();
	const match = /^(?:if|when|once)\s+([^\n]+?):$/i.exec(text);
	return match ? { node: before, condition: match[1]!.trim() } : undefined;
}

/**
 * A sentence that introduces who is engaged, in order: `We escalate to these people (in order):`,
 * `For critical incidents, contact in this order:`.
 */
const ORDER_LEAD =
	/\bescalat\w*\b[^.!?]*:$|\b(?:contact|call|page|notify|alert|reach)\b[^.!?]*\bin (?:this|the following) order:$/i;
/** A step's first word: `1. Open the dashboard` is a procedure, not a person. */
const STEP_VERB =
	/^(open|check|run|page|call|post|ask|create|go|click|update|restart|make|find|read|write|send|tell|add|set|log|join|confirm|review|verify|wait|escalate|notify|contact|use|follow|start|stop|acknowledge|ack)\b/i;

/**
 * `… to escalate to these people (in order):` over `1. Primary Engineer`, `2. Secondary Engineer`,
 * `3. A senior manager (might not be technical)`: an ordered list of names after a sentence that
 * says it is the escalation order (`true`: the heading says so). Each item, as written, is one
 * level; no times are given.
 */
export function parseNameOrder(
	doc: Context['doc'],
	list: List,
	lead: string | true
): Level[] | undefined {
	if (!list.ordered || list.children.length < 2 || list.children.length > 8) return undefined;
	if (lead !== true && !ORDER_LEAD.test(lead)) return undefined;
	const levels: Level[] = [];
	for (const item of list.children) {
		if (item.children.length !== 1) return undefined;
		// A box to tick (`[ ] Legal`) marks the contact done; it is no part of the name.
		const written = inlineText(itemSource(doc, item)).replace(/^\[[ xX]\]\s+/, '');
		// `Legal (if fund loss)`: words in parentheses opening with `if` say when this one is engaged.
		const when = /^(.+?)\s*\(((?:if|when|only if|unless)\b[^)]*)\)$/i.exec(written);
		const who = when ? when[1]! : written;
		const name = who.replace(/\s*\([^)]*\)$/, '');
		if (
			!/^[A-Z]/.test(name) ||
			STEP_VERB.test(name) ||
			/[.!?:;,]/.test(name.replace(/\.(?=\w)/g, ''))
		)
			return undefined;
		if (name.split(/\s+/).length > 8) return undefined;
		// `Primary On-Call (15 min)`: how long that one has, as written.
		const span = when ? undefined : /^(.+?)\s*\((\d[^()]*)\)$/.exec(who);
		const window = span && parseDuration(span[2]!)?.kind === 'span' ? span : undefined;
		levels.push({
			id: `Level ${levels.length + 1}`,
			who: window ? window[1]! : who,
			...(when ? { condition: when[2]! } : {}),
			...(window ? { window: window[2]!.trim() } : {}),
		});
	}
	return levels;
}

/** `Order of contacts:`, `ordre des contacts :`, `Reihenfolge:`: a label saying the list under it is an order. */
const ORDER_LABEL =
	/(?:^|[^\p{L}])(?:order|ordre|orden|ordem|ordine|reihenfolge|sequence|séquence|secuencia|chain|chaîne|ladder)(?![\p{L}])[^:]*:$/iu;
/** A label, not a sentence: `Call order:`, `ordre des contacts :` (`Work through these in this order:` is a step). */
const orderLabel = (text: string): boolean =>
	ORDER_LABEL.test(text) && (text.match(/[\p{L}'’.-]+/gu) ?? []).length <= 4;
/** Escalating in the languages playbooks are written in: `escalation`, `escalade`, `Eskalation`. */
const ESCALATE_WORD = /escal(?:at|ad)|eskal/i;

/** One contact of an order, as written: a few words, no sentence, no step (`Open the console`). */
function contactOf(text: string): string | undefined {
	const name = text.replace(/[.;,]$/, '').trim();
	if (!name || STEP_VERB.test(name) || /[!?;:,]|\.\s|\d/.test(name)) return undefined;
	return name.split(/\s+/).length <= 8 ? name : undefined;
}

/** A way to reach someone, not someone: `PagerDuty alert (automated)`, `Slack DM`, `SMS`. */
const CHANNEL =
	/\b(?:pagerduty|opsgenie|slack|teams|chat|dm|e-?mail|sms|text(?: message)?|phone(?: call)?|call|pager|push|signal|whatsapp|telegram|alert|ticket|webhook)\b/i;

/**
 * The contacts of a list, one per item, as written; none unless every item is one. An order of
 * channels (`Contact Methods (in order):` over `PagerDuty alert`, `Slack DM`, `Phone call`) says
 * how one person is reached, not who is engaged next.
 */
function contactsOf(context: Context, list: List): string[] | undefined {
	const names = list.children.map((contact) =>
		contact.children.length === 1
			? contactOf(inlineText(itemSource(context.doc, contact)))
			: undefined
	);
	// `Slack DM in #on-call`, `Phone call (number in the rota)`: a channel's name, or a note on
	// where the number is, is no one.
	const channel = (name: string) =>
		CHANNEL.test(name) && !PEOPLE.test(name.replace(/[#@][\w-]+|\([^()]*\)/g, ''));
	if (names.every((name) => name && channel(name))) return undefined;
	return names.length >= 2 && names.length <= 8 && names.every(Boolean)
		? (names as string[])
		: undefined;
}

/**
 * `- Escalade :` over `  - ordre des contacts :` over the contacts one per line, and `  - délais :`
 * over when; or `Call order:` alone above the list of contacts: a list whose label says it is an
 * order, under an escalation heading or an escalation item. Each contact, as written, is one tier;
 * the times given for the whole path (and the other labelled items beside the order) are its
 * notes, never a tier's `after`.
 */
export function recogniseContactOrders(context: Context): void {
	const add = (section: Section, names: string[], source: PathSource, notes: string[] = []) =>
		addPath(
			context,
			section.title || 'Escalation',
			'levels',
			numbered(names.map((who) => ({ who }))),
			source,
			notes
		);
	const visit = (section: Section, list: List, where: boolean, holder?: ListItem): void => {
		for (const item of list.children) {
			const [lead, nested, ...rest] = item.children;
			if (lead?.type !== 'paragraph' || nested?.type !== 'list' || rest.length) continue;
			const label = inlineText(sourceOf(context.doc, lead)).trim();
			if (!where || !orderLabel(label)) {
				visit(section, nested, where || ESCALATE_WORD.test(label), item);
				continue;
			}
			const names = contactsOf(context, nested);
			const whole = holder ?? item;
			if (!names || isClaimed(context.doc, startOf(whole), endOf(whole))) continue;
			const notes = (holder ? list.children : [])
				.filter((other) => other !== item)
				.map((other) => {
					const [head, ...lines] = itemLines(context.doc, other);
					return lines.length ? `${head!.replace(/\s*:$/, '')}: ${lines.join('; ')}` : head!;
				});
			const href = add(section, names, pathSource(section, whole), notes);
			// One item of a list: a link to the path stands in the list, after the item's marker.
			const title = context.out.escalations.at(-1)!.data.title;
			const link = entryLink('Escalation path', title, href);
			claim(context.doc, startOf(whole.children[0]!), endOf(whole), href, link);
		}
	};
	for (const section of allSections(context.doc.outline)) {
		const where = escalationish(section);
		for (const [index, node] of section.nodes.entries()) {
			if (node.type !== 'list') continue;
			visit(section, node, where);
			// `Call order:` alone on its line, the contacts in the list below it.
			const label = section.nodes[index - 1];
			if (!where || label?.type !== 'paragraph') continue;
			if (!orderLabel(inlineText(sourceOf(context.doc, label)).trim())) continue;
			const names = contactsOf(context, node);
			if (!names || isClaimed(context.doc, startOf(label), endOf(node))) continue;
			const href = add(section, names, { ...pathSource(section, node), start: startOf(label) });
			claimNode(context.doc, label);
			claimNode(context.doc, node, href);
		}
	}
}

/** A heading that names the list under it as the order of people to reach. */
const CHAIN_HEADING =
	/\bescalation (chain|order|ladder|path|hierarchy|sequence)\b|\bhierarchical escalation\b|\bchain of command\b|\bcall (tree|order)\b/i;

/** What may stand between two bold names of a sequence: `, then the`, `→`, `>`. */
const BOLD_JOIN = /^\s*(?:,?\s*(?:and\s+)?then\s+(?:to\s+)?(?:the\s+)?|→|->|>)\s*$/i;

/**
 * `1. **On-Call Engineer** - PagerDuty`, `2. **Engineering Manager** - [phone]` under an `Escalation
 * Chain` heading: an ordered list whose every item is a bold name, with how to reach them after a
 * dash. Or a paragraph of bold names joined by `then` or arrows: `Start with the **Primary
 * on-call**, then the **Team lead**, then the **Head of engineering**.` Each name is one level, in
 * order; no times are given.
 */
export function parseBoldNames(doc: Context['doc'], node: List | Paragraph): Level[] | undefined {
	if (node.type === 'paragraph') {
		const source = sourceOf(doc, node).trim();
		const spans = [...source.matchAll(/(\*\*|__)([^*_\n]+)\1/g)];
		// Between names only joiners; before the first a few words (`Start with the`), after the last
		// nothing but the full stop.
		const between = spans.slice(1).map((span, i) => {
			const end = spans[i]!.index + spans[i]![0].length;
			return source.slice(end, span.index);
		});
		const lead = source.slice(0, spans[0]?.index ?? 0);
		const last = spans.at(-1);
		const tail = last ? source.slice(last.index + last[0].length) : '';
		if (
			spans.length < 2 ||
			!between.every((text) => BOLD_JOIN.test(text)) ||
			lead.split(/\s+/).length > 5 ||
			/[.:;!?]/.test(lead) ||
			!/^\.?$/.test(tail.trim())
		)
			return undefined;
		const names = spans.map((span) => inlineText(span[2]!).trim());
		if (names.some((name) => STEP_VERB.test(name) || name.split(/\s+/).length > 6))
			return undefined;
		return names.map((who, index) => ({ id: `Level ${index + 1}`, who }));
	}
	if (!node.ordered || node.children.length < 2) return undefined;
	const levels: Level[] = [];
	for (const item of node.children) {
		if (item.children.length !== 1) return undefined;
		const match = /^(\*\*|__)([^*_\n]+)\1(?:\s*[—–-]\s*(.+))?$/.exec(itemSource(doc, item).trim());
		const who = match ? inlineText(match[2]!).trim() : '';
		if (!who || STEP_VERB.test(who) || who.split(/\s+/).length > 6) return undefined;
		const via = match![3] ? inlineText(match![3]).trim() : '';
		levels.push({ id: `Level ${levels.length + 1}`, who, ...(via ? { via } : {}) });
	}
	return levels;
}

/** `page team lead if unresolved` → who `team lead`, condition `unresolved`. */
export function whoOf(text: string): { who?: string; condition?: string } {
	// `No response? Escalate to Tier 2`: the question is the condition.
	const question = /^([^?]{3,60})\?\s+(.+)$/.exec(text);
	if (question) {
		const inner = whoOf(question[2]!);
		return inner.who
			? {
					who: inner.who,
					condition: [question[1]!.trim(), inner.condition].filter(Boolean).join(', '),
				}
			: {};
	}
	const parts = text.split(/\s*,\s*/);
	// `Automatic escalation to the backup on-call` says the same as `escalate to`.
	const verb =
		/^(?:page|call(?: upon| in)?|notify|bring in|escalate to|(?:auto(?:matic)?\s+)?escalation to|wake(?: up)?|ping|engage|loop in|inform|trigger|involve|contact)\s+(?:the\s+)?(.+?)(?:\s+if\s+(.+))?$/i;
	// `War room initiated`, `the incident bridge is opened`: a gathering is a tier too.
	const passive =
		/^(?:the\s+)?(.+?)\s+(?:is\s+|are\s+|(?:will|shall|would)\s+be\s+)?(?:paged|called|notified|engaged)(?:\s+if\s+(.+))?$|^(?:the\s+)?((?:war|crisis|incident)\s+(?:room|bridge|call)|bridge(?: call)?)\s+(?:is\s+)?(?:initiated|opened|convened|started|assembled)(?:\s+if\s+(.+))?$/i;
	// `pick an Incident Commander from among the SREs present`: a role filled is someone engaged.
	const appointed =
		/^(?:pick|choose|appoint|designate|nominate|elect)\s+(?:an?\s+|the\s+)?(.+?)(?:\s+(?:from|among)\b.*)?\.?$/i.exec(
			text
		);
	if (appointed && isName(appointed[1]!)) return { who: appointed[1]!.trim() };
	for (const [index, part] of parts.entries()) {
		const match = verb.exec(part) ?? passive.exec(part);
		if (!match) continue;
		const others = parts.filter((_, i) => i !== index).join(', ');
		const condition = match[2] ?? match[4] ?? (others || undefined);
		return { who: (match[1] ?? match[3])!.trim(), ...(condition ? { condition } : {}) };
	}
	return {};
}

/** `**Tier 1**: on-call engineer`, `**Level 2**: team lead (authority: roll back)`. */
function parseTierLines(lines: string[]): Level[] | undefined {
	const levels: Level[] = [];
	for (const line of lines) {
		const match =
			/^(?:\*\*|__)?((?:tier|level)\s*\d+|L\d+(?=(?:\*\*|__)?\s*:))(?:\*\*|__)?\s*:?(?:\*\*|__)?\s*:?\s*(.+)$/i.exec(
				line.trim()
			);
		if (!match) return undefined;
		const rest = inlineText(match[2]!);
		const authority = /^(.*?)\s*\(authority:\s*([^)]+)\)\s*$/i.exec(rest);
		levels.push({
			id: match[1]!.replace(/\s+/g, ' ').replace(/^./, (c) => c.toUpperCase()),
			who: (authority ? authority[1]! : rest).trim(),
			...(authority ? { authority: authority[2]!.split(/\s*,\s*/).filter(Boolean) } : {}),
		});
	}
	return levels.length >= 2 ? levels : undefined;
}

/** `**I - Identification and Triage**` alone above a list: the list's name. */
function boldLabel(context: Context, before: Nodes | undefined): string | undefined {
	if (before?.type !== 'paragraph') return undefined;
	const label = /^(?:\*\*|__)([^*_\n]+?):?(?:\*\*|__):?$/.exec(
		sourceOf(context.doc, before).trim()
	);
	return label ? inlineText(label[1]!).trim() : undefined;
}

/**
 * `**Immediate Actions**:` above a numbered list: the list is what to do, in order. Paging someone
 * may be one of the steps, but the steps are no ladder (the section's chain, if any, is).
 */
function stepsLabel(context: Context, before: Nodes | undefined): boolean {
	const label = boldLabel(context, before);
	return !!label && /\b(actions?|steps?|procedure|checklist|to-?dos?)$/i.test(label);
}

/** `Immediate escalation to the CTO:`, `Escalate to the CEO when:`: who a list of conditions engages. */
const ESCALATE_WHEN =
	/^(?:immediate(?:ly)?\s+)?escalat(?:e|ion)\s+to\s+(?:the\s+)?([^:]+?)(?:\s+(?:when|if))?:$/i;

/**
 * `Reasons for escalation include:`, `When to escalate:`, `You may escalate a case if:`, `What you
 * should escalate to us:`: when, not who. `What not to escalate:` lists the cases that are no path.
 */
const WHEN_LABEL =
	/^(?=.*\bescalat)(?=.*\b(?:reasons?|when|if|what|criteria|include)\b)(?!.*(?:\bnot?\b|n[’']t\b|\bnever\b))[^.!?]*:$/i;

/**
 * `When you make an escalation request, it alerts the on-call shift manager to the ticket, who …`,
 * `Your request pages the duty manager.`: who an escalation reaches, told in a sentence.
 */
const REACHES =
	/\b(?:alerts|pages|notifies|reaches|goes to|is (?:sent|routed|forwarded|assigned) to|(?<=\bwill\b[^.]*\b)(?:alert|page|notify))\s+(?:the\s+|your\s+|an?\s+)?([^,.;()]+?)(?:\s+(?:to|about|of|on)\s+(?:the|your)\s+[^,.;]+|\s+for\s+[^\s,;]+)?(?=\s*[,.;]|\s+who\b|$)/i;

/** The paragraph of a section that tells whom its escalation reaches, and who that is. */
function reachedIn(
	context: Context,
	section: Section
): { node: Nodes; who: string; text: string } | undefined {
	for (const node of section.nodes) {
		if (node.type !== 'paragraph' || isClaimed(context.doc, startOf(node), endOf(node))) continue;
		const text = inlineText(sourceOf(context.doc, node)).replace(/\s+/g, ' ').trim();
		const who = REACHES.exec(text)?.[1]?.trim();
		if (who && isName(who)) return { node, who, text };
	}
	return undefined;
}

/**
 * A label naming who to escalate to above a list of conditions: a path of one tier, reached when
 * any of them holds. Items must be short conditions, not steps with lists of their own. A label
 * that says only when (`Reasons for escalation include:`) takes its tier from the sentence of the
 * section that says whom the escalation reaches, which becomes the path's note.
 */
export function recogniseConditionLists(context: Context): void {
	for (const section of allSections(context.doc.outline)) {
		if (!escalationish(section)) continue;
		for (const [index, node] of section.nodes.entries()) {
			const label = section.nodes[index - 1];
			if (node.type !== 'list' || label?.type !== 'paragraph') continue;
			if (isClaimed(context.doc, startOf(label), endOf(node))) continue;
			const text = inlineText(sourceOf(context.doc, label)).trim();
			const reached = ESCALATE_WHEN.test(text)
				? undefined
				: WHEN_LABEL.test(text)
					? reachedIn(context, section)
					: undefined;
			const who = ESCALATE_WHEN.exec(text)?.[1]?.trim() ?? reached?.who;
			if (!who || who.split(/\s+/).length > 6 || !PEOPLE.test(who)) continue;
			if (node.children.some((item) => item.children.length !== 1)) continue;
			const conditions = node.children.map((item) =>
				inlineText(itemSource(context.doc, item)).trim()
			);
			// A case named as a noun (`A failure of the shared database that stops your app`) may run
			// longer than a step would.
			if (
				conditions.some(
					(condition) =>
						!condition ||
						condition.split(/\s+/).length > (/^(?:an?|any|the)\s/i.test(condition) ? 30 : 15)
				)
			)
				continue;
			// `… to resolve.` / `… have failed.`: one condition, its items' full stops dropped.
			const condition = conditions.map((item) => item.replace(/\.$/, '')).join('; ');
			const level = { id: 'Level 1', who, condition };
			// Only the label says when: the section's heading names the path.
			const title = reached ? section.title || 'Escalation' : text.replace(/:$/, '');
			const href = addPath(
				context,
				title,
				'levels',
				[level],
				{ ...pathSource(section, node), start: startOf(label) },
				reached ? [reached.text] : []
			);
			claimNode(context.doc, label);
			claimNode(context.doc, node, href);
			if (reached) claimNode(context.doc, reached.node, href);
		}
	}
}

/** `Escalation order: on-call engineer, then team lead, then director`: names after a colon. */
const NAMES_AFTER = /\b(escalat\w*|order)\b[^:.!?]*:\s*(.+?)\.?$/i;

/**
 * The names after a sentence about escalating, in the order given: joined by `then` or arrows, or
 * by commas when the sentence says it is an order (a comma list after `When escalating, notify:`
 * is everyone at once).
 */
function namesInOrder(text: string): Level[] | undefined {
	const match = NAMES_AFTER.exec(text);
	if (!match) return undefined;
	const ordered = /order/i.test(match[0]);
	const joiner = ordered
		? /\s*(?:,?\s*(?:and\s+)?then\s+|→|->|,\s*(?:and\s+)?|\s+and\s+)\s*/i
		: /\s*(?:,?\s*(?:and\s+)?then\s+(?:to\s+)?|→|->)\s*/i;
	const names = match[2]!.split(joiner).map((name) => name.replace(/^(?:the|your|our)\s+/i, ''));
	if (names.length < 2 || names.some((name) => !PEOPLE.test(name) || name.split(/\s+/).length > 6))
		return undefined;
	return numbered(names.map((who) => ({ who })));
}

/** The path a paragraph of prose tells, if any: hand-overs (`from … to …`) or a ladder of clauses. */
function proseIn(
	text: string,
	where: boolean
): { levels: Level[] | undefined; notes: string[]; style: EscalationInput['style'] } {
	const whole = sentenceChain(text);
	if (whole) return { ...whole, style: styleOf(whole.levels) };
	const chain = fromToChain(text) ?? namesInOrder(text);
	const prose = chain ? { levels: chain, notes: [] } : proseLadder(clausesOf(text), where);
	return {
		levels: prose?.levels,
		notes: prose?.notes ?? [],
		style: prose ? styleOf(prose.levels) : 'levels',
	};
}

/**
 * A bullet that tells a path in its sentences (`If you can't fix it within 15 minutes, page your
 * secondary. If you are still stuck, call upon the tertiary.`) among bullets that do not: the
 * bullet is the path, the others stay text.
 */
function proseItems(context: Context, section: Section, list: List, where: boolean): void {
	for (const item of list.children) {
		if (!item.children.every((child) => child.type === 'paragraph')) continue;
		const { levels, notes, style } = proseIn(inlineText(itemSource(context.doc, item)), where);
		if (!levels) continue;
		const source = nodeSource(context, section, item);
		claim(
			context.doc,
			source.start,
			source.end,
			addPath(context, section.title || 'Escalation', style, levels, source, notes)
		);
	}
}

/** `<mark style="color:blue;">**manager**</mark>`: inline HTML that colours a word, not part of it. */
const INLINE_TAG = /<\/?(?:mark|span|font|u|b|i|strong|em|small|big)(?:\s[^<>]*)?>/gi;
/** Markdown source as the words of a sentence, inline HTML wrappers off. */
const proseText = (markdown: string): string => inlineText(markdown.replace(INLINE_TAG, ''));

/**
 * Each item of a list as one clause, the items of a list nested in it after it: `2. If no one
 * acknowledges in 10 minutes, call the lead.` over `1. If there is no response, escalate to …`.
 */
const itemClauses = (doc: Context['doc'], list: List): Clause[] =>
	list.children.flatMap((item, index) => {
		const text = proseText(itemSource(doc, item));
		const nested = item.children.filter((child): child is List => child.type === 'list');
		const node = item.children[0];
		// `Ping a manager -> If no manager responds within 5 minutes ping a supervisor`: one step each.
		const own = text
			.split(STEP_ARROW)
			.map((step) => ({ text: step, then: false, sentence: step, ...(node ? { node } : {}) }));
		return [...own, ...nested.flatMap((n) => itemClauses(doc, n))].map((clause) => ({
			...clause,
			item: index,
		}));
	});

/** The verbs of a step, in the third person, that hand the incident on to someone. */
const HAND_VERB =
	'(?:notifies|informs|alerts|activates|pages|engages|(?:escalates|reports|forwards|hands)\\s+(?:it\\s+|this\\s+|the\\s+\\w+\\s+)?(?:over\\s+)?to)';
/** `notifies the Security Officer (if …)`, `activates the response team and notifies …`: to whom. */
const HAND_ON = new RegExp(
	`\\b${HAND_VERB}\\s+(?:the\\s+|any\\s+|all\\s+)?((?:[^,.;:()]|\\.(?=\\w))+?)(?=\\s+(?:by|via|through|within|if|when|as|for|of|about|that|who|to)\\b|\\s*[,.;:(]|\\s+and\\s+${HAND_VERB}|$)`,
	'gi'
);
/**
 * Those a procedure tells rather than hands the incident to (`affected customers`, `all staff`):
 * an audience kept informed is no tier. Named by its last word, so a `customer support lead` is
 * still a person. Leadership and management stay tiers: they decide, so incidents go up to them.
 */
const AUDIENCE =
	/\b(?:customers?|clients?|partners?|users?|stakeholders?|public|everyone|regulators?|press|media|subscribers?|all (?:staff|employees))$/i;
/** Whom a step may hand on to: people, never an audience. */
const handed = (who: string): boolean =>
	who.split(/\s+/).length <= 6 && PEOPLE.test(who) && !AUDIENCE.test(who);

/**
 * Steps of a procedure each handing the incident on, the one handed to acting next: `The person
 * who takes the report notifies the duty officer.` … `If it is a breach the duty officer activates
 * the response team and notifies the directors.` … `The duty officer notifies affected clients.`
 * Whoever acts first is the first tier, those each step hands to the next ones (those one step
 * names together are one tier), on the condition its sentence gives. Two hand-overs at least, each
 * after the first by someone already handed to: a list of people to notify is no chain. Returns
 * the levels and the clauses used.
 */
export function handOffChain(clauses: Clause[]): { levels: Level[]; used: number[] } | undefined {
	const tiers: Omit<Level, 'id'>[] = [];
	const used: number[] = [];
	for (const [index, clause] of clauses.entries()) {
		const targets = [...clause.text.matchAll(HAND_ON)];
		if (!targets.length) continue;
		const before = clause.text.slice(0, targets[0]!.index);
		// `activates the response team and notifies all customers`: only the team is handed to.
		const names = targets.map((target) => target[1]!.trim()).filter(handed);
		if (!names.length) continue;
		let condition: string | undefined;
		if (!tiers.length) {
			// `The individual receiving the report facilitates …, and notifies`: who acts, up to its verb.
			const actor = /^(?:the\s+)?([^,]+?)\s+[a-z]+s\b/i.exec(before)?.[1];
			if (!actor || actor.split(/\s+/).length > 6) continue;
			if (!PEOPLE.test(actor) && !/\b(?:individual|person|member)\b/i.test(actor)) continue;
			tiers.push({ who: actor });
		} else {
			const lower = before.toLowerCase();
			const by = tiers.slice(1).find((tier) => lower.includes(tier.who.toLowerCase()));
			if (!by) break;
			if (names.some((name) => tiers.some((tier) => tier.who === name))) continue;
			const lead = before.slice(0, lower.indexOf(by.who.toLowerCase()));
			condition = /^(?:if|when|once)\s+(.+?)[\s,]*(?:the\s+)?$/i.exec(lead)?.[1];
		}
		tiers.push({ who: names.join(' and '), ...(condition ? { condition } : {}) });
		used.push(index);
	}
	return tiers.length >= 3 ? { levels: numbered(tiers), used } : undefined;
}

/** The other shapes of `playbook-shapes.md`: ladders, arrow chains, diagrams, clocks, tiers. */
export function recogniseEscalationShapes(context: Context): void {
	// The text before the first heading too: `We page these people, in order:` may open the file.
	for (const section of [context.doc.outline, ...allSections(context.doc.outline)]) {
		const where = escalationish(section);
		for (const [index, node] of section.nodes.entries()) {
			if (isClaimed(context.doc, startOf(node), endOf(node))) continue;
			let levels: Level[] | undefined;
			let notes: string[] = [];
			let style: EscalationInput['style'] = 'time';
			let branched: string | undefined;
			// The path is one line of a block that says more: typed, but the block stays as written.
			let keep = false;
			// The parts of a list that hold the path, when the list is more than the path.
			let ranges: [number, number][] | undefined;
			let title: string | undefined;
			// The paragraph after this one, when the path runs on into it.
			let joined: Nodes | undefined;
			if (node.type === 'list') {
				const steps = stepsLabel(context, section.nodes[index - 1]);
				const ladder = where && !steps ? parseLadder(context.doc, node) : undefined;
				const clock = parseClock(context.doc, node, where);
				levels = clock?.levels ?? ladder?.levels;
				notes = (clock ?? ladder)?.notes ?? [];
				// `**If the on-call is unreachable for 5 minutes**:` above a ladder starts its first tier.
				const opening =
					ladder && !clock ? ladderOpening(context, section.nodes[index - 1]) : undefined;
				// `Urgent alerts set off each squad's escalation policy, which runs like this:` over the
				// ladder: what the path is for, kept with it.
				const lead = section.nodes[index - 1];
				const leadText =
					ladder && !clock && !opening && lead?.type === 'paragraph'
						? inlineText(sourceOf(context.doc, lead)).trim()
						: undefined;
				if (
					leadText &&
					/\bescalat\w*\b[^.!?]*:$/i.test(leadText) &&
					!/\n/.test(leadText) &&
					!isClaimed(context.doc, startOf(lead!), endOf(lead!))
				) {
					notes = [leadText, ...notes];
					claimNode(context.doc, lead!);
				}
				if (opening && !levels![0]!.condition) {
					const after = durationIn(opening.condition);
					levels![0] = {
						...levels![0]!,
						condition: opening.condition,
						...(after ? { after } : {}),
					};
					claimNode(context.doc, opening.node);
				}
				if (!levels && where) {
					levels = parseTierList(context.doc, node);
					// `- L1: Service Desk` / `- L2: Application Support`: tier lines as a list (with
					// time windows they are a chain, read below).
					if (
						!levels &&
						node.children.every((item) => item.children.length === 1) &&
						!parseChain(context.doc, node)
					)
						levels = parseTierLines(node.children.map((item) => itemSource(context.doc, item)));
					if (levels) style = 'levels';
				}
				const previous = section.nodes[index - 1];
				if (!levels && previous?.type === 'paragraph') {
					levels = parseNameOrder(context.doc, node, inlineText(sourceOf(context.doc, previous)));
					if (levels) style = 'levels';
				}
				// Under `### Hierarchical escalation` the heading is the sentence giving the order.
				if (!levels && CHAIN_HEADING.test(section.title)) {
					levels = parseBoldNames(context.doc, node) ?? parseNameOrder(context.doc, node, true);
					if (levels) style = 'levels';
				}
				// `1. Acknowledge the alert.` / `2. If you cannot fix it in 15 minutes, page the
				// secondary.` / `3. If still stuck, call the team lead.` outside an escalation heading.
				if (!levels && !steps) {
					const clauses = itemClauses(context.doc, node);
					// Under an escalation heading bullets may name people by name (`escalate to Ana and
					// Li`); numbered steps are a procedure (`Notify via SMS after 5 minutes` sets up a
					// phone), so their tiers must read as people.
					const prose = proseLadder(clauses, where && !node.ordered);
					if (prose) {
						// The items the ladder runs over are the path; the procedure around it stays text.
						const [first, last] = [prose.run[0]!, prose.run.at(-1)!].map((i) => clauses[i]!.item!);
						const from = node.children[first!]!;
						ranges = [[startOf(from.children[0] ?? from), endOf(node.children[last!]!)]];
						levels = prose.levels;
						notes = clauses
							.filter(
								(clause, i) =>
									clause.item! >= first! && clause.item! <= last! && !prose.run.includes(i)
							)
							.map((clause) => clause.sentence);
						style = styleOf(prose.levels);
					}
				}
				// `2. The person taking the report notifies the duty officer.` … `4. The duty officer
				// notifies the directors.`: only the steps that hand on are the path's (as written, in its
				// notes); the rest of the procedure, and whoever it names, stays text.
				const handOff =
					levels || steps || !node.ordered
						? undefined
						: handOffChain(itemClauses(context.doc, node));
				if (handOff) {
					const clauses = itemClauses(context.doc, node).filter((_, i) => handOff.used.includes(i));
					levels = handOff.levels;
					notes = clauses.map((clause) => clause.sentence);
					ranges = clauses.map((clause) => [startOf(clause.node!), endOf(clause.node!)]);
					style = 'levels';
					title = boldLabel(context, section.nodes[index - 1]);
				}
				if (!levels && !steps) proseItems(context, section, node, where);
			} else if (node.type === 'paragraph') {
				const lines = sourceOf(context.doc, node).split('\n');
				levels = lines.length === 1 ? parseArrowChain(inlineText(lines[0]!)) : undefined;
				if (levels && !where && !levels.every((level) => PEOPLE.test(level.who)))
					levels = undefined;
				if (!levels && where) levels = parseTierLines(lines);
				// `If the primary does not acknowledge within 5 minutes, page the secondary; if …`.
				if (!levels) ({ levels, notes, style } = proseIn(proseText(lines.join(' ')), where));
				// `Contact your lead first.` then a paragraph `If they need help, they page …`: a ladder
				// told over two paragraphs, which neither tells alone.
				// A note set off as a quote (`> **Important:** If no one answers, …`) runs on the same way.
				const next = section.nodes[index + 1];
				if (
					!levels &&
					(next?.type === 'paragraph' || next?.type === 'blockquote') &&
					!isClaimed(context.doc, startOf(next), endOf(next))
				) {
					const second = inlineText(
						sourceOf(context.doc, next).replace(/^(?:[ \t]*>)+[ \t]?/gm, '')
					).replace(/^(?:note|important|tip|warning|caution|attention):\s*/i, '');
					const both = proseIn(`${inlineText(lines.join(' '))} ${second}`, where);
					if (both.levels && !proseIn(second, where).levels) {
						({ levels, notes, style } = both);
						joined = next;
					}
				}
				// `**Primary on-call**, then the **Team lead**`: people, or `**Triage**, then **Fix**` is
				// a process.
				if (!levels) {
					levels = parseBoldNames(context.doc, node);
					if (levels && !levels.every((level) => PEOPLE.test(level.who))) levels = undefined;
					if (levels) style = 'levels';
				}
				// `T+0: page the on-call` / `T+15m: escalate to the lead` as lines of one paragraph.
				const clock =
					levels || lines.length < 2 ? undefined : parseClockLines(lines.join('\n'), where);
				if (clock) ({ levels, notes } = clock);
			} else if (node.type === 'code' && where && !(node.lang ?? '').trim()) {
				// `On-call → Team lead → Director` alone in a block is the chain written on one line.
				const lines = node.value.split('\n').filter((line) => line.trim());
				levels = lines.length === 1 ? parseArrowChain(lines[0]!.trim()) : undefined;
				levels ??= parseDiagram(node.value);
				// The same drawing inside a frame titled `Technical Escalation`: every box names people,
				// or the frame holds a flow of systems or of work (`Browser`, `Load balancer`).
				const inner = levels ? undefined : unframed(node.value);
				if (inner) {
					levels = parseDiagram(inner);
					if (levels && !levels.every((level) => PEOPLE.test(level.who))) levels = undefined;
				}
				const clock = levels ? undefined : parseClockLines(node.value, true);
				if (clock) ({ levels, notes } = clock);
				// `Escalation path:` over `  On-call → NLU lead → Director` among other labelled parts
				// of the block (`Paging:`, `Investigation:`): that line is the path; the block stays text.
				if (!levels && !clock) {
					levels = labelledArrowLine(node.value) ?? labelledConditionLines(node.value);
					if (levels) keep = true;
				}
				const tree = levels ? undefined : parseBoxTree(node.value);
				if (tree === 'undirected')
					context.check.push({
						kind: 'escalation',
						...pathSource(section, node),
						reason:
							'it is a drawing of connected boxes under an escalation heading, but neither its arrows nor its names (on-call, primary, tier 1) say which end is the first tier',
					});
				else if (tree) {
					levels = tree.levels;
					style = 'levels';
					notes = tree.branches.map(
						(branch) =>
							`${branch.who}: beside the path${branch.from.length ? `, reached from ${branch.from.join(', ')}` : ''}${branch.to.length ? `, escalates to ${branch.to.join(', ')}` : ''}.`
					);
					if (notes.length)
						branched = `the drawing branches: ${tree.branches.map((branch) => `\`${branch.who}\``).join(', ')} ${tree.branches.length > 1 ? 'stand' : 'stands'} beside its longest line, which became the path`;
				}
			}
			if (!levels) continue;
			const source = nodeSource(context, section, node);
			if (ranges) Object.assign(source, { start: ranges[0]![0], end: ranges.at(-1)![1] });
			if (joined) source.end = endOf(joined);
			const href = addPath(
				context,
				title ?? (section.title || 'Escalation'),
				style,
				levels,
				source,
				notes
			);
			// Part of a list: a link to the path stands in the list where its steps were.
			const link =
				ranges && entryLink('Escalation path', context.out.escalations.at(-1)!.data.title, href);
			if (!keep)
				for (const [start, end] of ranges ?? [[source.start, source.end]])
					claim(context.doc, start, end, href, link);
			if (branched)
				context.check.push({
					kind: 'escalation',
					...pathSource(section, node),
					leftAs: `notes of escalation path ${context.playbook}/${context.out.escalations.at(-1)!.slug}`,
					reason: branched,
				});
		}
	}
}

/** A section's tables of at least `rows` rows (header included) no recogniser has claimed, as text. */
function* freeTables(context: Context, section: Section, rows: number) {
	for (const node of section.nodes) {
		if (node.type !== 'table') continue;
		if (isClaimed(context.doc, startOf(node), endOf(node))) continue;
		const all = node.children.map((row) => row.children.map((cell) => cellText(cell)));
		// An HTML table without `<th>` comes with a blank header line: its first row is the header.
		if (all.length > 1 && all[0]!.every((text) => !text.trim())) all.shift();
		if (all.length < rows) continue;
		const [head, ...body] = all;
		yield { node, head: head!, body };
	}
}

/**
 * `Role | P0 Response | P1 Response | Contact Methods`: who is engaged, in order, with a time per
 * severity. One path; each row's times per severity are its condition, the contact column its
 * `via`, and the most severe column's time its `after`.
 */
export function recogniseEscalationMatrix(context: Context): void {
	for (const section of allSections(context.doc.outline)) {
		for (const { node, head, body } of freeTables(context, section, 3)) {
			if (!/^(role|who|contact|team|responder|escalation (level|contact))s?$/i.test(head[0] ?? ''))
				continue;
			const columns = head
				.map((text, index) => ({ index, level: parseLevel(text.split(/\s+/)[0] ?? '') }))
				.filter((c) => c.index > 0 && c.level);
			if (columns.length < 2) continue;
			// Cells are short times (`15min`, `0-1hr`, `Next day`, `-`), never prose.
			const short = (cell: string) => cell.replace(/\s*\(.*\)$/, '').split(/\s+/).length <= 3;
			if (!body.every((cells) => columns.every(({ index }) => short(cells[index] ?? '')))) continue;
			const via = head.findIndex(
				(text, index) => index > 0 && /contact|method|via|how/i.test(text)
			);
			const levels: Level[] = body.map((cells) => {
				const first = (cells[columns[0]!.index] ?? '').replace(/\s*\(.*\)$/, '').trim();
				const after = windowStart(first.replace(/(\d)([a-z])/gi, '$1 $2'));
				const times = columns
					.map(({ index, level }) => [level!.level, cells[index] ?? ''] as const)
					.filter(([, cell]) => cell && !/^[-—–]$/.test(cell))
					.map(([level, cell]) => `${level}: ${cell}`);
				return {
					id: cells[0]!,
					who: cells[0]!,
					...(after ? { after } : {}),
					...(times.length ? { condition: times.join('; ') } : {}),
					...(via > 0 && cells[via] ? { via: cells[via]! } : {}),
				};
			});
			if (levels.some((level) => !level.who)) continue;
			const href = addPath(
				context,
				section.title || 'Escalation',
				'time',
				levels,
				pathSource(section, node)
			);
			claimNode(context.doc, node, href);
		}
	}
}

/** Places in line, by word: `primary` and `first` both rank 0. */
const ORDINALS = [
	'primary',
	'secondary',
	'tertiary',
	'quaternary',
	'first',
	'second',
	'third',
	'fourth',
	'1st',
	'2nd',
	'3rd',
	'4th',
];
/** `Primary`, `Secondary contact`, `Third escalation`, `2nd responder`: a column that is a place in line. */
const ORDINAL_COLUMN = new RegExp(
	`^(${ORDINALS.join('|')})(?:\\s+(?:contacts?|escalations?|responders?|on-?call|levels?|tiers?|line|points? of contact))?$`,
	'i'
);

/** A column that is one step up a chain: `Manager N`, `Escalation N+1`, `Level 2`, `Tier 3`. */
const STEP_COLUMN = /(?:^|\s)(N(?:\s*\+\s*(\d))?|(?:L|Level\s*|Tier\s*|Escalation\s*)(\d))$/i;

/**
 * `Team | Manager N | Escalation N+1 | Escalation N+2` over `Level 1 support | Team leader |
 * Service manager | Head of operations`: the columns are the steps, each row a path of its own for
 * what its first cell names. Every cell must name people; a blank or dash ends that row's path.
 */
export function recogniseStepColumns(context: Context): void {
	for (const section of allSections(context.doc.outline)) {
		for (const { node, head, body } of freeTables(context, section, 2)) {
			if (!escalationish(section) && !head.some((text) => /escalat/i.test(text))) continue;
			// Steps counted from N (or from the first number) must follow each other.
			const numbered = head.slice(1).map((text) => {
				const step = STEP_COLUMN.exec(text.trim());
				if (!step) return undefined;
				return { id: step[1]!.replace(/\s+/g, ''), rank: Number(step[2] ?? step[3] ?? 0) };
			});
			// `Domain | Primary | Secondary | Tertiary`: three places in line at least, for `Primary |
			// Secondary` alone is as often a rota's two people on duty at once.
			const ordinal = head.slice(1).map((text) => {
				const step = ORDINAL_COLUMN.exec(text.trim());
				return step
					? { id: text.trim(), rank: ORDINALS.indexOf(step[1]!.toLowerCase()) % 4 }
					: undefined;
			});
			const steps =
				numbered.every(Boolean) || ordinal.length < 3 || !ordinal.every(Boolean)
					? numbered
					: ordinal;
			if (
				steps.length < 2 ||
				steps.some((step, i) => !step || (i && step.rank !== steps[i - 1]!.rank + 1))
			)
				continue;
			const paths = body.map((cells) => {
				const names: string[] = [];
				for (const cell of cells.slice(1, steps.length + 1)) {
					if (!cell || /^[-—–]$/.test(cell)) break;
					names.push(cell);
				}
				return { name: cells[0] ?? '', names };
			});
			const people = (name: string) => name.split(/\s+/).length <= 8 && PEOPLE.test(name);
			if (paths.some((path) => !path.name || path.names.length < 2 || !path.names.every(people)))
				continue;
			const hrefs = paths.map((path) =>
				addPath(
					context,
					/escalat/i.test(path.name) ? path.name : `${path.name} escalation`,
					'levels',
					path.names.map((who, i) => ({ id: steps[i]!.id, who })),
					pathSource(section, node)
				)
			);
			claimNode(context.doc, node, hrefs[0]!);
		}
	}
}

/**
 * A section's free tables, and those whose rows only the severity recognisers took (`P1 | On-Call |
 * Eng Manager | …` reads as severities too): who is engaged by each time is the table's to give
 * still, while its text stays where the severities left it.
 */
function* matrixTables(context: Context, section: Section) {
	const severities = `/${context.playbook}/severities/`;
	for (const node of section.nodes) {
		if (node.type !== 'table') continue;
		const [start, end] = [startOf(node), endOf(node)];
		const claims = context.doc.claims.filter((c) => c.start < end && start < c.end);
		const bySeverity =
			claims.length > 0 && claims.every((c) => c.href?.startsWith(severities) && !c.replacement);
		if (claims.length && !bySeverity) continue;
		const all = node.children.map((row) => row.children.map((cell) => cellText(cell)));
		if (all.length > 1 && all[0]!.every((text) => !text.trim())) all.shift();
		if (all.length < 2) continue;
		const [head, ...body] = all;
		yield { node, head: head!, body, severities: bySeverity };
	}
}

/** Tables read as who-by-time grids, which the severity-table reader must not read again. */
const timeGrids = new WeakSet<object>();

/** `Initial Responder`, `First responder`, `At once`: the column of who is engaged from the start. */
const FIRST_COLUMN =
	/^(?:initial|first|immediate|at once|start)(?:\s+(?:responders?|contacts?|responses?|owners?))?$|^(?:first\s+)?responders?$/i;

/**
 * `Severity | Initial Responder | 15 min | 30 min | 1 hour` over `P1 | On-Call | Eng Manager |
 * VP Engineering | CTO` under an escalation heading: the headers are the times, each row a path of
 * its own for what its first cell names, who is engaged at each time in its cells. A dash skips that
 * time; every other cell must name people, and a row engaging fewer than two is no path.
 */
export function recogniseTimeColumns(context: Context): void {
	for (const section of allSections(context.doc.outline)) {
		if (!escalationish(section)) continue;
		for (const { node, head, body, severities } of matrixTables(context, section)) {
			const columns: { index: number; id: string; after?: string }[] = [];
			for (const [index, text] of head.entries()) {
				if (index === 0) continue;
				const written = text.trim();
				// `After 15 min`, `T+15m`, `+1 hour`, `Escalation 1 (15 min)`: the time the header gives.
				const time = (
					/^(?:escalation|level|tier|step|l)\s*\d+\s*\(([^()]+)\)$/i.exec(written)?.[1] ?? written
				).replace(/^(?:after|at|t\s*\+|\+)\s*/i, '');
				const span = parseDuration(time);
				if (span?.kind === 'span' && /^\d/.test(time))
					columns.push({ index, id: written, after: time });
				else if (index === 1 && FIRST_COLUMN.test(written)) columns.push({ index, id: written });
				else break;
			}
			const timed = columns.filter((column) => column.after);
			if (columns.length !== head.length - 1 || timed.length < 2) continue;
			const minutes = timed.map((column) => parseDuration(column.after!)!.minutes ?? -1);
			if (minutes.some((m, i) => m < 0 || (i && m <= minutes[i - 1]!))) continue;
			const blank = (cell: string) => !cell || /^[-—–]$|^n\/?a$/i.test(cell);
			const paths = body.map((cells) => ({
				name: (cells[0] ?? '').trim(),
				levels: columns
					.filter(({ index }) => !blank((cells[index] ?? '').trim()))
					.map(({ index, id, after }) => ({
						id,
						who: cells[index]!.trim(),
						...(after ? { after } : {}),
					})),
			}));
			if (
				paths.some((path) => !path.name || !path.levels.every((level) => isName(level.who))) ||
				!paths.some((path) => path.levels.length >= 2)
			)
				continue;
			let first: string | undefined;
			for (const path of paths) {
				if (path.levels.length < 2) continue;
				const href = addPath(
					context,
					/escalat/i.test(path.name) ? path.name : `${path.name} escalation`,
					'time',
					path.levels,
					pathSource(section, node)
				);
				first ??= href;
			}
			// A row engaging one only (`P4 | On-Call | - | -`) is typed nowhere: the table stays as
			// written in its page, so that row is not lost.
			timeGrids.add(node);
			if (severities) continue;
			if (paths.every((path) => path.levels.length >= 2)) claimNode(context.doc, node, first!);
			else claimNode(context.doc, node, first!, sourceOf(context.doc, node));
		}
	}
}

/**
 * `Time | Action | Who` under an escalation timeline heading: `5 min | No ack → page secondary |
 * Alerting system`. Each row is a level engaged after its time; the action's target is who is
 * engaged (as written when no verb names one), the words before its arrow the condition, and the
 * Who column (who acts) how that level is reached.
 */
export function recogniseEscalationTimelines(context: Context): void {
	for (const section of allSections(context.doc.outline)) {
		const escalating = /escalat/i.test(`${section.title} ${section.parent?.title ?? ''}`);
		// Under `Paging ladder` or `On-call`, only a table that says who is reached and how.
		if (!escalating && !escalationish(section)) continue;
		for (const { node, head, body } of freeTables(context, section, 3)) {
			// `Minutes since alert unacknowledged` over bare `0`, `5`, `10`: the header gives the unit,
			// and what the clock counts from is the condition of every step after the first.
			const unit = TIME_HEADER.exec((head[0] ?? '').trim());
			if (!/^(time|when|elapsed|after)$/i.test(head[0] ?? '') && !unit) continue;
			const action = head.findIndex((text, i) => i > 0 && /^(actions?|steps?|what)$/i.test(text));
			// `Time | Role | Notification Method` (under `**Who Gets Notified:**`): with no action
			// column, the role column names who is told at that time, the method how.
			const actor = head.findIndex(
				(text, i) => i > 0 && /^(who|(?:paged |called )?by|owner|roles?)$/i.test(text)
			);
			const method = head.findIndex(
				(text, i) =>
					i > 0 && /^(?:(?:notification|contact|paging)\s+)?(?:method|channel|via)s?$/i.test(text)
			);
			const toColumn = head.findIndex((text, i) => i > 0 && TARGET_COLUMN.test(text.trim()));
			// `When | Who` over `T+10m | Team lead`: with no action column, who is engaged is named.
			const byName = action < 0 && (actor > 0 || toColumn > 0);
			const named = toColumn > 0 ? toColumn : actor;
			if (action < 0 && !byName) continue;
			if (!escalating && !(byName && method > 0)) continue;
			const levels: Level[] = [];
			const unnamed: string[] = [];
			for (const cells of body) {
				const written = (cells[0] ?? '').trim();
				// `T+15m` reads as the clock's `15 min`.
				const stamp = clockStep([written]);
				const time =
					unit && /^\d+$/.test(written)
						? `${written} ${unit[1]!.toLowerCase()}`
						: parseDuration(written)
							? written
							: stamp?.clauses.length === 0
								? stamp.after
								: undefined;
				const text = (cells[byName ? named : action] ?? '').trim();
				if (!time || !text) break;
				if (byName) {
					// A column headed `Escalation to` vouches for names the people words miss (`D/OGP`).
					// `Team lead (if blocked)`: the words in brackets say when that level is engaged.
					const when = /^(.+?)\s*\(((?:if|when|unless|only if)\b[^()]*)\)$/i.exec(text);
					const name = when ? when[1]! : text;
					// So does a column headed `Role` (`Customer Success`, `Legal`).
					// A role column names anyone told of the incident, so its times must be a clock's
					// (`Immediate`, `15 min`): `Daily standup | Team` tells of it in the usual way.
					const role = toColumn < 0 && /^roles?$/i.test(head[actor] ?? '');
					if (
						role &&
						!/^(?:\d|t\s*\+)/i.test(written) &&
						parseDuration(written)?.kind !== 'immediate'
					)
						break;
					if (!(toColumn > 0 || role ? nameShaped(name) : isName(name))) break;
					const since = when
						? { condition: when[2]! }
						: unit?.[2] && parseDuration(time)?.minutes
							? { condition: unit[2] }
							: {};
					const how = method > 0 ? (cells[method] ?? '').trim() : '';
					levels.push({
						id: written,
						who: name,
						after: time,
						...since,
						...(how ? { via: how } : {}),
					});
					continue;
				}
				const [before, target] = /(?:→|->)/.test(text)
					? (text.split(/\s*(?:→|->)\s*/, 2) as [string, string])
					: [undefined, text];
				// `Page the backup if no ack`: the words after `if` are the condition too.
				const { who, condition } = whoOf(target);
				if (!who) unnamed.push(target);
				levels.push({
					id: written,
					who: who ?? target,
					after: time,
					...(before || condition ? { condition: before ?? condition } : {}),
					...(actor > 0 && cells[actor] ? { via: cells[actor]! } : {}),
				});
			}
			if (levels.length !== body.length || levels.length < 2) continue;
			if (toColumn > 0 && !levels.some((level) => PEOPLE.test(level.who))) continue;
			const source = pathSource(section, node);
			const href = addPath(context, section.title, 'time', levels, source);
			claimNode(context.doc, node, href);
			if (unnamed.length)
				context.check.push({
					kind: 'escalation',
					...source,
					leftAs: `the action as written, as \`who\` in escalation path ${context.playbook}/${context.out.escalations.at(-1)!.slug}`,
					reason: `${unnamed.map((text) => `\`${text}\``).join(', ')} ${unnamed.length > 1 ? 'name' : 'names'} no one to engage`,
				});
		}
	}
}

/** `Minutes since alert unacknowledged`, `Hours elapsed`: a time column whose cells are bare numbers. */
const TIME_HEADER = /^(minutes|mins|hours|days)\b(?:\s+(?:since|after)\s+(?:the\s+)?(.+?))?$/i;

/** `Escalation to`, `Escalate to`, `Notify`: the column naming who each step engages. */
const TARGET_COLUMN =
	/^(?:escalat\w*\s+to|(?:page|notify|call|contact|engage)s?|who is (?:paged|called|notified|engaged))$/i;

/** `Backup notified`, `Manager paged`: a column saying when someone is reached. */
const REACHED_COLUMN = /^(.+?)\s+(?:notified|paged|contacted|called|alerted|engaged)$/i;

/**
 * `On-call notified | Backup notified | Manager notified` over one row `0m | 10m (+10m) | 30m`:
 * the columns are the tiers in order, the row when each is reached (the time the cell starts with).
 */
export function recogniseReachedColumns(context: Context): void {
	for (const section of allSections(context.doc.outline)) {
		for (const { node, head, body } of freeTables(context, section, 2)) {
			if (body.length !== 1 || head.length < 2) continue;
			const levels: Level[] = [];
			for (const [index, column] of head.entries()) {
				const who = REACHED_COLUMN.exec(column.trim())?.[1];
				const cell = (body[0]![index] ?? '').trim();
				const after = /^\d+\s*[a-z]+/i.exec(cell)?.[0];
				if (!who || !after || !parseDuration(after)) break;
				levels.push({ id: `Level ${index + 1}`, who, after });
			}
			if (levels.length !== head.length) continue;
			const href = addPath(context, section.title, 'time', levels, pathSource(section, node));
			claimNode(context.doc, node, href);
		}
	}
}

/** A tier's id in a table's first column: `L1`, `Tier 2`, `3`, `2nd`. */
const TIER_ID = /^(?:L|Level\s*|Tier\s*|T)?\d+(?:st|nd|rd|th)?$/i;

/**
 * `Level | Role | Responsibility` over `L1 | Platform operator | Triage …` under an escalation
 * heading: a row per tier, in order. The first column holds tier ids (`L1`, `Tier 2`, `3`); a
 * last row or two named otherwise (`Vendor`) are the tiers after them. Columns of duties, times,
 * contact and conditions fill those fields; no time column leaves the tiers untimed.
 */
export function recogniseLevelTables(context: Context): void {
	for (const section of allSections(context.doc.outline)) {
		if (!escalationish(section)) continue;
		for (const { node, head, body } of freeTables(context, section, 3)) {
			if (!/^(escalation\s+)?(level|tier|stage|line)s?$/i.test(head[0] ?? '')) continue;
			const column = (pattern: RegExp) => head.findIndex((text, i) => i > 0 && pattern.test(text));
			// `OSG contact`, `Support contact`: one word may say whose contact it is.
			const whoColumn = column(
				/^(?:[\w-]+\s+)?(role|who|contact|team|owner|escalate to|person|responder|engage|name)s?\b/i
			);
			// `L1: Helpdesk`, `Tier 2 – Network team`: with no who column, the tier cell names who.
			const joined = body.map((cells) =>
				/^((?:L|Level\s*|Tier\s*|T)?\d+(?:st|nd|rd|th)?)\s*[:\-–—]\s*(\S.*)$/i.exec(cells[0] ?? '')
			);
			if (whoColumn < 0 && !joined.every(Boolean)) continue;
			const tiers = body.map((cells, row) =>
				whoColumn < 0 ? [joined[row]![1]!, joined[row]![2]!, ...cells.slice(1)] : cells
			);
			const who = whoColumn < 0 ? 1 : whoColumn;
			const at = (index: number) => (index > 0 && whoColumn < 0 ? index + 1 : index);
			const ids = tiers.map((cells) => TIER_ID.test(cells[0] ?? ''));
			const named = ids.filter(Boolean).length;
			// Tier ids first, and at most two named rows after them.
			if (named < 2 || ids.slice(0, named).some((id) => !id) || body.length - named > 2) continue;
			if (tiers.some((cells) => !cells[who])) continue;
			const duties = at(column(/responsib|duties|does|scope|focus|handles/i));
			const time = at(column(/^(time|after|when|within|response time|sla)\b/i));
			const via = at(column(/contact|method|via|how/i));
			const condition = at(column(/condition|trigger|escalate (if|when)|criteria/i));
			// `Escalation | L2 if technical issue`: when this tier hands on to the next.
			const onward = at(
				column(/^(escalation|escalates?( to)?|next|hand-?off|hands? (off|over) to)$/i)
			);
			const levels: Level[] = tiers.map((cells) => {
				const after = time > 0 ? windowStart(cells[time] ?? '') : undefined;
				return {
					id: cells[0]!,
					who: cells[who]!,
					...(after ? { after, window: cells[time]! } : {}),
					...(via > 0 && via !== who && cells[via] ? { via: cells[via]! } : {}),
					...(condition > 0 && cells[condition] ? { condition: cells[condition]! } : {}),
					...(duties > 0 && cells[duties] ? { responsibilities: [cells[duties]!] } : {}),
					...(onward > 0 && cells[onward] ? { escalateIf: [cells[onward]!] } : {}),
				};
			});
			// Columns no field holds (`Availability`) stay with the path as notes.
			const used = new Set([0, who, duties, time, via, condition, onward].filter((i) => i >= 0));
			const notes = tiers.flatMap((cells) =>
				head
					.map((header, index) => [header, cells[at(index)]] as const)
					.filter(([, cell], index) => index > 0 && cell && !used.has(at(index)))
					.map(([header, cell]) => `${cells[0]} (${cells[who]}), ${header}: ${cell}`)
			);
			const lead = leadConditions(context, section, node, levels);
			const href = addPath(context, section.title, 'levels', levels, pathSource(section, node), [
				...(lead?.notes ?? []),
				...notes,
			]);
			claimNode(context.doc, node, href);
			for (const paragraph of lead?.nodes ?? []) claimNode(context.doc, paragraph, href);
		}
	}
}

/** `Once a ticket is not resolved within its target, it escalates automatically.`: the first step up. */
const FIRST_STEP_UP =
	/^(?:once|if|when|after)\s+(.+?),\s*(?:it|the (?:issue|incident|ticket|problem|request))\s+(?:\w+ly\s+)?(?:escalates|is escalated|moves up)\b/i;
/** `Subsequent levels escalate every …`, `Each further tier is reached after …`: every step after. */
const LATER_STEPS_UP =
	/^(?:subsequent|further|later|higher|each (?:further|subsequent|next|higher))\s+(?:levels?|tiers?|steps?)\s+(?:\w+\s+)?(?:escalate|are reached|follow|is reached)\b/i;

/**
 * The paragraph right above a tier table that says when the tiers are reached: `Once a service
 * cannot be restored within the Resolution Time, it automatically escalates.` is the second
 * tier's condition, `Subsequent levels escalate every period given as the Escalation rate` every
 * later tier's. A sentence that names a column of the severity table gets that column's value per
 * severity. The paragraph's other sentences are notes; a paragraph with no such sentence is left.
 */
function leadConditions(
	context: Context,
	section: Section,
	table: Nodes,
	levels: Level[]
): { notes: string[]; nodes: Nodes[] } | undefined {
	const index = section.nodes.indexOf(table as (typeof section.nodes)[number]);
	const lead = section.nodes[index - 1];
	if (lead?.type !== 'paragraph' || isClaimed(context.doc, startOf(lead), endOf(lead)))
		return undefined;
	const sentences = inlineText(sourceOf(context.doc, lead))
		.replace(/\s+/g, ' ')
		.trim()
		.split(/(?<=[.!?])\s+(?=[A-Z])/);
	const columns = severityTables(context).flatMap(({ headers, rows }) =>
		headers.slice(1).map((header, column) => ({
			header,
			values: rows
				.filter((row) => row.cells[column + 1])
				.map((row) => `${row.first}: ${row.cells[column + 1]}`),
		}))
	);
	// `as defined in the Escalation rate` → `(High: 2 days; Normal: 5 days)`; a header of one word
	// (`Time`, `Owner`) is too common a word to be cited.
	const cited = (text: string): string => {
		const column = columns.find(
			({ header, values }) =>
				values.length && /\S\s+\S/.test(header) && text.toLowerCase().includes(header.toLowerCase())
		);
		return column ? `${text} (${column.values.join('; ')})` : text;
	};
	const notes: string[] = [];
	let found = false;
	for (const sentence of sentences) {
		const text = sentence.replace(/\.$/, '');
		const first = FIRST_STEP_UP.exec(text);
		if (first && levels[1] && !levels[1].condition) {
			levels[1].condition = cited(first[1]!);
			found = true;
		} else if (LATER_STEPS_UP.test(text) && levels.length > 2) {
			for (const level of levels.slice(2)) level.condition ??= cited(text);
			found = true;
		} else notes.push(sentence);
	}
	return found ? { notes, nodes: [lead] } : undefined;
}

/** `a second line on call rota`, `the secondary on-call`: a tier named by its place in line. */
const ORDINAL_TIER =
	/\b(?:second|third)[- ]line(?: on[- ]call)? (?:rota|team|engineers?|on[- ]call)\b|\b(?:secondary|backup|tertiary) on[- ]call(?: engineers?| rota)?\b|\b(?:one|two|three|four|\d+) (?:people|persons|engineers|developers|responders) on[- ]call\b/i;
/**
 * `escalate the alert to the Head of Operations`, `contact other members of the team`: who, up to
 * where the sentence moves on. Contacting is a tier only on a condition (see parseProsePath).
 */
const ESCALATE_TO =
	/\b(escalate(?: (?:the|an?) (?:alert|incident|page|issue)| it| this)? to|contact) (?:the )?(.+?)(?=\s+(?:to help|if|when|after|so|for|because|who|in case)\b|[,.;]|$)/i;
/** `Team leads are always available to escalate issues to in case of emergency`: a tier by its subject. */
const AVAILABLE_TO =
	/^(?:the\s+)?(.+?)\s+(?:will|shall|should|must|are|is)\s+(?:(?:also|always|be)\s+)*available\s+(?:for\s+\w+\s+)?to\s+escalate\s+(?:[\w-]+\s+)?to\b\s*((?:in case|if|when|unless)\b.*)?$/i;
/** `Opsgenie will alert them if you do not acknowledge …`: the tier just named, and when. */
const PRONOUN_PAGE = /\b(?:alert|page|notify|call)s? them\b.*?\b((?:if|when|after|unless)\b.+)$/i;
const CONDITION_LEAD =
	/^(?:if|when|once)\s+(.+?)\s*(?:,|\b(?:feel free|then|you should|you can|you may|you might|please|escalate)\b)/i;
/** What follows whom a sentence engages: `if the outage is serious enough`, `in case of emergency`. */
const CONDITION_TRAIL = /^\s*(?:to help \w+\s*)?((?:if|when|unless|in case)\b.+)$/i;

/**
 * An escalation path told in prose under an escalation heading: the on-call (the reader) first,
 * then each tier the text names in order — one named by its place in line (`a second line on
 * call rota`, `two people on call`), one it says to escalate to, one said to be available to
 * escalate to, or one to contact on a condition — with the condition its sentence gives (`if you
 * do not acknowledge an alert within 5 minutes`). `escalate … to them`, or `escalate` to no one,
 * on a condition adds that condition to the tier just named. Two named tiers at least; a purpose
 * clause (`To escalate to people not on the rota, …`) and pronouns name no one.
 */
export function parseProsePath(text: string): Level[] | undefined {
	const tiers: Omit<Level, 'id'>[] = [];
	// `… to the tier just named`: one more condition that sends the incident there.
	const also = (condition: string | undefined) => {
		const last = tiers.at(-1);
		if (last && condition) last.condition = [last.condition, condition].filter(Boolean).join('; ');
	};
	for (const written of text.split(/(?<=[.!?])\s+(?=[A-Z])/)) {
		// `To escalate to people not on the rota, create …`: the purpose names no tier.
		const sentence = written.replace(/^to\s[^,]*,\s*/i, '');
		const ordinal = ORDINAL_TIER.exec(sentence)?.[0];
		// `the second line rota` after `a second line on call rota`, `the backup on-call` after `a
		// backup on-call engineer`: the same tier named again.
		const key = (who: string) => who.toLowerCase().replace(/on[- ]call|[^a-z]/g, '');
		const same = (who: string) =>
			key(who).startsWith(key(ordinal!)) || key(ordinal!).startsWith(key(who));
		if (ordinal && !tiers.some((tier) => same(tier.who))) tiers.push({ who: ordinal });
		const pronoun = PRONOUN_PAGE.exec(sentence);
		const last = tiers.at(-1);
		if (pronoun && last && !last.condition && !ordinal)
			last.condition = pronoun[1]!.replace(/\.$/, '');
		const plain = sentence.replace(/\.$/, '');
		const subject = AVAILABLE_TO.exec(plain);
		const available = subject && PEOPLE.test(subject[1]!) ? subject : undefined;
		const escalated = available ? undefined : ESCALATE_TO.exec(plain);
		const to = (available?.[1] ?? escalated?.[2])?.trim();
		const rest = available
			? ` ${available[2] ?? ''}`
			: escalated
				? plain.slice(escalated.index + escalated[0].length)
				: '';
		const condition = CONDITION_LEAD.exec(plain)?.[1] ?? CONDITION_TRAIL.exec(rest)?.[1];
		if (!to) {
			// `If it is a major incident you may want to escalate so that they handle the comms`.
			const purpose = /\bescalate\b(?! to)(?:.*?\b(so (?:that )?.+))?$/i.exec(plain);
			if (purpose && condition && !ordinal)
				also([condition, purpose[1]].filter(Boolean).join(', '));
			continue;
		}
		if (/^(them|him|her)\b/i.test(to)) {
			also(condition);
			continue;
		}
		if (!PEOPLE.test(to) && /^(people|someone|anyone|others?|everyone|members)\b/i.test(to))
			continue;
		if (escalated && /^contact$/i.test(escalated[1]!) && (!condition || !PEOPLE.test(to))) continue;
		if (to.split(/\s+/).length > 8 || tiers.some((tier) => tier.who === to)) continue;
		tiers.push({ who: to, ...(condition ? { condition } : {}) });
	}
	if (tiers.length < 2) return undefined;
	const first = /\b(?:you are|you're) on[- ]call\b/i.test(text) ? 'On call (you)' : undefined;
	return [...(first ? [{ who: first }] : []), ...tiers].map((tier, index) => {
		const after = tier.condition ? durationIn(tier.condition) : undefined;
		return { id: `Level ${index + 1}`, ...tier, ...(after ? { after } : {}) };
	});
}

/** Escalation and on-call headings whose whole text is prose: the path it tells, if it tells one. */
export function recogniseProsePaths(context: Context): void {
	for (const section of allSections(context.doc.outline)) {
		// An on-call or paging heading too (its own, not a parent's), when its prose speaks of
		// escalating.
		if (!/escalat|on-?call|paging/i.test(section.title) || section.nodes.length === 0) continue;
		if (!section.nodes.every((node) => node.type === 'paragraph')) continue;
		// A path read from any of its paragraphs already is the section's: its prose is read once.
		if (section.nodes.some((node) => isClaimed(context.doc, startOf(node), endOf(node)))) continue;
		const text = section.nodes.map((node) => inlineText(sourceOf(context.doc, node))).join(' ');
		if (!/escalat/i.test(`${section.title} ${text}`)) continue;
		const levels = parseProsePath(text);
		if (!levels) continue;
		const href = addPath(context, section.title, styleOf(levels), levels, pathSource(section));
		for (const node of section.nodes) claimNode(context.doc, node, href);
	}
}

/** Claimed by something other than a severity: a severity's list may hold its escalation clock. */
const takenOtherwise = (context: Context, node: Nodes): boolean =>
	context.doc.claims.some(
		(c) =>
			c.start <= startOf(node) &&
			endOf(node) <= c.end &&
			!c.href?.startsWith(`/${context.playbook}/severities/`)
	);

/**
 * `- **P1 (Critical)**: 24x7` over `  - T+0: page the NOC` / `  - T+15m: escalate to the ops
 * manager`: a clock nested under a list item is that item's path, titled by its label, its tiers
 * tied to the severity the label names. The item may be a severity already; the clock is its path.
 */
export function recogniseNestedClocks(context: Context): void {
	for (const section of allSections(context.doc.outline)) {
		for (const node of section.nodes) {
			if (node.type !== 'list') continue;
			for (const item of node.children) {
				const [lead, nested, ...rest] = item.children;
				if (lead?.type !== 'paragraph' || nested?.type !== 'list' || rest.length) continue;
				if (takenOtherwise(context, nested)) continue;
				const label = inlineText(sourceOf(context.doc, lead).split('\n')[0]!)
					.replace(/:.*$/, '')
					.trim();
				const level = parseLevel(label.split(/\s+/)[0] ?? '');
				const where = escalationish(section) || /escalat/i.test(label);
				if (!label || (!level && !where)) continue;
				const clock = parseClock(context.doc, nested, where);
				if (!clock) continue;
				const severity = level ? severityRef(context, level.level) : undefined;
				const levels = clock.levels.map((tier) => ({ ...tier, ...(severity ? { severity } : {}) }));
				const href = addPath(
					context,
					label,
					'time',
					levels,
					pathSource(section, nested),
					clock.notes
				);
				claimNode(context.doc, nested, href);
			}
		}
	}
}

/** A tier named only by its place in line: `secondary`, `the tertiary on-call`. */
const PLACE_TIER =
	/^(?:the\s+)?(primary|secondary|tertiary|backstop)(?:\s+(?:on[- ]?call|responder|engineer))?$/i;

/**
 * The sentences of a document that say who fills a tier named only by its place in line, wherever
 * they stand: `The manager will always be on tertiary on-call duty.`, `… and a tertiary
 * "backstop", usually a lead, as the final link`. Each is a note of the paths that name that tier,
 * as written, so who `tertiary` is travels with the path.
 */
function tierDefinitions(context: Context, paths: typeof context.out.escalations): void {
	if (!paths.length) return;
	const sentences: string[] = [];
	for (const section of [context.doc.outline, ...allSections(context.doc.outline)])
		for (const node of section.nodes) {
			const texts =
				node.type === 'paragraph'
					? [sourceOf(context.doc, node)]
					: node.type === 'list'
						? node.children.map((item) => itemSource(context.doc, item))
						: [];
			for (const text of texts)
				sentences.push(
					...inlineText(text)
						.replace(/\s+/g, ' ')
						.trim()
						.split(/(?<=[.!?])\s+(?=[A-Z])/)
				);
		}
	for (const path of paths) {
		const places = path.data.levels
			.map((level) => PLACE_TIER.exec(level.who)?.[1]?.toLowerCase())
			.filter((place): place is string => !!place);
		for (const place of new Set(places)) {
			const filled = new RegExp(
				`\\b(?:the\\s+)?([a-z][\\w -]{0,30}?)\\s+(?:will\\s+(?:always\\s+)?be|is\\s+(?:always\\s+)?)\\s*(?:on\\s+)?(?:the\\s+)?${place}(?:\\s+on[- ]?call)?(?:\\s+(?:duty|tier|level|shift|rota)\\b|[.!]?$)|\\b${place}\\b[^,.;]{0,30},\\s*(?:usually|typically|normally|generally|often|always)\\s+(?:an?|the)\\s+[a-z]`,
				'i'
			);
			for (const sentence of sentences) {
				const match = filled.exec(sentence);
				if (!match) continue;
				if (match[1] && (!PEOPLE.test(match[1]) || PLACE_TIER.test(match[1]))) continue;
				const notes = (path.data.notes ??= []);
				if (!notes.includes(sentence)) notes.push(sentence);
			}
		}
	}
}

export function recogniseEscalation(context: Context): void {
	const before = context.out.escalations.length;
	recogniseEscalationKinds(context);
	tierDefinitions(context, context.out.escalations.slice(before));
}

function recogniseEscalationKinds(context: Context): void {
	recogniseLevelTables(context);
	recogniseStepColumns(context);
	recogniseTimeColumns(context);
	recogniseEscalationMatrix(context);
	recogniseEscalationTimelines(context);
	recogniseReachedColumns(context);
	recogniseConditionLists(context);
	recogniseHeadingClocks(context);
	recogniseContactOrders(context);
	recogniseEscalationShapes(context);
	recogniseNestedClocks(context);
	recogniseChains(context);
	recogniseLevelSections(context);
	recogniseSeverityEscalation(context);
	recogniseSequenceTables(context);
	recogniseProsePaths(context);
	recogniseLabelledChains(context);
}
