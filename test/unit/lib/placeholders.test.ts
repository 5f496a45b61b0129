import { describe, expect, test } from 'vitest';
import {
	blankFields,
	fillTemplate,
	scanBlanks,
	segmentsToText,
	undeclaredBlanks,
} from '../../../src/lib/placeholders.ts';

describe('scanBlanks', () => {
	test('finds the blank styles playbooks use', () => {
		const text =
			'INCIDENT - [P0/P1/P2] - [Brief Description] <affected_feature> {{service}} IC: @[name] every [15/30] min, P[0-4]';
		expect(scanBlanks(text).map((blank) => blank.text)).toEqual([
			'[P0/P1/P2]',
			'[Brief Description]',
			'<affected_feature>',
			'{{service}}',
			'[name]',
			'[15/30]',
			'[0-4]',
		]);
	});

	test('reads a leading tag as literal in a text whose blanks are in angle brackets', () => {
		const text =
			'Subject: "[OUTAGE][<region>/<app_name>] - <short_summary>"\nSee [ops-news] <app_name>';
		expect(scanBlanks(text).map((blank) => blank.text)).toEqual([
			'<app_name>',
			'<short_summary>',
			'[ops-news]',
			'<app_name>',
		]);
		expect(scanBlanks('Subject: [Service] is slow').map((blank) => blank.text)).toEqual([
			'[Service]',
		]);
	});

	test('leaves Markdown links, task boxes and plain angle text alone', () => {
		expect(scanBlanks('[Link](#) - [ ] item - [x] done <b> a < b')).toEqual([]);
	});
});

describe('fillTemplate', () => {
	const fields = [
		{ name: 'severity', tokens: ['P[0-4]'] },
		{ name: 'summary', tokens: ['[Brief description]'] },
	];

	test('puts values in place of every token, longest token first', () => {
		const segments = fillTemplate(
			'Severity: P[0-4] — [Brief description] ([Brief description])',
			fields,
			{ severity: 'P1', summary: 'Checkout down' }
		);
		expect(segmentsToText(segments)).toBe('Severity: P1 — Checkout down (Checkout down)');
		expect(blankFields(segments)).toEqual([]);
	});

	test('keeps unfilled blanks and names them', () => {
		const segments = fillTemplate('Severity: P[0-4] — [Brief description]', fields, {
			severity: ' ',
		});
		expect(segmentsToText(segments)).toBe('Severity: P[0-4] — [Brief description]');
		expect(blankFields(segments)).toEqual(['severity', 'summary']);
	});

	test("an unfilled field whose token is the source's example shows a blank named after it", () => {
		const segments = fillTemplate(
			'Status: Investigating\nNext update: 15 minutes\nAt HH:MM UTC, ~X% of traffic, for brief-description',
			[
				{ name: 'status', tokens: ['Investigating'], label: 'Status' },
				{
					name: 'next-update',
					tokens: ['15 minutes'],
					label: 'Next update (the source says "15 minutes")',
				},
				{ name: 'at', tokens: ['HH:MM UTC'], label: 'Time' },
				{ name: 'share', tokens: ['~X%'], label: 'Share' },
				{ name: 'summary', tokens: ['brief-description'] },
			],
			{}
		);
		// A status, a time or a name the responder did not give is never copied as if it were true.
		expect(segmentsToText(segments)).toBe(
			'Status: [Status]\nNext update: [Next update]\nAt HH:MM UTC, ~X% of traffic, for brief-description'
		);
		expect(blankFields(segments)).toEqual(['status', 'next-update', 'at', 'share', 'summary']);
	});

	test('treats values as text: markup and template syntax stay literal', () => {
		const value = '<img src=x onerror=alert(1)> {{constructor}} [Brief description]';
		const segments = fillTemplate('[Brief description]!', fields, { summary: value });
		expect(segmentsToText(segments)).toBe(`${value}!`);
	});
});

test('undeclaredBlanks reports blanks no token covers', () => {
	expect(
		undeclaredBlanks('P[0-4] and @[name] and [Impact]', [
			{ name: 'severity', tokens: ['P[0-4]'] },
			{ name: 'impact', tokens: ['[Impact]'] },
		]).map((b) => b.text)
	).toEqual(['[name]']);
});
