import { describe, expect, test } from 'vitest';
import {
	blankFields,
	fillMessage,
	fillTemplate,
	scanBlanks,
	segmentsToText,
	tokenUsed,
	undeclaredBlanks,
} from '../../src/lib/placeholders.ts';

/** Every placeholder style the seed playbooks (and common templates) use, with a value for each. */
const STYLES: [token: string, value: string][] = [
	['[Brief description]', 'Checkout fails'],
	['P[0-4]', 'P1'],
	['@[name]', '@dana'],
	['[15/30]', '15'],
	['[P0/P1]', 'P0'],
	['SEV-[1/2/3]', 'SEV-2'],
	['<affected_feature>', 'card payments'],
	['{{service}}', 'api'],
];

describe('placeholders in every seed style', () => {
	test.each(STYLES)('scans `%s` as one blank', (token) => {
		const blanks = scanBlanks(`Before ${token} after`).map((blank) => blank.text);
		expect(blanks.some((blank) => token.includes(blank))).toBe(true);
		expect(undeclaredBlanks(`Before ${token} after`, [{ name: 'x', tokens: [token] }])).toEqual([]);
	});

	test.each(STYLES)('fills `%s` with its value and keeps the rest', (token, value) => {
		const segments = fillTemplate(`A ${token} B ${token}`, [{ name: 'x', tokens: [token] }], {
			x: value,
		});
		expect(segmentsToText(segments)).toBe(`A ${value} B ${value}`);
		expect(blankFields(segments)).toEqual([]);
	});

	test.each(STYLES)('leaves `%s` in place, marked blank, while empty', (token) => {
		const segments = fillTemplate(`A ${token}`, [{ name: 'x', tokens: [token] }], { x: '   ' });
		expect(segmentsToText(segments)).toBe(`A ${token}`);
		expect(segments.at(-1)).toEqual({ kind: 'field', name: 'x', text: token, filled: false });
	});

	test('fills a seed template with several styles at once', () => {
		const body =
			'🚨 INCIDENT DECLARED: SEV-[1/2/3]\n**Issue:** [Brief description]\n- IC: @[name]\nUpdates every [15/30] minutes';
		const fields = [
			{ name: 'severity', tokens: ['SEV-[1/2/3]'] },
			{ name: 'summary', tokens: ['[Brief description]'] },
			{ name: 'commander', tokens: ['@[name]'] },
			{ name: 'cadence', tokens: ['[15/30]'] },
		];
		const segments = fillTemplate(body, fields, {
			severity: 'SEV-1',
			summary: 'Bookings fail',
			cadence: '30',
		});
		expect(segmentsToText(segments)).toBe(
			'🚨 INCIDENT DECLARED: SEV-1\n**Issue:** Bookings fail\n- IC: @[name]\nUpdates every 30 minutes'
		);
		expect(blankFields(segments)).toEqual(['commander']);
	});

	test('prefers the longer token where two overlap', () => {
		const fields = [
			{ name: 'level', tokens: ['P[0-4]'] },
			{ name: 'range', tokens: ['[0-4]'] },
		];
		expect(
			segmentsToText(fillTemplate('P[0-4] and [0-4]', fields, { level: 'P2', range: 'three' }))
		).toBe('P2 and three');
	});
});

describe('a blank the source reuses for different things', () => {
	const body = 'IC: @[name]\nOps: @[name]\nDev: @[name]\nAs of [Timestamp], next [Timestamp]';
	const fields = [
		{ name: 'commander', tokens: ['@[name]#1'] },
		{ name: 'ops', tokens: ['@[name]#2'] },
		{ name: 'others', tokens: ['@[name]'] },
		{ name: 'now', tokens: ['[Timestamp]#1'] },
		{ name: 'next-update', tokens: ['[Timestamp]#2'] },
	];

	test('fills the nth place from a `#n` token and the rest from the plain one', () => {
		const values = {
			commander: '@dana',
			ops: '@lee',
			others: '@team',
			now: '14:05',
			'next-update': '14:35',
		};
		expect(segmentsToText(fillTemplate(body, fields, values))).toBe(
			'IC: @dana\nOps: @lee\nDev: @team\nAs of 14:05, next 14:35'
		);
		expect(blankFields(fillTemplate(body, fields, { commander: '@dana' }))).toEqual([
			'ops',
			'others',
			'now',
			'next-update',
		]);
	});

	test('counts the places as declared for the validator', () => {
		expect(undeclaredBlanks(body, fields)).toEqual([]);
		expect(undeclaredBlanks(body, fields.slice(0, 4)).map((blank) => blank.start)).toEqual([
			body.lastIndexOf('[Timestamp]'),
		]);
		expect([
			tokenUsed(body, '@[name]#3'),
			tokenUsed(body, '@[name]#4'),
			tokenUsed(body, 'SEV-[1/2/3]'),
		]).toEqual([true, false, false]);
	});
});

describe('values stay text', () => {
	const payloads = [
		'<img src=x onerror=alert(1)>',
		'<script>alert(1)</script>',
		'{{constructor}}',
		'javascript:alert(1)',
		'$& $1 $$',
	];

	test.each(payloads)('puts `%s` in literally and never fills a blank inside it', (payload) => {
		const fields = [
			{ name: 'a', tokens: ['{{service}}'] },
			{ name: 'b', tokens: ['[Brief description]'] },
		];
		const segments = fillTemplate('{{service}}: [Brief description]', fields, {
			a: payload,
			b: '[Brief description]',
		});
		expect(segmentsToText(segments)).toBe(`${payload}: [Brief description]`);
	});

	test('does not read values from the object prototype', () => {
		const segments = fillTemplate(
			'{{constructor}}',
			[{ name: 'constructor', tokens: ['{{constructor}}'] }],
			{}
		);
		expect(blankFields(segments)).toEqual(['constructor']);
	});
});

describe('fillMessage', () => {
	test('fills subject and body with the same values and lists blanks subject first', () => {
		const message = fillMessage(
			{
				subject: '[P0/P1] Update: [Service]',
				body: 'Affected: [Service]\nStarted: [Timestamp]\nRoot cause: [Brief description]',
				fields: [
					{ name: 'severity', tokens: ['[P0/P1]'] },
					{ name: 'service', tokens: ['[Service]'] },
					{ name: 'started', tokens: ['[Timestamp]'] },
					{ name: 'summary', tokens: ['[Brief description]'] },
				],
			},
			{ service: 'Checkout', started: '2025-11-19 14:05 UTC' }
		);
		expect(segmentsToText(message.subject!)).toBe('[P0/P1] Update: Checkout');
		expect(segmentsToText(message.body)).toBe(
			'Affected: Checkout\nStarted: 2025-11-19 14:05 UTC\nRoot cause: [Brief description]'
		);
		expect(message.blanks).toEqual(['severity', 'summary']);
	});

	test('has no subject when the template has none', () => {
		const message = fillMessage(
			{ body: 'Hi [Name]', fields: [{ name: 'name', tokens: ['[Name]'] }] },
			{}
		);
		expect(message.subject).toBeUndefined();
		expect(message.blanks).toEqual(['name']);
	});
});
