import type { LegacyEncoding } from '../lib/encoding.ts';
import type { ImportResult } from './import.ts';

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
}

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

export function formatImportReport(input: ReportInput): string {
	const lines = [`Imported ${input.source} as playbook \`${input.playbook}\`.`, '', 'Recognised:'];
	for (const [kind, count] of counts(input.result)) lines.push(`  ${kind.padEnd(18)} ${count}`);
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
	return lines.join('\n');
}
