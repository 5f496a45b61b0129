import type { List, ListItem, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseDuration } from '../lib/duration.ts';
import { escapeRegExp } from '../lib/escape.ts';
import type { SeverityInput } from '../schemas/index.ts';
import {
	allSections,
	cellText,
	claim,
	claimNode,
	endOf,
	inlineText,
	isClaimed,
	itemSource,
	labelLine,
	listItemsOf,
	markerOf,
	partsOf,
	sourceOf,
	startOf,
	stripEmoji,
	type Part,
	type Section,
} from './markdown.ts';
import { fromOffset, fromSection, hrefOf, itemLines, itemTexts, type Context } from './model.ts';

/**
 * Severity ladders: a heading per level (`### P0 - Critical (Complete Outage)`, `### SEV-1:
 * Critical Outage 🔴`, `### S2`, `### High` under a "Severity Levels" heading) with labelled parts
 * (Definition, Examples, Response Time, SLA, Escalation …), and tables whose first column is the
 * level (`| P0 Critical | 15 min | CTO |`).
 */

type TargetKey = 'acknowledge' | 'response' | 'update' | 'resolution';

const CODE_LEVEL =
	/^(P\s?\d|SEV(?:ERITY)?[-\s]?\d|Sev\d|S\d|Priority\s?\d)(?![\w])\s*[\])]?\s*(?:[-–—:|./]\s*)?(.*)$/i;
/** `(P1)` after `Priority 1`: the source's own short form of the level it just wrote out. */
const SHORT_FORM = /^\(\s*(P\s?\d|SEV[-\s]?\d|Sev\d|S\d)\s*\)\s*(?:[-–—:|.]\s*)?(.*)$/i;
const WORD_LEVEL =
	/^(Critical|High|Medium|Moderate|Low|Minimal|Minor|Major|Warning|Info(?:rmational)?)(?![\w])\s*(?:[-–—:|.]\s*)?(.*)$/i;
const WORD_RANK: Record<string, number> = {
	critical: 0,
	major: 1,
	high: 1,
	warning: 2,
	medium: 2,
	moderate: 2,
	low: 3,
	minor: 3,
	minimal: 4,
	info: 4,
	informational: 4,
};
/** The words teams name their levels with (`Major`, `Significant`), one or two of them. */
const NAME_WORD =
	/^(?:very |highly )?(critical|highest|high|medium|moderate|low|lowest|minimal|minor|major|significant|severe|serious|urgent|normal|trivial|cosmetic|blocker|emergency|catastrophic|warning|info(?:rmational)?)$/i;
const SEVERITY_PARENT = /severit|priorit|levels?\b|classification|\bclasses\b/i;
/** `Critical (P0)`, `High Priority (P1)`: the name first, the level in parentheses. */
const NAME_FIRST = /^(.+?)\s*\(\s*(P\s?\d|SEV[-\s]?\d|Sev\d|S\d)\s*\)\s*$/i;
const NAME_DASH = /^([A-Za-z]+)\s*[-–—:|]\s*(P\s?\d|SEV[-\s]?\d|Sev\s?\d|S\d)$/i;

export interface Level {
	level: string;
	rank: number;
	/** What follows the level: `Critical (Complete Outage)`. */
	rest: string;
	/** The name, when the source put it before the level. */
	name?: string;
}

/**
 * `SEV1` stays `SEV1`, `SEV-1` stays `SEV-1`, `Sev 1` and `Severity 1` become `SEV-1`, `p 0`
 * becomes `P0`.
 */
function codeLevel(code: string): { level: string; rank: number } {
	const digits = code.replace(/\D/g, '');
	const prefix = code
		.replace(/[\d\s-]/g, '')
		.toUpperCase()
		.replace(/^SEVERITY$/, 'SEV')
		.replace(/^PRIORITY$/, 'P');
	const separated = prefix === 'SEV' && /[-\s]/.test(code);
	return { level: `${prefix}${separated ? '-' : ''}${digits}`, rank: Number(digits) };
}

/** Reads `P0 - Critical`, `SEV-1: Critical Outage`, `s2`, `Critical (P0)`, or (with `words`) `High`. */
/** `#P1`, `[SEV2]`: punctuation around a level cell or label is no part of it. */
const levelText = (text: string): string =>
	stripEmoji(text).replace(/^[#[(]\s*(?=(?:P|S|Sev|Severity|Priority)\s?-?\d)/i, '');

/**
 * `S3/S4 - Low and Medium`, `P2 to P4 incident`: two levels or a span of them at once. Which name
 * goes with which level is the reader's guess, so such a line types no level.
 */
export const LEVEL_SPAN =
	/^(?:P\s?\d|SEV(?:ERITY)?[-\s]?\d|Sev\d|S\d|Priority\s?\d)\s*(?:(?:[/,&–—-]|and|or|to|through)\s*(?:P\s?\d|SEV[-\s]?\d|Sev\s?\d|S\d)|\/\d)(?![\w])/i;

export function parseLevel(text: string, words = false): Level | undefined {
	const clean = levelText(text);
	if (LEVEL_SPAN.test(clean)) return undefined;
	const code = CODE_LEVEL.exec(clean);
	if (code) {
		// `Priority 1 (P1) - High (H)`: the short form in parentheses is the level as the team
		// abbreviates it; a spelt-out `Priority 1` with neither it nor a level word after it is
		// more often an order of work (`Priority 1: restore the database`) than a severity.
		const short = SHORT_FORM.exec(code[2]!.trim());
		const spelt = /^priority/i.test(code[1]!);
		const level = codeLevel(short ? short[1]! : code[1]!);
		// `**Severity 1 (Critical):**`: the colon closing a bold lead is no part of the name.
		const rest = (short ? short[2]! : code[2]!).replace(/[\s:.]+$/, '').trim();
		if (short && level.rank !== codeLevel(code[1]!).rank) return undefined;
		// `Priority 1 – Urgent`: a level word (or a team's name word) after it makes it a level.
		const first = /^[A-Za-z]+/.exec(rest)?.[0] ?? '';
		if (spelt && !short && !WORD_LEVEL.test(rest) && !NAME_WORD.test(first)) return undefined;
		// `Priority 1 (P1)` and nothing more: the long form is the level's name, the short its id.
		const long = /^(?:priority|severity)/i.test(code[1]!) && short && !rest;
		if (long) return { ...level, rest, name: titleWord(code[1]!.replace(/\s*(\d)/, ' $1')) };
		return { ...level, rest };
	}
	const nameFirst = NAME_FIRST.exec(clean);
	// Only a short name is a level's name; `High Priority Incidents (P1)` heads a group of scenarios.
	const lead = nameFirst?.[1]!.replace(/\s+(priority|severity|sev)$/i, '').trim();
	if (
		nameFirst &&
		lead &&
		/^[A-Za-z]+(?:[ -][A-Za-z]+)?$/.test(lead) &&
		!/incident|alert|issue|scenario|problem/i.test(lead)
	)
		return { ...codeLevel(nameFirst[2]!), rest: '', name: titleWord(lead) };
	// `Priority: High` under a severity heading: the scale named before its level word.
	const axis = words ? /^(?:priority|severity|level)\s*[:–—-]\s*(.+)$/i.exec(clean) : undefined;
	if (axis && WORD_LEVEL.test(axis[1]!)) return parseLevel(axis[1]!, true);
	// `Critical - P1`: a name word, a dash, then the level.
	const dashed = NAME_DASH.exec(clean);
	if (dashed && NAME_WORD.test(dashed[1]!))
		return { ...codeLevel(dashed[2]!), rest: '', name: titleWord(dashed[1]!) };
	const word = words ? WORD_LEVEL.exec(clean) : undefined;
	if (!word) return undefined;
	const name = titleWord(word[1]!);
	return { level: name, rank: WORD_RANK[name.toLowerCase()]!, rest: word[2]!.trim() };
}

/** `CRITICAL` → `Critical`; mixed case stays as written. */
const titleWord = (text: string): string =>
	text === text.toUpperCase() || text === text.toLowerCase()
		? text.charAt(0).toUpperCase() + text.slice(1).toLowerCase()
		: text;

const initials = (text: string): string =>
	text
		.split(/\s+/)
		.map((word) => word.charAt(0).toUpperCase())
		.join('');

/** The class noun after a level word (`CRITICAL Alerts`), which names nothing. */
const CLASS_NOUN = /^(alerts?|incidents?|issues?|events?)$/i;

/**
 * `Funds At Risk`, `Network Disruption (Funds Not At Risk)`: two to six words, each capitalised
 * (or a short joining word), no time, no class noun, and not what to do (`Page Immediately`).
 */
const TITLED_NAME =
	/^[A-Z][\w'’-]*(?: (?:[A-Z][\w'’-]*|of|or|and|the|at|in|on|to|for|not|no|\([A-Z][^()]*\)))(?: (?:[A-Z][\w'’-]*|of|or|and|the|at|in|on|to|for|not|no|\([A-Z][^()]*\))){0,4}$/;
/** What a titled phrase after a level word must not be: what to do, or the scale's own nouns. */
const UNTITLED =
	/^(?:page|paging|respond|escalate|notify|wake|call)\b|^[^(]*\b(?:severity|priority|alerts?|incidents?|issues?|events?|response|procedures?)\b/i;

/** `Critical (Complete Outage)` → name `Critical`, label `Complete Outage`. */
function nameAndLabel(level: Level): { name: string; label?: string | undefined } {
	if (level.name) return { name: level.name };
	// `Major - Network Disruption (Funds Not At Risk)`: after a level word that is the level itself,
	// a title-cased phrase is the team's name for it, parenthesis and all.
	if (
		level.level.toLowerCase() in WORD_RANK &&
		TITLED_NAME.test(level.rest) &&
		!UNTITLED.test(level.rest)
	)
		return { name: level.rest };
	const paren = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(level.rest);
	// `High (H)`: the name's own initial is no label.
	if (paren?.[1] && initials(paren[1]) === paren[2]!.toUpperCase()) return { name: paren[1] };
	if (paren?.[1]) return { name: paren[1], label: paren[2] };
	// `P1 (Disaster/Critical)`: names joined by a slash stay whole; both are the team's names for
	// the level, and picking one would drop the other.
	if (paren) return { name: paren[2]! };
	// `CRITICAL Alerts`, `High severity`: the class noun after a level word names nothing.
	if (CLASS_NOUN.test(level.rest) || /^(severity|priority)$/i.test(level.rest))
		return { name: level.level };
	// `S2 - High Severity`: the scale's noun after a level word is no part of its name (`Minor
	// Issue`, `Critical Outage` are the team's own names and stay whole).
	const word = /^([A-Za-z]+)\s+(?:severity|priority)$/i.exec(level.rest);
	if (word && NAME_WORD.test(word[1]!)) return { name: titleWord(word[1]!) };
	// `SEV-1 (Critical) - Page Immediately`: the name in parentheses, then what it calls for.
	const after = /^\(([^)]+)\)\s*[-–—:]\s*(.+)$/.exec(level.rest);
	if (after) return { name: after[1]!.trim(), label: after[2]!.trim() };
	const dash = /^(.*?)\s+[-–—:]\s+(.+)$/.exec(level.rest);
	if (dash) return { name: dash[1]!, label: dash[2]! };
	if (level.level.toLowerCase() in WORD_RANK)
		return { name: level.level, ...(level.rest ? { label: level.rest } : {}) };
	// `P2: Medium Priority Response` heads what to do at the level: a procedure's title is no name,
	// though the level word leading it is.
	const procedure = PROCEDURE_TITLE.exec(level.rest);
	if (procedure)
		return { name: NAME_WORD.test(procedure[1]!) ? titleWord(procedure[1]!) : level.level };
	return { name: level.rest || level.level };
}

/** `Medium Priority Response`, `Critical Incident Procedure`: what to do, titled by level. */
const PROCEDURE_TITLE =
	/^(.*?)\s*\b(?:(?:priority|severity|incidents?)\s+)?(?:response|procedures?|process|playbook|runbook|handling)$/i;

export function severitySlug(level: string): string {
	return level.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

/** The severity with this level, created on first sight. */
export function severityFor(context: Context, level: Level, add = true): SeverityInput {
	const existing = context.out.severities.find((entry) => entry.data.level === level.level);
	if (existing) return existing.data;
	const { name, label } = nameAndLabel(level);
	const data: SeverityInput = {
		level: level.level,
		rank: level.rank,
		name,
		...(label ? { label } : {}),
		// `Page Immediately` after the name is who is woken and when.
		...(label && /^page\b/i.test(label) ? { paging: label } : {}),
	};
	if (add) context.out.severities.push({ slug: severitySlug(level.level), data });
	return data;
}

/** The id of a known severity, for references from scenarios and escalation tables. */
export function severityRef(context: Context, level: string): string | undefined {
	const entry = context.out.severities.find(
		(e) => e.data.level.toLowerCase() === level.toLowerCase()
	);
	return entry ? `${context.playbook}/${entry.slug}` : undefined;
}

/** The target a label names, by words, not letters: `hear back from you for 2 hours` is no `ack`. */
function targetKey(label: string): TargetKey | undefined {
	const l = label.toLowerCase();
	if (/(?:\b|\bun)ack|mtta/.test(l)) return 'acknowledge';
	if (/update|frequency|cadence/.test(l)) return 'update';
	if (/resol|mttr|mitigat|restor|\bfix/.test(l)) return 'resolution';
	if (/respon|initial|engage|first action/.test(l)) return 'response';
	if (/\bslas?\b/.test(l)) return 'resolution';
	return undefined;
}

/** Labels and columns that say who is paged and when (`Page?`, `Paging`, `**Page**:`). */
const PAGING = /^(page\??|paging|paged\??|pager|page on-?call\??|wake (someone|people) up\??)$/i;

/** Words in front of a duration that name its target: `Acknowledge within 1 minute`. */
const TARGET_LEAD =
	/^(.*?)\s*\b((?:within|in|every|under|by|after)\b.*|[<≤~]\s*\d.*|\d.*|immediately.*|hourly.*|daily.*)$/i;

/**
 * `Acknowledge within 1 minute, initial action within 5 minutes`: one line, two targets. Each
 * piece must name its own target, or the line is read as one.
 */
function targetPieces(
	value: string,
	own?: TargetKey
): { key: TargetKey; value: string }[] | undefined {
	const pieces = value
		.split(/\s*[,;]\s+|\s+and\s+(?=[a-z ]*\b(?:within|in|every)\b)/i)
		.filter(Boolean);
	if (pieces.length < 2) return undefined;
	const found: { key: TargetKey; value: string }[] = [];
	let bare: string | undefined;
	for (const piece of pieces) {
		const lead = TARGET_LEAD.exec(piece);
		const key = lead?.[1] ? targetKey(lead[1]) : undefined;
		if (lead && key && parseDuration(lead[2]!)) {
			found.push({ key, value: lead[2]!.trim() });
			continue;
		}
		// `15 min response, 4 hr resolution`: the target named after its time.
		const trailing = TRAILING_TARGET.exec(piece);
		const named = trailing ? targetKey(trailing[2]!) : undefined;
		if (named && parseDuration(trailing![1]!)) found.push({ key: named, value: trailing![1]! });
		// `4 hr response, 2 days` under an SLA column: the unnamed time is the column's own target.
		else if (own && !bare && parseDuration(piece) && /^\S+\s+\S+$/.test(piece)) bare = piece;
		else return undefined;
	}
	if (bare) {
		if (found.some((f) => f.key === own)) return undefined;
		found.push({ key: own!, value: bare });
	}
	return new Set(found.map((f) => f.key)).size === found.length ? found : undefined;
}

/** `15 min response`: a duration, then the words naming its target. */
const TRAILING_TARGET = /^((?:[<≤~]\s*)?\d+(?:\.\d+)?\s*[a-z]+)\s+([a-z][a-z ]{2,30})$/i;
/** Two durations or more in one value: `4 hr response, 2 days`. */
const SEVERAL_TIMES = /\d\s*[a-z]+\b[^,;]*[,;][^,;]*\d\s*[a-z]+/i;

const push = <T>(list: T[] | T | undefined, ...values: T[]): T[] => [
	...(Array.isArray(list) ? list : list ? [list] : []),
	...values,
];

/** The duration a sentence's target phrase starts with: `every 30 minutes until …` → `every 30 minutes`. */
const DURATION_PHRASE =
	/^(?:(?:within|in|every|under|by|after)\s+)?(?:[<≤~]\s*)?\d+(?:\.\d+)?\s*(?:[-–]\s*\d+\s*)?(?:business (?:days?|hours?)\b|[a-z]+)|^(?:immediately|hourly|daily)\b/i;

/**
 * `Page the lead at once. Acknowledge within 1 hour. Post updates every 30 minutes.`: prose of
 * several sentences, some of which name their own target and time it. Those are typed; the
 * whole text stays as the level's response actions (or notes), since the rest says what to do.
 */
function sentenceTargets(
	context: Context,
	severity: SeverityInput,
	label: string,
	value: string
): boolean {
	const sentences = value.split(/(?<=\.)\s+(?=[A-Z])/);
	if (sentences.length < 2) return false;
	const targets = severity.targets as Record<TargetKey, string | undefined>;
	const found = new Map<TargetKey, string>();
	for (const sentence of sentences) {
		const lead = TARGET_LEAD.exec(sentence.replace(/\.$/, ''));
		const key = lead?.[1] ? targetKey(lead[1]) : undefined;
		const phrase = lead && DURATION_PHRASE.exec(lead[2]!)?.[0];
		if (!key || !phrase || !parseDuration(phrase) || targets[key]) continue;
		if (found.has(key)) return false;
		found.set(key, phrase);
	}
	if (found.size === 0) return false;
	for (const [key, phrase] of found) {
		targets[key] = phrase;
		context.targetLabels[key] ??= label;
	}
	if (/^respon/i.test(label)) severity.actions = push(severity.actions, value);
	else severity.targetNotes = push(severity.targetNotes, `${label}: ${value}`);
	return true;
}

/** Sets a target from `label: value`, or keeps the line word for word in `targetNotes`. */
function applyTarget(
	context: Context,
	severity: SeverityInput,
	label: string,
	value: string
): void {
	const targets = (severity.targets ??= {}) as Record<TargetKey, string | undefined>;
	// `Resolution attempt within 15 minutes` says when to try, not when it is resolved: a note.
	const all = value.split(/\s*[,;]\s+/);
	const attempts = all.filter((piece) => /\battempts?\b/i.test(piece));
	if (attempts.length && attempts.length < all.length) {
		severity.targetNotes = push(severity.targetNotes, ...attempts);
		value = all.filter((piece) => !attempts.includes(piece)).join(', ');
	}
	const pieces = targetPieces(value, targetKey(label));
	if (pieces && pieces.every((piece) => !targets[piece.key])) {
		for (const piece of pieces) targets[piece.key] = piece.value;
		return;
	}
	if (sentenceTargets(context, severity, label, value)) return;
	const key = targetKey(label);
	// `Acknowledge within 1 minute` under a `Response SLA` label: the words name the target.
	const lead = TARGET_LEAD.exec(value);
	const own = lead?.[1] ? targetKey(lead[1]) : undefined;
	const [useKey, useValue] =
		own && own !== key && parseDuration(lead![2]!) ? [own, lead![2]!.trim()] : [key, value];
	// A value holding several times that could not be told apart is no one target's time; nor is
	// prose of several sentences that only opens with a word of time (`**Response:** Immediate
	// action required. Critical business operations are halted.` says what to do, not how fast).
	if (
		useKey &&
		!targets[useKey] &&
		parseDuration(useValue) &&
		!SEVERAL_TIMES.test(useValue) &&
		!/[.!?]\s+[A-Z]/.test(useValue)
	) {
		targets[useKey] = useValue;
		context.targetLabels[useKey] ??= label;
		return;
	}
	// `Within 1 hour. Then update the box office every hour.`: a first sentence that is a time and
	// nothing more is the target; the sentences after it stay as written.
	const [first, ...after] = useValue.split(/(?<=[.!?])\s+(?=[A-Z])/);
	const time = first!.replace(/\.$/, '');
	if (
		useKey &&
		!targets[useKey] &&
		after.length &&
		DURATION_PHRASE.exec(time)?.[0] === time &&
		parseDuration(time)
	) {
		targets[useKey] = time;
		context.targetLabels[useKey] ??= label;
		severity.targetNotes = push(severity.targetNotes, `${label}: ${after.join(' ')}`);
		return;
	}
	severity.targetNotes = push(severity.targetNotes, `${label}: ${value}`);
}

/** A line about keeping people informed, and one whose timing is only approximate. */
const UPDATE_LINE =
	/\b(updates?|sitreps?|situation reports?|status reports?|communicat\w*|notif\w*)\b/i;
const HEDGED = /\b(approximately|about|roughly|around|ideally|or so)\b/i;

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
	if (PAGING.test(l) && value && items.length === 0) severity.paging = value;
	// `### SEV1` over `**Name:** Critical`: the level's name given as a field of its own.
	else if (
		/^name$/.test(l) &&
		severity.name === severity.level &&
		/^[A-Za-z]+(?: [A-Za-z]+)?$/.test(value)
	)
		severity.name = value;
	// `Use when:` over a list of what counts says when a level applies.
	else if (/^(definition|description|criteria|(?:use[ds]? |applies )?when)\b/.test(l))
		severity.definition = push(severity.definition, ...values);
	// `Examples of past PUBLIC issues include`: the lead-in naming whose examples they are.
	else if (
		/^(?:some )?(?:examples?|example incidents)(?: of [\w -]{1,40}?)?(?: include| are| (?:may|might|could) (?:be|include))?$/.test(
			l
		)
	)
		severity.examples = push(severity.examples, ...values);
	else if (/^(impact|business impact|user impact)$/.test(l))
		severity.impact = push(severity.impact, ...values);
	else if (/^(?:immediate |initial |first )?(?:actions?|steps|procedures?)\b/.test(l))
		severity.actions = push(severity.actions, ...values);
	else if (/^(guidelines?|guidance|how to (handle|respond|treat))\b/.test(l) && items.length) {
		// `Guidelines for addressing High-sev issues:` say how to respond; a line among them about
		// updates with one plain cadence (`Sitreps should be sent every hour`) times the updates.
		severity.actions = push(severity.actions, ...values);
		const cadences = items
			.filter((item) => UPDATE_LINE.test(item) && !HEDGED.test(item))
			.map((item) => cadenceIn(item))
			.filter(Boolean);
		if (cadences.length === 1) applyTarget(context, severity, 'Update cadence', cadences[0]!);
	} else if (/^escalat/.test(l)) severity.escalation = push(severity.escalation, ...values);
	else if (/^(notif|stakeholders?\b|(who|whom) to (inform|notify|contact)\b|inform\b)/.test(l))
		severity.notifications = push(severity.notifications, ...values);
	else if (/^communicat/.test(l) && value && items.length === 0) {
		severity.communication = value;
		const cadence = parseDuration(value) ? value : cadenceIn(value);
		if (cadence) applyTarget(context, severity, 'Update cadence', cadence);
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
		/^(response|targets?|slas?|response times?|response targets?|response slas?|service levels?)$/.test(
			l
		) &&
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
	else if (/^(objectives?|goals?)$/.test(l) && value && items.length === 0) {
		// `Objective: Restore service within 1 hour (RTO)`: the words name the target and time it.
		const lead = TARGET_LEAD.exec(value);
		const key = lead?.[1] ? targetKey(lead[1]) : undefined;
		const phrase = lead && DURATION_PHRASE.exec(lead[2]!)?.[0];
		const targets = (severity.targets ??= {}) as Record<TargetKey, string | undefined>;
		if (!key || !phrase || !parseDuration(phrase) || targets[key]) return false;
		targets[key] = phrase;
	} else return false;
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

/**
 * A paragraph ending `Examples include:` (or `such as one of the following:`) introduces the
 * examples; the text before it defines.
 */
const EXAMPLES_LEAD =
	/^(.*?)[\s,]*\b(?:(?:some |a few )?examples?(?: of (?:this|these|such incidents|past [\w -]{1,30}?))?(?: include| are| (?:may|might|could) (?:be|include))?|for example|such as(?: (?:one|any) of the following)?|(?:[a-z]+ (?:by|as|in) )?(?:one|any) of the following)[:;]$/i;

/**
 * Text under a severity heading before its first label: prose is the definition, and a list of
 * `Label: value` lines is typed only when every line means something here. Under a label of its
 * own (`### Description` holding prose, lists and `Examples:`), plain text goes to that label's
 * field.
 */
function applyUnlabelled(
	context: Context,
	severity: SeverityInput,
	part: Part,
	into?: string
): boolean {
	const read = new Set<RootContent>();
	const probe = structuredClone(severity);
	const plain = (lines: string[]): boolean => {
		if (into) return apply(context, probe, into, '', lines);
		probe.definition = push(probe.definition, ...lines);
		return true;
	};
	for (const [index, node] of part.nodes.entries()) {
		if (node.type === 'paragraph') {
			const text = inlineText(
				context.doc.source.slice(node.position!.start.offset!, node.position!.end.offset!)
			);
			// `… or have significant impact. Examples include:` over a list: the list is examples.
			const examples = EXAMPLES_LEAD.exec(text);
			const next = part.nodes[index + 1];
			const items =
				next?.type === 'list' ? next.children.flatMap((item) => itemLines(context.doc, item)) : [];
			if (examples && next?.type === 'list') {
				if (examples[1]) probe.definition = push(probe.definition, examples[1]);
				probe.examples = push(probe.examples, ...items);
				read.add(next);
			} else if (
				/[:;]$/.test(text) &&
				next?.type === 'list' &&
				(text.endsWith(':') ||
					apply(context, structuredClone(probe), text.replace(/\s*;$/, ''), '', items))
			) {
				// A lead-in too long for a label line (`Guidelines for handling high-sev incidents:`,
				// `Procedure here is simple;`); after a semicolon, only when its words label a field.
				if (
					!apply(context, probe, text.replace(/\s*[:;]$/, ''), '', items) &&
					!(into && plain([text, ...items]))
				)
					return false;
				read.add(next);
			} else if (text && !into) {
				// `Checkout is down. Respond within 15 minutes.`: a timed sentence in the prose is a target.
				const prose = readSentences(context, probe, text);
				if (prose) probe.definition = push(probe.definition, prose);
			} else if (text && !plain([text])) return false;
		} else if (node.type === 'list' && read.has(node)) {
			continue;
		} else if (node.type === 'list') {
			// `- **Actions**:` over a nested list of steps: the item is the label, the steps its values,
			// when the label names a severity field; otherwise its lines are read as below.
			const fields = node.children.map((item) => {
				const { text, details } = itemTexts(context.doc, item);
				const label = /^([A-Za-z][\w /()&'-]{1,50}?)\s*:$/.exec(text)?.[1];
				return !!label && details.length > 0 && apply(context, probe, label, '', details);
			});
			// `Label: value` lines must each mean something here; plain lines (`Complete outage
			// affecting all users`) describe the level.
			const items = node.children
				.filter((_, at) => !fields[at])
				.flatMap((item) => itemLines(context.doc, item));
			if (items.length === 0 && !fields.some(Boolean)) return false;
			for (const item of items) {
				const pair = splitLabel(item);
				if (!pair) {
					if (!plain([item])) return false;
				} else if (!apply(context, probe, pair.label, pair.value, []) && !(into && plain([item])))
					return false;
			}
		} else return false;
	}
	if (part.nodes.length === 0) return false;
	Object.assign(severity, probe);
	return true;
}

/**
 * `1 - High Severity`, `2. Medium`, `Level 3 – Low`: a bare number and a short name, the level
 * left unnamed.
 */
const NUMBERED_LEVEL =
	/^(?:level\s+)?(\d)\s*[-–—:.)]\s*([A-Za-z][A-Za-z-]*(?: [A-Za-z][A-Za-z-]*){0,2}?)(?:[\s-]+(?:severity|priority|sev|impact))?$/i;

/**
 * Under a severity heading, `### 1 - High Severity` beside `### 2 - Medium Severity`: bare numbers
 * are the levels when two or more sibling headings are numbered that way, each with a short name.
 * The parent's words say which scale they are (`Priorities` → P1, otherwise SEV1).
 */
function numberedLevel(section: Section): Level | undefined {
	const parent = section.parent;
	const match = NUMBERED_LEVEL.exec(stripEmoji(section.title));
	if (!parent || !match || !SEVERITY_PARENT.test(parent.title)) return undefined;
	// `Escalation levels` over `1 - Primary on-call` are tiers: a level word is needed there.
	const scale = /severit|priorit/i.test(parent.title) && !/escalat/i.test(parent.title);
	if (!scale && !(match[2]!.toLowerCase() in WORD_RANK)) return undefined;
	const numbered = parent.children
		.map((sibling) => NUMBERED_LEVEL.exec(stripEmoji(sibling.title)))
		.filter(Boolean) as RegExpExecArray[];
	const numbers = numbered.map((sibling) => sibling[1]);
	if (numbers.length < 2 || new Set(numbers).size !== numbers.length) return undefined;
	// `## 1. Priority Determination Process` … `## 7. Quick Reference Guide` under a title about
	// priorities: a document's numbered chapters, not one of them named in a level word, are no ladder.
	const levelWord = (name: string) => {
		const word = /^[A-Za-z]+/.exec(name)?.[0] ?? '';
		return NAME_WORD.test(word) || word.toLowerCase() in WORD_RANK;
	};
	if (!numbered.some((sibling) => levelWord(sibling[2]!))) return undefined;
	// `Level 1: Informational` … `Level 5: Critical`: level words at the two ends saying the
	// numbers climb rank the highest number first, as the team's own words do.
	const ranks = numbered.map((sibling) => Number(sibling[1]));
	const [low, high] = [Math.min(...ranks), Math.max(...ranks)];
	const wordAt = (number: number) =>
		WORD_RANK[(/^[A-Za-z]+/.exec(numbered[ranks.indexOf(number)]![2]!)?.[0] ?? '').toLowerCase()];
	const [lowWord, highWord] = [wordAt(low), wordAt(high)];
	const climbs = lowWord !== undefined && highWord !== undefined && lowWord > highWord;
	const level = numberLevel(match[1]!);
	return {
		...level,
		...(climbs ? { rank: low + high - level.rank } : {}),
		name: titleWord(match[2]!),
	};
}

/**
 * A bare number as a level (`1 - High Severity`, a `1` cell under `Severity`): the level is the
 * number as written; a `SEV` or `P` in front would be a prefix the source never uses.
 */
function numberLevel(number: string): Level {
	return { level: number, rank: Number(number), rest: '' };
}

/** `Response: Immediate, Resolution: 4 hours`: every piece a timed target, or undefined. */
function headingTargets(text: string | undefined): { label: string; value: string }[] | undefined {
	const pieces = (text ?? '').split(/\s*[,;]\s*/).map((piece) => splitLabel(piece));
	if (!text || pieces.some((pair) => !pair || !targetKey(pair.label) || !parseDuration(pair.value)))
		return undefined;
	return pieces as { label: string; value: string }[];
}

function isSeveritySection(section: Section): Level | undefined {
	const words = SEVERITY_PARENT.test(section.parent?.title ?? '');
	return (
		parseLevel(section.title, words) ??
		numberedLevel(section) ??
		speltLevel(section) ??
		ladderWord(section) ??
		introLevel(section) ??
		definedClass(section)
	);
}

/** Words at the top of a scale, which tell which end of a listed scale is the most severe. */
const TOP_WORD = /^(critical|highest|urgent|emergency|severe|catastrophic|blocker)$/i;

/**
 * `## Tracks` saying "an issue is categorized in the PUBLIC, PRIVATE, or URGENT track … the tracks
 * signal how severe it is" over `### PUBLIC`, `### PRIVATE`, `### URGENT`: the team's own levels,
 * named nowhere as levels but in the sentence that sorts issues into them. Every sibling heading
 * must be one word or two, and one sentence of the parent's intro must name all of them and no
 * other, with the intro speaking of severity (or priority, urgency) and the sentence of sorting.
 * Ranked from the end holding a top word (`… or URGENT`); with none at either end, no level.
 */
function introLevel(section: Section): Level | undefined {
	const parent = section.parent;
	const titles = parent?.children.map((child) => stripEmoji(child.title).trim()) ?? [];
	if (!parent || titles.length < 2 || titles.length > 6) return undefined;
	if (!titles.every((title) => /^[A-Za-z]+(?: [A-Za-z]+)?$/.test(title))) return undefined;
	if (new Set(titles.map((title) => title.toLowerCase())).size < titles.length) return undefined;
	const intro = parent.nodes
		.filter((node) => node.type === 'paragraph')
		.map((node) => toString(node).replace(/\s+/g, ' '))
		.join(' ');
	if (!/\bsever(?:e|ity|ities)\b|\bpriorit|\burgency\b/i.test(intro)) return undefined;
	// `## Minor Incidents` beside `## Major Incidents` and "split into 2 types; minor and major":
	// the class noun every title ends in is no part of the names the sentence sorts by.
	const classes = classWords(titles) ?? titles;
	const order = intro
		.split(/(?<=[.!?])\s+/)
		.filter((sentence) => SORTING.test(sentence))
		.map((sentence) => listedIn(sentence, classes))
		.find(Boolean);
	if (!order) return undefined;
	const index = titles.indexOf(stripEmoji(section.title).trim());
	return rankedClass(section, classes[index]!, order);
}

/**
 * `Minor` of `Minor Incidents` in a ladder listed in `order` (lower case): ranked by the level words'
 * own ranks when every one is a level word, else from the end holding a top word (`… or URGENT`).
 * Which end is the worst is unknown otherwise, and no rank would be true.
 */
function rankedClass(section: Section, word: string, order: string[]): Level | undefined {
	const ranks = order.map((entry) => WORD_RANK[entry]);
	const [first, last] = [TOP_WORD.test(order[0]!), TOP_WORD.test(order.at(-1)!)];
	if (ranks.some((rank) => rank === undefined) && first === last) return undefined;
	const index = order.indexOf(word.toLowerCase());
	const rank = ranks[index] ?? (last ? order.length - 1 - index : index);
	const name = titleWord(stripEmoji(section.title).trim());
	return { level: titleWord(word).replace(/\s+/g, '-'), rank, rest: '', name };
}

/**
 * `Minor Incidents`, `Major Incidents` → `Minor`, `Major`: the titles' first words, when every
 * title is two words ending in the same class noun; undefined otherwise.
 */
function classWords(titles: string[]): string[] | undefined {
	const split = titles.map((title) => /^([A-Za-z]+)\s+([A-Za-z]+)$/.exec(title));
	const nouns = new Set(split.map((match) => match?.[2]!.toLowerCase()));
	const [noun] = [...nouns];
	if (nouns.size !== 1 || !noun || !CLASS_NOUN.test(noun)) return undefined;
	return split.map((match) => match![1]!);
}

/**
 * `## Major incidents` opening "A major incident is anything that …" beside `## Minor incidents`
 * opening "A minor incident is …": headings named by level words over the same incident noun, each
 * defining its class in its first sentence, are the team's levels even under no severity heading.
 * Two or more such siblings, every word a known level word (which ranks them); alert classes
 * (`## Critical alerts`) are monitoring, not the incident ladder, and other headings beside them
 * (`## Contacts`) are no part of it.
 */
function definedClass(section: Section): Level | undefined {
	const parent = section.parent;
	if (!parent) return undefined;
	const defined = parent.children.filter((sibling) => {
		const match = /^([A-Za-z]+)\s+(incidents?|issues?|outages?)$/i.exec(
			stripEmoji(sibling.title).trim()
		);
		const first = sibling.nodes[0];
		if (!match || !(match[1]!.toLowerCase() in WORD_RANK) || first?.type !== 'paragraph')
			return false;
		const noun = match[2]!.replace(/s$/i, '');
		return new RegExp(
			`^(?:an?\\s+)?${match[1]}\\s+${noun}s?\\s+(?:is|are|means|covers|refers to)\\b`,
			'i'
		).test(toString(first).trim());
	});
	if (defined.length < 2 || !defined.includes(section)) return undefined;
	const words = defined.map((sibling) => stripEmoji(sibling.title).trim().split(/\s+/)[0]!);
	if (new Set(words.map((word) => word.toLowerCase())).size < words.length) return undefined;
	const [word] = stripEmoji(section.title).trim().split(/\s+/);
	return rankedClass(
		section,
		word!,
		words.map((entry) => entry.toLowerCase())
	);
}

/** A sentence that sorts things into classes: `categorized as`, `sorts it into`, `falls into`. */
const SORTING =
	/categori[sz]|classif|\b(?:sort|split|divide)(?:s|d|ed)? (?:\w+ ){0,2}into\b|\bfalls? (?:in|into|under)\b|\bassigned (?:to|a|one)\b|\brated\b|\bgraded\b/i;

/**
 * The titles in the order one enumeration of the sentence (`A, B, or C`) names them, lower case;
 * undefined unless it names every title and nothing else.
 */
function listedIn(sentence: string, titles: string[]): string[] | undefined {
	const words = titles.map((title) => title.toLowerCase());
	const pattern = words.map((word) => word.replace(/\s+/g, '\\s+')).join('|');
	const item = `(?:${pattern})`;
	const list = new RegExp(
		`(?<![\\w-])(${item}(?:\\s*,\\s*${item})*,?\\s+(?:or|and)\\s+${item})(?![\\w-])`,
		'i'
	).exec(sentence);
	if (!list) return undefined;
	const named = list[1]!
		.split(/\s*,\s*(?:(?:or|and)\s+)?|\s+(?:or|and)\s+/)
		.map((word) => word.trim().toLowerCase().replace(/\s+/g, ' '));
	if (named.length !== words.length || new Set(named).size !== named.length) return undefined;
	return words.every((word) => named.includes(word)) ? named : undefined;
}

/**
 * `#### Trivial` after `#### Critical`, `#### Major`, `#### Minor` under "Deciding severity": a
 * team's own level word beside two or more level headings is the next rung of the same ladder, even
 * when a summary elsewhere names fewer levels. It ranks after the level heading before it.
 */
function ladderWord(section: Section): Level | undefined {
	const parent = section.parent;
	const title = stripEmoji(section.title).trim();
	if (!parent || !SEVERITY_PARENT.test(parent.title)) return undefined;
	const siblings = parent.children.map((sibling) => parseLevel(sibling.title, true));
	const levels = siblings.filter(Boolean) as Level[];
	const before = siblings.slice(0, parent.children.indexOf(section)).filter(Boolean).at(-1);
	if (levels.length < 2 || !before) return undefined;
	// `Error Alerts` between `Critical Alerts` and `Warning Alerts`: one word with the class noun
	// every level heading beside it ends in is a rung of the same ladder, whatever the word, when
	// it sits inside the ladder (`Muting Alerts` after the last level is about something else).
	const nouns = new Set(levels.map((level) => level.rest.toLowerCase()));
	const [noun] = nouns.size === 1 ? [...nouns] : [];
	const inside = siblings.slice(parent.children.indexOf(section) + 1).some(Boolean);
	const classed =
		noun && inside && CLASS_NOUN.test(noun) ? /^([A-Za-z]+)\s+(\S+)$/.exec(title) : null;
	const word = NAME_WORD.test(title)
		? title
		: classed && classed[2]!.toLowerCase() === noun
			? classed[1]!
			: undefined;
	if (!word) return undefined;
	const name = titleWord(word);
	// `Very high`: a level is one token.
	return { level: name.replace(/\s+/g, '-'), rank: before.rank + 1, rest: '', name };
}

/**
 * Headings over a ladder of spelt-out levels: `Incident priorities`, `Priority levels`,
 * `Severities`; never `Restore priorities`, whose numbers order work.
 */
const SPELT_PARENT =
	/severit|\b(?:incident|ticket|alert|outage)s?\b.*\bpriorit|\bpriorit(?:y|ies)\s+(?:levels?|definitions?|scale|matrix)\b|^priorit(?:y|ies)$/i;

/** `Priority 2` and nothing more: the whole heading is the spelt-out level. */
const SPELT_LEVEL = /^(?:priority|severity)\s?(\d)$/i;

/**
 * `### Priority 1` beside `### Priority 2` under "Incident priorities": a spelt-out level alone is
 * an order of work elsewhere, but two or more sibling headings so named under a severity or
 * priority heading are the ladder.
 */
function speltLevel(section: Section): Level | undefined {
	const parent = section.parent;
	const title = stripEmoji(section.title).trim();
	if (!parent || !SPELT_LEVEL.test(title) || !SPELT_PARENT.test(parent.title)) return undefined;
	const numbers = parent.children
		.map((sibling) => SPELT_LEVEL.exec(stripEmoji(sibling.title).trim())?.[1])
		.filter(Boolean);
	if (numbers.length < 2 || new Set(numbers).size !== numbers.length) return undefined;
	return { ...codeLevel(title), rest: '' };
}

/** Labels a severity's parts use: a target, the paging rule, a definition or examples. */
const isSeverityLabel = (label: string): boolean =>
	!!targetKey(label) ||
	PAGING.test(label) ||
	/^(definition|description|criteria|examples?|impact)\b/i.test(label);

/** Notes targets and columns kept word for word in a severity's notes since `before` notes. */
function noteCheck(
	context: Context,
	severity: SeverityInput,
	before: number,
	where: { heading: string; start: number; end: number }
): void {
	const notes = [severity.targetNotes ?? []].flat().slice(before);
	if (notes.length === 0) return;
	context.check.push({
		kind: 'severity',
		...where,
		leftAs: `target notes of severity ${severity.level}`,
		reason: `${notes.map((note) => `\`${note}\``).join(', ')} ${notes.length > 1 ? 'are' : 'is'} not a target the importer can time (acknowledge, response, update, resolution)`,
	});
}

/** The end of the line `at` stands on. */
function lineEnd(context: Context, at: number): number {
	const end = context.doc.source.indexOf('\n', at);
	return end < 0 ? context.doc.source.length : end;
}

/** A line's comment marker in a fenced block: `# `, `// `, `-- `, `; `. */
const COMMENT = /^\s*(?:#+|\/\/|--|;)\s?/;
/** A list line inside a block: `- item`, `1. step`. */
const BLOCK_ITEM = /^(?:[-*•]|\d+[.)])\s+(.+)$/;

interface LabelledLines {
	label: string;
	value: string;
	items: string[];
}

/**
 * A severity's fields written in a fenced block as comment lines (`# Response Time: 5 minutes`,
 * `# Examples:` over `# - Full outage`) or as plain `Label: value` lines. Every line must be a
 * label line or a list line under a label; otherwise the block is something else (a script). In a
 * block of comments only, plain lines before the first label (`# Every request fails`) define the
 * level.
 */
function codeParts(part: Part): LabelledLines[] | undefined {
	const [node] = part.nodes;
	if (part.label || part.nodes.length !== 1 || node?.type !== 'code') return undefined;
	const lines = node.value.split('\n').filter((line) => line.trim());
	const commented = lines.filter((line) => COMMENT.test(line)).length;
	if (lines.length === 0 || (commented > 0 && commented < lines.length)) return undefined;
	const found: LabelledLines[] = [];
	const prose: string[] = [];
	for (const line of lines) {
		const text = line.replace(COMMENT, '').trim();
		const item = BLOCK_ITEM.exec(text);
		const pair =
			splitLabel(text) ??
			(/^([A-Za-z][\w /()&'-]{1,50}):$/.exec(text) && { label: text.slice(0, -1), value: '' });
		if (item && found.length) found[found.length - 1]!.items.push(item[1]!);
		else if (pair && !item) found.push({ ...pair, items: [] });
		else if (commented && found.length === 0 && !item) prose.push(text);
		else return undefined;
	}
	if (found.length === 0) return undefined;
	return prose.length
		? [{ label: 'Definition', value: prose.join(' '), items: [] }, ...found]
		: found;
}

/**
 * A level's fields as a two-column table under its heading (`Aspect | Details` over `**Impact** |
 * Funds lost`, `**Response** | Immediate`): each row is a labelled line.
 */
function tableParts(part: Part): LabelledLines[] | undefined {
	const [node] = part.nodes;
	if (part.label || part.nodes.length !== 1 || node?.type !== 'table') return undefined;
	const [, ...body] = node.children.map((row) => row.children.map((cell) => cellText(cell)));
	if (body.length === 0 || body.some((cells) => cells.length !== 2 || !cells[0] || !cells[1]))
		return undefined;
	return body.map(([label, value]) => ({ label: label!, value: value!, items: [] }));
}

/** Reads every labelled line into the severity, or none of them. */
function applyAll(context: Context, severity: SeverityInput, lines: LabelledLines[]): boolean {
	const probe = structuredClone(severity);
	if (!lines.every((line) => apply(context, probe, line.label, line.value, line.items)))
		return false;
	Object.assign(severity, probe);
	return true;
}

/** Words of a lead-in that make a level a condition: rated, declared, a level's incidents. */
const GATE_WORDS =
	/\b(?:rated|classified|declared|assessed|graded|triaged|categori[sz]ed|marked|raised|upgraded|downgraded|incidents?|severity|priority)\b/i;

/**
 * `If incident is rated P1:`, `For SEV2 incidents:`, `When an incident is declared P3 or P4:` over a
 * list: the list is what to do at the levels the lead-in names, when they are the heading's own
 * levels (all of them and no other). A level may be defined by what it sets off, not described.
 */
function gatedBy(label: string, levels: string[]): boolean {
	const text = label.replace(/\s*:$/, '').trim();
	if (!/^(?:if|when|once|for|where|at|on)\b/i.test(text) || !GATE_WORDS.test(text)) return false;
	const named = [...text.matchAll(LEVEL_MENTION)].map((m) => parseLevel(m[0])?.level);
	if (named.length !== levels.length || new Set(named).size !== named.length) return false;
	return named.every((level) => level && levels.includes(level));
}

/**
 * The lists a lead-in opens, up to the first other block (a footnote after them stays in the page),
 * with where they end; undefined when the part opens with no list.
 */
function leadingLists(context: Context, part: Part): { items: string[]; end: number } | undefined {
	const lists: List[] = [];
	for (const node of part.nodes) {
		if (node.type !== 'list') break;
		lists.push(node);
	}
	if (lists.length === 0) return undefined;
	const items = lists.flatMap((list) =>
		list.children.flatMap((item) => itemLines(context.doc, item))
	);
	return items.length ? { items, end: endOf(lists.at(-1)!) } : undefined;
}

/** `P3 or P4`, `SEV2/SEV3`, `P1 and P2`: a heading that is two or three levels and nothing else. */
const LEVEL_CODE = String.raw`(?:P\s?\d|SEV-?\s?\d|Sev\s?\d|S\d)`;
const LEVEL_PAIR = new RegExp(
	String.raw`^${LEVEL_CODE}(?:\s*(?:,|/|&|\bor\b|\band\b)\s*${LEVEL_CODE}){1,2}$`,
	'i'
);

/**
 * `#### P3 or P4` over `If incident is rated P3 or P4:` and a list of what to do: the heading names
 * several levels and its lead-in says the steps apply to each of them, so each level is an entry
 * with those steps. Anything else under it (a definition, a target) could belong to either, so the
 * heading is read only when every part is such a list; otherwise nothing is typed and it is listed.
 */
function sharedLevels(context: Context, section: Section, parts: Part[]): boolean {
	const title = stripEmoji(section.title).trim();
	if (!LEVEL_PAIR.test(title)) return false;
	const levels = [...title.matchAll(LEVEL_MENTION)].map((m) => parseLevel(m[0]));
	if (levels.some((level) => !level)) return false;
	const codes = levels.map((level) => level!.level);
	if (new Set(codes).size !== codes.length) return false;
	const actions: string[] = [];
	const read: { part: Part; end: number }[] = [];
	for (const part of parts) {
		const lists =
			part.label && !part.value && !part.section ? leadingLists(context, part) : undefined;
		if (!lists || !gatedBy(part.label, codes)) return false;
		actions.push(...lists.items);
		read.push({ part, end: lists.end });
	}
	if (actions.length === 0) return false;
	for (const level of levels) {
		if (context.out.severities.some((entry) => entry.data.level === level!.level)) return false;
	}
	for (const level of levels) {
		const severity = severityFor(context, level!, false);
		severity.actions = push(severity.actions, ...actions);
		context.out.severities.push({
			slug: severitySlug(level!.level),
			data: severity,
			from: fromSection(context.doc, section),
		});
	}
	// The steps stay in the page too, with their links and nesting, which a list of actions drops.
	context.check.push({
		kind: 'severity',
		heading: section.title,
		start: section.start,
		end: section.end,
		reason: keptReason(
			read.map(({ part }) => part.label),
			read.some(({ part, end }) => end < part.end)
		),
	});
	return true;
}

/** Why a level read from its steps is listed: what was read, and that the text also stays. */
function keptReason(labels: string[], more: boolean): string {
	return `the list${labels.length > 1 ? 's' : ''} under ${labels.map((label) => `\`${label}\``).join(', ')} ${labels.length > 1 ? 'are' : 'is'} read as the level's actions and also ${labels.length > 1 ? 'stay' : 'stays'} in its page as written${more ? '; the text after it has no severity field' : ''}`;
}

/** Severity headings and their parts. */
export function recogniseSeveritySections(context: Context): void {
	for (const section of allSections(context.doc.outline)) {
		const level = isSeveritySection(section);
		const parts = partsOf(context.doc, section, { plainLabels: true });
		if (!level && sharedLevels(context, section, parts)) continue;
		if (!level) {
			// `### Urgent` with a response time under "Severity Levels": a level with no level name.
			const labels = parts.filter((part) => !part.section && isSeverityLabel(part.label));
			// Under a level's own heading (`### Description` below `## P1 - High`) the level reads it.
			const underLevel = section.parent && isSeveritySection(section.parent);
			const span = LEVEL_SPAN.exec(levelText(section.title));
			if (span && parts.length)
				context.check.push({
					kind: 'severity',
					heading: section.title,
					start: section.start,
					end: section.end,
					reason: `its heading names more than one level at once (\`${span[0]}\`): which name and text belong to which level is for you to say`,
				});
			else if (SEVERITY_PARENT.test(section.parent?.title ?? '') && labels.length && !underLevel)
				context.check.push({
					kind: 'severity',
					heading: section.title,
					start: section.start,
					end: section.end,
					reason: `it has severity labels (${labels.map((part) => `\`${part.label}\``).join(', ')}) but its heading names no level (expected P0–P4, SEV1, S1 or Critical / High / Medium / Low)`,
				});
			continue;
		}
		// A level heading that holds scenarios or nothing typed is not a severity definition.
		if (parts.length === 0) continue;
		// A level heading that groups scenarios (`Critical Incidents (P0)`) types nothing itself:
		// the level becomes an entry only when one of its parts is read into it.
		const known = context.out.severities.some((entry) => entry.data.level === level.level);
		const severity = severityFor(context, level, false);
		const href = hrefOf(context, 'severities', severitySlug(level.level));
		const marker = markerOf(section.heading ? toString(section.heading) : '');
		if (marker && !severity.marker) severity.marker = marker;
		let used = 0;
		const notes = [severity.targetNotes ?? []].flat().length;
		// `### P1 - Critical (Response: Immediate, Resolution: 4 hours)`: the heading times the level.
		const inHeading = known ? undefined : headingTargets(severity.label);
		if (inHeading) {
			delete severity.label;
			for (const { label, value } of inHeading) applyTarget(context, severity, label, value);
			used++;
		}
		const unread: Part[] = [];
		// Labels whose lists were read as actions and stay in the page as well.
		const kept: string[] = [];
		for (const part of parts) {
			if (part.section?.children.length) continue;
			// `If incident is rated P1:` over what to do: the level's actions, not when it applies.
			const gated =
				part.label && !part.value && !part.section && gatedBy(part.label, [level.level])
					? leadingLists(context, part)
					: undefined;
			if (gated) {
				severity.actions = push(severity.actions, ...gated.items);
				kept.push(part.label);
				if (gated.end < part.end)
					unread.push({
						...part,
						label: `the text after the list under \`${part.label}\``,
						start: gated.end,
					});
				used++;
				continue;
			}
			const items = part.label ? partItems(context, part) : [];
			const code = codeParts(part) ?? tableParts(part);
			const read = code
				? applyAll(context, severity, code)
				: items
					? part.label
						? apply(context, severity, part.label, inlineText(part.value), items)
						: applyUnlabelled(context, severity, part)
					: !part.value && applyUnlabelled(context, severity, part, part.label);
			// `**Response SLA**: Acknowledge within 1 minute` over a table of alert categories: the
			// line times the level; the table stays in its page.
			const line = lineEnd(context, part.start);
			if (
				!read &&
				part.label &&
				part.value &&
				apply(context, severity, part.label, inlineText(part.value), [])
			) {
				claim(context.doc, part.start, line, href);
				unread.push({ ...part, label: `the text under \`${part.label}\``, start: line });
				used++;
				continue;
			}
			// `If incident is rated P1:` over what to do: the level's actions.
			if (!read) {
				unread.push(part);
				continue;
			}
			claim(context.doc, part.start, part.end, href);
			used++;
		}
		const where = { heading: section.title, start: section.start, end: section.end };
		noteCheck(context, severity, notes, where);
		// What stays in the page: dropped from the list if a later recogniser types it.
		if (unread.length)
			context.check.push({
				kind: 'severity',
				...where,
				reason:
					used === 0
						? `nothing under it reads as a severity's definition, targets or examples`
						: `${unread.map((part) => (part.label.startsWith('the text') ? part.label : part.label ? `\`${part.label}\`` : 'the text before the first label')).join(', ')} ${unread.length > 1 ? 'have' : 'has'} no severity field`,
			});
		if (used > 0 && !known)
			context.out.severities.push({
				slug: severitySlug(level.level),
				data: severity,
				from: fromSection(context.doc, section),
			});
		if (kept.length)
			context.check.push({ kind: 'severity', ...where, reason: keptReason(kept, false) });
		// A subheading left in the page (`#### Initial Response`) keeps the level's heading over it,
		// and so do steps that stay there.
		if (used > 0 && section.heading && !kept.length && !unread.some((part) => part.section))
			claimNode(context.doc, section.heading, href);
	}
}

/**
 * Levels written as bold lines under a severity heading, each over its own text: `**P0 - Critical
 * (Immediate Response)**` over a list of what counts, `**SEV2**: Partial outage`. Two or more such
 * labels, each a different level; the labels after one (`**Examples:**`) belong to it. Every part
 * must read as a severity's fields, or the whole ladder stays in its page and is listed.
 */
export function recogniseSeverityLabels(context: Context): void {
	for (const section of allSections(context.doc.outline)) {
		if (!SEVERITY_PARENT.test(section.title) || isSeveritySection(section)) continue;
		const parts = partsOf(context.doc, section, { plainLabels: true }).filter(
			(part) => !part.section
		);
		// `Severity: P1 - Urgent` over `Response Time: 30 Minutes`: the scale's noun as the label,
		// a coded level as its value, leads the lines after it as a level's own label does.
		const axis = parts.map(
			(part) =>
				!parseLevel(part.label, true) &&
				/^(?:severity|priority)$/i.test(part.label) &&
				!part.nodes.length &&
				!!parseLevel(inlineText(part.value))
		);
		const levels = parts.map((part, index) =>
			axis[index]
				? parseLevel(inlineText(part.value))
				: part.label
					? parseLevel(part.label, true)
					: undefined
		);
		const found = levels.filter(Boolean) as Level[];
		if (found.length < 2 || new Set(found.map((level) => level.level)).size < found.length)
			continue;
		// Levels a ladder above already named, told again here with the same names and no targets
		// typed yet (`Priority 1 - Urgent` defined, then `Severity: P1 - Urgent` timed): the lines
		// fill those levels. Any other overlap leaves the section alone.
		const known = found.map((level) =>
			context.out.severities.find((e) => e.data.level === level.level)
		);
		const fills =
			known.every(Boolean) &&
			known.every(
				(entry, index) =>
					isEmpty(entry!.data.targets) &&
					entry!.data.name.toLowerCase() === nameAndLabel(found[index]!).name.toLowerCase()
			);
		if (known.some(Boolean) && !fills) continue;
		const read: { severity: SeverityInput; part: Part; notes: number }[] = [];
		const claims: Part[] = [];
		let severity: SeverityInput | undefined;
		let failed: Part | undefined;
		for (const [index, whole] of parts.entries()) {
			const level = levels[index];
			// `![Severity matrix](matrix.png)` after the levels, written by prepare.ts as `Image not
			// imported: …`: a picture of the ladder is no field of a level, and stays in its page.
			if (!level && /^Image not imported\b/.test(whole.label) && !whole.nodes.length) continue;
			const part = beforeAdmonition(context, whole);
			if (level) {
				// A level filled in is read apart first, and joins its entry only if the section reads.
				severity = fills
					? { level: level.level, rank: level.rank, name: nameAndLabel(level).name }
					: severityFor(context, level, false);
				read.push({ severity, part, notes: [severity.targetNotes ?? []].flat().length });
				const value = axis[index] ? '' : inlineText(part.value);
				// `**P1 (Critical)** - Use when:` over a list: the words after the level label the list.
				const [first, ...rest] = part.nodes;
				const lead = /^(.+?)\s*:$/.exec(value)?.[1];
				const led =
					lead &&
					first?.type === 'list' &&
					apply(
						context,
						severity,
						lead,
						'',
						first.children.flatMap((item) => itemLines(context.doc, item))
					);
				const prose = value && !led ? readSentences(context, severity, value) : '';
				if (prose) severity.definition = push(severity.definition, prose);
				const others = led ? { ...part, nodes: rest } : part;
				if (others.nodes.length && !applyUnlabelled(context, severity, others)) failed ??= part;
			} else if (!severity) continue;
			else {
				const items = partItems(context, part);
				if (
					!part.label ||
					!items ||
					!apply(context, severity, part.label, inlineText(part.value), items)
				)
					failed ??= part;
			}
			claims.push(part);
		}
		if (failed) {
			context.check.push({
				kind: 'severity',
				heading: section.title,
				start: section.start,
				end: section.end,
				reason: `its bold lines name levels (${found.map((level) => `\`${level.level}\``).join(', ')}), but ${failed.label ? `\`${failed.label}\`` : 'the text under one of them'} reads as no severity field`,
			});
			continue;
		}
		const href = hrefOf(context, 'severities', '');
		for (const { severity, part, notes } of read) {
			const heading = axis[parts.indexOf(part)] ? inlineText(part.value) : part.label;
			noteCheck(context, severity, notes, { heading, start: part.start, end: part.end });
			const entry = context.out.severities.find((e) => e.data.level === severity.level);
			if (fills && entry) {
				mergeInto(entry.data, severity);
				continue;
			}
			context.out.severities.push({
				slug: severitySlug(severity.level),
				data: severity,
				from: fromOffset(context.doc, part.label, part.start),
			});
		}
		for (const part of claims) claim(context.doc, part.start, part.end, href);
	}
}

/** An admonition's first line (`!!! note "Title"`, `??? tip`, `:::info`): MkDocs or Docusaurus markup. */
const ADMONITION = /^(?:!!!|\?\?\?\+?|:::)\s*[\w-]+/;

/**
 * A level's part up to an admonition: the note after the last level's list (`!!! note "Priority
 * Validation"`) speaks of the whole ladder, and stays in its page.
 */
function beforeAdmonition(context: Context, part: Part): Part {
	const at = part.nodes.findIndex(
		(node) => node.type === 'paragraph' && ADMONITION.test(toString(node).trim())
	);
	if (at < 0) return part;
	const nodes = part.nodes.slice(0, at);
	return {
		...part,
		nodes,
		end: nodes.length ? endOf(nodes.at(-1)!) : lineEnd(context, part.start),
	};
}

/** `16` under `Resolution Time (hours)` → `16 hours`; `56 to 72` → `56 to 72 hours`. */
function withUnit(header: string, cell: string): string {
	const unit = /\((hours?|hrs?|minutes?|mins?|days?|business days?)\)/i.exec(header)?.[1];
	const number = /^(\d+(?:\.\d+)?(?:\s*(?:[-–]|to)\s*\d+(?:\.\d+)?)?)(?![\d.]|\s*[a-z])/i.exec(
		cell
	);
	if (!unit || !number) return cell;
	const one = number[1] === '1' ? unit.replace(/s$/i, '') : unit;
	return `${number[1]} ${one}${cell.slice(number[1]!.length)}`;
}

/**
 * `Critical - Complete service outage` in the description of a level with no name of its own (or
 * this one), in a table cell or after a list item's level (`**P3**: High (should be fixed), …`,
 * `P5: Low`): the level word before a dash, a parenthesis, a comma or nothing at all is its name,
 * the rest defines it. `High impact on …` is a description, not a name.
 */
function namedCell(severity: SeverityInput, cell: string): string {
	const lead =
		/^([A-Za-z]+(?: [A-Za-z]+)?)(?:\s+[-–—:]\s+|\s*(?=\()|\s*[,;.:]\s+|\s*\.?$)(.*)$/s.exec(cell);
	const name = lead && NAME_WORD.test(lead[1]!) ? titleWord(lead[1]!) : undefined;
	// A level already named otherwise keeps the cell whole.
	if (!name || (severity.name !== severity.level && severity.name !== name)) return cell;
	severity.name = name;
	// `(Should be fixed), if not …`: the aside right after the name opens the definition.
	return lead![2]!.replace(/^\(([^()]*)\)/, '$1');
}

/**
 * A name column for bare-number levels: headed `Name`, `Label`, `Type`, `Level` (`Status label`
 * too), its cells a word or two each, all different, level words (`Critical`, `Major`) or at
 * least one among the team's own (`Degradation`).
 */
function levelNames(header: string, cells: string[]): boolean {
	const role = columnRole(header);
	if (role !== 'name' && role !== 'name?' && role !== 'label') return false;
	const words = cells.map((cell) => cell.toLowerCase());
	return (
		cells.every((cell) => /^[A-Za-z]+(?: [A-Za-z]+)?$/.test(cell)) &&
		new Set(words).size === words.length &&
		cells.some((cell) => NAME_WORD.test(cell))
	);
}

/** `Critical: Business halt`, `High - Major impact`: a level word leading each cell, all different. */
function namedLeads(cells: string[]): boolean {
	const words = cells.map(
		(cell) => /^([A-Za-z]+)(?:\s*:|\s+[-–—])\s+\S/.exec(cell)?.[1]?.toLowerCase() ?? ''
	);
	return words.every((word) => NAME_WORD.test(word)) && new Set(words).size === words.length;
}

/** Which severity field a table column fills. */
function columnRole(header: string): string | undefined {
	const h = header.toLowerCase();
	if (/users? affected|affected users/.test(h)) return 'usersAffected';
	if (/revenue/.test(h)) return 'revenue';
	if (/slo/.test(h)) return 'slo';
	if (/example/.test(h)) return 'example';
	if (/typical response|actions?$|what to do/.test(h)) return 'actions';
	if (/definition|description|meaning|means|looks like|criteria|^scope$|when to use/.test(h))
		return 'definition';
	if (/^(name|label|title)$/.test(h)) return 'name';
	// `Type`, `Incident category` or `Level` beside the level (`P1 | Critical`) holds its name only
	// when its cells are level words (Critical, Major …); checked by the table.
	if (/^(?:incident )?(type|category|class|classification|level)$/.test(h)) return 'name?';
	if (PAGING.test(h)) return 'paging';
	if (/label/.test(h)) return 'label';
	if (/escalat|who|owner|notify|contact|engage/.test(h)) return 'escalation';
	if (targetKey(h)) return `target:${targetKey(h)}`;
	if (/impact/.test(h)) return 'impact';
	if (/^(communicat|comms\b)/.test(h)) return 'communication';
	return undefined;
}

/**
 * The update cadence inside a sentence about communication: `… update #incidents every 15 min.`,
 * `provide updates hourly`. Only one such phrase: two (`every 30 min internally, hourly to
 * customers`) say different things, and the line stays as written.
 */
export function cadenceIn(text: string): string | undefined {
	const phrases = [
		...text.matchAll(
			/\bevery\s+(?:\d+(?:\.\d+)?\s*[a-z]+|half[\s-]hour|hour|day)\b|\b(?:(?:twice|thrice|\w+ times)\s+)?(?:hourly|daily)\b/gi
		),
	].map((match) => match[0]);
	// `twice daily` is no span the app can count with: the line stays as written.
	if (phrases.length !== 1 || !parseDuration(phrases[0]!)) return undefined;
	return phrases[0];
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
	rows: { level: Level; first: string; cells: string[]; row: number }[];
	/** Rows that are a note across the table ("Anything above this line is a major incident"). */
	notes: string[];
}

/** Tickets that are not incidents: `Service request`, `Change requests (all)`, `Queries`. */
const OTHER_TICKET =
	/^(?:(?:service|change|standard|normal|feature|access|information)\s+)?(?:requests?|changes?|queries|questions)\b/i;

/** A column header that is the scale's noun alone: `Level`, `Severity`, `Priority level`. */
const LADDER_HEADER =
	/^(?:(?:severity|priority|incident|impact|urgency)\s+)?(?:levels?|severit(?:y|ies)|priorit(?:y|ies)|sev)$/i;

/**
 * `Confidence level`, `Log level`, `Escalation level`: a level of some other measure, whose
 * High / Medium / Low (or L1, L2) rate that measure, not the incident.
 */
const OTHER_LEVEL = /^(?!(?:severity|priority|incident|impact|urgency|alert)\b)[a-z]+\s+levels?$/i;

/** A placeholder cell (`-`, `—`, `n/a`) says nothing. */
const EMPTY_CELL = /^(-+|—|–|n\/?a)?$/i;

/**
 * Tables whose first column names severity levels, and ladders written across: `Severity | Sev 3
 * | Sev 2 | Sev 1` with a row per field. A row with only its first cell filled is a note across
 * the table, not a level. `unmapped` hears of a table headed like a ladder some of whose rows name
 * no level.
 */
export function severityTables(
	context: Context,
	unmapped?: (table: Table, section: Section, rows: string[]) => void
): SeverityTable[] {
	const found: SeverityTable[] = [];
	for (const section of [context.doc.outline, ...allSections(context.doc.outline)]) {
		for (const node of section.nodes) {
			if (node.type !== 'table' || node.children.length < 2) continue;
			const [head, ...cellRows] = node.children.map((row) =>
				row.children.map((cell) => {
					const text = cellText(cell);
					return EMPTY_CELL.test(text) ? '' : text;
				})
			);
			// `Severity 3-4 | Within 8 business hours`: a row for a run of levels times each of them,
			// read as one row per level; its line (and cell as written) stays the row's own.
			const spread = cellRows.flatMap((cells, index) =>
				(levelRun(cells[0] ?? '') ?? [cells[0] ?? '']).map((first) => ({
					cells: [first, ...cells.slice(1)],
					written: cells[0] ?? '',
					row: index + 1,
				}))
			);
			const body = spread.map((row) => row.cells);
			// `| | Production down | Urgent |` over `| Response time | 30 minutes | 1 hour |`: a blank
			// corner (or `SLA`, `Targets`) over a timed target row is a ladder written across; under
			// a priorities heading the headers are levels even in the team's own words.
			const corner =
				/^(|targets?|slas?|metrics?|service levels?)$/i.test(head![0] ?? '') &&
				body.some((cells) => timedRow(cells[0] ?? '', cells.slice(1)));
			const phraseHeaders = corner && SEVERITY_PARENT.test(section.title);
			// `Class` over `CRITICAL`, `WARNING`, `INFO`: alert classes used as a scale are the ladder
			// when every row is one level word and nothing more.
			const otherMeasure = OTHER_LEVEL.test(head![0] ?? '');
			const wordScale =
				/\bclass(es)?\b|level/i.test(head![0] ?? '') &&
				!otherMeasure &&
				body.every((cells) => {
					const level = parseLevel(cells[0] ?? '', true);
					return level && !level.rest && level.level.toLowerCase() in WORD_RANK;
				});
			// `Classification | Type | …` over `#P1`, `#P2`: a column headed in other words is the
			// ladder only when every row names a coded level (P1, SEV2), never a bare word.
			// `Urgency | Example | Respond within` over `High`, `Medium`, `Low`: a column of level
			// words named for one axis (`Customer impact`, `Financial loss`) is the ladder when a
			// target column times every row, or a response column says what to do at each plain
			// level word, and no cell holds a coded level (an impact × urgency grid whose cells are
			// the levels).
			const plainWords = body.every((cells) => {
				const level = parseLevel(cells[0] ?? '', true);
				return level && !level.rest;
			});
			const axis =
				/^(?:[a-z]+\s+){0,2}(?:urgency|impact|loss|lost|cost)$/i.test(head![0] ?? '') &&
				body.every((cells) => cells.every((cell) => !CODE_LEVEL.test(levelText(cell)))) &&
				head!.some(
					(header, column) =>
						column > 0 &&
						(timedRow(
							header,
							body.map((cells) => cells[column] ?? '')
						) ||
							(plainWords &&
								/\brespon|\bactions?\b/i.test(header) &&
								body.every((cells) => cells[column])))
				);
			// `Level | Description` over `Urgent`, `Highest`, `High`, `Medium`, `Low` (or `Blocker`,
			// `Critical`, `Major` …): a column headed by the scale's own noun whose every row is one
			// distinct level word is the ladder, ranked as listed, even when some words are ones the
			// fixed ranks do not know. `Confidence level` or `Log level` over the same words is another
			// measure, so the header must be the noun alone (or an incident's axis before it).
			const ladderWords =
				!wordScale &&
				LADDER_HEADER.test(head![0] ?? '') &&
				body.length >= 2 &&
				body.every((cells) => NAME_WORD.test(cells[0] ?? '')) &&
				new Set(body.map((cells) => (cells[0] ?? '').toLowerCase())).size === body.length;
			// `<table>` rows of `Critical | Extreme or complete outage …` with no header row at all
			// (HTML without `<th>`): two columns, every row a different level word or code, under a
			// severity heading or a line leading into severities, are the levels and what they mean.
			const before = section.nodes[section.nodes.indexOf(node) - 1];
			const lead = before?.type === 'paragraph' ? inlineText(sourceOf(context.doc, before)) : '';
			const headless =
				head!.every((cell) => !cell) &&
				head!.length === 2 &&
				body.length >= 2 &&
				(SEVERITY_PARENT.test(section.title) ||
					(LADDER_LEAD.test(lead) && !WORK_LEAD.test(lead))) &&
				body.every((cells) => {
					const level = parseLevel(cells[0] ?? '', true);
					return level && !level.rest && cells[1];
				}) &&
				new Set(body.map((cells) => parseLevel(cells[0]!, true)!.level)).size === body.length;
			if (headless) {
				found.push({
					table: node,
					section,
					headers: ['', 'Definition'],
					rows: body.map((cells, index) => ({
						level: parseLevel(cells[0]!, true)!,
						first: spread[index]!.written,
						cells,
						row: spread[index]!.row,
					})),
					notes: [],
				});
				continue;
			}
			const headed =
				ladderWords ||
				wordScale ||
				axis ||
				(/severit|priorit|level|sev/i.test(head![0] ?? '') && !otherMeasure) ||
				(/classif|categor|class\b|rating|grade|rank|tier|impact|urgency/i.test(head![0] ?? '') &&
					body.every((cells) => CODE_LEVEL.test(levelText(cells[0] ?? ''))));
			if (!headed && !corner) continue;
			const across = head!
				.slice(1)
				.map(
					(cell, index) =>
						parseLevel(cell) ?? (phraseHeaders ? phraseLevel(cell, index) : undefined)
				);
			if (
				across.length >= 2 &&
				across.every(Boolean) &&
				body.every((cells) => !parseLevel(cells[0] ?? ''))
			) {
				found.push({
					table: node,
					section,
					headers: [head![0]!, ...body.map((cells) => cells[0] ?? '')],
					rows: across.map((level, column) => ({
						level: level!,
						first: head![column + 1]!,
						cells: [head![column + 1]!, ...body.map((cells) => cells[column + 1] ?? '')],
						row: 0,
					})),
					notes: [],
				});
				continue;
			}
			// A blank corner is read only as a ladder written across.
			if (!headed) continue;
			// `Severity | Response Time` over `Critical`, `Warning`, `Info`: a word scale is a ladder
			// only under a column that names severities, and only when no word repeats.
			const wordRows = wordScale || axis || /severit|priorit/i.test(head![0] ?? '');
			// `Severity | Name` over `1 | Critical`: bare numbers are the levels when the column names
			// severities (or priorities) and a column beside them names every level in a level word,
			// or (`Severity | Response time` over `1 | 2h`) times every one of them.
			const numbered =
				/severit|priorit|^sev$|^level$/i.test(head![0] ?? '') &&
				body.every((cells) => /^\d$/.test(cells[0] ?? '')) &&
				head!.some(
					(header, column) =>
						column > 0 &&
						(levelNames(
							header,
							body.map((cells) => cells[column] ?? '')
						) ||
							(/severit|priorit/i.test(head![0] ?? '') &&
								timedRow(
									header,
									body.map((cells) => cells[column] ?? '')
								)))
				);
			// `Level | Description | Initial response` over `1 | Critical: Business halt | 1 hour`:
			// bare numbers under `Level` alone are the levels when a description column opens every
			// row with a different level word and a colon or dash (its name), and a target column
			// times every row. `Level | Team` over `1 | Service desk` is a tier, named in no level word.
			const namedNumbers =
				/^level$/i.test(head![0] ?? '') &&
				body.length >= 2 &&
				body.every((cells) => /^\d$/.test(cells[0] ?? '')) &&
				head!.some(
					(header, column) =>
						column > 0 &&
						columnRole(header) === 'definition' &&
						namedLeads(body.map((cells) => cells[column] ?? ''))
				) &&
				head!.some(
					(header, column) =>
						column > 0 &&
						timedRow(
							header,
							body.map((cells) => cells[column] ?? '')
						)
				);
			// `Priority | Response time` over `Production down | 30 minutes`: the team's own words
			// are the levels when a target column times every row.
			const phrases =
				wordRows &&
				// `P1` beside `Emergency`: with coded levels about, a word is a stray row.
				body.every((cells) => !CODE_LEVEL.test(levelText(cells[0] ?? ''))) &&
				head!.some((header, column) =>
					timedRow(
						header,
						body.map((cells) => cells[column] ?? '')
					)
				);
			const rows = body.map((cells, index) => ({
				level:
					(ladderWords ? phraseLevel(titleWord(cells[0]!), index) : undefined) ??
					parseLevel(cells[0] ?? '', wordRows) ??
					(numbered || namedNumbers ? numberLevel(cells[0]!) : undefined) ??
					(phrases ? phraseLevel(cells[0] ?? '', index) : undefined),
				first: spread[index]!.written,
				cells,
				row: spread[index]!.row,
			}));
			const isNote = (row: (typeof rows)[number]) =>
				!row.level &&
				row.cells.slice(1).every((cell) => !cell) &&
				row.first.split(/\s+/).length > 3;
			const levels = rows.filter((row) => row.level);
			const repeated = (row: (typeof rows)[number]) =>
				levels.filter((other) => other.level!.level === row.level!.level).length > 1;
			// `Warning (High)` above `Warning`: a level word qualified by another is a level of its own.
			for (const row of levels.filter(repeated)) row.level = qualifiedLevel(row.level!);
			if (new Set(levels.map((row) => row.level!.level)).size < levels.length) continue;
			// `Service request | 1 hour | 2 days` under `P1 incident` rows: another kind of ticket
			// timed beside the levels is no level, and no reason to doubt the rows that are.
			const otherTicket = (row: (typeof rows)[number]) =>
				levels.length >= 2 && OTHER_TICKET.test(row.first);
			const strays = rows.filter(
				(row) => !row.level && (levels.length === 0 || !(isNote(row) || otherTicket(row)))
			);
			if (strays.length) {
				unmapped?.(
					node,
					section,
					strays.map((row) => row.first)
				);
				continue;
			}
			if (levels.length === 0) continue;
			found.push({
				table: node,
				section,
				headers: head!,
				rows: levels as SeverityTable['rows'],
				notes: rows.filter(isNote).map((row) => row.first),
			});
		}
	}
	return found;
}

/**
 * `Severity 3-4`, `P3 to P4`, `SEV3/SEV4`: a cell that is a run of coded levels and nothing more,
 * as one cell per level (`Severity 3`, `Severity 4`). Named runs (`S3/S4 - Low and Medium`) are not:
 * which name is whose is the reader's guess.
 */
function levelRun(cell: string): string[] | undefined {
	const run =
		/^((?:P|SEV|Sev|S|Severity|Priority)[-\s]?)(\d)\s*(?:[-–—/&]|to|through|and|or)\s*(?:(?:P|SEV|Sev|S|Severity|Priority)[-\s]?)?(\d)$/i.exec(
			levelText(cell).trim()
		);
	if (!run) return undefined;
	const [from, to] = [Number(run[2]), Number(run[3])];
	if (to <= from || to - from > 4) return undefined;
	return Array.from({ length: to - from + 1 }, (_, step) => `${run[1]}${from + step}`);
}

/** `Warning (High)`: a word level and, in parentheses, the level word that sets it apart. */
function qualifiedLevel(level: Level): Level {
	const inner = /^\(\s*([A-Za-z]+)\s*\)$/.exec(level.rest)?.[1];
	const rank = inner ? WORD_RANK[inner.toLowerCase()] : undefined;
	if (!inner || rank === undefined || !(level.level.toLowerCase() in WORD_RANK)) return level;
	const word = titleWord(inner);
	return { level: `${level.level}-${word}`, rank, rest: '', name: `${level.level} (${word})` };
}

/** A target's label with a time in every cell: `Maximum response time | < 30 minutes | 1 hour`. */
const timedRow = (label: string, cells: string[]): boolean =>
	!!targetKey(label) && cells.length >= 2 && cells.every((cell) => !!parseDuration(cell));

/**
 * A level the team names in its own short words, ranked by its place: `Production down` is level
 * `Production-down` (a level is one token) named as written.
 */
function phraseLevel(text: string, index: number): Level | undefined {
	const words = text.trim().split(/\s+/);
	if (!text.trim() || words.length > 3 || !words.every((word) => /^[A-Za-z]+$/.test(word)))
		return undefined;
	return { level: words.join('-'), rank: index, rest: '', name: text.trim() };
}

const isEmpty = (value: unknown): boolean =>
	value === undefined ||
	(Array.isArray(value) && value.length === 0) ||
	(typeof value === 'object' && value !== null && Object.keys(value).length === 0);

/** What a bare word level says that its numbered twin does not: lists join, the rest fills gaps. */
function mergeInto(target: SeverityInput, extra: SeverityInput): void {
	const into = target as Record<string, unknown>;
	for (const [key, value] of Object.entries(extra)) {
		if (key === 'level' || key === 'rank' || key === 'name' || isEmpty(value)) continue;
		const have = into[key];
		if (isEmpty(have)) into[key] = value;
		else if (Array.isArray(have) && Array.isArray(value))
			into[key] = [...have, ...value.filter((item) => !have.includes(item))];
		else if (key === 'targets' && typeof have === 'object' && typeof value === 'object')
			into[key] = { ...(value as object), ...(have as object) };
	}
}

/**
 * A page that describes `Minor`/`Major`/`Critical` and a table elsewhere that numbers the same
 * names (`SEV-3 Minor`) give one ladder, not two: the bare word level is the numbered level told
 * again, so it merges into it. Two levels with one name would make a responder ask which is meant.
 */
function mergeNamedTwins(context: Context): void {
	const list = context.out.severities;
	const numbered = list.filter((entry) => !(entry.data.level.toLowerCase() in WORD_RANK));
	for (const word of list.filter((entry) => entry.data.level.toLowerCase() in WORD_RANK)) {
		const name = word.data.name.toLowerCase();
		const twins = numbered.filter((entry) => entry.data.name.toLowerCase() === name);
		if (twins.length !== 1) continue;
		mergeInto(twins[0]!.data, word.data);
		list.splice(list.indexOf(word), 1);
	}
}

/** Ranks must be unique in a playbook: a document mixing scales gets ranks in ladder order. */
export function finishSeverities(context: Context): void {
	mergeNamedTwins(context);
	const ranks = context.out.severities.map((entry) => entry.data.rank);
	if (new Set(ranks).size === ranks.length) return;
	[...context.out.severities]
		.sort((a, b) => a.data.rank - b.data.rank)
		.forEach((entry, index) => (entry.data.rank = index));
}

/** Fills severities from level tables (impact matrices, response-time tables). */
export function recogniseSeverityTables(context: Context): void {
	const where = (table: Table, section: Section) => ({
		kind: 'severity' as const,
		heading: section.title || 'Severity table',
		start: startOf(table),
		end: endOf(table),
	});
	// The reason says what the importer could not read, never that the team's words are no level:
	// `Urgent` may well be one in a scale the importer does not know.
	const tables = severityTables(context, (table, section, rows) =>
		context.check.push({
			...where(table, section),
			reason: `its first column names levels, but the importer reads no level in ${rows.map((row) => `\`${row}\``).join(', ')} (it reads P0–P4, SEV1, S1 …, or a column of level words such as Urgent / High / Low headed \`Level\`, \`Severity\` or \`Priority\` alone)`,
		})
	);
	for (const { table, section, headers, rows: bare, notes: noteRows } of tables) {
		// `Response Time (hours)` over `4 (1 with PII)`: the header's unit times the bare numbers.
		const rows = bare.map((row) => ({
			...row,
			cells: row.cells.map((cell, index) => (index ? withUnit(headers[index] ?? '', cell) : cell)),
		}));
		// A "Response" column with no time in any cell says what to do, not how fast.
		const roles = headers.map((header, index) => {
			const role = columnRole(header);
			const untimed = rows.every(
				(row) =>
					!/\d\s*(?:business\s+)?(s|sec|min|minutes?|h|hrs?|hours?|d|days?)\b|immediate/i.test(
						row.cells[index] ?? ''
					)
			);
			const cells = rows.map((row) => row.cells[index] ?? '');
			// `1 | Critical`, `3 | Degradation` under `Status label`: bare numbers take their names.
			if (rows.every((row) => /^\d$/.test(row.level.level)) && levelNames(header, cells))
				return 'name';
			if (role === 'name?') return cells.every((cell) => NAME_WORD.test(cell)) ? 'name' : undefined;
			return role === 'target:response' && untimed ? 'actions' : role;
		});
		// A table none of whose columns we can place stays verbatim in a page; a column we cannot
		// place is kept word for word in each level's notes. So does a contact list (`Priority |
		// Contact | Phone`) for levels defined nowhere else: it says whom to call, not what a level is.
		const contacts =
			roles.slice(1).some((role) => role === 'escalation') &&
			rows.every((row) => !context.out.severities.some((e) => e.data.level === row.level.level));
		if (roles.slice(1).every((role) => role === undefined || (contacts && role === 'escalation'))) {
			const columns = headers
				.slice(1)
				.map((header) => `\`${header}\``)
				.join(', ');
			context.check.push({
				...where(table, section),
				reason: `none of its columns (${columns}) is a severity field${contacts ? ' (whom to contact is no level of its own)' : ''}`,
			});
			continue;
		}
		for (const row of rows) {
			const severity = severityFor(context, row.level);
			const notes = [severity.targetNotes ?? []].flat().length;
			const entry = context.out.severities.find((e) => e.data === severity)!;
			// The row's level cell is the label an author finds on that line.
			entry.from ??= fromOffset(context.doc, row.first, startOf(table.children[row.row]!));
			const criteria: Record<string, unknown> = { ...(severity.criteria ?? {}) };
			row.cells.forEach((cell, index) => {
				const role = roles[index];
				if (index === 0 || !cell) return;
				if (!role) {
					severity.targetNotes = push(severity.targetNotes, `${headers[index]}: ${cell}`);
					return;
				}
				if (role.startsWith('target:')) applyTarget(context, severity, headers[index]!, cell);
				else if (role === 'escalation')
					// A bare time (`15 minutes`) is when to escalate: the column's name says so.
					severity.escalation = push(
						severity.escalation,
						parseDuration(cell) ? `${headers[index]}: ${cell}` : cell
					);
				else if (role === 'definition') {
					const definition = namedCell(severity, cell);
					if (definition) severity.definition = push(severity.definition, definition);
				} else if (role === 'impact') severity.impact = push(severity.impact, cell);
				else if (role === 'name') severity.name = cell;
				else if (role === 'label') severity.label ??= cell;
				else if (role === 'paging') severity.paging = cell;
				else if (role === 'actions') severity.actions = push(severity.actions, cell);
				else if (role === 'communication') {
					severity.communication ??= cell;
					const cadence = cadenceIn(cell);
					const targets = (severity.targets ??= {}) as Record<TargetKey, string | undefined>;
					if (cadence && !targets.update) targets.update = cadence;
				} else {
					criteria[role] = cell;
					const range = role === 'usersAffected' ? percentRange(cell) : undefined;
					if (range) criteria.usersAffectedRange = range;
				}
			});
			if (Object.keys(criteria).length) severity.criteria = criteria as SeverityInput['criteria'];
			const tableRow = table.children[row.row]!;
			noteCheck(context, severity, notes, {
				heading: section.title || row.first,
				start: startOf(tableRow),
				end: endOf(tableRow),
			});
		}
		// Impact matrices stay in their page too: their column headings have no field to go to; so
		// do tables with a note across them, which belongs with the ladder as prose.
		if (
			noteRows.length === 0 &&
			!roles.some((role) => role && /usersAffected|revenue|slo|example/.test(role))
		)
			claimNode(context.doc, table, hrefOf(context, 'severities', ''));
	}
	levelRows(
		context,
		tables.map((found) => found.table)
	);
}

/** `Response Time - Severity 1`, `Sev 2 response`: a row label naming a target and a coded level. */
const TARGET_ROW =
	/^(?:(.+?)\s*[-–—:(]\s*((?:P|SEV|Sev|S|Severity|Priority)[-\s]?\d)\)?|((?:P|SEV|Sev|S|Severity|Priority)[-\s]?\d)\s*[-–—:]?\s*(.+?))$/i;

/**
 * Levels as rows of another table: `Response Time - Severity 1` beside `Response Time - Severity
 * 2` in a plan-by-feature matrix (`Included | Free | Standard | Premier`). Two or more rows, each a
 * different coded level and a target's name. With one column of values the cell is the level's
 * target; with several, which column applies is the reader's to say, so the levels are typed
 * without targets, the table stays in its page, and a check item says why.
 */
function levelRows(context: Context, read: Table[]): void {
	for (const section of [context.doc.outline, ...allSections(context.doc.outline)]) {
		for (const node of section.nodes) {
			if (node.type !== 'table' || read.includes(node)) continue;
			const [head, ...body] = node.children.map((row) =>
				row.children.map((cell) => cellText(cell))
			);
			const rows = body.flatMap((cells, index) => {
				const match = TARGET_ROW.exec(cells[0] ?? '');
				const [label, spelt] = match?.[1] ? [match[1], match[2]!] : [match?.[4], match?.[3]];
				const level = spelt ? parseLevel(spelt) : undefined;
				return label && level && targetKey(label) && !level.rest
					? [{ label, spelt: spelt!, level, cells, row: index + 1 }]
					: [];
			});
			const levels = new Set(rows.map((row) => row.level.level));
			if (levels.size < 2) continue;
			if ([...levels].some((level) => context.out.severities.some((e) => e.data.level === level)))
				continue;
			const columns = head!.slice(1);
			for (const row of rows) {
				// `Resolution - P1` after `Acknowledge - P1`: another target of the same level.
				const known = context.out.severities.some((e) => e.data.level === row.level.level);
				const severity = severityFor(context, { ...row.level, name: row.spelt }, false);
				if (columns.length === 1 && row.cells[1])
					applyTarget(context, severity, row.label, row.cells[1]);
				if (!known)
					context.out.severities.push({
						slug: severitySlug(row.level.level),
						data: severity,
						from: fromOffset(context.doc, row.cells[0]!, startOf(node.children[row.row]!)),
					});
			}
			if (columns.length === 1) claimNode(context.doc, node, hrefOf(context, 'severities', ''));
			else
				context.check.push({
					kind: 'severity',
					heading: section.title || rows[0]!.cells[0]!,
					start: startOf(node),
					end: endOf(node),
					reason: `its rows ${rows.map((row) => `\`${row.cells[0]}\``).join(', ')} name levels, typed without targets: each row gives a time per column (${columns.map((column) => `\`${column}\``).join(', ')}), and which column applies is for you to say`,
				});
		}
	}
}

/**
 * `Urgent` leading a line when a ladder already typed a level of that name: the team's word for
 * its level, which only the ladder it was defined in makes a level.
 */
function typedName(context: Context, text: string): Level | undefined {
	const word = text.trim().toLowerCase();
	const entry = context.out.severities.find(
		(e) => e.data.name.toLowerCase() === word || e.data.level.toLowerCase() === word
	);
	return entry ? { level: entry.data.level, rank: entry.data.rank, rest: '' } : undefined;
}

/** An inline HTML anchor tag, opening (`<a name="x">`, `<a id="x">`) or closing. */
const ANCHOR = /^<(?:a\s+(?:name|id)=["'][^"']*["']\s*|\/a)>$/i;

/**
 * An item's level and the rest of its first line: a bold lead (`**SEV1**: Full outage`), or plain
 * text before a colon or a spaced dash that is a level and nothing more (`SEV1: Full outage`,
 * `SEV1 - Full outage`).
 */
function listLead(context: Context, item: ListItem): { lead: string; rest: string } | undefined {
	const first = item.children[0];
	if (first?.type !== 'paragraph') return undefined;
	const text = inlineText(sourceOf(context.doc, first));
	// `<a name="critical">**Critical**</a> Severity.`: an anchor around the bold lead is a link
	// target, not text; the scale's noun after the level names nothing.
	const strong = first.children.find((node) => !(node.type === 'html' && ANCHOR.test(node.value)));
	if (strong?.type === 'strong') {
		const lead = toString(strong);
		const rest = text
			.slice(text.indexOf(lead) + lead.length)
			.replace(/^(?:<\/a>)?[\s:–—-]*(?:(?:severity|priority)(?:[.:]|\s+[-–—])\s*)?/i, '');
		return { lead, rest };
	}
	const plain = /^([^:]{1,20}?)(?::|\s+[-–—])\s+(.+)$/.exec(text);
	const level = plain ? (parseLevel(plain[1]!, true) ?? typedName(context, plain[1]!)) : undefined;
	// `P1 - Critical: Full outage` names the level after the dash: not read as a bare level here.
	const named = plain && NAME_WORD.test(/^([A-Za-z]+)(?:\s*[-–—:]|$)/.exec(plain[2]!)?.[1] ?? '');
	// `SEV-1 (Critical): Down`: a name in parentheses after the level is still the lead.
	const paren = /^\(([A-Za-z]+(?: [A-Za-z]+)?)\)$/.exec(level?.rest ?? '');
	// `1: Data loss`: a bare number is left to the caller, who knows whether the list counts levels.
	const bare =
		(level && (!level.rest || (paren && NAME_WORD.test(paren[1]!)))) ||
		/^\d$/.test(plain?.[1]!.trim() ?? '');
	return bare && !named ? { lead: plain![1]!.trim(), rest: plain![2]!.trim() } : undefined;
}

/**
 * Levels as a definition list (`SEV-1` on its own line, then `:   Total outage. Acknowledge within
 * 10 minutes.`) under a severity heading: two or more terms, each a different level. The
 * definition's timed sentences are targets; the rest defines the level.
 */
export function recogniseSeverityTerms(context: Context): void {
	for (const section of allSections(context.doc.outline)) {
		if (!SEVERITY_PARENT.test(section.title)) continue;
		const terms = section.nodes.flatMap((node) => {
			if (node.type !== 'paragraph') return [];
			const [term, ...lines] = sourceOf(context.doc, node).split('\n');
			const level = parseLevel(inlineText(term ?? ''), true);
			if (!level || lines.length === 0 || !/^:\s/.test(lines[0]!)) return [];
			const text = inlineText(lines.join(' ').replace(/^:\s*/, ''));
			return [{ node, level, term: term!.trim(), text }];
		});
		const levels = terms.map((term) => term.level.level);
		if (terms.length < 2 || new Set(levels).size < levels.length) continue;
		if (levels.some((level) => context.out.severities.some((e) => e.data.level === level)))
			continue;
		for (const { node, level, term, text } of terms) {
			const severity = severityFor(context, level, false);
			const prose = readSentences(context, severity, text);
			if (prose) severity.definition = push(severity.definition, prose);
			context.out.severities.push({
				slug: severitySlug(level.level),
				data: severity,
				from: fromOffset(context.doc, term, startOf(node)),
			});
			claimNode(context.doc, node, hrefOf(context, 'severities', ''));
		}
	}
}

/** `critical (`P1`)`: a one-word name, then its level in parentheses. */
const PROSE_PAIR = /(?<![\w-])([A-Za-z]+)\s*\(\s*`?(P\d|SEV-?\d|Sev\d|S\d)`?\s*\)/g;
/** `P1 (page)`: the same pair turned round, the level first and its one-word name in parentheses. */
const PROSE_LEVEL_FIRST = /(?<![\w-])(P\d|SEV-?\d|Sev\d|S\d)\s*\(\s*([A-Za-z]+)\s*\)/g;
/**
 * `SEV 1: critical, SEV 2: major, or SEV 3: minor`: a level, then one word ending its piece of the
 * sentence. Only a level word or a team's name word is a name here (`SEV 1: page the lead` is not).
 */
const PROSE_KEY =
	/(?<![\w-])(P\s?\d|SEV[-\s]?\d|Sev\s?\d|S\d)\s*[:=]\s*([A-Za-z]+)(?=\s*(?:[,;.)]|\bor\b|\band\b|$))/g;
/**
 * `P1 (page)` / `P2 (warn)`: pairs written one after another, with nothing but a separator
 * between them, are a key. Pairs apart in a sentence (`P2 (minimum) for persistence, P1 (maximum)
 * for data loss`) say something else of each level than its name: no pair counts then.
 */
function keyRun(sentence: string, matches: RegExpMatchArray[]): RegExpMatchArray[] {
	const apart = matches.slice(1).some((match, index) => {
		const before = matches[index]!;
		const between = sentence.slice(before.index! + before[0].length, match.index);
		return !/^[\s`*_/,;|]*(?:(?:or|and)[\s`*_]*)?$/.test(between);
	});
	return apart ? [] : matches;
}
/** Words that stand before a level in prose without naming it: `incidents (P1)`, `or (P2)`. */
const NOT_A_NAME =
	/^(incidents?|issues?|alerts?|events?|tickets?|cases?|or|and|as|either|the|a|an|of|to|for|is|are|called|priority|severity|level|sev)$/i;

/**
 * Levels named only in a sentence, when nothing else in the document defines a ladder: `We
 * classify incidents as either critical (`P1`) or routine (`P2`).` The sentence must speak of
 * classifying (severity, priority) and pair two levels or more of one scale, each with a name.
 */
export function recogniseSeverityProse(context: Context): void {
	if (context.out.severities.length) return;
	recogniseLevelSentences(context);
	if (context.out.severities.length) return;
	recogniseClassRules(context);
	if (context.out.severities.length) return;
	for (const section of [context.doc.outline, ...allSections(context.doc.outline)]) {
		// A step of a process (`5. … the severity, coded as SEV 1: critical, …`) is prose too.
		for (const node of blocksIn(section.nodes, 'paragraph')) {
			if (isClaimed(context.doc, startOf(node), endOf(node))) continue;
			const source = sourceOf(context.doc, node);
			for (const sentence of source.split(/(?<=[.!?])\s+/)) {
				if (!/classif|categori[sz]|severit|priorit/i.test(sentence)) continue;
				const named = [...sentence.matchAll(PROSE_PAIR)]
					.filter((match) => !NOT_A_NAME.test(match[1]!))
					.map((match) => ({ text: match[0], name: match[1]!, code: match[2]! }));
				const keyed = [...sentence.matchAll(PROSE_KEY)]
					.filter((match) => NAME_WORD.test(match[2]!))
					.map((match) => ({ text: match[0], name: match[2]!, code: match[1]! }));
				const levelFirst = keyRun(sentence, [...sentence.matchAll(PROSE_LEVEL_FIRST)])
					.filter((match) => !NOT_A_NAME.test(match[2]!))
					.map((match) => ({ text: match[0], name: match[2]!, code: match[1]! }));
				// One sentence pairs its levels one way: two ways at once is no key a reader trusts.
				const ways = [named, keyed, levelFirst].filter((way) => way.length);
				if (ways.length !== 1) continue;
				const pairs = ways[0]!.map(({ text, name, code }) => ({
					text,
					name: titleWord(name),
					level: parseLevel(code)!,
				}));
				const scales = new Set(pairs.map((pair) => pair.level.level.replace(/[-\d]/g, '')));
				const levels = new Set(pairs.map((pair) => pair.level.level));
				if (pairs.length < 2 || scales.size > 1 || levels.size < pairs.length) continue;
				for (const { text, name, level } of pairs) {
					if (context.out.severities.some((e) => e.data.level === level.level)) continue;
					context.out.severities.push({
						slug: severitySlug(level.level),
						data: { level: level.level, rank: level.rank, name },
						from: fromOffset(context.doc, text, startOf(node) + source.indexOf(sentence)),
					});
				}
			}
		}
	}
	if (context.out.severities.length === 0) recogniseLevelEnumeration(context);
	if (context.out.severities.length === 0) recogniseExampledClasses(context);
}

/** `Examples of major incidents:`, `Examples of critical outages include:` over a list. */
const EXAMPLED_CLASS =
	/^examples? of ([A-Za-z]+) (incidents?|issues?|outages?)(?: include| are| (?:may|might|could) (?:be|include))?\s*[:;]$/i;

/**
 * `A major outage can be defined when we run out of error budget.` then `Examples of major
 * incidents:` over a list, when nothing else in the document defines a ladder: the level word names
 * the team's level (one is enough; a lighter process for the rest is no level of its own), the list
 * gives its examples, and the paragraph before defines it when it opens by saying what such an
 * incident is. Only known level words, each once; `Examples of security incidents` are a kind, not a
 * level. Nothing is claimed: the text stays where it is.
 */
function recogniseExampledClasses(context: Context): void {
	const found: {
		level: Level;
		examples: string[];
		definition?: string;
		text: string;
		at: number;
	}[] = [];
	for (const section of [context.doc.outline, ...allSections(context.doc.outline)]) {
		section.nodes.forEach((node, index) => {
			const next = section.nodes[index + 1];
			if (node.type !== 'paragraph' || next?.type !== 'list') return;
			const text = inlineText(sourceOf(context.doc, node)).trim();
			const match = EXAMPLED_CLASS.exec(text);
			const level = match && parseLevel(match[1]!, true);
			if (!level || level.rest || !(level.level.toLowerCase() in WORD_RANK)) return;
			const before = section.nodes[index - 1];
			const prior = before?.type === 'paragraph' ? inlineText(sourceOf(context.doc, before)) : '';
			const defines = new RegExp(
				`^(?:an?\\s+)?${match![1]}\\s+(?:incident|issue|outage)s?\\s+(?:is|are|means|covers|refers to|can be defined)\\b`,
				'i'
			).test(prior.trim());
			found.push({
				level,
				examples: next.children.flatMap((item) => itemLines(context.doc, item)),
				...(defines ? { definition: prior.trim() } : {}),
				text,
				at: startOf(node),
			});
		});
	}
	const levels = new Set(found.map(({ level }) => level.level));
	if (levels.size < found.length) return;
	for (const { level, examples, definition, text, at } of found) {
		const severity = severityFor(context, level, false);
		if (definition) severity.definition = [definition];
		severity.examples = examples;
		context.out.severities.push({
			slug: severitySlug(level.level),
			data: severity,
			from: fromOffset(context.doc, text, at),
		});
	}
}

/** `For minor incidents – try to fix it yourself`: a rule for one class of incident, named by its level word. */
const CLASS_RULE =
	/^for\s+((?:very\s+)?[A-Za-z]+)\s+(?:incidents?|issues?|outages?|problems?)\b\s*(?:[-–—:,]\s*)?(\S.*)$/i;

/**
 * A list whose every item gives the rule for one class of incident, named by a level word (`For
 * minor incidents – try to fix it yourself …`, `For major incidents – i.e. checkout is down,
 * always escalate`), when nothing else in the document defines a ladder: the words are the team's
 * levels, and each item says what to do at its level. Two items or more, each a different level;
 * one that is not (`For all other incidents`, `For security incidents`) leaves the list alone.
 * Under an escalation heading the list stays in its page for the path it also describes.
 */
function recogniseClassRules(context: Context): void {
	for (const section of allSections(context.doc.outline)) {
		for (const list of blocksIn(section.nodes, 'list')) {
			if (list.children.length < 2 || isClaimed(context.doc, startOf(list), endOf(list))) continue;
			const rules = list.children.map((item) => {
				const first = item.children[0];
				const text = first?.type === 'paragraph' ? inlineText(sourceOf(context.doc, first)) : '';
				const rule = CLASS_RULE.exec(text);
				if (!rule || !NAME_WORD.test(rule[1]!)) return undefined;
				const word = titleWord(rule[1]!);
				const level = parseLevel(word, true) ?? phraseLevel(word, list.children.indexOf(item))!;
				return { item, level, rest: rule[2]!, word: rule[1]! };
			});
			if (!rules.every(Boolean)) continue;
			const levels = rules.map((rule) => rule!.level.level);
			if (new Set(levels).size < levels.length) continue;
			for (const rule of rules) {
				const { item, level, rest } = rule!;
				const severity = severityFor(context, { ...level, rest: '' }, false);
				const [, ...nested] = itemLines(context.doc, item);
				severity.actions = [rest, ...nested];
				context.out.severities.push({
					slug: severitySlug(level.level),
					data: severity,
					from: fromOffset(context.doc, rule!.word, startOf(item)),
				});
			}
			if (!/escalat/i.test(section.title))
				claimNode(context.doc, list, hrefOf(context, 'severities', ''));
			return;
		}
	}
}

/** Blocks of one type among nodes and inside them (list items, quotes), in document order. */
function blocksIn<T extends RootContent['type']>(
	nodes: RootContent[],
	type: T
): Extract<RootContent, { type: T }>[] {
	return nodes.flatMap((node) =>
		node.type === type
			? [node as Extract<RootContent, { type: T }>]
			: 'children' in node
				? blocksIn(node.children as RootContent[], type)
				: []
	);
}

/**
 * `Possible severity levels: down, disrupted, notice`: a line saying it lists the levels, then two
 * to six one-word levels, ranked as listed. Logs and vulnerabilities have severity levels too
 * (syslog has eight): those are not the incident ladder.
 */
const LEVEL_ENUMERATION =
	/^(?:(?!(?:log|syslog|vulnerability|bug|defect|finding|cve)\b)[A-Za-z]+\s+)?severity\s+levels?(?:\s+are)?\s*:\s*(.+?)\.?$/i;

/**
 * `In descending order, the …`, `From least to most severe, the …`: a clause before an enumeration
 * saying which way it runs; with the least severe first, the ranks run backwards.
 */
const ORDER_CLAUSE =
	/^(?:in (descending|ascending|decreasing|increasing) order(?: of (?:severity|priority|urgency))?|from (?:the )?(most|least)(?: (?:severe|serious|urgent|critical))? to (?:the )?(?:least|most) (?:severe|serious|urgent|critical))\s*,\s*(?:the\s+)?/i;

/**
 * `This page lists our alerts. In descending order, the severity levels are: Critical, Warning.`:
 * the enumeration as one sentence of a line, after a clause saying its order.
 */
function sentenceLevels(line: string): Level[] | undefined {
	for (const sentence of line.split(/(?<=[.!?])\s+(?=[A-Z])/)) {
		const order = ORDER_CLAUSE.exec(sentence.trim());
		if (!order) continue;
		const levels = enumeratedLevels(sentence.trim().slice(order[0].length), false);
		if (!levels) continue;
		// Coded levels (`P1, P2`) carry their own ranks; words are ranked by the order written.
		const written = levels.every((level, index) => level.rank === index);
		const backwards = /^(?:ascending|increasing|least)$/i.test(order[1] ?? order[2] ?? '');
		return backwards && written
			? levels.map((level) => ({ ...level, rank: levels.length - 1 - level.rank }))
			: levels;
	}
	return undefined;
}

/** The levels an enumeration line lists, or undefined when it is no such line. */
function enumeratedLevels(line: string, sentences = true): Level[] | undefined {
	if (sentences && !LEVEL_ENUMERATION.test(line)) return sentenceLevels(line);
	const list = LEVEL_ENUMERATION.exec(line)?.[1];
	const words = list
		?.split(/\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+/)
		.map((word) => word.trim());
	if (!words || words.length < 2 || words.length > 6) return undefined;
	if (!words.every((word) => /^[A-Za-z][\w-]*$/.test(word))) return undefined;
	if (new Set(words.map((word) => word.toLowerCase())).size < words.length) return undefined;
	// `SEV1, SEV2, SEV3` are coded levels; words are the team's own (`down`), never a mix of both.
	const coded = words.map((word) => parseLevel(word));
	if (coded.every(Boolean)) return coded as Level[];
	if (coded.some(Boolean)) return undefined;
	return words.map((word, index) => phraseLevel(word, index)!);
}

/**
 * Level words in French, Spanish, Italian, Portuguese and German, by the English word whose rank
 * they share: a team writing in its own language names the same sizes.
 */
const FOREIGN_LEVEL: Record<string, string> = {
	mineur: 'minor',
	majeur: 'major',
	critique: 'critical',
	faible: 'low',
	moyen: 'medium',
	élevé: 'high',
	menor: 'minor',
	mayor: 'major',
	crítico: 'critical',
	bajo: 'low',
	medio: 'medium',
	alto: 'high',
	minore: 'minor',
	maggiore: 'major',
	critico: 'critical',
	basso: 'low',
	grave: 'major',
	baixo: 'low',
	médio: 'medium',
	gering: 'low',
	mittel: 'medium',
	hoch: 'high',
	kritisch: 'critical',
};

/** A heading about sorting incidents: `Classification des incidents`, `Niveles de severidad`. */
const CLASSIFYING_HEADING =
	/class?if|categor|sever|sévérité|gravit|criticit|priorit|schweregrad|kritikalität/i;

/**
 * `… débouchant sur les niveaux : mineur, majeur, critique.` under "Classification des incidents":
 * a sentence ending in the levels it names, in the team's language, under a heading about sorting
 * incidents. Every word must be a level word whose size is known (in English or one of the
 * languages above), so the ranks are the words' own, not the order written.
 */
function classifiedLevels(section: Section, line: string): Level[] | undefined {
	if (!CLASSIFYING_HEADING.test(section.title)) return undefined;
	const list =
		/(?<![\p{L}])(?:levels|niveaux|niveles|livelli|níveis|stufen)(?:\s+(?:de|di|of)\s+[\p{L}]+)?\s*:\s*([^.:;]+?)\.?$/iu.exec(
			line.trim()
		)?.[1];
	const words = list?.split(
		/\s*,\s*(?:(?:and|or|et|ou|y|o|e|und|oder)\s+)?|\s+(?:and|or|et|ou|y|o|e|und|oder)\s+/
	);
	if (!words || words.length < 2 || words.length > 6) return undefined;
	const ranks = words.map(
		(word) => WORD_RANK[FOREIGN_LEVEL[word.toLowerCase()] ?? word.toLowerCase()]
	);
	if (ranks.some((rank) => rank === undefined) || new Set(ranks).size < ranks.length)
		return undefined;
	// A level id is plain letters: `élevé` is `Eleve`, its name keeps the accents.
	return words.map((word, index) => ({
		level: titleWord(word.normalize('NFD').replace(/[\u0300-\u036f]/g, '')),
		rank: ranks[index]!,
		rest: '',
		name: word,
	}));
}

/**
 * Levels listed on one line (`Possible severity levels: down, disrupted, notice`), when nothing
 * else in the document names a level. The line may be prose, or a comment in a fenced block that
 * documents the `severity:` field set just below it to one of the listed levels; other comments
 * belong to the code. The same list told twice (in two copies of a template) is one ladder; two
 * different lists are no ladder a reader trusts. Nothing is claimed: the line stays where it is.
 */
function recogniseLevelEnumeration(context: Context): void {
	const found: { levels: Level[]; line: string; offset: number }[] = [];
	for (const section of [context.doc.outline, ...allSections(context.doc.outline)]) {
		for (const node of blocksIn(section.nodes, 'paragraph')) {
			let offset = startOf(node);
			for (const line of sourceOf(context.doc, node).split('\n')) {
				const levels =
					enumeratedLevels(inlineText(line).trim()) ?? classifiedLevels(section, inlineText(line));
				if (levels) found.push({ levels, line: inlineText(line).trim(), offset });
				offset += line.length + 1;
			}
		}
		for (const node of blocksIn(section.nodes, 'code')) {
			const lines = node.value.split('\n');
			lines.forEach((line, index) => {
				if (!COMMENT.test(line)) return;
				const text = line.replace(COMMENT, '').trim();
				const levels = enumeratedLevels(text);
				const next = lines.slice(index + 1).find((after) => after.trim() && !COMMENT.test(after));
				const field = /^\s*severity\s*:\s*['"]?([\w-]+)['"]?\s*$/i.exec(next ?? '')?.[1];
				const set = levels?.some(
					(level) => (level.name ?? level.level).toLowerCase() === field?.toLowerCase()
				);
				const at = startOf(node) + Math.max(0, sourceOf(context.doc, node).indexOf(line));
				if (levels && set) found.push({ levels, line: text, offset: at });
			});
		}
	}
	const lists = new Set(found.map(({ levels }) => levels.map((level) => level.level).join()));
	if (lists.size !== 1) return;
	const { levels, line, offset } = found[0]!;
	for (const level of levels) {
		const data = severityFor(context, level, false);
		const definition = classDefinition(context, level.name ?? level.level);
		if (definition) data.definition = [definition];
		context.out.severities.push({
			slug: severitySlug(level.level),
			data,
			from: fromOffset(context.doc, line, offset),
		});
	}
}

/**
 * `## Warning alerts` opening `Warning alerts are a reminder for an issue or error.`: under the
 * heading named by a listed level and a class noun, a sentence of its own text that says what that
 * class is defines the level. Left in its page as well.
 */
function classDefinition(context: Context, name: string): string | undefined {
	const word = escapeRegExp(name);
	for (const section of allSections(context.doc.outline)) {
		const title = /^([A-Za-z]+)\s+([A-Za-z]+)$/.exec(stripEmoji(section.title).trim());
		if (!title || title[1]!.toLowerCase() !== name.toLowerCase() || !CLASS_NOUN.test(title[2]!))
			continue;
		const says = new RegExp(
			`^(?:an?\\s+)?${word}\\s+${title[2]!.replace(/s$/i, '')}s?\\s+(?:is|are|means)\\s+\\S`,
			'i'
		);
		for (const node of section.nodes) {
			if (node.type !== 'paragraph') continue;
			const sentence = inlineText(sourceOf(context.doc, node))
				.split(/(?<=[.!?])\s+(?=[A-Z])/)
				.find((text) => says.test(text));
			if (sentence) return sentence;
		}
	}
	return undefined;
}

/** `A SEV1 is …`, `SEV-2 means …`: a sentence that opens by saying what a level is. */
const LEVEL_SENTENCE =
	/^(?:an?\s+)?(P\s?\d|SEV[-\s]?\d|Sev\s?\d|S\d)(?:\s*\(([A-Za-z]+(?: [A-Za-z]+)?)\))?\s+(?:is|means|covers|indicates)\b\s*(.*)$/i;

/** `Sev1 - Full outage`, `P2: Degraded`: a line that opens with a level and defines it. */
const LEVEL_LINE = /^\s*(P\s?\d|SEV[-\s]?\d|Sev\s?\d|S\d)\s*(?:[-–—]|:)\s+(\S.*)$/i;
const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Under a severity heading, levels defined one sentence each (`A SEV1 is a full outage. … A SEV2
 * is …`, or `SEV-1 means …; SEV-2 means …`) or one line each: two levels or more of one scale, each once. What
 * follows a level's sentence up to the next level's belongs to it; timed sentences are targets.
 */
function recogniseLevelSentences(context: Context): void {
	for (const section of allSections(context.doc.outline)) {
		if (!SEVERITY_PARENT.test(section.title)) continue;
		const found: {
			level: Level;
			text: string[];
			node: RootContent;
			at: string;
			offset?: number;
		}[] = [];
		for (const node of section.nodes) {
			if (node.type !== 'paragraph' || isClaimed(context.doc, startOf(node), endOf(node))) continue;
			const source = sourceOf(context.doc, node);
			// `🔴 Sev1 - Full outage` on one line, `🔵 Sev2 - …` on the next: lines of one paragraph
			// (run together when rendered), each opening with a level. Every line must, or none is read.
			const lines = source.split('\n');
			const keyed = lines.map((line) => LEVEL_LINE.exec(stripEmoji(inlineText(line))));
			if (lines.length > 1 && keyed.every(Boolean)) {
				let offset = startOf(node);
				for (const [index, [, at, rest]] of (keyed as RegExpExecArray[]).entries()) {
					found.push({
						level: { ...codeLevel(at!), rest: '' },
						text: [capitalise(rest!)],
						node,
						at: at!,
						offset,
					});
					offset += lines[index]!.length + 1;
				}
				continue;
			}
			for (const sentence of inlineText(source).split(/(?<=[.!?;])\s+/)) {
				const match = LEVEL_SENTENCE.exec(sentence);
				if (match) {
					const name = match[2] && NAME_WORD.test(match[2]) ? titleWord(match[2]) : undefined;
					const text = capitalise(match[3]!.replace(/;$/, '.'));
					found.push({
						level: { ...codeLevel(match[1]!), rest: '', ...(name ? { name } : {}) },
						text: [text],
						node,
						at: match[1]!,
					});
				} else found.at(-1)?.text.push(sentence.replace(/;$/, '.'));
			}
		}
		const levels = found.map((entry) => entry.level.level);
		const scales = new Set(levels.map((level) => level.replace(/[-\d]/g, '')));
		if (found.length < 2 || scales.size > 1 || new Set(levels).size < levels.length) continue;
		if (levels.some((level) => context.out.severities.some((e) => e.data.level === level)))
			continue;
		for (const { level, text, node, at, offset } of found) {
			const severity = severityFor(context, level, false);
			const prose = readSentences(context, severity, text.join(' '));
			if (prose) severity.definition = prose;
			context.out.severities.push({
				slug: severitySlug(level.level),
				data: severity,
				from: fromOffset(context.doc, at, offset ?? startOf(node)),
			});
		}
		for (const node of new Set(found.map((entry) => entry.node)))
			claimNode(context.doc, node, hrefOf(context, 'severities', ''));
	}
}

/**
 * A list of levels under a severity heading: `1. **Sev1**` with nested lines under each. A
 * nested line that names and times its own target (`Acknowledge within 5 minutes.`) is that
 * target, a `Label: value` line is read as under a heading, and other lines are the level's
 * definition (the first) or actions (the rest). Every item must lead with a bold level.
 */
export function recogniseSeverityLists(context: Context): void {
	for (const section of allSections(context.doc.outline)) {
		// `Escalation Matrix (P1–P4)`: a heading naming the levels it lists is a ladder's too.
		const names = (section.title.match(LEVEL_MENTION) ?? []).length > 0;
		if (SEVERITY_PARENT.test(section.title) || names) {
			for (const list of section.nodes)
				// Under an escalation heading the same lines are a path too: left for that recogniser.
				if (list.type === 'list')
					readLevelList(context, list, !/escalat/i.test(section.title), section.title);
		}
		// `P1 (Critical): core link down` over `Acknowledge: 15 min, Resolve: 4 h`, under any other
		// heading (`Escalation Matrix`): coded levels, each named in a level word and timed, are a
		// ladder wherever they are written. Under an escalation heading the list stays there too.
		else
			for (const list of section.nodes)
				if (list.type === 'list' && timedNamedCodes(context, list))
					readLevelList(context, list, !/escalat/i.test(section.title), section.title);
		// `Use the following criteria to determine severity:` over `- Low: …`, under any heading, at
		// its top or inside a step or a quote: the line leading into the list says it is a ladder.
		// Under "Action Items Follow-up" the same list ranks the work left, not incidents.
		if (!WORK_LEAD.test(section.title))
			for (const { list, lead } of ledLists(context, section.nodes))
				readLevelList(context, list, true, lead);
		// `__Outage handling__` and a line over `0. Green - Normal`, `It might be an emergency if…`
		// over `"code red"` defined: a scale of warning colours is a ladder wherever the heading or
		// the two paragraphs before it (a bold label, a lead) speak of incidents; other lists there
		// are left alone.
		for (const [index, list] of section.nodes.entries()) {
			const lead = section.nodes
				.slice(Math.max(0, index - 2), index)
				.map((node) => (node.type === 'paragraph' ? inlineText(sourceOf(context.doc, node)) : ''))
				.join(' ');
			const scale = `${section.title} ${lead}`;
			if (list.type === 'list' && INCIDENT_WORDS.test(scale))
				readLevelList(context, list, true, scale, true);
		}
	}
}

/**
 * A list of two or more items, each leading with a different coded level named in level words
 * (`P1 (Critical)`, `SEV-2 (High/Major)`), and each timing a target of its own, on its line or
 * under it (`Acknowledge: 15 min`, `Respond within 1 hour`, `T+5m: Acknowledge`). A bare `P1:`
 * (work ranked by priority) or an untimed item leaves the list alone.
 */
function timedNamedCodes(context: Context, list: List): boolean {
	if (list.children.length < 2) return false;
	const levels = list.children.map((item) => {
		const lead = listLead(context, item)?.lead;
		const level = lead ? parseLevel(lead) : undefined;
		if (!level || !CODE_LEVEL.test(levelText(lead!))) return undefined;
		const { name } = nameAndLabel(level);
		const named = name
			.split(/\s*\/\s*/)
			.every((word) => NAME_WORD.test(word) || word.toLowerCase() in WORD_RANK);
		return named && name !== level.level && timedItem(context, item) ? level.level : undefined;
	});
	return levels.every(Boolean) && new Set(levels).size === levels.length;
}

/** Whether an item's lines time a target: `Acknowledge: 15 min`, `Resolve within 4 h`, `T+5m: Ack`. */
function timedItem(context: Context, item: ListItem): boolean {
	return itemLines(context.doc, item).some((line) =>
		line.split(/\s*[,;]\s+/).some((piece) => {
			const text = piece.replace(/\.$/, '');
			const pair = splitLabel(text);
			if (pair && targetKey(pair.label) && parseDuration(pair.value)) return true;
			const lead = TARGET_LEAD.exec(text);
			if (lead?.[1] && targetKey(lead[1]) && parseDuration(lead[2]!)) return true;
			const clock = CLOCK.exec(text);
			return !!clock && !!targetKey(clock[2]!.split(/\s+/)[0]!);
		})
	);
}

/**
 * Words of a heading or lead about what goes wrong, under which a colour scale ranks it. Not
 * `status` alone: `## Build status` over Green / Red says how a build went, not how bad things are.
 */
const INCIDENT_WORDS =
	/severit|priorit|emergenc|outage|incident|urgen|alert|classif|categori[sz]|distinguish/i;

/** Warning colours, most severe first: Red, then Orange (or Amber), Yellow, Green. */
const COLOUR_RANK: Record<string, number> = { red: 0, orange: 1, amber: 1, yellow: 2, green: 3 };
/** `Red`, `code red`, `Condition Amber`, `Green status`: a warning colour named as a level. */
const COLOUR_NAME =
	/^(?:(?:code|condition|status|level|alert)\s+)?(red|orange|amber|yellow|green)(?:\s+(?:alert|status|level|condition))?$/i;

/** An item's short name and its definition: `**"code red"**` over text, `Green - Normal`. */
function itemName(context: Context, item: ListItem): { lead: string; rest: string } | undefined {
	const first = item.children[0];
	if (first?.type !== 'paragraph') return undefined;
	const text = inlineText(sourceOf(context.doc, first));
	const strong = first.children[0]?.type === 'strong' ? toString(first.children[0]) : undefined;
	const split = strong
		? [strong, text.slice(text.indexOf(strong) + strong.length)]
		: /^([^:]{1,30}?)(?::|\s+[-–—])\s+(.+)$/.exec(text)?.slice(1);
	const lead = split?.[0]!.replace(/^["'“‘]|[:"'”’]+$/g, '').trim();
	const rest = split?.[1]!.replace(/^[\s:–—-]+/, '').trim();
	return lead && rest && /^[A-Za-z]+(?: [A-Za-z]+){0,2}$/.test(lead) ? { lead, rest } : undefined;
}

/**
 * `0. Green - Normal operation` … `3. Red - Critical issues`, `- **"code red"**` over its
 * definition: items each naming a level in a word or two, then defining it. Warning colours, all
 * different, rank by colour; other words only in a numbered list whose lead sorts by severity
 * (`categorized by severity:`), ranked as numbered unless level words at its ends say the numbers
 * climb (`1. Low` … `3. Critical`). A numbered list's number is the level, the word its name.
 */
function namedItems(
	context: Context,
	list: List,
	scale: string
): { lead: string; rest: string; level: Level }[] | undefined {
	const items = list.children.map((item) => itemName(context, item));
	if (items.length < 2 || !items.every(Boolean)) return undefined;
	const names = items.map((item) => item!.lead);
	if (new Set(names.map((name) => name.toLowerCase())).size < names.length) return undefined;
	const colours = names.map((name) => COLOUR_NAME.exec(name)?.[1]!.toLowerCase());
	const coloured = colours.every(Boolean) && new Set(colours).size === colours.length;
	const sorted =
		list.ordered && items.length >= 3 && /severit|priorit/i.test(scale) && SORTING.test(scale);
	if (!coloured && !sorted) return undefined;
	const word = (text: string) => WORD_RANK[/^[A-Za-z]+/.exec(text)?.[0].toLowerCase() ?? ''];
	const ends = [items[0]!, items.at(-1)!].map((item) => word(item.lead) ?? word(item.rest));
	const climbs = ends[0] !== undefined && ends[1] !== undefined && ends[0] > ends[1];
	return items.map((item, index) => {
		const rank = coloured
			? COLOUR_RANK[colours[index]!]!
			: climbs
				? items.length - 1 - index
				: index;
		const level = list.ordered
			? String((list.start ?? 1) + index)
			: item!.lead.replace(/\s+/g, '-');
		return { ...item!, level: { level, rank, rest: '', name: item!.lead } };
	});
}

/**
 * A line leading into a list of levels: `Use these criteria to determine severity:`. Never one
 * ranking work to do (`Sort the follow-up tasks by priority:` over `- High: …`): those are tasks.
 */
const LADDER_LEAD = /\b(?:severit(?:y|ies)|priorit(?:y|ies))\b[^.!?]*:\s*$/i;
const WORK_LEAD = /\b(?:action items?|follow[- ]?ups?|tasks?|to-?dos?|work items?)\b/i;

/** Lists among nodes or in them (in list items, in quotes) whose paragraph before says they rank levels. */
function ledLists(context: Context, children: RootContent[]): { list: List; lead: string }[] {
	return children.flatMap((child, index) => {
		const before = children[index - 1];
		const lead =
			child.type === 'list' && before?.type === 'paragraph'
				? inlineText(sourceOf(context.doc, before))
				: '';
		if (LADDER_LEAD.test(lead) && !WORK_LEAD.test(lead)) return [{ list: child as List, lead }];
		return 'children' in child ? ledLists(context, child.children as RootContent[]) : [];
	});
}

/** `Critical services are ones which …`: a class of some noun, named and then defined. */
const CLASS_ITEM =
	/^((?:[A-Za-z][\w-]*\s+){0,2}?[A-Za-z][\w-]*)\s+([a-z]+?)s?\s+(?:(?:are|is)\s+(?:ones?|those|the ones|any(?:thing)?)|means|refers to)\b/;

/**
 * `1. Critical services are ones which we work on around the clock …`, `2. Important services are
 * …`: under a severity or priority heading (or lead), a numbered list of three or more items, each
 * naming a class of one shared noun and defining it, ranks its classes as numbered. The number is
 * the level and the words before the noun its name, whatever they are (`Important`, `Third party`):
 * the numbering and the shared noun make the scale, as sibling headings do in `definedClass`.
 */
function classItems(
	context: Context,
	list: List,
	scale: string
): { lead: string; rest: string; level: Level }[] | undefined {
	if (!list.ordered || list.children.length < 3 || !/severit|priorit/i.test(scale))
		return undefined;
	const items = list.children.map((item, index) => {
		const first = item.children[0];
		if (first?.type !== 'paragraph') return undefined;
		const text = inlineText(sourceOf(context.doc, first));
		const match = CLASS_ITEM.exec(text);
		if (!match) return undefined;
		const level = numberLevel(String((list.start ?? 1) + index));
		return { lead: match[1]!, noun: match[2]!, rest: text, level: { ...level, name: match[1]! } };
	});
	if (!items.every(Boolean) || new Set(items.map((item) => item!.noun)).size > 1) return undefined;
	return items as { lead: string; rest: string; level: Level }[];
}

/**
 * Types a list whose every item leads with a different level, none typed before; with `namedOnly`,
 * only a list of named items (`namedItems`).
 */
function readLevelList(
	context: Context,
	list: List,
	claimIt: boolean,
	scale: string,
	namedOnly = false
): void {
	if (list.children.length < 2 || isClaimed(context.doc, startOf(list), endOf(list))) return;
	const classed = classItems(context, list, scale) ?? namedItems(context, list, scale);
	if (namedOnly && !classed) return;
	const firsts = classed ?? list.children.map((item) => listLead(context, item));
	const leads = firsts.map((first) => first?.lead ?? '');
	// `- 1: Data loss`, `- 2: …` where the heading or the line before names severities (or
	// priorities): bare numbers counting up from 0 or 1 are the levels.
	const counted =
		/severit|priorit/i.test(scale) &&
		leads.every((lead, index) => lead === String(index + Number(leads[0]))) &&
		/^[01]$/.test(leads[0]!);
	const levels =
		classed?.map((item) => item.level) ??
		leads.map((lead) =>
			lead ? (parseLevel(lead, true) ?? (counted ? numberLevel(lead) : undefined)) : undefined
		);
	if (!levels.every(Boolean)) return;
	if (new Set(levels.map((level) => level!.level)).size < levels.length) return;
	// A table that only timed the levels (`Severity | Response time` over `1 | 2h`) leaves them to
	// a list to define; anything more typed already, or a list under an escalation heading, is not.
	const typed = levels.map((level) =>
		context.out.severities.find((e) => e.data.level === level!.level)
	);
	const fills = claimIt && typed.every((entry) => entry && !entry.data.definition);
	if (typed.some(Boolean) && !fills) return;
	list.children.forEach((item, index) => {
		const level = levels[index]!;
		const severity = severityFor(context, level, false);
		const notes = [severity.targetNotes ?? []].flat().length;
		const [, ...nested] = itemLines(context.doc, item);
		const lines = [namedCell(severity, firsts[index]!.rest), ...nested].filter(Boolean);
		for (const line of lines) {
			const text = line.replace(/\.$/, '');
			if (clockLine(severity, text)) continue;
			const pair = splitLabel(text);
			if (pair && apply(context, severity, pair.label, pair.value, [])) continue;
			if (timedLine(severity, text)) continue;
			// Several sentences are read one by one: a target's words never reach back past a full stop.
			const rest =
				(/[.!?]\s+[A-Z]/.test(text) ? undefined : timedPieces(severity, text)) ??
				readSentences(context, severity, line);
			if (!rest) continue;
			if (severity.definition) severity.actions = push(severity.actions, rest);
			else severity.definition = rest;
		}
		// The item's bold level is the label an author finds on its line.
		const heading = leads[index]!;
		noteCheck(context, severity, notes, {
			heading,
			start: startOf(item),
			end: endOf(item),
		});
		if (!typed[index])
			context.out.severities.push({
				slug: severitySlug(level.level),
				data: severity,
				from: fromOffset(context.doc, heading, startOf(item)),
			});
	});
	if (claimIt) claimNode(context.doc, list, hrefOf(context, 'severities', ''));
}

/** `Acknowledge within 5 minutes`: a line that names its target and is nothing but its time. */
function timedLine(severity: SeverityInput, text: string): boolean {
	const lead = TARGET_LEAD.exec(text);
	// `Low services are ones … critical. Response times should be within 1 day`: a sentence before
	// the one that times the target is no part of it, and would be lost with the line.
	const key = lead?.[1] && !/[.!?]\s/.test(lead[1]) ? targetKey(lead[1]) : undefined;
	const phrase = lead && DURATION_PHRASE.exec(lead[2]!)?.[0];
	const targets = (severity.targets ??= {}) as Record<TargetKey, string | undefined>;
	if (!key || !phrase || targets[key] || phrase !== lead![2] || !parseDuration(phrase))
		return false;
	targets[key] = phrase;
	return true;
}

/**
 * `24x7 response, acknowledge within 15 minutes`: the pieces of a line that each name and time a
 * target are those targets. The rest of the line is returned, or undefined when no piece is timed.
 */
function timedPieces(severity: SeverityInput, text: string): string | undefined {
	const pieces = text.split(/\s*[,;]\s+/);
	if (pieces.length < 2) return undefined;
	const rest = pieces.filter((piece) => !timedLine(severity, piece));
	return rest.length < pieces.length ? rest.join(', ') : undefined;
}

/**
 * `P1 - Critical: The site is down. Acknowledge within 5 min. Response: next business day.`: in
 * prose of several sentences, those that time a target are typed; the rest is returned.
 */
function readSentences(context: Context, severity: SeverityInput, value: string): string {
	const sentences = value.split(/(?<=\.)\s+(?=[A-Z])/);
	// A lone `Respond within 15 minutes.` is its target; a lone `Label: value` may be anything.
	if (sentences.length < 2) return timedLine(severity, value.replace(/\.$/, '')) ? '' : value;
	return sentences
		.flatMap((sentence) => {
			const text = sentence.replace(/\.$/, '');
			const pair = splitLabel(text);
			if (
				(pair && targetKey(pair.label) && apply(context, severity, pair.label, pair.value, [])) ||
				timedLine(severity, text)
			)
				return [];
			// `Response within 15 minutes, updates every 30 minutes.`: each timed piece is a target.
			const rest = timedPieces(severity, text);
			return rest === undefined ? [sentence] : rest ? [`${rest}.`] : [];
		})
		.join(' ');
}

/** `T+5m: Acknowledge; update incident`: a step on the clock from the start of an incident. */
const CLOCK = /^T\s*\+\s*(\d+(?:\.\d+)?\s*[a-z]*)\s*[:–—-]\s*(.+)$/i;

/**
 * A level's clock lines: the offset of the step that acknowledges (responds, resolves) is that
 * target, a cadence in the step (`hourly updates`) is the update target, a step that escalates is
 * the level's escalation, and the rest are its actions. `Next business day acknowledgment`: a
 * time, then the target it sets.
 */
function clockLine(severity: SeverityInput, line: string): boolean {
	const targets = (severity.targets ??= {}) as Record<TargetKey, string | undefined>;
	const clock = CLOCK.exec(line);
	if (!clock) {
		const trailing = /^(.+?)\s+(acknowledge?ment|acknowledge|response|resolution)$/i.exec(line);
		const key = trailing && targetKey(trailing[2]!);
		if (!key || targets[key] || !parseDuration(trailing![1]!)) return false;
		targets[key] = trailing![1]!;
		return true;
	}
	const offset = /^0\s*[a-z]*$/i.test(clock[1]!) ? undefined : clock[1]!.trim();
	const steps = clock[2]!.split(/\s*;\s*/);
	// The first update's offset is no cadence: only acknowledge, respond and resolve are timed so.
	const key = targetKey(steps[0]!.split(/\s+/)[0]!);
	if (/^escalat/i.test(steps[0]!)) severity.escalation = push(severity.escalation, line);
	else if (offset && key && key !== 'update' && !targets[key]) targets[key] = offset;
	else if (!offset && /^(auto[- ])?page\b/i.test(steps[0]!)) severity.paging ??= clock[2]!;
	else severity.actions = push(severity.actions, line);
	const cadence = cadenceIn(clock[2]!);
	if (cadence && !targets.update) targets.update = cadence;
	return true;
}

/**
 * Targets listed by level away from the ladder: `- **P0 Incidents**: <1 hour` under "Recovery Time
 * Objectives (RTO)", `- SEV1: Updates every 30 minutes` under "Communication Rules". Every item must
 * lead with a typed level and give a duration; the item's own words name its target
 * (`Updates every …`), else the heading does. A target the ladder already set is left alone.
 */
export function recogniseSeverityTargetLists(context: Context): void {
	if (context.out.severities.length === 0) return;
	recogniseSeverityKeys(context);
	for (const section of allSections(context.doc.outline)) {
		const own =
			targetKey(section.title) ??
			(/recover|\brto\b/i.test(section.title) ? 'resolution' : undefined);
		// `Keeping people posted`, `Communication` over `- Urgent: Every hour`: a line that is a
		// cadence and nothing more says how often people hear. `P1: within 15 minutes` there is
		// when the first word goes out, which is no cadence: such a list gives nothing.
		const told = !own && UPDATE_HEADING.test(section.title);
		for (const list of section.nodes) {
			if (list.type !== 'list' || list.children.length < 2) continue;
			if (isClaimed(context.doc, startOf(list), endOf(list))) continue;
			const found = list.children.map((item) => {
				const first = item.children.length === 1 ? listLead(context, item) : undefined;
				const level = first
					? (parseLevel(first.lead, true) ?? typedName(context, first.lead))
					: undefined;
				if (!level || !/^(incidents?|issues?)?$/i.test(level.rest)) return undefined;
				const severity = context.out.severities.find((e) => e.data.level === level.level)?.data;
				const value = first!.rest.replace(/\.$/, '');
				if (told)
					return severity && cadenceIn(value)?.toLowerCase() === value.toLowerCase()
						? { severity, pieces: [{ key: 'update' as const, value }] }
						: undefined;
				// `15 minutes initial response, 4 hours resolution target`: each piece names its own.
				const pieces = targetPieces(value, own);
				if (severity && pieces) return { severity, pieces };
				const lead = TARGET_LEAD.exec(value);
				const named = lead?.[1] ? targetKey(lead[1]) : undefined;
				const key = named ?? own;
				// `every hour` has no number: read as an update cadence.
				const phrase = named
					? (DURATION_PHRASE.exec(lead![2]!)?.[0] ??
						(key === 'update' ? cadenceIn(value) : undefined))
					: value;
				return severity && key && phrase && parseDuration(phrase)
					? { severity, pieces: [{ key, value: phrase }] }
					: undefined;
			});
			if (!found.every(Boolean)) continue;
			if (new Set(found.map((f) => f!.severity)).size < found.length) continue;
			const targets = found.map(
				(f) => (f!.severity.targets ??= {}) as Record<TargetKey, string | undefined>
			);
			if (found.some((f, index) => f!.pieces.some((piece) => targets[index]![piece.key]))) continue;
			found.forEach((f, index) => {
				for (const piece of f!.pieces) targets[index]![piece.key] = piece.value;
			});
			claimNode(context.doc, list, hrefOf(context, 'severities', ''));
		}
	}
	recogniseLevelMentions(context);
}

/** A heading about keeping people informed, whose timed lines are update cadences. */
const UPDATE_HEADING =
	/\b(?:communicat\w*|notif\w*|status reports?|sitreps?|(?:posted|informed|in the loop))\b/i;

/**
 * `MTTA (Mean Time To Acknowledge): < 5 minutes for P0/P1`, `Resolution: 1 hour for SEV1, 4 hours
 * for SEV2`: a target's label, then a time per level. Every piece must time known levels that
 * have no such target yet, or the line gives nothing.
 */
function perLevelTargets(context: Context, text: string): boolean {
	const pair = splitLabel(text);
	const key = pair && targetKey(pair.label);
	if (!key) return false;
	const found: { severity: SeverityInput; value: string }[] = [];
	for (const piece of pair!.value.split(/\s*[,;]\s*/)) {
		// `< 1 hour for P0`, or `P0: < 1 hour`.
		const after = /^(.+?)\s+for\s+(.+)$/.exec(piece);
		const before = /^(.+?)\s*:\s*(.+)$/.exec(piece);
		const [time, levels] = after ? [after[1], after[2]] : before ? [before[2], before[1]] : [];
		const named = (levels ?? '').match(LEVEL_MENTION) ?? [];
		if (!time || !parseDuration(time) || named.length === 0) return false;
		if (levels!.replace(LEVEL_MENTION, '').replace(/[\s/,&]|and|incidents?/gi, '')) return false;
		for (const level of named) {
			const severity = context.out.severities.find(
				(e) => e.data.level === parseLevel(level)?.level
			)?.data;
			if (!severity || severity.targets?.[key]) return false;
			found.push({ severity, value: time });
		}
	}
	for (const { severity, value } of found)
		((severity.targets ??= {}) as Record<TargetKey, string>)[key] = value;
	return found.length > 0;
}

/** A level named anywhere in a line: `… every 15 minutes for P0`, `P1 incidents: …`. */
const LEVEL_MENTION = /(?<![\w-])(?:P\s?\d|SEV-?\s?\d|Sev\s?\d|S\d)(?![\w-])/gi;

/**
 * `- Post an update in the incident channel every 15 minutes for P0.`: a list line that names
 * one known level and times one target in its own words
 * (update, acknowledge, respond, resolve) gives that level the target. Other lines are left; a
 * line naming two levels, two times, or a target its level already has gives nothing.
 */
function recogniseLevelMentions(context: Context): void {
	for (const section of allSections(context.doc.outline)) {
		// Under an escalation heading a timed line is when to escalate, not the level's target (an
		// "On-call runbook" title above everything says nothing of the section).
		if (
			/escalat|on-?call|paging/i.test(section.title) ||
			/escalat/i.test(section.parent?.title ?? '')
		)
			continue;
		for (const list of section.nodes) {
			if (list.type !== 'list' || isClaimed(context.doc, startOf(list), endOf(list))) continue;
			for (const item of list.children) {
				if (item.children.length !== 1) continue;
				const text = inlineText(itemSource(context.doc, item)).replace(/\.$/, '');
				if (perLevelTargets(context, text)) continue;
				const mentions = [...text.matchAll(LEVEL_MENTION)].map((m) => parseLevel(m[0])?.level);
				if (mentions.length !== 1) continue;
				const severity = context.out.severities.find((e) => e.data.level === mentions[0])?.data;
				const lead = TARGET_LEAD.exec(text.replace(LEVEL_MENTION, ''));
				const key = lead?.[1] ? targetKey(lead[1]) : undefined;
				const phrase =
					key === 'update' ? cadenceIn(text) : lead && DURATION_PHRASE.exec(lead[2]!)?.[0];
				const times = text.match(/\d+(?:\.\d+)?\s*[a-z]+/gi) ?? [];
				// `Update within 5 minutes, every 15 minutes thereafter`: the one `every` is the cadence.
				if (!severity || !key || !phrase || !parseDuration(phrase)) continue;
				if (times.length > 1 && key !== 'update') continue;
				const targets = (severity.targets ??= {}) as Record<TargetKey, string | undefined>;
				if (targets[key]) continue;
				targets[key] = phrase;
			}
		}
	}
}

/** `Severity 1 = Critical`, `Critical = S1`: one line of a key pairing a level with its name. */
function keyPair(text: string): { level: Level; name: string } | undefined {
	const sides = /^(.+?)\s+=\s+(.+)$/.exec(text.replace(/\.$/, ''));
	if (!sides) return undefined;
	const [left, right] = [sides[1]!.trim(), sides[2]!.trim()];
	for (const [code, name] of [
		[left, right],
		[right, left],
	] as const) {
		const level = parseLevel(code);
		if (level && !level.rest && /^[A-Za-z]+(?: [A-Za-z]+)?$/.test(name) && !parseLevel(name))
			return { level, name: titleWord(name) };
	}
	return undefined;
}

/**
 * A key of levels away from the ladder (`Key:` over `- Severity 1 = Critical`): every item pairs a
 * different level with a name. A typed level with no name of its own takes the key's name; a
 * level spelt out in the ladder (`Severity 1`, typed SEV-1) takes the short form another key
 * gives the same name at the same rank (`Critical = S1`), since that is what responders write.
 * The key stays in its page, where the prose around it leads into it.
 */
function recogniseSeverityKeys(context: Context): void {
	const keys = [...allSections(context.doc.outline)].flatMap((section) =>
		section.nodes.flatMap((list) => {
			if (list.type !== 'list' || list.children.length < 2) return [];
			if (isClaimed(context.doc, startOf(list), endOf(list))) return [];
			const pairs = list.children.map((item) =>
				item.children.length === 1 ? keyPair(inlineText(itemSource(context.doc, item))) : undefined
			);
			if (!pairs.every(Boolean)) return [];
			if (new Set(pairs.map((pair) => pair!.level.level)).size < pairs.length) return [];
			return [pairs as { level: Level; name: string }[]];
		})
	);
	const find = (level: string) => context.out.severities.find((e) => e.data.level === level);
	for (const pairs of keys)
		for (const { level, name } of pairs) {
			const entry = find(level.level);
			if (entry && entry.data.name === entry.data.level) entry.data.name = name;
		}
	for (const pairs of keys)
		for (const { level, name } of pairs) {
			if (find(level.level)) continue;
			const same = context.out.severities.filter(
				(e) => e.data.rank === level.rank && e.data.name === name && /^SEV-\d$/.test(e.data.level)
			);
			if (same.length === 1) renameLevel(context, same[0]!, level.level);
		}
}

/** Gives a typed level its short form, and the source it was read from the new address. */
function renameLevel(context: Context, entry: Context['out']['severities'][number], level: string) {
	const before = hrefOf(context, 'severities', entry.slug);
	entry.data.level = level;
	entry.slug = severitySlug(level);
	const after = hrefOf(context, 'severities', entry.slug);
	for (const claimed of context.doc.claims) {
		if (claimed.href === before) claimed.href = after;
		claimed.replacement &&= claimed.replacement.replaceAll(before, after);
	}
}
