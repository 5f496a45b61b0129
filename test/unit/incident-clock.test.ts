import { describe, expect, test } from 'vitest';
import {
	barClockKeys,
	formatRemaining,
	incidentClocks,
	targetMinutes,
} from '../../src/incident/clocks.ts';
import { acknowledge, declareIncident, postUpdate, setStatus } from '../../src/incident/edits.ts';
import { parseDuration } from '../../src/lib/duration.ts';
import type { SeverityData } from '../../src/incident/data.ts';
import { emptyStore } from '../../src/incident/store.ts';
import { recordEvent } from '../../src/incident/record.ts';
import { playbook, severities } from './incident-fixture.ts';

const start = new Date('2025-11-19T03:00:00Z');
const incidentAt = (severity: string) =>
	declareIncident(
		emptyStore(),
		{
			title: 't',
			playbook: 'ros',
			severity,
			severityLevel: 'P0',
			startedAt: start,
			roles: {},
			idPattern: playbook.incidentId,
		},
		start
	);

/** The fixture's first severity with these targets, each read from its text as content has it. */
const ladder = (targets: Record<string, string>): SeverityData => ({
	...severities[0]!,
	targets: Object.fromEntries(
		Object.entries(targets).map(([key, text]) => [key, parseDuration(text)!])
	),
});

describe('incident clocks', () => {
	test('count from the start with the severity targets', () => {
		const { store, id } = incidentAt('ros/p0');
		const clocks = incidentClocks(
			store.incidents[id]!,
			severities[0]!,
			playbook.targetLabels,
			new Date('2025-11-19T03:10:00Z')
		);
		expect(
			clocks.map((clock) => [clock.label, clock.due, clock.remaining! / 60_000, clock.overdue])
		).toEqual([
			['Acknowledge', '2025-11-19T03:05:00.000Z', -5, true],
			['Updates', '2025-11-19T03:15:00.000Z', 5, false],
			['Resolution target', '2025-11-19T04:00:00.000Z', 50, false],
		]);
	});

	test('stop the acknowledge clock at the first status entry', () => {
		let { store, id } = incidentAt('ros/p0');
		store = acknowledge(store, id, new Date('2025-11-19T03:04:00Z'));
		store = acknowledge(store, id, new Date('2025-11-19T03:06:00Z'));
		expect(
			store.incidents[id]!.timeline.filter((entry) => entry.type === 'acknowledged')
		).toHaveLength(1);
		const ack = incidentClocks(
			store.incidents[id]!,
			severities[0]!,
			playbook.targetLabels,
			new Date('2025-11-19T03:30:00Z')
		)[0]!;
		expect(ack).toMatchObject({
			key: 'acknowledge',
			met: '2025-11-19T03:04:00.000Z',
			overdue: false,
			remaining: 60_000,
		});
	});

	const message = (update: boolean) => ({
		type: 'message-sent' as const,
		template: update ? 'ros/progress-update' : 'ros/initial-notification',
		title: update ? 'Progress Update' : 'Initial notification',
		kind: 'internal',
		channel: 'Slack',
		update,
	});

	test('restart the update clock when a message declared an update is sent', () => {
		let { store, id } = incidentAt('ros/p1');
		store = recordEvent(store, message(false), new Date('2025-11-19T03:20:00Z'));
		const due = () =>
			incidentClocks(
				store.incidents[id]!,
				severities[1]!,
				playbook.targetLabels,
				new Date('2025-11-19T03:45:00Z')
			).find((clock) => clock.key === 'update')!;
		// A message that is not an update, whatever its title, leaves the clock alone.
		expect(due().due).toBe('2025-11-19T03:30:00.000Z');
		store = recordEvent(store, message(true), new Date('2025-11-19T03:40:00Z'));
		expect(due()).toMatchObject({ due: '2025-11-19T04:10:00.000Z', overdue: false });
	});

	test('restart the update clock on "Update posted"', () => {
		let { store, id } = incidentAt('ros/p0');
		store = postUpdate(store, id, new Date('2025-11-19T03:20:00Z'));
		const update = incidentClocks(
			store.incidents[id]!,
			severities[0]!,
			playbook.targetLabels,
			new Date('2025-11-19T03:25:00Z')
		).find((clock) => clock.key === 'update')!;
		expect(update.due).toBe('2025-11-19T03:35:00.000Z');
	});

	test('give no clock for a target without a time, and show met or missed once resolved', () => {
		let { store, id } = incidentAt('ros/p2');
		const clocks = incidentClocks(
			store.incidents[id]!,
			severities[2]!,
			playbook.targetLabels,
			new Date('2025-11-19T05:00:00Z')
		);
		expect(clocks.map((clock) => clock.key)).toEqual(['acknowledge']);
		store = setStatus(store, id, 'resolved', new Date('2025-11-19T03:50:00Z'));
		expect(
			incidentClocks(
				store.incidents[id]!,
				severities[0]!,
				playbook.targetLabels,
				new Date('2025-11-19T09:00:00Z')
			)
		).toMatchObject([
			{ key: 'acknowledge', met: '2025-11-19T03:50:00.000Z', overdue: false },
			{ key: 'resolution', met: '2025-11-19T03:50:00.000Z', overdue: false, remaining: 600_000 },
		]);
	});

	test('use the response target as the first-response clock when there is no acknowledge target', () => {
		let { store, id } = incidentAt('ros/p0');
		const servio = ladder({ response: '15 min' });
		const at = (time: string) =>
			incidentClocks(
				store.incidents[id]!,
				servio,
				playbook.targetLabels,
				new Date(`2025-11-19T${time}Z`)
			);
		expect(at('03:20:00')).toMatchObject([
			{ key: 'response', due: '2025-11-19T03:15:00.000Z', overdue: true },
		]);
		store = acknowledge(store, id, new Date('2025-11-19T03:10:00Z'));
		expect(at('03:20:00')).toMatchObject([
			{ key: 'response', met: '2025-11-19T03:10:00.000Z', overdue: false },
		]);
	});

	test('stop the response clock next to an acknowledge clock at the first status change', () => {
		let { store, id } = incidentAt('ros/p1');
		const ros = ladder({ acknowledge: '15 minutes', response: 'Within 1 hour' });
		store = acknowledge(store, id, new Date('2025-11-19T03:05:00Z'));
		const response = () =>
			incidentClocks(
				store.incidents[id]!,
				ros,
				playbook.targetLabels,
				new Date('2025-11-19T03:30:00Z')
			)[1]!;
		expect(response().met).toBeUndefined();
		store = setStatus(store, id, 'identified', new Date('2025-11-19T03:20:00Z'));
		expect(response().met).toBe('2025-11-19T03:20:00.000Z');
	});

	test.each([
		['Immediate (< 5 minutes)', 5],
		['Immediate (24/7)', undefined],
		['Best effort', undefined],
		['Hourly status updates', 60],
		['Every 2 hours status updates', 120],
		['1 business day', 480],
		['< 15 minutes', 15],
	])('read the target “%s” as %s minutes', (text, minutes) => {
		expect(targetMinutes(parseDuration(text)!)).toBe(minutes);
	});

	test('say how long is left or overdue', () => {
		expect(formatRemaining(12 * 60_000)).toBe('in 12 min');
		expect(formatRemaining(-(65 * 60_000))).toBe('1 h 05 min overdue');
	});
});

describe('the clocks the incident bar shows (its lines, reserved before the first paint)', () => {
	test('are the clocks the incident has, less the response clock beside an acknowledge clock', () => {
		const severity = ladder({
			acknowledge: '5 minutes',
			response: 'Within 1 hour',
			update: 'Every 15 minutes',
			resolution: '1 hour',
		});
		expect(barClockKeys(severity, false)).toEqual(['acknowledge', 'update', 'resolution']);
		const { store, id } = incidentAt('ros/p0');
		const shown = incidentClocks(store.incidents[id]!, severity, playbook.targetLabels, start)
			.map((clock) => clock.key)
			.filter((key) => barClockKeys(severity, false).includes(key));
		expect(shown).toEqual(barClockKeys(severity, false));
	});

	test('count the response clock as the first-response clock, and no update once resolved', () => {
		const severity = ladder({
			response: 'Immediate (< 5 minutes)',
			update: 'Hourly',
			resolution: 'As needed',
		});
		expect(barClockKeys(severity, false)).toEqual(['response', 'update']);
		expect(barClockKeys(severity, true)).toEqual(['response']);
		expect(barClockKeys(ladder({ response: 'Best effort' }), false)).toEqual([]);
	});
});
