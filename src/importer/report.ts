import type { LegacyEncoding } from '../lib/encoding.ts';
import { escapeTerminal } from '../lib/escape.ts';
import { severityTitle } from '../lib/severity-label.ts';
import type { ImportResult } from './import.ts';
import type { Entry } from './model.ts';
import { fileLine, type SourceFile } from './read.ts';

const CODEC_NAMES: Record<LegacyEncoding, string> = {
	macintosh: 'UTF-8 read as Mac Roman',
	windows1252: 'UTF-8 read as Windows-1252',
};

export interface ReportInput {
	source: string;
	playbook: string;
	result: ImportResult;
	repairs: Record<LegacyEncoding, number>;
	files: string[];
	/** `would write` for --dry-run, `wrote` otherwise. */
	verb: string;
	/** The files of an imported folder, where the joined lines came from. */
	sourceFiles?: SourceFile[] | undefined;
}

/** A source line as its author finds it: in a folder's file (`file`) when one was imported. */
const where = (input: Pick<ReportInput, 'sourceFiles'>, line: number) => {
	if (!input.sourceFiles) return { line };
	const at = fileLine(input.sourceFiles, line);
	return { file: at.path, line: at.line };
};

const shown = (at: { file?: string | undefined; line?: number | undefined }) =>
	at.file ? `${at.file} line ${at.line}` : `line ${at.line}`;

/** Counts per kind of entry, in the order a responder meets them. */
export function counts(result: ImportResult): [string, number][] {
	const { imported } = result;
	return [
		['severities', imported.severities.length],
		['scenarios', imported.scenarios.length],
		['templates', imported.templates.length],
		['escalation paths', imported.escalations.length],
		['roles', imported.roles.length],
		['checklists', imported.checklists.length],
		['contact tables', imported.contacts.length],
		['links', result.links],
		['pages (verbatim)', result.unclassified.length],
	];
}

export interface TypedLine {
	/** Entry id, `<playbook>/<slug>`. */
	id: string;
	/** What the entry is called on the site. */
	title: string;
	/** The source heading (or label) it was typed from, and that line (of `file` for a folder). */
	heading?: string | undefined;
	line?: number | undefined;
	file?: string | undefined;
}

const label = (kind: string, entry: Entry<unknown>): string => {
	const data = entry.data as Record<string, unknown>;
	if (kind === 'severities') return severityTitle(data as { level: string; name: string });
	return String(data.title ?? data.name ?? entry.slug);
};

/** Every typed entry per kind with its source heading and line, for authors and bots. */
export function typedEntries(
	input: Pick<ReportInput, 'playbook' | 'result' | 'sourceFiles'>
): Record<string, TypedLine[]> {
	const { imported } = input.result;
	const kinds: [string, Entry<unknown>[]][] = [
		['severities', imported.severities],
		['scenarios', imported.scenarios],
		['templates', imported.templates],
		['escalation paths', imported.escalations],
		['roles', imported.roles],
	];
	return Object.fromEntries(
		kinds.map(([kind, entries]) => [
			kind,
			entries.map((entry) => ({
				id: `${input.playbook}/${entry.slug}`,
				title: label(kind, entry),
				...(entry.from ? { heading: entry.from.heading, ...where(input, entry.from.line) } : {}),
			})),
		])
	);
}

/** The report as data (`--format json`): the same facts as the text report. */
export function importReportData(input: ReportInput) {
	return {
		source: input.source,
		playbook: input.playbook,
		counts: Object.fromEntries(counts(input.result)),
		typed: typedEntries(input),
		check: input.result.check.map((item) => ({ ...item, ...where(input, item.line) })),
		repairs: input.repairs,
		verbatim: input.result.unclassified,
		files: input.files,
		written: input.verb === 'written',
	};
}

/**
 * The report for a terminal. Headings, titles and reasons quote the source, which can hold escape
 * sequences and direction characters: they are shown escaped, never sent raw.
 */
export function formatImportReport(input: ReportInput): string {
	const lines = [`Imported ${input.source} as playbook \`${input.playbook}\`.`, '', 'Recognised:'];
	for (const [kind, count] of counts(input.result)) lines.push(`  ${kind.padEnd(18)} ${count}`);
	lines.push('', 'Typed (entry ← source heading, line):');
	for (const [kind, entries] of Object.entries(typedEntries(input))) {
		if (entries.length === 0) continue;
		lines.push(`  ${kind}:`);
		for (const entry of entries)
			lines.push(
				`    ${entry.id} (${entry.title})${entry.line ? ` ← "${entry.heading}", ${shown(entry)}` : ''}`
			);
	}
	lines.push('', 'Check these (the importer was not sure; source line, heading, kind):');
	if (input.result.check.length === 0) lines.push('  nothing');
	for (const item of input.result.check)
		lines.push(
			`  ${shown(where(input, item.line))} "${item.heading}" (${item.kind}): left as ${item.leftAs}, because ${item.reason}`
		);
	lines.push('', 'Repaired encoding:');
	const repairs = Object.entries(input.repairs).filter(([, n]) => n > 0) as [
		LegacyEncoding,
		number,
	][];
	if (repairs.length === 0) lines.push('  nothing to repair');
	for (const [codec, n] of repairs) lines.push(`  ${n} damaged run(s) of ${CODEC_NAMES[codec]}`);
	lines.push('', 'Not classified (kept word for word):');
	if (input.result.unclassified.length === 0) lines.push('  nothing');
	for (const u of input.result.unclassified) {
		lines.push(
			`  ${u.title} → ${input.playbook}/${u.page}${u.parts.length ? ` (${u.parts.join('; ')})` : ''}`
		);
	}
	lines.push('', `Files (${input.verb}):`, ...input.files.map((file) => `  ${file}`));
	return escapeTerminal(lines.join('\n'));
}
