import { describe, expect, test } from 'vitest';
import { incidentForAlert, parseAlertContext } from '../../src/lib/alert-context.ts';
import type { Incident } from '../../src/incident/model.ts';
import { decodeHandover, encodeHandover } from '../../src/incident/handover.ts';
import { addNote, declareIncident } from '../../src/incident/edits.ts';
import { emptyStore } from '../../src/incident/store.ts';

describe('hand-over fragment', () => {
	test('round-trips an incident through a compressed fragment', async () => {
		let { store, id } = declareIncident(
			emptyStore(),
			{
				title: 'Ünïcode ✓ & <tags>',
				playbook: 'ros',
				severity: 'ros/p0',
				severityLevel: 'P0',
				startedAt: new Date('2025-11-19T03:00:00Z'),
				roles: { commander: 'Ana' },
				idPattern: 'INC-YYYYMMDD-HHmm',
			},
			new Date('2025-11-19T03:00:00Z')
		);
		for (let index = 0; index < 30; index += 1)
			store = addNote(
				store,
				id,
				`Note ${index}: the same words again and again`,
				new Date('2025-11-19T03:30:00Z')
			);
		const incident = store.incidents[id]!;
		const fragment = await encodeHandover(incident);
		expect(fragment).toMatch(/^handover=[A-Za-z0-9_-]+$/);
		expect(fragment.length).toBeLessThan(JSON.stringify(incident).length / 2);
		expect(await decodeHandover(`#${fragment}`)).toEqual({ incident });
	});

	test('reports a damaged link and ignores fragments without one', async () => {
		expect(await decodeHandover('#handover=abc')).toMatchObject({
			error: expect.stringContaining('damaged'),
		});
		expect(await decodeHandover('#symptoms')).toBeNull();
	});
});

describe('alert context', () => {
	test('reads service, severity, start and summary', () => {
		expect(
			parseAlertContext(
				'#service=checkout&severity=P1&startsAt=2025-11-19T03:00:00Z&summary=5xx%20%3Cb%3E&x=1'
			)
		).toEqual({
			service: 'checkout',
			severity: 'P1',
			startsAt: '2025-11-19T03:00:00.000Z',
			summary: '5xx <b>',
		});
		expect(parseAlertContext('#startsAt=yesterday')).toBeNull();
		expect(parseAlertContext('#recovery-steps')).toBeNull();
	});

	test('reads the alert name the /alerts/ page adds', () => {
		expect(parseAlertContext('#alert=DatabaseDown&service=api')).toEqual({
			alert: 'DatabaseDown',
			service: 'api',
		});
	});

	const incident = (id: string, startedAt: string, status: Incident['status'] = 'investigating') =>
		({
			id,
			title: id,
			playbook: 'servio',
			severity: 'servio/p0',
			status,
			startedAt,
			roles: {},
			scenario: 'servio/database-down',
			timeline: [],
		}) satisfies Incident;

	test('finds the incident declared for the same alert: same scenario and start time', () => {
		const incidents = [
			incident('A', '2025-11-19T02:00:00.000Z'),
			incident('B', '2025-11-19T03:00:00.000Z'),
		];
		const context = { alert: 'DatabaseDown', startsAt: '2025-11-19T03:00:00Z' };
		expect(incidentForAlert(incidents, context, 'servio/database-down')?.id).toBe('B');
		expect(incidentForAlert(incidents, context, 'servio/other')).toBeUndefined();
		expect(
			incidentForAlert(incidents, { startsAt: '2025-11-19T04:00:00Z' }, 'servio/database-down')
		).toBeUndefined();
	});

	test("without a start time, the open incident of the scenario is the alert's", () => {
		const incidents = [
			incident('A', '2025-11-19T02:00:00.000Z', 'resolved'),
			incident('B', '2025-11-19T03:00:00.000Z'),
		];
		expect(incidentForAlert(incidents, { service: 'api' }, 'servio/database-down')?.id).toBe('B');
		expect(incidentForAlert(incidents.slice(0, 1), {}, 'servio/database-down')).toBeUndefined();
	});
});
