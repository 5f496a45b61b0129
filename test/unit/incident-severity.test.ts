import { describe, expect, test } from 'vitest';
import { severityQuestions, suggestSeverity } from '../../src/incident/severity.ts';
import { severities } from './incident-fixture.ts';
import type { SeverityData } from '../../src/incident/data.ts';

describe('severity helper', () => {
	test('asks the playbook’s own impact questions', () => {
		const questions = severityQuestions(severities);
		expect(questions.usersAffected).toBe(true);
		expect(
			questions.choices.map((choice) => [choice.label, choice.options.map((option) => option.text)])
		).toEqual([
			['Revenue impact', ['High', 'Medium-High', 'Low-Medium', 'Low']],
			['SLO impact', ['> 99.9% breach', 'Approaching breach', 'Within SLO']],
		]);
		expect(questions.statements[0]).toEqual({
			id: 'ros/p0#definition-0',
			kind: 'definition',
			text: 'Complete system outage',
			severity: 'ros/p0',
		});
		expect(questions.unreachable).toEqual([]);
	});

	test('suggests the most severe level an answer points to, with the reasons', () => {
		expect(suggestSeverity(severities, { usersAffected: 30, revenue: 'Low' })).toEqual({
			severity: severities[2],
			reasons: ['30% of users affected matches P2 (10-50%)'],
		});
		const suggestion = suggestSeverity(severities, {
			usersAffected: 30,
			slo: 'Approaching breach',
		})!;
		expect(suggestion.severity.level).toBe('P1');
		expect(suggestion.reasons).toEqual(['SLO impact “Approaching breach” matches P1']);
		expect(
			suggestSeverity(severities, { statements: ['ros/p0#definition-0'] })!.severity.level
		).toBe('P0');
	});

	test('asks about examples and typical scenarios when a playbook has no impact criteria', () => {
		const bareLevel = (
			{ id, level, rank, name }: SeverityData,
			examples: string[] = []
		): SeverityData => ({
			id,
			level,
			rank,
			name,
			definition: [],
			impact: [],
			examples,
			targets: {},
		});
		const bare = [
			bareLevel(severities[0]!, ['Data breach']),
			bareLevel(severities[1]!),
			bareLevel(severities[2]!),
		];
		const scenarios = [{ id: 'ros/high-latency', title: 'High Latency', severity: 'ros/p1' }];
		const questions = severityQuestions(bare, scenarios);
		expect(questions.statements.map((statement) => [statement.kind, statement.text])).toEqual([
			['example', 'Data breach'],
			['scenario', 'High Latency'],
		]);
		expect(questions.unreachable.map((severity) => severity.level)).toEqual(['P2']);
		expect(suggestSeverity(bare, { statements: ['ros/p1#ros/high-latency'] }, scenarios)).toEqual({
			severity: bare[1],
			reasons: ['High Latency is typically P1'],
		});
	});

	test('suggests nothing before a question is answered', () => {
		expect(suggestSeverity(severities, {})).toBeNull();
	});
});
