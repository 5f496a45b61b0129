import type { ListItem } from 'mdast';
import type { z } from 'astro/zod';
import type {
	ChecklistSchema,
	ContactsSchema,
	EscalationInput,
	LinkSchema,
	PageSchema,
	PlaybookInput,
	RoleSchema,
	ScenarioInput,
	SeverityInput,
	TemplateInput,
} from '../schemas/index.ts';
import { allSections, itemSource, inlineText, plain, type Doc, type Section } from './markdown.ts';

/** Where in the source an entry came from: the heading (or label) above it and its line. */
export interface SourceRef {
	heading: string;
	line: number;
}

/** One file to write: its slug inside the collection folder, its data, and for MDX its body. */
export interface Entry<T> {
	slug: string;
	data: T;
	body?: string;
	/** For the report: the source lines the entry was typed from. */
	from?: SourceRef;
}

/**
 * Something the importer was not sure of ("check these"): text that looked like an entry but stayed
 * verbatim, or an entry typed only in part. Where it is in the source, what it became, and why.
 */
export interface CheckItem extends SourceRef {
	kind: 'severity' | 'scenario' | 'template' | 'escalation' | 'role' | 'link' | 'html' | 'text';
	/** What the text was left as: `text in pages/runbooks.mdx`, `a target note of severity P1`. */
	leftAs: string;
	reason: string;
}

/**
 * A check item as a recogniser notes it. Without `leftAs` the text stays verbatim: once the pages
 * are made it is named by the page it went to, or dropped when a later recogniser typed it after all.
 */
export interface PendingCheck extends Omit<CheckItem, 'leftAs' | 'line'> {
	leftAs?: string | undefined;
	/** The source the item is about. */
	start: number;
	end: number;
	/** Where its heading or label stands, when not at `start`: the line the report gives. */
	at?: number;
}

export type LinkInput = z.input<ReturnType<typeof LinkSchema>>;

/** Everything recognised in one source file, before it is written. */
export interface Imported {
	playbook: PlaybookInput;
	severities: Entry<SeverityInput>[];
	scenarios: Entry<ScenarioInput>[];
	templates: Entry<TemplateInput>[];
	escalations: Entry<EscalationInput>[];
	roles: Entry<z.input<ReturnType<typeof RoleSchema>>>[];
	checklists: Entry<z.input<ReturnType<typeof ChecklistSchema>>>[];
	contacts: Entry<z.input<ReturnType<typeof ContactsSchema>>>[];
	pages: Entry<z.input<ReturnType<typeof PageSchema>>>[];
}

/** What the recognisers share while they walk one document. */
export interface Context {
	doc: Doc;
	/** Playbook id: entry references are `<playbook>/<slug>`. */
	playbook: string;
	out: Imported;
	/** Slugs already used, per collection folder. */
	taken: Map<string, Set<string>>;
	/** The playbook's own names for target kinds ("Detection to acknowledgment"). */
	targetLabels: Partial<Record<'acknowledge' | 'response' | 'update' | 'resolution', string>>;
	links: LinkInput[];
	/** What an author should look at ("check these"). */
	check: PendingCheck[];
}

export function newContext(doc: Doc, playbook: string, name: string): Context {
	return {
		doc,
		playbook,
		out: {
			playbook: { name, summary: name },
			severities: [],
			scenarios: [],
			templates: [],
			escalations: [],
			roles: [],
			checklists: [],
			contacts: [],
			pages: [],
		},
		taken: new Map(),
		targetLabels: {},
		links: [],
		check: [],
	};
}

/** Where an entry is shown on the site (see `urls` in `src/lib/content.ts`). */
export function hrefOf(
	context: Context,
	folder: 'severities' | 'scenarios' | 'templates' | 'escalation' | 'checklists' | 'pages',
	slug: string
): string {
	if (folder === 'escalation') return `/${context.playbook}/escalation/`;
	if (folder === 'pages') return `/${context.playbook}/${slug}/`;
	return slug ? `/${context.playbook}/${folder}/${slug}/` : `/${context.playbook}/${folder}/`;
}

export function takenIn(context: Context, folder: string): Set<string> {
	let set = context.taken.get(folder);
	if (!set) context.taken.set(folder, (set = new Set()));
	return set;
}

/**
 * A list item as plain text lines: its first paragraph, then every nested item, so nothing under
 * an item is dropped when the list becomes an array.
 */
export function itemTexts(doc: Doc, item: ListItem): { text: string; details: string[] } {
	const details: string[] = [];
	for (const child of item.children.slice(1)) {
		if (child.type === 'list') for (const sub of child.children) details.push(...flatten(doc, sub));
		else
			details.push(
				inlineText(doc.source.slice(child.position!.start.offset!, child.position!.end.offset!))
			);
	}
	return { text: inlineText(itemSource(doc, item)), details: details.filter(Boolean) };
}

function flatten(doc: Doc, item: ListItem): string[] {
	const { text, details } = itemTexts(doc, item);
	return [text, ...details];
}

/** All lines of a list item, nested ones after the first. */
export const itemLines = (doc: Doc, item: ListItem): string[] => flatten(doc, item).filter(Boolean);

/** 1-based line of a source offset. */
export const lineAt = (doc: Doc, offset: number): number => {
	const line = doc.source.slice(0, offset).split('\n').length;
	return doc.lines?.get(line) ?? line;
};

/** The source reference of a section: its heading text and line. */
export const fromSection = (doc: Doc, section: Section): SourceRef => ({
	heading: section.heading ? plain(section.heading) : section.title || '(top of file)',
	line: lineAt(doc, section.start),
});

/** The heading of the innermost section holding a source offset. */
export function headingAt(doc: Doc, offset: number): string {
	let heading = '(top of file)';
	for (const section of allSections(doc.outline))
		if (section.start <= offset && offset < section.end)
			heading = fromSection(doc, section).heading;
	return heading;
}

/** The source reference of a run of text under `heading` (a table row, a label, a block). */
export const fromOffset = (doc: Doc, heading: string, offset: number): SourceRef => ({
	heading,
	line: lineAt(doc, offset),
});
