import type { InlineCode, Link, ListItem, Nodes, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { isCommandLanguage } from '../lib/numbered-steps.ts';
import type { ScenarioInput } from '../schemas/index.ts';
import {
	allSections,
	cellText,
	claim,
	codeSpan,
	endOf,
	inlineText,
	isClaimed,
	itemSource,
	labelLine,
	listItemsOf,
	parseMarkdown,
	partsOf as labelledParts,
	partSource,
	slugify,
	sourceOf,
	startOf,
	stripEmoji,
	uniqueSlug,
	withoutSectionNumber,
	type Doc,
	type Part,
	type Section,
} from './markdown.ts';
import { fromOffset, fromSection, hrefOf, itemLines, takenIn, type Context } from './model.ts';
import { githubAnchor } from './links.ts';
import { parseLevel, severityRef } from './severities.ts';

/**
 * Scenarios: sections under "Scenarios", "Runbooks", "Playbooks", "Incident Type Playbooks"; a
 * heading per scenario ("When transfers are stuck", "Database Down Runbook"); or any section with a
 * Symptoms / Signals part. Symptoms, causes and alert names go to frontmatter; every other part
 * (Investigation, Diagnosis, Mitigation, Resolution, Recovery Steps …) becomes the MDX body.
 */

/** A group of scenarios is plural: a singular "Incident Runbook" title is one runbook (S4). */
const GROUP =
	/scenarios\b|runbooks\b|playbooks\b|incident types?\b|common incidents|critical incidents|priority incidents|\balerts\b/i;
/** A group named only by its alerts (`SRE Alerts & Escalation`) also holds rules, SLOs, policy. */
const ALERTS_ONLY = (title: string): boolean =>
	/\balerts\b/i.test(title) && !GROUP.test(title.replace(/\balerts\b/gi, ''));
const OWN_TITLE = /^when\s+(?!to\b)|\brunbook$|\bplaybook$/i;
/** `Adding a New Runbook`, `Using the playbook`: about writing or using the documents, not one. */
const ABOUT_A_RUNBOOK = /^[a-z]+ing\s+(?:an?|the|this|your|our|new)\b.*\b(?:runbook|playbook)$/i;
/**
 * `Using Runbooks`, `Contributing to Runbooks`, `Alert Runbooks Index`: a heading about the runbooks
 * as documents, whose sections say how to use, write or find them, never a group of runbooks.
 */
const ABOUT_RUNBOOKS =
	/^(?:using|writing|maintaining|contributing(?:\s+to)?|adding|creating|updating|editing|reviewing|about)\b|\b(?:index|catalog(?:ue)?)$/i;
/**
 * `Escalation Matrix`, `On-Call Rotation`, `Maintenance Procedures`, `Alert Tuning`, `Feedback`:
 * how the team runs its response and its documents, which a group of runbooks often carries too.
 */
const RESPONSE_PROCESS =
	/\b(?:escalation|escalating|on-?call|rotations?|schedules?|contact(?:s| methods| information)?|maintenance|tuning|feedback|resources|quick reference|contributing|sla|slas)\b/i;
/** `When escalating to …`, `When handing over`: what a responder does, not what goes wrong. */
const RESPONDER_ACTION =
	/^when\s+(escalating|paging|notifying|handing|declaring|contacting|calling|messaging|informing|updating|reporting|closing|opening|sending|writing)\b/i;
/**
 * `When are you added to the rota?`: a question an FAQ answers, not a situation. A "When …"
 * scenario is a clause (`When transfers are stuck`); a question ends in `?` or inverts its verb.
 */
const isQuestion = (title: string): boolean =>
	/\?\s*$/.test(title) ||
	/^when\s+(are|is|am|was|were|do|does|did|will|would|can|could|should|shall|may|might|must|has|have|had)\b/i.test(
		title
	);
/** `it`, `this`, `the problem`: what a `How to …` label is about, when it says. */
const HOW_TO_OBJECT = String.raw`(?: (?:it|this|that|the (?:problem|issue|error|failure)))?`;
const SYMPTOMS = new RegExp(
	String.raw`^(symptoms?|signals?|signs|indicators?|detection|detect|what you see|what it means|what (this|the) alert means|meaning|how to (?:recogni[sz]e|spot|detect|identify|tell)${HOW_TO_OBJECT})$`,
	'i'
);
/** `How to fix`, `How to resolve the problem`: a runbook's step section. */
const HOW_TO_FIX = String.raw`how to (?:fix|solve|investigate|resolve|respond|mitigate)${HOW_TO_OBJECT}`;
const CAUSES = /^((likely|common|possible|probable|root|typical)\s+)?(causes?|reasons?)$/i;
const ALERT = /^[A-Z][a-z0-9]+(?:[A-Z0-9][A-Za-z0-9]*)+$/;
/** Labels of an alert runbook or a phased scenario; two of them make a section a runbook. */
const RUNBOOK_LABEL = new RegExp(
	String.raw`^(alert|what it means|what (this|the) alert means|meaning|impact|diagnosis|diagnose|troubleshooting|procedure to fix|triage|investigation|(triage|investigation|diagnosis|diagnostic|mitigation|remediation|troubleshooting) steps|investigate|mitigation|mitigate|remediation|remediate|containment|contain|eradication|eradicate|resolution|resolve|fix|recovery|recover|verification|detect|detection|steps|symptoms?|signals?|indicators?|understanding the alert|(potential |possible )?resolution steps|${HOW_TO_FIX}|(possible |suggested )?solutions?|diagnostics?( and (possible )?solutions?)?|possible checks)$`,
	'i'
);
const DIAGNOSTIC_LABEL = new RegExp(
	String.raw`^(alert|what it means|what (this|the) alert means|meaning|diagnosis|diagnose|troubleshooting|procedure to fix|triage|investigation|(triage|investigation|diagnosis|diagnostic|mitigation|remediation|troubleshooting) steps|investigate|mitigation|mitigate|remediation|remediate|fix|understanding the alert|(potential |possible )?resolution steps|${HOW_TO_FIX}|(possible |suggested )?solutions?|diagnostics?( and (possible )?solutions?)?|possible checks)$`,
	'i'
);
/** A runbook's own step sections and appendices: never a scenario themselves. */
const STEP_SECTION =
	/^(communicate|communication|resources|references?|additional information|notes|related( links| documents| docs| pages| runbooks)?|see also)$/i;
/** Sections about messages: a "When …" heading there is a message, not a scenario. */
const COMMUNICATION = /communicat|messag|notif|announce|templates?\b|updates?\b/i;

/** Sections looking back on an incident: their Impact / Cause / Resolution are what happened. */
const REPORT =
	/post-?mortem|retrospective|\bretro\b|incident (report|review)|\breview\b|lessons learn|\brca\b|root cause analysis|action items|follow-?ups?\b|timeline/i;

const underHeading = (section: Section, pattern: RegExp): boolean => {
	for (let at: Section | undefined = section; at; at = at.parent)
		if (pattern.test(at.title)) return true;
	return false;
};
/**
 * Under a heading about messages. An alert's name is a name, not a topic: `NotificationQueueFull`
 * is a runbook for the queue, whatever word it is spelt with.
 */
export const inCommunication = (section: Section): boolean => {
	for (let at: Section | undefined = section; at; at = at.parent)
		if (COMMUNICATION.test(at.title) && !isAlertName(at.title)) return true;
	return false;
};

/** An identifier: `KubeAPIDown`, `etcdNoLeader`, `HTTPErrorsHigh`, `disk_usage_high`. */
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*$/;
/** The words of an identifier: `KubeAPIDown` → Kube, API, Down. */
const wordsOf = (name: string): string[] =>
	name.split(/_|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/).filter(Boolean);
/** Words that say what is wrong; an alert's name usually has one (`TargetDown`, `DiskAlmostFull`). */
const CONDITION =
	/^(down|fail(ed|ing|ures?|s)?|errors?|unavailable|unreachable|unhealthy|unready|not|no|stuck|stall(ed|ing|s)?|high|low|full|filling|missing|absent|latency|slow|lag(ging)?|restart(ing|s|ed)?|crash(ing|looping)?|looping|exhaust(ed|ion)|expir(ing|ed|y)|degraded|throttl(ing|ed)|pressure|saturat(ed|ion)|spikes?|flapping|time-?outs?|refused|overcommit(ted)?|overload(ed)?|mismatch|skew|drift|leak(ing)?|deadlock|blocked|pending|rejected|dropp(ed|ing)|exceed(ed|s)|limit|insufficient|too|almost|outage|offline|invalid|denied|oom|killed|evicted|backlog|behind|hung|starv(ed|ation)|overflow|anomal(y|ous)|breach(ed)?|out-of-sync|desync(ed)?|unsynced)$/i;

/**
 * What a heading calls its section before naming it: `Runbook:`, `Alert Runbook:`, `Incident
 * playbook –`, `Runbook for`, `Scenario 3:`, `Incident type –`. The rest of the heading is the runbook's name.
 */
const RUNBOOK_WORD = String.raw`(?:(?:alert|incident|response|on-?call|ops|service)\s+)?(?:runbook|playbook)(?:\s+example)?|(?:incident\s+)?response\s+procedures?|scenario\s*\d*|(?:use\s+)?case\s*\d+|incident\s+type|failure\s+mode|troubleshooting|diagnostics?`;
/**
 * `Troubleshooting: queue backlog grows`, `Troubleshooting for a stuck queue`: a heading naming one
 * failure by what goes wrong. What follows must be trouble: `Troubleshooting for Platform
 * Administrators` names the guide's readers, and the guide holds many failures, never is one.
 */
const TROUBLE_PREFIX =
	/^(?:troubleshooting|diagnostics?)\s*(?::|\s[–—-]|\s+for\s+(?:(?:an?|the)\s+)?)\s*/i;
const NAME_SEPARATOR = String.raw`\s*(?::|[.)]|\s[–—-])\s*|\s+for\s+(?:(?:an?|the)\s+)?`;
/** `Runbook: Ingest Lag`, `Alert Runbook – DiskFull`, `Scenario 3: Cache storm`: one runbook, named. */
const RUNBOOK_PREFIX = new RegExp(String.raw`^(?:${RUNBOOK_WORD})(?:${NAME_SEPARATOR})(?=\S)`, 'i');
/** `Deployment Engineering: Playbook for X`: the team owning a runbook, named before it. */
const OWNER_LABEL = new RegExp(
	String.raw`^[^:]{2,40}:\s+(?=(?:${RUNBOOK_WORD})(?:${NAME_SEPARATOR})\S)`,
	'i'
);
/** `Alert: InstanceDown`, `Alert name – Disk almost full`, `Alarm rule: QueueDepthHigh`. */
const ALERT_PREFIX = /^(?:alert|alarm)(?:\s+(?:name|rule))?\s*(?::|\s[–—-])\s*/i;
/** `(severity: critical)`, `(sev: P2)`, `(priority = high)` at a heading's end. */
const SEVERITY_SUFFIX = /\s*\((?:severity|sev|priority)\s*[:=]\s*([^)]+)\)\s*$/i;
const UNIT = String.raw`(?:m|mins?|minutes?|h|hrs?|hours?)`;
/**
 * A step of one runbook, not a kind of incident: a heading ending in a time window
 * (`1. Initial Response (0–10 min)`, `Contain (T+5 to T+30)`, `Triage (first 15 minutes)`).
 */
const TIME_WINDOW = new RegExp(
	[
		// `0–10 min`, `30-60 minutes`, `60+ min`, `T+5 to T+30`
		String.raw`(?:T\s*\+\s*\d+\s*${UNIT}?|\d+\s*${UNIT}?)\s*(?:[–—-]|to)\s*(?:T\s*\+\s*\d+\+?\s*${UNIT}?|\d+\+?\s*${UNIT})`,
		String.raw`(?:first|within|next)\s+\d+\s*${UNIT}`,
		String.raw`T\s*\+\s*\d+\s*${UNIT}?`,
	]
		.map((window) => String.raw`\(\s*${window}\s*\)$`)
		.join('|'),
	'i'
);
/** What a runbook's "When to use" part lists: the situations it is for, i.e. its symptoms. */
const TRIGGER = /^when to (use|invoke|run|follow)( (this|the) (runbook|playbook))?$/i;
/** A ladder titled as a playbook's escalation as a whole: `Escalation Paths`, `Incident escalation policy`. */
const GENERAL_LADDER =
	/^(?:[\w-]+\s+)?escalation(?:\s+(?:paths?|polic(?:y|ies)|chains?|matrix|procedures?|process|ladders?|levels?|tiers?))?$/i;

/** A heading without its step number and time window: `2. Diagnosis (10–30 min)` → `Diagnosis`. */
const stepName = (title: string): string =>
	stripEmoji(title)
		.replace(/^(?:(?:step|phase|stage)\s*)?\d+\s*[.):]?\s*(?:[–—-]\s*)?/i, '')
		.replace(TIME_WINDOW, '')
		.trim();

/** A section that is a step, phase or appendix of one runbook (never a scenario itself). */
export const isRunbookStep = (title: string): boolean =>
	TIME_WINDOW.test(stripEmoji(title)) ||
	RUNBOOK_LABEL.test(stepName(title)) ||
	STEP_SECTION.test(stepName(title)) ||
	TRIGGER.test(stepName(title));

/**
 * `Alert: HighErrorRate (5xx) (severity: warning)` → title `HighErrorRate (5xx)`, alert
 * `HighErrorRate`, severity `warning`. A heading needs the `Alert:` prefix, or an alert name with a
 * severity suffix; the alert is only an identifier standing first (`alertOfHeading`).
 */
export function alertHeading(
	heading: string
): { title: string; alert?: string; severity?: string } | undefined {
	const text = stripEmoji(heading);
	const prefixed = ALERT_PREFIX.test(text);
	let rest = text.replace(ALERT_PREFIX, '');
	const severity = SEVERITY_SUFFIX.exec(rest)?.[1]!.trim();
	rest = rest.replace(SEVERITY_SUFFIX, '').trim();
	const name = /^(\S+)(?:\s+\([^)]*\))*$/.exec(rest)?.[1];
	const alert = name ? alertOfHeading(name) : undefined;
	if (!rest || (!prefixed && !(alert && severity))) return undefined;
	return { title: rest, ...(alert ? { alert } : {}), ...(severity ? { severity } : {}) };
}

/** A table whose first column is `Symptom(s)`: rows of what is seen, its cause and the action. */
function symptomTable(node: RootContent): Table | undefined {
	if (node.type !== 'table' || node.children.length < 2) return undefined;
	const first = cellText(node.children[0]!.children[0]!);
	return /^(symptoms?|signals?|what you see)$/i.test(first) ? node : undefined;
}

/** `Signal`, `What it indicates`: the column of an alert table saying what each alert sees. */
const SIGNAL_COLUMN =
	/^(signals?|symptoms?|meaning|description|what it (indicates|means|detects)|fires when)$/i;

/**
 * A table whose first column is `Alert(s)` and names alerts (`| Alert | Signal |` over
 * `\`PrometheusJobUp\``): the alert names, and what each sees when a column says so.
 */
function alertTable(node: RootContent): { alerts: string[]; signals: string[] } | undefined {
	if (node.type !== 'table' || node.children.length < 2) return undefined;
	const header = node.children[0]!.children.map((cell) => stripEmoji(cellText(cell)).trim());
	if (!/^(?:alerts?|alarms?)(?:\s+names?)?$/i.test(header[0] ?? '')) return undefined;
	const alerts = columnOf(node, 0).map((name) => name.replace(/^`|`$/g, '').trim());
	if (!alerts.every(alertLike)) return undefined;
	const signal = header.findIndex((text, i) => i > 0 && SIGNAL_COLUMN.test(text));
	return { alerts, signals: signal > 0 ? columnOf(node, signal) : [] };
}
/** `Alerts`, `Triggered by`: a label over the alerts a runbook answers. */
const ALERTS_LABEL = /^(alerts?|alert names?|alert rules?|triggers?|triggered by|fired by)$/;
/** `**\`DiskDrift\`** (warning, \`for: 15m\`) — fires when …`: an item naming an alert, then when it fires. */
const ALERT_ITEM =
	/^(?:\*\*|__)?`?([A-Za-z][\w.]*)`?(?:\*\*|__)?\s*(?:\([^)]*\)\s*)?(?:[—–:]|\s-)\s*(.*\b(?:fires?|fired|triggers?|triggered|goes off)\b.*)$/s;

/**
 * A list whose every item names an alert and says when it fires (`The alerts at a glance`): the
 * alert names, and when each fires (what is seen).
 */
function alertItems(doc: Doc, part: Part): { alerts: string[]; fires: string[] } | undefined {
	const items = part.nodes.length ? listItemsOf(part.nodes) : undefined;
	if (!items?.length) return undefined;
	const matches = items.map((item) => ALERT_ITEM.exec(itemSource(doc, item)));
	if (!matches.every((match) => match && alertLike(match[1]!))) return undefined;
	return {
		alerts: matches.map((match) => match![1]!),
		fires: matches.map((match) => `\`${match![1]!}\` ${inlineText(match![2]!)}`),
	};
}

const hasAlertTable = (section: Section): boolean =>
	section.nodes.some((node) => alertTable(node) !== undefined);

const TROUBLE_COLUMN = /^(symptoms?|problems?|issues?|errors?|what you see|what happens)$/i;
const FIX_COLUMN =
	/^((suggested |recommended |possible )?(fix(es)?|solutions?|resolutions?|remed(y|ies)|workarounds?|actions?)|what to do)$/i;
/** Columns a troubleshooting table may have besides those: notes on a row, never an owner or status. */
const NOTE_COLUMN = /^(notes?|details|description|explanation|comments?|links?|runbook|see also)$/i;

/**
 * A troubleshooting table, `Symptom | Cause | Fix`, `Problem | Possible cause | Solution`, `Issue |
 * Resolution`: its first column names what goes wrong and another says what to do, so each row is
 * a scenario. The column indexes, or undefined for any other table.
 */
function troubleColumns(table: Table): { cause?: number; fix: number } | undefined {
	if (table.children.length < 2) return undefined;
	const header = table.children[0]!.children.map((cell) => stripEmoji(cellText(cell)).trim());
	if (!TROUBLE_COLUMN.test(header[0] ?? '')) return undefined;
	const fix = header.findIndex((text, i) => i > 0 && FIX_COLUMN.test(text));
	const cause = header.findIndex((text, i) => i > 0 && CAUSES.test(text));
	// `Issue | Owner | Resolution` tracks work on issues: each row is an action item, not a fix.
	const other = header.some(
		(text, i) => i > 0 && !FIX_COLUMN.test(text) && !CAUSES.test(text) && !NOTE_COLUMN.test(text)
	);
	if (fix < 0 || other) return undefined;
	return cause > 0 ? { cause, fix } : { fix };
}

/** Column `index` of a table's body rows, empty cells left out. */
const columnOf = (table: Table, index: number): string[] =>
	table.children
		.slice(1)
		.map((row) => (row.children[index] ? cellText(row.children[index]!) : ''))
		.filter(Boolean);

/**
 * `outages`, `production incidents`, `a major outage`, `security incidents`: trouble in general,
 * what any playbook is for, no one failure.
 */
const GENERAL_TROUBLE =
	/^(?:(?:common|major|production|service|site|system|platform|security|cyber|it|critical|serious|unexpected)\s+)?(?:outages?|incidents?|failures?|errors?|issues?|problems?|emergenc(?:y|ies)|breach(?:es)?|attacks?|events?)$/i;

/**
 * `Runbook: Ingest lag`, `Troubleshooting: queue backlog grows`: a heading naming one runbook. After
 * `Troubleshooting:` only a failure or an alert is one (`Troubleshooting: general tips` is a guide);
 * `Response procedures for security incidents` names every incident, so it is the process.
 */
function namesRunbook(heading: string): boolean {
	const text = stripEmoji(heading).replace(OWNER_LABEL, '');
	if (!TROUBLE_PREFIX.test(text))
		return (
			RUNBOOK_PREFIX.test(text) &&
			!GENERAL_TROUBLE.test(
				text.replace(RUNBOOK_PREFIX, '').replace(/^(?:all|any|every|each|other|an?|the)\s+/i, '')
			)
		);
	const rest = text.replace(TROUBLE_PREFIX, '');
	return troubled(rest) || isSituation(rest) || !!alertOfHeading(rest);
}

/**
 * Evidence that a `Runbook: X` or `Alert: X` section holds a runbook and is not a title over prose:
 * a symptom table, a list of steps, or parts that are a runbook's steps.
 */
function hasRunbookContent(doc: Doc, section: Section): boolean {
	if (section.nodes.some((node) => symptomTable(node) || node.type === 'list')) return true;
	return partsOf(doc, section).some((part) => part.label && isRunbookStep(part.label));
}

/**
 * A section that names itself a runbook (`Runbook: X`, `Alert: X`): a scenario at any depth when it
 * holds a runbook's content and is not about messages. Undefined when the heading is not such a name.
 */
function namedRunbook(doc: Doc, section: Section): boolean | undefined {
	if (!namesRunbook(section.title) && !alertHeading(section.title)) return undefined;
	// `Troubleshooting: no message reaches the channel` diagnoses the messaging: its own title is
	// no heading over messages to send, only those above it can be.
	const diagnoses = TROUBLE_PREFIX.test(stripEmoji(section.title)) && section.parent;
	return hasRunbookContent(doc, section) && !inCommunication(diagnoses || section);
}

/** Whether `name` is written like an alert: `DiskAlmostFull`, `disk_usage_high`. */
const alertLike = (name: string): boolean =>
	ALERT.test(name) || /^[a-z][a-z0-9]*(?:[_.][a-z0-9]+)*_[a-z0-9]+(?:[_.][a-z0-9]+)*$/.test(name);
/** Words after an alert's name saying it went off: ``\`X\` fired``, ``\`X\` is firing``, ``\`X\` alert``. */
const FIRING =
	/^\s+(?:\([^)]*\)\s+)?(?:(?:is|has|was|have)\s+)?(?:alerts?|fir(?:ed|es|ing)|goes off|went off)\b/i;

/**
 * Alert names a piece of prose gives: a code span or a quoted identifier next to the word "alert"
 * (``the `DiskAlmostFull` alert``, `"ErrorsInExternalDNS" alerts`, ``alert `X` ``), a bare
 * identifier before "alert" that says what is wrong (`an ErrorsInExternalDNS alert`, not `a
 * PagerDuty alert`), and `alertname: X` in a pasted alert payload.
 */
function alertsInProse(doc: Doc, markdown: string): Set<string> {
	const names = new Set<string>();
	const add = (name: string | undefined) => name && alertLike(name) && names.add(name);
	visit(parseMarkdown(markdown), (node, index, parent) => {
		// `alertname: X` in a pasted payload, `- alert: X` in a pasted alerting rule.
		if (node.type === 'code') {
			for (const match of node.value.matchAll(
				/^\s*(?:-\s+)?"?alert(?:name)?"?\s*[:=]\s*["']?([A-Za-z][\w.]*)/gm
			))
				add(match[1]);
			return;
		}
		// A line labelled with the alert: `**Alert**: PoolExhausted`, `Alert name: \`disk_io_high\``.
		if (node.type === 'paragraph') {
			for (const line of toString(node).split('\n'))
				add(/^\s*alert(?:\s+name)?s?\s*[:=]\s*([A-Za-z][\w.]*)\s*$/i.exec(line)?.[1]);
			return;
		}
		if (node.type === 'text') {
			const text = node.value;
			for (const match of text.matchAll(
				/["“]([A-Za-z]\w*)["”]\s+alerts?\b|\balerts?\s+["“]([A-Za-z]\w*)["”]/gi
			))
				add(match[1] ?? match[2]);
			for (const match of text.matchAll(/\b([A-Za-z]\w*)\s+alerts?\b/g))
				if (ALERT.test(match[1]!) && strongAlert(doc, match[1]!)) add(match[1]);
			return;
		}
		if (node.type !== 'inlineCode' || !alertLike(node.value) || !parent || index === undefined)
			return;
		const before = parent.children[index - 1];
		// `\`A\` or \`B\` fired`: the words after the last of a run of names speak for each.
		let last = index;
		while (
			parent.children[last + 1]?.type === 'text' &&
			// `\`A\` (system) and \`B\` (apps) alerts`: a note on a name stays with it.
			/^\s*(?:\([^)]*\)\s*)?(?:,|\/|or|and)\s*$/i.test(
				(parent.children[last + 1] as { value: string }).value
			) &&
			parent.children[last + 2]?.type === 'inlineCode'
		)
			last += 2;
		const after = parent.children[last + 1];
		if (
			(after?.type === 'text' && FIRING.test(after.value)) ||
			(before?.type === 'text' && /\balert\s+$/i.test(before.value))
		)
			add(node.value);
	});
	return names;
}

/**
 * The alert a section names in its prose. The lead (before the first sub-heading) names the alert
 * the page is about (`When you see a \`X\` alert …`); later text may name others it leads to, so
 * the lead's one name wins. Elsewhere only one name in the whole section counts: a section naming
 * two may be pointing at another alert's runbook.
 */
function proseAlert(doc: Doc, section: Section): string | undefined {
	const leadEnd = section.children[0]?.start ?? section.end;
	const lead = alertsInProse(doc, doc.source.slice(section.contentStart, leadEnd));
	if (lead.size === 1) return [...lead][0];
	const names = alertsInProse(doc, doc.source.slice(section.start, section.end));
	return names.size === 1 ? [...names][0] : undefined;
}

/**
 * The alerts a section's own text says it covers (`This covers both the \`DiskFullSystem\` and
 * \`DiskFullApps\` alerts`): the heading's name then groups them, and is no alert of its own.
 */
const COVERS = /\b(?:covers|covering|applies to|is for|stands for|groups)\b/i;
function coveredAlerts(doc: Doc, section: Section): string[] {
	const first = section.nodes.findIndex((node) => node.type === 'list' || node.type === 'code');
	for (const node of section.nodes.slice(0, first < 0 ? undefined : first)) {
		const text = sourceOf(doc, node);
		const names = alertsInProse(doc, text);
		if (names.size >= 2 && COVERS.test(toString(node))) return [...names];
	}
	return [];
}

/**
 * A heading without what it calls its section before the name: `Alert: X`, `Alert Runbook – X`,
 * `Alert name X`, or a short label before a colon (`Rule name: X`). A name quoted after its label
 * (`Alert Name: "KubeAPIDown"`) is the name without its quotes.
 */
const withoutNameLabel = (heading: string): string =>
	heading
		.replace(RUNBOOK_PREFIX, '')
		.replace(/^(?:alert|alarm)(?:\s+(?:name|rule))?\s*[:–—-]?\s+/i, '')
		.replace(/^[A-Za-z]+(?:\s+[A-Za-z]+){0,2}\s*:\s+(?=\S+$)/, '')
		.replace(/^["“'`](\S+?)["”'`]$/, '$1');

/** The alert a heading names: `KubeJobFailed`, `Alert: disk_usage_high`; undefined for prose. */
export function alertOfHeading(text: string): string | undefined {
	// `[P1] X`, `X (critical)`, `X alert`: the decoration is not part of the name.
	const name = withoutNameLabel(stripEmoji(text).trim())
		.replace(/^\[[^\]]*\]\s*/, '')
		.replace(/\s*\([^)]*\)$/, '')
		.replace(/\s+(alert|runbook|playbook)$/i, '');
	// `SLOs`, `APIs`: an acronym's plural is one word, not an alert's name.
	if (!IDENTIFIER.test(name) || /^[A-Z]{2,}s$/.test(name)) return undefined;
	const words = wordsOf(name);
	// `DDoS`, `IPv6`: an acronym written in mixed case has no word of three letters.
	if (!name.includes('_') && words.every((word) => word.length <= 2)) return undefined;
	// Two words at least, with a change of case or an underscore between them (not `PAGERDUTY`).
	return words.length >= 2 && /[a-z]/.test(name) ? name : undefined;
}

/** A heading that is an alert's name: `HighMemoryUsage`, `KubePodCrashLooping`. */
export const isAlertName = (text: string): boolean => alertOfHeading(text) !== undefined;

/** Alert names the document defines: `alert: KubeJobFailed` in a rules file, `**Alert**: \`X\``. */
const knownAlerts = new WeakMap<Doc, Set<string>>();
function alertsOf(doc: Doc): Set<string> {
	let known = knownAlerts.get(doc);
	if (!known) {
		known = new Set(
			[...doc.source.matchAll(/\balert\**\s*:\**\s*[`"']?([A-Za-z][A-Za-z0-9_:]*)/gi)].map(
				(match) => match[1]!
			)
		);
		knownAlerts.set(doc, known);
	}
	return known;
}

/**
 * An alert name strong enough to stand without labels: one that says what is wrong
 * (`ManifestWorkApplyFailed`, `TargetDown`) or that the document defines as an alert. `GitHub` or
 * `PagerDuty` alone is a product, not an alert.
 */
function strongAlert(doc: Doc, name: string): boolean {
	return wordsOf(name).some((word) => CONDITION.test(word)) || alertsOf(doc).has(name);
}

/**
 * The alert a section's lead defines, on a line of its own: the rule (`- alert: X` in a code block)
 * or a label (`Alert: X`). Prose naming an alert in passing does not define one.
 */
function definedAlert(doc: Doc, section: Section): string | undefined {
	const lead = doc.source.slice(section.contentStart, section.children[0]?.start ?? section.end);
	if (!/^\s*(?:[-*+]\s+)?(?:\*\*|__)?alert(?:\s*name)?(?:\*\*|__)?\s*[:=]/im.test(lead))
		return undefined;
	const names = alertsInProse(doc, lead);
	return names.size === 1 ? [...names][0] : undefined;
}

/**
 * A page whose lead opens by saying when its alert goes off (`This alert fires when the queue …`,
 * `The alert is triggered if …`) is that alert's runbook, whatever its title (`Elevated Error Rate
 * Alert`), when it goes on to say what to do: a section of steps, a list or a query to run.
 */
const FIRES_WHEN =
	/^(?:this|the)\s+alert\s+(?:(?:will\s+)?fires?|(?:is\s+)?triggered|(?:is\s+)?raised|goes\s+off)\s+(?:when|if|whenever)\b/i;
function firingPage(doc: Doc, section: Section): boolean {
	const lead = section.nodes[0];
	return (
		lead?.type === 'paragraph' &&
		FIRES_WHEN.test(toString(lead)) &&
		!inCommunication(section) &&
		hasSteps(doc, section)
	);
}

/** Commands or checks in a section: what makes a labelless section under an alert's name a runbook. */
const OPERATIONAL =
	/\b(check|restart|verify|inspect|investigate|look at|run|scale|roll ?back|delete|describe|logs?|query|dashboard)\b/i;
function operational(section: Section): boolean {
	const nodes = [section, ...allSections(section)].flatMap((s) => s.nodes);
	return nodes.some(
		(node) => node.type === 'code' || (node.type !== 'heading' && OPERATIONAL.test(toString(node)))
	);
}

/**
 * Words naming trouble beyond an alert's condition words: what a situation heading is about
 * (`If DNS is the issue`, `If there is a security breach`). "Incident" alone is not one: `If the
 * incident needs the continuity plan` is a step of the process, not a kind of failure.
 */
const TROUBLE =
	/^(never|issues?|problems?|breach(es)?|attack(s|ed)?|compromised?|broken|bugs?|faults?|faulty|corrupt(ed|ion)?|lost|loss|unresponsive|fails|hacked|ransomware|phishing|ddos|stolen|suspicious|erroring|wrong|outages?|crash(es|ed)?|disrupt(ed|ion)|leaked|exposed|intrusion|malware|struggling|unable|cannot|can't|violations?|incorrect|inaccurate|dead|vulnerable|vulnerabilit(y|ies))$/i;
/** `Planned outage`, `scheduled downtime`: maintenance the team chose, not a failure. */
const PLANNED = /\b(?:planned|scheduled)\s+(?:outages?|downtime|disruptions?)\b/gi;
const troubled = (text: string): boolean =>
	stripEmoji(text)
		.replace(PLANNED, '')
		.split(/[\s/,()–—]+/)
		.map((word) => word.replace(/^[^A-Za-z']+|[^A-Za-z']+$/g, ''))
		.some((word) => CONDITION.test(word) || TROUBLE.test(word));
/** `If …`, `In case of …`, `In the event that …`, `Should …`: a heading phrased as a condition. */
const CONDITIONAL = /^(if|in case( of)?|in the event( of| that)?|should|whenever)\s+\S/i;
/** `Database is down`, `Deploy has failed`, `Queue keeps growing too fast`: a state, then the trouble. */
const STATE =
	/\b(?:is|are|was|were|has|have|keeps?|seems?|goes|went|gets?|got|becomes?|became)\s+(?:(?:not|being|been|too|very|almost|completely|partially)\s+)*(\S+)/i;
/** `Payments failing`, `Site down`; not a step such as `Stand down` or `Scale down`. */
const ENDS_FAILING =
	/\S\s+(fail(s|ed|ing)?|down|offline|unavailable|unreachable|stuck|slow|crash(es|ed|ing)|expired|expiring|hung|leaking|timing out|degraded|unhealthy|overloaded|compromised|breached|corrupted|erroring|saturated|throttled|flapping|exhausted|refused)$/i;
const STEP_DOWN =
	/\b(stand|wind|step|shut|scale|break|calm|slow|cool|write|narrow|track|hunt|tone|turn|bring|take|back|close)\s+down$/i;

/**
 * `If the on-call engineer is unreachable for 5 minutes`, `If nobody acknowledges`, `In case the IC
 * does not answer`: a condition on the people responding (who, and their silence or a time) is
 * when an escalation moves on, not a kind of incident. `If engineers cannot deploy` is one.
 */
const RESPONDER =
	/\b(on-?call|engineers?|responders?|commanders?|IC|team leads?|managers?|directors?|VP|CTO|nobody|no-?one)\b/i;
const UNANSWERED =
	/\b(unreachable|unavailable|unresponsive|acknowledg\w*|ack(ed|s)?|respond(s|ed)?|response|answer\w*|reach(ed)?|picks? up|picked up|(for|within|after|in) \d+)\b/i;
const escalationCondition = (text: string): boolean =>
	RESPONDER.test(text) && UNANSWERED.test(text);
/**
 * `Escalation process when production is down`, `Contact procedure if the site is hacked`: the
 * heading names how the team is reached or told, and the trouble only says when; that is the
 * escalation or communication procedure, not a failure with its runbook.
 */
const RESPONSE_PROCEDURE =
	/^(?:the\s+|our\s+)?(?:escalation|escalating|contact(?:ing)?|call-?outs?|paging|notifications?|communications?|reporting)(?:\s+(?:process|procedure|policy|plan|protocol|path|flow|chain|steps))?\s+(?:when|if|for|in case|during|whenever|on)\b/i;

/**
 * `400 Bad Request - …`, `HTTP 502 Bad Gateway`, `Error 429: Too Many Requests`: an HTTP error
 * status by its code and reason, which names the failure a client sees.
 */
const HTTP_ERROR =
	/^(?:(?:http|error|status)\s*)?[45]\d\d\s*(?:[:–—-]\s*)?(?:bad request|unauthori[sz]ed|forbidden|not found|method not allowed|not acceptable|request time-?out|conflict|gone|payload too large|request entity too large|unprocessable|too many requests|internal server error|not implemented|bad gateway|service unavailable|gateway time-?out)\b/i;

/**
 * A heading that names a situation, numbered or not: `1. If the service is slow`, `In case of a
 * security breach`, `Database is down`, `Payments failing`. A condition must name trouble; a
 * question (`If I am paged, who do I call?`) is an FAQ's.
 */
function isSituation(title: string): boolean {
	const text = stepName(title);
	if (!text || text.split(/\s+/).length > 14 || isQuestion(text) || /\?\s*$/.test(text))
		return false;
	// `An incident is not`, `Outages are`: a definition its list finishes, no state of a system.
	if (OPEN_COPULA.test(text)) return false;
	// Tested before the code is read as a step number.
	if (HTTP_ERROR.test(stripEmoji(withoutTags(title)).trim())) return true;
	if (escalationCondition(text) || RESPONSE_PROCEDURE.test(text)) return false;
	if (CONDITIONAL.test(text)) return troubled(text.replace(CONDITIONAL, ''));
	// `I have no clue where to start`: the reader speaking, as an FAQ does, not a system's state.
	if (/^i\b/i.test(text)) return false;
	if (NOT_WELL.test(text) || CANNOT.test(text)) return true;
	const state = STATE.exec(text)?.[1];
	if (state && troubled(state)) return true;
	const fails = FAILS.exec(text);
	if (fails && !FAILS_NOT_SUBJECT.test(fails[1]!)) return true;
	return ENDS_FAILING.test(text) && !STEP_DOWN.test(text);
}

/**
 * `An incident is not:`, `Outages are:`, `A page isn't`: a verb of being with nothing after it. What
 * follows (a list) completes the sentence: a definition, or what the term excludes, never a
 * failure with its steps, though `not` is a word of trouble elsewhere.
 */
const OPEN_COPULA = /\b(?:is|are|was|were|isn't|aren't|wasn't|weren't)(?:\s+not)?\s*:?\s*$/i;

/**
 * `Node seems not fine`, `The API is not responding`, `Backup stuck in progress`: a subject in a
 * state it should not be in, said by negating a good one or by what holds it.
 */
const NOT_WELL =
	/\b(?:is|are|was|were|seems?|looks?|appears?)\s+(?:(?:still|completely|really)\s+)?(?:not|n't)\s+(?:fine|ok|okay|well|working|healthy|ready|running|responding|reachable|accessible|available|starting|syncing|ingesting|reconciling)\b|^\S+(?:\s+\S+){0,3}?\s+(?:stuck|hung|hanging|frozen)\s+(?:in|on|at|during|while|after|when)\b/i;
/**
 * `Node cannot be accessed via SSH`, `Pods won't start`, `Users can't log in`: a subject that no
 * longer does what it should. `You cannot skip the review` is a rule told to the reader.
 */
const CANNOT =
	/^(?!(?:you|we|i|they|it|this|that|there|nobody|no-?one|people|one|do|never|always|why|how|what|when|where|who)\b)(?:(?:an?|the|some|all)\s+)?[\w`.-]+(?:\s+[\w`.-]+){0,3}?\s+(?:cannot|can't|can not|could not|couldn't|won't|will not|doesn't|does not|don't|do not|is unable to|are unable to|fails? to|failed to)\s+(?:be\s+)?[a-z]+/i;

/**
 * `OSD prepare job fails due to a low limit`, `Sync hangs after a restart`: a subject, then the
 * failing verb with what it fails on. Not a step's condition or question (`Retry once the job
 * fails with …`, `Find out why the job fails on retry`).
 */
const FAILS_NOT_SUBJECT =
	/\b(if|when|whenever|unless|until|before|after|once|case|what|why|how|which|where|whether)\b/i;
const FAILS =
	/^(\S+(?:\s+\S+){0,6}?)\s+(?:fails|failed|crashes|crashed|hangs|hung|times out|timed out)\s+(?:due to|because|with|on|after|when|during|while|for)\b/i;

/** `How do I fix …?`, `Why am I getting …?`: a question asked only about something going wrong. */
const FIX_QUESTION =
	/^(?:how\s+(?:do|can|should)\s+(?:i|we|you)\s+|how\s+to\s+)(?:fix|resolve|solve|troubleshoot|recover from|get rid of|work around|get past)\b|^why\s+(?:am|are)\s+(?:i|we|you)\s+(?:getting|seeing)\b/i;
/** `Why is my deploy stuck …?`: what the question asks about follows. */
const WHY_QUESTION =
	/^why\s+(?:is|are|does|do|did|was|were|has|have|won't|doesn't|isn't|aren't|can't)\s+(.+)$/i;
/** `The mirror does not sync, how do I fix it?`: a statement of trouble, then the question. */
const FIX_TAIL =
	/^(.+?)[,;.]?\s+(?:how\s+(?:do|can|should)\s+(?:i|we|you)\s+(?:fix|solve|resolve|troubleshoot|reset|recover|repair)\s+(?:it|this|that)|what\s+(?:do|should|can)\s+(?:i|we|you)\s+do)\s*\?$/i;
/** Trouble a question states in words a condition list leaves out. */
const NEGATED =
	/\b(does not|doesn't|do not|don't|will not|won't|is not|isn't|are not|aren't|cannot|can't|unable|out of sync|forgot|forgotten|lost)\b/i;
/** Words too weak alone to make a question about trouble: `Why is there no rota on Sundays?` */
const WEAK = /^(no|not|too|high|low|limit|pending|almost|missing|behind)$/i;
const stronglyTroubled = (text: string): boolean =>
	NEGATED.test(text) ||
	text
		.split(/[\s/,()`'"–—]+/)
		.map((word) => word.replace(/^[^A-Za-z']+|[^A-Za-z']+$/g, ''))
		.some((word) => (CONDITION.test(word) && !WEAK.test(word)) || TROUBLE.test(word));

/**
 * A troubleshooting FAQ's question about one failure: `How do I fix \`invalid cookie\`?`, `Why am
 * I getting \`x509: …\`?`, `The mirror does not sync, how do I fix it?`, or `Why is my deploy
 * stuck?` over steps. A question about the process (`When is the handover?`, `Why is there no rota
 * on Sundays?`, `What if the on-call does not answer?`) is an FAQ's, never a scenario.
 */
function faqProblem(doc: Doc, section: Section): boolean {
	const title = stepName(withoutTags(section.title));
	if (!/\?\s*$/.test(title) || escalationCondition(title) || inCommunication(section)) return false;
	const answered = section.nodes.length > 0 || section.children.length > 0;
	// `How do I fix the issue?` under a problem is a step of its answer.
	if (FIX_QUESTION.test(title))
		return answered && !/\b(?:the|this|that|it)(?:\s+(?:issue|problem|error))?\s*\?$/i.test(title);
	const why = WHY_QUESTION.exec(title)?.[1];
	if (why) return stronglyTroubled(why) && hasSteps(doc, section);
	const stated = FIX_TAIL.exec(title)?.[1];
	return !!stated && stronglyTroubled(stated) && answered;
}

/**
 * A heading over kinds of trouble that does not call them scenarios: `Common problems`, `Known
 * issues`, `Failure modes`, `How to resolve certain issues`. Its sections naming trouble are
 * scenarios when they hold steps; `Restoring backups` there is a procedure.
 */
const TROUBLE_GROUP =
	/\b(common|known|frequent|typical|certain|recurring|intermittent)\s+(problems|issues|failures|errors|faults|outages)\b|^(debugg?ing|troubleshooting|investigating|handling)\s+(outages|incidents|failures|errors|issues|problems)$|\bfailure (modes|cases)\b|^(how to )?(resolv(e|ing)|fix(ing)?|handl(e|ing)) (certain |common )?(problems|issues|failures)\b|^what to do (if|when)\b/i;

/** `Failures`, `Known errors`: a heading that is only the kinds of trouble its sections are. */
const BARE_TROUBLE = /^(?:(?:known|common)\s+)?(?:failures|errors|issues|problems)$/i;

/**
 * A group of known issues, by its heading (`Known issues`, `Failures`) or, under a heading naming
 * none (a page title, a template's placeholder), by a short lead saying so: `Known issues met
 * during an upgrade`, `Examples of common errors you may face`.
 */
function troubleGroup(doc: Doc, section: Section): boolean {
	const title = stripEmoji(section.title);
	if (TROUBLE_GROUP.test(title) || BARE_TROUBLE.test(stepName(title))) return true;
	const lead = section.nodes[0];
	if (lead?.type !== 'paragraph') return false;
	const text = inlineText(sourceOf(doc, lead));
	return (
		text.split(/\s+/).length <= 20 &&
		(/^(?:\S+\s+of\s+)?(?:common|known|frequent|typical|recurring)\s+(?:problems|issues|failures|errors|faults)\b/i.test(
			text
		) ||
			byKind(doc, section))
	);
}

/**
 * A guide whose short lead says it is arranged by kind of trouble (`This guide is organised by
 * the type of emergency.`, `One section per kind of outage below.`): each section under it is one
 * kind, though its title (`Fire`, `Flooding`) names no failure in words a runbook uses.
 */
const BY_KIND =
	/\b(?:(?:organi[sz]ed|arranged|grouped|sorted|ordered)\s+by|(?:one\s+)?(?:section|page|chapter)\s+(?:per|for\s+each|for\s+every))\s+(?:the\s+)?(?:(?:type|kind|category|sort)\s+of\s+)?(?:emergenc(?:y|ies)|incidents?|outages?|failures?|problems?|issues?|errors?|disasters?|hazards?)\b/i;
function byKind(doc: Doc, section: Section): boolean {
	const lead = section.nodes[0];
	if (lead?.type !== 'paragraph') return false;
	const text = inlineText(sourceOf(doc, lead));
	return text.split(/\s+/).length <= 20 && BY_KIND.test(text);
}

/**
 * `### Spikes in traffic` under `## Networking errors` in `# Common problems`: a known issue written
 * one level too deep, after the parts of the issue before it. It names trouble of its own, as its
 * parent does, says what it is and holds steps. A branch of its parent is written as a condition
 * (`If the DNS is down`); a sample (`### Example error` over a log line) opens its parent's parts.
 */
function nestedIssue(doc: Doc, section: Section): boolean {
	const outer = section.parent;
	const title = stepName(section.title);
	return (
		!!outer?.parent &&
		outer.children.indexOf(section) > 0 &&
		section.nodes[0]?.type === 'paragraph' &&
		troubleGroup(doc, outer.parent) &&
		troubled(outer.title) &&
		troubled(title) &&
		!CONDITIONAL.test(title) &&
		!OWN_TITLE.test(title) &&
		!isRunbookStep(section.title) &&
		!inCommunication(section) &&
		hasSteps(doc, section)
	);
}

/** A plan for recovering from disaster: it has a section for each part that can be lost. */
const RECOVERY_PLAN = /\b(?:disaster recovery|business continuity)\b/i;
const RECOVERS = /^(?:recover(?:ing)?|restor(?:e|ing)|rebuild(?:ing)?|re-?creat(?:e|ing))\s+\S/i;

/**
 * `### Recovering the build server configuration` in a `# Disaster Recovery Plan`: what to do when
 * that part is lost, a scenario of the plan. A numbered step (`Step 3: Restore the database`) is
 * a step of one recovery, not a part of its own.
 */
function recoverySection(section: Section): boolean {
	const title = stripEmoji(withoutTags(section.title)).trim();
	return (
		RECOVERS.test(title) &&
		stepName(title) === title &&
		!!section.parent &&
		underHeading(section.parent, RECOVERY_PLAN) &&
		section.nodes.length > 0 &&
		!inCommunication(section)
	);
}

/**
 * `## Handling compromises` over `### Servers`, `### Redis`: the heading names what goes wrong, and
 * each section under it is a part it can happen to, with what to do then. A part told only as a
 * risk (no list, nothing anyone should or must do) holds no response.
 */
const HANDLES_TROUBLE =
	/^(?:handling|responding to|dealing with|recovering from)\s+(?:(?:a|an|the)\s+)?(?:compromises?|breach(?:es)?|outages?|failures?)$/i;
const INSTRUCTS = /\b(?:should|must|needs? to)\s+(?:(?:then|also|immediately|be|\w+ly)\s+)*[a-z]+/i;
function handledPart(doc: Doc, section: Section): boolean {
	const title = stepName(stripEmoji(section.title));
	return (
		!!section.parent &&
		HANDLES_TROUBLE.test(stepName(stripEmoji(section.parent.title))) &&
		section.parent.children.length >= 2 &&
		title.split(/\s+/).length <= 5 &&
		!isQuestion(title) &&
		!/\?\s*$/.test(title) &&
		!isRunbookStep(section.title) &&
		!inCommunication(section) &&
		(hasSteps(doc, section) ||
			section.nodes.some(
				(node) => node.type === 'paragraph' && INSTRUCTS.test(inlineText(sourceOf(doc, node)))
			))
	);
}

/** `Handling` in `Handling downtime - StatusCake`: the verb a heading investigating something starts with. */
const verbOf = (title: string): string | undefined => {
	const text = stepName(title);
	return INVESTIGATION.test(text)
		? text
				.replace(/^how to\s+/i, '')
				.split(/\s+/)[0]!
				.toLowerCase()
		: undefined;
};

/** `Handling infra alerts` under `Handling alerts and errors`: its parent's sub-sections headed alike. */
function sameVerbChildren(section: Section): Section[] {
	const verb = verbOf(section.title);
	return verb ? section.children.filter((child) => verbOf(child.title) === verb) : [];
}

/**
 * One of several sections a parent heads with its own verb (`Handling downtime`, `Handling
 * Sentry errors` under `Handling alerts and errors`): each handles one source of trouble, the parent
 * none. A section heading more of them is a group again.
 */
function handlerOf(section: Section): boolean {
	return (
		!!section.parent &&
		sameVerbChildren(section.parent).length >= 2 &&
		sameVerbChildren(section.parent).includes(section) &&
		sameVerbChildren(section).length < 2 &&
		!inCommunication(section)
	);
}

/** Sections written alike: one sharing a sub-heading (`Performance Steps`) with a sibling. */
function writtenAlike(section: Section): boolean {
	const titles = new Set(section.children.map((child) => stepName(child.title).toLowerCase()));
	return (section.parent?.children ?? []).some(
		(other) =>
			other !== section &&
			other.children.some((child) => titles.has(stepName(child.title).toLowerCase()))
	);
}

/**
 * A known issue told in prose (`Quota limit reached` over what to raise in the portal) among
 * known issues with steps: written as its siblings are, bar the list.
 */
function proseFix(doc: Doc, section: Section): boolean {
	const siblings = (section.parent?.children ?? []).filter(
		(other) => other !== section && troubled(other.title) && hasSteps(doc, other)
	);
	// One such sibling is enough when the prose itself says what fixes it (`… can usually be
	// resolved by changing the config`, `… to try to fix the issue`).
	const told = section.nodes.some(
		(node) => node.type === 'paragraph' && RESOLVED_BY.test(inlineText(sourceOf(doc, node)))
	);
	return (
		troubled(section.title) &&
		section.children.length === 0 &&
		section.nodes.some((node) => node.type === 'paragraph') &&
		(siblings.length >= 2 || (siblings.length >= 1 && told))
	);
}

/** `… can usually be resolved by …`, `… to try to fix the issue`: prose saying what fixes it. */
const RESOLVED_BY =
	/\b(?:can|could|may|might|will|should)\s+(?:usually\s+|often\s+|typically\s+|normally\s+|generally\s+|also\s+)?be\s+(?:resolved|fixed|solved|remedied|cured|cleared)\s+(?:by|with)\b|\bto\s+(?:try\s+to\s+|help\s+)?(?:fix|resolve|solve|remedy)\s+(?:the|this|that|it)\b/i;

/**
 * `This is likely indicative of the host being down`, `It usually means …`: the lead of a section
 * under an alerts heading saying what the alerts point to.
 */
const INDICATES =
	/\b(?:indicat(?:es?|ive|ing)|means?|points?\s+to|is\s+(?:usually\s+|often\s+)?a\s+sign|suggests?|(?:is|are)\s+(?:usually\s+|often\s+)?caused\s+by)\b/i;

/**
 * `### Many alerts from one host` under `## Common monitoring alerts`: a kind of alert told by what
 * it points to, over numbered steps (nested under its possibilities too). Its heading need not be
 * an alert's name.
 */
function readAlert(doc: Doc, section: Section): boolean {
	const lead = section.nodes[0];
	if (lead?.type !== 'paragraph' || !INDICATES.test(inlineText(sourceOf(doc, lead)))) return false;
	let ordered = false;
	for (const s of [section, ...allSections(section)])
		for (const node of s.nodes)
			visit(node, 'list', (list) => {
				if (list.ordered && list.children.length >= 2) ordered = true;
			});
	return ordered;
}

/**
 * `### Expired certificate list` under `## VPN debugging`, whose text sends the reader there (`… a
 * sure sign of an [expired certificate list](#expired-certificate-list)`): a failure the runbook
 * around it diagnoses, with numbered steps of its own, is a runbook of its own. A linked section
 * naming no trouble (`SSH to the VPN host`) is a procedure the runbook uses, and stays in it.
 */
function linkedIssue(doc: Doc, section: Section): boolean {
	const outer = section.parent;
	const title = stepName(stripEmoji(section.title));
	if (
		!outer?.heading ||
		!section.heading ||
		section.children.length > 0 ||
		!troubled(title) ||
		CONDITIONAL.test(title) ||
		isQuestion(title) ||
		isRunbookStep(section.title) ||
		OWN_TITLE.test(title) ||
		SAMPLE_HEADING.test(title) ||
		inCommunication(section) ||
		!section.nodes.some((node) => node.type === 'list' && node.ordered)
	)
		return false;
	const anchor = `#${githubAnchor(toString(section.heading))}`;
	let linked = false;
	for (const node of outer.nodes)
		visit(node, 'link', (link) => {
			if (link.url.toLowerCase() === anchor) linked = true;
		});
	return linked && looksLikeScenario(doc, outer);
}

/**
 * `Varnish gives me an error page`, `The API returns us a blank body`: a heading in a
 * troubleshooting guide saying what the reader is handed. Not `This page gives you …`, which is
 * about the guide.
 */
const HANDED =
	/^(?!(?:you|we|i|they|it|this|that|there|here|these|those)\b)\S+(?:\s+\S+){0,3}?\s+(?:gives|gave|throws|threw|returns|returned|serves|served|hands)\s+(?:me|us|you)\s+\S/i;
const TROUBLESHOOTING_GUIDE = /\b(?:troubleshoot\w*|debugg?ing|problems|issues|errors|faq)\b/i;
function handedSituation(doc: Doc, section: Section): boolean {
	if (!HANDED.test(stepName(stripEmoji(section.title))) || inCommunication(section)) return false;
	let guide = false;
	for (let at = section.parent; at; at = at.parent)
		if (TROUBLESHOOTING_GUIDE.test(stripEmoji(at.title))) guide = true;
	return guide && hasSteps(doc, section);
}

/**
 * `## Upstream failures` over `If the issue needs action from us, we should …` and `If it does not,
 * we should still …`: a kind of failure, its response told as branches in prose. Two or more
 * conditions, each saying what to do; a condition on the responders (`If nobody answers …`) is an
 * escalation, and a section with a list or sub-sections is read by the rules for those.
 */
function proseBranches(doc: Doc, section: Section): boolean {
	const title = stepName(stripEmoji(section.title));
	if (
		section.depth < 2 ||
		section.children.length > 0 ||
		!section.nodes.length ||
		!section.nodes.every((node) => node.type === 'paragraph') ||
		!troubled(title) ||
		GENERAL_TROUBLE.test(title) ||
		BARE_TROUBLE.test(title) ||
		TROUBLE_GROUP.test(title) ||
		RESPONSE_PROCEDURE.test(title) ||
		escalationCondition(title) ||
		isQuestion(title) ||
		OWN_TITLE.test(title) ||
		inCommunication(section) ||
		underHeading(section, REPORT)
	)
		return false;
	const branches = section.nodes.filter((node) => {
		const text = inlineText(sourceOf(doc, node));
		return CONDITIONAL.test(text) && INSTRUCTS.test(text) && !escalationCondition(text);
	});
	return branches.length >= 2;
}

/**
 * `… you may see errors like:`, `… fails with the error:`, `describing the pod shows:`: a lead over
 * the output a failure prints. A lead saying what to run (`Run this to see the logs:`) or how to fix
 * it (`To fix it, set:`) introduces a command or a change, never the failure.
 */
const ERROR_LEAD =
	/\b(?:errors?|exceptions?|warnings?|fail(?:s|ed|ing|ures?)?|crash(?:es|ed|ing)?|denied|refused|timed out|times out|(?:you|we)\s+(?:(?:may|might|will|can|could|would)\s+)?(?:see|get|encounter|hit|run into)|shows?|showed|is seen|appears?|prints?|returns?|fill(?:s|ed)? with|(?:events?|messages?|lines?|output)\s+(?:like|such as))\b/i;
const INSTRUCTION_LEAD =
	/^(?:run|use|type|enter|paste|execute|check|open|set|add|apply|try|create|update|edit)\b|\b(?:running|command|commands)\b/i;
/** `To fix this, …`, `To work around it …`, `The solution is …`, `Workaround:`: a fix follows. */
const FIX_SAID =
	/(?:^|[.!?:]\s+)(?:to\s+(?:fix|resolve|solve|remedy|work\s+around|get\s+around|address|correct|recover\s+from)\s+(?:this|it|that|these|them|the)\b|(?:the\s+)?(?:fix|solution|workaround|remedy|resolution|cure)\s+(?:is|was|here is)\b|(?:fix|solution|workaround|resolution|remedy)\s*:)/i;

/**
 * The error output a section opens with: one or more leads (`… with errors like:`) each over a
 * fenced block of output, before anything else. Returns where the last block ends; the output is
 * what responders see (the symptom), the rest says why and how to fix it.
 */
function errorSample(doc: Doc, section: Section): number | undefined {
	let at = 0;
	for (;;) {
		const [lead, block] = [section.nodes[at], section.nodes[at + 1]];
		if (lead?.type !== 'paragraph' || block?.type !== 'code') break;
		const text = inlineText(sourceOf(doc, lead));
		// The clause right before the colon says what follows: `If it shows as failed, start it
		// again:` leads into a command.
		const clause = text.split(/[,;]\s+|[.!?]\s+/).at(-1)!;
		if (!/:\s*$/.test(text) || !ERROR_LEAD.test(clause) || INSTRUCTION_LEAD.test(clause)) break;
		if (FIX_SAID.test(text) || isClaimed(doc, startOf(block), endOf(block))) break;
		at += 2;
	}
	return at > 0 ? endOf(section.nodes[at - 1]!) : undefined;
}

/** `Special situations`, `Other cases`, `Edge cases`: a heading over cases the usual process does not cover. */
const CASES_GROUP =
	/^(?:(?:special|other|unusual|exceptional|edge|rare|specific|particular)\s+)?(?:situations|cases|circumstances)$/i;
/** `Follow this checklist if …`, `If we have leaked …,`, `Use these steps when …`: when a case applies. */
const CASE_LEAD =
	/(?:^|\s)(?:if|when|whenever|in case(?: of)?|in the event(?: of| that)?)\s+(\S[^:]*)/i;

/**
 * `### False alarm` under `## Special situations`, its lead saying when it applies (`Follow this
 * checklist if an event turns out not to be an incident:`) over what to do: one case, a scenario.
 * A case about the responders themselves (`… if you need to hand over IC duties`) is a step of the
 * response, and a part with no such lead (`Page information`) no case.
 */
function specialCase(doc: Doc, section: Section): boolean {
	const lead = section.nodes[0];
	if (!section.parent || !CASES_GROUP.test(stepName(stripEmoji(section.parent.title))))
		return false;
	if (lead?.type !== 'paragraph' || inCommunication(section) || isQuestion(section.title))
		return false;
	const condition = CASE_LEAD.exec(inlineText(sourceOf(doc, lead)))?.[1];
	return (
		!!condition &&
		!RESPONDER.test(condition) &&
		!/\bhand(?:ing)?\s*(?:over|off)\b|\bhandover\b/i.test(condition)
	);
}

/**
 * `## Restore to another region` opening `In the event that the primary region becomes unavailable,
 * …` over its steps: a heading naming the response, its first sentence the failure it answers. A
 * condition naming incidents in general (`If there is a major outage, …`) or the responders
 * (`If the on-call does not answer …`) opens a part of the process, as does a heading about roles.
 */
function openedBySituation(doc: Doc, section: Section): boolean {
	const lead = section.nodes[0];
	if (section.depth < 2 || lead?.type !== 'paragraph' || inCommunication(section)) return false;
	const title = stepName(stripEmoji(section.title));
	if (
		RESPONSE_PROCESS.test(title) ||
		aboutProcess(title) ||
		/\broles?\b|responsibilit/i.test(title) ||
		// `### 2. Check the objects` under `## Troubleshooting`: a numbered step of a runbook, whose
		// `If there are no errors, …` is a branch of that step.
		title !== stripEmoji(section.title).trim() ||
		(!!section.parent && isRunbookStep(section.parent.title))
	)
		return false;
	// `**If the job does not respond**` alone on its line heads a branch of its own (a block scenario).
	if (labelLine(sourceOf(doc, lead))) return false;
	const text = inlineText(sourceOf(doc, lead));
	if (!CONDITIONAL.test(text)) return false;
	const condition = text
		.replace(CONDITIONAL, (match) => match.slice(-1))
		.split(/[,;:]|\.\s/)[0]!
		.replace(/^(?:that\s+)?(?:there\s+(?:is|are|was)\s+)?(?:an?|the)?\s*/i, '');
	return (
		troubled(condition) &&
		!GENERAL_TROUBLE.test(condition.trim()) &&
		!escalationCondition(condition) &&
		// `If you have spotted an outage and no alert fired, …`, `If your checks suggest an incident,
		// …`: what the responders found sends them into the process (raising it, declaring one).
		!/^(?:you|your|we|our)\b|\bincidents?\b/i.test(condition) &&
		// Steps in order or commands: a bare list there (`Fixing forward has downsides: …`) is a
		// discussion of the option, not the response.
		[section, ...allSections(section)].some((s) =>
			s.nodes.some((node) => node.type === 'code' || (node.type === 'list' && !!node.ordered))
		)
	);
}

/** `Example error output`, `Sample failure`, `Error codes`: a heading over a specimen or a reference. */
const SAMPLE_HEADING =
	/^(?:an?\s+)?(?:examples?|samples?)\b|\b(?:examples?|samples?|format|reference|codes)$/i;

/**
 * Sections of one incident's write-up: `Root cause`, `What didn't work`, `Attempted solutions`,
 * `Future prevention`, a `Timeline`. Errors seen there (`## Errors we saw`) are what happened once.
 */
const LOG_SECTION =
	/^(?:root causes?|timeline|impact|lessons(?: learn(?:ed|t))?|what (?:happened|went wrong|went well|didn't work|did not work|did work|worked|we tried)|attempted (?:solutions?|fixes)|final (?:solution|fix)|future prevention|prevention|action items)$/i;
/** A section inside an incident's write-up: an ancestor dated as one, or holding its sections. */
function inIncidentLog(doc: Doc, section: Section): boolean {
	for (let at = section.parent; at; at = at.parent) {
		const dated = at.nodes.some((node) =>
			/^\W*(?:incident\s+)?date(?:\s+of\s+(?:the\s+)?incident)?\W*:/i.test(sourceOf(doc, node))
		);
		const told = at.children.filter((child) => LOG_SECTION.test(stepName(child.title))).length;
		if (dated || told >= 2) return true;
	}
	return false;
}

/**
 * A troubleshooting entry (`## EFS mount fails in one zone`, `### 502 Bad Gateway after an
 * upgrade`): its heading names the failure and its text the output it prints, then why and how to
 * fix it. One with no output, but saying how to fix it (`To fix it, add …`), is one too among
 * entries that show theirs. An incident's write-up (`Root cause`, `What didn't work`) names no
 * failure in its headings, and a report's sections never count.
 */
function troubleshootingEntry(doc: Doc, section: Section, alike = true): boolean {
	const title = stepName(withoutTags(section.title));
	if (
		section.depth < 2 ||
		section.children.length > 0 ||
		isQuestion(title) ||
		!(troubled(title) || isSituation(section.title)) ||
		SAMPLE_HEADING.test(title) ||
		// `Escalating a stuck ticket`: how the team is reached, not a failure.
		/^(?:escalat|contact|paging\b|calling\b|notifying\b)/i.test(title) ||
		(!!section.parent && inCommunication(section.parent)) ||
		underHeading(section, REPORT) ||
		inIncidentLog(doc, section)
	)
		return false;
	// Error output is never a message, so `Addon update stuck` over one is no status update.
	const sample = errorSample(doc, section);
	if (sample !== undefined) return section.nodes.some((node) => startOf(node) >= sample);
	return (
		alike &&
		!inCommunication(section) &&
		section.nodes.some(
			(node) => node.type === 'paragraph' && FIX_SAID.test(inlineText(sourceOf(doc, node)))
		) &&
		[...(section.parent?.children ?? [])].some(
			(other) =>
				other !== section &&
				errorSample(doc, other) !== undefined &&
				troubleshootingEntry(doc, other, false)
		)
	);
}

/** `An alert looks like this:`, `The Slack alert will look like this:`: a sample follows. */
const SAMPLE_LEAD = /\b(?:looks?|will look)\s+like\s+this\s*:?\s*$/i;

/**
 * A page for one incoming alert (`# Client secret rotation alerts`): its lead says what alerts and
 * shows a sample of it (a fence or a picture after `… looks like this:`), then what to do, in
 * sections of its own or an `If this happens, check …` line. The sample is what is received,
 * never a message to send.
 */
function alertSamplePage(doc: Doc, section: Section): boolean {
	if (section.depth !== 1 || inCommunication(section)) return false;
	// The sample is a fence, a quote, or a picture (which the import leaves as a line naming it).
	const at = section.nodes.findIndex(
		(node, i) =>
			node.type === 'paragraph' &&
			SAMPLE_LEAD.test(inlineText(sourceOf(doc, node))) &&
			['code', 'blockquote', 'paragraph'].includes(section.nodes[i + 1]?.type ?? '')
	);
	if (at < 0) return false;
	const told = [section.title, ...section.nodes.slice(0, at + 1).map((n) => sourceOf(doc, n))];
	if (!told.some((text) => /\balerts?\b/i.test(text))) return false;
	const after = section.nodes.slice(at + 2);
	return (
		section.children.length > 0 ||
		after.some(
			(node) =>
				node.type === 'list' ||
				(node.type === 'paragraph' &&
					/\bif (?:this|that) happens\b/i.test(inlineText(sourceOf(doc, node))))
		)
	);
}

/**
 * A lead saying the whole guide is for one situation: `… actions to take in the case of a
 * harassment complaint.`, `What to do in the event of a data breach:`. The situation follows.
 */
const FOR_ONE_SITUATION =
	/\b(?:in (?:the )?case of|in the event of)\s+(?:an?\s+|the\s+)?([^.:;!?]{3,60}?)\s*[.:]?\s*$/i;

/**
 * A file that is one situation's guide, whole (`# Conduct Response Guide`, its lead saying it is for
 * `… in the case of a harassment complaint`, over sections of steps): one scenario titled by that
 * situation. It runs after the other kinds, so the people and ladders it names stay typed as
 * roles and escalation paths; it takes what they left. A lead naming incidents in general (`in the
 * event of an incident`) or a file already holding scenarios is a playbook, not one scenario.
 */
export function recogniseDocumentScenario(context: Context): void {
	recognisePhasedPages(context);
	const { doc } = context;
	const [page, ...others] = doc.outline.children;
	if (!page || others.length || doc.outline.nodes.length || context.out.scenarios.length) return;
	const lead = page.nodes[0];
	if (page.depth !== 1 || lead?.type !== 'paragraph' || page.children.length < 2) return;
	const situation = FOR_ONE_SITUATION.exec(inlineText(sourceOf(doc, lead)))?.[1];
	if (!situation || GENERAL_TROUBLE.test(situation) || !troubled(situation)) return;
	if (inCommunication(page) || !hasSteps(doc, page)) return;
	const title = situation.charAt(0).toUpperCase() + situation.slice(1);
	const slug = uniqueSlug(slugify(title), takenIn(context, 'scenarios'));
	const body = doc.source.slice(page.contentStart, page.end).trim();
	context.out.scenarios.push({
		slug,
		data: { title, order: 10 },
		body: relevel(body, Math.min(...page.children.map((child) => child.depth))),
		from: fromSection(doc, page),
	});
	// The gaps between what the other kinds took.
	const taken = doc.claims
		.filter((c) => page.start <= c.start && c.end <= page.end)
		.sort((a, b) => a.start - b.start);
	let from = page.start;
	for (const c of [...taken, { start: page.end, end: page.end }]) {
		if (from < c.start) claim(doc, from, c.start, hrefOf(context, 'scenarios', slug));
		from = Math.max(from, c.end);
	}
}

/** `Appendix B — Regulatory Context`, `Revision History`, `References`: what follows a playbook's phases. */
const AFTER_PHASES = /^appendi(?:x|ces)\b/i;

/**
 * Pages of a security playbook, one kind of incident each, over the phases of its response
 * (`phasedIncidentPage`): one scenario a page, titled by the page, its phases the body. Like a
 * document that is one situation's guide, it runs after the other kinds, so the people, levels
 * and messages its phases name stay typed; it takes what they left, up to its appendices, which
 * stay the page's (links, queries, history).
 */
function recognisePhasedPages(context: Context): void {
	const { doc } = context;
	const taken = takenIn(context, 'scenarios');
	for (const page of doc.outline.children.filter(phasedIncidentPage)) {
		if (doc.claims.some((c) => c.start <= page.start && page.end <= c.end)) continue;
		const first = page.children.findIndex((child) => phasesOf(child.title).length > 0);
		const after = page.children.find(
			(child, index) =>
				index > first &&
				(AFTER_PHASES.test(stripEmoji(child.title)) || FURNITURE.test(stepName(child.title)))
		);
		const end = after?.start ?? page.end;
		// The page's lead and overview, then the phases of responding; getting ready beforehand
		// (`Part 1 — Prepare`: tools, access, contacts) is no step in an incident, and stays the page's.
		const ranges: [number, number][] = [[page.start, page.children[0]?.start ?? end]];
		for (const child of page.children) {
			if (child.start >= end) break;
			const phases = phasesOf(child.title);
			if (phases.length && phases.every((phase) => phase === 'prepare')) continue;
			ranges.push([child.start, Math.min(child.end, end)]);
		}
		const title = scenarioTitle(page.title) || page.title;
		const slug = uniqueSlug(slugify(title), taken);
		const body = ranges
			.map(([from, to], index) =>
				doc.source.slice(index === 0 ? page.contentStart : from, to).trim()
			)
			.filter(Boolean)
			.join('\n\n');
		context.out.scenarios.push({
			slug,
			data: { title, order: (context.out.scenarios.length + 1) * 10 },
			body: relevel(body, Math.min(...page.children.map((child) => child.depth))),
			from: fromSection(doc, page),
		});
		for (const [start, stop] of ranges) {
			const claimed = doc.claims
				.filter((c) => start <= c.start && c.end <= stop)
				.sort((a, b) => a.start - b.start);
			let from = start;
			for (const c of [...claimed, { start: stop, end: stop }]) {
				if (from < c.start) claim(doc, from, c.start, hrefOf(context, 'scenarios', slug));
				from = Math.max(from, c.end);
			}
		}
	}
}

/** A paragraph that is one command in backticks: `` `svcctl start cache` `` alone on its line. */
const commandLine = (node: Nodes): boolean =>
	node.type === 'paragraph' &&
	node.children.length === 1 &&
	node.children[0]!.type === 'inlineCode' &&
	/\s/.test(node.children[0]!.value);

/** What to do, written as steps: a list, a command, or a runbook's labelled parts. */
function hasSteps(doc: Doc, section: Section): boolean {
	// A block another recogniser typed (an escalation chain) is that entry, not this one's steps.
	const nodes = [section, ...allSections(section)]
		.flatMap((s) => s.nodes)
		.filter((node) => !isClaimed(doc, startOf(node), endOf(node)));
	if (nodes.some((node) => node.type === 'list' || node.type === 'code' || commandLine(node)))
		return true;
	return partsOf(doc, section).filter((part) => RUNBOOK_LABEL.test(part.label)).length >= 2;
}

/**
 * `How to Investigate cert-manager Errors`, `Troubleshooting a failed deploy`, `Responding to
 * KubeAPIDown`: a page on finding and fixing one failure or alert. A how-to about anything else
 * (`How to restore a backup`, `Investigating incidents`) names no trouble and stays a guide.
 */
const INVESTIGATION =
	/^(?:how to\s+)?(?:investigat(?:e|ing)|troubleshoot(?:ing)?|debug(?:ging)?|diagnos(?:e|ing)|handl(?:e|ing)|respond(?:ing)? to|deal(?:ing)? with|fix(?:ing)?|resolv(?:e|ing)|recover(?:ing)? from|mitigat(?:e|ing))\s+(.+)$/i;
function isInvestigation(doc: Doc, section: Section): boolean {
	const object = INVESTIGATION.exec(stepName(section.title))?.[1];
	// Two levels deep at most; `# Page` over `### Dealing with X` skips a level, and X is still a
	// section of the page, not a step of a runbook. `How to resolve common problems`, `Debugging
	// outages` head many situations: a group, not one runbook (a plural naming nothing that fails).
	if (
		!object ||
		(section.depth > 2 && section.parent?.depth !== 1) ||
		TROUBLE_GROUP.test(stripEmoji(section.title)) ||
		GENERAL_TROUBLE.test(object)
	)
		return false;
	const alert = object.split(/\s+/).some((word) => alertOfHeading(word));
	return (troubled(object) || alert || !!proseAlert(doc, section)) && operational(section);
}

/** `## Scenario Overview` over `**Incident**: …`, `**Impact**: …`: the situation a page is for. */
const OVERVIEW =
	/^(scenario( overview| description| summary)?|situation|incident (overview|summary|description))$/i;
const OVERVIEW_LABEL =
	/^(incident|impact|trigger|situation|scope|business impact|attack vector|description|what happened|symptoms?)$/i;

/**
 * The labelled lines of a scenario page's overview: those in its `## Scenario Overview`, or those
 * right after a `**Scenario Overview**` label.
 */
function overviewOf(doc: Doc, section: Section): Part[] {
	const parts = partsOf(doc, section);
	const at = parts.findIndex((part) => OVERVIEW.test(stepName(part.label)));
	if (at < 0) return [];
	const lines = parts[at]!.section ? partsOf(doc, parts[at]!.section!) : parts.slice(at + 1);
	const labelled = lines.findIndex((part) => !OVERVIEW_LABEL.test(part.label) || !part.value);
	return lines.slice(0, labelled < 0 ? lines.length : labelled);
}

/**
 * A whole page for one situation: `# Ransomware Response Scenario` or any heading over a
 * `Scenario Overview` of labelled lines (`**Incident**:`, `**Impact**:`), with its response as
 * timed or numbered phases. Its phases are parts of it, never scenarios of their own.
 */
function isScenarioPage(doc: Doc, section: Section): boolean {
	if (inCommunication(section) || /checklist/i.test(section.title)) return false;
	const titled = /\bscenario\b/i.test(section.title) && !/\bscenarios\b/i.test(section.title);
	const overview = overviewOf(doc, section).length > 0;
	const phases = section.children.filter(
		(child) =>
			TIME_WINDOW.test(stripEmoji(child.title)) ||
			/^(step|phase|stage)\s*\d/i.test(stripEmoji(child.title))
	).length;
	return (overview && (titled || phases >= 1 || hasSteps(doc, section))) || (titled && phases >= 2);
}

/**
 * What a plan calls the list of situations it has a page for: `Outage types include:`, `Incident
 * categories`, `Scenarios covered`, `This plan has a page for each of these situations:`. Steps,
 * phases, contents, roles are lists of another kind.
 */
const SITUATION_LIST =
	/\b(types?|kinds?|categor(y|ies)|scenarios?|situations?|incidents|outages|emergencies|failures|runbooks|playbooks)\b/i;
/** `| Incident name | Severity |`, `| Failure mode | … |`: a table's first column naming one situation a row. */
const ONE_SITUATION = /^(?:incident|outage|failure|emergency)(?:\s+(?:names?|modes?))?$/i;
const OTHER_LIST =
	/\b(steps?|phases?|stages?|contents|index|roles?|templates?|checklists?|contacts?|tools?|links|severit(y|ies)|levels?)\b/i;

/** Letters and digits only, lower case: how a list item and a heading are matched. */
const bareName = (text: string): string =>
	withoutSectionNumber(stripEmoji(text))
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '');

/** The names a list or a table's first column gives: a link's text and anchor, or the item's text. */
function listedNames(node: RootContent): string[] {
	const names: string[] = [];
	const add = (cell: Nodes) => {
		const text = inlineText(toString(cell)).replace(/\s*[-–—:]\s*$/, '');
		if (text && text.split(/\s+/).length <= 10) names.push(bareName(text));
		visit(cell, 'link', (link: Link) => {
			if (link.url.startsWith('#')) names.push(bareName(decodeURIComponent(link.url.slice(1))));
		});
	};
	if (node.type === 'list')
		for (const item of node.children) if (item.children[0]) add(item.children[0]);
	if (node.type === 'table')
		for (const row of node.children.slice(1)) row.children[0] && add(row.children[0]);
	return names;
}

/**
 * Sections a plan lists as its situations, one page each with steps (`# Email Outage` over its
 * numbered actions, listed under `Outage types include:` in the plan's overview): each is a
 * scenario though its title names no trouble and carries no runbook label. The list is a bullet
 * list under such a heading or lead-in sentence, or a table whose first column is so headed; two
 * listed sections at least must have steps.
 */
const listedOf = new WeakMap<Doc, Set<Section>>();
const listedSaid = new WeakMap<Section, string>();
function listedSituations(doc: Doc): Set<Section> {
	let listed = listedOf.get(doc);
	if (listed) return listed;
	listed = new Set();
	const sections = [...allSections(doc.outline)];
	for (const holder of [doc.outline, ...sections]) {
		if (inCommunication(holder)) continue;
		holder.nodes.forEach((node, index) => {
			const before = holder.nodes[index - 1];
			const lead =
				node.type === 'table'
					? cellText(node.children[0]?.children[0] ?? { type: 'text', value: '' })
					: before?.type === 'paragraph' && /:\s*$/.test(toString(before))
						? toString(before)
						: holder.title;
			if (node.type !== 'list' && node.type !== 'table') return;
			if (!SITUATION_LIST.test(lead) && !(node.type === 'table' && ONE_SITUATION.test(lead)))
				return;
			if (OTHER_LIST.test(lead)) return;
			const names = new Set(listedNames(node));
			const pages = sections.filter(
				(s) =>
					names.has(bareName(s.title)) &&
					!(s.start <= holder.start && holder.end <= s.end) &&
					!inCommunication(s) &&
					// A table's row tells what its incident is: the page it names is that incident's,
					// though told in prose (what it means, that no action is needed). A bare list of
					// names gives no such word, so its pages need steps.
					(node.type === 'table' ? s.nodes.length > 0 || s.children.length > 0 : hasSteps(doc, s))
			);
			if (pages.filter((page) => hasSteps(doc, page)).length < 2) return;
			for (const page of pages) listed!.add(page);
			// `| Incident name | Severity | Description |`: a row's description is what is seen.
			if (node.type !== 'table') return;
			const header = node.children[0]!.children.map((cell) => stripEmoji(cellText(cell)).trim());
			const said = header.findIndex((text, i) => i > 0 && SIGNAL_COLUMN.test(text));
			for (const row of said > 0 ? node.children.slice(1) : []) {
				const name = row.children[0] && bareName(inlineText(toString(row.children[0])));
				const page = pages.find((p) => bareName(p.title) === name);
				const text = row.children[said] && cellText(row.children[said]!);
				if (page && text) listedSaid.set(page, text);
			}
		});
	}
	listedOf.set(doc, listed);
	return listed;
}

/** A page of runbooks joined into one file: a top heading over two runbook sections, one diagnostic. */
function joinedRunbook(doc: Doc, section: Section, parts: Part[]): boolean {
	if ((section.parent?.children.length ?? 0) < 2) return false;
	if (namedRunbook(doc, section)) return true;
	return (
		parts.some((part) => DIAGNOSTIC_LABEL.test(part.label)) &&
		parts.filter((part) => RUNBOOK_LABEL.test(part.label)).length >= 2
	);
}

/** A part's label as the source wrote it, where `partsOf` reads it by its runbook label. */
const writtenLabel = new WeakMap<Part, string>();

/**
 * Labelled parts of a section. Labels sharing their first words before a runbook's label
 * (`Queue Blocking Symptoms` beside `Queue Blocking Resolution`, `**Backlog signs**` beside
 * `**Backlog fix**`) restate the section's topic: they are read as `Symptoms`, `Resolution`. One
 * of them must say what is seen, so `Incident Triage` beside `Incident Resolution` (the phases of
 * a process) stays as written, as does a lone `Burnout symptoms`.
 */
function partsOf(doc: Doc, section: Section, options?: { plainLabels?: boolean }): Part[] {
	const parts = labelledParts(doc, section, options);
	const splits = parts.map((part) => {
		const words = part.label.trim().split(/\s+/);
		for (let at = 1; at < words.length && at <= 3; at++) {
			const rest = words.slice(at).join(' ');
			if (LABEL_KINDS.some((kind) => kind.test(rest)))
				return { prefix: words.slice(0, at).join(' ').toLowerCase(), rest };
		}
		return undefined;
	});
	for (const split of splits) {
		const same = splits.filter((other) => other && other.prefix === split?.prefix);
		if (!split || same.length < 2 || !same.some((other) => SYMPTOMS.test(other!.rest))) continue;
		splits.forEach((other, i) => {
			const part = parts[i]!;
			if (other?.prefix !== split.prefix || writtenLabel.has(part)) return;
			parts[i] = { ...part, label: other.rest };
			writtenLabel.set(parts[i]!, part.label);
		});
	}
	return parts;
}

/** Labelled parts of a section, without the sub-sections in `skip` (runbooks of their own). */
const partsWithout = (doc: Doc, section: Section, skip?: Set<Section>): Part[] =>
	partsOf(doc, section).filter((part) => !part.section || !skip?.has(part.section));

/**
 * A document's furniture, and what comes after an incident (`Follow-up`, `Post-incident tasks`):
 * never a scenario, whatever it holds. A repository's README joined to its runbooks brings `How
 * to use`, `Repository layout`, `Contributing` under a heading that names runbooks.
 */
const FURNITURE =
	/^(overview|introduction|intro|purpose|scope|background|summary|contacts?|references?|glossary|terms|definitions|(table of )?contents|revision history|change ?log|history|appendix(\s+\w+)?|tools|tooling|prerequisites|requirements|about( this (document|page|runbook|playbook|repository|repo))?|how to use( this (document|page|guide|runbook|playbook|repository|repo))?|using this (document|page|guide|runbook|playbook)|getting started|contributing|contributions?|onboarding|(repository|repo|directory|folder|file) (layout|structure)|layout|conventions|license|faq|frequently asked questions|follow-?ups?( (actions?|items|tasks))?|post-?incident( (review|actions?|tasks|steps|follow-?ups?))?|after the incident|next steps)$/i;

/** `SEV1`, `P2 – Major`: a severity level's own section, which the severity recogniser reads. */
function isSeverityHeading(title: string): boolean {
	const level = parseLevel(stepName(title));
	return !!level && !troubled(level.rest) && level.rest.split(/\s+/).length <= 3;
}

/**
 * A short description over a few numbered steps, and nothing else: how a known issue is written
 * up. Its heading names the issue: not a question (`Where are the dashboards?`, an FAQ's) nor a
 * release (`Version 2.3`, which groups a release's issues).
 */
function isBriefFix(section: Section): boolean {
	const [lead, ...rest] = section.nodes;
	const list = section.nodes.find((node) => node.type === 'list');
	const title = stepName(section.title);
	return (
		section.children.length === 0 &&
		!isQuestion(title) &&
		!/\?\s*$/.test(title) &&
		!/^(v|version|release)?\s*\d+(\.\d+)*\b|\b(version|release)\s+v?\d/i.test(title) &&
		lead?.type === 'paragraph' &&
		list?.type === 'list' &&
		!!list.ordered &&
		list.children.length <= 8 &&
		section.nodes.length <= 4 &&
		rest.every((node) => node.type === 'paragraph' || node.type === 'list' || node.type === 'code')
	);
}

/**
 * Under `Common issues` or `Known problems`, sections written alike (a short description over a few
 * steps, most of them so) are each a known issue though their titles name no failure.
 */
function shapedLikeSiblings(section: Section): boolean {
	const parent = section.parent;
	if (!parent || !TROUBLE_GROUP.test(stripEmoji(parent.title)) || !isBriefFix(section))
		return false;
	const shaped = parent.children.filter(isBriefFix).length;
	return shaped >= 2 && shaped * 2 > parent.children.length;
}

/**
 * Labels a scenario writes its parts under, by kind (the last: any step section); each kind found
 * is one piece of evidence.
 */
const LABEL_KINDS = [SYMPTOMS, /^(impact|business impact|user impact)$/i, CAUSES, RUNBOOK_LABEL];

/**
 * How much a section looks like a scenario, on independent signals: its heading states a failure
 * or names an alert (2; a word of trouble in it, 1, and then only with a label), or it is written
 * like its sibling known issues (2); each kind of scenario label (symptoms, impact, cause, a step
 * section) (1 each); a description before its first list (1); ordered steps (1); a block of
 * commands (1). No single word makes a scenario; a section with no trouble in its heading and no
 * known issue's shape, or one in a postmortem (its Impact / Cause / Resolution are what
 * happened), never is one by this count.
 */
function scenarioEvidence(doc: Doc, section: Section): number {
	const alert = alertOfHeading(section.title);
	const heading =
		isSituation(section.title) || (!!alert && strongAlert(doc, alert))
			? 2
			: Number(troubled(stepName(section.title)));
	const siblings = shapedLikeSiblings(section) ? 2 : 0;
	if ((!heading && !siblings) || underHeading(section, REPORT)) return 0;
	const labels = partsOf(doc, section).map((part) => stepName(part.label));
	// Each label counts for its first kind: `Impact` is a runbook label too, but one kind.
	const kinds = new Set(
		labels.map((label) => LABEL_KINDS.findIndex((kind) => kind.test(label))).filter((i) => i >= 0)
	).size;
	// A word of trouble alone (`Error budget policy`) needs a scenario's label to go with it.
	if (heading < 2 && !siblings && !kinds) return 0;
	const nodes = [section, ...allSections(section)].flatMap((s) => s.nodes);
	const described =
		section.nodes[0]?.type === 'paragraph' && !labelLine(sourceOf(doc, section.nodes[0]));
	const steps = nodes.some((node) => node.type === 'list' && node.ordered);
	const commands = nodes.some((node) => node.type === 'code');
	return (
		Math.max(heading, siblings) +
		kinds +
		Number(described && nodes.some((node) => node.type === 'list')) +
		Number(steps) +
		Number(commands)
	);
}
/** Evidence enough: a failing heading and two more signals, or a word of trouble and three. */
const EVIDENCE = 4;

/**
 * `Quick Links` over dashboards, `Verify components are running` over targets to look at: lists
 * whose every item is a link, and nothing to run or follow in order, are a reference, not a runbook.
 */
function onlyLinks(section: Section): boolean {
	return linksOnly([section, ...allSections(section)].flatMap((s) => s.nodes));
}
/**
 * Nodes whose list items carry links, with no code or numbered steps among them. An index may
 * name a page not written yet (`- Restoring backups` among linked items): a bare name of a few
 * words, with most items linked, is still an entry of the index and no step.
 */
function linksOnly(nodes: RootContent[]): boolean {
	const items = nodes.flatMap((node) => (node.type === 'list' ? node.children : []));
	const linked = (item: Nodes) => {
		let found = false;
		visit(item, 'link', () => void (found = true));
		return found;
	};
	const bare = (item: ListItem) =>
		item.children.length === 1 &&
		item.children[0]!.type === 'paragraph' &&
		/^[\w'’&/ -]+$/.test(toString(item).trim()) &&
		toString(item).trim().split(/\s+/).length <= 4;
	const links = items.filter(linked).length;
	return (
		links * 2 > items.length &&
		items.every((item) => linked(item) || bare(item)) &&
		!nodes.some((node) => node.type === 'code' || (node.type === 'list' && node.ordered))
	);
}

/**
 * The parts a runbook is written in, by what their headings say: what is seen (`Problem`, `Check
 * RunBook Match`, `Signs`), what to do (`Detailed Steps`, `Solution`, `Steps for debugging`,
 * `Check Resolution`), and what goes around them (`Overview`, `Comments`, `Tune`, `Owner`).
 */
const SEEN_PART =
	/\b(?:symptoms?|problems?|signs|signals?|indicators?|impact|examples?|detection|match(?:es)?|what you see)\b/i;
const FIX_PART =
	/\b(?:steps?|solutions?|resolution|remediation|mitigation|diagnos(?:is|e|tics?)|debugging|troubleshooting|fix(?:es)?|workarounds?)\b/i;
const ASIDE_PART =
	/^(?:overview|summary|description|context|background|comments?|notes?|owners?|authors?|tun(?:e|ing)|(?:further|more|additional) (?:information|reading)|references?|see also|related(?: \w+)?|links)$/i;
const partKind = (title: string): 'seen' | 'fix' | 'aside' | undefined => {
	const label = stepName(stripEmoji(title));
	if (label.split(/\s+/).length > 4) return undefined;
	if (SEEN_PART.test(label)) return 'seen';
	if (FIX_PART.test(label)) return 'fix';
	return ASIDE_PART.test(label) ? 'aside' : undefined;
};

/** Sections whose every sub-section is a runbook's part, with one part saying what to do. */
function partsOnly(section: Section): boolean {
	const kinds = section.children.map((child) => partKind(child.title));
	return kinds.length >= 2 && kinds.every(Boolean) && kinds.includes('fix');
}

/**
 * A page written as one runbook's parts (`# Pod stuck Pending` over Overview / Check RunBook Match
 * / Detailed Steps / Solutions / Owner; `## Gateway canary` over Overview / Steps for debugging /
 * Tune; `## Guide to lost devices` over Problem / Solution / Comments): one scenario, titled by the
 * page, its numbered sub-steps and lettered solutions its body. Besides a part saying what to do it
 * has one saying what is seen, or it opens with an overview and names trouble or shares its
 * skeleton with another page (the pages of a folder of runbooks). A process (`# Release process`
 * over Overview / Steps) is no runbook.
 */
function runbookPage(doc: Doc, section: Section): boolean {
	if (section.depth < 1 || !partsOnly(section)) return false;
	const title = stepName(section.title);
	// A postmortem's Summary / Impact / Resolution tell one past incident, not what to do in one.
	if (FURNITURE.test(title) || /checklist/i.test(title) || underHeading(section, REPORT))
		return false;
	// What is seen over what to do is a runbook, though its title names a message it is about
	// (`How to tell a phishing message`); a message's own `Impact` / `Next steps` are no runbook.
	const seen = section.children.filter((child) => partKind(child.title) === 'seen');
	if (seen.length && !inCommunication(section)) return true;
	if (seen.some((child) => /\b(?:symptoms?|problems?|signs|signals?)\b/i.test(child.title)))
		return !underHeading(section, /\btemplates?\b/i);
	if (inCommunication(section) || aboutProcess(title) || RESPONSE_PROCESS.test(title)) return false;
	if (/\b(?:polic(?:y|ies)|plans?|process(?:es)?|procedures?)$/i.test(title)) return false;
	if (partKind(section.children[0]!.title) !== 'aside') return false;
	if (troubled(title) || alertOfHeading(section.title)) return true;
	// Its parts headed as another page's, what to do in the same words: one skeleton, a folder of
	// runbooks. `Overview` and `Owner` alone are any page's.
	const labels = (page: Section) =>
		page.children.map((child) => stepName(stripEmoji(child.title)).toLowerCase());
	const own = labels(section);
	const steps = section.children.filter((child) => partKind(child.title) === 'fix');
	return [...allSections(doc.outline)].some(
		(other) =>
			other !== section &&
			partsOnly(other) &&
			labels(other).filter((label) => own.includes(label)).length >= 2 &&
			steps.every((step) => labels(other).includes(stepName(stripEmoji(step.title)).toLowerCase()))
	);
}

/** `Response Process Quick Reference` over Initiate / Assess / Contain: every incident's phases. */
const aboutProcess = (title: string): boolean =>
	/\b(process|life-?cycle|workflow|quick reference)\b/i.test(title) && !troubled(title);

/**
 * `## Support groups` over `- [\`QueueNotDrained\`](…) Backlog not drained` and more such items: a
 * list naming one alert an item, each with at most a line saying what it is, grouped by the team it
 * pages. An index of runbooks, linked or not yet written, never one runbook: a runbook's lists are
 * its steps and checks, and do not open each item with another alert's name.
 */
function alertIndex(section: Section): boolean {
	if (section.children.length > 0 || troubled(section.title) || alertOfHeading(section.title))
		return false;
	if (section.nodes.some((node) => node.type === 'code' || (node.type === 'list' && node.ordered)))
		return false;
	const items = section.nodes.flatMap((node) => (node.type === 'list' ? node.children : []));
	if (items.length < 2) return false;
	const named = items.map((item) => {
		const paragraph = item.children[0];
		if (item.children.length !== 1 || paragraph?.type !== 'paragraph') return undefined;
		// The name opens the item: in a code span, or as a link's words (a code span inside).
		const first = paragraph.children[0];
		const name =
			first?.type === 'inlineCode'
				? first.value
				: first?.type === 'link'
					? toString(first).trim()
					: undefined;
		if (!name || !alertLike(name)) return undefined;
		// What follows the name is a short description, not steps.
		const rest = toString(paragraph).slice(toString(first!).length).trim();
		return rest.split(/\s+/).length <= 16 ? name : undefined;
	});
	return named.every(Boolean) && new Set(named).size === items.length;
}

/**
 * The phases of responding to an incident, as a security playbook heads its parts (`Part 2 —
 * Detect & Analyze`, `Phase 3: Containment`, `4. Eradication and Recovery`, `Post-Incident
 * Activity`): each word one phase.
 */
const PHASE_WORDS: [string, RegExp][] = [
	['prepare', /^prepar(?:e|ation|edness)$/i],
	['detect', /^(?:detect(?:ion)?|identif(?:y|ication)|analy[sz](?:e|is)|triage|scop(?:e|ing))$/i],
	['contain', /^contain(?:ment)?$/i],
	['eradicate', /^eradicat(?:e|ion)$/i],
	['recover', /^recover(?:y)?$/i],
	['after', /^(?:post-?incident(?:\s+\w+)?|lessons learned)$/i],
];
/** The phases a heading names, its number and `Part` / `Phase` word aside: `Part 4b — Recover` → recover. */
function phasesOf(title: string): string[] {
	const name = stripEmoji(title)
		.replace(/^(?:(?:part|phase|step|stage)\s*)?\d+[a-z]?(?:\.\d+)*\s*[.):]?\s*(?:[–—-]\s*)?/i, '')
		.trim();
	const words = name
		.split(/\s*(?:&|\band\b|\/|,|\+)\s*/i)
		.map((word) => word.trim())
		.filter(Boolean);
	const kinds = words.map((word) => PHASE_WORDS.find(([, pattern]) => pattern.test(word))?.[0]);
	return kinds.every(Boolean) ? (kinds as string[]) : [];
}
/** A page headed in three response phases or more, containment among them. */
function phasedSkeleton(section: Section): boolean {
	const phases = new Set(section.children.flatMap((child) => phasesOf(child.title)));
	return phases.size >= 3 && phases.has('contain');
}
/** What names a process or a document about responding in general, never one kind of incident. */
const PROCESS_TITLE =
	/\b(?:polic(?:y|ies)|plans?|process(?:es)?|procedures?|framework|life-?cycle|workflow|guidelines?|handbook|templates?|overview|checklists?)\b|[[\]<>{}]/i;
/**
 * A page of a security playbook written for one kind of incident (`# IRP-DoS: Denial of Service`,
 * `# Ransomware Response`) over the phases of its response: Prepare, Detect & Analyze, Contain,
 * Eradicate, Recover. Every incident plan has these phases, so the page must be one of two or more
 * sibling pages so written (a folder of playbooks, one kind each), or name trouble in its title
 * (`Ransomware`, `Data breach`); a plan, policy, process or template, or incidents in general
 * (`Security incidents`), is the response itself, not one situation.
 */
function phasedIncidentPage(section: Section): boolean {
	if (section.depth !== 1 || !phasedSkeleton(section)) return false;
	const title = stepName(section.title)
		.replace(/^[A-Z][\w-]*\d*[\w-]*:\s+(?=\S)/, '')
		.replace(/(?:\s+(?:response|handling|playbook|runbook|guide))+$/i, '')
		.trim();
	if (!title || FURNITURE.test(title) || PROCESS_TITLE.test(section.title)) return false;
	// `Privacy Incident Response`, `Security events`: a class of incidents, each page the plan for it.
	if (/\b(?:incidents?|events?)$/i.test(title) && !troubled(title)) return false;
	if (GENERAL_TROUBLE.test(title) || inCommunication(section) || underHeading(section, REPORT))
		return false;
	const siblings = (section.parent?.children ?? []).filter(
		(other) => other !== section && other.depth === 1 && phasedSkeleton(other)
	);
	return siblings.length >= 1 || troubled(title);
}

function looksLikeScenario(doc: Doc, section: Section, skip?: Set<Section>): boolean {
	// A checklist's Detect / Recover groups are ticked steps, not a runbook's symptoms.
	if (/checklist/i.test(section.title)) return false;
	if (FURNITURE.test(stepName(section.title)) || isSeverityHeading(section.title)) return false;
	// A list of alerts by the team they page is an index of runbooks, under `Playbooks` too.
	if (alertIndex(section)) return false;
	// `An incident is not`, `Outages are` over a list: a definition, even under `Scenarios`.
	if (OPEN_COPULA.test(stepName(section.title))) return false;
	// `Escalation process when X is down`, even under `Runbooks`: how to reach the team, not X.
	if (RESPONSE_PROCEDURE.test(stepName(section.title))) return false;
	// `Action Items` over Detect / Respond / Contain: what to improve after an incident, not a runbook.
	if (REPORT.test(stripEmoji(section.title)) && !troubled(section.title)) return false;
	// `### Investigate` under a playbook is one of its steps, whatever heading is above it.
	if (RUNBOOK_LABEL.test(section.title) || STEP_SECTION.test(section.title)) return false;
	// `1. Initial Response (0–10 min)`, `2. Diagnosis`, `Related`: a step of the runbook around it.
	if (isRunbookStep(section.title)) return false;
	// `Assume leaked keys are compromised` over its cases: each case is the scenario, not the rule.
	if (presumedCases(doc, section)) return false;
	if (namedRunbook(doc, section)) return true;
	if (runbookPage(doc, section)) return true;
	if (listedSituations(doc).has(section)) return true;
	// A section whose whole text became another kind of entry (an escalation ladder) is that entry.
	if (
		section.children.length === 0 &&
		section.nodes.length > 0 &&
		section.nodes.every((node) => isClaimed(doc, startOf(node), endOf(node)))
	)
		return false;
	// A situation with steps under it (`## 1. If the service is slow`), a page investigating one
	// failure or alert, a scenario page with its overview: each is a runbook at any depth.
	if (!inCommunication(section) && isSituation(section.title) && hasSteps(doc, section))
		return true;
	if (!inCommunication(section) && isInvestigation(doc, section)) return true;
	if (faqProblem(doc, section)) return true;
	// A Problem / Solution definition list, as a troubleshooting table's row is, makes an entry.
	if (!inCommunication(section) && partsOf(doc, section).some((part) => definitionParts(part)))
		return true;
	// A section whose lead defines its alert, over a list of steps (a rules file is no runbook).
	if (
		!inCommunication(section) &&
		definedAlert(doc, section) &&
		[section, ...allSections(section)].some((s) => s.nodes.some((node) => node.type === 'list'))
	)
		return true;
	if (isScenarioPage(doc, section) || firingPage(doc, section)) return true;
	if (section.depth >= 2 && !inCommunication(section) && scenarioEvidence(doc, section) >= EVIDENCE)
		return true;
	if (
		section.parent &&
		troubleGroup(doc, section.parent) &&
		// `Intermittent outages` under `Debugging outages` is a smaller group of its own.
		!TROUBLE_GROUP.test(stripEmoji(section.title)) &&
		// `Undeployable State` names no trouble, but is written like its sibling failures; a failure
		// mode told by the alerts that catch it (`| Alert | Signal |`) is one whatever its words.
		(troubled(section.title) ||
			writtenAlike(section) ||
			hasAlertTable(section) ||
			byKind(doc, section.parent)) &&
		!inCommunication(section) &&
		!isQuestion(stepName(section.title)) &&
		!/^(step|procedure|phase|stage)\s*\d+\b/i.test(section.title) &&
		(hasSteps(doc, section) || proseFix(doc, section) || hasAlertTable(section))
	)
		return true;
	if (nestedIssue(doc, section) || recoverySection(section) || handledPart(doc, section))
		return true;
	if (troubleshootingEntry(doc, section) || specialCase(doc, section)) return true;
	if (openedBySituation(doc, section)) return true;
	// `## \`queue_lag_high\`` over `- Alert rule:`, `- Description:`, `- Solution:` items: an alert's
	// runbook written as a key list, wherever its heading stands.
	if (alertOfHeading(section.title) && keyedRunbook(doc, section) && !inCommunication(section))
		return true;
	if (linkedIssue(doc, section) || handedSituation(doc, section) || proseBranches(doc, section))
		return true;
	if (handlerOf(section) && section.nodes.length > 0) return true;
	if (alertSamplePage(doc, section)) return true;
	const parts = partsWithout(doc, section, skip);
	const alert = alertOfHeading(section.title);
	// Under an alert's name that says what is wrong, commands and checks are its runbook even
	// without labels (`## ManifestWorkApplyFailed` over prose and a command).
	if (alert && strongAlert(doc, alert) && operational(section) && !inCommunication(section))
		return true;
	// `# Email Outage Troubleshooting` over numbered Steps: a knowledge-base runbook for the failure
	// its title names (`VPN Troubleshooting` names none, and stays a guide).
	if (
		/\btroubleshoot(ing)?\b/i.test(section.title) &&
		stripEmoji(section.title)
			.split(/[\s/]+/)
			.some((word) => CONDITION.test(word.replace(/[^A-Za-z-]/g, ''))) &&
		parts.some((part) => /^(steps|procedure|resolution steps)$/i.test(part.label)) &&
		!inCommunication(section)
	)
		return true;
	// A file that is one alert's runbook is titled by the alert: `# KubePodCrashLooping`. In
	// runbooks joined into one file, each top heading over runbook sections is one too.
	if (section.depth < 2) {
		const diagnostic = parts.some((part) => DIAGNOSTIC_LABEL.test(part.label));
		if (alert) return diagnostic || parts.some((part) => RUNBOOK_LABEL.test(part.label));
		if (joinedRunbook(doc, section, parts)) return true;
		// Among pages that are runbooks, one naming trouble with a single diagnostic section over
		// steps (`# Queue has no consumers` over `## Troubleshooting`) is one too; a guide is not.
		const siblings = (section.parent?.children ?? []).filter(
			(other) => other !== section && joinedRunbook(doc, other, partsOf(doc, other))
		);
		if (diagnostic && siblings.length >= 2 && troubled(section.title) && hasSteps(doc, section))
			return true;
		// A page that is one failure's runbook (`# Notification Failures` over Symptoms and
		// Possible checks), alone in its file or among guides; a message has no symptoms and checks,
		// so a title about notifications failing is no message.
		return diagnostic && troubled(section.title) && parts.some((part) => SYMPTOMS.test(part.label));
	}
	if (parts.some((part) => SYMPTOMS.test(part.label))) return !inCommunication(section);
	const runbookLabels = parts.filter((part) => RUNBOOK_LABEL.test(part.label)).length;
	if (isAlertName(section.title) && runbookLabels >= 1) return true;
	// Two runbook labels, one of them about understanding or fixing the alert, make a runbook;
	// a checklist's Detect / Recover groups do not.
	const diagnostic = parts.some((part) => DIAGNOSTIC_LABEL.test(part.label));
	if (
		runbookLabels >= 2 &&
		diagnostic &&
		!inCommunication(section) &&
		!/checklist/i.test(section.title) &&
		!aboutProcess(section.title)
	)
		return true;
	// A troubleshooting entry: its causes (`Reasons`), or a description of a failure its heading
	// names, over how to fix it (`Overlaps` over Reasons / Solutions, `Connection refused` over
	// Description / Possible solution).
	const described = parts.some((part) => /^(description|problem|issue|error)$/i.test(part.label));
	if (
		diagnostic &&
		(parts.some((part) => CAUSES.test(part.label)) || (described && troubled(section.title))) &&
		!inCommunication(section) &&
		!underHeading(section, REPORT) &&
		!aboutProcess(section.title)
	)
		return true;
	if (OWN_TITLE.test(section.title))
		return (
			!inCommunication(section) &&
			!ABOUT_A_RUNBOOK.test(stripEmoji(section.title)) &&
			!isQuestion(section.title) &&
			!RESPONDER_ACTION.test(stepName(section.title)) &&
			!escalationCondition(stepName(section.title)) &&
			// `### Incident response runbook` over one paragraph on what runbooks are: prose about
			// runbooks, with no steps, table or parts of one.
			!(
				/\b(?:runbook|playbook)$/i.test(section.title) &&
				section.children.length === 0 &&
				section.nodes.every((node) => node.type === 'paragraph') &&
				partsOf(doc, section).every((part) => !part.label)
			)
		);
	const parent = section.parent;
	// The document's own title ("Incident Response Playbook") is not a group of scenarios.
	const isDocTitle = parent?.depth === 1 && parent.parent?.children.length === 1;
	return (
		!!parent &&
		parent.depth >= 1 &&
		!isDocTitle &&
		GROUP.test(parent.title) &&
		!ABOUT_RUNBOOKS.test(stripEmoji(parent.title)) &&
		!(RESPONSE_PROCESS.test(section.title) && !troubled(section.title)) &&
		// `Step 2: Escalate`, `Procedure 1: Triage`: steps of one process, not kinds of incident.
		!/^(step|procedure|phase|stage)\s*\d+\b/i.test(section.title) &&
		!inCommunication(section) &&
		!/^(table of contents|contents)$/i.test(section.title) &&
		// Links under an alert's name saying what is wrong are its further reading, not an index.
		!(onlyLinks(section) && !(alert && strongAlert(doc, alert))) &&
		!aboutProcess(section.title) &&
		// `Retrospective`, `Action items` under `Runbooks`: looking back on an incident, not one.
		!(REPORT.test(section.title) && !troubled(section.title)) &&
		// Under `Alerts`, a runbook is named by its alert or says what the alert is or how to fix it,
		// or what the alerts point to over numbered steps.
		(!ALERTS_ONLY(parent.title) ||
			isAlertName(section.title) ||
			runbookLabels >= 1 ||
			readAlert(doc, section))
	);
}

/**
 * A section that is one runbook by its own title or shape, whatever is inside it: a scenario page,
 * a page investigating one failure, a `Runbook: X` / `Alert Runbook: X` section with a runbook's
 * content, a top heading that is an alert's name.
 */
function ownsParts(doc: Doc, section: Section): boolean {
	return (
		isScenarioPage(doc, section) ||
		runbookPage(doc, section) ||
		isInvestigation(doc, section) ||
		!!namedRunbook(doc, section) ||
		listedSituations(doc).has(section) ||
		firingPage(doc, section) ||
		alertSamplePage(doc, section) ||
		ownedByAlert(doc, section)
	);
}

/**
 * A top heading that is an alert's name, or one at any depth saying what is wrong
 * (`### StoreCompactionFailing`): the cases under it (`#### Compaction fails on a bad index`) are
 * branches of its runbook.
 */
function ownedByAlert(doc: Doc, section: Section): boolean {
	const alert = alertOfHeading(section.title);
	return !!alert && (section.depth < 2 || strongAlert(doc, alert));
}

/**
 * `## cert-manager is not fine` over `### Failed to perform self check: no such host`, each sub-section
 * opening with the error output it prints: the ways one failure shows, branches of its runbook.
 */
function ownsErrorCases(doc: Doc, section: Section): boolean {
	return (
		isSituation(section.title) &&
		section.children.length > 0 &&
		section.children.every((child) => errorSample(doc, child) !== undefined)
	);
}

/**
 * `Scenario 2: Worker crashes` under an alert runbook's `Root Cause Investigation`: a numbered case
 * inside one of the runbook's own sections is a branch of it, not a runbook joined under it.
 */
const branchOf = (page: Section, section: Section): boolean =>
	section.parent !== page &&
	/^(?:scenario|(?:use\s+)?case)\s*\d+\b/i.test(stripEmoji(section.title));

/**
 * A step section of `outer` (`Diagnosis`, `Investigation`, `Mitigation`) standing between it and
 * `inner`. `Troubleshooting` heads a group of problems as often as a step, so it is none here.
 */
function stepBetween(outer: Section, inner: Section): boolean {
	for (let at = inner.parent; at && at !== outer; at = at.parent)
		if (DIAGNOSTIC_LABEL.test(stepName(at.title)) && !/^troubleshooting$/i.test(stepName(at.title)))
			return true;
	return false;
}

/** Sections that are scenarios: candidates with no candidate inside them. */
export function scenarioSections(context: Context): Section[] {
	const candidates = new Set(
		[...allSections(context.doc.outline)].filter(
			(s) =>
				looksLikeScenario(context.doc, s) &&
				!context.doc.claims.some((c) => c.start <= s.start && s.end <= c.end)
		)
	);
	const inside = (outer: Section, inner: Section) =>
		outer !== inner && outer.start <= inner.start && inner.end <= outer.end;
	// A section that names itself one runbook owns its sub-sections: a scenario page's phases, the
	// situations inside a page investigating one failure, a `Runbook: X` page's diagnosis branches
	// (`If the database is down`), an alert page's root causes and options are its parts. A runbook
	// named in its own right (`Runbook: Y`, an alert's name) joined under it stays one.
	// A section over a group of situations (`# How to recover from X failures` over `## Failures`
	// over one section per failure; `# Handling alerts and errors` over one `## Handling …` per
	// source) is their container, never one scenario for all of them.
	const groups = [...allSections(context.doc.outline)].filter(
		(g) =>
			(troubleGroup(context.doc, g) || sameVerbChildren(g).length >= 2) &&
			g.children.filter((child) => candidates.has(child)).length >= 2
	);
	for (const s of candidates)
		if (groups.some((g) => s.start <= g.start && g.end <= s.end)) candidates.delete(s);
	// A security playbook's page for one kind of incident is one scenario, typed after the other
	// kinds (`recogniseDocumentScenario`): its branches (`If backups are unavailable`) are its own.
	const phased = context.doc.outline.children.filter(phasedIncidentPage);
	for (const s of candidates)
		if (phased.some((page) => page.start <= s.start && s.end <= page.end)) candidates.delete(s);
	const pages = [...candidates].filter(
		(s) => ownsParts(context.doc, s) || ownsErrorCases(context.doc, s)
	);
	for (const page of pages)
		for (const s of candidates)
			if (
				inside(page, s) &&
				!(
					(isAlertName(s.title) || RUNBOOK_PREFIX.test(s.title)) &&
					!isScenarioPage(context.doc, page) &&
					!branchOf(page, s)
				)
			)
				candidates.delete(s);
	// A case inside a runbook's own step section (`#### ReasonNotAvailable` under `## Diagnosis` of
	// an alert's page; `#### Operator cannot reach the store` under `### Investigation` of a problem
	// with its symptoms) is a branch of that runbook, however it is named.
	for (const s of candidates)
		for (const outer of candidates)
			if (
				inside(outer, s) &&
				stepBetween(outer, s) &&
				(ownedByAlert(context.doc, outer) ||
					partsOf(context.doc, outer).some((part) => SYMPTOMS.test(stepName(part.label))))
			)
				candidates.delete(s);
	// Two sections named by one alert (its runbook page, and its lines in an escalation list): the
	// page that names itself a runbook is the scenario.
	for (const s of candidates) {
		const alert = alertOfHeading(s.title);
		const runbook = [...candidates].find(
			(other) =>
				other !== s && alertOfHeading(other.title) === alert && ownsParts(context.doc, other)
		);
		if (alert && runbook && !ownsParts(context.doc, s)) candidates.delete(s);
	}
	// `# SLO Alerts` with no text of its own over one section per alert: a group of runbooks.
	const group = (s: Section, inner: Section[]): boolean =>
		s.nodes.length === 0 &&
		s.children.every((child) => inner.includes(child) || group(child, inner));
	return [...candidates].filter((s) => {
		const inner = [...candidates].filter((other) => inside(s, other));
		// Runbooks joined into one file: an alert's runbook can land under the previous runbook's
		// heading, a known issue under the issue before it. Both stay runbooks when the outer one
		// still is one without it.
		return (
			inner.length === 0 ||
			(!group(s, inner) &&
				inner.every(
					(other) =>
						other.parent === s &&
						(isAlertName(other.title) ||
							nestedIssue(context.doc, other) ||
							linkedIssue(context.doc, other))
				) &&
				looksLikeScenario(context.doc, s, new Set(inner)))
		);
	});
}

/**
 * A heading without the empty anchor an FAQ gives it for links: `<a name="stuck"></a>Why is it
 * stuck?` → `Why is it stuck?`. Other markup stays, shown as written.
 */
const withoutTags = (text: string): string =>
	text.replace(/<a\s+(?:name|id)\s*=\s*["'][^"']*["']\s*>\s*<\/a>/gi, '').trim();

/** `Problem - Host unreachable`, `Known issue: …`: a label over the trouble a known issue names. */
const PROBLEM_PREFIX = /^(?:known\s+)?(?:problem|issue)\s*(?::|\s[–—-])\s*(?=\S)/i;

/** `Scenario 1: Complete Backend Outage`, `1. Database Down`, `Site Outage Runbook` → the scenario's name. */
export function scenarioTitle(heading: string): string {
	// `Alert name: DiskFull`, `Alert Runbook: DiskFull`: a runbook labelled by its alert is titled by it.
	const text = stripEmoji(withoutTags(heading)).replace(OWNER_LABEL, '');
	const bare = withoutNameLabel(text);
	if (bare !== text && alertOfHeading(bare) === bare) return bare;
	// `Playbook for a stolen laptop` → `Stolen laptop`; `Problem - Host unreachable` → `Host unreachable`.
	const prefix =
		RUNBOOK_PREFIX.exec(text)?.[0] ??
		ALERT_PREFIX.exec(text)?.[0] ??
		PROBLEM_PREFIX.exec(text)?.[0] ??
		'';
	const rest = text.slice(prefix.length);
	// `Playbook for a stolen laptop`, `Troubleshooting: queue backlog grows`, `Alert: disk almost
	// full`: a name in lower case after its prefix starts a title.
	const named =
		/\sfor\s/i.test(prefix) || (prefix && /^[a-z]+(?:\s|$)/.test(rest))
			? rest.charAt(0).toUpperCase() + rest.slice(1)
			: rest;
	return withoutSectionNumber(named.replace(ALERT_PREFIX, '').replace(SEVERITY_SUFFIX, ''))
		.replace(/(?:\s+[–—-])?\s+(runbook|playbook)$/i, '')
		.trim();
}

/** A PromQL-like condition in backticks: `http_5xx_ratio > 2%`; the metric names the alert. */
/** `metric > 5%`: a metric over a threshold; `pods > zones < 3` compares words and names none. */
const EXPRESSION =
	/^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{[^}]*\})?(?:\[[^\]]*\])?\s*(?:>=|<=|==|!=|>|<)\s*-?\d[\d.]*\s*[a-zA-Z%]*\s*$/;

/**
 * `pods stuck in \`CrashLoopBackOff\``, `\`ImagePullBackOff\` status`: a name for the state
 * something is in, not an alert.
 */
const IN_STATE = /\b(?:in|into|enters?|entered)\s+$/i;
const STATE_WORD = /^\s+(?:state|status|phase)\b/i;

/** Alert names written in backticks (`DatabaseConnectionExhaustion`) or as alert conditions. */
export function alertNames(markdown: string): string[] {
	const names: string[] = [];
	visit(parseMarkdown(markdown), 'inlineCode', (node: InlineCode, index, parent) => {
		const [before, after] = [-1, 1].map((step) => {
			const next = index === undefined ? undefined : parent?.children[index + step];
			return next?.type === 'text' ? next.value : '';
		});
		if (IN_STATE.test(before!) || STATE_WORD.test(after!)) return;
		const name = ALERT.test(node.value) ? node.value : EXPRESSION.exec(node.value.trim())?.[1];
		if (name && !names.includes(name)) names.push(name);
	});
	return names;
}

/** Moves headings in `text` so that those at depth `shallowest` become `##`. */
export function relevel(text: string, shallowest: number): string {
	const shift = shallowest - 2;
	if (shift === 0) return text;
	const edits: [number, number][] = [];
	visit(parseMarkdown(text), 'heading', (node) => {
		const at = startOf(node);
		if (text[at] === '#') edits.push([at, Math.min(6, Math.max(2, node.depth - shift))]);
	});
	let out = text;
	for (const [at, depth] of edits.reverse()) {
		const hashes = /^#+/.exec(out.slice(at))![0].length;
		out = out.slice(0, at) + '#'.repeat(depth) + out.slice(at + hashes);
	}
	return out;
}

function partBody(context: Context, part: Part): string {
	const source = context.doc.source;
	if (part.section) {
		const inner = source.slice(part.section.contentStart, part.section.end).trim();
		const label = writtenLabel.get(part) ?? part.label;
		return `## ${label}\n\n${relevel(inner, part.section.depth)}`.trim();
	}
	const content = partSource(context.doc, part);
	if (!part.label) return content;
	// `You may see errors like:` is a sentence leading into what follows, not a heading: as written.
	if (!keyed.has(part) && part.label.split(/\s+/).length > 5) {
		const eol = source.indexOf('\n', part.start);
		const line = source.slice(part.start, eol < 0 ? source.length : eol).trim();
		return [line, content].filter(Boolean).join('\n\n');
	}
	return [`## ${writtenLabel.get(part) ?? part.label}`, part.value, content]
		.filter(Boolean)
		.join('\n\n');
}

function listOrValue(context: Context, part: Part): string[] | undefined {
	if (part.section?.children.length) return undefined;
	const items = part.nodes.length ? listItemsOf(part.nodes) : [];
	if (!items) return undefined;
	return [
		...(part.value ? [inlineText(part.value)] : []),
		...items.flatMap((item) => itemLines(context.doc, item)),
	];
}

/** A part that is only prose (`**What it means**: A worker has …`), as lines. */
function proseOf(context: Context, part: Part): string[] | undefined {
	if (part.section?.children.length) return undefined;
	if (!part.nodes.every((node) => node.type === 'paragraph')) return undefined;
	const lines = [
		...(part.value ? [inlineText(part.value)] : []),
		...part.nodes.map((node) => inlineText(sourceOf(context.doc, node))),
	].filter(Boolean);
	return lines.length ? lines : undefined;
}

/** Alert names a part gives: in backticks, as conditions, labelled, or said to fire. */
const alertsIn = (doc: Doc, markdown: string): string[] => [
	...new Set([...alertNames(markdown), ...alertsInProse(doc, markdown)]),
];

/** `**Alert**: \`HighMemoryUsage\`` or `Alert: HighMemoryUsage`. */
function labelledAlerts(context: Context, part: Part): string[] {
	const text = `${part.value}\n${partSource(context.doc, part)}`;
	const named = alertsIn(context.doc, text);
	if (named.length) return named;
	const bare = inlineText(part.value);
	return ALERT.test(bare) ? [bare] : [];
}

/**
 * `- Alert rule: \`queue_depth > 50000\`` under the alert's own name (`### \`queue_depth_high\``):
 * the rule's expression, whose metric is no alert.
 */
const ruleOfNamedAlert = (section: Section, part: Part): boolean =>
	keyed.has(part) &&
	!!alertOfHeading(section.title) &&
	/^alert rules?$/i.test(part.label) &&
	EXPRESSION.test(inlineText(part.value).replace(/^`|`$/g, '').trim());

/** What a key list's line (`*Message*: …`, `Summary: …`) says the alert reports: its symptom. */
const KEY_SYMPTOM = /^(message|summary|description)$/i;
/** Labels a key list under an alert has; one of them makes a list of `Label: value` lines a key list. */
const KEY_LABEL = /^(message|summary|description|severity|alert( name)?|expression|runbook)$/i;
/** `*Message*: …`, `**Severity**: critical`, `Runbook: [link](…)`: one key line of a list item. */
const KEY_LINE = /^(?:([*_]{1,2})([A-Za-z][\w ]{0,30}?)\1\s*:|([A-Za-z][\w ]{0,30}?)\s*:)\s*(.*)$/s;
const keyed = new WeakSet<Part>();

/**
 * A list of `Label: value` lines under an alert (`+ *Message*: \`KubeAPI has disappeared\``, `+
 * *Severity*: critical`), read as that many labelled parts. Undefined unless every item is one
 * such line and one label is an alert's key (Message, Severity, Runbook …): a list of steps that
 * happen to have a colon stays steps. An item may carry a nested list under its line (`*Action*:
 * check the logs` over its cases), which stays with its value; a note quoted above the list (`>
 * [!NOTE]`) is the section's own text.
 */
function keyParts(context: Context, part: Part): Part[] | undefined {
	if (part.label || part.section) return undefined;
	const list = part.nodes.at(-1);
	const notes = part.nodes.slice(0, -1);
	if (list?.type !== 'list' || list.ordered || !notes.every((n) => n.type === 'blockquote'))
		return undefined;
	// `- Description:` over its value indented below it (a paragraph, a block) is one key line too.
	const lines = list.children.map((item) =>
		item.children[0]?.type === 'paragraph' &&
		item.children
			.slice(1)
			.every(
				(child) =>
					child.type === 'list' ||
					(/:\s*$/.test(itemSource(context.doc, item)) &&
						(child.type === 'paragraph' || child.type === 'code'))
			)
			? KEY_LINE.exec(itemSource(context.doc, item))
			: null
	);
	if (!lines.every(Boolean) || !lines.some((line) => KEY_LABEL.test((line![2] ?? line![3])!)))
		return undefined;
	const keys = list.children.map((item, i) => {
		const line = lines[i]!;
		// A value that is one code span (`\`KubeAPI has disappeared …\``) is the alert's text.
		const value = [
			line[4]!.trim().replace(/^`([^`]+)`$/, '$1'),
			...item.children.slice(1).map((nested) => dedented(context.doc, nested)),
		]
			// A value only below its line (`- Solution:` over a paragraph) starts there.
			.filter((text, i) => i > 0 || text || item.children.slice(1).some((c) => c.type === 'list'))
			.join('\n\n');
		const key: Part = {
			label: (line[2] ?? line[3])!.trim(),
			value,
			nodes: [],
			start: startOf(item),
			end: endOf(item),
		};
		keyed.add(key);
		return key;
	});
	const note: Part[] = notes.length
		? [{ label: '', value: '', nodes: notes, start: part.start, end: startOf(list) }]
		: [];
	return [...note, ...keys];
}

/** `<dt>Problem:</dt> <dd>…</dd>`: a term of an HTML definition list and what defines it. */
const DEFINITION =
	/<dt>\s*([\s\S]*?)\s*<\/dt>\s*<dd>\s*([\s\S]*?)\s*(?:<\/dd>|(?=<dt>|<\/dl>)|$)/gi;
/** Inline HTML as Markdown: `<code>x</code>` → `` `x` ``, `<a href="u">t</a>` → `[t](u)`, other tags out. */
const htmlInline = (html: string): string =>
	html
		.replace(/<code>([\s\S]*?)<\/code>/gi, '`$1`')
		.replace(/<a\s+href\s*=\s*["']([^"']*)["'][^>]*>([\s\S]*?)(?:<\/a>|$)/gi, '[$2]($1)')
		.replace(/<[^>]*>/g, '')
		.replace(/\s+/g, ' ')
		.trim();

/**
 * A troubleshooting entry written as an HTML definition list (`<dt>Problem:</dt><dd>…</dd>
 * <dt>Solution:</dt><dd>…</dd>`), read as labelled parts: its first term names what goes wrong and
 * a later one what to do, as a troubleshooting table's columns do. Prose before the list stays the
 * section's own text. Undefined for any other part.
 */
function definitionParts(part: Part): Part[] | undefined {
	const list = part.nodes.at(-1);
	const lead = part.nodes.slice(0, -1);
	if (part.label || part.section || list?.type !== 'html' || !/^<dl\b/i.test(list.value))
		return undefined;
	if (!lead.every((node) => node.type === 'paragraph')) return undefined;
	const terms = [...list.value.matchAll(DEFINITION)].map((match) => ({
		label: htmlInline(match[1]!).replace(/\s*:$/, ''),
		value: htmlInline(match[2]!),
	}));
	if (
		!TROUBLE_COLUMN.test(terms[0]?.label ?? '') ||
		!terms.some((term, i) => i > 0 && FIX_COLUMN.test(term.label))
	)
		return undefined;
	const note: Part[] = lead.length
		? [{ label: '', value: '', nodes: lead, start: part.start, end: startOf(list) }]
		: [];
	return [
		...note,
		...terms.map((term) => {
			const defined: Part = { ...term, nodes: [], start: startOf(list), end: endOf(list) };
			keyed.add(defined);
			return defined;
		}),
	];
}

/** A nested block's source, its lines moved left by the column it starts at. */
function dedented(doc: Doc, node: RootContent): string {
	const start = startOf(node);
	const column = start - doc.source.lastIndexOf('\n', start - 1) - 1;
	return doc.source
		.slice(start, endOf(node))
		.replace(new RegExp(String.raw`\n[ \t]{0,${column}}`, 'g'), '\n');
}

/** The playbook's severity a scenario's own text names (`P1`, `critical`, `Severity 1 (Critical)`). */
function severityOf(context: Context, text: string): string | undefined {
	const level = parseLevel(text.replace(/^severity\s*(?=\d)/i, 'SEV'), true);
	const ref = level && severityRef(context, level.level);
	if (ref || !level) return ref;
	// `critical` in a playbook whose SEV1 is named Critical.
	const named = context.out.severities.find(
		(e) => e.data.name?.toLowerCase() === level.level.toLowerCase()
	);
	return named && `${context.playbook}/${named.slug}`;
}

/**
 * The paragraphs before a section's first list or code block, or before its first sub-section
 * when its own text is only prose, when they carry no label.
 */
function leadDescription(context: Context, section: Section): string[] | undefined {
	const steps = section.nodes.findIndex((node) => node.type === 'list' || node.type === 'code');
	const first = steps < 0 && section.children.length ? section.nodes.length : steps;
	const lead = section.nodes.slice(0, first);
	if (first < 1 || !lead.every((node) => node.type === 'paragraph')) return undefined;
	if (lead.some((node) => labelLine(sourceOf(context.doc, node)))) return undefined;
	return lead.map((node) => inlineText(sourceOf(context.doc, node)));
}

/** `Some symptoms that may point to this issue:`, `Telltale signs:`: a lead naming what follows as signs. */
const SIGN_LEAD = /\b(?:symptoms?|signs?|indicators?|telltales?)\b[^.!?]*:\s*$/i;

/** `Identifying a flood`, `Spotting it`: the first part of a runbook, telling it by its signs. */
const SPOTTING = /^(?:identifying|recogni[sz]ing|spotting|detecting|diagnosing)\b/i;
/** `(will alert to \`x\`)`, `raises the alarm \`x\``: words before the code span naming an alert. */
const ALERTS_TO = /\b(?:alerts?|alarms?)\s+(?:to|on|as|named|called)?\s*$/i;

/**
 * The items of a list a section (or its first part, `### Identifying a flood`) opens with, when a
 * one-paragraph lead calls them its signs; with the alerts an item says it raises (`… (will alert
 * to \`lb-latency-high\`)`).
 */
function signList(
	context: Context,
	section: Section
): { items: string[]; alerts: string[] } | undefined {
	const first = section.children[0];
	const from =
		section.nodes.length === 0 && first && SPOTTING.test(stepName(stripEmoji(first.title)))
			? first
			: section;
	const [lead, list] = from.nodes;
	if (lead?.type !== 'paragraph' || list?.type !== 'list' || list.ordered) return undefined;
	const text = inlineText(sourceOf(context.doc, lead));
	if (!SIGN_LEAD.test(text)) return undefined;
	const items = list.children.map((item) => inlineText(itemSource(context.doc, item)));
	if (!items.length || !items.every(Boolean)) return undefined;
	const alerts: string[] = [];
	for (const item of list.children)
		visit(item.children[0]!, 'inlineCode', (code, index, parent) => {
			const before = index !== undefined ? parent?.children[index - 1] : undefined;
			if (
				before?.type === 'text' &&
				ALERTS_TO.test(before.value) &&
				/^[A-Za-z0-9][\w.:-]*$/.test(code.value)
			)
				alerts.push(code.value);
		});
	return { items, alerts };
}

/** A runbook's `## Summary` under its alert or situation says what is seen when it applies. */
const SUMMARY = /^summary$/i;
/** A part telling the situation by what it looks like: its examples, its impact, the problem. */
const SEEN_LABEL = /^(?:examples?|(?:user |customer |business )?impact|problems?|the problem)$/i;
/** `If X is slow …`, `When the queue backs up …`, `This runbook … should be followed when …`. */
const APPLIES_WHEN =
	/^(?:(?:follow|use|run)\s+)?(?:this|these|the following)\s+(?:runbook|playbook|procedure|guide|page|document|section|steps?|checklist)\b.*\b(?:when|whenever|if|in case)\s+\S/i;
const whenItApplies = (text: string): boolean =>
	!escalationCondition(text) &&
	(CONDITIONAL.test(text) || /^when\s+\S/i.test(text) || APPLIES_WHEN.test(text));

/** The severity a scenario inherits from a heading such as `Critical Incidents (P0)`. */
function inheritedSeverity(context: Context, section: Section): string | undefined {
	for (let at = section.parent; at; at = at.parent) {
		const match = /\(([^)]+)\)/.exec(at.title);
		const level = match && parseLevel(match[1]!);
		if (level) return severityRef(context, level.level);
	}
	return undefined;
}

/** Prose whose words alone say it all: no link, picture or markup a symptom line would drop. */
function plainProse(nodes: RootContent[]): boolean {
	let plain = nodes.every((node) => node.type === 'paragraph');
	for (const node of nodes)
		visit(node, (inner) => {
			if (
				['link', 'linkReference', 'image', 'imageReference', 'html', 'footnoteReference'].includes(
					inner.type
				)
			)
				plain = false;
		});
	return plain;
}

/**
 * An opening error sample as symptom lines: each lead as written, then each line of its output in
 * backticks (an elided `...` line left out). Undefined when a lead carries a link, or the output is
 * too long to read as lines: then it stays in the body as written.
 */
function sampleLines(doc: Doc, section: Section, end: number): string[] | undefined {
	const nodes = section.nodes.filter((node) => endOf(node) <= end);
	const leads = nodes.filter((node) => node.type === 'paragraph');
	if (!plainProse(leads)) return undefined;
	const lines: string[] = [];
	for (const node of nodes) {
		if (node.type === 'paragraph') lines.push(inlineText(sourceOf(doc, node)));
		if (node.type !== 'code') continue;
		const output = node.value
			.split('\n')
			.map((line) => line.trim())
			.filter((line) => line && !/^(?:\.{3}|…)$/.test(line));
		if (output.length > 10) return undefined;
		lines.push(...output.map(codeSpan));
	}
	return lines;
}

/**
 * A body entry without the text lifted into `symptoms` (from the section's start to `lifted`): a
 * part wholly lifted is gone, one lifted in part keeps what follows, its label with the lead it was.
 */
function withoutLifted(doc: Doc, part: Part | undefined, text: string, lifted: number): string {
	if (!part || part.section || part.start >= lifted) return text;
	const last = part.nodes.at(-1);
	if (!last || endOf(last) <= lifted) return '';
	return doc.source.slice(lifted, endOf(last)).trim();
}

/**
 * The page a scenario is the whole of: one of joined pages that each hold nothing but a subtitle
 * (`# Website down` over `## How to track a site that is down`, beside `# Phishing email` over
 * `## Guide for suspicious mail`). The page's title names the scenario; the subtitle says what the
 * guide does. Only a guide written in a runbook's parts is so subtitled: a group (`# Storage`,
 * `# Critical incidents (P0)`) over one runbook, or an alert's runbook, keeps the runbook's title.
 */
const subtitled = (page: Section): boolean => page.nodes.length === 0 && page.children.length === 1;
function pageOf(doc: Doc, section: Section): Section {
	const page = section.parent;
	const pages = page?.parent?.children ?? [];
	return page &&
		page.depth >= 1 &&
		runbookPage(doc, section) &&
		!alertOfHeading(section.title) &&
		subtitled(page) &&
		pages.filter(subtitled).length >= 2 &&
		!GROUP.test(page.title) &&
		!parseLevel(stepName(page.title))
		? page
		: section;
}

export function recogniseScenarios(context: Context): void {
	const taken = takenIn(context, 'scenarios');
	const sections = scenarioSections(context);
	sections.forEach((section, index) => {
		// `### QueueStalled` over only `_TODO: this playbook has not been written yet._`: a name
		// with no runbook yet. It stays in its page, and the report says why.
		const placeholder = unwritten(context.doc, section);
		if (placeholder) {
			context.check.push({
				kind: 'scenario',
				heading: section.title,
				start: section.start,
				end: section.end,
				reason: `its body is only \`${placeholder}\`: a placeholder, not a runbook`,
			});
			return;
		}
		// Sub-sections that are runbooks of their own are left to their own entry.
		const nested = new Set(sections.filter((other) => other.parent === section));
		const page = pageOf(context.doc, section);
		const title = scenarioTitle(page.title) || page.title;
		const data: ScenarioInput = { title, order: (index + 1) * 10 };
		const body: string[] = [];
		// The part each body entry was written from: text lifted into `symptoms` leaves the body.
		const bodyParts: (Part | undefined)[] = [];
		const add = (part: Part) => {
			bodyParts[body.length] = part;
			body.push(partBody(context, part));
		};
		let lifted = section.contentStart;
		let unknownLevel: { value: string; start: number; end: number } | undefined;
		for (const part of partsWithout(context.doc, section, nested).flatMap(
			(part) => keyParts(context, part) ?? definitionParts(part) ?? [part]
		)) {
			const label = part.label.toLowerCase();
			const items = listOrValue(context, part);
			// Under an `Alerts` label the branch below reads the list.
			const fired = ALERTS_LABEL.test(label) ? undefined : alertItems(context.doc, part);
			if (fired) {
				data.alerts = [...new Set([...(data.alerts ?? []), ...fired.alerts])];
				data.symptoms = [...(data.symptoms ?? []), ...fired.fires];
			}
			for (const table of part.nodes.flatMap((node) => alertTable(node) ?? [])) {
				data.alerts = [...new Set([...(data.alerts ?? []), ...table.alerts])];
				data.symptoms = [...(data.symptoms ?? []), ...table.signals];
			}
			for (const table of part.nodes.flatMap((node) => symptomTable(node) ?? [])) {
				data.symptoms = [...(data.symptoms ?? []), ...columnOf(table, 0)];
				const header = table.children[0]!.children.map((cell) => cellText(cell));
				const cause = header.findIndex((text, i) => i > 0 && CAUSES.test(text));
				if (cause > 0) data.causes = [...(data.causes ?? []), ...columnOf(table, cause)];
			}
			if (TRIGGER.test(part.label) && (items ?? proseOf(context, part))) {
				data.symptoms = [...(data.symptoms ?? []), ...(items ?? proseOf(context, part)!)];
			} else if (
				(SYMPTOMS.test(part.label) ||
					SUMMARY.test(part.label) ||
					(keyed.has(part) && (KEY_SYMPTOM.test(part.label) || TROUBLE_COLUMN.test(part.label)))) &&
				(items ?? proseOf(context, part))
			) {
				data.symptoms = [...(data.symptoms ?? []), ...(items ?? proseOf(context, part)!)];
				// A `Summary` in plain prose is shown once, as the symptoms; one with links stays too.
				const shown = SUMMARY.test(part.label) && !items && plainProse(part.nodes);
				if (
					!shown &&
					/^(detect|detection|meaning|what it means|what (this|the) alert means|summary)$/.test(
						label
					)
				)
					add(part);
				// `PodDisruptionBudget`, `RunStrategy` in what an alert means are the objects it is
				// about; a name saying what is wrong (`NodeDiskFull`, `WebhookReplayAttack`) or
				// defined as an alert is one.
				const alerts = alertsIn(
					context.doc,
					`${part.value}\n${partSource(context.doc, part)}`
				).filter(
					(name) =>
						!ALERT.test(name) ||
						strongAlert(context.doc, name) ||
						wordsOf(name).some((word) => TROUBLE.test(word))
				);
				if (alerts.length) data.alerts = [...new Set([...(data.alerts ?? []), ...alerts])];
			} else if (CAUSES.test(part.label) && items) {
				data.causes = [...(data.causes ?? []), ...items];
			} else if (
				ALERTS_LABEL.test(label) &&
				!ruleOfNamedAlert(section, part) &&
				labelledAlerts(context, part).length
			) {
				data.alerts = [...new Set([...(data.alerts ?? []), ...labelledAlerts(context, part)])];
				// Lines listed under the alert's name are what it fires on.
				const fires = items?.slice(part.value ? 1 : 0) ?? [];
				if (fires.length) data.symptoms = [...(data.symptoms ?? []), ...fires];
				add(part);
			} else if (/^(affected )?(services?|components?|systems?)$/.test(label) && items) {
				data.services = items;
			} else if (/^severity$/.test(label) && part.value && part.nodes.length === 0) {
				// `Severity: critical` names a level only when the playbook defines it; else it is listed.
				const ref = severityOf(context, inlineText(part.value));
				if (ref) data.severity = ref;
				else {
					add(part);
					unknownLevel = { value: inlineText(part.value), start: part.start, end: part.end };
				}
			} else if (/^severity( level)?$/.test(label) && part.section && !part.value) {
				// `## Severity Level` over `- Severity 1 (Critical)`: the first line names the level.
				const first = listItemsOf(part.nodes)?.[0];
				const text = first ? inlineText(itemSource(context.doc, first)) : '';
				add(part);
				const ref = text && severityOf(context, text);
				if (ref) data.severity = ref;
				else if (text) unknownLevel = { value: text, start: part.start, end: part.end };
			} else if (/^first (action|step)$/.test(label) && part.value && part.nodes.length === 0) {
				data.firstAction = inlineText(part.value);
			} else {
				add(part);
			}
		}
		// A part under `Handling compromises` (`### MediaWiki`) names what was hit, not an alert.
		const alert = handledPart(context.doc, section) ? undefined : alertOfHeading(section.title);
		if (alert) {
			data.alerts = [...new Set([alert, ...(data.alerts ?? [])])];
			// Under an alert's name, the sentence before the first label says what firing means;
			// with no label after it, or only a reading list (`See also:` over links), the prose is
			// the runbook's steps.
			const [lead, ...rest] = partsWithout(context.doc, section, nested);
			const prose = lead && !lead.label ? proseOf(context, lead) : undefined;
			const labelled = rest.some((part) => !part.nodes.length || !linksOnly(part.nodes));
			if (!data.symptoms?.length && prose && labelled) data.symptoms = prose;
		}
		const named = alertHeading(section.title);
		if (named?.alert) data.alerts = [...new Set([named.alert, ...(data.alerts ?? [])])];
		const covered = coveredAlerts(context.doc, section);
		if (covered.length) data.alerts = covered;
		if (named?.severity && !data.severity) {
			const ref = severityOf(context, named.severity);
			if (ref) data.severity = ref;
			else {
				// Kept after the steps, so an unlabelled list of steps stays above any heading.
				body.push(`## Severity\n\n${named.severity}`);
				unknownLevel = { value: named.severity, start: section.start, end: section.contentStart };
			}
		}
		const prose = data.alerts?.length ? undefined : proseAlert(context.doc, section);
		if (prose) {
			data.alerts = [prose];
			// `When you see a \`X\` alert, it means …`: a lead naming the alert says what firing means.
			const [lead] = partsWithout(context.doc, section, nested);
			const said = lead && !lead.label ? proseOf(context, lead) : undefined;
			const names = lead && alertsInProse(context.doc, partSource(context.doc, lead));
			if (!data.symptoms?.length && said && names?.has(prose)) data.symptoms = said;
		}
		// `This alert fires when …` opening the page says what is seen when it fires.
		if (!data.symptoms?.length && firingPage(context.doc, section))
			data.symptoms = [inlineText(sourceOf(context.doc, section.nodes[0]!))];
		// The error output a troubleshooting entry opens with: its leads as written, then each line
		// of output as code. They leave the body, which goes on with why and how to fix it.
		const sample = data.symptoms?.length ? undefined : errorSample(context.doc, section);
		const shown = sample !== undefined && sampleLines(context.doc, section, sample);
		if (shown) {
			data.symptoms = shown;
			lifted = sample!;
		}
		// A troubleshooting entry's `Description` of the failure is what is seen.
		const description = partsWithout(context.doc, section, nested).find((part) =>
			/^(description|problem|issue|error)$/i.test(part.label)
		);
		const told = description && proseOf(context, description);
		if (!data.symptoms?.length && told && troubled(section.title)) data.symptoms = told;
		// `Examples:`, `Impact:`, a `Problem` part over what happens, a runbook page's part saying
		// what is seen (`Check Runbook Match` over the output you get), in a runbook with no other
		// word of what is seen: that is what is seen, shown once.
		const paged = runbookPage(context.doc, section);
		const example = data.symptoms?.length
			? undefined
			: bodyParts.find(
					(part) =>
						part &&
						(SEEN_LABEL.test(stepName(part.label)) ||
							(paged && !!part.section && partKind(part.label) === 'seen'))
				);
		const sampled = example?.section && errorSample(context.doc, example.section);
		// An `Impact` told in prose weighs what may follow (`… can lead to data loss`); listed, it is
		// what users meet.
		const observed =
			example &&
			(listOrValue(context, example) ??
				(/impact/i.test(example.label) ? undefined : proseOf(context, example)) ??
				(sampled && sampled === endOf(example.nodes.at(-1)!)
					? sampleLines(context.doc, example.section!, sampled)
					: undefined));
		// `Impact: High` rates the situation, `- **SLA Risk:** …` lines weigh it facet by facet;
		// what is seen is told in words.
		if (
			observed?.every((line) => line.split(/\s+/).length >= 3) &&
			!observed.every((line) => /^[A-Z][\w /&-]{0,30}:\s/.test(line))
		) {
			data.symptoms = observed;
			bodyParts.forEach((part, i) => {
				if (part === example) body[i] = '';
			});
		}
		// `Some symptoms that may point to this issue:` over a list opening the section: the list is
		// what is seen, and stays in the body under its lead.
		const signs = signList(context, section);
		if (!data.symptoms?.length && signs) {
			data.symptoms = signs.items;
			if (signs.alerts.length && !alert && !named?.alert)
				data.alerts = [...new Set([...(data.alerts ?? []), ...signs.alerts])];
		}
		// A known issue's, or a `Troubleshooting:` / `Alert:` section's, description over its steps
		// is what is seen.
		const heading = stripEmoji(section.title);
		const described = leadDescription(context, section);
		if (
			!data.symptoms?.length &&
			described &&
			((section.parent && TROUBLE_GROUP.test(stripEmoji(section.parent.title))) ||
				nestedIssue(context.doc, section) ||
				TROUBLE_PREFIX.test(heading) ||
				ALERT_PREFIX.test(heading))
		) {
			data.symptoms = described;
			// One ending `… may point to this issue:` introduces what follows, and stays with it.
			const lead = section.nodes.slice(0, described.length);
			if (plainProse(lead) && !/:\s*$/.test(described.at(-1)!)) lifted = endOf(lead.at(-1)!);
		}
		// `If pushes are not appearing:` or `This runbook is followed when …` opening the steps says
		// when the runbook applies: what is seen. In plain prose it leaves the body, shown once.
		// One ending `… the job stops with:` over a sample is cut short: the sample is the symptom.
		const opening = described?.[0];
		const cut =
			/:\s*$/.test(opening ?? '') && section.nodes[described?.length ?? 0]?.type !== 'list';
		if (!data.symptoms?.length && opening && !cut && whenItApplies(opening)) {
			data.symptoms = [opening.replace(/\s*:\s*$/, '')];
			if (plainProse([section.nodes[0]!])) lifted = endOf(section.nodes[0]!);
		}
		// `In the event that the primary region becomes unavailable, …` opening a response's section.
		if (!data.symptoms?.length && openedBySituation(context.doc, section)) {
			// One leading into steps (`In case of X, run:`) stays with them; its condition is the symptom.
			const lead = section.nodes[0]!;
			const text = inlineText(sourceOf(context.doc, lead));
			const into = /:\s*$/.test(text);
			data.symptoms = [into ? text.split(/,\s/)[0]! : text];
			if (!into && plainProse([lead])) lifted = endOf(lead);
		}
		// `Now and then a vendor we build on goes down.` opening a failure's branches in prose (`If
		// …, we should …`) says what is seen; in plain prose it leaves the body, shown once.
		if (!data.symptoms?.length && proseBranches(context.doc, section)) {
			const lead = section.nodes[0]!;
			const text = inlineText(sourceOf(context.doc, lead));
			if (!CONDITIONAL.test(text) && troubled(text)) {
				data.symptoms = [text];
				if (plainProse([lead])) lifted = endOf(lead);
			}
		}
		// What the plan's list of situations says of this one.
		const said = listedSituations(context.doc).has(section) && listedSaid.get(section);
		if (!data.symptoms?.length && said) data.symptoms = [said];
		// A scenario page's overview: `**Incident**: Ransomware found on the file servers`.
		const seen = overviewOf(context.doc, section).filter((part) =>
			/^(incident|situation|trigger|symptoms?|what happened)$/i.test(part.label)
		);
		if (!data.symptoms?.length && seen.length)
			data.symptoms = seen.map((part) => inlineText(part.value));
		const own = (start: number, end: number) =>
			section.start <= start &&
			end <= section.end &&
			![...nested].some((inner) => inner.start <= start && end <= inner.end);
		const linked = context.out.templates.filter((t) => {
			const at = context.doc.claims.find((c) => c.href === hrefOf(context, 'templates', t.slug));
			return at && own(at.start, at.end);
		});
		if (linked.length) data.templates = linked.map((t) => `${context.playbook}/${t.slug}`);
		const severity = data.severity ?? inheritedSeverity(context, section);
		if (severity) data.severity = severity;
		// The playbook's one ladder is every scenario's only when it is the playbook's escalation as
		// a whole, or when the runbook itself says to escalate: a ladder for critical alerts is not.
		const [ladder, ...more] = context.out.escalations;
		if (
			ladder &&
			!more.length &&
			(GENERAL_LADDER.test(ladder.data.title.trim()) ||
				/\bescalat/i.test(context.doc.source.slice(section.start, section.end)))
		)
			data.escalation = `${context.playbook}/${ladder.slug}`;
		const slug = uniqueSlug(slugify(title.replace(/\s*\([^)]*\)\s*$/, '')), taken);
		context.out.scenarios.push({
			slug,
			data,
			// A page's subtitle says what its guide does: it opens the body.
			body: tickable(
				[
					page === section ? '' : sourceOf(context.doc, section.heading!).replace(/^#+\s*/, ''),
					...body.map((text, i) => withoutLifted(context.doc, bodyParts[i], text, lifted)),
				]
					.filter(Boolean)
					.join('\n\n')
			),
			from: fromSection(context.doc, page),
		});
		let from = page.start;
		for (const inner of [...nested, { start: section.end, end: section.end }]) {
			if (from < inner.start)
				claim(context.doc, from, inner.start, hrefOf(context, 'scenarios', slug));
			from = inner.end;
		}
		if (unknownLevel)
			context.check.push({
				kind: 'scenario',
				heading: section.title,
				start: unknownLevel.start,
				end: unknownLevel.end,
				leftAs: `text in the body of scenario ${context.playbook}/${slug}`,
				reason: `its severity \`${unknownLevel.value}\` is not a level of this playbook`,
			});
	});
	uncertainScenarios(context);
	recogniseBlockScenarios(context);
	recogniseFirstActions(context);
}

/**
 * Sections that came close to being runbooks: a "When …" heading under communications with no
 * message found, and a section with one runbook label (`**Mitigation**:`) and nothing else to go
 * on. They stay verbatim; the report lists them.
 */
function uncertainScenarios(context: Context): void {
	const { doc } = context;
	for (const section of allSections(doc.outline)) {
		if (isClaimed(doc, section.start, section.end) || /checklist/i.test(section.title)) continue;
		// A severity level's section is the severity recogniser's to report on.
		if (isSeverityHeading(section.title)) continue;
		const where = {
			kind: 'scenario' as const,
			heading: section.title,
			start: section.start,
			end: section.end,
		};
		if (namesRunbook(section.title) || alertHeading(section.title)) {
			const scenarios = hrefOf(context, 'scenarios', '');
			const inner = doc.claims.some(
				(c) => c.href?.startsWith(scenarios) && section.start <= c.start && c.end <= section.end
			);
			if (!inner && !inCommunication(section))
				context.check.push({
					...where,
					reason:
						'its heading names a runbook, but it holds no steps, symptom table or runbook sections',
				});
			continue;
		}
		if (OWN_TITLE.test(section.title) && inCommunication(section)) {
			const templates = hrefOf(context, 'templates', '');
			const message = doc.claims.some(
				(c) => c.href?.startsWith(templates) && section.start <= c.start && c.end <= section.end
			);
			if (!message)
				context.check.push({
					...where,
					reason:
						'a "When …" heading under a communication heading is a message, but no message block was found under it',
				});
			continue;
		}
		const labels = partsOf(doc, section)
			.filter((part) => !part.section && RUNBOOK_LABEL.test(part.label))
			.map((part) => part.label);
		if (labels.length === 1 && section.depth >= 2 && !inCommunication(section))
			context.check.push({
				...where,
				reason: `its only runbook label is \`${labels[0]}\`; a runbook needs symptoms, an alert name or two step sections`,
			});
	}
}

const ADMONITION = /^(?:\?\?\?\+?|!!!)\s+[\w-]+\s+"([^"]+)"\s*$/;
const PLACEHOLDER_BODY =
	/^(tbd|todo|tba|to be (written|done|added|filled)|coming soon|\.\.\.|…)\.?$/i;

/** `This runbook has not been written yet`, `Steps to be added`: a note that the text is to come. */
const UNWRITTEN =
	/\b(?:not (?:been |yet )?(?:written|documented)(?: yet)?|to be (?:written|documented|added|filled in))\b/i;
/**
 * The whole text of a section with nothing under it but a placeholder (`TBD`, `_TODO: this
 * playbook has not been written yet._`, `Coming soon`), emphasis aside; undefined otherwise.
 */
function unwritten(doc: Doc, section: Section): string | undefined {
	const [only, ...rest] = section.nodes;
	if (section.children.length || rest.length || only?.type !== 'paragraph') return undefined;
	const text = inlineText(sourceOf(doc, only)).trim();
	const bare = text.replace(/^[*_]+|[*_]+$/g, '').trim();
	if (bare.length > 100) return undefined;
	return PLACEHOLDER_BODY.test(bare) ||
		(/^(?:todo|tbd|tba|wip)\b/i.test(bare) && UNWRITTEN.test(bare)) ||
		(UNWRITTEN.test(bare) && !/[.!?]\s+\S/.test(bare))
		? text
		: undefined;
}

/** The indented lines under an admonition's first line, dedented, and where they end. */
function admonitionBody(source: string, start: number): { body: string; end: number } {
	const lines: string[] = [];
	let at = source.indexOf('\n', start);
	let end = at < 0 ? source.length : at;
	while (at >= 0 && at < source.length) {
		const next = source.indexOf('\n', at + 1);
		const line = source.slice(at + 1, next < 0 ? source.length : next);
		if (line.trim() && !/^( {4}|\t)/.test(line)) break;
		lines.push(line.replace(/^( {4}|\t)/, ''));
		if (line.trim()) end = next < 0 ? source.length : next;
		at = next;
	}
	return { body: lines.join('\n').trim(), end };
}

/**
 * Scenarios that are not sections: a bold label over a numbered list of steps in a scenarios
 * section (`**Data leak suspected**`), a bold situation or `**Scenario 2: …**` over steps or
 * commands anywhere, and MkDocs admonitions (`??? info "DNS latency"` over an indented body) whose
 * body holds steps. An admonition whose body is only "TBD" is a placeholder:
 * it stays verbatim and goes on the report's "check these" list.
 */
function recogniseBlockScenarios(context: Context): void {
	const taken = takenIn(context, 'scenarios');
	const { doc } = context;
	// A security playbook's page is one scenario whole (`recognisePhasedPages`), its cases with it.
	const phased = doc.outline.children.filter(phasedIncidentPage);
	const add = (
		title: string,
		data: Partial<ScenarioInput>,
		body: string,
		start: number,
		end: number,
		// Where the entry's words stand on its line, and what the page keeps in its place.
		at: { heading?: string; leave?: (href: string) => string } = {}
	) => {
		if (phased.some((page) => page.start <= start && end <= page.end)) return;
		const slug = uniqueSlug(slugify(title), taken);
		context.out.scenarios.push({
			slug,
			data: { title, order: (context.out.scenarios.length + 1) * 10, ...data },
			body,
			from: fromOffset(doc, at.heading ?? title, start),
		});
		const href = hrefOf(context, 'scenarios', slug);
		claim(doc, start, end, href, at.leave?.(href));
	};
	for (const section of [doc.outline, ...allSections(doc.outline)]) {
		const group = GROUP.test(section.title) && !inCommunication(section);
		section.nodes.forEach((node, index) => {
			const next = section.nodes[index + 1];
			if (isClaimed(doc, startOf(node), endOf(node))) return;
			const columns =
				node.type === 'table' &&
				!inCommunication(section) &&
				!underHeading(section, REPORT) &&
				troubleColumns(node);
			if (columns) {
				let first: number | undefined;
				for (const row of node.children.slice(1)) {
					const cell = (at: number | undefined) =>
						at === undefined || !row.children[at] ? '' : cellText(row.children[at]!);
					const title = stripEmoji(cell(0)).replace(/\s+/g, ' ').trim();
					const cause = cell(columns.cause);
					// A fix cell's lines (`<br>` apart) are its steps, in order, markup kept.
					const fix = row.children[columns.fix]?.children ?? [];
					const steps = fix.length
						? doc.source
								.slice(startOf(fix[0]!), endOf(fix[fix.length - 1]!))
								.split(/<br\s*\/?>/i)
								.map((line) => line.trim())
								.filter(Boolean)
						: [];
					if (!title) continue;
					first ??= startOf(row);
					add(
						title,
						{ symptoms: [title], ...(cause ? { causes: [cause] } : {}) },
						steps.length
							? `## Steps\n\n${steps.map((step, i) => `${i + 1}. ${step}`).join('\n')}`
							: '',
						startOf(row),
						endOf(row)
					);
				}
				// The header row goes with its rows: the page keeps a link to each scenario instead.
				if (first !== undefined) claim(doc, startOf(node), first, hrefOf(context, 'scenarios', ''));
				return;
			}
			if (node.type !== 'paragraph') return;
			const text = sourceOf(doc, node);
			const admonition = ADMONITION.exec(text.split('\n')[0]!.trim());
			if (admonition) {
				const title = admonition[1]!.trim();
				const { body, end } = admonitionBody(doc.source, startOf(node));
				if (PLACEHOLDER_BODY.test(body.trim())) {
					context.check.push({
						kind: 'scenario',
						heading: title,
						start: startOf(node),
						end,
						reason: `its body is only \`${body.trim()}\`: a placeholder, not a runbook`,
					});
					return;
				}
				const inner = parseMarkdown(body);
				if (!inner.children.some((n) => n.type === 'list')) {
					context.check.push({
						kind: 'scenario',
						heading: title,
						start: startOf(node),
						end,
						reason: 'its body has no list of steps to tick',
					});
					return;
				}
				const first = inner.children[0];
				const lead = first?.type === 'paragraph';
				add(
					title,
					lead ? { symptoms: [inlineText(body.slice(startOf(first), endOf(first)))] } : {},
					lead ? body.slice(endOf(first)).trim() : body,
					startOf(node),
					end
				);
				return;
			}
			if (!next) return;
			const label = text.includes('\n') ? undefined : labelLine(text);
			// Steps are a list, or a block of commands to run in order.
			if (!label || label.value) return;
			// `**Response procedures: Malware**` over prose or links to playbooks elsewhere: a pointer to
			// a runbook this file does not hold.
			const pointer = next.type === 'list' ? linksOnly([next]) : next.type !== 'code';
			if (pointer && namesRunbook(label.label) && !inCommunication(section)) {
				context.check.push({
					kind: 'scenario',
					heading: label.label,
					start: startOf(node),
					end: endOf(next),
					reason:
						'its label names a runbook, but no steps follow it: only prose or links to playbooks elsewhere',
				});
				return;
			}
			if (next.type !== 'list' && next.type !== 'code') return;
			// `Note this fix will not work if:` is a sentence its list finishes, no situation's name;
			// `__10-Apr-2023: Storage down__` over `* 4:30 PM - …` is a news log's entry, its lines
			// what was posted when, no steps.
			if (
				UNFINISHED.test(label.label) ||
				OPEN_COPULA.test(label.label) ||
				DATED.test(label.label) ||
				loggedLines(doc, next)
			)
				return;
			// A bold situation (`**If the payment provider is unreachable**`) or a named one
			// (`**Scenario 2: Crash loop**`) over its steps is one anywhere; in a scenarios section,
			// any bold label over numbered steps is, and one naming trouble over commands.
			if (FURNITURE.test(stepName(label.label))) return;
			const situation =
				(isSituation(label.label) || namesRunbook(label.label)) && !inCommunication(section);
			const steps = next.type === 'code' ? troubled(label.label) : next.ordered;
			if ((!situation && !(group && steps)) || (next.type === 'list' && linksOnly([next]))) return;
			// `**If a fix is possible:**` beside `**If a fix is not possible:**`: the two ways one
			// procedure goes on, not a situation each.
			const branch = complementOf(doc, section, node, label.label);
			if (branch) {
				context.check.push({
					kind: 'scenario',
					heading: label.label,
					start: startOf(node),
					end: endOf(next),
					reason: `it and \`${branch}\` are the two branches of one procedure, not situations of their own`,
				});
				return;
			}
			const title = scenarioTitle(label.label) || label.label;
			add(title, {}, `## Steps\n\n${sourceOf(doc, next)}`, startOf(node), endOf(next));
		});
	}
	recogniseItemScenarios(context, add);
	for (const section of allSections(doc.outline)) {
		for (const { item, condition } of presumedCases(doc, section) ?? []) {
			if (isClaimed(doc, startOf(item), endOf(item))) continue;
			const title = condition.charAt(0).toUpperCase() + condition.slice(1);
			const marker = /^(?:[-*+]|\d+[.)])\s+/.exec(doc.source.slice(startOf(item)))?.[0] ?? '- ';
			add(
				title,
				{ symptoms: [title] },
				`## Steps\n\n${itemSource(doc, item)}`,
				startOf(item),
				endOf(item),
				{
					// The case's words open the item's line, as a heading would.
					heading: condition,
					leave: (href) => `${marker}[${title.replace(/[[\]]/g, '\\$&')}](${href})`,
				}
			);
		}
	}
}

/** A lead-in ending where its sentence goes on into the list under it: `… will not work if:`. */
const UNFINISHED =
	/\b(?:if|when|whenever|unless|because|where|whether|while|that|than|to|for|of|with|by|and|or|such as|like)$/i;
/** A date opening a line: `10-Apr-2023:`, `5-6 May, 2023`, `2023-04-10`, `Apr 10, 2023`. */
const DATE = String.raw`(?:\d{1,2}(?:[–-]\d{1,2})?[-/. ](?:\d{1,2}|[A-Za-z]{3,9}\.?),?[-/. ]\d{2,4}|\d{4}-\d{2}-\d{2}|[A-Za-z]{3,9}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4})`;
const DATED = new RegExp(String.raw`^${DATE}\b`);
/** A time of day opening a line (`4:30 PM -`, `09:15 UTC`, `2023-04-10 09:15`): a log line. */
const STAMPED = new RegExp(
	String.raw`^(?:${DATE}[ T,]*)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?|utc|gmt|[A-Z]{2,4}\b)?\s*(?:[–—:-]|\b)`,
	'i'
);
/** A list whose every item opens with a time stamp: a log of what happened, never steps to take. */
function loggedLines(doc: Doc, node: RootContent): boolean {
	return (
		node.type === 'list' &&
		node.children.every((item) => STAMPED.test(inlineText(itemSource(doc, item)).trim()))
	);
}

/**
 * `### Assume leaked keys are compromised`, `### Treat lost laptops as stolen`: a heading telling
 * the reader how to regard a kind of trouble, over one list whose every item opens with a case and
 * says what to do in it (`- If you push a token, revoke it …`, `- If customer data leaks, call …`).
 * Each case is a situation of its own; the heading is the rule over them all, no one scenario. A
 * condition on the responders is a ladder's, and two sides of one condition are one procedure's.
 */
const PRESUME = /^(?:assume|treat|consider|regard)\s+\S.*\s(?:as|are|is|to be)\s+\S/i;
const CASE_ITEM = /^(?:if|when|whenever|should)\s+([^,]+?),\s+(\S.*)$/is;
function presumedCases(
	doc: Doc,
	section: Section
): { item: ListItem; condition: string }[] | undefined {
	const title = stepName(stripEmoji(section.title));
	if (!PRESUME.test(title) || !troubled(title) || section.children.length) return undefined;
	if (inCommunication(section) || section.nodes.some((node) => node.type === 'code'))
		return undefined;
	const lists = section.nodes.filter((node) => node.type === 'list');
	if (lists.length !== 1 || lists[0]!.children.length < 2) return undefined;
	const cases = lists[0]!.children.map((item) => {
		const condition = CASE_ITEM.exec(inlineText(itemSource(doc, item)))?.[1]?.trim();
		return condition && !escalationCondition(condition) ? { item, condition } : undefined;
	});
	if (cases.some((each) => !each)) return undefined;
	const conditions = new Set(cases.map((each) => unnegated(each!.condition)));
	return conditions.size === cases.length
		? (cases as { item: ListItem; condition: string }[])
		: undefined;
}

/** `\`sessionsrv\` - manages logins. …`, `**Cache**: holds sessions. …`: an item naming one part first. */
const NAMED_ITEM = /^(`[^`]+`|\*\*[^*]+\*\*|__[^_]+__)\s*(?::\s+|\s+[–—-]\s+)(\S.*)$/s;
/** What a catalogue item says to do to its part when it fails: work on the system, not a call. */
const REPAIR =
	/\b(?:restart(?:ing)?|reboot|redeploy|re-?run|roll(?:ing)? ?back|revert|scale|clear|flush|reset|recreate|re-?create|fail ?over|kill|delete|remove)\b/i;

/**
 * `If website logins fail or the origins list is empty, restart this service.` in an item of a
 * list naming one part each (`- \`sessionsrv\` - manages logins. If …, restart this service.`):
 * the part's failure, as seen, and what repairs it. Undefined for any other item; a condition on
 * the responders (`If nobody answers, …`) is a ladder's, and one naming no trouble is advice.
 */
function itemFailure(
	doc: Doc,
	item: ListItem
): { name: string; condition: string; body: string } | undefined {
	if (item.children[0]?.type !== 'paragraph') return undefined;
	const named = NAMED_ITEM.exec(itemSource(doc, item));
	if (!named || parseLevel(inlineText(named[1]!))) return undefined;
	for (const sentence of named[2]!.split(/(?<=[.!?])\s+(?=[A-Z])/)) {
		// The last comma ends the condition: `If A does nothing, or B never shows, restart it.`
		const clause = /^(?:if|when|whenever)\s+(.+),\s+([^,]+?)[.!]?$/i.exec(sentence.trim());
		if (!clause || !REPAIR.test(clause[2]!)) continue;
		const condition = inlineText(clause[1]!);
		if (escalationCondition(condition) || !(troubled(condition) || stronglyTroubled(condition)))
			continue;
		return { name: named[1]!, condition, body: itemSource(doc, item) };
	}
	return undefined;
}

/**
 * A list of parts, each named first with what it does, where two or more items say how that part
 * fails and what repairs it (`If package search is broken, restart this service`): each such item
 * is a scenario, titled by the part and its failure. One such item among notes is advice.
 */
function recogniseItemScenarios(
	context: Context,
	add: (
		title: string,
		data: Partial<ScenarioInput>,
		body: string,
		start: number,
		end: number,
		at: { heading?: string; leave?: (href: string) => string }
	) => void
): void {
	const { doc } = context;
	for (const section of [doc.outline, ...allSections(doc.outline)]) {
		if (inCommunication(section) || underHeading(section, REPORT)) continue;
		for (const node of section.nodes) {
			if (node.type !== 'list' || isClaimed(doc, startOf(node), endOf(node))) continue;
			const named = node.children.filter(
				(item) => item.children[0]?.type === 'paragraph' && NAMED_ITEM.test(itemSource(doc, item))
			);
			const failures = node.children.map((item) => itemFailure(doc, item));
			if (failures.filter(Boolean).length < 2 || named.length * 2 < node.children.length) continue;
			node.children.forEach((item, i) => {
				const failure = failures[i];
				if (!failure) return;
				// A long condition is named by its first clause; all of it is what is seen.
				const short = failure.condition.split(/\s+/).length > 12;
				const seen = short ? failure.condition.split(/,\s+/)[0]! : failure.condition;
				// Plain words, as a heading's title is: `\`cartsvc\`` reads `cartsvc`.
				const title = `${inlineText(failure.name)}: ${seen}`.replace(/`/g, '');
				// The list keeps the part's name, linked to its scenario, so the page still lists it.
				const marker = /^(?:[-*+]|\d+[.)])\s+/.exec(doc.source.slice(startOf(item)))?.[0] ?? '- ';
				add(
					title,
					{ symptoms: [failure.condition.charAt(0).toUpperCase() + failure.condition.slice(1)] },
					failure.body,
					startOf(item),
					endOf(item),
					{
						// The part's name opens the item's first line, as a heading would.
						heading: inlineText(failure.name).replace(/`/g, ''),
						leave: (href) =>
							`${marker}${failure.name}: [${seen.replace(/[[\]]/g, '\\$&')}](${href})`,
					}
				);
			});
		}
	}
}

/** A condition with its negation taken out: `a fix is not possible` reads `a fix is possible`. */
const unnegated = (text: string): string =>
	stepName(text)
		.toLowerCase()
		.replace(/[:.]+$/, '')
		.replace(/n't\b/g, '')
		.replace(/\b(?:not|no|never)\s+/g, '')
		.replace(/\s+/g, ' ')
		.trim();

/** The bold label beside `node` in its section that is the same condition negated, if any. */
function complementOf(
	doc: Doc,
	section: Section,
	node: RootContent,
	label: string
): string | undefined {
	const own = unnegated(label);
	for (const other of section.nodes) {
		if (other === node || other.type !== 'paragraph') continue;
		const text = sourceOf(doc, other);
		const line = text.includes('\n') ? undefined : labelLine(text);
		if (line && !line.value && line.label !== label && unnegated(line.label) === own)
			return line.label;
	}
	return undefined;
}

/**
 * A quick-reference table `| Incident | First Action | Runbook |` gives each scenario its first
 * action.
 */
export function recogniseFirstActions(context: Context): void {
	for (const section of [context.doc.outline, ...allSections(context.doc.outline)]) {
		for (const node of section.nodes as RootContent[]) {
			if (node.type !== 'table' || node.children.length < 2) continue;
			const headers = node.children[0]!.children.map((cell) => toString(cell).toLowerCase());
			const action = headers.findIndex((h) =>
				/first (action|step)|first response|do first/.test(h)
			);
			if (action < 1) continue;
			const matches = node.children.slice(1).map((row) => {
				const cells = row.children.map((cell) => stripEmoji(toString(cell)).trim());
				const anchors: string[] = [];
				visit(
					row,
					'link',
					(link: Link) =>
						void anchors.push(
							slugify(link.url.replace(/^#/, '').replace(/-?(runbook|playbook)$/, ''))
						)
				);
				const scenario = context.out.scenarios.find(
					(s) =>
						anchors.includes(s.slug) ||
						slugify(cells[0]!) === s.slug ||
						s.data.title.toLowerCase().includes(cells[0]!.toLowerCase())
				);
				return { scenario, cells };
			});
			// The table stays in its page as a quick reference; each scenario also gets its row's action.
			if (matches.some((m) => !m.scenario)) continue;
			for (const { scenario, cells } of matches) scenario!.data.firstAction = cells[action];
		}
	}
}

/**
 * A list of `Label:` items (`- Alert rule:`, `- Description:`, `- Solution:`, each over its value)
 * in a section's own text, one of them a runbook's part saying what to do or what it means.
 */
function keyedRunbook(doc: Doc, section: Section): boolean {
	return section.nodes.some((node) => {
		if (node.type !== 'list' || node.ordered || node.children.length < 2) return false;
		const labels = node.children.map((item) => {
			const first = item.children[0];
			if (first?.type !== 'paragraph') return undefined;
			const line = KEY_LINE.exec(itemSource(doc, item));
			return line ? (line[2] ?? line[3])!.trim() : undefined;
		});
		return (
			labels.every(Boolean) &&
			labels.some((label) => DIAGNOSTIC_LABEL.test(label!)) &&
			labels.some((label) => KEY_LABEL.test(label!) || /^alert rule$/i.test(label!))
		);
	});
}

/** `1. Check the logs`, `2) Restart the pod`: a heading numbering one step of a procedure. */
const NUMBERED_HEADING = /^(\d{1,2})[.)]\s+(\S.*)$/;

/**
 * Numbered step headings (`### 1. Check the logs`, `### 2. Restart the pod`, numbered from one,
 * each over its own text and no deeper heading) as the ordered list they are, each heading's words
 * the step and its text inside it: the steps a responder ticks. The words stay as written.
 */
function headingSteps(body: string): string {
	const root = parseMarkdown(body);
	const nodes = root.children;
	const edits: { start: number; end: number; text: string }[] = [];
	for (let i = 0; i < nodes.length; i++) {
		const first = nodes[i]!;
		if (first.type !== 'heading' || body[startOf(first)] !== '#') continue;
		const depth = first.depth;
		const steps: { title: string; start: number; end: number }[] = [];
		let at = i;
		let ok = true;
		while (at < nodes.length) {
			const heading = nodes[at]!;
			if (heading.type !== 'heading' || heading.depth !== depth) break;
			const words = body
				.slice(startOf(heading), endOf(heading))
				.replace(/^#+\s*/, '')
				.replace(/\s+#+\s*$/, '');
			const match = NUMBERED_HEADING.exec(words);
			if (!match || Number(match[1]) !== steps.length + 1) break;
			let next = at + 1;
			while (next < nodes.length && nodes[next]!.type !== 'heading') next++;
			const after = nodes[next];
			// A deeper heading inside a step would not survive as list text.
			if (after?.type === 'heading' && after.depth > depth) ok = false;
			const last = nodes[next - 1]!;
			steps.push({
				title: match[2]!,
				start: endOf(heading),
				end: next - 1 > at ? endOf(last) : endOf(heading),
			});
			at = next;
		}
		if (ok && steps.length >= 2) {
			const text = steps
				.map((step, n) => {
					const marker = `${n + 1}. `;
					const inner = body.slice(step.start, step.end).trim();
					const indented = inner
						.split('\n')
						.map((line) => (line.trim() ? ' '.repeat(marker.length) + line : ''))
						.join('\n');
					return inner ? `${marker}${step.title}\n\n${indented}` : `${marker}${step.title}`;
				})
				.join('\n\n');
			edits.push({ start: startOf(first), end: steps.at(-1)!.end, text });
		}
		i = Math.max(i, at - 1);
	}
	let out = body;
	for (const edit of edits.reverse())
		out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
	return out;
}

/** A step a responder can tick already: a top-level numbered list, a task item, a command block. */
function hasTickable(body: string): boolean {
	let found = false;
	const root = parseMarkdown(body);
	for (const node of root.children)
		if (
			(node.type === 'list' && node.ordered) ||
			(node.type === 'code' && isCommandLanguage(node.lang))
		)
			found = true;
	visit(root, 'listItem', (item) => {
		if (typeof item.checked === 'boolean') found = true;
	});
	return found;
}

/** `How to **fix**:`, `To investigate:`, `Mitigation steps:`: a lead saying the list after it is what to do. */
const ACTION_LEAD =
	/^(?:how to (?:fix|investigate|resolve|mitigate|respond|debug|troubleshoot|recover)(?: (?:it|this|the (?:issue|problem|alert)))?|to (?:fix|investigate|resolve|mitigate|recover)(?: (?:it|this|the (?:issue|problem|alert)))?|(?:possible |suggested |recommended )?(?:fix(?:es)?|solutions?|mitigations?|remediation|resolution|investigation|actions?|next steps|steps(?: to (?:take|fix|resolve|investigate))?|what to do)(?: steps)?)\s*:?$/i;
/** What an item that is an action starts with: a verb telling the responder what to do. */
const IMPERATIVE =
	/^(?:then\s+)?(?:check|look|ensure|make sure|verify|confirm|run|re-?run|restart|reboot|scale|increase|decrease|reduce|raise|lower|bump|investigate|inspect|review|find|identify|search|query|open|go|navigate|log ?in(?:to)?|ssh|delete|remove|drain|cordon|roll ?back|revert|redeploy|deploy|upgrade|downgrade|update|set|add|disable|enable|stop|start|kill|contact|page|escalate|notify|wait|monitor|compare|examine|consider|try|fix|clean|clear|free|expand|resize|rotate|renew|regenerate|recreate|create|collect|gather|capture|describe|get|grep|tail|analy[sz]e|debug|correlate|determine|double-check|manually|apply)\b/i;
/** `If X, do Y` / `If X: do Y`: an action under a condition. */
const CONDITIONAL_ACTION = /^(?:if|when|in case)\b[^:]*?(?:,|:)\s*(.+)$/is;

/**
 * A list of actions a lead names as what to do (`How to **investigate**:` over `- Check the
 * dashboard`, `- Look for errors in the logs`), every item starting with what to do (or `If X, do
 * Y`), in a body with no step to tick: each item becomes a task item to tick, its words as written.
 * A list of causes or facts under the same lead (`- The state could not be read`) stays a list.
 */
function actionSteps(body: string): string {
	if (hasTickable(body)) return body;
	const root = parseMarkdown(body);
	const edits: number[] = [];
	root.children.forEach((node, index) => {
		const lead = root.children[index - 1];
		if (node.type !== 'list' || node.ordered || !lead) return;
		if (lead.type !== 'paragraph' && lead.type !== 'heading') return;
		if (!ACTION_LEAD.test(toString(lead).trim())) return;
		const texts = node.children.map((item) =>
			item.children[0]?.type === 'paragraph' ? toString(item.children[0]).trim() : ''
		);
		const actions = texts.every((text) => {
			const then = CONDITIONAL_ACTION.exec(text)?.[1];
			return IMPERATIVE.test(text) || (!!then && IMPERATIVE.test(then.trim()));
		});
		if (!actions) return;
		for (const item of node.children) {
			const at = startOf(item);
			if (!/^[*+-][ \t]+\S/.test(body.slice(at))) return;
		}
		for (const item of node.children) edits.push(startOf(item));
	});
	let out = body;
	for (const at of edits.reverse()) {
		const marker = /^[*+-][ \t]+/.exec(out.slice(at))![0];
		out = `${out.slice(0, at)}${marker[0]} [ ] ${out.slice(at + marker.length)}`;
	}
	return out;
}

/** A scenario's body with the steps its source plainly writes made steps to tick. */
export const tickable = (body: string): string => actionSteps(headingSteps(body));
