import type { Code, Nodes, Paragraph, Parent, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visitParents } from 'unist-util-visit-parents';
import { parseToken, scanBlanks } from '../lib/placeholders.ts';
import type { TemplateField, TemplateInput } from '../schemas/index.ts';
import {
	allSections,
	claim,
	endOf,
	entryLink,
	inlineText,
	isClaimed,
	labelLine,
	slugify,
	sourceOf,
	startOf,
	stripEmoji,
	uniqueSlug,
	withoutSectionNumber,
	type Section,
} from './markdown.ts';
import {
	fromOffset,
	hrefOf,
	takenIn,
	type Context,
	type PendingCheck,
	type SourceRef,
} from './model.ts';
import { inCommunication } from './scenarios.ts';

/**
 * Communication templates: fenced blocks of prose (no language, `markdown`, `text`) under a
 * communication / template / message heading or label. Each blank (`[Brief description]`,
 * `<affected_feature>`, `{{service}}`, `P[0-4]`, `@[name]`, `[15/30]`) becomes a declared field
 * whose token is the exact blank text.
 */

const PROSE_LANGS = new Set([
	'',
	'markdown',
	'md',
	'text',
	'txt',
	'plain',
	'plaintext',
	'slack',
	'email',
]);
const TEMPLATE_WORDS =
	/\b(?:press|media|public|holding)\s+(?:statements?|releases?|responses?)\b|communicat|\bcomms\b|template|message|notif|notice|announce|briefing|\bposts?\b(?!-)|alert|update|status page|email|slack|post-?mortem|review|record|timeline|handoff|hand-off|handover|hand-over|report|resolution|resolved/i;
/** Prose right above a block that calls it a template: `Copy the following template to …:`. */
const ANNOUNCES_TEMPLATE = /\btemplates?\b[^.!?]*:\s*$/i;
/**
 * Prose above a block that hands it over as the message to send: `Post a message into the
 * #platform channel, following this format:`, `Inform the team using the below template`, `post a
 * message to the incident thread as follows:`.
 */
const HANDS_OVER_MESSAGE =
	/\b(message|template|announcement|wording|form of words)\b[^.!?]*\b(below|following|as follows|this format|like this)\b|\b(below|following)\s+(message|template|text|wording|format)\b/i;
/**
 * Prose right above a block that says what a message holds, the block then written as the message:
 * `Initial comms should include:`, `Each update must contain:`.
 */
const HOLDS = /\s+(?:should|must)\s+(?:include|contain|read|look like)$/i;
const SAYS_WHAT_IT_HOLDS =
	/\b(comms|communications?|messages?|(?:e-?)?mails?|updates?|announcements?|notices?|notifications?|sitreps?)\s+(?:should|must)\s+(?:include|contain|read|look like)\s*:\s*$/i;
/**
 * Prose above a block that calls it code to run or paste into a tool: `use the following query`,
 * `this log filter:`, `the MQL queries below`, `To list the queues, run:`. Its brackets and
 * `${NAME}` are the tool's syntax.
 */
const INTRODUCES_CODE =
	/\b(quer(?:y|ies)|filters?|expressions?|commands?|scripts?|snippets?|regex(?:es)?)\b|\b(?:run|execute)(?:\s+(?:this|these|it|the following))?\s*:?\s*$/i;
/**
 * A heading naming a message for an audience: `Customer Communication`, `Public statement`,
 * `Staff notice`. Under it a block with no blank is the message itself when it states no fact.
 */
const AUDIENCE_MESSAGE =
	/^(customers?|public|users?|clients?|external|internal|staff|employees?|stakeholders?|partners?)\b.{0,30}\b(communications?|messages?|notices?|statements?|e-?mails?|announcements?|notifications?|responses?)$/i;
/** Labels that say "here is a template" without naming it, or only where it goes (`Slack #general:`). */
const GENERIC_LABEL = /^(template|example|format|markdown|body|message|text|content|copy)$/i;
const CHANNEL_LABEL =
	/^(e-?mail|(?:slack\s+)?#[a-z0-9][\w-]*|slack|sms|chat|status page|e-?mail\s*\/\s*status page|status page\s*\/\s*e-?mail)$/i;
/** A caption line over a block, not a sentence: `Example "investigating" messaging`, `Sample:`. */
const CAPTION = /^(?:examples?|sample)\b[^.!?\n]{0,60}$/i;
/**
 * A caption naming the message for one status (`Example "investigating" messaging`, `"Resolved"
 * message`): one of a set of standard words, copied as they are.
 */
const STATUS_CAPTION =
	/^(?:(?:examples?|sample)\s+(?:of\s+)?(?:an?\s+)?)?["“'](investigating|identified|monitoring|mitigated|mitigating|resolved|update)["”']\s+(?:messag(?:e|ing)|posts?|notices?|wording|text)$/i;
/** A clock time or date written in: a fact of one incident, never standard words. */
const CLOCK = /\b\d{1,2}:\d{2}\b|\b\d{1,4}[/-]\d{1,2}[/-]\d{2,4}\b/;
/** A block captioned as one status's message that writes in no time or date: words to copy. */
const standardStatusWords = (code: CodeContext): boolean =>
	STATUS_CAPTION.test(code.label ?? '') && !CLOCK.test(code.node.value);
/** Words that name severities in a note: `P0/P1 Only`, `SEV-1/2 only`. */
const LEVELS = /\b(P\d|SEV-?\d|S\d)\b/i;
const CHECKBOX_LINE = /^\s*(?:[-*]\s*)?\[ \]/gm;

export interface CodeContext {
	node: Code;
	section: Section;
	/** A bold or `Label:` paragraph right before the block, or the list item's lead-in. */
	label?: string | undefined;
	/** The paragraph that holds the label, when it holds nothing else. */
	labelNode?: Paragraph | undefined;
	/** Paragraphs just before the block (for a file path such as `incidents/…md`). */
	before: string[];
	/** The nearest bold-only label a few blocks up (`**3. Create Incident Record**`). */
	lead?: string;
	/** A bold line above that acts as a sub-heading (`**External Communication (P0/P1 Only)**`). */
	group?: string;
	/** `**Subject:** …` in a paragraph just above the block, and that paragraph. */
	subject?: string;
	subjectNode?: Paragraph;
	/** `Audience: customers` in the paragraph just after the block, and that paragraph. */
	audience?: string;
	audienceNode?: Paragraph;
	/** The block is inside a list item: a step of a procedure. */
	inStep: boolean;
	/** The step's own text above the block (its lead-in and sub-items), when in a list item. */
	step?: string;
	/** Text of the paragraph right before the block (`Post in #incidents:`), or empty. */
	previous: string;
	/** The last line written above the block in its section, whatever holds it (a list's item). */
	above: string;
}

/** Every fenced block with where it sits: its section and the label in front of it. */
export function codeBlocks(context: Context): CodeContext[] {
	const sections = [...allSections(context.doc.outline)];
	const found: CodeContext[] = [];
	visitParents(context.doc.root, 'code', (node: Code, ancestors: Nodes[]) => {
		const parent = ancestors[ancestors.length - 1] as Parent;
		const index = parent.children.indexOf(node);
		const at = startOf(node);
		const section =
			sections.filter((s) => s.start <= at && at < s.end).pop() ?? context.doc.outline;
		// Paragraphs just above, in this section and after any block before: another message's
		// subject is not this one's.
		const above = parent.children.slice(Math.max(0, index - 3), index);
		const before = above
			.slice(above.findLastIndex((n) => n.type === 'code') + 1)
			.reverse()
			.filter((n): n is Paragraph => n.type === 'paragraph' && startOf(n) >= section.contentStart);
		let label: string | undefined;
		let labelNode: Paragraph | undefined;
		const previous = parent.children[index - 1];
		if (previous?.type === 'paragraph') {
			const lines = context.doc.source.slice(startOf(previous), endOf(previous)).split('\n');
			const last = labelLine(lines[lines.length - 1]!);
			if (last && !last.value) {
				// `Initial comms should include:` names the message by its first words.
				label = last.label.replace(HOLDS, '');
				// In a list item the label is the item's own text; it stays, with the link after it.
				if (lines.length === 1 && parent.type !== 'listItem') labelNode = previous;
			}
		}
		// `Example "investigating" messaging` alone on the line above: a caption naming the block.
		const caption =
			previous?.type === 'paragraph' ? toString(previous).trim().replace(/:$/, '') : '';
		if (!label && CAPTION.test(caption)) label = caption;
		if (
			!label &&
			parent.type === 'listItem' &&
			parent.children[0]?.type === 'paragraph' &&
			index > 0
		) {
			label = stripEmoji(toString(parent.children[0])).replace(/:$/, '').trim();
		}
		const lead = before
			.map((p) => context.doc.source.slice(startOf(p), endOf(p)))
			.map((text) => (text.includes('\n') ? undefined : labelLine(text)))
			.find(
				(l) => l && !l.value && !GENERIC_LABEL.test(l.label) && !CHANNEL_LABEL.test(l.label)
			)?.label;
		// A bold-only paragraph followed by another paragraph heads the blocks below it.
		const group = parent.children
			.slice(0, index)
			.map((n, i, all) =>
				n.type === 'paragraph' &&
				startOf(n) >= section.contentStart &&
				all[i + 1]?.type === 'paragraph'
					? labelLine(context.doc.source.slice(startOf(n), endOf(n)))
					: undefined
			)
			.filter((l) => l && !l.value)
			.pop()?.label;
		const labelled = (p: Paragraph, name: RegExp) => {
			const pair = labelLine(context.doc.source.slice(startOf(p), endOf(p)), true);
			return pair && name.test(pair.label) && pair.value ? pair.value : undefined;
		};
		const subjectNode = before.find((p) => labelled(p, /^subject( line)?$/i));
		const next = parent.children[index + 1];
		const audienceNode =
			next?.type === 'paragraph' && labelled(next, /^(audience|share with|send to)$/i)
				? next
				: undefined;
		found.push({
			node,
			section,
			label,
			labelNode,
			inStep: parent.type === 'listItem',
			...(parent.type === 'listItem'
				? {
						step: parent.children
							.slice(0, index)
							.filter((n) => n.type !== 'code')
							.map((n) => toString(n))
							.join('\n'),
					}
				: {}),
			previous: previous?.type === 'paragraph' ? toString(previous) : '',
			above:
				context.doc.source
					.slice(section.contentStart, at)
					.split('\n')
					.findLast((line) => line.trim())
					?.trim() ?? '',
			...(subjectNode ? { subject: labelled(subjectNode, /./)!, subjectNode } : {}),
			...(audienceNode ? { audience: inlineText(labelled(audienceNode, /./)!), audienceNode } : {}),
			before: before.map((p) => toString(p)),
			...(lead ? { lead } : {}),
			...(group ? { group } : {}),
		});
	});
	return found;
}

/** A fenced block of `[ ]` lines under a checklist heading: the checklist recogniser's. */
export function isChecklistBlock(code: CodeContext): boolean {
	const boxes = code.node.value.match(CHECKBOX_LINE)?.length ?? 0;
	return (
		boxes >= 2 &&
		/checklist|first \d+ minutes|steps/i.test(
			`${code.section.title} ${code.label ?? ''} ${code.node.value.split('\n')[0]}`
		)
	);
}

/** Programs people run (`amtool silence add …`, `kubectl …`): a procedure's step, not a message. */
const COMMAND_WORDS =
	/^(\$\s+)?(sudo|amtool|kubectl|helm|curl|wget|git|npm|npx|yarn|pnpm|psql|mysql|redis-cli|docker|ssh|scp|aws|gcloud|az|railway|vercel|supabase|systemctl|journalctl|tail|grep|cat|ls|cd|export|echo|node|python3?|pip|make|terraform|ansible)\b/;
const COMMAND_LINE =
	/^\s*(\$\s+)?[a-z][\w.-]*\s+(?:\S+\s+)*?(?:--?[a-z][\w-]*(?:=|\s|$)|[a-z_]+=\S)/;
/** A chat tool's slash command (`/incident create [title]`): typed into the chat, not a message. */
const SLASH_COMMAND = /^\s*\/[a-z][\w-]*(\s|$)/;

/**
 * Clicks through a tool, written out in a step (`Go to https://… → Alerts → Silence`, `Open the
 * console`, `Click "Mute"`): what a person does on a screen, not a message to send.
 */
const SCREEN_STEP =
	/^\s*(?:\d+[.)]\s*)?(go to|navigate to|open|click|select|choose|log ?in(to)?|sign in(to)?|browse to)\b/i;

export function looksLikeCommand(value: string): boolean {
	if (SCREEN_STEP.test(value.split('\n').find((line) => line.trim()) ?? '')) return true;
	const lines = value.split('\n').filter((line) => line.trim() && !/^\s*#/.test(line));
	if (lines.length === 0) return false;
	const commands = lines.filter(
		(line) => COMMAND_WORDS.test(line.trim()) || COMMAND_LINE.test(line) || SLASH_COMMAND.test(line)
	);
	return commands.length * 2 >= lines.length;
}

/** A log line: it starts with a timestamp (`2026-01-04T10:00:01Z`, `10:00:01`) or a level. */
const LOG_LINE =
	/^\s*\[?(?:\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}|\d{1,2}:\d{2}:\d{2}\b|(?:ERROR|WARN(?:ING)?|INFO|DEBUG|TRACE)\b)/;
/** A configuration key (`notify:`, `  channel: "[channel]"`, `- name: x`): YAML, not a label. */
const CONFIG_LINE = /^\s*(?:-\s+)?[a-z_][\w.-]*:(?:\s|$)/;

/**
 * Data a tool reads or writes, not words to send: a JSON or XML payload, nested configuration keys,
 * or log lines. Its blanks (`"[service]"`, `<message>`) are a program's, and so is its wording.
 */
function looksLikeData(value: string): boolean {
	if (/^\s*(?:\{\s*(?:"|\n)|\[\s*(?:[{"]|\n)|<\?xml)/.test(value)) return true;
	if (looksLikeProgram(value)) return true;
	const lines = value.split('\n').filter((line) => line.trim());
	const logs = lines.filter((line) => LOG_LINE.test(line)).length;
	const nested =
		lines.every((line) => CONFIG_LINE.test(line)) && lines.some((line) => /^\s+\S/.test(line));
	return lines.length > 0 && (logs * 2 >= lines.length || nested);
}

/** A metric selected by its labels: `up{job="api"}`, `rate(errors_total{namespace=~"<ns>"}[5m])`. */
const LABEL_SELECTOR = /[A-Za-z_:][\w:]*\{\s*[A-Za-z_]\w*\s*(?:=~|!~|!=|=)\s*"/;
/** A line that opens a nested block (`_config+:: {`, `resource "x" "y" {`, `if (ready) {`). */
const OPENS_BLOCK = /[{[(]\s*$/;
/** A line that only closes one (`}`, `},`, `]);`). */
const CLOSES_BLOCK = /^\s*[}\])]+[,;]?\s*$/;

/**
 * Code a responder runs or configures, not words to send: a query that selects a metric by its
 * labels, or a configuration or program written as nested blocks (a line opening `{` and a line
 * only closing it). Its `<int>` and `<namespace>` are the code's values to fill, not a message's.
 */
function looksLikeProgram(value: string): boolean {
	if (LABEL_SELECTOR.test(value)) return true;
	const lines = value.split('\n');
	return (
		lines.some((line) => OPENS_BLOCK.test(line)) && lines.some((line) => CLOSES_BLOCK.test(line))
	);
}

/**
 * A line a program prints when it fails: `Error: waiting for …`, `error[E0308]:`, `panic: …`,
 * `Traceback (most recent call last):`, an event reason (`FailedScheduling: …`), an exception
 * (`java.lang.IllegalStateException: …`) or a stack frame (`    at run (main.js:3:9)`).
 */
const DIAGNOSTIC_LINE =
	/^\s*(?:(?:error|warning|fatal|panic|exception|caused by)(?:\[\w-]+\])?\s*:|traceback \(most recent call last\)|(?:Failed|Err)[A-Z]\w*:|(?:[a-z]\w*\.)*[A-Z]?\w*(?:Error|Exception|BackOff)\b:|at\s+[\w$.<>]+\s*\(|File "[^"\n]+", line \d+)/i;
/**
 * Prose right above a block that shows what a tool printed: `fails with errors like:`, `describing
 * the pod shows:`, `You may see this in the output:`. Not one that sends it (`Post this error notice:`).
 */
const SHOWS_OUTPUT =
	/\b(?:errors?(?: messages?)?(?: like| such as)?|output|stack ?traces?|in the logs?|(?:you|we)(?: may| might| will|'ll| would| can| could)? see|shows?|prints?|returns?|fails? with|failing with)\b[^.!?]*:\s*$/i;
const SENDS = /\b(?:send|post|tell|notify|announce|share|publish|email)\b/i;
/** Words addressed to people: a sender's voice (`we are`), `you`, `please`. */
const ADDRESSED = /\b(?:we(?:'re| are| will|'ll| have)|you|your|please)\b/i;

/**
 * What a program printed, shown so a reader recognises a failure (`Error: timeout while waiting
 * …`, a stack trace): the symptom of a problem, not words to send. Its `(...)` is the author's
 * elision and its `[NodeAffinity]` a plugin's name, not blanks. The prose above says it shows
 * output, or its first line is a program's error and nothing in it speaks to anyone.
 */
function looksLikeOutput(code: CodeContext): boolean {
	const lead = code.previous.split(/(?<=[.!?])\s+/).pop() ?? '';
	if (HANDS_OVER_MESSAGE.test(lead) || ANNOUNCES_TEMPLATE.test(lead) || SENDS.test(lead))
		return false;
	if (SHOWS_OUTPUT.test(lead)) return true;
	const first = code.node.value.split('\n').find((line) => line.trim()) ?? '';
	return DIAGNOSTIC_LINE.test(first) && !ADDRESSED.test(code.node.value);
}

/** Alertmanager's title for a firing alert: `[FIRING:1] DiskFull - critical`. */
const FIRING_TITLE = /^\s*\[FIRING:\d+\]/m;
/** Its title once the alert clears: `[RESOLVED] DiskFull`, `[RESOLVED:2] …`. */
const RESOLVED_TITLE = /^\s*\[RESOLVED(?::\d+)?\]/;
/** A label of the alert as the system lists it: `• alertname: DiskFull`, `alertname=DiskFull`. */
const ALERT_LABEL_LINE = /^\s*(?:[-*•]\s*)?alertname\s*[:=]/im;
/** A heading that only says what an alert looks like when it arrives: `Example Alert`, `Alert examples`. */
const EXAMPLE_ALERT =
	/^(?:(?:examples?|samples?)\s+(?:of\s+(?:an?\s+|the\s+)?)?(?:alerts?|alert notifications?|pages?)|alerts?\s+(?:examples?|samples?))\s*:?$/i;

/**
 * An alert as the monitoring system sends it, shown so a responder knows it when it arrives: an
 * Alertmanager notification (`[FIRING:1] …`, or `[RESOLVED] …` over the alert's `alertname` label
 * or under an `Example Alert` heading), or any block under a heading that only says `Example
 * Alert`. Its words are the system's, not a message a responder sends, and its `[FIRING:1]` is no
 * blank; unless the prose above calls it a template or hands it over as the message.
 */
function isAlertNotification(code: CodeContext): boolean {
	if (ANNOUNCES_TEMPLATE.test(code.previous) || HANDS_OVER_MESSAGE.test(code.previous))
		return false;
	const value = code.node.value;
	if (FIRING_TITLE.test(value)) return true;
	const underExample = [code.label, code.section.title, code.section.parent?.title].some(
		(heading) => heading && EXAMPLE_ALERT.test(stripEmoji(heading).trim())
	);
	if (RESOLVED_TITLE.test(value) && (ALERT_LABEL_LINE.test(value) || underExample)) return true;
	return underExample;
}

/** A line that starts with a clock time or date written out: `[14:35]`, `[2026-01-30 14:35]`. */
const WRITTEN_TIME =
	/^\s*\[(?:\d{1,2}:\d{2}(?::\d{2})?|\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2})?)(?:\s*(?:UTC|Z))?\]/im;

/** A chat message: starts by mentioning people (`@here`, `@channel`, `@oncall-team`). */
const MENTION = /^\s*@[\w-]+/;
/** A step's lead-in that says a message follows: "Tell the team:", "Post in #incidents:". */
const SAY = /\b(tell|notify|post|announce|message|send|inform|page|ping|update)\b/i;

/** A step's lead-in: its first line (`**Every hour** send the state of things to …`). */
const firstLine = (text = ''): string => text.split('\n')[0]!;

/**
 * A status site's post written as a file (`---` / `title: …` / `date: …` / `severity: …` / `---`,
 * then its text), as site generators publish incident and maintenance notices. The front matter
 * says it is such a post: a title, a date, and a key for the incident's state or reach. A page's
 * front matter (title, date, tags) is no notice.
 */
const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n|$)/;
const POST_STATE_KEY =
	/^(severity|status|state|impact|resolved\w*|affect\w*|components?|incident\w*|maintenance\w*|informational|scheduled\w*)$/i;
const TOP_KEY = /^([A-Za-z_][\w-]*):[ \t]*(.*)$/;

export function postMatter(value: string): string | undefined {
	const matter = FRONT_MATTER.exec(value)?.[1];
	if (matter === undefined) return undefined;
	const keys = matter.split('\n').flatMap((line) => TOP_KEY.exec(line)?.[1] ?? []);
	return keys.includes('title') && keys.includes('date') && keys.some((k) => POST_STATE_KEY.test(k))
		? matter
		: undefined;
}

/** `# Possible severity levels: down, disrupted, notice` over `severity: notice`: the key's choices. */
const CHOICES_COMMENT = /^#[^:\n]*:\s*([\w-]+(?:\s*[,|]\s*[\w-]+)+)\s*$/;

/**
 * Front-matter lines every post of the playbook writes alike (`section: issue`, with two posts or
 * more): the site needs them as they are. A date left to fill in or a yes/no flag is still a blank.
 */
function fixedPostLines(matters: string[]): Set<string> {
	const [first, ...rest] = matters;
	if (!first || rest.length === 0) return new Set();
	return new Set(
		first
			.split('\n')
			.map((line) => line.trim())
			.filter((line) => {
				const value = TOP_KEY.exec(line)?.[2]?.trim();
				return (
					!!value &&
					!value.match(PLACEHOLDER_STAMP) &&
					!/^(true|false)$/.test(value) &&
					rest.every((matter) => matter.split('\n').some((other) => other.trim() === line))
				);
			})
	);
}

/**
 * The blanks of a post file: each front-matter value (`title: Event Title`, a list of affected
 * services, a date written `YYYY-MM-DD HH:MM:SS UTC`) and the post's text, except values every
 * post of the playbook writes alike (`section: issue`), which the site needs as they are. A
 * `# Possible severity levels: down, disrupted, notice` comment above a key lists its choices.
 */
function postFields(body: string, fixed: Set<string>): TemplateField[] {
	const matter = postMatter(body)!;
	const lines = matter.split('\n');
	const fields: TemplateField[] = [];
	let from = body.indexOf(matter);
	const tokenAt = (value: string, at: number) => {
		const before = body.slice(0, at).split(value).length - 1;
		return body.split(value).length > 2 ? `${value}#${before + 1}` : value;
	};
	lines.forEach((line, index) => {
		const at = from;
		from += line.length + 1;
		const pair = TOP_KEY.exec(line);
		if (!pair || fixed.has(line.trim())) return;
		const key = pair[1]!;
		const written = pair[2]!.trim();
		// `affected:` over `  - publick8s`: the list is the value, one blank for all its items.
		const items: string[] = [];
		for (const next of lines.slice(index + 1)) {
			if (written || !/^\s*-\s/.test(next)) break;
			items.push(next);
		}
		const token = written || items.join('\n').trim();
		if (!token) return;
		const offset = body.indexOf(token, at + key.length);
		const label = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
		const choices = CHOICES_COMMENT.exec(lines[index - 1]?.trim() ?? '')?.[1]?.split(/\s*[,|]\s*/);
		const options = choices?.includes(token)
			? choices
			: /^(true|false)$/.test(token)
				? ['true', 'false']
				: undefined;
		fields.push({
			name: slugify(label),
			label: label.charAt(0).toUpperCase() + label.slice(1),
			tokens: [tokenAt(token, offset)],
			type: options ? 'choice' : items.length > 1 ? 'multiline' : 'text',
			...(options ? { options } : {}),
		});
	});
	const text = body
		.slice(body.indexOf(matter) + matter.length)
		.replace(/^\n---[ \t]*/, '')
		.trim();
	if (text) fields.push({ name: 'text', label: 'Text', tokens: [text], type: 'multiline' });
	return fields;
}

function isTemplate(code: CodeContext): boolean {
	if (/^(ya?ml)?$/i.test(code.node.lang ?? '') && postMatter(code.node.value)) return true;
	if (!PROSE_LANGS.has((code.node.lang ?? '').toLowerCase()) || !code.node.value.trim())
		return false;
	if (
		isChecklistBlock(code) ||
		looksLikeCommand(code.node.value) ||
		looksLikeData(code.node.value) ||
		looksLikeOutput(code) ||
		isAlertNotification(code)
	)
		return false;
	// `[14:35] Bob (IC): Update …`: lines stamped with a clock time written out are a log or a
	// filled-in example, whose facts would be false in the next incident.
	if (WRITTEN_TIME.test(code.node.value)) return false;
	// `Use the following query …:` over `fetch … | group_by [resource.job]`: a query, unless the
	// same sentence hands over a message (`Send the following message with the /page command:`).
	const lead = code.previous.split(/(?<=[.!?])\s+/).pop() ?? '';
	if (
		INTRODUCES_CODE.test(lead) &&
		!HANDS_OVER_MESSAGE.test(lead) &&
		!ANNOUNCES_TEMPLATE.test(lead)
	)
		return false;
	// `### Example` under a template: the message filled in once, not another template.
	if (/^(examples?|sample|filled[- ]in( example)?)$/i.test(code.section.title.trim())) return false;
	const words = `${code.label ?? ''} ${code.section.title} ${code.section.parent?.title ?? ''}`;
	const subject = SUBJECT_LINE.test(code.node.value) || !!code.subject;
	const blanks = blankTokens(code.node.value).length > 0;
	if (MENTION.test(code.node.value) && (blanks || SAY.test(code.label ?? ''))) return true;
	if (standardStatusWords(code)) return true;
	if (code.inStep && (SAY.test(code.label ?? '') || SAY.test(firstLine(code.step))) && blanks)
		return true;
	if (ANNOUNCES_TEMPLATE.test(code.previous) || SAYS_WHAT_IT_HOLDS.test(lead)) return true;
	if (blanks && HANDS_OVER_MESSAGE.test(code.previous)) return true;
	// `#### Customer Communication` over a message with no blank: safe to copy only when it
	// states no fact (no number, time or count) and reads as sentences.
	if (
		!blanks &&
		AUDIENCE_MESSAGE.test(unnumbered(stripEmoji(code.label ?? code.section.title))) &&
		!/\d/.test(code.node.value) &&
		/[.!]\s*$/.test(code.node.value.trim())
	)
		return true;
	// `**Monitoring**:` beside the other status messages: the standard words for that status. With
	// no blank, only text stating no fact (no number, time or count) is safe to copy as it is.
	if (
		STATUS_LABEL.test(stripEmoji(code.label ?? '').trim()) &&
		TEMPLATE_WORDS.test(words) &&
		!/\d/.test(code.node.value)
	)
		return true;
	return (TEMPLATE_WORDS.test(words) || subject) && (blanks || subject || /template/i.test(words));
}

/**
 * An email's subject line opening a block: `Subject: …`, `**Subject:** …`, or `# Subject: …` (a
 * heading marker on the line the author means as the subject, not a heading of the message), also
 * named with its other use (`Title/Subject:` for an issue that is also mailed).
 */
const SUBJECT_LINE =
	/^\s*(?:#{1,6}[ \t]+)?(?:\*\*)?(?:[a-z]+[ \t]*\/[ \t]*)?subject(?:[ \t]*\/[ \t]*[a-z]+)?:(?:\*\*)?[ \t]*(.+)\n?/im;
/** Markdown a message may use: emphasis, links, ATX headings, list items, code, tables, quotes. */
const MARKDOWN_MARKUP =
	/\*\*|__|`|\[[^\]\n]*\]\([^)\n]*\)|^\s{0,3}#{1,6}\s|^\s*(?:[-*+]|\d+[.)])\s|^\s*\||^\s*>/m;

/**
 * An email fenced as `markdown` but written as plain text: no markup but `Incident Summary` over a
 * `-----` underline, which the mail reader sees as it is. Read as Markdown, the underline would make
 * a heading inside the message, so the body is kept as written.
 */
const writtenAsText = (body: string): boolean => !MARKDOWN_MARKUP.test(body);

/** Prose that hands a block over as an example: `Here is an example sitrep:`, `For example:`. */
const CALLS_EXAMPLE = /\b(examples?|e\.g\.|for instance)\b/i;
/** `**Severity**: LOW`, `Responders: Ann, Bo`: a labelled line with its value written in. */
const FILLED_LINE =
	/^\s*(?:[-*+]\s+)?(?:\*\*[^*\n]{1,40}\*\*\s*:|\*\*[^*\n]{1,40}:\*\*|[A-Z][\w ]{0,30}:)\s*\S/;

/**
 * A message filled in once (`**Subject**: [sitrep] Chickens are escaping` over `**Severity**: LOW`,
 * `**Incident Commander**: Farmer Jane`): the text above calls it an example, or its one blank
 * is a tag on one line (`[sitrep]`) while three labelled lines or more carry values. A text the
 * prose above calls a template is one, whatever its lines say (`- **Lead**: your name`).
 * Copied into the next incident its facts would be false, so it is no template.
 */
function isFilledExample(code: CodeContext): boolean {
	const text = `${code.above} ${code.label ?? ''}`;
	if (/\btemplates?\b/i.test(text)) return false;
	const lines = code.node.value.split('\n').filter((line) => line.trim());
	const blanked = lines.filter((line) => blankTokens(line).length > 0);
	const filled = lines.filter((line) => FILLED_LINE.test(line) && blankTokens(line).length === 0);
	if (CALLS_EXAMPLE.test(text))
		return !leftToFill(code.node.value, filled.length) && !standardStatusWords(code);
	// `Starting at approximately 14:23 UTC today …` with no blank anywhere: one incident's account,
	// its clock times and dates those of that day.
	if (
		blanked.length === 0 &&
		blankTokens(code.subject ?? '').length === 0 &&
		CLOCK.test(code.node.value)
	)
		return true;
	return blanked.length === 1 && filled.length >= 3;
}

/**
 * Whether an example still leaves its facts to fill in (`UPDATE: {functionality} is {state} …`,
 * `please join us here: {link}`): two blanks at least, or one in a text that states no number, and
 * more blanks than labelled lines with a value written in (`**Lead**: Nora Field`). Such an example
 * is the template, shown as it is used.
 */
function leftToFill(text: string, filledLines: number): boolean {
	const blanks = blankTokens(text).length;
	return blanks > filledLines && (blanks >= 2 || !/\d/.test(text));
}

/** `Example "investigating" messaging` → `Investigating messaging`: the caption without "example". */
function captionTitle(caption: string): string | undefined {
	const words = caption
		.replace(/^(?:examples?|sample)\b\s*(?:of\s+)?(?:an?\s+)?/i, '')
		.replace(/["“”']/g, '')
		.trim();
	return words && !/^(below|above|here|follows)$/i.test(words)
		? words.charAt(0).toUpperCase() + words.slice(1)
		: undefined;
}

/** `UPDATE: {service} is …`, `Mitigated: …`: the word a message opens with, as its label. */
function openingLabel(value: string): string | undefined {
	const first = value.split('\n').find((line) => line.trim()) ?? '';
	const label = /^\s*([A-Z][A-Za-z]*(?: [A-Za-z]+)?):\s+\S/.exec(first)?.[1];
	return label && !SUBJECT_LABEL.test(label) && !/^(to|from|cc|hi|hello|dear)$/i.test(label)
		? label
		: undefined;
}

/** Who a step sends its message to, when it says: `to internal stakeholders`, `with customers`. */
function audienceOf(step: string): Kind | undefined {
	if (/\binternal\b/i.test(step)) return 'internal';
	if (/\b(customers?|users|public|external)\b/i.test(step)) return 'external';
	return undefined;
}

/** Where a step posts its message: a `#channel` is chat, an address or "email" is email. */
function stepChannels(step: string): NonNullable<TemplateInput['channels']> {
	const channels = channelsIn(step);
	// A radio channel is spoken into, not a chat room.
	if (
		/(^|\s)#[a-z][\w-]+|\bchannel\b/i.test(step) &&
		!/\b(?:radio|vhf|uhf)\b/i.test(step) &&
		!channels.includes('slack')
	)
		channels.push('chat');
	if (/\b[\w.+-]+@[\w-]+\.[\w.]+\b/.test(step) && !channels.includes('email'))
		channels.push('email');
	return channels;
}

/** A label that is only a status page status. */
const STATUS_LABEL =
	/^(investigating|identified|monitoring|resolved|update|mitigated|mitigating)$/i;

type Kind = TemplateInput['kind'];

function kindOf(text: string): Kind {
	// `Incident under review` is a notice sent during the incident, not the review after it.
	if (/post-?mortem|(?<!\b(?:under|in) )review|\bpir\b|retro|root cause|\brca\b/i.test(text))
		return 'post-mortem';
	if (/hand-?(off|over)/i.test(text)) return 'handoff';
	if (/timeline/i.test(text)) return 'timeline';
	if (/record|incident file|incident doc/i.test(text)) return 'incident-record';
	if (/status page/i.test(text)) return 'status-page';
	// `Internal Notification (Slack/Email)`: an email to the team is still internal.
	if (/\binternal\b/i.test(text)) return 'internal';
	if (
		/customer|external|users?\b|voters?\b|clients?\b|public|email|advisor(?:y|ies)|\bpress\b|\bmedia\b/i.test(
			text
		)
	)
		return 'external';
	// Posted where only the team reads, or addressed to it.
	if (
		/\b(?:team|staff|engineers?|developers?|on-?call|responders?|slack)\b|(?:^|\s)#[a-z][\w-]+/i.test(
			text
		)
	)
		return 'internal';
	// Words that name no reader leave the audience unsaid, never a guess.
	return 'message';
}

const SEVERITY_TOKEN = /^(?:P|SEV-?|S)\[[^\]]*\]$|^\[(?:(?:P|SEV-?|S)[\dXN]\s*\/?\s*)+\]$/i;
const STATUS_WORDS = /investigating|identified|mitigating|monitoring|resolved/i;

/** A bracketed date-and-time format as a blank: `[YYYY-MM-DD HH:MM]`, `<HH:MM UTC>`. */
const FORMAT_BLANK = /^[[<{]\s*(?:YYYY-MM-DD[ T])?HH:MM(?::SS)?(?:\s*UTC)?\s*[\]>}]$/;

/** The blank as a field: `[Brief description]` → `brief-description` "Brief description". */
export function fieldFor(
	token: string
): Pick<TemplateField, 'name' | 'label'> &
	Partial<Pick<TemplateField, 'type' | 'options' | 'derive'>> {
	if (SEVERITY_TOKEN.test(token))
		return { name: 'severity', label: 'Severity', type: 'severity', derive: 'severity' };
	if (/^_{3,}$|^x{3,}$|^X{4,}$|^\((?:\.{3}|…)\)$/.test(token))
		return { name: 'blank', label: 'Blank' };
	if (/^xx\/xx\//i.test(token)) return { name: 'date', label: 'Date' };
	if (/^XX:XX/i.test(token)) return { name: 'clock-time', label: 'Time (HH:MM UTC)' };
	const label =
		token
			.replace(/^@/, '')
			.replace(/^\$\((.*)\)$/, '$1')
			.replace(/^\{\{\s*|\s*\}\}$/g, '')
			.replace(/^[{$]|\}$/g, '')
			.replace(/^[[<]|[\]>]$/g, '')
			// `$ClientName`, `[$HANDLER_NAME]`: a variable's name as words.
			.replace(/^\$?(\w+)$/, (name: string, word: string) =>
				/^\[?\$/.test(token)
					? word.replace(/([a-z])([A-Z])|([A-Z])([A-Z][a-z])/g, '$1$3 $2$4')
					: name
			)
			.replace(/[_]+/g, ' ')
			.replace(/\*\*?([^*]+)\*\*?/g, '$1')
			.replace(/\s+/g, ' ')
			.trim() || token;
	const slug = slugify(label);
	const name = /^[a-z]/.test(slug) ? slug : `field-${slug}`;
	const options = label.split(/[/|,]/).map((o) => o.trim());
	const base = { name, label: label.charAt(0).toUpperCase() + label.slice(1) };
	// `<Outage|Partial Outage|Security Incident>`, `<up/down>`: a bar or a slash between words lists
	// the words to choose from; so do three
	// single words or more in a comma list (`[Low, Medium, High, **Critical**]`).
	if (
		/^<[^|>]+(\|[^|>]+)+>$/.test(token) ||
		/^<[a-z]+(?:\/[a-z]+)+>$/.test(token) ||
		(/^\[[^\]]*,[^\]]*\]$/.test(token) &&
			options.length >= 3 &&
			options.every((o) => /^[A-Za-z]+$/.test(o)))
	)
		return { ...base, type: 'choice', options };
	if (options.length > 1 && options.every((o) => STATUS_WORDS.test(o)))
		return { ...base, type: 'status', derive: 'status' };
	if (
		options.length > 1 &&
		(options.every((o) => /^\d+$/.test(o)) || options.every((o) => /^(yes|no)$/i.test(o)))
	)
		return { ...base, type: 'choice', options };
	// `[YYYY-MM-DD HH:MM]`, `[HH:MM UTC]`: a format that names no time, only that it is one; the
	// time of writing where its line says so (see `writtenAt`).
	if (FORMAT_BLANK.test(token)) return { ...base, type: 'datetime', derive: 'now' };
	// The incident's own start and end are not the time the message is written.
	if (/^(start time|started|incident start)$/i.test(label))
		return { ...base, type: 'datetime', derive: 'incident-start' };
	if (/^(end time|ended|resolved at|resolution time)$/i.test(label))
		return { ...base, type: 'datetime', derive: 'incident-end' };
	if (/^(timestamp|time|current time|time in utc|date\/time)$/i.test(label))
		return { ...base, type: 'datetime', derive: 'now' };
	if (/^incident id$/i.test(label)) return { ...base, derive: 'incident-id' };
	if (/^(duration|total time|total duration)$/i.test(label)) return { ...base, derive: 'duration' };
	if (/^date$/i.test(label)) return { ...base, derive: 'date' };
	if (/detailed|notes|timeline|explanation|list\b/i.test(label))
		return { ...base, type: 'multiline' };
	return base;
}

/**
 * Blank styles beyond the site's own: `$(service_name)` (a variable written as a shell would
 * substitute it, in a message: a lower-case name, no spaces, so no command), `{service}`, `$ETA` (`$CVE-NUMBER`, not the `_` closing
 * italics after `$CVEID_`), `$ClientName`, `${host}`, `___`, `xxxxx` (`Dear xxxxx,`), `XX:XX UTC`, `xx/xx/20xx`, `(...)`,
 * a one-word `<time>` or `<CLUSTER_URL>` and words in angle brackets (`<Site name>`, `<Outage|Partial
 * Outage>`), a choice of words (`<available/unavailable>`) — unless it is an HTML tag a message might carry, or is closed (`<time>…</time>`). A
 * capitals blank whose `>` was forgotten before the next (`<CLUSTER/<SERVICE>`) ends at its word.
 */
const MORE_BLANKS =
	/\$\([a-z][a-z0-9]*(?:_[a-z0-9]+)*\)|(?<!\{)\{[A-Za-z_][\w'/-]*(?: [\w'/-]+){0,6}\}(?!\})|\$[A-Z][A-Z0-9]*(?:[_-][A-Z0-9]+)*(?![A-Za-z0-9])|\$(?:[A-Z][a-z0-9]+|[A-Z]{2,}){2,}(?![A-Za-z0-9])|\$\{[A-Za-z_]\w*\}|(?<![\w-])(?:x{3,}|X{4,})(?![\w-])|_{3,}|\b[Xx]{2}:[Xx]{2}(?:\s*UTC)?|\b[Xx]{2}\/[Xx]{2}\/(?:\d\d|[Xx]{2})?[Xx]{2}\b|\((?:\.{3}|…)\)|<[A-Za-z][a-z]{1,23}>|<[a-z]+(?:\/[a-z]+)+>|<[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*(?:>|(?=[/ ,-]?<[A-Z]))|<[A-Za-z][\w.'/-]*(?:[ |][\w.'/-]+){1,8}>/g;
/**
 * A prompt in angle brackets that ends its line (`<Explain how it was detected, and when. Be
 * specific!>`, `Impacted users: <List who is affected …>`): one blank, however long, as a bracketed
 * line is, and it may wrap onto the next lines of its paragraph. No attributes, so no tag. A prompt
 * whose `>` was forgotten ends its paragraph: the blank is the rest of its line, not the message.
 */
const PROMPT_LINE =
	/(?<=^[ \t]*(?:[A-Z][\w ]{0,30}:[ \t]*)?)(?:<[A-Z](?:[^<>\n="]|\n(?![ \t]*\n))*>(?=[.!?]?[ \t]*$)|<[A-Z][^<>\n="]*(?=\n[ \t]*\n|\n?(?![\s\S])))/gm;
const HTML_TAGS = new Set(
	'br hr em strong code kbd sub sup small mark span div img pre ul ol li td tr th table details summary'.split(
		' '
	)
);
const isTag = (text: string, token: string): boolean => {
	const name = /^<([a-z]+)[\s>]/i.exec(token)?.[1];
	return !!name && (HTML_TAGS.has(name.toLowerCase()) || text.includes(`</${name}>`));
};

/** Shell syntax around a command: `&&`, `||`, a pipe, `; `, a redirect to a path. */
const SHELL_SYNTAX = /&&|\|\||\s\|\s|;\s|>>?\s*\//;
/**
 * `$(hostname)` in `notify-send "down on $(hostname)" && …`: a shell running a command, not a
 * blank. A one-word `$(name)` is a blank only in text with no shell syntax; `$(service_name)`
 * always is.
 */
const isSubstitution = (text: string, token: string): boolean =>
	/^\$\([a-z0-9]+\)$/.test(token) && SHELL_SYNTAX.test(text);

/** Blanks in the text with their exact tokens, `P[0-4]` and `@[name]` kept whole. */

export function blankTokens(text: string): string[] {
	const tokens: string[] = [];
	const blanks = [
		...scanBlanks(text),
		...[...text.matchAll(MORE_BLANKS), ...text.matchAll(PROMPT_LINE)]
			.filter((m) => !isTag(text, m[0]) && !isSubstitution(text, m[0]))
			.map((m) => ({ text: m[0], start: m.index })),
	].sort((a, b) => a.start - b.start);
	for (const blank of blanks) {
		const before = text.slice(0, blank.start);
		const level = /(?:^|[^A-Za-z])(P|SEV-?|S)$/i.exec(before)?.[1];
		const prefix =
			level && /^\[[\d\s/,–-]+\]$/.test(blank.text) ? level : before.endsWith('@') ? '@' : '';
		const token = prefix + blank.text;
		if (!tokens.includes(token)) tokens.push(token);
	}
	return tokens;
}

/**
 * The words labelling a blank on its line: `Next update: [Time]` → `Next update`, `Update as of
 * [Time]` → `Update as of`; undefined when the blank stands in a sentence or alone.
 */
export function blankLabel(text: string, at: number): string | undefined {
	const prefix = text.slice(text.lastIndexOf('\n', at - 1) + 1, at);
	const last = stripEmoji(prefix.replace(/[*_`]/g, ''))
		.replace(/^\s*(?:>\s*)?(?:[-*+•]|\d+[.)])?\s*/, '')
		.split(/[\]}>)]|[.;|]\s|\s[-–—]\s/)
		.pop()!
		.trim();
	const label =
		/^(.*?)\s*:$/.exec(last)?.[1] ?? (/\b(as of|since|at|until)$/i.test(last) ? last : undefined);
	return label && label.split(/\s+/).length <= 5 && /[a-z]/i.test(label) ? label : undefined;
}

/** Line labels that say which time a time blank holds; only these derive (the rest stay blank). */
const TIME_LABELS: [RegExp, NonNullable<TemplateField['derive']>][] = [
	[
		/^(started|start(ed)? (at|time)|start time|incident start(ed)?|began|since|detected( at)?|first detected)$/i,
		'incident-start',
	],
	[/^next update( at| by)?$/i, 'next-update'],
	[/^(update as of|as of|updated( at)?|last updated|current time|posted at)$/i, 'now'],
];

/** A blank used more than once for different things, or one the importer could not tell apart. */
export interface ReusedBlank {
	token: string;
	/** The label on each occurrence's line, in order (undefined: none). */
	labels: (string | undefined)[];
	/** Split into one field per occurrence (`[Time]#1`, `[Time]#2`). */
	split: boolean;
}

/**
 * A blank written more than once in the body (`Started: [Time]` … `Next update: [Time]`) means
 * different things when each place has its own label: each becomes its own field, `#n` token,
 * labelled from its line and derived where the label says which time it is. Without a label on
 * every line (or in the subject too, where `#n` counts again) it stays one field; a reused time
 * blank is then reported, since one value fills every place. A blank with no name (`___`, `(...)`)
 * is a field of its own at each place in the body.
 */
function reusedBlanks(body: string, subject: string, tokens: string[]): ReusedBlank[] {
	const found: ReusedBlank[] = [];
	for (const token of tokens) {
		const places: number[] = [];
		for (let at = body.indexOf(token); at !== -1; at = body.indexOf(token, at + token.length))
			places.push(at);
		if (places.length < 2) continue;
		const labels = places.map((at) => blankLabel(body, at));
		const distinct = new Set(labels.map((label) => label?.toLowerCase())).size === labels.length;
		const clear =
			labels.every(Boolean) &&
			distinct &&
			!subject.includes(token) &&
			!tokens.some((other) => other !== token && other.includes(token));
		const time = fieldFor(token).type === 'datetime' || /^XX:XX/i.test(token);
		// `with (...) and in consequence affecting (...)`: a blank with no name of its own is a new
		// blank at every place; one field for both would copy one value twice.
		const anonymous = fieldFor(token).name === 'blank' && !subject.includes(token);
		if (clear || time || anonymous) found.push({ token, labels, split: clear || anonymous });
	}
	return found;
}

const PLANNED = /\b(?:will|planning|planned|scheduled|expect(?:s|ed)?|upcoming)\b/i;

/**
 * Whether a blank that fills in the time of writing or the incident's start (`$TIME`, `[Date]`,
 * `[Start time]`) is that time where it stands: `Public disclosure date: $DATE $TIME` names another,
 * later time, which stays blank, as does one in a sentence about a plan (`We will upgrade on <DATE>`,
 * `expect to start around <START_TIME>`), which neither the clock nor the incident knows.
 */
function writtenAt(
	field: Omit<TemplateField, 'type' | 'tokens'>,
	body: string,
	token: string,
	tokens: string[]
) {
	if (field.derive !== 'now' && field.derive !== 'date' && field.derive !== 'incident-start')
		return true;
	const at = body.indexOf(token);
	if (at === -1) return true;
	const end = body.indexOf('\n', at);
	if (PLANNED.test(body.slice(body.lastIndexOf('\n', at) + 1, end === -1 ? undefined : end)))
		return false;
	if (field.derive === 'incident-start') return true;
	// Blanks just before it on the line (`$DATE $TIME`) share its label.
	let before = body.slice(0, at);
	for (let blank; (blank = tokens.find((t) => before.trimEnd().endsWith(t)));)
		before = before.trimEnd().slice(0, -blank.length);
	const label = blankLabel(before, before.length);
	return (
		!label ||
		/^(time|date|timestamp|time in utc|date\/time|today)$/i.test(label) ||
		TIME_LABELS.some(([words, derive]) => derive === 'now' && words.test(label))
	);
}

/**
 * A labelled line whose whole value is a date-and-time format left to fill in: `**Resolved:**
 * YYYY-MM-DD HH:MM UTC`, `- Started: YYYY-MM-DDTHH:MM`. The format is the blank (with its zone, as
 * a derived time is written), named after the label.
 */
const STAMP_LINE =
	/^[ \t]*(?:>[ \t]*)?(?:[-*+][ \t]+)?(?:\*\*|__)?([A-Za-z][\w /-]{0,30}?)(?::(?:\*\*|__)|(?:\*\*|__)?:)[ \t]*(YYYY-MM-DD[ T]HH:MM(?::SS)?(?:[ \t]*(?:UTC|Z))?)[ \t]*$/gm;
/** Labels for the time the incident ended. */
const END_LABEL = /^(resolved( at| on)?|resolution time|ended( at)?|end time|incident end(ed)?)$/i;

/**
 * Date-and-time formats standing alone after a label (`**Resolved:** YYYY-MM-DD HH:MM UTC`) as
 * time fields: derived where the label says which time (start, end, time of writing), one field
 * per line. A format also written elsewhere in the body without such a label (a timeline's
 * `YYYY-MM-DD HH:MM - detected`) or in the subject stays text, as one value could not fill both.
 */
function stampFields(body: string, subject: string, taken: string[]): TemplateField[] {
	const lines = [...body.matchAll(STAMP_LINE)];
	const fields: TemplateField[] = [];
	for (const token of new Set(lines.map((m) => m[2]!))) {
		if (subject.includes(token) || taken.some((t) => t.includes(token) || token.includes(t)))
			continue;
		const labelled = lines.filter((m) => m[2] === token);
		if (body.split(token).length - 1 !== labelled.length) continue;
		const labels = labelled.map((m) => m[1]!.trim());
		if (new Set(labels.map((l) => l.toLowerCase())).size !== labels.length) continue;
		labels.forEach((label, index) => {
			const derive = END_LABEL.test(label)
				? 'incident-end'
				: TIME_LABELS.find(([words]) => words.test(label))?.[1];
			const slug = slugify(label);
			fields.push({
				name: /^[a-z]/.test(slug) ? slug : `field-${slug}`,
				label: `${label} (date and time)`,
				type: 'datetime',
				...(derive ? { derive } : {}),
				tokens: [labels.length > 1 ? `${token}#${index + 1}` : token],
			});
		});
	}
	return fields;
}

/**
 * A value written after a label on a line of its own: `Status: Investigating`, `**Next update:**
 * 15 minutes`, `- Impact: ~X% of traffic`. Label and value as groups; bold and list marks aside.
 */
const VALUE_LINE =
	/^[ \t]*(?:>[ \t]*)?(?:[-*+][ \t]+)?(?:\*\*|__)?([A-Za-z][\w /()'&-]{0,30}?)(?::(?:\*\*|__)|(?:\*\*|__)?:)[ \t]*(\S[^\n]*?)[ \t]*$/gm;
const STATUS_NAMES = 'investigating|identified|mitigating|monitoring|resolved';
/** `Status`, `Current status`, `Incident status`: the label of the incident's status. */
const STATUS_LINE_LABEL = /^(?:(?:current|incident|overall)\s+)?status$/i;
/** One incident status (`Investigating`), or the statuses to choose from (`Investigating / Resolved`). */
const STATUS_VALUE = new RegExp(
	`^(?:${STATUS_NAMES})(?:\\s*(?:/|\\||,|\\bor\\b)\\s*(?:${STATUS_NAMES}))*$`,
	'i'
);
/** `Next update`, `Next update at`, `Next update expected`: when the next update goes out. */
const NEXT_UPDATE_LABEL = /^next\s+update(?:\s+(?:at|by|in|expected|due))?$/i;
/**
 * A time or a wait written in as an example (`15 minutes`, `In 30 min`, `14:30 UTC`, `N minutes`):
 * the next update's time as one incident had it, which the incident's update clock gives.
 */
const NEXT_UPDATE_VALUE =
	/^(?:(?:in|within|at|by|around|about|approx\.?|~)\s*)?(?:(?:\d{1,3}(?:\s*[-–]\s*\d{1,3})?|[XN]{1,2})\s*(?:min(?:ute)?s?|hours?|hrs?|h)\b|\d{1,2}:\d{2}(?:\s*(?:UTC|GMT|Z|[A-Z]{2,4}))?)$/i;
const UNIT = '(?:min(?:ute)?s?|hours?|hrs?|days?|sec(?:ond)?s?)';
/**
 * A number left as a letter: `~X%`, `XX%`, `N minutes`, `X hours Y minutes`. The letter stands
 * where the incident's own figure goes; written in, it would be copied as a fact.
 */
const PLACEHOLDER_NUMBER = new RegExp(
	`(?<![\\w~])~?[XN]{1,2}%(?![\\w%])|(?<![\\w-])[XYN] ${UNIT}(?: (?:and )?[XYN] ${UNIT})*(?![\\w-])`,
	'g'
);

/** A date format opening a value, words after it saying what to write: `YYYY-MM-DD date or range`. */
const DATE_PROMPT = /^(?:YYYY-MM-DD|MM\/DD\/YYYY|DD\/MM\/YYYY)\b(?:\s+[a-z][^\n]*)$/;

/** The label opening a line: `Affected:`, `- **Impact:**`. */
const LINE_LABEL =
	/^[ \t]*(?:>[ \t]*)?(?:[-*+][ \t]+)?(?:\*\*|__)?([A-Za-z][\w /()'&-]{0,30}?)(?::(?:\*\*|__)|(?:\*\*|__)?:)/;

/** `from X to Y`, `X–Y`: two capital letters, apart from any word, as the ends of a range to fill. */
const LETTER_RANGE =
	/(?<![\w'’-])([XYZN])(?: to | through | until |\s?[-–]\s?)(?!\1)([XYZN])(?![\w'’-])/g;

/** A field as a template is written: its `type` may be left to the default. */
type InputField = NonNullable<TemplateInput['fields']>[number];

/**
 * Fields for what a message writes as fixed text but the incident decides: a number left as a
 * letter (`Impact: ~X% of traffic`), the status after a `Status:` label when it is one of the
 * incident's statuses or a choice of them (`Status: Investigating`), and the time after a `Next
 * update:` label when it is a time or a wait (`Next Update: 15 minutes`). Only where no declared
 * blank covers the place, and a status or time only when its text stands once in the message, so
 * the token replaces that place and no other.
 */
export function valueFields(body: string, subject: string, fields: InputField[]): TemplateField[] {
	const covered: [number, number][] = fields.flatMap((field) =>
		field.tokens.flatMap((token) => {
			const bare = parseToken(token).text;
			const places: [number, number][] = [];
			for (let at = body.indexOf(bare); at !== -1; at = body.indexOf(bare, at + 1))
				places.push([at, at + bare.length]);
			return places;
		})
	);
	const free = (start: number, end: number) => !covered.some(([s, e]) => s < end && start < e);
	const count = (text: string, token: string) => text.split(token).length - 1;
	const found: { field: TemplateField; at: number }[] = [];
	for (const line of body.matchAll(VALUE_LINE)) {
		const label = line[1]!.trim();
		const value = line[2]!
			.replace(/(?:\*\*|__)$/, '')
			.replace(/\.$/, '')
			.trim();
		const at = line.index + line[0].lastIndexOf(value);
		if (!free(at, at + value.length)) {
			// `Next update: [Time]`: the blank that stands alone after the label is the next update's time.
			const blank = fields.find((f) => f.tokens.length === 1 && f.tokens[0] === value);
			if (
				blank &&
				NEXT_UPDATE_LABEL.test(label) &&
				(!blank.derive || blank.derive === 'now') &&
				(blank.type === 'datetime' || /^(?:time|eta|xx:xx)\b/i.test(blank.label)) &&
				count(body, value) === 1 &&
				!subject.includes(value)
			)
				blank.derive = 'next-update';
			continue;
		}
		if (count(body, value) !== 1 || subject.includes(value)) continue;
		// A lone `Resolved` is what the message announces, not a status to follow: an incident not
		// yet marked resolved would otherwise turn a resolution notice into `Status: Monitoring`.
		if (STATUS_LINE_LABEL.test(label) && STATUS_VALUE.test(value) && !/^resolved$/i.test(value))
			found.push({
				field: { name: 'status', label, type: 'status', derive: 'status', tokens: [value] },
				at,
			});
		// `Date(s) of Incident: YYYY-MM-DD date or date range of incident`: a date format and a
		// hint after a label, all of it the blank (a format alone is a stamp, see `stampFields`).
		else if (DATE_PROMPT.test(value) && !NEXT_UPDATE_LABEL.test(label)) {
			const slug = slugify(label);
			found.push({
				field: {
					name: /^[a-z]/.test(slug) ? slug : `field-${slug}`,
					label,
					type: 'text',
					tokens: [value],
				},
				at,
			});
		} else if (NEXT_UPDATE_LABEL.test(label) && NEXT_UPDATE_VALUE.test(value))
			found.push({
				field: {
					name: 'next-update',
					label: `${label} (the source writes "${value}")`,
					type: 'text',
					derive: 'next-update',
					tokens: [value],
				},
				at,
			});
	}
	// `would be X to Y`: two letters standing for the two ends of a range, each its own blank.
	for (const range of body.matchAll(LETTER_RANGE)) {
		const from = range.index;
		const to = from + range[0].length - 1;
		if (!free(from, from + 1) || !free(to, to + 1)) continue;
		for (const [letter, at, label, name] of [
			[range[1]!, from, `Start of the range (${range[1]})`, 'range-start'],
			[range[2]!, to, `End of the range (${range[2]})`, 'range-end'],
		] as const)
			found.push({
				field: {
					name,
					label,
					type: 'text',
					tokens: [`${letter}#${count(body.slice(0, at), letter) + 1}`],
				},
				at,
			});
	}
	const numbers = [...body.matchAll(PLACEHOLDER_NUMBER)];
	for (const match of numbers) {
		const token = match[0];
		const at = match.index;
		if (!free(at, at + token.length)) continue;
		const times = count(body, token);
		// Written twice, each place is its own figure (`#n`); the subject would count its own.
		if (times > 1 && subject.includes(token)) continue;
		const nth = count(body.slice(0, at), token) + 1;
		// `Affected: roughly ~X% of checkouts`: the line's label names it, words between or not.
		const lineLabel =
			blankLabel(body, at) ??
			LINE_LABEL.exec(body.slice(body.lastIndexOf('\n', at - 1) + 1, at))?.[1]?.trim();
		const share = /%$/.test(token)
			? /^[ \t]+of[ \t]+((?:[a-z]+[ \t]+)?[a-z]+)/i.exec(body.slice(at + token.length))?.[1]
			: undefined;
		const label =
			lineLabel && share
				? `${lineLabel} (share of ${share})`
				: (lineLabel ??
					(share ? `Share of ${share}` : /%$/.test(token) ? 'Percentage' : 'Duration'));
		const slug = slugify(lineLabel ?? label);
		// `Duration: X hours Y minutes`: the incident's own length, which the incident gives.
		const duration = !/%$/.test(token) && /^(duration|total time|total duration)$/i.test(label);
		found.push({
			field: {
				name: /^[a-z]/.test(slug) ? slug : `field-${slug}`,
				label,
				type: 'text',
				...(duration ? { derive: 'duration' as const } : {}),
				tokens: [times > 1 ? `${token}#${nth}` : token],
			},
			at,
		});
	}
	return found.sort((a, b) => a.at - b.at).map(({ field }) => field);
}

/** Where a field's first token stands in the body: for `X#2`, the second `X`. */
function tokenPlace(body: string, field: { tokens: string[] }): number {
	const { text, occurrence = 1 } = parseToken(field.tokens[0]!);
	let at = -1;
	for (let i = 0; i < occurrence; i++) at = body.indexOf(text, at + 1);
	return at;
}

/**
 * The template's fields with `valueFields` among them, each at its place in the body, named apart
 * from the fields already there.
 */
function withValueFields(body: string, subject: string, fields: InputField[]): InputField[] {
	const extra = valueFields(body, subject, fields);
	if (extra.length === 0) return fields;
	const place = (field: InputField): number => tokenPlace(body, field);
	const all = [...fields];
	for (const field of extra) {
		// `Downtime: [Duration]` and `Duration: X hours Y minutes`: one value fills both.
		const same = all.find(
			(f) =>
				f.name === field.name && f.type === field.type && !!f.derive && f.derive === field.derive
		);
		if (same && !field.tokens[0]!.includes('#')) {
			same.tokens.push(field.tokens[0]!);
			continue;
		}
		let name = field.name;
		for (let n = 2; all.some((f) => f.name === name); n++) name = `${field.name}-${n}`;
		const after = all.findIndex((other) => place(other) > place(field));
		all.splice(after === -1 ? all.length : after, 0, { ...field, name });
	}
	return all;
}

export function fieldsFor(
	body: string,
	subject = ''
): { fields: TemplateField[]; reused: ReusedBlank[] } {
	const fields: TemplateField[] = [];
	const add = (
		field: Omit<TemplateField, 'type' | 'tokens'> & Partial<TemplateField>,
		token: string
	) => {
		const same = fields.find((f) => f.name === field.name);
		if (same && same.type === (field.type ?? 'text') && !token.includes('#')) {
			same.tokens.push(token);
			return;
		}
		let name = field.name;
		for (let n = 2; fields.some((f) => f.name === name); n++) name = `${field.name}-${n}`;
		fields.push({ ...field, type: field.type ?? 'text', name, tokens: [token] });
	};
	// Subject and body are scanned apart, as the validator reads them: a leading `[TAG]` is a blank
	// or not by the blanks of its own text.
	const tokens = [...new Set([...blankTokens(subject), ...blankTokens(body)])];
	const reused = reusedBlanks(body, subject, tokens);
	let unnamed = 0;
	// `<Month> <Date>, <Year>`: beside a month or a year blank, a date blank is the day of the
	// month, not the whole date the incident gives.
	const dayOnly = tokens.some((token) => /^(?:month|year)$/i.test(fieldFor(token).label));
	for (const token of tokens) {
		const field = fieldFor(token);
		if (dayOnly && field.derive === 'date') delete field.derive;
		const split = reused.find((r) => r.token === token && r.split);
		// `- [HH:MM] - …` on each line of a log: one field for times that differ derives none.
		const logTimes = FORMAT_BLANK.test(token) && reused.some((r) => r.token === token);
		if (!split) {
			add(
				writtenAt(field, body, token, tokens) && !logTimes
					? field
					: { ...field, derive: undefined },
				token
			);
			continue;
		}
		const time = field.type === 'datetime' || /^XX:XX/i.test(token);
		split.labels.forEach((label, index) => {
			if (!label) {
				// An anonymous blank with no label on its line is known by its number.
				unnamed++;
				add({ name: `blank-${unnamed}`, label: `Blank ${unnamed}` }, `${token}#${index + 1}`);
				return;
			}
			const derive = time ? TIME_LABELS.find(([words]) => words.test(label))?.[1] : undefined;
			const slug = slugify(label);
			add(
				{
					...(field.type ? { type: field.type } : {}),
					...(field.options ? { options: field.options } : {}),
					name: derive ?? (/^[a-z]/.test(slug) ? slug : `field-${slug}`),
					label: `${label} (${field.label})`,
					...(derive ? { derive } : {}),
				},
				`${token}#${index + 1}`
			);
		});
	}
	// Each at its place in the body, among the other blanks, as a responder fills them in.
	const at = (field: TemplateField): number => tokenPlace(body, field);
	for (const field of stampFields(body, subject, tokens)) {
		let name = field.name;
		for (let n = 2; fields.some((f) => f.name === name); n++) name = `${field.name}-${n}`;
		const after = fields.findIndex((other) => at(other) > at(field));
		fields.splice(after === -1 ? fields.length : after, 0, { ...field, name });
	}
	return { fields, reused };
}

/** A blank and what joins it to a title: ` - [DATE]`, `: {service}`, ` ({date})`. */
const TRAILING_BLANKS =
	/(?:\s*[-–—:|]?\s*\(?(?:\[[^\]\n]*\]|\{\{?[^}\n]*\}\}?|<[a-z_ -]+>)\)?)+\s*$/i;

/**
 * The title a message gives itself on its first line: a Markdown heading (`# On-Call Handoff -
 * [DATE]` → `On-Call Handoff`, the blank dropped from the title but kept in the body), or a short
 * headline over further lines (`📟 On-call handoff complete`) with no blank, label or sentence
 * mark. Undefined for a first line that is already the message (`@here SEV2 …`, `Hi team,`).
 */
export function ownTitle(value: string): string | undefined {
	const lines = value.split('\n').filter((line) => line.trim());
	const first = lines[0]?.trim() ?? '';
	const heading = /^#{1,3}\s+(.+?)\s*#*$/.exec(first)?.[1];
	if (heading) {
		const title = inlineText(heading.replace(TRAILING_BLANKS, ''));
		return title && blankTokens(title).length === 0 ? title : undefined;
	}
	const headline = stripEmoji(first);
	if (
		lines.length < 3 ||
		!headline ||
		headline.split(/\s+/).length > 6 ||
		/[:.,;!?]$|^[@#/>*-]|[:|]/.test(headline) ||
		blankTokens(headline).length > 0
	)
		return undefined;
	return headline;
}

/** A blank or a date left to fill in, joined to a title's end: ` - [DATE]`, `: {service}`, ` - date`. */
const JOINED_BLANK =
	/\s*[-–—:|]\s*\(?(?:\[[^\]\n]*\]|\{\{?[^}\n]*\}\}?|<[a-z_ -]+>|date|yyyy-mm-dd|dd\/mm\/yyyy|mm\/dd\/yyyy)\)?\s*$/i;

/** Date blanks opening a title: `<Month> <Date>, <Year> `, `[YYYY-MM-DD] - `, `{date}: `. */
const LEADING_DATE =
	/^(?:[<[{]\s*(?:month|date|day|year|yyyy(?:-mm(?:-dd)?)?|dd\/mm\/yyyy|mm\/dd\/yyyy)\s*[>\]}][\s,/-]*)+[-–—:|]?\s*/i;

/**
 * A title as plain text: no emphasis, code or escape marks, no blank joined to its end (`On-Call
 * Handoff - [DATE]`, `Incident Disclosure - date`), and any other blank read as its words
 * (`[case-id] {system} is down` → `case-id system is down`).
 */
export function plainTitle(title: string): string {
	const text = inlineText(title).replace(/`([^`]*)`/g, '$1');
	let plain = text.replace(JOINED_BLANK, '').trim() || text;
	// `<Month> <Date>, <Year> incident report`: the date it is filled with opens the title; the name
	// is what follows.
	const dated = plain.replace(LEADING_DATE, '');
	if (dated !== plain && /^[a-z]/i.test(dated)) plain = dated[0]!.toUpperCase() + dated.slice(1);
	for (const token of blankTokens(plain))
		plain = plain.replaceAll(token, token.replace(/^(?:\{\{\s*|[[{<$])|(?:\s*\}\}|[\]}>])$/g, ''));
	return plain.replace(/\s+/g, ' ').trim();
}

/** `3. Create Incident Record`, `Phase 4: Communication`, `Template 2: Leadership` → the words. */
const unnumbered = (text: string) =>
	withoutSectionNumber(
		text.replace(/^(step|phase|strategy|scenario|template|option)\s*\d+\s*[:.)-]\s*/i, '')
	);

/** `Initial Notification (within 15 min)` → title and the parenthetical as when / applies-to. */
function splitTitle(text: string): { title: string; note?: string | undefined } {
	const match = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(text);
	// `Currently working on (...)`: the parenthetical is a blank of the title, not a note.
	return match && match[1] && !/^(?:\.{3}|…)$/.test(match[2]!)
		? { title: match[1], note: match[2] }
		: { title: text };
}

/** The line naming the block: its label's line, else its section's heading. */
function templateSource(context: Context, code: CodeContext): SourceRef {
	const { source } = context.doc;
	const at = code.label ? source.lastIndexOf(code.label, startOf(code.node)) : -1;
	return at >= code.section.start && code.label
		? fromOffset(context.doc, code.label, at)
		: fromOffset(context.doc, code.section.title || 'Template', code.section.start);
}

export function recogniseTemplates(context: Context): void {
	const taken = takenIn(context, 'templates');
	recogniseDocumentTemplates(context, taken);
	recogniseFormTemplates(context, taken);
	recognisePromptDocuments(context, taken);
	recogniseNamedTemplateDocuments(context, taken);
	recogniseMessagePages(context, taken);
	recogniseRoutedMessages(context, taken);
	recogniseFieldListPosts(context, taken);
	/** Templates titled by their section's heading, per section: two or more share a guess. */
	const byHeading = new Map<Section, { slug: string; start: number; end: number }[]>();
	const blocks = codeBlocks(context);
	const fixed = fixedPostLines(blocks.flatMap((code) => postMatter(code.node.value) ?? []));
	for (const code of blocks) {
		if (isClaimed(context.doc, startOf(code.node), endOf(code.node)) || !isTemplate(code)) continue;
		if (isFilledExample(code)) {
			context.check.push({
				kind: 'template',
				heading: code.label ?? code.section.title,
				start: startOf(code.node),
				end: endOf(code.node),
				reason:
					blankTokens(code.node.value).length === 0 && CLOCK.test(code.node.value)
						? "it is a message filled in once: it marks no blank and writes in one incident's clock times or dates, so no template is made from it (write the incident's details as [blanks] to make one)"
						: "it is a message filled in once (the text above calls it an example, or its lines carry values, not blanks), so no template is made from it (write the incident's details as [blanks] to make one)",
			});
			continue;
		}
		// A label that only names the channel ("Email/Status Page:") leaves the heading as the title.
		const generic = !code.label || GENERIC_LABEL.test(code.label) || CHANNEL_LABEL.test(code.label);
		// A message inside a runbook's step is named by its own first line when it has one (`#
		// On-Call Handoff - [DATE]`, a short headline), else after the runbook and the step's words.
		const own =
			code.inStep && !inCommunication(code.section) ? ownTitle(code.node.value) : undefined;
		// `Example "investigating" messaging` names the message; `_Example_` over `UPDATE: …` in a
		// step leaves the message's own opening label (`UPDATE`, `Mitigated`) to name it.
		const captioned = code.label && CAPTION.test(code.label) && !generic;
		const stepTitle =
			(captioned ? captionTitle(code.label!) : undefined) ??
			own ??
			(code.inStep && generic ? openingLabel(code.node.value) : undefined) ??
			(code.inStep && !generic && !inCommunication(code.section)
				? `${code.section.title}: ${code.label}`
				: undefined);
		const { title, note } = splitTitle(
			unnumbered(
				stepTitle ??
					((generic ? (code.lead ?? aboutWhat(code.section.title)) : code.label!) || 'Template')
			)
		);
		const context_ = `${title} ${note ?? ''} ${code.label ?? ''} ${code.section.title} ${code.section.parent?.title ?? ''}`;
		const post = postMatter(code.node.value) !== undefined;
		const kind =
			(post ? 'status-page' : undefined) ??
			audienceOf(code.step ?? '') ??
			kindOf(
				`${title} ${code.label ?? ''} ${code.group ?? ''} ${code.section.title} ${code.section.parent?.title ?? ''}`
			);
		const groupNote = splitTitle(code.group ?? '').note;
		let body = code.node.value.replace(/\s+$/, '');
		let subject: string | undefined = code.subject;
		const subjectLine = new RegExp(SUBJECT_LINE.source, 'i').exec(body);
		if (subjectLine && body.slice(subjectLine[0].length).trim()) {
			subject = subjectLine[1]!.trim();
			body = body.slice(subjectLine[0].length).replace(/^\s*\n/, '');
		}
		const channels = new Set<NonNullable<TemplateInput['channels']>[number]>();
		if (/slack/i.test(context_) || /slack/i.test(code.previous) || /^:[a-z_]+:/.test(body))
			channels.add('slack');
		if (/email/i.test(context_) || subject) channels.add('email');
		if (/status page/i.test(context_) || post) channels.add('status-page');
		// `Post to #new-incidents and the incidents@ email group`: the step names where it goes.
		if (code.step) for (const channel of stepChannels(code.step)) channels.add(channel);
		// `Post in #incidents:` above the block: a chat channel.
		if (channels.size === 0 && (MENTION.test(body) || /(^|\s)#[a-z][\w-]+/.test(code.previous)))
			channels.add('chat');
		if (
			['post-mortem', 'incident-record', 'timeline'].includes(kind) &&
			/markdown|md/.test(code.node.lang ?? '')
		)
			channels.add('file');
		// A site generator's tag (`{% link _docs/ops/plan.md %}`) links a page; it names no file to save.
		const file = code.before
			.map((text) => text.replace(/\{%[^%]*%\}|\{\{[^}]*\}\}/g, ''))
			.map((text) => /([\w./-]*\/[\w./-]*\.md)\b/.exec(text)?.[1])
			.find(Boolean);
		// A heading that only says "Communication" names no message; the subject does.
		const named =
			subject &&
			/^(communications?|messages?|e-?mails?|templates?|notifications?)$/i.test(title.trim())
				? subject.replace(/\[[^\]]*\]/g, '').trim()
				: title.trim();
		const blanks = post
			? { fields: postFields(body, fixed), reused: [] }
			: fieldsFor(body, subject);
		const announced =
			ANNOUNCES_TEMPLATE.test(code.previous) &&
			!(
				TEMPLATE_WORDS.test(
					`${code.label ?? ''} ${code.section.title} ${code.section.parent?.title ?? ''}`
				) && blankTokens(code.node.value).length > 0
			);
		const data: NewTemplate = {
			title: named || 'Template',
			kind,
			...(note && !CHANNEL_LABEL.test(note)
				? LEVELS.test(note) && !/^(every|within|after|when|if)\b/i.test(note)
					? { appliesTo: note }
					: { when: note }
				: {}),
			...(groupNote && LEVELS.test(groupNote) && !(note && LEVELS.test(note))
				? { appliesTo: groupNote }
				: {}),
			...(channels.size ? { channels: [...channels] } : {}),
			...(file ? { file } : {}),
			...(subject ? { subject } : {}),
			...(code.audience ? { audience: code.audience } : {}),
			format:
				(/^(markdown|md)$/i.test(code.node.lang ?? '') && !(subject && writtenAsText(body))) || post
					? 'markdown'
					: channels.has('slack')
						? 'slack'
						: 'plain',
			body,
			fields: blanks.fields,
		};
		const slug = addTemplate(context, taken, data, templateSource(context, code));
		const where = {
			kind: 'template' as const,
			heading: code.label ?? code.section.title,
			start: startOf(code.node),
			end: endOf(code.node),
			leftAs: `template ${context.playbook}/${slug} titled "${data.title}"`,
		};
		for (const { token, labels } of blanks.reused.filter((r) => !r.split))
			context.check.push({
				...where,
				leftAs: `one field for \`${token}\` in template ${context.playbook}/${slug}`,
				reason: `the time blank \`${token}\` stands in ${labels.length} places (${labels.map((label) => (label ? `\`${label}\`` : 'no label')).join(', ')})${subject?.includes(token) ? ' and in the subject' : ''} that the importer cannot tell apart, so one value fills them all`,
			});
		if (announced && blanks.fields.length === 0)
			context.check.push({
				...where,
				reason:
					'the text above calls it a template, but it marks no blanks (`[like this]`), so it has no fields: the parts to fill in are written as words',
			});
		if (!named)
			context.check.push({
				...where,
				reason: 'nothing names the message: no label, heading or subject',
			});
		else if (named !== title.trim())
			context.check.push({
				...where,
				reason: `its heading \`${title.trim()}\` names no message, so the title is its subject line`,
			});
		else if (generic && !stepTitle && !code.lead)
			byHeading.set(code.section, [
				...(byHeading.get(code.section) ?? []),
				{ slug, start: where.start, end: where.end },
			]);
		const href = hrefOf(context, 'templates', slug);
		claim(
			context.doc,
			startOf(code.node),
			endOf(code.node),
			href,
			entryLink('Template', data.title, href)
		);
		// A label paragraph that was only the template's title is used up by it.
		if (code.labelNode && !generic)
			claim(context.doc, startOf(code.labelNode), endOf(code.labelNode), href);
		for (const node of [code.subjectNode, code.audienceNode])
			if (node) claim(context.doc, startOf(node), endOf(node), href);
	}
	recogniseProseTemplates(context, taken);
	recogniseQuotedMessages(context, taken);
	recogniseStepQuotes(context, taken);
	recogniseExampleQuotes(context, taken);
	recogniseInlineMessages(context, taken);
	recogniseCommentTemplates(context, taken);
	// Two messages of one name (`Status Page Update (P0/P1)` early on, `Status Page Update` when
	// resolving): the one meant for some severities keeps them in its title, to tell them apart.
	for (const { data } of context.out.templates)
		if (
			data.appliesTo &&
			context.out.templates.some((other) => other.data !== data && other.data.title === data.title)
		)
			data.title = `${data.title} (${data.appliesTo})`;
	for (const [section, shared] of byHeading) {
		if (shared.length < 2) continue;
		for (const { slug, start, end } of shared)
			context.check.push({
				...typedCheck(context, section, [start, end], slug),
				reason: `the block has no label of its own, so it is titled by its heading \`${section.title}\`, which heads ${shared.length} messages`,
			});
	}
}

/** Headings over a set of messages: `Incident Communication Templates`, `Comms Templates`. */
const MESSAGES_PARENT =
	/templates?\b|messages?\b|\bcomms\b|communications?\b|notices\b|notifications\b|announcements\b/i;

/** `Template C: Website Banner`, `Template 2 - Leadership`: a heading naming one of a set, not the set. */
const ONE_TEMPLATE = /^template\s+(?:[A-Z]|\d{1,2})\s*[:.)–—-]/i;

/** Whether any of `start`–`end` already became an entry. */
const touched = (context: Context, start: number, end: number): boolean =>
	context.doc.claims.some((c) => c.start < end && start < c.end);

/** The first rule (`---`) between `start` and `end`: text after it is a note, not the message. */
function ruleAfter(context: Context, start: number, end: number): number | undefined {
	return context.doc.root.children.find(
		(node) => node.type === 'thematicBreak' && startOf(node) >= start && startOf(node) < end
	)?.position?.start.offset;
}

/** `**Subject:** …`, `Headline: …`: the line a message is sent or posted under. */
const SUBJECT_LABEL = /^(?:e-?mail )?(subject( line)?|headline|title)$/i;

/** A heading's note that names where messages go: `(email/chat)`, `(Status Page)`. */
const VIA_NOTE =
	/^(e-?mail|chat|slack|teams|sms|status page)(\s*[/,&]\s*(e-?mail|chat|slack|teams|sms|status page))*$/i;

/**
 * Whether the heading right above `section`, or one further up below the page's title, says it
 * holds messages: `#### Communication templates` over `##### External` over `###### Status page
 * notice`. The page's own title (`# Incident communication plan`) covers too much to say so.
 */
const messagesAbove = (section: Section): boolean => {
	for (let at = section.parent; at; at = at.parent)
		if ((at === section.parent || at.depth > 1) && MESSAGES_PARENT.test(at.title)) return true;
	return false;
};

/** Whether `section` or a heading above it says it holds messages. */
const underMessages = (section: Section): boolean => {
	for (let at = section.parent; at; at = at.parent) if (MESSAGES_PARENT.test(at.title)) return true;
	return false;
};

/** A block's text as the message reads: a quote without its `>` marks. */
const messageText = (context: Context, node: RootContent): string =>
	node.type === 'blockquote'
		? sourceOf(context.doc, node)
				.split('\n')
				.map((line) => line.replace(/^\s*>\s?/, ''))
				.join('\n')
				.trim()
				// `[protocol` / `> name]`: a blank wrapped at the quote's line end is one blank.
				.replace(/\[([^[\]\n]+)\n([^[\]\n]+)\]/g, '[$1 $2]')
		: sourceOf(context.doc, node);

/** A label saying where a message goes or who reads it: `Channel: Slack`, `**Audience:** execs`. */
const ROUTING_LABEL =
	/^(channels?|via|where|post (?:in|to)|audience|share with|send to|recipients?)$/i;

/**
 * A Markdown escape in prose (`\[Service name\]`, `\<date\>`): the character itself. Escaped twice
 * (`\\\[area\\\]`, an escaped backslash before an escaped bracket, as a text escaped once more
 * by an editor or an export reads), it is still the character: the backslash is no part of the text.
 */
const unescapeMarkdown = (text: string): string =>
	text
		.replace(/\\\\\\([\\`*_{}[\]()<>#+\-.!|~])/g, '$1')
		.replace(/\\([\\`*_{}[\]()<>#+\-.!|~])/g, '$1');

interface ProseMessage {
	body: string;
	/** Where it is posted, from a `Channel:` line (`Slack`, `Status page`). */
	channel?: string;
	/** Who reads it, from an `Audience:` line. */
	audience?: string;
}

/**
 * A message written in Markdown, as its reader gets it: escapes undone (`\[Service name\]` is the
 * blank `[Service name]`), and the `Channel:` / `Audience:` lines in front of it taken out, since
 * they say where it goes and who reads it, not what it says. A body kept as Markdown (`markdown`)
 * keeps its escapes: undone, `\*` would read as emphasis and `\<img …\>` as markup.
 */
function proseMessage(texts: string[], markdown = false): ProseMessage {
	const message: ProseMessage = { body: '' };
	const lines = texts
		.map((text) => (markdown ? text : unescapeMarkdown(text)))
		.join('\n\n')
		.split('\n');
	while (lines.length) {
		const line = lines[0]!.trim();
		const pair = line ? labelLine(line, true) : undefined;
		if (line && !(pair?.value && ROUTING_LABEL.test(pair.label))) break;
		lines.shift();
		if (!pair) continue;
		if (/^(audience|share|send|recipient)/i.test(pair.label))
			message.audience = inlineText(pair.value);
		else message.channel = inlineText(pair.value);
	}
	message.body = lines.join('\n').trim();
	return message;
}

/** `Hi team,`, `Dear customer,`, `Hello all,`: a letter's opening line. */
const GREETING =
	/^(?:hi|hello|hey|dear|greetings|good (?:morning|afternoon|evening))\b[^,.!?\n]{0,40},\s*$/i;
/** `Thank you,`, `Best regards,`: a letter's closing line, alone in its paragraph. */
const SIGN_OFF =
	/^(?:with )?(?:thank you|thanks|many thanks|(?:best |kind |warm |warmest )?regards|best(?: wishes)?|all the best|sincerely|cheers|yours(?: sincerely| truly)?)[,.!]?$/i;

/**
 * A reply written out to send as it is: paragraphs to the reader (`you`) closed by a sign-off
 * (`Thank you,`) and a short signature (`The Security Response Team`, `[Your name]`), each a
 * paragraph of its own or the two lines of the last one (`Kind regards,` / `$SENDER`).
 */
function isSignedLetter(body: string): boolean {
	const paragraphs = body.split(/\n\s*\n/).map((text) => text.trim());
	const last = paragraphs[paragraphs.length - 1]!.split('\n');
	const joined = last.length === 2 && SIGN_OFF.test(last[0]!.trim());
	const before = paragraphs.slice(0, joined ? -1 : -2);
	if (before.length < 1) return false;
	const [signOff, signature] = joined ? last.map((line) => line.trim()) : paragraphs.slice(-2);
	return (
		SIGN_OFF.test(signOff!) &&
		!signature!.includes('\n') &&
		signature!.split(/\s+/).length <= 12 &&
		!/[.!?:]$/.test(signature!) &&
		/\byour?\b/i.test(before.join(' '))
	);
}

/** A chat post's opening: `@support-team …`, `Hey @ce-team, …`, `Hi again @leads!`. */
const CHAT_OPENING = /^(?:(?:hi|hey|hello)(?: again)?[ \t]+)?@/i;
/** A heading naming a message sent to people: `Customer notification`, `Maintenance announcement`. */
const NOTICE_HEADING = /\b(notices?|notifications?|announcements?)\b/i;
/**
 * A heading naming one message: `Initial Post`, `Resolution update`, `Executive Briefing` — not
 * one about writing them (`Writing updates`, `Tips for status posts`).
 */
const MESSAGE_NAME =
	/\b(posts?|updates?|notices?|notifications?|announcements?|briefings?|e-?mails?|messages?|statements?|pages?)$/i;
/** `we publish them to status.example.org`, `we post these on our status page`. */
const STATUS_SITE =
	/\b(?:publish|post|put)\w*\b[^.!?\n]*\bstatus(?: page| site|\.[a-z][\w-]*\.[a-z]{2,})\b/i;

/**
 * Whether the text before the heading over `section`'s messages, on its own page (the outermost
 * section: another page joined before it speaks of its own messages), says they go to a status site.
 */
function postedToStatusSite(context: Context, section: Section): boolean {
	let page = section;
	while (page.parent && page.parent.depth > 0) page = page.parent;
	const intro = context.doc.source.slice(page.start, section.parent?.start ?? section.start);
	return STATUS_SITE.test(inlineText(intro));
}

/**
 * A heading asking a question beside sibling headings that ask others (`## What is happening?`,
 * `## When?`, `## Do I need to do anything?`): the parts of one notice answered in turn, or an FAQ
 * — no part is a message by itself.
 */
const askedInTurn = (section: Section): boolean =>
	/\?\s*$/.test(section.title) &&
	section.parent!.children.filter((part) => /\?\s*$/.test(part.title)).length >= 2;

/** A heading about writing messages, not one's name: `Writing updates`, `Tips`, `Tone`. */
const ABOUT_MESSAGES =
	/^(?:writing|sending|posting|drafting|how|tips|guidelines|rules|about|tone|style)\b/i;

/** `How to write a good support request`, `Writing the customer email`: a heading about writing one. */
const ABOUT_WRITING =
	/^(?:how to (?:write|send|draft|compose)|writing|drafting|composing)\s+(?:(?:an?|the|your|good|great|clear)\s+)*(\S.*)$/i;

/** The message a heading about writing one names (`Support request`), else the heading. */
function aboutWhat(heading: string): string {
	const what = ABOUT_WRITING.exec(heading.trim())?.[1];
	return what ? what.charAt(0).toUpperCase() + what.slice(1) : heading;
}

/** A sender saying what it is doing: `We are investigating`, `we will keep you updated`. */
const SENDER_VOICE = /\b(?:we(?:'re| are| will|'ll)|our team (?:is|are))\b/i;

/**
 * A message written as paragraphs (or quoted) under its own heading: `## Initial Announcement`,
 * `**Subject:** Incident detected`, `Hi team, … <impacted_service> …`, or `### Initial Post`,
 * `**Headline:** Service disruption - [Service]`, `**Content:**`, `> We are looking into …`. Only
 * a section of paragraphs, quotes and short lists, in a section of messages or with a subject
 * line, and only with a subject line or a blank in two or more paragraphs: prose about how to
 * write messages is neither. Outside a section of messages, a subject line needs a blank or a
 * quoted body. A label that only says "here is the body" (`**Content:**`) is dropped.
 */
function recogniseProseTemplates(context: Context, taken: Set<string>): void {
	for (const section of allSections(context.doc.outline)) {
		if (section.children.length || !section.heading || !section.parent) continue;
		const rule = ruleAfter(context, section.contentStart, section.end) ?? section.end;
		// `**Follow-up (Resolution):** Good news — …` after a message: the next post, typed apart.
		const followAt = section.nodes.findIndex(
			(node, index) => index > 0 && endOf(node) <= rule && !!followUp(context, node)
		);
		const cut = followAt > 0 ? startOf(section.nodes[followAt]!) : rule;
		const nodes = section.nodes.filter((node) => endOf(node) <= cut);
		if (nodes.length === 0 || touched(context, section.start, section.end)) continue;
		if (!nodes.every((node) => ['paragraph', 'list', 'blockquote'].includes(node.type))) continue;
		if (askedInTurn(section)) continue;
		const firstLines = sourceOf(context.doc, nodes[0]!).split('\n');
		const subjectLine =
			nodes[0]!.type === 'paragraph' ? labelLine(firstLines[0]!, true) : undefined;
		const subject =
			subjectLine && SUBJECT_LABEL.test(subjectLine.label) && subjectLine.value
				? // `\\\[area\\\]` escaped twice reads `\[area\]`: what is left is an escape too.
					unescapeMarkdown(inlineText(subjectLine.value))
				: undefined;
		const inMessages =
			messagesAbove(section) &&
			(!MESSAGES_PARENT.test(section.title) || ONE_TEMPLATE.test(unnumbered(section.title)));
		// `## Partner messages` over `**Partner notice: delay**` and its words: the heading says so itself.
		const posts =
			inMessages || MESSAGES_PARENT.test(section.title) ? labelledPosts(context, nodes) : undefined;
		if (posts) {
			addPosts(context, taken, section, posts);
			continue;
		}
		const bodyNodes = (subject && firstLines.length === 1 ? nodes.slice(1) : nodes).filter(
			(node) => {
				const label = node.type === 'paragraph' && labelLine(sourceOf(context.doc, node));
				return !(label && !label.value && GENERIC_LABEL.test(label.label));
			}
		);
		if (bodyNodes.length === 0 && !subject) continue;
		const texts = bodyNodes.map((node) => messageText(context, node));
		if (subject && firstLines.length > 1 && bodyNodes[0] === nodes[0])
			texts[0] = firstLines.slice(1).join('\n').trim();
		// `(In case the cause is still unknown)` over the message: when to use it, not its words.
		const usage = texts.length > 1 ? /^\(([^()]+)\)$/.exec(texts[0]!.trim())?.[1] : undefined;
		if (usage) texts.shift();
		const prose = proseMessage(texts);
		const { channel, audience } = prose;
		// Among messages, one paragraph wholly in quotes is the words to send (without the quotes).
		const body = unquoted(prose.body);
		const quoted = inMessages && bodyNodes.length === 1 && body !== prose.body;
		// `Hi team,` opening a section named as a notice: a letter, wherever the section is.
		const greeting = GREETING.test(body.split('\n')[0]!) && NOTICE_HEADING.test(section.title);
		const signed = isSignedLetter(body);
		if (!subject && !inMessages && !greeting && !signed) continue;
		const end = endOf(nodes[nodes.length - 1]!);
		const blanks = fieldsFor(body, subject ?? '');
		// One paragraph is a message when written as one: lines broken by hand, two blanks at least
		// (`Hello,` / `We're aware of an issue affecting [service] …` / `Thank you …`).
		const letter =
			bodyNodes.length === 1 &&
			bodyNodes[0]!.type !== 'list' &&
			body.split('\n').length >= 3 &&
			blanks.fields.length >= 2;
		// Under a heading that says these are templates, a skeleton of bold headings over prompts
		// (`**What happened**` / `- (Brief factual summary)`) is one too, with nothing marked to fill.
		const skeleton =
			blanks.fields.length === 0 &&
			/\btemplates\b/i.test(section.parent.title) &&
			isSkeleton(context, nodes);
		// Outside a section of messages, a subject line alone may be advice (`**Subject:** keep it
		// short`): the message must also have a blank or be quoted.
		const sent =
			subject &&
			(inMessages || blanks.fields.length > 0 || bodyNodes.some((n) => n.type === 'blockquote'));
		const forLine = audienceHeading(section);
		const { title, note } = forLine
			? { title: forLine.title, note: undefined }
			: splitTitle(unnumbered(stripEmoji(namingSection(section).title)));
		// Among messages, a heading naming one (`### Resolution Post`) over one paragraph or list
		// with two blanks at least: that text is the message, not advice about writing one.
		const named =
			inMessages &&
			!ABOUT_MESSAGES.test(title.trim()) &&
			MESSAGE_NAME.test(title.trim()) &&
			blanks.fields.length >= 2;
		const greeted = greeting && blanks.fields.length > 0;
		// Among messages, a chat post that opens by mentioning people (`@ [incident lead] Can you
		// …`, `Hey @ce-team, …`) and leaves a blank: one paragraph is the whole post.
		const mentions = inMessages && CHAT_OPENING.test(body) && blanks.fields.length > 0;
		// Under a heading over messages, a short text in the sender's voice saying what it is doing
		// (`We are investigating … and will keep you updated.`): sentences with no list or number,
		// the words to post as they are.
		const voiced =
			inMessages &&
			/\b(messages|templates|notices|announcements)\b/i.test(section.parent.title) &&
			!ABOUT_MESSAGES.test(title.trim()) &&
			texts.length <= 3 &&
			bodyNodes.every((node) => node.type === 'paragraph') &&
			SENDER_VOICE.test(body) &&
			!/\d/.test(body) &&
			// A sentence ends at its mark, or just after it when the words are quoted (`… assistance."`).
			body.split(/\n\s*\n/).every((text) => /[.!]["'”’]?\s*$/.test(text.trim()));
		if (
			!body ||
			(!sent &&
				!letter &&
				!skeleton &&
				!named &&
				!greeted &&
				!mentions &&
				!voiced &&
				!signed &&
				!(quoted && blanks.fields.length > 0) &&
				(blanks.fields.length === 0 || bodyNodes.length < 2))
		)
			continue;
		const words = `${title} ${section.parent.title}`;
		// Messages on a page that says they go to a status site (`we publish them to status.…`).
		const statusSite =
			inMessages && !channelsIn(words).length && postedToStatusSite(context, section);
		// A signed reply outside a set of messages answers someone outside the team; so does a letter
		// about the reader's own things (`your cluster`), wherever it is.
		const said = kindOf(words);
		const kind = statusSite
			? 'status-page'
			: signed &&
				  (!inMessages || /\byour\b/i.test(body)) &&
				  (said === 'message' || (said === 'internal' && !/\binternal\b/i.test(words)))
				? 'external'
				: said;
		const parentNote = splitTitle(section.parent.title).note;
		// `(email/chat)`: the heading's note names where the message goes, not when; so does the
		// note of the heading over a group of messages (`Team notices (Chat/Email)`).
		const isVia = (text?: string) => !!text && VIA_NOTE.test(text);
		const via = isVia(note);
		const channelWords = `${words} ${via ? note : ''} ${isVia(parentNote) ? parentNote : ''} ${channel ?? ''}`;
		// A headline is the post's title on a status page, not an email's subject.
		const channels = channelsIn(channelWords, !!subject && /subject/i.test(subjectLine!.label));
		if (mentions && channels.length === 0) channels.push('chat');
		if (statusSite) channels.push('status-page');
		if (signed && channels.length === 0) channels.push('email');
		const data: NewTemplate = {
			title: title.trim() || 'Template',
			kind,
			...(note && !CHANNEL_LABEL.test(note) && !via
				? LEVELS.test(note)
					? { appliesTo: note }
					: { when: note }
				: usage
					? { when: usage }
					: {}),
			...(channels.length ? { channels } : {}),
			...(forLine?.when ? { when: forLine.when } : {}),
			...(subject ? { subject } : {}),
			...(audience || forLine?.audience ? { audience: audience ?? forLine!.audience } : {}),
			format: skeleton ? 'markdown' : 'plain',
			body: skeleton ? proseMessage(texts, true).body : body,
			fields: blanks.fields,
		};
		const slug = addSectionTemplate(context, taken, section, data, [section.start, end]);
		if (followAt > 0) addFollowUp(context, taken, data, section.nodes.slice(followAt), rule);
		if (skeleton)
			context.check.push({
				...typedCheck(context, section, [section.start, end], slug),
				reason:
					'it marks no blanks (`[like this]`): the parts to fill in are written as prompts, so it has no fields',
			});
	}
}

/**
 * The heading that names a message whose own heading only says "here it is" (`### Body`,
 * `## Message`): the one above, or the title over that one when it is a purpose line right under
 * a title with nothing else (`# Page blocked` / `## First email to the client about …` / `### Body`),
 * as a page per message is written.
 */
function namingSection(section: Section): Section {
	const parent = section.parent;
	if (!parent?.heading || !GENERIC_LABEL.test(unnumbered(stripEmoji(section.title)).trim()))
		return section;
	const top = parent.parent;
	return top?.heading && top.children.length === 1 && top.nodes.length === 0 ? top : parent;
}

/** A heading that only says who or where a message is for: `For: Discord`, `Audience: staff`. */
const FOR_LABEL = /^(for|audience|to|channels?|via)$/i;

/** Words naming who reads a message or where it goes: `Discord announcement`, `Alternate channel`. */
const AUDIENCE_WORDS =
	/\b(channels?|announcements?|e-?mails?|slack|chat|discord|twitter|telegram|status page|customers?|users?|public|internal|staff|team|partners?|stakeholders?|executives?|press|media)\b/i;

/**
 * `### Protocol Paused` over `#### For: Twitter/X, Discord announcement`: the message's name is the
 * heading above, the `For:` line its audience, or its `when` when it names no reader or channel
 * (`For: Closing out an incident`). Only when the heading above holds nothing but such lines;
 * under one name with two (`For: Initial announcement`, `For: Follow-up`), each message's title
 * carries its line instead.
 */
function audienceHeading(
	section: Section
): { title: string; audience?: string; when?: string } | undefined {
	const parent = section.parent;
	const pair = labelLine(stripEmoji(section.title), true);
	if (!parent?.heading || !pair?.value || !FOR_LABEL.test(pair.label) || parent.nodes.length)
		return undefined;
	const siblings = parent.children.map((child) => labelLine(stripEmoji(child.title), true));
	if (!siblings.every((line) => line?.value && FOR_LABEL.test(line.label))) return undefined;
	const name = unnumbered(stripEmoji(parent.title));
	if (siblings.length > 1) return { title: `${name} - ${pair.value}` };
	return AUDIENCE_WORDS.test(pair.value)
		? { title: name, audience: pair.value }
		: { title: name, when: pair.value };
}

/** A label naming the post after the first: `Follow-up`, `Resolution`, `Update (resolved)`. */
const FOLLOW_UP_LABEL = /^(?:follow[- ]?up|resolution|resolved|all clear|closing|update)\b/i;

/** A paragraph opening with a bold follow-up label and words after it: the label and its text. */
function followUp(
	context: Context,
	node: RootContent
): { label: string; text: string } | undefined {
	if (node.type !== 'paragraph') return undefined;
	const [first, ...rest] = sourceOf(context.doc, node).split('\n');
	const pair = /^\*\*/.test(first!.trim()) ? labelLine(first!) : undefined;
	if (!pair?.value || !FOLLOW_UP_LABEL.test(pair.label)) return undefined;
	const text = [pair.value, ...rest].join('\n');
	// Without a blank it is a note on the message (`**Update:** every 30 minutes`), not a post.
	return fieldsFor(unescapeMarkdown(text)).fields.length ? { label: pair.label, text } : undefined;
}

/**
 * The follow-up written under a message (`**Follow-Up (Resolution):** … \[summary\] …`): its own
 * template, titled by the message and its label.
 */
function addFollowUp(
	context: Context,
	taken: Set<string>,
	first: NewTemplate,
	nodes: Section['nodes'],
	rule: number
): void {
	const own = nodes.filter((node) => endOf(node) <= rule);
	const head = followUp(context, own[0]!)!;
	const texts = [head.text, ...own.slice(1).map((node) => messageText(context, node))];
	const { body } = proseMessage(texts);
	const { fields } = fieldsFor(body);
	const data: NewTemplate = {
		title: `${first.title} ${head.label}`,
		kind: first.kind,
		...(first.channels ? { channels: first.channels } : {}),
		format: 'plain',
		body,
		fields,
	};
	const start = startOf(own[0]!);
	const end = endOf(own[own.length - 1]!);
	const slug = addTemplate(context, taken, data, fromOffset(context.doc, head.label, start));
	const href = hrefOf(context, 'templates', slug);
	claim(context.doc, start, end, href, entryLink('Template', data.title, href));
}

/** Where messages named by `words` go: `chat`, `email` (also when it has a subject), `status-page`, `slack`. */
function channelsIn(words: string, subject = false): NonNullable<TemplateInput['channels']> {
	const channels: NonNullable<TemplateInput['channels']> = [];
	if (/\bchat\b|teams|sms/i.test(words)) channels.push('chat');
	if (subject || /e-?mail/i.test(words)) channels.push('email');
	if (/status page/i.test(words)) channels.push('status-page');
	if (/slack/i.test(words)) channels.push('slack');
	return channels;
}

/**
 * Each labelled post of a section as its own template, titled by its label (`Investigating`, its
 * parenthetical as when); two labels of one name (`Identified (first post …)`, `Identified (second
 * post …)`) keep their parentheticals in the title, to tell them apart.
 */
function addPosts(
	context: Context,
	taken: Set<string>,
	section: Section,
	posts: LabelledPost[]
): void {
	const words = `${section.title} ${section.parent?.title ?? ''}`;
	const split = posts.map((post) => splitTitle(inlineText(post.label)));
	for (const [index, post] of posts.entries()) {
		const { title, note } = split[index]!;
		const twin = split.some((other, i) => i !== index && other.title === title);
		const { body: text, audience } = proseMessage(post.texts);
		const body = unquoted(text);
		const channels = channelsIn(words);
		const data: NewTemplate = {
			title: twin ? inlineText(post.label) : title,
			kind: kindOf(words),
			...(note ? { when: note } : {}),
			...(channels.length ? { channels } : {}),
			...(audience ? { audience } : {}),
			format: 'plain',
			body,
			fields: fieldsFor(body).fields,
		};
		const slug = addTemplate(context, taken, data, fromOffset(context.doc, post.label, post.at));
		const href = hrefOf(context, 'templates', slug);
		claim(context.doc, post.at, post.end, href, entryLink('Template', data.title, href));
	}
}

/**
 * `_Investigating_`, `*Resolved (option two: …)*`, `**Voter notice: delay**`: an italic or bold
 * line naming the post below it — not a part's label (`**Subject:**`, `**Body**`).
 */
const POST_LABEL = /^(\*\*|__|[*_])([A-Z][^*_\n]{0,100}?)\1:?\s*$/;
const postLabel = (line: string): string | undefined => {
	const label = POST_LABEL.exec(line)?.[2];
	return label &&
		!/:$/.test(label) &&
		![GENERIC_LABEL, SUBJECT_LABEL, ROUTING_LABEL, FOR_LABEL].some((words) => words.test(label))
		? label
		: undefined;
};

/** `"We are investigating <service>."`: one message written in quotes, as its words without them. */
export function unquoted(text: string): string {
	return /^(["“])[^"“”]*["”]$/.test(text.trim()) ? text.trim().slice(1, -1).trim() : text;
}

interface LabelledPost {
	label: string;
	/** The label line's offset, and where the post's text starts and ends. */
	at: number;
	end: number;
	texts: string[];
}

/**
 * A section of posts, each under its own italic line (`_Investigating_` over its words,
 * `_Resolved (option one: …)_` over its own): one post per label, in order. Undefined unless the
 * section opens with a label and holds two labels at least.
 */
function labelledPosts(context: Context, nodes: Section['nodes']): LabelledPost[] | undefined {
	const posts: LabelledPost[] = [];
	for (const node of nodes) {
		const text = messageText(context, node);
		const [first, ...rest] = text.split('\n');
		const label = node.type === 'paragraph' ? postLabel(first!.trim()) : undefined;
		if (label) {
			posts.push({ label, at: startOf(node), end: endOf(node), texts: [] });
			if (rest.join('\n').trim()) posts.at(-1)!.texts.push(rest.join('\n'));
		} else if (posts.length) {
			posts.at(-1)!.texts.push(text);
			posts.at(-1)!.end = endOf(node);
		} else return undefined;
	}
	// Bold lines also head the parts of a form (`**What went wrong**` over a list of prompts): under
	// bold labels each post must be sentences that leave a blank.
	const bold = nodes.some((node) => /^(\*\*|__)/.test(sourceOf(context.doc, node).trim()));
	const written = (post: LabelledPost) =>
		!bold ||
		(!/^\s*(?:[-*+]|\d+[.)])\s/m.test(post.texts.join('\n')) &&
			blankTokens(post.texts.join('\n')).length > 0);
	return posts.length >= 2 && posts.every((post) => post.texts.length && written(post))
		? posts
		: undefined;
}

/**
 * Bold headings, each over a prompt or a list of prompts, and no fact (no number): a form to write
 * in, not a message already written.
 */
function isSkeleton(context: Context, nodes: Section['nodes']): boolean {
	const text = nodes.map((node) => sourceOf(context.doc, node)).join('\n');
	const heads = text
		.split('\n')
		.map((line) => labelLine(line))
		.filter((label) => label && !label.value).length;
	return heads >= 3 && !/\d/.test(text.replace(/^\s*\d+[.)]\s/gm, ''));
}

type NewTemplate = Omit<TemplateInput, 'order'>;

/**
 * Adds a typed template after those already typed, under a slug made from `name` and not yet
 * taken, and returns the slug.
 */
function addTemplate(
	context: Context,
	taken: Set<string>,
	data: NewTemplate,
	from: SourceRef,
	name?: string
): string {
	// Every typed title is plain text, whichever shape it came from.
	data.title = plainTitle(data.title) || 'Template';
	data.fields = withValueFields(data.body, data.subject ?? '', data.fields ?? []);
	const slug = uniqueSlug(slugify(name ?? data.title), taken);
	const order = (context.out.templates.length + 1) * 10;
	context.out.templates.push({ slug, data: { ...data, order }, from });
	return slug;
}

/** The part of a "check these" item that names a template typed from `section` over `[start, end)`. */
function typedCheck(
	context: Context,
	section: Section,
	[start, end]: [number, number],
	slug: string
): Omit<PendingCheck, 'reason'> {
	return {
		kind: 'template',
		heading: section.title,
		start,
		end,
		leftAs: `template ${context.playbook}/${slug}`,
	};
}
/**
 * Adds a template typed from a whole section (its heading is the source line) and leaves a link to
 * it in the page where `start`–`end` was. Returns the slug.
 */
function addSectionTemplate(
	context: Context,
	taken: Set<string>,
	section: Section,
	data: NewTemplate,
	[start, end]: [number, number],
	name?: string
): string {
	const from = fromOffset(context.doc, section.title, section.start);
	const slug = addTemplate(context, taken, data, from, name);
	const href = hrefOf(context, 'templates', slug);
	// A section ends where the next heading starts: the link keeps a blank line before it.
	const gap = /^[^\n]/.test(context.doc.source.slice(end, end + 1)) ? '\n\n' : '';
	claim(context.doc, start, end, href, `${entryLink('Template', data.title, href)}${gap}`);
	return slug;
}

/** A whole Markdown document to fill in and save, titled by `title`. */
function documentTemplate(title: string, body: string): NewTemplate {
	const kind = kindOf(title);
	return {
		title,
		kind:
			kind === 'internal' || kind === 'external' || kind === 'message' ? 'incident-record' : kind,
		channels: ['file'],
		format: 'markdown',
		body,
		fields: fieldsFor(body).fields,
	};
}

/** A heading that names a status-page state or an update: `"Investigating" status`, `Resolved`. */
const STATUS_HEADING = /\b(investigating|identified|monitoring|resolved|update|all clear)\b/i;

/**
 * Messages quoted under a status heading in a section about messages or the status page: one
 * quote with blanks (`> We are looking into <problem>.`) is a template; quotes with no blank are
 * filled-in examples of past incidents and stay in the page, listed under "check these" — copied
 * into the next incident they would say something false.
 */
function recogniseQuotedMessages(context: Context, taken: Set<string>): void {
	for (const section of allSections(context.doc.outline)) {
		if (section.children.length || !section.parent || !STATUS_HEADING.test(section.title)) continue;
		// `Next Update` among `Acknowledgment`, `Funds Safe`, `Do Not Interact`, …: one of a list of
		// quoted pieces to combine, not the message for a status; most of a status set name one.
		const statuses = section.parent.children.filter((s) => STATUS_HEADING.test(s.title)).length;
		if (statuses * 2 < section.parent.children.length) continue;
		const about = `${section.title} ${section.parent.title} ${section.parent.parent?.title ?? ''}`;
		if (!MESSAGES_PARENT.test(about) && !/status/i.test(about)) continue;
		const quotes = section.nodes.filter((node) => node.type === 'blockquote');
		if (quotes.length === 0 || touched(context, section.start, section.end)) continue;
		const texts = quotes.map((quote) =>
			sourceOf(context.doc, quote)
				.split('\n')
				.map((line) => line.replace(/^\s*>\s?/, ''))
				.join('\n')
				.trim()
		);
		const withBlanks = texts.filter((text) => blankTokens(text).length > 0);
		if (withBlanks.length === 0) {
			context.check.push({
				kind: 'template',
				heading: section.title,
				start: section.start,
				end: section.end,
				reason: `its ${quotes.length > 1 ? `${quotes.length} quoted messages are filled-in examples` : 'quoted message is a filled-in example'} with no blank to fill, so no template is made from ${quotes.length > 1 ? 'them' : 'it'} (write the incident's details as [blanks] to make one)`,
			});
			continue;
		}
		if (quotes.length !== 1) continue;
		const { title, note } = splitTitle(unnumbered(stripEmoji(section.title).replace(/"/g, '')));
		// Only a status page the source names: `Status updates` may go anywhere (Slack, email).
		const status = /status ?page|status site/i.test(about);
		const data: NewTemplate = {
			title: title.trim() || 'Template',
			kind: status ? 'status-page' : kindOf(about),
			...(note ? { when: note } : {}),
			...(status ? { channels: ['status-page'] } : {}),
			format: 'plain',
			body: texts[0]!,
			fields: fieldsFor(texts[0]!).fields,
		};
		addSectionTemplate(context, taken, section, data, [startOf(quotes[0]!), endOf(quotes[0]!)]);
	}
}

/** `Example \`, `For example:` alone on a quote's first line: a caption, not the message. */
const QUOTE_CAPTION = /^(?:examples?|for example|e\.g\.|sample)\s*:?\s*\\?\s*$/i;

/** `Post a short summary and pin it to the channel.` → `Post a short summary`: a step as a name. */
function stepName(step: string): string {
	const sentence = inlineText(step.split('\n')[0]!)
		.split(/(?<=[.!?])\s/)[0]!
		.replace(/[.:!]$/, '');
	return sentence.length > 60 ? sentence.split(/,\s|\s(?:and|then)\s/)[0]! : sentence;
}

/**
 * A message quoted in a step that posts or sends it (`4. Post a summary and pin it` over `> Example
 * \` / `> [inc-YY-MM-DD] {functionality} is {state}`): a template when it leaves its facts to fill
 * in, titled by the step. A quote with nothing left to fill is one incident's words, listed only.
 */
function recogniseStepQuotes(context: Context, taken: Set<string>): void {
	visitParents(context.doc.root, 'blockquote', (quote, ancestors) => {
		const item = ancestors[ancestors.length - 1];
		if (item?.type !== 'listItem' || item.children[0]?.type !== 'paragraph') return;
		const start = startOf(quote);
		const end = endOf(quote);
		if (isClaimed(context.doc, start, end)) return;
		const step = toString(item.children[0]);
		if (!SAY.test(firstLine(step))) return;
		const lines = sourceOf(context.doc, quote)
			.split('\n')
			.map((line) => line.replace(/^\s*>\s?/, '').replace(/\s*\\$/, ''));
		const captioned = QUOTE_CAPTION.test(lines[0]!.trim());
		const body = (captioned ? lines.slice(1) : lines).join('\n').trim();
		if (!body || looksLikeCommand(body) || looksLikeData(body) || WRITTEN_TIME.test(body)) return;
		const filled = body
			.split('\n')
			.filter((line) => FILLED_LINE.test(line) && !blankTokens(line).length);
		if (!leftToFill(body, filled.length)) {
			if (captioned && blankTokens(body).length === 0)
				context.check.push({
					kind: 'template',
					heading: stepName(step),
					start,
					end,
					reason:
						"its quoted example is one incident's words with no blank to fill, so no template is made from it (write the incident's details as [blanks] to make one)",
				});
			return;
		}
		const channels = stepChannels(step);
		const data: NewTemplate = {
			title: stepName(step),
			kind: audienceOf(step) ?? kindOf(step),
			...(channels.length ? { channels } : {}),
			format: 'plain',
			body,
			fields: fieldsFor(body).fields,
		};
		const slug = addTemplate(
			context,
			taken,
			data,
			fromOffset(context.doc, step.split('\n')[0]!, startOf(item))
		);
		const href = hrefOf(context, 'templates', slug);
		claim(context.doc, start, end, href, entryLink('Template', data.title, href));
	});
}

/**
 * The end of a sentence that gives an example of what to write, the example then quoted below it:
 * `… notify the people affected. E.g.:`, `For example:`, `This may look something like this:`.
 */
const EXAMPLE_QUOTE_LEAD =
	/(?:\be\.g\.|\bfor (?:example|instance)|\bsomething like(?: this| the following)?|\blike this|\bas follows)\s*:\s*$/i;
/** A sentence that is only the example's lead: `E.g.:`, `This may look something like this:`. */
const LEAD_ONLY =
	/^(?:e\.g\.|for (?:example|instance)|(?:this|it|the message|yours?)\s+(?:may|might|could|would|will|should|can)\s+(?:look|read|go|say)\s+(?:something\s+)?like(?: this| the following)?|something like(?: this)?|like this)\s*:?$/i;
/** Prose saying a tool or bot writes the quoted text, or that the reader receives it: no message of ours. */
const RECEIVED =
	/\b(?:bots?|replies|responds|will (?:reply|respond|send|post)|(?:you|they)(?:'ll| will| may| might)? (?:see|get|receive)|receives?|prints?|outputs?|returns?)\b/i;
/** A message that opens by greeting or mentioning someone: `Hi @engineer!`, `@developers Hello team!`. */
const ADDRESS_OPENING = /^(?:(?:hi|hey|hello|dear|good (?:morning|afternoon|evening))\b|@[\w-]+)/i;
/**
 * A mention of whoever fills a part, not of a group the chat knows: `@impacted-engineer`,
 * `@new-engineer`, `@engineer`, `@person` (one person, named by what they are).
 */
const PERSON_MENTION =
	/(?<![\w@])@(?:[a-z]+-)*(?:engineer|person|user|name|assignee|teammate|colleague|someone|member|responder|individual|handle)(?![\w-])/g;
/** Openers that make a step a suggestion: `Alternatively,`, `to keep it short,`, `it may be preferable to`, `you should`. */
const SUGGESTION =
	/^(?:(?:alternatively|then|also|next|finally|otherwise|instead),\s*)?(?:(?:to|if|when|where|once|after|before|as) [^,]{1,80},\s*)?(?:it (?:may|might|can|could|would|is) (?:be )?(?:preferable|better|best|good|wise|helpful|useful) to|you (?:should|can|may|might|could|must|will need to|need to)(?: also)?|we (?:recommend|suggest)(?: that you)?|please)\s+/i;
/** `; it may look` left once the lead's `like this:` is taken off: the lead's own words. */
const LEAD_TAIL =
	/(?:[;,:—–-]\s*)?(?:this|it|that|the message|yours?)\s+(?:may|might|could|would|will|should|can)\s+(?:look|read|go|say)(?:\s+something)?\s*$/i;

/**
 * The step a lead sentence asks for, as a name: `… matters. You should notify the affected
 * engineers to avoid conflicts. E.g.:` → `Notify the affected engineers to avoid conflicts`.
 */
function exampleTitle(lead: string): string | undefined {
	const sentences = lead
		.split(/(?<=[.!?])\s+(?=[A-Z])/)
		.filter((sentence) => sentence.trim() && !LEAD_ONLY.test(sentence.trim()));
	const last = sentences[sentences.length - 1]
		?.replace(EXAMPLE_QUOTE_LEAD, '')
		.replace(LEAD_TAIL, '')
		.trim()
		.replace(/[.:!,;]+$/, '')
		.replace(SUGGESTION, '');
	if (!last || last.split(/\s+/).length < 2) return undefined;
	const name = last.charAt(0).toUpperCase() + last.slice(1);
	return name.length > 60 ? name.split(/,\s|\s(?:and|then)\s/)[0]! : name;
}

/**
 * A message quoted as an example of what to send, right after the sentence that asks for it and
 * ends by saying an example follows (`You should notify the affected engineers. E.g.:` over `> Hi
 * @impacted-engineer! We've added …`). It opens by greeting or mentioning its reader, so it is
 * words to someone, not a note or a command; its blanks are its written ones, a mention of whoever
 * fills a part (`@new-engineer`) and a number left as a letter. With nothing to fill, only a text
 * that states no number and reads as sentences is safe to copy. A quote a tool or bot writes, or
 * the reader receives, is none.
 */
function recogniseExampleQuotes(context: Context, taken: Set<string>): void {
	visitParents(context.doc.root, 'blockquote', (quote, ancestors) => {
		const parent = ancestors[ancestors.length - 1] as Parent | undefined;
		if (!parent) return;
		const index = parent.children.indexOf(quote);
		const before = parent.children[index - 1];
		if (before?.type !== 'paragraph') return;
		const start = startOf(quote);
		const end = endOf(quote);
		if (isClaimed(context.doc, start, end)) return;
		const lead = toString(before).replace(/\s+/g, ' ').trim();
		if (!EXAMPLE_QUOTE_LEAD.test(lead) || RECEIVED.test(lead)) return;
		const body = messageText(context, quote);
		if (!body || !ADDRESS_OPENING.test(body)) return;
		if (looksLikeCommand(body) || looksLikeData(body) || WRITTEN_TIME.test(body)) return;
		const fields = fieldsFor(body).fields;
		for (const token of new Set([...body.matchAll(PERSON_MENTION)].map((m) => m[0])))
			if (!fields.some((field) => field.tokens.some((t) => t.includes(token)))) {
				const label = token.slice(1).replace(/-/g, ' ');
				fields.push({
					name: slugify(label),
					label: label.charAt(0).toUpperCase() + label.slice(1),
					type: 'text',
					tokens: [token],
				});
			}
		const withValues = withValueFields(body, '', fields);
		if (withValues.length === 0 && (/\d/.test(body) || !/[.!?]\s*$/.test(body))) return;
		const title = exampleTitle(lead);
		if (!title) return;
		const channels = stepChannels(lead);
		const data: NewTemplate = {
			title,
			kind: audienceOf(lead) ?? 'internal',
			...(channels.length ? { channels } : {}),
			format: 'plain',
			body,
			fields: withValues,
		};
		// The source line is the lead's first: the one that says what to send.
		const from = fromOffset(context.doc, toString(before).split('\n')[0]!.trim(), startOf(before));
		const slug = addTemplate(context, taken, data, from);
		const href = hrefOf(context, 'templates', slug);
		claim(context.doc, start, end, href, entryLink('Template', data.title, href));
	});
}

/** What hands over a message quoted in a sentence: a call, a post, a say, or `E.g.:` after a step that sends. */
const QUOTES_MESSAGE =
	/\b(?:say(?:ing)?|call(?:s|ed)?|post(?:s|ed)?|sends?|announce(?:s|d)?|broadcasts?|radio)\b/i;
const EXAMPLE_LEAD = /^\s*(?:e\.g\.|for example|for instance|example)\s*[:,]?\s*$/i;
/** `Example: A suspected incident is tracked in [ticket link].`: a message given as a captioned line. */
const EXAMPLE_LINE =
	/^(?:[Ee]\.g\.|[Ff]or example|[Ff]or instance|[Ee]xample|[Ss]ample)\s*:\s*([A-Z][^\n]*[.!])$/;
/** What a step says it sends: `post an incident notification to …` → `incident notification`. */
const SENT_NAME =
	/\b(?:send|post|share|publish|email)s?\s+(?:an?|the)\s+((?:[a-z][\w-]*\s+){0,3}(?:notification|message|notice|announcement|update|alert|e-?mail))\b/i;
/** A message written inline: in backticks, or in straight or curly double quotes. */
const INLINE_MESSAGE = /`([^`\n]+)`|"([^"\n]+)"|“([^”\n]+)”/g;
/** `_role_`, `*location*`: an italic word in a quoted call is the word to say in its place. */
const ITALIC_BLANK = /(?<![\w*_])([_*])[a-z][a-z -]{0,30}\1(?![\w*_])/g;
const italicBlanks = (text: string): string[] =>
	[...text.matchAll(ITALIC_BLANK)].map((match) => match[0]);
/** `INCIDENT NOTICE: …`: the name a message gives itself at its start. */
const OPENING_TAG = /^([A-Z]{2,}(?: [A-Z]{2,}){0,4}):\s/;

/** The blanks of a message quoted in prose: its written blanks, and its italic words. */
function inlineFields(body: string): TemplateField[] {
	const { fields } = fieldsFor(body);
	for (const token of italicBlanks(body)) {
		const label = token.slice(1, -1);
		if (!fields.some((field) => field.tokens.includes(token)))
			fields.push({
				name: slugify(label),
				label: label.charAt(0).toUpperCase() + label.slice(1),
				type: 'text',
				tokens: [token],
			});
	}
	return fields;
}

/**
 * A message quoted in a sentence that hands it over (`… a call over the radio of "This is _role_;
 * stop the competition."`, or `E.g.: \`NOTICE: <CLUSTER> is down, see <LINK>\`` under a step that
 * posts it): a template when it leaves blanks to fill, written as `<CLUSTER>`, `[service]` or an
 * italic word. Titled by the name it opens with, else by its step, else by its section when that
 * holds no other such message. A quoted term, a name pattern or a command is no message.
 */
function recogniseInlineMessages(context: Context, taken: Set<string>): void {
	const found: {
		start: number;
		end: number;
		body: string;
		lead: string;
		/** The step the message is given in, as a name. */
		step?: string;
		/** What that step says it sends (`Incident notification`), for a message given as an example line. */
		sent?: string;
		/** Where that step is: it names the message. */
		sentAt?: number;
		section?: Section | undefined;
	}[] = [];
	const sections = [...allSections(context.doc.outline)];
	visitParents(context.doc.root, 'paragraph', (paragraph, ancestors) => {
		const start = startOf(paragraph);
		// A call quoted in an escalation path's steps (`If no one answers, radio: "This is [name]…"`)
		// is still a message to send; the path keeps the sentence in its notes.
		const escalation = hrefOf(context, 'escalation', '');
		const end = endOf(paragraph);
		if (
			context.doc.claims.some(
				(c) => c.start <= start && end <= c.end && !c.href?.startsWith(escalation)
			)
		)
			return;
		const source = sourceOf(context.doc, paragraph);
		// A captioned line under the step that sends it is the message, written without quotes.
		const example = EXAMPLE_LINE.exec(source);
		const inline: RegExpExecArray[] = example
			? // The line read as a quote in straight quotes (group 2), from where its words start.
				[
					Object.assign([example[0], undefined, example[1]] as unknown as RegExpExecArray, {
						index: example[0].indexOf(example[1]!),
					}),
				]
			: [...source.matchAll(INLINE_MESSAGE)];
		const quotes = inline.filter((match) => {
			const body = (match[1] ?? match[2] ?? match[3])!.trim();
			return (
				body.split(/\s+/).length >= 4 &&
				/[a-z]{3}/i.test(body) &&
				!looksLikeCommand(body) &&
				!looksLikeData(body) &&
				(blankTokens(body).length > 0 || italicBlanks(body).length > 0)
			);
		});
		if (quotes.length !== 1) return;
		const quote = quotes[0]!;
		const body = (quote[1] ?? quote[2] ?? quote[3])!.trim();
		const before = source
			.slice(0, quote.index)
			.split(/(?<=[a-z]{2}[.!?])\s/)
			.pop()!;
		const parent = ancestors[ancestors.length - 1] as Parent;
		const index = parent.children.indexOf(paragraph);
		// A call quoted on its own (`Put out the call:` over `> *"This is [name], …"*`): the
		// paragraph before it, or before its quote block, hands it over.
		const alone = !/[a-z]/i.test(source.replace(quote[0], ''));
		const outer = ancestors[ancestors.length - 2] as Parent | undefined;
		const previous =
			index > 0
				? parent.children[index - 1]
				: alone && parent.type === 'blockquote' && outer
					? outer.children[outer.children.indexOf(parent as RootContent) - 1]
					: undefined;
		const step = previous?.type === 'paragraph' ? toString(previous) : '';
		const lead = EXAMPLE_LEAD.test(inlineText(before)) || alone ? step : before;
		if (!QUOTES_MESSAGE.test(lead) && !(lead === step && SENDS.test(step))) return;
		// An unquoted line is a message only when the step names what it sends.
		const sent = example ? SENT_NAME.exec(inlineText(step))?.[1] : undefined;
		if (example && !sent) return;
		const at = start + quote.index!;
		const inStep = ancestors.some((node) => node.type === 'listItem');
		found.push({
			start: at,
			end: at + quote[0].length,
			body,
			lead: lead === step ? step : before,
			...(inStep ? { step: stepName(lead === step ? step : before) } : {}),
			...(sent && previous
				? { sent: sent.charAt(0).toUpperCase() + sent.slice(1), sentAt: startOf(previous) }
				: {}),
			section: sections
				.filter((s) => s.start <= at && at < s.end)
				.sort((a, b) => b.depth - a.depth)[0],
		});
	});
	for (const message of found) {
		const title =
			OPENING_TAG.exec(message.body)?.[1] ??
			message.sent ??
			message.step ??
			(message.section?.parent &&
			found.filter((other) => other.section === message.section).length === 1
				? message.section.title
				: undefined);
		if (!title) {
			context.check.push({
				kind: 'template',
				heading: message.section?.title ?? 'Messages',
				start: message.start,
				end: message.end,
				reason:
					'a message with blanks is quoted in a sentence here, but nothing names it (no name at its start, and its section quotes other messages too), so no template is made from it',
			});
			continue;
		}
		const channels = stepChannels(message.lead);
		const data: NewTemplate = {
			title,
			kind: audienceOf(message.lead) ?? kindOf(`${message.lead} ${message.body}`),
			...(channels.length ? { channels } : {}),
			format: 'plain',
			body: message.body,
			fields: inlineFields(message.body),
		};
		// A message titled by its section is found at the section's heading.
		const from =
			title === message.sent
				? message.sentAt!
				: title === message.section?.title && title !== message.step
					? message.section.start
					: message.start;
		const slug = addTemplate(context, taken, data, fromOffset(context.doc, title, from));
		const href = hrefOf(context, 'templates', slug);
		claim(context.doc, message.start, message.end, href, entryLink('Template', data.title, href));
	}
}

/** `# Template: "We are looking into [issue].`: a quoted message opening in a script's comment. */
const COMMENT_TEMPLATE = /^\s*#\s*template:\s*"(.*)$/i;
/** A script's comment line, and its text. */
const COMMENT = /^\s*#\s?(.*)$/;

/**
 * A message quoted in a script's comments (`# Update the status page every 15 minutes` then `#
 * Template: "We are investigating [issue]. …"`, over several comment lines): a template when it
 * marks a blank, titled by the comment just above it, else by its section. The script stays in its
 * page, so the report lists the template.
 */
function recogniseCommentTemplates(context: Context, taken: Set<string>): void {
	for (const code of codeBlocks(context)) {
		if (PROSE_LANGS.has((code.node.lang ?? '').toLowerCase())) continue;
		const lines = code.node.value.split('\n');
		lines.forEach((line, index) => {
			const opening = COMMENT_TEMPLATE.exec(line);
			if (!opening) return;
			const quoted = [opening[1]!];
			for (const next of lines.slice(index + 1)) {
				if (quoted.at(-1)!.trimEnd().endsWith('"')) break;
				const comment = COMMENT.exec(next);
				if (!comment) return;
				quoted.push(comment[1]!);
			}
			const last = quoted.at(-1)!.trimEnd();
			if (!last.endsWith('"')) return;
			quoted[quoted.length - 1] = last.slice(0, -1);
			const body = quoted.map((text) => text.trim()).join('\n');
			if (blankTokens(body).length === 0) return;
			const above = COMMENT.exec(lines[index - 1] ?? '')?.[1]?.trim();
			const title = above || unnumbered(stripEmoji(code.section.title)) || 'Template';
			const kind = kindOf(`${title} ${code.section.title}`);
			const data: NewTemplate = {
				title,
				kind,
				...(kind === 'status-page' ? { channels: ['status-page'] } : {}),
				format: 'plain',
				body,
				fields: fieldsFor(body).fields,
			};
			const slug = addTemplate(context, taken, data, templateSource(context, code));
			context.check.push({
				kind: 'template',
				heading: code.section.title,
				start: startOf(code.node),
				end: endOf(code.node),
				leftAs: `template ${context.playbook}/${slug} titled "${data.title}"`,
				reason:
					'it is quoted in a comment of a script: typed from the quote and titled by the comment above it, and the script stays in its page',
			});
		});
	}
}

/** `- **Incident ID:**`, `2. Severity:`, `Reviewed by:`: a field of a form, left empty. */
const EMPTY_FIELD =
	/^\s*(?:[-*+]|\d+[.)])?\s*(?:\*\*[^*\n]{1,40}:\*\*|[A-Z][\w ()/&'-]{0,40}:)\s*$/gm;

/** Rows of the section's tables with a cell left empty to fill in (`| T0 | | Detection | |`). */
const emptyRows = (section: Section): number =>
	section.nodes
		.flatMap((node) => (node.type === 'table' ? node.children.slice(1) : []))
		.filter((row) => row.children.some((cell) => !toString(cell).trim())).length;

/** A report written after an incident: `Post-Incident Report (PIR)`, `Postmortem`, `RCA`. */
const REPORT_WORDS =
	/post-?mortem|post-incident|incident report|\bpir\b|\brca\b|root cause analysis|retrospective|after-action|incident review/i;
/** Dates and clock times left to fill in: `YYYY-MM-DD`, `HH:MM`, `INC-YYYYMMDD-XXX`. */
const PLACEHOLDER_STAMP = /\b(?:YYYY|HH:MM|MM\/DD|DD\/MM)\b/g;

/** Sub-headings naming a message's parts: `## Subject`, `## Body`, `## Recipients`, `## When to Use`. */
const BODY_HEADING = /^(?:e-?mail |message )?(body|message|content|text|wording)$/i;
const RECIPIENTS_HEADING =
	/^(recipients?|to|send to|audience|distribution( list)?|who (to notify|receives it))$/i;
const WHEN_HEADING = /^(when to (use|send)( it)?|when|use when|trigger)$/i;
/** An HTML tag with its attributes, or a closing tag: markup, never a blank (`<link to ticket>` is one). */
const HTML_TAG = /<\/?[a-z]+(?:\s+[a-z-]+="[^"]*")*\s*\/?>/gi;

/**
 * A message whose parts are sub-headings: `# Update message` over `## When to Use`, `##
 * Recipients`, `## Subject` and `## Body` (a page per message, as notification folders are
 * written). The body needs a subject or recipients beside it, so a request's `Body` in an API
 * note is no message; inline code and fenced blocks in it are the message's own words.
 */
function recogniseMessagePages(context: Context, taken: Set<string>): void {
	for (const section of allSections(context.doc.outline)) {
		if (!section.heading || section.children.length < 2) continue;
		if (touched(context, section.start, section.end)) continue;
		const part = (words: RegExp) =>
			section.children.find((child) => words.test(unnumbered(stripEmoji(child.title))));
		const [bodyPart, subjectPart, toPart, whenPart] = [
			BODY_HEADING,
			SUBJECT_LABEL,
			RECIPIENTS_HEADING,
			WHEN_HEADING,
		].map(part);
		if (!bodyPart || (!subjectPart && !toPart)) continue;
		const textOf = (part: Section) =>
			part.nodes
				.map((node) =>
					node.type === 'code'
						? node.value
						: messageText(context, node).replace(/`([^`\n]+)`/g, '$1')
				)
				.join('\n\n')
				.trim();
		const body = textOf(bodyPart);
		// A JSON or XML payload (a webhook's body) is data, not a message.
		if (!body || looksLikeCommand(body) || looksLikeData(body)) continue;
		const line = (part: Section | undefined) =>
			part && inlineText(textOf(part).replace(HTML_TAG, ''));
		const subject = subjectPart && textOf(subjectPart).replace(/\s+/g, ' ');
		const when = line(whenPart);
		const audience = line(toPart);
		const intro = section.nodes.map((node) => sourceOf(context.doc, node)).join(' ');
		const { title, note } = splitTitle(unnumbered(stripEmoji(section.title)));
		const data: NewTemplate = {
			title: title.trim() || 'Template',
			kind: kindOf(`${title} ${intro} ${section.parent?.title ?? ''}`),
			...(when || note ? { when: when || note } : {}),
			...(audience ? { audience } : {}),
			...(subject || /\be-?mail/i.test(`${title} ${intro}`) ? { channels: ['email'] } : {}),
			...(subject ? { subject } : {}),
			format: 'plain',
			body,
			fields: fieldsFor(body, subject ?? '').fields,
		};
		addSectionTemplate(context, taken, section, data, [section.start, section.end]);
	}
}

/** `TO: \`list@example.org\``, `SUBJECT: \`[Advisory] $CVE\``, `TITLE: …`: where a message goes and its heading. */
const ROUTING_LINE = /^(to|cc|bcc|subject|title)\s*:\s*(.*)$/i;
/** A note that hands the text over as a message: `Use this email template`, `Post this message`. */
const HANDED_OVER = /template\b|(?:post|send|use) this (?:message|e-?mail|post|text)\b/i;
/** `_Use this email template for …_`: a note to the sender, a paragraph in italics. */
const NOTE = /^_[^_][\s\S]*_$|^\*[^*][\s\S]*\*$/;

/**
 * A message written out under its heading after a rule: notes to the sender in italics and its
 * routing lines (`TO:`, `SUBJECT:`, `TITLE:`) above a `---`, the message below it (sub-headings
 * and all) up to the next rule, which sets off an example. The notes and routing lines must be
 * all there is above the rule, with a routing line or a note handing the text over, and the
 * message must leave a blank (`$CVE`, `[service]`). Its body is the source's Markdown.
 */
function recogniseRoutedMessages(context: Context, taken: Set<string>): void {
	for (const section of allSections(context.doc.outline)) {
		if (!section.heading || touched(context, section.start, section.end)) continue;
		const rule = ruleAfter(context, section.contentStart, section.end);
		const above = section.nodes.filter((node) => rule !== undefined && endOf(node) <= rule);
		if (rule === undefined || above.length === 0) continue;
		const texts = above.map((node) => sourceOf(context.doc, node).trim());
		const notes = texts.filter((text) => NOTE.test(text)).join(' ');
		const lines = texts
			.filter((text) => !NOTE.test(text))
			.flatMap((text) => text.split('\n'))
			.map((line) => line.trim());
		if (!lines.every((line) => ROUTING_LINE.test(line))) continue;
		const routing = lines.map((line) => {
			const [, label, value] = ROUTING_LINE.exec(line)!;
			return { label: label!.toLowerCase(), value: inlineText(value!.replace(/^`(.*)`$/, '$1')) };
		});
		if (routing.length === 0 && !HANDED_OVER.test(notes)) continue;
		const start = context.doc.source.indexOf('\n', rule) + 1 || section.end;
		const end = ruleAfter(context, start, section.end) ?? section.end;
		const body = context.doc.source.slice(start, end).trim();
		if (!body || blankTokens(body).length === 0) continue;
		const value = (label: string) => routing.find((line) => line.label === label)?.value;
		const subject = value('subject') ?? value('title');
		const audience = value('to');
		const { title, note } = splitTitle(unnumbered(stripEmoji(section.title)));
		const words = `${title} ${notes}`;
		const channels = channelsIn(words, !!value('subject') || !!audience);
		const data: NewTemplate = {
			title: title.trim() || 'Template',
			kind: kindOf(title),
			...(note ? { when: note } : {}),
			...(channels.length ? { channels } : {}),
			...(subject ? { subject } : {}),
			...(audience ? { audience } : {}),
			format: 'markdown',
			body,
			fields: fieldsFor(body, subject ?? '').fields,
		};
		addSectionTemplate(context, taken, section, data, [section.start, end]);
	}
}

/**
 * A document to fill in and save, in the section's own Markdown: a page titled `… Template` or
 * `Template: …` (`# Postmortem Template`, `## Bug Template`), or a report (`## Post-Incident
 * Report (PIR)`) under a heading that says these are templates. It must read as a form: parts
 * (sub-headings, a table or labelled lines) and three places to fill in at least outside fenced
 * blocks (empty fields `- **Incident ID:**`, table rows with an empty cell, blanks `[Name]`,
 * stamps `YYYY-MM-DD` / `HH:MM`; in a `… Template` section also labelled prompts `- **Summary**:
 * one line …`). A section that describes the review, or a message with its blanks, is neither:
 * a message has no parts, and its fenced block is the message recogniser's.
 */
function recogniseFormTemplates(context: Context, taken: Set<string>): void {
	for (const section of allSections(context.doc.outline)) {
		const heading = unnumbered(stripEmoji(section.title));
		if (!section.heading || touched(context, section.start, section.end)) continue;
		const named = /\btemplate$|^template\s*[:–—-]\s*\S/i.test(heading);
		const report =
			REPORT_WORDS.test(heading) && underMessages(section) && !/\btemplates\b/i.test(heading);
		if (!named && !report) continue;
		const body = context.doc.source.slice(section.contentStart, section.end).trim();
		const text = body.replace(/^(```|~~~)[\s\S]*?^\1/gm, '');
		const parts = [section, ...allSections(section)];
		// `- **Summary**: one line on the problem`, `Impact: who is affected`: a field and its prompt.
		// A value that is a link or a finished sentence (`**Purpose:** Give clear updates.`) describes
		// the template rather than asking for something.
		const labelled = text
			.split('\n')
			.map((line) => line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, ''))
			.filter(
				(line) => labelLine(line, true) && !/(?:\.|\]\([^)]*\))\s*$/.test(line.trim())
			).length;
		const tables = parts.some((part) => part.nodes.some((node) => node.type === 'table'));
		if (section.children.length < 2 && !tables && labelled < 3) continue;
		const marked =
			(text.match(EMPTY_FIELD)?.length ?? 0) +
			parts.reduce((sum, part) => sum + emptyRows(part), 0) +
			blankTokens(text).length +
			new Set(text.match(PLACEHOLDER_STAMP) ?? []).size;
		const prompts = named ? labelled : 0;
		if (marked + prompts < 3) continue;
		const name = heading.replace(/^template\s*[:–—-]\s*|\s*\btemplate$/gi, '').trim() || heading;
		// A few label lines in a section of messages (`Status: …`, `Impact: …`, `Next update: …`)
		// are a message's form, not a document to save.
		const message = section.children.length === 0 && !tables && underMessages(section);
		const data: NewTemplate = message
			? {
					title: heading,
					kind: kindOf(`${heading} ${section.parent?.title ?? ''}`),
					format: 'plain',
					body,
					fields: fieldsFor(body).fields,
				}
			: documentTemplate(heading, body);
		const slug = addSectionTemplate(
			context,
			taken,
			section,
			data,
			[section.start, section.end],
			name
		);
		if (marked < 3)
			context.check.push({
				...typedCheck(context, section, [section.start, section.end], slug),
				reason: data.fields?.length
					? `only ${data.fields.length === 1 ? 'one of its parts is a marked blank' : `${data.fields.length} of its parts are marked blanks`} (\`[like this]\`): the others are written as prompts, which are no fields`
					: 'it marks no blanks (`[like this]`): the parts to fill in are written as prompts, so it has no fields',
			});
	}
}

/** `[NOTE]`, `[source, shell]`, `[latexmath]`: an AsciiDoc line that sets up the block under it. */
const BLOCK_ATTRIBUTE = /^\[(?:[A-Z]+|[a-z]+(?:,\s*[\w-]+)*)\]$/;

/**
 * A whole document to fill in, titled by blanks: `# [inc-YY-MM-DD-SEV-X] {service} is {state}`
 * over sections and tables (who responds, the timeline, the facts). A heading with two blanks (one
 * for a top-level heading) over sub-sections or a table is one Markdown template: its sections
 * are parts of it, not scenarios, roles or pages. Listed under "check these", since the text in
 * it that is no marked blank (hints, example values) stays as written. A whole document titled so
 * is the plan itself, to adopt once: it is listed, not typed.
 */
/** A tag in brackets that marks the page, not a blank: `[Template] Standard Runbook`, `[Draft]` (escaped too). */
const TAG_BLANK =
	/^\\?\[(?:templates?|draft|wip|examples?|samples?|deprecated|archived|optional|todo|tbd)\\?\]$/i;
/** A heading naming a runbook or playbook (or procedure) to write: `Runbook: [Name]`. */
const WRITES_RUNBOOK = /\b(?:run ?books?|play ?books?|standard operating procedures?|SOPs?)\b/i;

function recogniseDocumentTemplates(context: Context, taken: Set<string>): void {
	for (const section of allSections(context.doc.outline)) {
		if (!section.heading || touched(context, section.start, section.end)) continue;
		const heading = sourceOf(context.doc, section.heading)
			.replace(/^#+\s*|\s*#*\s*$/g, '')
			.trim();
		const blanks = blankTokens(heading).filter((token) => !TAG_BLANK.test(token)).length;
		if (blanks < (section.depth === 1 ? 1 : 2)) continue;
		// `## Runbook: [Name]` over `### Prerequisites` / `### Respond`: a skeleton for writing the
		// next runbook, filled once by its author, not a document filled in during an incident.
		const listed = (reason: string) =>
			context.check.push({
				kind: 'template',
				heading: section.title,
				start: section.start,
				end: section.end,
				reason,
			});
		if (WRITES_RUNBOOK.test(heading.replace(/\[[^\]\n]*\]|<[^>\n]*>|\{[^}\n]*\}/g, ' '))) {
			listed(
				'its heading is a title with blanks, but what it outlines is a runbook to write (a skeleton for authors), not a message or record filled in during an incident, so it stays as written'
			);
			continue;
		}
		// `[NOTE]` over `====`: an AsciiDoc admonition or block attribute read as a setext heading.
		if (BLOCK_ATTRIBUTE.test(heading.split('\n')[0]!.trim())) continue;
		const tables = section.nodes.some((node) => node.type === 'table' || node.type === 'html');
		if (section.children.length === 0 && !tables) continue;
		if (isWholeDocument(context, section)) {
			listed(
				'the whole document is written as a form to fill in (its title has blanks): it is the plan itself, to adopt once, not a template in it, so its sections are read as the playbook'
			);
			continue;
		}
		const body = context.doc.source.slice(section.start, section.end).trim();
		const data = documentTemplate(heading, body);
		const notes = authorNotes(context, section);
		const file = notes && /([\w./-]*\/[\w./-]*\.md)\b/.exec(notes.text)?.[1];
		if (file) data.file = file;
		const slug = addSectionTemplate(context, taken, section, data, [section.start, section.end]);
		// The notes go with their template: left behind they would read as the last lines of the
		// section above, which they are not about.
		if (notes) claim(context.doc, notes.start, notes.end, hrefOf(context, 'templates', slug));
		const parts = [...allSections(section)].length;
		const lines = notes?.text.split('\n').length ?? 0;
		context.check.push({
			...typedCheck(context, section, [section.start, section.end], slug),
			reason: `its heading is a title with blanks, so the section${parts ? ` and its ${parts} sub-section${parts === 1 ? '' : 's'}` : ''} became one document template; text in it that is not a marked blank (hints, example values) stays as written${notes ? `. The ${lines === 1 ? 'line' : `${lines} lines`} in angle brackets above its heading (${notes.text.split('\n').join(' ')}) ${lines === 1 ? 'is a note' : 'are notes'} to whoever fills it in, not part of the document, so ${lines === 1 ? 'it was' : 'they were'} left out of it${file ? ` (the file to save it as became its \`file\`)` : ''}` : ''}`,
		});
	}
}

/** Lines each wholly a prompt in angle brackets: `<Delete every <> hint as you fill this in>`. */
const NOTE_LINES = /^(?:[ \t]*<[A-Z][^\n]*>[ \t]*(?:\n|$))+$/;

/**
 * The block just above a document template's heading when it is only angle-bracket lines
 * (`<Incident report template>`, `<Save the finished report as reports/DATE.md>`): notes to its
 * author about the template, outside its heading and so outside its text.
 */
function authorNotes(
	context: Context,
	section: Section
): { start: number; end: number; text: string } | undefined {
	const nodes = context.doc.root.children;
	const before = nodes[nodes.findIndex((node) => startOf(node) === section.start) - 1];
	if (!before || (before.type !== 'paragraph' && before.type !== 'html')) return undefined;
	const [start, end] = [startOf(before), endOf(before)];
	const text = sourceOf(context.doc, before).trim();
	return NOTE_LINES.test(text) && !touched(context, start, end) ? { start, end, text } : undefined;
}

/**
 * Whether `section` is the whole document: its heading opens the file and every other heading is
 * under it. A skeleton of the plan (`# [Project] Incident Response Plan` over its steps) is the
 * playbook to adopt, not a document each incident fills in.
 */
const isWholeDocument = (context: Context, section: Section): boolean =>
	section.parent === context.doc.outline &&
	context.doc.outline.children.length === 1 &&
	context.doc.outline.nodes.length === 0;

/**
 * The opening of words to whoever fills a part in, about what goes there: `This should be a
 * minute-by-minute account …`, `This section is where …`, `Describe …`, `List …`.
 */
const GUIDANCE =
	/^(?:this (?:should|section|part|is where|is\b[^.!?\n]{0,40}\b(?:section|part|place)|will|must)\b|(?:here,? )?(?:describe|explain|list|summari[sz]e|write|provide|give|outline|record)\s+(?:the|what|how|why|when|who|any|all|each|a|an|your)\b)/i;
/** A heading that is the title left to write: `Short Title of Incident`, `Incident title`. */
const TITLE_PROMPT =
	/^(?:(?:short|brief|one-line|descriptive)\s+)?(?:title|name|headline)\s+(?:of|for)\s+(?:the\s+)?(?:incident|outage|event|issue|problem)$|^(?:incident|outage|event)\s+(?:title|name)$/i;
/**
 * An empty heading that names a document as a template (`Template retrospective`, `title:
 * Postmortem template`, `Incident report template`), as a page given to copy is headed.
 */
const NAMES_TEMPLATE = /^(?:title:\s*)?(?:templates?\b.*|.*\btemplates?)$/i;

/**
 * A document presented to fill in, under an empty heading that names it a template of a record
 * or report (`## title: Template retrospective`) right before it: its heading the title left to
 * write (`# Short Title of Incident`) or any, its own lines prompts or labelled placeholders
 * (`Date(s) of Incident: YYYY-MM-DD date or range`), and three parts at least, each opening with
 * a prompt (a quote of guidance, italics, a bracketed hint). Typed as one document, the quoted
 * guidance kept as written; the title is a field filled from the incident.
 */
function recogniseNamedTemplateDocuments(context: Context, taken: Set<string>): void {
	const sections = [...allSections(context.doc.outline)];
	sections.forEach((section, index) => {
		const named = sections[index - 1];
		if (!named?.heading || !section.heading || named.nodes.length || named.children.length) return;
		const name = unnumbered(stripEmoji(named.title)).trim();
		if (!NAMES_TEMPLATE.test(name)) return;
		if (!REPORT_WORDS.test(name) && !RECORD_WORDS.test(name)) return;
		if (touched(context, named.start, section.end)) return;
		const parts = section.children;
		if (parts.length < 3 || !parts.every((part) => isPromptPart(context, part))) return;
		const own = section.nodes.every(
			(node) =>
				isPrompt(context, node) ||
				(node.type === 'paragraph' &&
					sourceOf(context.doc, node)
						.split('\n')
						.every((line) => /^[^:\n]{1,40}:\s*(?:YYYY|MM\/DD|DD\/MM|\[|<|\{)/.test(line.trim())))
		);
		if (!own) return;
		const heading = sourceOf(context.doc, section.heading).trim();
		const promptTitle = TITLE_PROMPT.test(section.title.trim());
		const body = (
			promptTitle
				? context.doc.source.slice(section.start, section.end)
				: context.doc.source.slice(section.contentStart, section.end)
		).trim();
		const title =
			name
				.replace(/^title:\s*/i, '')
				.replace(/\btemplates?\b/i, '')
				.replace(/\s+/g, ' ')
				.trim() || section.title;
		const data = documentTemplate(title.charAt(0).toUpperCase() + title.slice(1), body);
		if (promptTitle) {
			const token = heading.replace(/^#+\s*/, '').trim();
			data.fields = [
				{
					name: 'incident-title',
					label: token,
					type: 'text',
					derive: 'incident-title',
					tokens: [token],
				},
				...(data.fields ?? []),
			];
		}
		const slug = addSectionTemplate(context, taken, named, data, [named.start, section.end]);
		context.check.push({
			...typedCheck(context, named, [named.start, section.end], slug),
			reason: `the heading names it a template (\`${named.title}\`) and its ${parts.length} parts open with guidance on what to write (quoted or in italics), so the document under it (\`${section.title}\`) became one document template, not sections of the playbook; the guidance stays in it as written${data.fields?.length ? '' : ', and it has no fields'}`,
		});
	});
}

/** `[ ] `: a checkbox opening a prompt (`[ ] _action items to finish first_`). */
const CHECKBOX_OPENING = /^\s*(?:[-*+]\s+)?\[ \]\s*/;

/**
 * A paragraph that only says what to write: wholly in italics (`_A brief overview of what
 * happened_`), wholly in brackets (`[Describe the user impact]`), or labelled lines each left as a blank
 * (`Incident Commander: [Name of IC]`). A list is one when each item is.
 */
function isPrompt(context: Context, node: RootContent): boolean {
	// `> This should be a short summary of …`: guidance quoted where the part's text goes.
	if (node.type === 'blockquote')
		return GUIDANCE.test(messageText(context, node).split('\n')[0]!.replace(/[*_]/g, ''));
	if (node.type === 'list')
		return node.children.every(
			(item) =>
				item.children.length === 1 && !!item.children[0] && isPrompt(context, item.children[0])
		);
	if (node.type !== 'paragraph') return false;
	const text = sourceOf(context.doc, node).replace(CHECKBOX_OPENING, '').trim();
	// A hint in brackets may run to sentences: `[Describe the impact, such as …]`. A word or two
	// (`[TBD]`) marks a draft, not what to write.
	const hint = /^_([^_]+)_$|^\*([^*]+)\*$|^\[([^[\]]+)\]$/.exec(text);
	if (hint) return (hint[1] ?? hint[2] ?? hint[3]!).trim().split(/\s+/).length >= 3;
	return text
		.split('\n')
		.every((line) => /^[^:[\]]{1,40}:\s*(\[[^\]\n]+\]|\{[^}\n]+\})\s*$/.test(line.trim()));
}

/**
 * A part of a document to fill in: its heading is a blank (`## [Incident Date and Title]`), or it
 * opens with a prompt and every paragraph in it is one (example lines in a list may follow, as
 * `* 01:23 - Incident start.` under the timeline's prompt).
 */
function isPromptPart(context: Context, part: Section): boolean {
	const heading = part.heading ? sourceOf(context.doc, part.heading).replace(/^#+\s*/, '') : '';
	if (blankTokens(heading).length > 0 && blankTokens(heading)[0] === heading.trim()) return true;
	const [first] = part.nodes;
	return (
		!!first &&
		isPrompt(context, first) &&
		part.nodes.every((node) => node.type === 'list' || isPrompt(context, node))
	);
}

/**
 * A document to fill in per incident whose parts are prompts, not marked fields, written at the
 * document's own heading levels:
 * - a heading over sub-sections that nearly all open with prompts (`# Incident Disclosure - date`
 *   over `## Summary` / `_an overview of the incident_`, `## Timeline of Events` / `_…_`);
 * - an empty `## Incident Template` heading followed by sibling sections that are prompts (`##
 *   [Incident Date and Title]`, `## Summary` / `[A one-line description]`, …), up to the first
 *   that is not (`## Next steps`).
 * Three prompt parts at least; the parts are the template's, not the playbook's sections. A
 * whole document of prompts is the plan itself (see `isWholeDocument`).
 */
function recognisePromptDocuments(context: Context, taken: Set<string>): void {
	// The empty `… Template` headings first: the page around one is not a form itself.
	for (const following of [true, false])
		for (const section of allSections(context.doc.outline)) {
			if (!section.heading || touched(context, section.start, section.end)) continue;
			if (isWholeDocument(context, section)) continue;
			const heading = unnumbered(stripEmoji(section.title));
			const empty = !section.nodes.length && !section.children.length;
			if (following !== (empty && /\btemplate$/i.test(heading))) continue;
			const parts = following
				? followingPrompts(context, section)
				: promptDescendants(context, section);
			// Under a form's heading, its last parts (a timeline of dates to fill, a closing line)
			// are the form's too, prompts or not.
			const end = following ? (parts.at(-1)?.end ?? section.end) : section.end;
			if (parts.length < 3 || touched(context, section.start, end)) continue;
			addPromptDocument(context, taken, section, heading, parts.length, end);
		}
}

/** The sections after an empty `… Template` heading that are prompts, up to the first that is not. */
function followingPrompts(context: Context, section: Section): Section[] {
	const siblings = section.parent!.children;
	const after = siblings.slice(siblings.indexOf(section) + 1);
	const count = after.findIndex((part) => !isPromptPart(context, part));
	return count === -1 ? after : after.slice(0, count);
}

/** Headings naming a document filed per incident: `Incident Disclosure`, `Outage log`. */
const RECORD_WORDS = /\b(disclosure|record|log|notes|write-?up|form)\b/i;

/**
 * The prompt parts under a heading that reads as a form: it names a record or ends in a date to
 * fill in (`Working Notes - date`), it opens with a prompt, and three in four of its written parts
 * are prompts (a glossary of italic one-liners names no record). Empty when it is not such a form.
 */
function promptDescendants(context: Context, section: Section): Section[] {
	const title = section.title;
	// A notice (`# Embargoed Notification`) opens with its own words to send, holding a blank
	// (`… discovered in $PROJECT.`), before its parts to write.
	const notice =
		NOTICE_HEADING.test(title) &&
		section.nodes.length > 0 &&
		section.nodes.every((node) => node.type === 'paragraph') &&
		blankTokens(section.nodes.map((node) => sourceOf(context.doc, node)).join('\n')).length > 0;
	if (
		!notice &&
		!JOINED_BLANK.test(title) &&
		!RECORD_WORDS.test(title) &&
		!REPORT_WORDS.test(title)
	)
		return [];
	const written = [...allSections(section)].filter((part) => part.nodes.length > 0);
	const parts = written.filter((part) => isPromptPart(context, part));
	const opens =
		(notice || section.nodes.every((node) => isPrompt(context, node))) &&
		!!written[0] &&
		parts[0] === written[0];
	return opens && parts.length * 4 >= written.length * 3 ? parts : [];
}

/** Types `section` (to `end`) as one document template of prompts, and says so under "check these". */
function addPromptDocument(
	context: Context,
	taken: Set<string>,
	section: Section,
	heading: string,
	count: number,
	end: number
): void {
	const body = context.doc.source.slice(section.contentStart, end).trim();
	const data = documentTemplate(heading, body);
	const name = plainTitle(heading).replace(/\s*\btemplate$/i, '');
	const slug = addSectionTemplate(
		context,
		taken,
		section,
		data,
		[section.start, end],
		name || undefined
	);
	context.check.push({
		...typedCheck(context, section, [section.start, end], slug),
		reason: `its ${count} parts are prompts to write in (italics or bracketed hints), so they became one document template, not sections of the playbook${data.fields?.length ? '' : '; it has no fields, since the prompts are not marked blanks'}`,
	});
}

/** `Start a new thread with the following information:`: a message to post, its parts listed below. */
const FIELD_LIST_LEAD =
	/\b(?:threads?|messages?|posts?|e-?mails?|announcements?|updates?|tickets?)\b[^.!?]*\bwith the following(?: (?:information|details|fields))?\s*:\s*$|\b(?:include|provide|give|state)\s+the\s+following(?:\s+(?:information|details|points|facts))?\s+in\s+(?:(?:the|all|your|each|every|any)\s+)?(?:messaging|messages?|notifications?|updates?|announcements?|e-?mails?|posts?|comms|communications?)\b[^.!?:]{0,40}:\s*$/i;
/** The last word of a name for a message or write-up sent to people: `Outage summary`, `advisory`. */
const WRITTEN_NOUN =
	'(?:summary|report|update|notice|notification|announcement|advisory|statement|e-?mail|message|post|disclosure|bulletin|briefing|write-?up)s?';
/**
 * A caption naming one such message, alone on its line: `Engineering Outage summary`, `**Weekly
 * report:**`. Two words at least: `Email` alone over `Address:` / `Password:` is an account's form.
 */
const MESSAGE_CAPTION = new RegExp(`^(?:[A-Za-z][\\w/&'-]*\\s+){1,4}${WRITTEN_NOUN}$`, 'i');
/** A step that writes one (`Prepare advisory`, `Draft the customer notice:`): the message is its object. */
const WRITE_STEP = new RegExp(
	`^(?:prepare|draft|write|compose|publish|issue|send|post|provide)\\s+(?:an?\\s+|the\\s+)?((?:[A-Za-z][\\w/&'-]*\\s+){0,3}${WRITTEN_NOUN})(?:\\s+(?:to|in|on|for)\\b[^.!?:]{0,40})?$`,
	'i'
);
/**
 * A part of a message, one item or line of its outline: `Incident lead`, `Severity (High, Low)`,
 * `Root Cause:`, `Title: {package} {version}` (its blanks as written), `Details: More detailed
 * description` (a hint, kept as the field's help). A few words, no sentence, no link.
 */
const FIELD_PART =
	/^([A-Za-z0-9][\w/'&-]*(?:\s+[\w/()'&-]+){0,6}?)\s*(\([^()]*\))?(?:\s*(:)\s*(.*))?$/;

interface Part {
	line: string;
	labelled: boolean;
	hint?: string;
	/** `Subject line: [Partner] change`: the subject, as written. */
	subject?: string;
}

/** One part as a line of the template (`Label: [Label]`, or as written when it marks blanks), or undefined. */
function outlinePart(text: string): Part | undefined {
	// `Anticipated User Impact [number of users, services]`: the bracketed words after a part's
	// name say what to write in it, as a `(note)` does; they are no blank of the message.
	const bracketed = /^([^[\]:]+?)\s*\[([^[\]]+)\]$/.exec(text.trim());
	if (bracketed && FIELD_PART.exec(bracketed[1]!)?.[2] === undefined) {
		const part = outlinePart(bracketed[1]!);
		return part && !part.hint && !part.subject
			? { ...part, hint: bracketed[2]!.trim() }
			: undefined;
	}
	const part = FIELD_PART.exec(text.trim());
	if (!part || /https?:|\]\(/.test(text)) return undefined;
	const [, label, note = '', colon, value = ''] = part;
	const name = `${label!.trim()}${note ? ` ${note}` : ''}`;
	if (value && blankTokens(value).length)
		return {
			line: text.trim(),
			labelled: true,
			...(/^(?:e-?mail )?subject(?: line)?$/i.test(label!.trim()) ? { subject: value.trim() } : {}),
		};
	// A value that is a sentence (`Owner: Ann wrote it.`) or a fact (a number) is no hint.
	if (value && (/[.!?]\s*$|[.!?]\s+[A-Z]/.test(value) || /\d/.test(value))) return undefined;
	return {
		line: `${name}: [${label!.trim()}]`,
		labelled: !!colon,
		// `Customer type (managed/hosted):` — the note says what to write, as `Details: …` does.
		...(value || note ? { hint: value.trim() || note.slice(1, -1).trim() } : {}),
	};
}

/**
 * A message whose parts are listed, not written, each part a blank to fill in:
 * - `… start a new thread with the following information:` over `- Incident title`, `- Affected
 *   service(s)`, … (titled by its section);
 * - a caption naming the message (`Engineering outage summary`) over lines or items that are
 *   labels (`Summary:`, `Root cause:`);
 * - a step that writes it (`5. Prepare advisory`) over sub-items that are labels (`Title:
 *   {package} {version}`, `Details: a longer description`), titled by the message it names.
 * Three parts at least, none a sentence; under a caption or a step, half of them `Label:` lines:
 * a list of things to gather or do (`Check the logs`) is no message.
 */
function recogniseFieldListPosts(context: Context, taken: Set<string>): void {
	const add = (
		title: string,
		words: string,
		texts: string[],
		[start, end]: [number, number],
		led: boolean,
		/** The line the title comes from: the heading, or the caption or step over the parts. */
		[heading, at]: [string, number]
	) => {
		if (touched(context, start, end)) return;
		const parts = texts.map(outlinePart);
		if (parts.length < 3 || !parts.every(Boolean)) return;
		if (led && parts.filter((part) => part!.labelled).length * 2 < parts.length) return;
		const subject = parts.find((part) => part!.subject)?.subject;
		const body = parts
			.filter((part) => !part!.subject)
			.map((part) => part!.line)
			.join('\n');
		const channels = channelsIn(words, !!subject);
		const { fields } = fieldsFor(body, subject);
		for (const part of parts)
			if (part!.hint) {
				const field = fields.find((f) => part!.line.endsWith(f.tokens[0]!));
				if (field) field.help = part!.hint;
			}
		const data: NewTemplate = {
			title: title.trim() || 'Post',
			kind: kindOf(`${title} ${words}`),
			...(channels.length ? { channels } : {}),
			...(subject ? { subject } : {}),
			format: 'plain',
			body,
			fields,
		};
		const slug = addTemplate(context, taken, data, fromOffset(context.doc, heading, at));
		const href = hrefOf(context, 'templates', slug);
		claim(context.doc, start, end, href, entryLink('Template', data.title, href));
	};
	const itemTexts = (list: RootContent) =>
		list.type === 'list'
			? list.children.map((item) =>
					item.children.length === 1 && item.children[0]!.type === 'paragraph'
						? toString(item).trim()
						: '\n'
				)
			: [];
	const caption = (text: string) => {
		const plain = inlineText(text).replace(/:$/, '').trim();
		return MESSAGE_CAPTION.test(plain) ? plain : undefined;
	};
	for (const section of allSections(context.doc.outline)) {
		if (!section.heading) continue;
		section.nodes.forEach((lead, index) => {
			const list = section.nodes[index + 1];
			if (lead.type !== 'paragraph') return;
			const words = inlineText(toString(lead));
			const lines = context.doc.source.slice(startOf(lead), endOf(lead)).split('\n');
			const named = lines.length === 1 ? caption(lines[0]!) : undefined;
			// `Outage summary` over `Root cause:` lines in one paragraph.
			const captioned = lines.length > 1 ? caption(lines[0]!) : undefined;
			if (list?.type === 'list' && FIELD_LIST_LEAD.test(words)) {
				// `(any incident lead)` after the heading says who posts it, not when.
				const { title } = splitTitle(unnumbered(stripEmoji(section.title)));
				add(title, words, itemTexts(list), [startOf(lead), endOf(list)], false, [
					section.title,
					section.start,
				]);
			} else if (list?.type === 'list' && named)
				add(named, words, itemTexts(list), [startOf(lead), endOf(list)], true, [
					named,
					startOf(lead),
				]);
			else if (captioned)
				add(
					captioned,
					captioned,
					lines.slice(1).map((line) => inlineText(line)),
					[startOf(lead), endOf(lead)],
					true,
					[captioned, startOf(lead)]
				);
		});
	}
	// `5. Prepare advisory` over its parts: the nested list in a step.
	visitParents(context.doc.root, 'listItem', (item) => {
		const [lead, list] = item.children;
		if (item.children.length !== 2 || lead?.type !== 'paragraph' || list?.type !== 'list') return;
		const words = inlineText(toString(lead)).trim();
		const object = WRITE_STEP.exec(words.replace(/:$/, ''))?.[1];
		if (!object) return;
		const title = object.charAt(0).toUpperCase() + object.slice(1);
		add(title, words, itemTexts(list), [startOf(list), endOf(list)], true, [
			words.split('\n')[0]!,
			startOf(lead),
		]);
	});
}
