/**
 * The severity helper: questions built from a playbook's own typed severity data (share of users
 * affected, revenue and SLO impact from `criteria`; each level's definition, impact and example
 * lines; the scenarios typical for it), and a suggested level from the answers. The most severe
 * level any answer points to wins, with the reasons.
 */
import type { SeverityData } from './data.ts';

export interface ChoiceQuestion {
	key: 'revenue' | 'slo';
	label: string;
	/** Each option is a level's own wording; several levels may share one. */
	options: { text: string; severities: string[] }[];
}

export type StatementKind = 'definition' | 'impact' | 'example' | 'scenario';

export interface Statement {
	id: string;
	kind: StatementKind;
	text: string;
	/** Severity entry id the statement points to. */
	severity: string;
}

export interface SeverityQuestions {
	/** Present when levels give a numeric range of users affected. */
	usersAffected: boolean;
	choices: ChoiceQuestion[];
	/** Lines from the levels and typical scenarios, each pointing to its level. */
	statements: Statement[];
	/** Levels no question points to: the playbook does not describe them in typed data. */
	unreachable: SeverityData[];
}

/** A scenario with its typical severity, as in the incident data. */
export interface ScenarioRef {
	id: string;
	title: string;
	severity?: string;
}

export interface SeverityAnswers {
	/** Percent of users affected, 0–100. */
	usersAffected?: number;
	revenue?: string;
	slo?: string;
	/** Ids of the statements that are true. */
	statements?: string[];
}

export interface Suggestion {
	severity: SeverityData;
	reasons: string[];
}

const CHOICE_LABELS = { revenue: 'Revenue impact', slo: 'SLO impact' } as const;

export function severityQuestions(
	severities: SeverityData[],
	scenarios: ScenarioRef[] = []
): SeverityQuestions {
	const choices: ChoiceQuestion[] = [];
	for (const key of ['revenue', 'slo'] as const) {
		const options: ChoiceQuestion['options'] = [];
		for (const severity of severities) {
			const text = severity.criteria?.[key];
			if (!text) continue;
			const existing = options.find((option) => option.text === text);
			if (existing) existing.severities.push(severity.id);
			else options.push({ text, severities: [severity.id] });
		}
		if (options.length > 1) choices.push({ key, label: CHOICE_LABELS[key], options });
	}
	const statements: Statement[] = severities.flatMap((severity) => [
		...severity.definition.map((text, index) => ({
			id: `${severity.id}#definition-${index}`,
			kind: 'definition' as const,
			text,
			severity: severity.id,
		})),
		...severity.impact.map((text, index) => ({
			id: `${severity.id}#impact-${index}`,
			kind: 'impact' as const,
			text,
			severity: severity.id,
		})),
		...severity.examples.map((text, index) => ({
			id: `${severity.id}#example-${index}`,
			kind: 'example' as const,
			text,
			severity: severity.id,
		})),
		...scenarios
			.filter((scenario) => scenario.severity === severity.id)
			.map((scenario) => ({
				id: `${severity.id}#${scenario.id}`,
				kind: 'scenario' as const,
				text: scenario.title,
				severity: severity.id,
			})),
	]);
	const reachable = new Set([
		...statements.map((statement) => statement.severity),
		...severities
			.filter((severity) => severity.criteria?.usersAffectedRange)
			.map((severity) => severity.id),
		...choices.flatMap((choice) => choice.options.flatMap((option) => option.severities)),
	]);
	return {
		usersAffected: severities.some((severity) => severity.criteria?.usersAffectedRange),
		choices,
		statements,
		unreachable: severities.filter((severity) => !reachable.has(severity.id)),
	};
}

const STATEMENT_REASONS: Record<StatementKind, (text: string, level: string) => string> = {
	definition: (text, level) => `“${text}” is how ${level} is defined`,
	impact: (text, level) => `“${text}” is ${level} impact`,
	example: (text, level) => `“${text}” is an example of ${level}`,
	scenario: (text, level) => `${text} is typically ${level}`,
};

/** The suggested level for `answers`, or `null` when nothing answered points to one. */
export function suggestSeverity(
	severities: SeverityData[],
	answers: SeverityAnswers,
	scenarios: ScenarioRef[] = []
): Suggestion | null {
	const reasons = new Map<string, string[]>();
	const point = (id: string, reason: string) =>
		reasons.set(id, [...(reasons.get(id) ?? []), reason]);
	if (answers.usersAffected !== undefined && Number.isFinite(answers.usersAffected)) {
		for (const severity of severities) {
			const range = severity.criteria?.usersAffectedRange;
			if (range && answers.usersAffected >= range[0] && answers.usersAffected <= range[1]) {
				point(
					severity.id,
					`${answers.usersAffected}% of users affected matches ${severity.level} (${severity.criteria?.usersAffected ?? `${range[0]}–${range[1]}%`})`
				);
			}
		}
	}
	for (const key of ['revenue', 'slo'] as const) {
		const answer = answers[key];
		if (!answer) continue;
		for (const severity of severities) {
			if (severity.criteria?.[key] === answer)
				point(severity.id, `${CHOICE_LABELS[key]} “${answer}” matches ${severity.level}`);
		}
	}
	const statements = severityQuestions(severities, scenarios).statements;
	for (const id of answers.statements ?? []) {
		const statement = statements.find((candidate) => candidate.id === id);
		const severity =
			statement && severities.find((candidate) => candidate.id === statement.severity);
		if (statement && severity)
			point(severity.id, STATEMENT_REASONS[statement.kind](statement.text, severity.level));
	}
	const worst = severities
		.filter((severity) => reasons.has(severity.id))
		.sort((a, b) => a.rank - b.rank)[0];
	return worst ? { severity: worst, reasons: reasons.get(worst.id)! } : null;
}
