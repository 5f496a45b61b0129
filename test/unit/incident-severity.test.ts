import { describe, expect, test } from 'vitest';
import { severityQuestions, suggestSeverity } from '../../src/lib/incident-severity.ts';
import { severities } from './incident-fixture.ts';

describe('severity helper', () => {
	test('asks the playbook’s own impact questions', () => {
		const questions = severityQuestions(severities);
		expect(questions.usersAffected).toBe(true);
		expect(questions.choices.map((choice) => [choice.label, choice.options.map((option) => option.text)])).toEqual([
			['Revenue impact', ['High', 'Medium-High', 'Low-Medium', 'Low']],
			['SLO impact', ['> 99.9% breach', 'Approaching breach', 'Within SLO']],
		]);
		expect(questions.statements[0]).toEqual({ id: 'ros/p0#0', text: 'Complete system outage', severity: 'ros/p0' });
	});

	test('suggests the most severe level an answer points to, with the reasons', () => {
		expect(suggestSeverity(severities, { usersAffected: 30, revenue: 'Low' })).toEqual({
			severity: severities[2],
			reasons: ['30% of users affected matches P2 (10-50%)'],
		});
		const suggestion = suggestSeverity(severities, { usersAffected: 30, slo: 'Approaching breach' })!;
		expect(suggestion.severity.level).toBe('P1');
		expect(suggestion.reasons).toEqual(['SLO impact “Approaching breach” matches P1']);
		expect(suggestSeverity(severities, { statements: ['ros/p0#0'] })!.severity.level).toBe('P0');
	});

	test('suggests nothing before a question is answered', () => {
		expect(suggestSeverity(severities, {})).toBeNull();
	});
});
