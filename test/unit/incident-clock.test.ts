import { describe, expect, test } from 'vitest';
import { formatRemaining, incidentClocks } from '../../src/lib/incident-clock.ts';
import { acknowledge, declareIncident, setStatus } from '../../src/lib/incident-edits.ts';
import { emptyStore, recordEvent } from '../../src/lib/incident-store.ts';
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
			store.incidents[id]!.timeline.filter((entry) => entry.text === 'Acknowledged')
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

	test('restart the update clock from the last update copied', () => {
		let { store, id } = incidentAt('ros/p1');
		store = recordEvent(
			store,
			{ type: 'copy', text: 'Copied “Status update”' },
			new Date('2025-11-19T03:40:00Z')
		);
		const update = incidentClocks(
			store.incidents[id]!,
			severities[1]!,
			playbook.targetLabels,
			new Date('2025-11-19T03:45:00Z')
		).find((clock) => clock.key === 'update')!;
		expect(update.due).toBe('2025-11-19T04:10:00.000Z');
		expect(update.overdue).toBe(false);
	});

	test('give no due time for best-effort targets and stop once resolved', () => {
		let { store, id } = incidentAt('ros/p2');
		const clocks = incidentClocks(
			store.incidents[id]!,
			severities[2]!,
			playbook.targetLabels,
			new Date('2025-11-19T05:00:00Z')
		);
		expect(clocks.find((clock) => clock.key === 'update')).toMatchObject({
			due: null,
			overdue: false,
			target: 'Best effort',
		});
		store = setStatus(store, id, 'resolved', new Date('2025-11-19T05:00:00Z'));
		expect(
			incidentClocks(
				store.incidents[id]!,
				severities[0]!,
				playbook.targetLabels,
				new Date('2025-11-19T09:00:00Z')
			)
		).toMatchObject([{ key: 'resolution', overdue: false }]);
	});

	test('say how long is left or overdue', () => {
		expect(formatRemaining(12 * 60_000)).toBe('in 12 min');
		expect(formatRemaining(-(65 * 60_000))).toBe('1 h 05 min overdue');
	});
});
