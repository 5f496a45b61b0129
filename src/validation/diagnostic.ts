import { escapeTerminal } from '../lib/escape.ts';
import type { RuleId, Severity } from './rules.ts';

/** One problem found in content, located precisely enough for an author to fix it. */
export interface Diagnostic {
	/** Path relative to the project root, e.g. `content/servio/scenarios/high-error-rate.mdx`. */
	file: string;
	/** Dotted field path inside the entry (`targets.update`, `fields.2.tokens`), or `(file)`. */
	field: string;
	/** What is wrong and what was expected, as one sentence. */
	message: string;
	/** Stable rule id from the registry in `rules.ts`; CONTRIBUTING.md explains each. */
	rule: RuleId;
	severity: Severity;
	/** 1-based line in the file, where known. */
	line?: number | undefined;
}

/**
 * Formats diagnostics grouped by file, each as `file:line: field: message [rule]`, with a count.
 * Content text in the report (file names, values quoted in messages) can hold escape sequences
 * and control bytes: they are shown escaped, never sent raw to the terminal.
 */
export function formatReport(diagnostics: Diagnostic[]): string {
	const byFile = new Map<string, Diagnostic[]>();
	for (const diagnostic of sortDiagnostics(diagnostics)) {
		byFile.set(diagnostic.file, [...(byFile.get(diagnostic.file) ?? []), diagnostic]);
	}
	const lines: string[] = [];
	for (const [file, list] of byFile) {
		lines.push(file);
		for (const d of list) {
			const place = d.line ? `${file}:${d.line}` : file;
			lines.push(
				`  ${d.severity === 'error' ? '✗' : '!'} ${place}: ${d.field}: ${d.message} [${d.rule}]`
			);
		}
		lines.push('');
	}
	lines.push(summaryLine(diagnostics));
	return escapeTerminal(lines.join('\n'));
}

/** "2 errors, 1 warning in 2 files" or "No problems found in content." */
export function summaryLine(diagnostics: Diagnostic[]): string {
	if (diagnostics.length === 0) return 'No problems found in content.';
	const errors = diagnostics.filter((d) => d.severity === 'error').length;
	const warnings = diagnostics.length - errors;
	const files = new Set(diagnostics.map((d) => d.file)).size;
	const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
	return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(files, 'file')}.`;
}

export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
	return [...diagnostics].sort(
		(a, b) =>
			a.file.localeCompare(b.file) ||
			(a.line ?? 0) - (b.line ?? 0) ||
			a.field.localeCompare(b.field)
	);
}
