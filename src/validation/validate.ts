import { z } from 'astro/zod';
import type { RootContent } from 'mdast';
import type { Node } from 'unist';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { duplicateItems, splitExplicitId, type ItemSource } from '../lib/checklist-ids.ts';
import { playbookOf } from '../lib/entry-ids.ts';
import { tokenUsed, undeclaredBlanks } from '../lib/placeholders.ts';
import { reviewStatus, todayIso, type ReviewFields } from '../lib/review.ts';
import { entryUrl, siteUrls, urls } from '../lib/urls.ts';
import { collectionSchemas, type CollectionName, type RefFactory } from '../schemas/index.ts';
import type { Diagnostic } from './diagnostic.ts';
import { loadContent, type RawEntry } from './load.ts';
import { bodyTree, fileLine } from './markdown.ts';
import { checkMdx } from './mdx.ts';
import { isRuleId, severityOf, type RuleId, type Severity } from './rules.ts';
import { describeSchema, knownKeys, schemaAt } from './schema-shape.ts';
import { commandStep, isCommandLanguage, numberedCodeSteps } from '../lib/numbered-steps.ts';
import { NOT_STEPS_CLASS } from '../lib/checklist-markup.ts';

/** The opening of the wrapper that keeps an ordered list in a scenario a plain list. */
const NOT_STEPS_OPEN = new RegExp(`^<div\\s+class(?:Name)?=["'][^"']*\\b${NOT_STEPS_CLASS}\\b`);

/** A validated entry: its raw file plus the schema's output. */
export interface Entry extends RawEntry {
	value: Record<string, unknown>;
}

/** A reference found in parsed data; the validator resolves it after all files are read. */
class RefValue {
	readonly collection: CollectionName;
	readonly id: string;
	constructor(collection: CollectionName, id: string) {
		this.collection = collection;
		this.id = id;
	}
}

const ref: RefFactory = (collection) =>
	z
		.string()
		.min(1)
		.transform((id) => new RefValue(collection, id));

/** Every collection's schema, references read as `RefValue`s to check once all files are read. */
const SCHEMAS = collectionSchemas(ref);

export interface ValidateOptions {
	/** "Today" for review dates; tests pin it. */
	today?: Date | undefined;
}

/** Reads and checks all content under `root`; returns every problem found, errors and warnings. */
export function validateContent(
	root: string,
	options: ValidateOptions = {}
): { entries: Entry[]; diagnostics: Diagnostic[] } {
	const { entries: raw, diagnostics, failed } = loadContent(root);
	const entries: Entry[] = [];
	for (const entry of raw) {
		const schema = SCHEMAS[entry.collection];
		const result = schema.safeParse(entry.data);
		if (result.success) {
			entries.push({ ...entry, value: result.data as Record<string, unknown> });
			continue;
		}
		failed.add(`${entry.collection}:${entry.id}`);
		for (const issue of result.error.issues) diagnostics.push(...fromIssue(issue, entry, schema));
	}
	diagnostics.push(...checkMdx(root, entries));
	const context = new Context(
		entries,
		diagnostics,
		options.today ?? new Date(`${todayIso()}T00:00:00Z`),
		failed
	);
	for (const rule of RULES) rule(context);
	return { entries, diagnostics };
}

/** The rule a schema issue breaks: the one a refinement names in `params.rule`, else `schema`. */
function ruleOf(issue: z.core.$ZodIssue): RuleId {
	const named = (issue as { params?: { rule?: unknown } }).params?.rule;
	return isRuleId(named) ? named : 'schema';
}

/** Diagnostics for one schema issue: one per unknown field, else one at the issue's path. */
function fromIssue(issue: z.core.$ZodIssue, entry: RawEntry, schema: z.ZodType): Diagnostic[] {
	const path = issue.path as (string | number)[];
	if (issue.code === 'unrecognized_keys') {
		const known = knownKeys(schema, path, entry.data);
		return issue.keys.map((key) => {
			const suggestion = closest(key, known);
			return {
				file: entry.file,
				field: [...path, key].join('.'),
				message: `is not a field here (expected ${known.length ? `one of ${known.map((k) => `\`${k}\``).join(', ')}` : 'only the documented fields'})${suggestion ? `; did you mean \`${suggestion}\`?` : ''}`,
				rule: 'unknown-field',
				severity: severityOf('unknown-field'),
				line: entry.lineOf([...path, key]),
			};
		});
	}
	const rule = ruleOf(issue);
	return [
		{
			file: entry.file,
			field: path.length ? path.join('.') : '(file)',
			message: describeIssue(issue, entry, schema),
			rule,
			severity: severityOf(rule),
			line: entry.lineOf(path),
		},
	];
}

/** Turns a zod issue into "what is wrong (expected …)". */
function describeIssue(issue: z.core.$ZodIssue, entry: RawEntry, schema: z.ZodType): string {
	const value = issue.path.reduce<unknown>(
		(data, key) => (data as Record<PropertyKey, unknown> | undefined)?.[key as PropertyKey],
		entry.data
	);
	switch (issue.code) {
		case 'invalid_type':
			return value === undefined
				? `is missing (expected ${issue.expected})`
				: `has the wrong type (expected ${issue.expected}, got ${describeValue(value)})`;
		case 'invalid_value':
			return `is \`${String(value)}\` (expected one of ${issue.values.map((v) => `\`${String(v)}\``).join(', ')})`;
		case 'unrecognized_keys':
			return `has unknown field(s) ${issue.keys.map((key) => `\`${key}\``).join(', ')} (expected only the documented fields)`;
		case 'too_small':
			return issue.origin === 'array'
				? `has too few items (expected at least ${String(issue.minimum)})`
				: `is too small or empty (expected at least ${String(issue.minimum)})`;
		case 'invalid_format':
			return `\`${String(value)}\` ${issue.message.replace(/^Invalid string: /, 'is not valid: ')}`;
		case 'invalid_union': {
			const member = schemaAt(schema, issue.path, entry.data);
			const expected = member ? describeSchema(member) : 'a value as documented';
			return value === undefined
				? `is missing (expected ${expected})`
				: `has the wrong type (expected ${expected}, got ${describeValue(value)})`;
		}
		case 'custom':
			return /^is /.test(issue.message) && typeof value === 'string'
				? `\`${value}\` ${issue.message}`
				: issue.message;
		default:
			return issue.message;
	}
}

function describeValue(value: unknown): string {
	if (Array.isArray(value)) return 'a list';
	if (value === null) return 'null';
	if (typeof value === 'object') return 'a mapping';
	return `${typeof value} \`${String(value)}\``;
}

/** What the cross-entry rules see. */
export class Context {
	readonly byId = new Map<string, Entry>();
	readonly entries: Entry[];
	readonly diagnostics: Diagnostic[];
	readonly today: Date;
	/** `<collection>:<id>` of files that exist but failed to read or match their schema. */
	readonly failed: Set<string>;
	constructor(
		entries: Entry[],
		diagnostics: Diagnostic[],
		today: Date,
		failed = new Set<string>()
	) {
		this.entries = entries;
		this.diagnostics = diagnostics;
		this.today = today;
		this.failed = failed;
		for (const entry of entries) this.byId.set(`${entry.collection}:${entry.id}`, entry);
	}
	of(collection: CollectionName): Entry[] {
		return this.entries.filter((entry) => entry.collection === collection);
	}
	/** Records a problem (severity from the rule registry); `line` overrides the field's line (for places inside an MDX body). */
	report(
		entry: Entry,
		path: (string | number)[],
		message: string,
		rule: RuleId,
		severity: Severity = severityOf(rule),
		line?: number
	) {
		this.diagnostics.push({
			file: entry.file,
			field: path.length ? path.join('.') : '(file)',
			message,
			rule,
			severity,
			line: line ?? entry.lineOf(path),
		});
	}
}

type Rule = (context: Context) => void;

/** Walks parsed data and yields every value with its path. */
function* walk(
	value: unknown,
	path: (string | number)[] = []
): Generator<[unknown, (string | number)[]]> {
	yield [value, path];
	if (value instanceof RefValue || value === null || typeof value !== 'object') return;
	for (const [key, child] of Object.entries(value))
		yield* walk(child, [...path, Array.isArray(value) ? Number(key) : key]);
}

/** Every entry belongs to a folder with a `playbook.yaml`. */
const playbookExists: Rule = (context) => {
	const playbooks = new Set(context.of('playbooks').map((entry) => entry.id));
	for (const entry of context.entries) {
		if (entry.collection === 'playbooks' || playbooks.has(entry.playbook)) continue;
		context.report(
			entry,
			[],
			`belongs to playbook \`${entry.playbook}\`, which has no playbook.yaml (expected content/${entry.playbook}/playbook.yaml)`,
			'playbook-missing'
		);
	}
};

/** References point at entries that exist, in the same playbook. */
const referencesResolve: Rule = (context) => {
	for (const entry of context.entries) {
		for (const [value, path] of walk(entry.value)) {
			if (!(value instanceof RefValue)) continue;
			// The target's own problems are reported at the target: no second, broken error here.
			if (context.failed.has(`${value.collection}:${value.id}`)) continue;
			if (context.byId.has(`${value.collection}:${value.id}`)) {
				if (playbookOf(value.id) !== entry.playbook) {
					context.report(
						entry,
						path,
						`points to \`${value.id}\` in another playbook (expected an id starting with \`${entry.playbook}/\`)`,
						'reference'
					);
				}
				continue;
			}
			const candidates = context
				.of(value.collection)
				.filter((other) => other.playbook === entry.playbook)
				.map((other) => other.id);
			const suggestion = closest(value.id, candidates);
			context.report(
				entry,
				path,
				`points to \`${value.id}\`, which is not in ${value.collection} (expected one of ${candidates.length ? candidates.map((id) => `\`${id}\``).join(', ') : `no entries: add content/${entry.playbook}/… first`})${suggestion ? `; did you mean \`${suggestion}\`?` : ''}`,
				'reference'
			);
		}
	}
};

/** Within a playbook, severity level ids and ranks are unique. */
const severitiesUnique: Rule = (context) => {
	for (const key of ['level', 'rank'] as const) {
		const seen = new Map<string, Entry>();
		for (const entry of context.of('severities')) {
			const at = `${entry.playbook}:${String(entry.value[key])}`;
			const first = seen.get(at);
			if (!first) {
				seen.set(at, entry);
				continue;
			}
			context.report(
				entry,
				[key],
				`\`${String(entry.value[key])}\` is already used by ${first.file} (expected each severity ${key} once per playbook)`,
				key === 'level' ? 'duplicate-level' : 'duplicate-rank'
			);
		}
	}
};

/** Every blank in a template is declared as a field, and every declared field is used. */
const templateFields: Rule = (context) => {
	for (const entry of context.of('templates')) {
		const fields = entry.value.fields as { name: string; tokens: string[] }[];
		const texts: [string, string][] = [['body', entry.value.body as string]];
		if (typeof entry.value.subject === 'string') texts.push(['subject', entry.value.subject]);
		// A field may also fill a blank of the file name (src/lib/save-as.ts).
		const named = typeof entry.value.file === 'string' ? [entry.value.file] : [];
		for (const [key, text] of texts) {
			for (const blank of new Set(undeclaredBlanks(text, fields).map((b) => b.text))) {
				context.report(
					entry,
					[key],
					`uses the blank \`${blank}\`, which no field declares (expected a field with \`tokens: ["${blank}"]\`)`,
					'placeholder-undeclared'
				);
			}
		}
		const seen = new Set<string>();
		fields.forEach((field, index) => {
			if (seen.has(field.name))
				context.report(
					entry,
					['fields', index, 'name'],
					`\`${field.name}\` is declared twice (expected each field name once)`,
					'field-duplicate'
				);
			seen.add(field.name);
			field.tokens.forEach((token, tokenIndex) => {
				if ([...texts.map(([, text]) => text), ...named].some((text) => tokenUsed(text, token)))
					return;
				context.report(
					entry,
					['fields', index, 'tokens', tokenIndex],
					`\`${token}\` does not appear in the subject, body or file name (expected every declared token to be used)`,
					'field-unused'
				);
			});
		});
	}
};

/** A template's text with every declared token taken out: what the template says as fixed text. */
function fixedText(template: Entry): string {
	const fields = template.value.fields as { tokens: string[] }[];
	let text = `${(template.value.subject as string | undefined) ?? ''}\n${template.value.body as string}`;
	for (const token of fields.flatMap((field) => field.tokens).map((t) => t.replace(/#\d+$/, '')))
		text = text.split(token).join(' ');
	return text;
}

/** Three or more capitalised words joined by slashes: alternatives a responder must pick from. */
const CHOICE_LIST = /\b[A-Z][a-z]+(?:\s*\/\s*[A-Z][a-z]+){2,}/;

/** A warning for each template whose fixed text (outside its fields' tokens) matches `pattern`. */
const fixedTextRule =
	(pattern: RegExp, code: RuleId, message: (found: string) => string): Rule =>
	(context) => {
		for (const entry of context.of('templates')) {
			const match = pattern.exec(fixedText(entry));
			if (match) context.report(entry, ['body'], message(match[0]), code, 'warning');
		}
	};

/** A line offering alternatives ("Investigating / Identified / …") copies literally unless it is a field. */
const templateChoiceLists = fixedTextRule(
	CHOICE_LIST,
	'template-choice-list',
	(choices) =>
		`offers the choices \`${choices}\` as fixed text, so they are copied as they stand (expected a \`choice\` or \`status\` field whose \`tokens\` hold them)`
);

/** A calendar date (2025-11-27, 27 Nov 2025, November 27, 2025) in a template's fixed text. */
const FIXED_DATE = new RegExp(
	String.raw`\b(?:(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])|\d{1,2} MONTH,? (?:19|20)\d\d|MONTH \d{1,2},? (?:19|20)\d\d)\b`.replaceAll(
		'MONTH',
		'(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?'
	)
);

/** A date written into a template (a source's example row or sample update) is copied as this incident's. */
const templateFixedDates = fixedTextRule(
	FIXED_DATE,
	'template-fixed-date',
	(date) =>
		`holds the date \`${date}\` as fixed text, so every copy carries it as if it were this incident's (expected a field for it, or the example left out)`
);

/** A template a scenario links to must not name, as fixed text, a service of another scenario. */
const templateServices: Rule = (context) => {
	for (const playbook of context.of('playbooks')) {
		const scenarios = context.of('scenarios').filter((entry) => entry.playbook === playbook.id);
		const known = new Set(scenarios.flatMap((entry) => entry.value.services as string[]));
		for (const scenario of scenarios) {
			const own = new Set((scenario.value.services as string[]).map((s) => s.toLowerCase()));
			if (own.size === 0) continue;
			(scenario.value.templates as unknown[]).forEach((ref, index) => {
				if (!(ref instanceof RefValue)) return;
				const template = context.byId.get(`templates:${ref.id}`);
				if (!template) return;
				const text = fixedText(template).toLowerCase();
				const named = [...known].filter(
					(service) =>
						!own.has(service.toLowerCase()) &&
						new RegExp(`\\b${RegExp.escape(service.toLowerCase())}\\b`).test(text)
				);
				if (!named.length) return;
				context.report(
					scenario,
					['templates', index],
					`links \`${ref.id}\`, whose fixed text names ${named.map((s) => `\`${s}\``).join(', ')}, not this scenario's services (${[...own].join(', ')}) (expected the service to be a field of the template)`,
					'template-service',
					'warning'
				);
			});
		}
	}
};

/** Escalation levels go up: later levels start later, severity tables run from most severe. */
const escalationOrdered: Rule = (context) => {
	for (const entry of context.of('escalations')) {
		const levels = entry.value.levels as {
			id: string;
			after?: { minutes?: number };
			severity?: RefValue;
		}[];
		const ids = new Set<string>();
		levels.forEach((level, index) => {
			if (ids.has(level.id))
				context.report(
					entry,
					['levels', index, 'id'],
					`\`${level.id}\` appears twice (expected each level once)`,
					'escalation-order'
				);
			ids.add(level.id);
			const previous = levels[index - 1];
			if (!previous) return;
			const before = previous.after?.minutes;
			const now = level.after?.minutes;
			if (before !== undefined && now !== undefined && now < before) {
				context.report(
					entry,
					['levels', index, 'after'],
					`starts at ${now} min, before the previous level (${before} min) (expected levels in order of elapsed time)`,
					'escalation-order'
				);
			}
			const rank = (ref?: RefValue) =>
				ref
					? (context.byId.get(`severities:${ref.id}`)?.value.rank as number | undefined)
					: undefined;
			const [a, b] = [rank(previous.severity), rank(level.severity)];
			if (a !== undefined && b !== undefined && b < a) {
				context.report(
					entry,
					['levels', index, 'severity'],
					`is more severe than the level above it (expected the most severe level first)`,
					'escalation-order'
				);
			}
		});
	}
};

/** Words that mark a value the team has not filled in yet. */
const BLANK_TEXT =
	/^\[[^\]]+\]$|\(to be (filled|assigned)\)|\[your [^\]]+\]|\[(name|phone|email)\]/i;

/**
 * Blanks in prose: a bracketed phrase that is not a link (`[Name]`, `[on-call email]`) or a
 * "(To be filled)". Read from text nodes only, so code, links and task boxes never match.
 */
const BODY_BLANK = /\[[a-z][^\]\n]{1,80}\]|\(to be (?:filled|assigned)\)/gi;

/** Blanks left in content (not in templates, where blanks are the point) are reported for owners. */
const contentBlanks: Rule = (context) => {
	for (const entry of context.entries) {
		if (entry.collection === 'templates') continue;
		for (const [value, path] of walk(entry.value)) {
			if (typeof value !== 'string' || !BLANK_TEXT.test(value.trim())) continue;
			context.report(
				entry,
				path,
				`is still the blank \`${value.trim()}\` (expected the real value; fill it in or remove it)`,
				'blank',
				'warning'
			);
		}
		if (!entry.body) continue;
		visit(bodyTree(entry), 'text', (node) => {
			const start = fileLine(entry, node);
			for (const match of node.value.matchAll(BODY_BLANK)) {
				// A paragraph's text can span lines: count the line breaks before the blank.
				const line =
					start === undefined
						? undefined
						: start + node.value.slice(0, match.index).split('\n').length - 1;
				context.report(
					entry,
					['body'],
					`still has the blank \`${match[0]}\` (expected the real text; fill it in or remove it)`,
					'blank',
					'warning',
					line
				);
			}
		});
	}
};

/** Playbooks, scenarios and pages past their "Next Review" date (or last review plus one cycle). */
const reviewDue: Rule = (context) => {
	const today = context.today.toISOString().slice(0, 10);
	for (const entry of context.entries) {
		// Entries without their own dates inherit the playbook's, which the playbook's warning covers.
		if (entry.value.lastReviewed === undefined && entry.value.nextReview === undefined) continue;
		const playbook =
			entry.collection === 'playbooks'
				? {}
				: (context.byId.get(`playbooks:${entry.playbook}`)?.value ?? {});
		const status = reviewStatus(entry.value as ReviewFields, playbook as ReviewFields, today);
		if (!status.overdue) continue;
		const field = entry.value.nextReview === undefined ? 'lastReviewed' : 'nextReview';
		const reviewed = status.lastReviewed ? `was last reviewed on ${status.lastReviewed}; ` : '';
		context.report(
			entry,
			[field],
			`${reviewed}its ${entry.value.nextReview === undefined ? `${status.reviewCycle} ` : ''}review was due ${status.nextDue} (expected a review, then \`lastReviewed\` set to the review date${field === 'nextReview' ? ' and `nextReview` moved on' : ''})`,
			'review-due',
			'warning'
		);
	}
};

/** A checklist step of one document, where an author finds it. */
interface ChecklistStep extends ItemSource {
	field: string;
	line: number | undefined;
	/** How an author pins an id here. */
	pin: string;
}

/** The steps of an entry's checklists: task items in an MDX body, checklist groups, severity actions. */
function checklistSteps(entry: Entry): ChecklistStep[] {
	if (entry.collection === 'checklists') {
		const groups = entry.value.groups as { items: (string | { text: string; id?: string })[] }[];
		return groups.flatMap((group, g) =>
			group.items.map((item, i) => {
				const path = ['groups', g, 'items', i];
				const source = typeof item === 'string' ? splitExplicitId(item) : item;
				return {
					text: source.text,
					id: source.id,
					field: path.join('.'),
					line: entry.lineOf(path),
					pin: 'an `id:` such as `second-check`',
				};
			})
		);
	}
	if (entry.collection === 'severities') {
		return (entry.value.actions as string[]).map((action, i) => ({
			...splitExplicitId(action),
			field: `actions.${i}`,
			line: entry.lineOf(['actions', i]),
			pin: 'an id at the end such as `{#second-check}`',
		}));
	}
	if (!entry.body) return [];
	const steps: ChecklistStep[] = [];
	const pin = 'an id at the end such as `\\{#second-check}`';
	const push = (text: string, node: Node, idText?: string) =>
		steps.push({
			...splitExplicitId(text),
			...(idText ? { idText } : {}),
			field: 'body',
			line: fileLine(entry, node),
			pin,
		});
	// As `satteri-checklists` renders them: task items anywhere; in a scenario, also the items of
	// ordered lists outside any list and outside `<div class="not-steps">`, and the numbered
	// comments of a command block outside any list (or the block itself, named after its heading).
	const scenario = entry.collection === 'scenarios';
	let heading: string | undefined;
	const walk = (nodes: readonly RootContent[], inList: boolean) => {
		let optedOut = false;
		for (const node of nodes) {
			if (node.type === 'html' && NOT_STEPS_OPEN.test(node.value)) optedOut = true;
			else if (node.type === 'html' && /<\/div>/.test(node.value)) optedOut = false;
			const asSteps = scenario && !inList && !optedOut;
			if (node.type === 'listItem') {
				const first = node.children[0];
				const text = first?.type === 'paragraph' ? toString(first).trim() : '';
				if (typeof node.checked === 'boolean') push(first ? toString(first).trim() : '', node);
				else if (asSteps && text) push(text, node);
				walk(node.children, true);
				continue;
			}
			if (node.type === 'list') {
				walk(node.children, inList || !(asSteps && node.ordered));
				continue;
			}
			if (node.type === 'heading') heading = toString(node);
			if (node.type === 'code' && asSteps)
				for (const step of numberedCodeSteps(node.value) ??
					(isCommandLanguage(node.lang) ? [commandStep(heading, node.value)] : []))
					push(step.text, node, 'idText' in step ? step.idText : undefined);
			if ('children' in node) walk(node.children, inList);
		}
	};
	walk(bodyTree(entry).children, false);
	return steps;
}

/**
 * Two steps of one document with the same text share an id told apart only by their order (a
 * warning); two steps pinning the same `{#id}` share one tick (an error).
 */
const checklistDuplicates: Rule = (context) => {
	for (const entry of context.entries) {
		const steps = checklistSteps(entry);
		for (const indexes of duplicateItems(steps)) {
			const [first, ...others] = indexes.map((index) => steps[index]!);
			const where = first!.line ? `line ${first!.line}` : first!.field;
			for (const step of others) {
				const pinned = step.id !== undefined && step.id === first!.id;
				context.diagnostics.push({
					file: entry.file,
					field: step.field,
					message: pinned
						? `pins the checklist id \`${step.id}\`, which the step of ${where} pins too, so ticking one ticks both (expected each pinned id once)`
						: `repeats the checklist step \`${step.idText ?? step.text}\` of ${where}, so their ticks are told apart only by order (expected each step once, or ${step.pin} on one of them)`,
					rule: pinned ? 'duplicate-checklist-id' : 'duplicate-checklist-item',
					severity: severityOf(pinned ? 'duplicate-checklist-id' : 'duplicate-checklist-item'),
					line: step.line,
				});
			}
		}
	}
};

/** A scenario a responder cannot recognise: no symptoms in frontmatter and no Symptoms section. */
const scenarioSymptoms: Rule = (context) => {
	for (const entry of context.of('scenarios')) {
		if ((entry.value.symptoms as string[]).length > 0) continue;
		let heading = false;
		visit(bodyTree(entry), 'heading', (node) => {
			if (/symptom|signs|detect/i.test(toString(node))) heading = true;
		});
		if (heading) continue;
		context.report(
			entry,
			['symptoms'],
			'lists no symptoms (expected `symptoms:` with what responders and users see, or a `## Symptoms` section)',
			'scenario-no-symptoms',
			'warning',
			entry.lineOf(['title'])
		);
	}
};

/** A scenario with nothing to tick: its body has no task item, ordered list or numbered commands. */
const scenarioSteps: Rule = (context) => {
	for (const entry of context.of('scenarios')) {
		if (checklistSteps(entry).length > 0) continue;
		context.report(
			entry,
			['body'],
			'has no step to tick (expected an ordered list of steps in the body, e.g. `1. Check …` under `## Mitigation`, task items `- [ ] …`, or numbered comments `# 1. …` in a command block)',
			'scenario-no-steps',
			'warning',
			entry.bodyLine || undefined
		);
	}
};

/** Every internal link found in an entry: MDX body links and Markdown links in its field values. */
function* linksOf(
	entry: Entry
): Generator<{ href: string; path: (string | number)[]; line: number | undefined }> {
	if (entry.body) {
		const found: { href: string; path: (string | number)[]; line: number | undefined }[] = [];
		visit(bodyTree(entry), ['link', 'definition'], (node) => {
			found.push({
				href: (node as { url: string }).url,
				path: ['body'],
				line: fileLine(entry, node),
			});
		});
		yield* found;
	}
	for (const [value, path] of walk(entry.value)) {
		if (typeof value !== 'string') continue;
		for (const match of value.matchAll(/\]\(([^)\s]+)\)/g))
			yield { href: match[1]!, path, line: entry.lineOf(path) };
	}
}

/**
 * The site path a link points to, or undefined for links that leave the site, stay on the page
 * or point outside playbooks (routes such as `/review.json` that no entry makes).
 */
function internalPath(href: string, from: string, playbooks: Set<string>): string | undefined {
	if (/^([a-z][a-z0-9+.-]*:|\/\/|#|\?)/i.test(href) || href === '') return undefined;
	let path = new URL(href, `http://site${from}`).pathname.replace(/\/index\.html$/, '/');
	if (!/\.[a-z0-9]+$/i.test(path) && !path.endsWith('/')) path += '/';
	return playbooks.has(path.split('/')[1]!) ? path : undefined;
}

/** Links into a playbook's pages that no entry builds, with the closest existing page. */
const linksResolve: Rule = (context) => {
	const site = siteUrls(context.entries);
	const playbooks = new Set(context.of('playbooks').map((entry) => entry.id));
	for (const entry of context.entries) {
		for (const { href, path, line } of linksOf(entry)) {
			const target = internalPath(href, entryUrl(entry.collection, entry.id), playbooks);
			if (target === undefined || site.has(target)) continue;
			const suggestion = closest(target, [...site]);
			context.report(
				entry,
				path,
				`links to \`${href}\`, which is not a page of the site (expected a link to an existing page${suggestion ? `; did you mean \`${suggestion}\`?` : ''})`,
				'link-broken',
				'warning',
				line
			);
		}
	}
};

/** Templates no scenario, checklist or page points to: nobody will find them during an incident. */
const templatesLinked: Rule = (context) => {
	const linked = new Set<string>();
	const playbooks = new Set(context.of('playbooks').map((entry) => entry.id));
	for (const entry of context.entries) {
		for (const [value] of walk(entry.value))
			if (value instanceof RefValue && value.collection === 'templates')
				linked.add(urls.template(value.id));
		if (entry.collection === 'templates') continue;
		for (const { href } of linksOf(entry)) {
			const target = internalPath(href, entryUrl(entry.collection, entry.id), playbooks);
			if (target) linked.add(target);
		}
	}
	for (const entry of context.of('templates')) {
		if (linked.has(urls.template(entry.id))) continue;
		context.report(
			entry,
			[],
			`is not used by any scenario or page (expected a scenario to list \`${entry.id}\` under \`templates:\`, or a page to link to \`${urls.template(entry.id)}\`)`,
			'template-unlinked',
			'warning',
			entry.lineOf(['title'])
		);
	}
};

/** An alert name leads to one scenario (`/alerts/<name>/`), so two scenarios cannot claim it. */
const alertsUnique: Rule = (context) => {
	const claimed = new Map<string, Entry>();
	for (const entry of context.of('scenarios')) {
		(entry.value.alerts as string[]).forEach((alert, index) => {
			const first = claimed.get(alert);
			if (!first) {
				claimed.set(alert, entry);
				return;
			}
			if (first === entry) return;
			context.report(
				entry,
				['alerts', index],
				`\`${alert}\` is already claimed by ${first.file} (expected each alert name in one scenario, so the alert leads to one runbook)`,
				'duplicate-alert',
				'warning'
			);
		});
	}
};

const RULES: Rule[] = [
	playbookExists,
	referencesResolve,
	severitiesUnique,
	templateFields,
	templateChoiceLists,
	templateFixedDates,
	templateServices,
	escalationOrdered,
	contentBlanks,
	reviewDue,
	scenarioSymptoms,
	scenarioSteps,
	linksResolve,
	templatesLinked,
	alertsUnique,
	checklistDuplicates,
];

/** The candidate closest to `id` by edit distance, if it is close enough to be a typo. */
export function closest(id: string, candidates: string[]): string | undefined {
	let best: [string, number] | undefined;
	for (const candidate of candidates) {
		const distance = editDistance(id.toLowerCase(), candidate.toLowerCase());
		if (!best || distance < best[1]) best = [candidate, distance];
	}
	return best && best[1] <= Math.max(2, Math.floor(id.length / 3)) ? best[0] : undefined;
}

function editDistance(a: string, b: string): number {
	let row = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		const next = [i];
		for (let j = 1; j <= b.length; j++)
			next[j] = Math.min(
				row[j]! + 1,
				next[j - 1]! + 1,
				row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)
			);
		row = next;
	}
	return row[b.length]!;
}
