import { describe, expect, test } from 'vitest';
import { entryText } from '../../src/incident/event-text.ts';
import { parseStore } from '../../src/incident/store.ts';
import { parseIncidentFile } from '../../src/incident/file.ts';
import { lastUpdateAt } from '../../src/incident/clocks.ts';

/** A store as version 1 of Responder wrote it: the facts of each entry only in its text. */
const v1 = () => ({
	version: 1,
	activeId: 'INC-20251119-0342',
	incidents: {
		'INC-20251119-0342': {
			id: 'INC-20251119-0342',
			title: 'Checkout down',
			playbook: 'ros',
			severity: 'ros/p0',
			status: 'mitigating',
			startedAt: '2025-11-19T03:42:00.000Z',
			roles: { 'Incident Commander': 'Ana' },
			lastUpdateAt: '2025-11-19T03:55:00.000Z',
			timeline: [
				['declared', 'Incident declared at P1: Checkout down'],
				['role', 'Incident Commander: Ana'],
				['status', 'Acknowledged'],
				['tick', 'Check health endpoints'],
				['untick', 'Check health endpoints'],
				['untick', 'Checklist reset: 3 ticked steps unticked'],
				['status', 'Status: Investigating → Mitigating'],
				['severity', 'Severity: P1 → P0'],
				['copy', 'Copied Progress Update (Slack)'],
				['copy', 'Copied Initial notification (email)'],
				['role', 'Scribe: unassigned'],
				['note', 'Stripe is fine'],
				['status', 'Something v1 never wrote'],
			].map(([type, text], index) => ({
				id: `e${index + 1}`,
				at: new Date(Date.parse('2025-11-19T03:42:00Z') + index * 60_000).toISOString(),
				type,
				text,
			})),
		},
	},
});

describe('migration of stored version-1 incidents', () => {
	test('reads every entry text into structured fields with the same words', () => {
		const store = parseStore(v1())!;
		expect(store.version).toBe(2);
		expect(store.activeId).toBe('INC-20251119-0342');
		const incident = store.incidents['INC-20251119-0342']!;
		expect(incident).not.toHaveProperty('lastUpdateAt');
		expect(incident.timeline.map(({ id: _id, at: _at, ...event }) => event)).toEqual([
			{ type: 'declared', severity: 'ros/p0', level: 'P1', title: 'Checkout down' },
			{ type: 'role-assigned', role: 'commander', person: 'Ana' },
			{ type: 'acknowledged' },
			{ type: 'step-ticked', checklist: '', item: '', text: 'Check health endpoints' },
			{ type: 'step-unticked', checklist: '', item: '', text: 'Check health endpoints' },
			{ type: 'checklist-reset', checklist: '', count: 3 },
			{ type: 'status-changed', from: 'investigating', to: 'mitigating' },
			{ type: 'severity-changed', from: '', to: '', fromLevel: 'P1', toLevel: 'P0' },
			{
				type: 'message-sent',
				template: '',
				title: 'Progress Update',
				kind: '',
				channel: 'Slack',
				update: true,
			},
			{
				type: 'message-sent',
				template: '',
				title: 'Initial notification',
				kind: '',
				channel: 'email',
				update: false,
			},
			{ type: 'role-assigned', role: 'Scribe', person: '' },
			{ type: 'note', text: 'Stripe is fine' },
			{ type: 'note', text: 'Something v1 never wrote' },
		]);
		expect(incident.timeline.map(entryText).slice(6, 9)).toEqual([
			'Status: Investigating → Mitigating',
			'Severity: P1 → P0',
			'Update sent: Progress Update (Slack)',
		]);
	});

	test('keeps the update clock where version 1 had it', () => {
		const incident = parseStore(v1())!.incidents['INC-20251119-0342']!;
		expect(lastUpdateAt(incident)).toBe('2025-11-19T03:50:00.000Z');
	});

	test('keeps ids and times of every entry', () => {
		const before = v1().incidents['INC-20251119-0342'].timeline;
		const after = parseStore(v1())!.incidents['INC-20251119-0342']!.timeline;
		expect(after.map((entry) => [entry.id, entry.at])).toEqual(
			before.map((entry) => [entry.id, entry.at])
		);
	});

	test('reads a version-1 incident file (JSON export, hand-over) the same way', () => {
		const incident = v1().incidents['INC-20251119-0342'];
		const result = parseIncidentFile(
			JSON.stringify({ format: 'responder-incident', version: 1, incident })
		);
		expect(result.ok).toBe(true);
		if (result.ok) expect(result.incident.timeline[6]).toMatchObject({ type: 'status-changed' });
	});

	test('still refuses a damaged version-1 store', () => {
		const store = v1();
		store.incidents['INC-20251119-0342'].status = 'fixed';
		expect(parseStore(store)).toBeUndefined();
	});
});
