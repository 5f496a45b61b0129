/**
 * Alert coverage: compares the alert names of a Prometheus rules file with the alert names that
 * scenarios claim (`alerts:` in their frontmatter). Alerts that page with no runbook, and runbook
 * alert names that no rule defines, are reported as warnings in the validator's format.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Document, type YAMLMap } from 'yaml';
import type { Diagnostic } from './diagnostic.ts';
import { closest, type Entry } from './validate.ts';

/** One alerting rule as the rules file defines it. */
export interface RuleAlert {
	name: string;
	/** Dotted path of its `alert` key (`groups.0.rules.2.alert`). */
	field: string;
	line?: number;
}

/**
 * Reads the alerting rules of a Prometheus rules file (`groups → rules → alert`), or of a
 * Kubernetes `PrometheusRule` (the same under `spec`). Recording rules are skipped.
 */
export function parseAlertRules(
	text: string,
	file: string
): { alerts: RuleAlert[]; diagnostics: Diagnostic[] } {
	const lineCounter = new LineCounter();
	const doc = parseDocument(text, { lineCounter, prettyErrors: false });
	const problem = (message: string, line?: number): Diagnostic => ({
		file,
		field: '(file)',
		message,
		rule: 'alert-rules',
		severity: 'error',
		...lineField(line),
	});
	if (doc.errors.length > 0) {
		return {
			alerts: [],
			diagnostics: doc.errors.map((error) =>
				problem(
					`is not valid YAML: ${error.message.split('\n')[0]} (expected a Prometheus rules file)`,
					error.linePos?.[0].line
				)
			),
		};
	}
	const prefix =
		isMap(doc.getIn(['spec', 'groups'], true)) || isSeq(doc.getIn(['spec', 'groups'], true))
			? ['spec']
			: [];
	const groups = doc.getIn([...prefix, 'groups'], true);
	if (!isSeq(groups))
		return {
			alerts: [],
			diagnostics: [
				problem('has no `groups` list (expected `groups: [{ name, rules: [{ alert, expr }] }]`)'),
			],
		};
	const alerts: RuleAlert[] = [];
	groups.items.forEach((group, g) => {
		const rules = isMap(group) ? group.get('rules', true) : undefined;
		if (!isSeq(rules)) return;
		rules.items.forEach((rule, r) => {
			if (!isMap(rule)) return;
			const name = (rule as YAMLMap).get('alert');
			if (typeof name !== 'string' || !name) return;
			const path = [...prefix, 'groups', g, 'rules', r, 'alert'];
			alerts.push({ name, field: path.join('.'), ...lineOf(doc, lineCounter, path) });
		});
	});
	return { alerts, diagnostics: [] };
}

function lineOf(doc: Document, counter: LineCounter, path: (string | number)[]): { line?: number } {
	const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
	return lineField(node?.range ? counter.linePos(node.range[0]).line : undefined);
}

/** `{ line }` when the line is known; diagnostics leave the key out otherwise. */
const lineField = (line: number | undefined): { line?: number } => (line ? { line } : {});

/** Warnings for alerts with no runbook and for scenario alert names no rule defines. */
export function alertCoverage(
	rules: RuleAlert[],
	rulesFile: string,
	entries: Entry[]
): Diagnostic[] {
	const scenarios = entries.filter((entry) => entry.collection === 'scenarios');
	const claimed = new Set(scenarios.flatMap((entry) => entry.value.alerts as string[]));
	const defined = new Set(rules.map((rule) => rule.name));
	const diagnostics: Diagnostic[] = [];
	for (const rule of rules) {
		if (claimed.has(rule.name)) continue;
		const near = closest(rule.name, [...claimed]);
		diagnostics.push({
			file: rulesFile,
			field: rule.field,
			message: `\`${rule.name}\` has no runbook: no scenario lists it (expected a scenario with \`alerts: [${rule.name}]\`)${near ? `; did a scenario misspell it as \`${near}\`?` : ''}`,
			rule: 'alert-no-runbook',
			severity: 'warning',
			...lineField(rule.line),
		});
	}
	for (const entry of scenarios) {
		(entry.value.alerts as string[]).forEach((name, index) => {
			if (defined.has(name)) return;
			const near = closest(name, [...defined]);
			diagnostics.push({
				file: entry.file,
				field: `alerts.${index}`,
				message: `\`${name}\` is not an alert in ${rulesFile} (expected the \`alert:\` name of one of its rules)${near ? `; did you mean \`${near}\`?` : ''}`,
				rule: 'alert-undefined',
				severity: 'warning',
				...lineField(entry.lineOf(['alerts', index])),
			});
		});
	}
	return diagnostics;
}

/** Reads `path` and checks coverage; an unreadable file is one error diagnostic. */
export function checkAlertRules(path: string, entries: Entry[]): Diagnostic[] {
	const file = relative(process.cwd(), path) || path;
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (error) {
		return [
			{
				file,
				field: '(file)',
				message: `could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)}); expected the path of a Prometheus rules file`,
				rule: 'alert-rules',
				severity: 'error',
			},
		];
	}
	const { alerts, diagnostics } = parseAlertRules(text, file);
	return [...diagnostics, ...alertCoverage(alerts, file, entries)];
}
