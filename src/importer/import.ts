import { recogniseChecklists } from './checklists.ts';
import { recogniseEscalation } from './escalation.ts';
import { linkKind, recogniseLinks } from './links.ts';
import { parseDoc } from './markdown.ts';
import { headingAt, newContext, type CheckItem, type Imported } from './model.ts';
import { recognisePages, type Unclassified } from './pages.ts';
import { recognisePlaybook } from './playbook.ts';
import { prepareSource, throughLines } from './prepare.ts';
import type { Source, SourceFile } from './read.ts';
import { readRst, rstEvidence } from './rst.ts';
import { adocEvidence, readAdoc } from './adoc.ts';
import { recogniseRoles } from './roles.ts';
import { recogniseDocumentScenario, recogniseScenarios } from './scenarios.ts';
import {
	finishSeverities,
	recogniseSeverityLabels,
	recogniseSeveritySections,
	recogniseSeverityLists,
	recogniseSeverityProse,
	recogniseSeverityTerms,
	recogniseSeverityTables,
	recogniseSeverityTargetLists,
} from './severities.ts';
import { recogniseTables } from './tables.ts';
import { recogniseTemplates } from './templates.ts';

export interface ImportOptions {
	/** Playbook id: the folder under the content root. */
	playbook: string;
	/** Product or team name; defaults to the id in title case. */
	name?: string | undefined;
	/** Shown in the generated summary when the source has none. */
	sourceName?: string | undefined;
	/**
	 * How the source is written: `rst` for a `.rst` file, `asciidoc` for an `.adoc` one, `markdown`
	 * for text already Markdown (a folder's joined pages); unset, a text that shows reStructuredText
	 * (`rstEvidence`) or AsciiDoc (`adocEvidence`) is read as it.
	 */
	markup?: 'markdown' | 'rst' | 'asciidoc' | undefined;
	/** Lines of `source` that moved from where the author wrote them (a folder's converted pages). */
	lines?: Map<number, number> | undefined;
	/** `include::` lines of a folder's AsciiDoc pages, by line of `source`. */
	includes?: { line: number; target: string }[] | undefined;
	/** A folder's pages the reader left out as drafts, for the report. */
	drafts?: string[] | undefined;
	/** A folder's pages and where each starts in `source`: links between them are followed by path. */
	files?: SourceFile[] | undefined;
}

export interface ImportResult {
	imported: Imported;
	unclassified: Unclassified[];
	/** How many links went to the playbook. */
	links: number;
	/** Sections left verbatim that looked like entries, with the reason ("check these"). */
	check: CheckItem[];
}

export const titleCase = (id: string): string =>
	id
		.split(/[-_]+/)
		.map((w) => w.charAt(0).toUpperCase() + w.slice(1))
		.join(' ');

/** A source as `readSource` read it (a file, or a folder's pages), with what the reader found. */
export const importSource = (
	source: Source,
	options: Omit<ImportOptions, 'markup' | 'lines' | 'includes' | 'drafts' | 'files'>
): ImportResult =>
	importMarkdown(source.text, {
		...options,
		markup: source.markup,
		lines: source.lines,
		includes: source.includes,
		drafts: source.drafts,
		files: source.files,
	});

/**
 * Turns one Markdown playbook into typed entries. Recognisers run from the most specific shape to
 * the most general; each claims the source it used, and what is left becomes pages.
 */
export function importMarkdown(source: string, options: ImportOptions): ImportResult {
	const name = options.name ?? titleCase(options.playbook);
	const evidence = options.markup === undefined ? rstEvidence(source) : [];
	const rst = options.markup === 'rst' || evidence.length > 0 ? readRst(source) : undefined;
	const adocSeen = options.markup === undefined && !rst ? adocEvidence(source) : [];
	const adoc = options.markup === 'asciidoc' || adocSeen.length > 0 ? readAdoc(source) : undefined;
	const read = rst ?? adoc;
	const prepared = prepareSource(read?.text ?? source);
	for (const { line, target } of adoc?.includes ?? options.includes ?? [])
		prepared.refused.push({
			kind: 'text',
			line,
			leftAs: 'a note that the included part was not imported',
			reason: `it is an AsciiDoc \`include::\` of \`${target}\`, a file the import did not read: import that file too, or paste its text in`,
		});
	prepared.refused.sort((a, b) => a.line - b.line);
	if (evidence.length)
		prepared.refused.unshift({
			kind: 'text',
			line: 1,
			leftAs: 'Markdown read from reStructuredText',
			reason: `the file looks like reStructuredText (${evidence.join(', ')}), so it was read as reStructuredText: its titles, lists, directives, code blocks and links became Markdown`,
		});
	for (const path of options.drafts ?? [])
		prepared.refused.unshift({
			kind: 'text',
			line: 1,
			leftAs: 'nothing',
			reason: `the page \`${path}\` is marked \`draft: true\`: its site does not publish it`,
		});
	if (adocSeen.length)
		prepared.refused.unshift({
			kind: 'text',
			line: 1,
			leftAs: 'Markdown read from AsciiDoc',
			reason: `the file looks like AsciiDoc (${adocSeen.join(', ')}), so it was read as AsciiDoc: its titles, lists, blocks, tables and links became Markdown`,
		});
	const context = newContext(
		{
			...parseDoc(prepared.text),
			lines: throughLines(prepared.lines, read?.lines ?? options.lines),
			ids: prepared.ids,
			...(options.files ? { files: options.files } : {}),
		},
		options.playbook,
		name
	);
	// Definitions of addresses elsewhere are the playbook's links; `#anchor` and `./page.md` are
	// the document's own pages, which its outline already lists.
	for (const { label, url } of prepared.definitions)
		if (/^[a-z][a-z\d+.-]*:/i.test(url))
			context.links.push({ label, url, kind: linkKind(`${label} ${url}`) });
	// Comments, unsafe links and images from other sites were taken out before any recogniser ran.
	for (const { kind, line, leftAs, reason } of prepared.refused) {
		const at =
			prepared.text
				.split('\n')
				.slice(0, line - 1)
				.join('\n').length + (line > 1 ? 1 : 0);
		const heading = headingAt(context.doc, at);
		context.check.push({ kind, heading, start: at, end: at, leftAs, reason });
	}
	recogniseSeveritySections(context);
	recogniseSeverityLabels(context);
	recogniseSeverityTables(context);
	recogniseSeverityLists(context);
	recogniseSeverityTerms(context);
	recogniseSeverityProse(context);
	recogniseSeverityTargetLists(context);
	finishSeverities(context);
	recogniseEscalation(context);
	// Messages first: a message inside a runbook's steps is a template the scenario links to.
	recogniseTemplates(context);
	recogniseScenarios(context);
	recogniseChecklists(context);
	recogniseRoles(context);
	// A file that is one situation's guide is that scenario, once roles and ladders took their parts.
	recogniseDocumentScenario(context);
	recogniseTables(context);
	recogniseLinks(context);
	const { unclassified, check } = recognisePages(context);
	context.out.playbook = recognisePlaybook(context, {
		name,
		sourceName: options.sourceName ?? (rst ? 'reStructuredText' : adoc ? 'AsciiDoc' : 'Markdown'),
		// An AsciiDoc header's `:description:` is what a front matter's would be.
		frontMatter: { ...adoc?.header, ...prepared.frontMatter },
	});
	return {
		imported: context.out,
		unclassified,
		links: context.out.playbook.links?.length ?? 0,
		check,
	};
}
