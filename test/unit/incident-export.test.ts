import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import {
	readChecklistTicks,
	renderDocument,
	renderPostMortemMdx,
} from '../../src/incident/export.ts';
import { addNote, declareIncident, setStatus } from '../../src/incident/edits.ts';
import { emptyStore } from '../../src/incident/store.ts';
import { recordEvent } from '../../src/incident/record.ts';
import { PostMortemSchema } from '../../src/schemas/post-mortem.ts';
import { playbook, severities } from './incident-fixture.ts';

const t = (time: string) => new Date(`2025-11-19T${time}Z`);

function run() {
	let { store, id } = declareIncident(
		emptyStore(),
		{
			title: 'Checkout <b>down</b>',
			playbook: 'ros',
			severity: 'ros/p1',
			severityLevel: 'P1',
			startedAt: t('03:42:00'),
			roles: { 'Incident commander': 'Ana' },
			idPattern: playbook.incidentId,
		},
		t('03:42:00')
	);
	store = recordEvent(
		store,
		{
			type: 'step-ticked',
			checklist: 'ros/scenarios/outage',
			item: 'check-health',
			text: 'Check health endpoints',
		},
		t('03:44:00')
	);
	store = addNote(store, id, 'Looks like [Stripe](javascript:alert(1)) {x}', t('03:50:00'));
	store = setStatus(store, id, 'resolved', t('04:47:00'));
	return store.incidents[id]!;
}

const context = { playbook, severity: severities[1]!, now: t('05:00:00') };

describe('incident export', () => {
	test('fills the playbook’s incident record and replaces its timeline', () => {
		expect(renderDocument(run(), 'incident-record', context)).toMatchInlineSnapshot(`
			"# Incident: Checkout \\<b\\>down\\</b\\>

			**Incident ID:** INC-20251119-0342
			**Severity:** P1
			**Started:** 2025-11-19 03:42 UTC
			**Status:** Resolved

			## Impact
			- Affected Services: [List]

			## Timeline
			- 03:42 UTC - Incident declared at P1: Checkout \\<b\\>down\\</b\\>
			- 03:42 UTC - Incident commander: Ana
			- 03:44 UTC - Ticked: Check health endpoints
			- 03:50 UTC - Looks like \\[Stripe\\](javascript:alert(1)) {x}
			- 04:47 UTC - Status: Investigating → Resolved

			## Notes
			- 03:50 UTC - Looks like \\[Stripe\\](javascript:alert(1)) {x}

			## Messages sent
			- (none recorded)

			## Roles
			- Incident commander: Ana

			## Checklist progress
			1 of 1 steps ticked on the timeline.

			- [x] Check health endpoints (03:44 UTC)
			"
		`);
	});

	test('uses Responder’s own post-mortem template when the playbook has none', () => {
		const markdown = renderDocument(run(), 'post-mortem', context);
		expect(markdown).toContain('# Post-incident review: Checkout \\<b\\>down\\</b\\>');
		expect(markdown).toContain('**Duration:** 1 h 05 min\n');
	});

	test('writes an MDX post-mortem whose frontmatter passes the post-mortem schema', () => {
		const mdx = renderPostMortemMdx(run(), context);
		const [, frontmatter, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(mdx)!;
		expect(PostMortemSchema().parse(parseYaml(frontmatter!))).toEqual({
			title: 'Post-incident review: Checkout <b>down</b>',
			incident: 'INC-20251119-0342',
			playbook: 'ros',
			severity: 'P1',
			started: '2025-11-19T03:42:00.000Z',
			resolved: '2025-11-19T04:47:00.000Z',
			durationMinutes: 65,
			roles: { 'Incident commander': 'Ana' },
			status: 'draft',
		});
		expect(body).toContain('\\{x\\}');
		expect(body).not.toMatch(/(?<!\\)[<{]/);
	});

	test('lists the checklist ticks stored in the incident’s scope, per page, in time order', () => {
		const ticks = readChecklistTicks('ros/scenarios/complete-backend-outage', {
			version: 2,
			ticks: {
				b: { at: '2025-11-19T03:48:00Z', text: 'Roll back' },
				a: { at: '2025-11-19T03:44:00Z', text: 'Check health' },
			},
		})!;
		const markdown = renderDocument(run(), 'incident-record', {
			...context,
			checklists: [ticks, readChecklistTicks('x', { version: 1, ticked: {} })!],
		});
		expect(markdown).toContain(
			'## Checklist progress\nros/scenarios/complete-backend-outage: 2 ticked\n\n- [x] Check health (03:44 UTC)\n- [x] Roll back (03:48 UTC)\n'
		);
		expect(readChecklistTicks('x', { version: 9 })).toBeUndefined();
	});

	test('lists ticks of items that left the list apart, as the responder last saw the list', () => {
		const ticks = readChecklistTicks('ros/scenarios/complete-backend-outage', {
			version: 2,
			ticks: {
				a: { at: '2025-11-19T03:44:00Z', text: 'Check health' },
				old: { at: '2025-11-19T03:46:00Z', text: 'Page the DBA' },
			},
			items: ['a', 'b'],
		})!;
		const markdown = renderDocument(run(), 'incident-record', { ...context, checklists: [ticks] });
		expect(markdown).toContain(
			'ros/scenarios/complete-backend-outage: 2 ticked\n\n- [x] Check health (03:44 UTC)\n\nTicked items no longer in this list:\n\n- [x] Page the DBA (03:46 UTC)\n'
		);
	});
});
