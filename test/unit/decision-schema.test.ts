import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { DecisionSchema, idRef } from '../../src/schemas/index.ts';

describe('decision trees', () => {
	test('Restaurant OS’s mitigation tree reads, every answer leading somewhere', () => {
		const tree = DecisionSchema(idRef).parse(
			parseYaml(readFileSync('content/restaurant-os/decisions/mitigation.yaml', 'utf8'))
		);
		expect(tree.questions.map((question) => question.question)).toEqual([
			'Is service completely down?',
			'Is it a configuration issue?',
			'Is it a code bug?',
			'Is it a third-party outage?',
		]);
		expect(tree.questions[0]!.answers[0]).toMatchObject({
			action: 'Execute emergency rollback',
			scenario: 'restaurant-os/complete-backend-outage',
		});
	});

	test('names an answer that points to a missing question', () => {
		const result = DecisionSchema(idRef).safeParse({
			title: 'T',
			questions: [
				{ id: 'a', question: 'Down?', answers: [{ label: 'Yes', next: 'b' }, { label: 'No' }] },
			],
		});
		expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
			[
				'questions.0.answers.0.next',
				'points to question `b`, which this tree does not have (expected one of `a`)',
			],
			['questions.0.answers.1', 'answer `No` leads nowhere (expected `next` or `action`)'],
		]);
	});
});
