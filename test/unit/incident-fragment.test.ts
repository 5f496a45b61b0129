import { describe, expect, test } from 'vitest';
import { incidentForAlert, offeredAlert, parseAlertContext } from '../../src/lib/alert-context.ts';
import type { Incident } from '../../src/incident/model.ts';
import {
	checklistsFromTimeline,
	decodeHandover,
	encodeHandover,
	handoverPreview,
	PREVIEW_STEPS,
	PREVIEW_STEP_CHARS,
	MAX_LINK_CHARS,
	mergeChecklist,
} from '../../src/incident/handover.ts';
import { addNote, declareIncident, setStatus } from '../../src/incident/edits.ts';
import { emptyStore } from '../../src/incident/store.ts';
import { recordEvent } from '../../src/incident/record.ts';

const start = new Date('2025-11-19T03:00:00Z');
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);

/** Two hours of work: 40 ticks over two checklists, 20 notes, a few status changes. */
function twoHourIncident() {
	let { store, id } = declareIncident(
		emptyStore(),
		{
			title: 'Checkout down for restaurants in the EU region',
			playbook: 'ros',
			severity: 'ros/p0',
			severityLevel: 'P0',
			startedAt: start,
			roles: { commander: 'Ana' },
			idPattern: 'INC-YYYYMMDD-HHmm',
		},
		start
	);
	for (let index = 1; index <= 40; index += 1)
		store = recordEvent(
			store,
			{
				type: 'step-ticked',
				checklist: index <= 20 ? 'ros/scenarios/outage' : 'ros/checklists/comms',
				item: `step-${index}`,
				text: `Step ${index}`,
			},
			at(index * 3)
		);
	for (let index = 1; index <= 20; index += 1)
		store = addNote(
			store,
			id,
			`Note ${index}: checked the pool size and the error rate`,
			at(index * 6)
		);
	store = setStatus(store, id, 'identified', at(30));
	store = setStatus(store, id, 'mitigating', at(60));
	store = setStatus(store, id, 'investigating', at(61));
	return { store, id };
}

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
		expect(await decodeHandover(`#${fragment}`)).toEqual({ incident, values: {} });
	});

	test('carries ticks and template values, and lands the ticks on their checklists', async () => {
		let { store, id } = twoHourIncident();
		store = recordEvent(
			store,
			{ type: 'step-unticked', checklist: 'ros/scenarios/outage', item: 'step-3', text: 'Step 3' },
			at(200)
		);
		const values = { impact: 'Checkout fails for 40% of orders', 'next-update': '' };
		const decoded = await decodeHandover(`#${await encodeHandover(store.incidents[id]!, values)}`);
		if (!decoded || 'error' in decoded) throw new Error('not decoded');
		expect(decoded.values).toEqual(values);
		const lists = checklistsFromTimeline(decoded.incident);
		expect(Object.keys(lists)).toEqual(['ros/scenarios/outage', 'ros/checklists/comms']);
		expect(Object.keys(lists['ros/scenarios/outage']!.ticks)).toHaveLength(19);
		expect(lists['ros/scenarios/outage']!.ticks['step-3']).toBeUndefined();
		expect(lists['ros/checklists/comms']!.ticks['step-21']).toEqual({
			at: at(21 * 3).toISOString(),
			text: 'Step 21',
		});
		// What this browser holds wins; what arrives is added.
		expect(
			mergeChecklist(
				{ version: 2, ticks: { 'step-1': { at: 'x', text: 'mine' } } },
				lists['ros/scenarios/outage']!
			).ticks['step-1']
		).toEqual({ at: 'x', text: 'mine' });
		const preview = handoverPreview(decoded, (sev) => (sev === 'ros/p0' ? 'P0 (Critical)' : sev));
		expect(preview).toMatchObject({
			id,
			severity: 'P0 (Critical)',
			status: 'Investigating',
			roles: [['Incident commander', 'Ana']],
			ticks: [
				{ document: 'ros/scenarios/outage', count: 19 },
				{ document: 'ros/checklists/comms', count: 20 },
			],
			values: 2,
		});
		// Steps by name, in tick order, at most PREVIEW_STEPS per checklist (the rest are counted).
		expect(PREVIEW_STEPS).toBe(8);
		expect(preview.ticks[0]!.steps).toEqual([
			'Step 1',
			'Step 2',
			'Step 4',
			'Step 5',
			'Step 6',
			'Step 7',
			'Step 8',
			'Step 9',
		]);
		expect(preview.ticks[1]!.steps[0]).toBe('Step 21');
		expect(preview.lastEntries.at(-1)!.text).toBe('Unticked: Step 3');
	});

	test('the preview clips a long step name and keeps it as text', () => {
		const long = `<b>${'x'.repeat(500)}</b>`;
		let { store, id } = twoHourIncident();
		store = recordEvent(
			store,
			{ type: 'step-ticked', checklist: 'ros/checklists/other', item: 'long', text: long },
			at(119)
		);
		const [steps] = handoverPreview({ incident: store.incidents[id]!, values: {} }, String)
			.ticks.filter((list) => list.document === 'ros/checklists/other')
			.map((list) => list.steps);
		expect(steps).toHaveLength(1);
		expect(steps![0]).toHaveLength(PREVIEW_STEP_CHARS);
		expect(steps![0]).toMatch(/^<b>x+…$/);
	});

	test('keeps the link of a 2-hour incident with 40 ticks and 20 notes short', async () => {
		const { store, id } = twoHourIncident();
		const link = `https://responder.example/incident/#${await encodeHandover(store.incidents[id]!, {
			impact: 'Checkout fails for 40% of orders',
		})}`;
		// The README states this figure; it is measured here so a change that grows links shows.
		console.log(`hand-over link, 2 h / 40 ticks / 20 notes: ${link.length} characters`);
		expect(link.length).toBeLessThan(8_000);
	});

	test('refuses a link longer than a Responder link before reading it', async () => {
		const result = await decodeHandover(`#handover=${'A'.repeat(MAX_LINK_CHARS + 1)}`);
		expect(result).toMatchObject({ error: expect.stringContaining('too long') });
	});

	test('stops inflating a link that unpacks past the limit', async () => {
		// 2 MB of one character compresses to a few kilobytes: a small link, a large payload.
		const bomb = new Uint8Array(2_000_000).fill(32);
		const packed = new Uint8Array(
			await new Response(
				new Blob([bomb]).stream().pipeThrough(new CompressionStream('deflate-raw'))
			).arrayBuffer()
		);
		let binary = '';
		for (const byte of packed) binary += String.fromCharCode(byte);
		const value = btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
		expect(value.length).toBeLessThan(MAX_LINK_CHARS);
		expect(await decodeHandover(`#handover=${value}`)).toMatchObject({
			error: expect.stringContaining('unpacks to more than'),
		});
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

	test('an alert start with seconds matches the incident the form declared to the minute', () => {
		const incidents = [incident('B', '2025-11-19T03:00:00.000Z')];
		const seconds = { startsAt: '2025-11-19T03:00:42.186Z' };
		expect(incidentForAlert(incidents, seconds, 'servio/database-down')?.id).toBe('B');
		const nextMinute = { startsAt: '2025-11-19T03:01:00.000Z' };
		expect(incidentForAlert(incidents, nextMinute, 'servio/database-down')).toBeUndefined();
	});

	test("without a start time, the open incident of the scenario is the alert's", () => {
		const incidents = [
			incident('A', '2025-11-19T02:00:00.000Z', 'resolved'),
			incident('B', '2025-11-19T03:00:00.000Z'),
		];
		expect(incidentForAlert(incidents, { service: 'api' }, 'servio/database-down')?.id).toBe('B');
		expect(incidentForAlert(incidents.slice(0, 1), {}, 'servio/database-down')).toBeUndefined();
	});

	test('reads a fragment only so far: context past the first 4,000 characters is none', () => {
		expect(parseAlertContext(`#x=${'y'.repeat(4000)}&summary=late`)).toBeNull();
		expect(parseAlertContext(`#summary=${'s'.repeat(9000)}`)?.summary).toHaveLength(500);
	});

	test("offers the alert on its scenario unless the alert's incident is the active one", () => {
		const fragment = '#alert=DatabaseDown&startsAt=2025-11-19T03:00:42Z&summary=Pool%20full';
		const own = incident('B', '2025-11-19T03:00:00.000Z');
		const other = incident('A', '2025-11-19T02:00:00.000Z');
		expect(offeredAlert(fragment, 'servio/database-down', undefined)?.summary).toBe('Pool full');
		expect(offeredAlert(fragment, 'servio/database-down', other)?.alert).toBe('DatabaseDown');
		expect(offeredAlert(fragment, 'servio/database-down', own)).toBeNull();
		// Not a scenario page, or no context: nothing is offered.
		expect(offeredAlert(fragment, undefined, undefined)).toBeNull();
		expect(
			offeredAlert('#summary=%20&startsAt=soon', 'servio/database-down', undefined)
		).toBeNull();
	});
});
