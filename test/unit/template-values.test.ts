import { describe, expect, test } from 'vitest';
import { formatElapsed } from '../../src/incident/derive.ts';
import type { Incident } from '../../src/incident/model.ts';
import {
	derivedValue,
	displayValue,
	messageValues,
	parseValueStore,
	resolveValues,
	type DeriveContext,
	type ValueField,
} from '../../src/incident/template-values.ts';

const now = new Date('2025-11-19T14:05:42Z');
const severities = [
	{ id: 'servio/p0', level: 'P0', name: 'Critical', updateMinutes: 15 },
	{ id: 'servio/p1', level: 'P1', name: 'High', updateMinutes: 30 },
	{ id: 'servio/p3', level: 'P3', name: 'Low' },
];
const incident: Incident = {
	id: 'INC-20251119-1320',
	playbook: 'servio',
	title: 'Checkout down',
	severity: 'servio/p1',
	status: 'mitigating',
	startedAt: '2025-11-19T13:20:00Z',
	roles: { commander: 'Dana', communications: 'Lee' },
	timeline: [],
};
const active: DeriveContext = { now, incident, severities, typed: {} };
const idle: DeriveContext = { now, incident: null, severities, typed: {} };
const field = (derive: ValueField['derive'], type: ValueField['type'] = 'text'): ValueField => ({
	name: 'f',
	type,
	derive,
});

describe('derived values with a fixed clock', () => {
	test.each([
		['now', 'text', '2025-11-19 14:05 UTC'],
		['now', 'datetime', '2025-11-19T14:05'],
		['date', 'text', '2025-11-19'],
		['incident-id', 'text', 'INC-20251119-1320'],
		['incident-title', 'text', 'Checkout down'],
		['incident-start', 'text', '2025-11-19 13:20 UTC'],
		['incident-start', 'datetime', '2025-11-19T13:20'],
		['duration', 'text', '45 min (ongoing)'],
		// From the start (no update sent yet): 13:20 + 30 min, overdue but true.
		['next-update', 'text', '2025-11-19 13:50 UTC'],
		['next-update', 'datetime', '2025-11-19T13:50'],
		['severity', 'severity', 'P1'],
		['severity-label', 'text', 'P1 (High)'],
		['status', 'status', 'Mitigating'],
		['commander', 'text', 'Dana'],
		['communications', 'text', 'Lee'],
		['incident-date', 'text', '2025-11-19'],
		// The P1 cadence (30 min) as words, for "updates every …".
		['update-interval', 'text', '30 min'],
	] as const)('%s in a %s field of an active incident is %s', (derive, type, expected) => {
		expect(derivedValue(field(derive, type), active)).toBe(expected);
	});

	test('severity and status fields follow the incident without a declared derivation', () => {
		expect(derivedValue(field(undefined, 'severity'), active)).toBe('P1');
		expect(derivedValue(field(undefined, 'status'), active)).toBe('Mitigating');
		expect(derivedValue(field(undefined, 'text'), active)).toBeUndefined();
	});

	test('without an incident only the clock fills, and the next update follows a severity picked in the form', () => {
		for (const derive of [
			'incident-id',
			'incident-start',
			'duration',
			'severity',
			'status',
			'commander',
		] as const) {
			expect(derivedValue(field(derive), idle)).toBeUndefined();
		}
		expect(derivedValue(field('now'), idle)).toBe('2025-11-19 14:05 UTC');
		expect(derivedValue(field('next-update'), idle)).toBeUndefined();
		expect(derivedValue(field('next-update'), { ...idle, typed: { severity: 'P0' } })).toBe(
			'2025-11-19 14:20 UTC'
		);
	});

	test('a severity without an update cadence gives no next update', () => {
		expect(
			derivedValue(field('next-update'), {
				...active,
				incident: { ...incident, severity: 'servio/p3' },
			})
		).toBeUndefined();
	});

	test('a resolved incident lasts until it was resolved', () => {
		expect(
			derivedValue(field('duration'), {
				...active,
				incident: {
					...incident,
					status: 'resolved',
					timeline: [
						{
							id: 'e1',
							at: '2025-11-19T16:50:00Z',
							type: 'status-changed',
							from: 'mitigating',
							to: 'resolved',
						},
					],
				},
			})
		).toBe('3 h 30 min');
	});

	test('the next update counts from the last update sent, or from now in a message that is an update', () => {
		const updated = {
			...incident,
			timeline: [
				{
					id: 'e1',
					at: '2025-11-19T14:00:00Z',
					type: 'update-posted' as const,
				},
			],
		};
		expect(derivedValue(field('next-update'), { ...active, incident: updated })).toBe(
			'2025-11-19 14:30 UTC'
		);
		expect(
			derivedValue(field('next-update'), { ...active, incident: updated, announcesUpdate: true })
		).toBe('2025-11-19 14:35 UTC');
	});

	test('the update interval follows the incident severity’s cadence, and is blank without one', () => {
		const at = (severity: string) => ({ ...active, incident: { ...incident, severity } });
		expect(derivedValue(field('update-interval'), at('servio/p0'))).toBe('15 min');
		expect(derivedValue(field('update-interval'), at('servio/p1'))).toBe('30 min');
		expect(derivedValue(field('update-interval'), at('servio/p3'))).toBeUndefined();
		expect(
			derivedValue(field('update-interval'), {
				...at('servio/p1'),
				severities: [{ id: 'servio/p1', level: 'P1', name: 'High', updateMinutes: 60 }],
			})
		).toBe('1 hour');
	});

	test('event times and the timeline come from the incident’s entries, blank until they happen', () => {
		const timeline: Incident['timeline'] = [
			{
				id: 'e1',
				at: '2025-11-19T13:21:00Z',
				type: 'declared',
				severity: 'servio/p1',
				level: 'P1',
				title: 'Checkout down',
			},
			{ id: 'e2', at: '2025-11-19T13:24:00Z', type: 'acknowledged' },
			{ id: 'e3', at: '2025-11-19T13:40:00Z', type: 'note', text: 'Pool at 100%' },
		];
		const running = { ...active, incident: { ...incident, timeline } };
		expect(derivedValue(field('declared'), running)).toBe('2025-11-19 13:21 UTC');
		expect(derivedValue(field('acknowledged', 'datetime'), running)).toBe('2025-11-19T13:24');
		expect(derivedValue(field('incident-end'), running)).toBeUndefined();
		expect(derivedValue(field('closed'), running)).toBeUndefined();
		expect(derivedValue(field('operations'), running)).toBeUndefined();
		expect(derivedValue(field('timeline', 'multiline'), running)).toBe(
			'- 13:21 UTC - Incident declared at P1: Checkout down\n- 13:24 UTC - Acknowledged\n- 13:40 UTC - Pool at 100%'
		);
		expect(derivedValue(field('timeline', 'multiline'), active)).toBeUndefined();

		const ended = {
			...active,
			incident: {
				...incident,
				status: 'resolved' as const,
				closedAt: '2025-11-20T09:00:00Z',
				timeline: [
					...timeline,
					{
						id: 'e4',
						at: '2025-11-19T16:50:00Z',
						type: 'status-changed' as const,
						from: 'mitigating' as const,
						to: 'resolved' as const,
					},
					{ id: 'e5', at: '2025-11-20T09:00:00Z', type: 'closed' as const },
				],
			},
		};
		expect(derivedValue(field('incident-end'), ended)).toBe('2025-11-19 16:50 UTC');
		expect(derivedValue(field('closed'), ended)).toBe('2025-11-20 09:00 UTC');
		// An entry on a later day carries its date.
		expect(derivedValue(field('timeline', 'multiline'), ended)).toContain(
			'- 2025-11-20 09:00 UTC - Incident closed'
		);
	});

	test('the commander is the person in the commander role, never another lead', () => {
		expect(
			derivedValue(field('commander'), {
				...active,
				incident: { ...incident, roles: { communications: 'Lee', 'Communications lead': 'Kim' } },
			})
		).toBeUndefined();
	});

	test('formats elapsed time', () => {
		expect([0, 59_999, 3_600_000, 3_900_000, 90_000_000].map(formatElapsed)).toEqual([
			'0 min',
			'0 min',
			'1 h 00 min',
			'1 h 05 min',
			'1 d 1 h',
		]);
	});
});

describe('resolving values', () => {
	const fields: ValueField[] = [
		{ name: 'started', type: 'datetime', derive: 'incident-start' },
		{ name: 'impact', type: 'text' },
		{ name: 'status', type: 'status' },
	];

	test('typed values win, empty ones take the derived value, the rest stay empty', () => {
		const resolved = resolveValues(fields, {
			...active,
			typed: { status: 'Resolved', impact: '  ' },
		});
		expect(resolved).toEqual({
			started: { value: '2025-11-19T13:20', source: 'derived' },
			impact: { value: '', source: 'empty' },
			status: { value: 'Resolved', source: 'typed' },
		});
		expect(messageValues(fields, resolved)).toEqual({
			started: '2025-11-19 13:20 UTC',
			status: 'Resolved',
		});
	});

	test('date-time values read as UTC in the message; other text is left as typed', () => {
		expect(displayValue({ type: 'datetime' }, '2025-11-19T09:07')).toBe('2025-11-19 09:07 UTC');
		expect(displayValue({ type: 'text' }, '2025-11-19T09:07')).toBe('2025-11-19T09:07');
		expect(displayValue({ type: 'datetime' }, 'soon')).toBe('soon');
	});
});

describe('stored values', () => {
	test('reads a version-1 store and drops values that are not text', () => {
		expect(parseValueStore({ version: 1, values: { impact: 'x', bad: 3 } })).toEqual({
			impact: 'x',
		});
	});

	test.each([
		null,
		[],
		{ version: 2, values: {} },
		{ version: 1, values: [] },
		{ version: 1 },
		'x',
	])('rejects %j', (raw) => {
		expect(parseValueStore(raw)).toBeUndefined();
	});

	test('keeps a field named like an object property as plain data', () => {
		const values = parseValueStore(
			JSON.parse('{"version":1,"values":{"__proto__":"x","constructor":"y"}}')
		)!;
		expect(values['constructor']).toBe('y');
		expect(Object.getPrototypeOf(values)).toBeNull();
	});
});
