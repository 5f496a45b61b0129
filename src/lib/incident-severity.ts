/**
 * The severity helper: questions built from a playbook's own impact criteria (share of users
 * affected, revenue impact, SLO impact, and each level's definition lines), and a suggested
 * level from the answers. The most severe level any answer points to wins, with the reasons.
 */
import type { SeverityData } from './incident-data.ts';

export interface ChoiceQuestion {
	key: 'revenue' | 'slo';
	label: string;
	/** Each option is a level's own wording; several levels may share one. */
	options: { text: string; severities: string[] }[];
}

export interface SeverityQuestions {
	/** Present when levels give a numeric range of users affected. */
	usersAffected: boolean;
	choices: ChoiceQuestion[];
	/** Definition lines, each pointing to its level. */
	statements: { id: string; text: string; severity: string }[];
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

export function severityQuestions(severities: SeverityData[]): SeverityQuestions {
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
	return {
		usersAffected: severities.some((severity) => severity.criteria?.usersAffectedRange),
		choices,
		statements: severities.flatMap((severity) => severity.definition.map((text, index) => ({ id: `${severity.id}#${index}`, text, severity: severity.id }))),
	};
}

/** The suggested level for `answers`, or `null` when nothing answered points to one. */
export function suggestSeverity(severities: SeverityData[], answers: SeverityAnswers): Suggestion | null {
	const reasons = new Map<string, string[]>();
	const point = (id: string, reason: string) => reasons.set(id, [...(reasons.get(id) ?? []), reason]);
	if (answers.usersAffected !== undefined && Number.isFinite(answers.usersAffected)) {
		for (const severity of severities) {
			const range = severity.criteria?.usersAffectedRange;
			if (range && answers.usersAffected >= range[0] && answers.usersAffected <= range[1]) {
				point(severity.id, `${answers.usersAffected}% of users affected matches ${severity.level} (${severity.criteria?.usersAffected ?? `${range[0]}–${range[1]}%`})`);
			}
		}
	}
	for (const key of ['revenue', 'slo'] as const) {
		const answer = answers[key];
		if (!answer) continue;
		for (const severity of severities) {
			if (severity.criteria?.[key] === answer) point(severity.id, `${CHOICE_LABELS[key]} “${answer}” matches ${severity.level}`);
		}
	}
	const statements = severityQuestions(severities).statements;
	for (const id of answers.statements ?? []) {
		const statement = statements.find((candidate) => candidate.id === id);
		const severity = statement && severities.find((candidate) => candidate.id === statement.severity);
		if (statement && severity) point(severity.id, `“${statement.text}” is how ${severity.level} is defined`);
	}
	const worst = severities.filter((severity) => reasons.has(severity.id)).sort((a, b) => a.rank - b.rank)[0];
	return worst ? { severity: worst, reasons: reasons.get(worst.id)! } : null;
}
