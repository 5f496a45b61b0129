import { z } from 'astro/zod';
import { COLLECTIONS, playbookOf } from '../lib/collections.ts';
import { tokenUsed, undeclaredBlanks } from '../lib/placeholders.ts';
import { REVIEW_CYCLE_DAYS, type CollectionName, type RefFactory } from '../schemas/index.ts';
import type { Diagnostic } from './diagnostic.ts';
import { loadContent, type RawEntry } from './load.ts';

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

const ref: RefFactory = (collection) => z.string().min(1).transform((id) => new RefValue(collection, id));

export interface ValidateOptions {
	/** "Today" for review dates; tests pin it. */
	today?: Date;
}

/** Reads and checks all content under `root`; returns every problem found, errors and warnings. */
export function validateContent(root: string, options: ValidateOptions = {}): { entries: Entry[]; diagnostics: Diagnostic[] } {
	const { entries: raw, diagnostics } = loadContent(root);
	const entries: Entry[] = [];
	for (const entry of raw) {
		const schema = COLLECTIONS.find((source) => source.name === entry.collection)!.schema(ref);
		const result = schema.safeParse(entry.data);
		if (result.success) {
			entries.push({ ...entry, value: result.data as Record<string, unknown> });
			continue;
		}
		for (const issue of result.error.issues) {
			diagnostics.push({
				file: entry.file,
				field: issue.path.length ? issue.path.join('.') : '(file)',
				message: describeIssue(issue, entry),
				rule: (issue as { params?: { rule?: string } }).params?.rule ?? 'schema',
				severity: 'error',
				line: entry.lineOf(issue.path as (string | number)[]),
			});
		}
	}
	const context = new Context(entries, diagnostics, options.today ?? new Date());
	for (const rule of RULES) rule(context);
	return { entries, diagnostics };
}

/** Turns a zod issue into "what is wrong (expected …)". */
function describeIssue(issue: z.core.$ZodIssue, entry: RawEntry): string {
	const value = issue.path.reduce<unknown>((data, key) => (data as Record<PropertyKey, unknown> | undefined)?.[key as PropertyKey], entry.data);
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
		case 'invalid_union':
			return `has the wrong shape (expected a string or an object as documented)`;
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
	constructor(entries: Entry[], diagnostics: Diagnostic[], today: Date) {
		this.entries = entries;
		this.diagnostics = diagnostics;
		this.today = today;
		for (const entry of entries) this.byId.set(`${entry.collection}:${entry.id}`, entry);
	}
	of(collection: CollectionName): Entry[] {
		return this.entries.filter((entry) => entry.collection === collection);
	}
	report(entry: Entry, path: (string | number)[], message: string, rule: string, severity: Diagnostic['severity'] = 'error') {
		this.diagnostics.push({
			file: entry.file,
			field: path.length ? path.join('.') : '(file)',
			message,
			rule,
			severity,
			line: entry.lineOf(path),
		});
	}
}

type Rule = (context: Context) => void;

/** Walks parsed data and yields every value with its path. */
function* walk(value: unknown, path: (string | number)[] = []): Generator<[unknown, (string | number)[]]> {
	yield [value, path];
	if (value instanceof RefValue || value === null || typeof value !== 'object') return;
	for (const [key, child] of Object.entries(value)) yield* walk(child, [...path, Array.isArray(value) ? Number(key) : key]);
}

/** Every entry belongs to a folder with a `playbook.yaml`. */
const playbookExists: Rule = (context) => {
	const playbooks = new Set(context.of('playbooks').map((entry) => entry.id));
	for (const entry of context.entries) {
		if (entry.collection === 'playbooks' || playbooks.has(entry.playbook)) continue;
		context.report(entry, [], `belongs to playbook \`${entry.playbook}\`, which has no playbook.yaml (expected content/${entry.playbook}/playbook.yaml)`, 'playbook-missing');
	}
};

/** References point at entries that exist, in the same playbook. */
const referencesResolve: Rule = (context) => {
	for (const entry of context.entries) {
		for (const [value, path] of walk(entry.value)) {
			if (!(value instanceof RefValue)) continue;
			if (context.byId.has(`${value.collection}:${value.id}`)) {
				if (playbookOf(value.id) !== entry.playbook) {
					context.report(entry, path, `points to \`${value.id}\` in another playbook (expected an id starting with \`${entry.playbook}/\`)`, 'reference');
				}
				continue;
			}
			const candidates = context.of(value.collection).filter((other) => other.playbook === entry.playbook).map((other) => other.id);
			const suggestion = closest(value.id, candidates);
			context.report(
				entry,
				path,
				`points to \`${value.id}\`, which is not in ${value.collection} (expected one of ${candidates.length ? candidates.map((id) => `\`${id}\``).join(', ') : `no entries: add content/${entry.playbook}/… first`})${suggestion ? `; did you mean \`${suggestion}\`?` : ''}`,
				'reference',
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
			context.report(entry, [key], `\`${String(entry.value[key])}\` is already used by ${first.file} (expected each severity ${key} once per playbook)`, `duplicate-${key}`);
		}
	}
};

/** Every blank in a template is declared as a field, and every declared field is used. */
const templateFields: Rule = (context) => {
	for (const entry of context.of('templates')) {
		const fields = entry.value.fields as { name: string; tokens: string[] }[];
		const texts: [string, string][] = [['body', entry.value.body as string]];
		if (typeof entry.value.subject === 'string') texts.push(['subject', entry.value.subject]);
		for (const [key, text] of texts) {
			for (const blank of new Set(undeclaredBlanks(text, fields).map((b) => b.text))) {
				context.report(entry, [key], `uses the blank \`${blank}\`, which no field declares (expected a field with \`tokens: ["${blank}"]\`)`, 'placeholder-undeclared');
			}
		}
		const seen = new Set<string>();
		fields.forEach((field, index) => {
			if (seen.has(field.name)) context.report(entry, ['fields', index, 'name'], `\`${field.name}\` is declared twice (expected each field name once)`, 'field-duplicate');
			seen.add(field.name);
			field.tokens.forEach((token, tokenIndex) => {
				if (texts.some(([, text]) => tokenUsed(text, token))) return;
				context.report(entry, ['fields', index, 'tokens', tokenIndex], `\`${token}\` does not appear in the subject or body (expected every declared token to be used)`, 'field-unused');
			});
		});
	}
};

/** Escalation levels go up: later levels start later, severity tables run from most severe. */
const escalationOrdered: Rule = (context) => {
	for (const entry of context.of('escalations')) {
		const levels = entry.value.levels as { id: string; after?: { minutes?: number }; severity?: RefValue }[];
		const ids = new Set<string>();
		levels.forEach((level, index) => {
			if (ids.has(level.id)) context.report(entry, ['levels', index, 'id'], `\`${level.id}\` appears twice (expected each level once)`, 'escalation-order');
			ids.add(level.id);
			const previous = levels[index - 1];
			if (!previous) return;
			const before = previous.after?.minutes;
			const now = level.after?.minutes;
			if (before !== undefined && now !== undefined && now < before) {
				context.report(entry, ['levels', index, 'after'], `starts at ${now} min, before the previous level (${before} min) (expected levels in order of elapsed time)`, 'escalation-order');
			}
			const rank = (ref?: RefValue) => (ref ? (context.byId.get(`severities:${ref.id}`)?.value.rank as number | undefined) : undefined);
			const [a, b] = [rank(previous.severity), rank(level.severity)];
			if (a !== undefined && b !== undefined && b < a) {
				context.report(entry, ['levels', index, 'severity'], `is more severe than the level above it (expected the most severe level first)`, 'escalation-order');
			}
		});
	}
};

/** Words that mark a value the team has not filled in yet. */
const BLANK_TEXT = /^\[[^\]]+\]$|\(to be (filled|assigned)\)|\[your [^\]]+\]|\[(name|phone|email)\]/i;

/** Blanks left in content (not in templates, where blanks are the point) are reported for owners. */
const contentBlanks: Rule = (context) => {
	for (const entry of context.entries) {
		if (entry.collection === 'templates') continue;
		for (const [value, path] of walk(entry.value)) {
			if (typeof value !== 'string' || !BLANK_TEXT.test(value.trim())) continue;
			context.report(entry, path, `is still the blank \`${value.trim()}\` (expected the real value; fill it in or remove it)`, 'blank', 'warning');
		}
	}
};

/** Playbooks and scenarios past their review date. */
const reviewDue: Rule = (context) => {
	for (const entry of context.entries) {
		const last = entry.value.lastReviewed;
		if (typeof last !== 'string') continue;
		const cycle = (entry.value.reviewCycle as keyof typeof REVIEW_CYCLE_DAYS | undefined) ?? 'monthly';
		const due = new Date(Date.parse(`${last}T00:00:00Z`) + REVIEW_CYCLE_DAYS[cycle] * 86_400_000);
		if (due >= context.today) continue;
		context.report(entry, ['lastReviewed'], `was last reviewed on ${last}; the ${cycle} review was due ${due.toISOString().slice(0, 10)} (expected a review and a new \`lastReviewed\` date)`, 'review-due', 'warning');
	}
};

const RULES: Rule[] = [playbookExists, referencesResolve, severitiesUnique, templateFields, escalationOrdered, contentBlanks, reviewDue];

/** The candidate closest to `id` by edit distance, if it is close enough to be a typo. */
function closest(id: string, candidates: string[]): string | undefined {
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
		for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
		row = next;
	}
	return row[b.length]!;
}
