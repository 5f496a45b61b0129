import { recogniseChecklists } from './checklists.ts';
import { recogniseEscalation } from './escalation.ts';
import { linkKind, recogniseLinks } from './links.ts';
import { parseDoc } from './markdown.ts';
import { headingAt, newContext, type CheckItem, type Imported } from './model.ts';
import { recognisePages, type Unclassified } from './pages.ts';
import { recognisePlaybook } from './playbook.ts';
import { prepareSource } from './prepare.ts';
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

/**
 * Turns one Markdown playbook into typed entries. Recognisers run from the most specific shape to
 * the most general; each claims the source it used, and what is left becomes pages.
 */
export function importMarkdown(source: string, options: ImportOptions): ImportResult {
	const name = options.name ?? titleCase(options.playbook);
	const prepared = prepareSource(source);
	const context = newContext(
		{ ...parseDoc(prepared.text), lines: prepared.lines, ids: prepared.ids },
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
		sourceName: options.sourceName ?? 'Markdown',
		frontMatter: prepared.frontMatter,
	});
	return {
		imported: context.out,
		unclassified,
		links: context.out.playbook.links?.length ?? 0,
		check,
	};
}
