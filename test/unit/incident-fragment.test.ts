import { describe, expect, test } from 'vitest';
import { parseAlertContext } from '../../src/lib/alert-context.ts';
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
});
