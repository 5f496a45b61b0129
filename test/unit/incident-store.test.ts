import { describe, expect, test } from 'vitest';
import { incidentId } from '../../src/incident/id.ts';
import {
	addNote,
	closeIncident,
	declareIncident,
	deleteEntry,
	deleteIncident,
	editEntry,
	setRole,
	setSeverity,
	setStatus,
} from '../../src/incident/edits.ts';
import {
	emptyStore,
	mergeStores,
	newEntryId,
	parseStore,
	recordEvent,
} from '../../src/incident/store.ts';
import { IncidentStoreSchema, parseIncidentFile, toIncidentFile } from '../../src/incident/file.ts';
import { entryText, isIncidentStore } from '../../src/incident/model.ts';

const at = (time: string) => new Date(`2025-11-19T${time}Z`);

const declared = () =>
	declareIncident(
		emptyStore(),
		{
			title: 'Checkout down',
			playbook: 'ros',
			severity: 'ros/p1',
			severityLevel: 'P1',
			startedAt: at('03:42:10'),
			roles: { commander: 'Ana', '': 'ignored' },
			idPattern: 'INC-YYYYMMDD-HHmm',
		},
		at('03:43:00')
	);

describe('incident ids', () => {
	test('follow the playbook pattern in UTC', () => {
		expect(incidentId('INC-YYYYMMDD-HHmm', new Date('2025-11-19T23:05:00-02:00'))).toBe(
			'INC-20251120-0105'
		);
		expect(incidentId('SEV-YYYY-MM-DD-NN', at('03:42:00'), ['SEV-2025-11-19-01'])).toBe(
			'SEV-2025-11-19-02'
		);
	});
	test('stay unique when two incidents start in the same minute', () => {
		expect(incidentId('INC-YYYYMMDD-HHmm', at('03:42:00'), ['INC-20251119-0342'])).toBe(
			'INC-20251119-0342-2'
		);
	});
});

describe('incident store', () => {
	test('declares an active incident with its roles logged after the declaration', () => {
		const { store, id } = declared();
		expect(id).toBe('INC-20251119-0342');
		expect(store.activeId).toBe(id);
		expect(store.incidents[id]!.roles).toEqual({ commander: 'Ana' });
		expect(store.incidents[id]!.timeline.map((entry) => [entry.type, entryText(entry)])).toEqual([
			['declared', 'Incident declared at P1: Checkout down'],
			['role-assigned', 'Incident commander: Ana'],
		]);
		expect(store.incidents[id]!.timeline[0]).toMatchObject({
			severity: 'ros/p1',
			level: 'P1',
			title: 'Checkout down',
		});
	});

	test('logs status, severity and role changes and keeps the timeline in time order', () => {
		let { store, id } = declared();
		store = setStatus(store, id, 'identified', at('03:50:00'));
		store = setSeverity(store, id, 'ros/p0', { 'ros/p0': 'P0', 'ros/p1': 'P1' }, at('03:55:00'));
		store = recordEvent(
			store,
			{
				type: 'step-ticked',
				checklist: 'ros/scenarios/checkout',
				item: 'check-health',
				text: 'Check health endpoints',
				at: '2025-11-19T03:45:00.000Z',
			},
			at('03:56:00')
		);
		store = setRole(store, id, 'communications', 'Bo', at('03:57:00'));
		const timeline = store.incidents[id]!.timeline;
		expect(timeline.map(entryText)).toEqual([
			'Incident declared at P1: Checkout down',
			'Incident commander: Ana',
			'Ticked: Check health endpoints',
			'Status: Investigating → Identified',
			'Severity: P1 → P0',
			'Communications: Bo',
		]);
		expect(new Set(timeline.map((entry) => entry.id)).size).toBe(timeline.length);
		expect(timeline.find((entry) => entry.type === 'status-changed')).toMatchObject({
			from: 'investigating',
			to: 'identified',
		});
		expect(timeline.find((entry) => entry.type === 'severity-changed')).toMatchObject({
			from: 'ros/p1',
			to: 'ros/p0',
		});
	});

	test('edits and deletes single entries, closes and deletes incidents', () => {
		let { store, id } = declared();
		store = addNote(store, id, 'Stripe looks fine', at('03:50:00'));
		const note = store.incidents[id]!.timeline.at(-1)!;
		store = editEntry(store, id, note.id, 'Stripe is fine');
		expect(store.incidents[id]!.timeline.at(-1)).toMatchObject({
			type: 'note',
			text: 'Stripe is fine',
		});
		// Rewording another entry keeps its fields, which clocks and exports read.
		const role = store.incidents[id]!.timeline[1]!;
		store = editEntry(store, id, role.id, 'Ana has command');
		expect(store.incidents[id]!.timeline[1]).toMatchObject({
			type: 'role-assigned',
			role: 'commander',
			person: 'Ana',
			edited: 'Ana has command',
		});
		expect(entryText(store.incidents[id]!.timeline[1]!)).toBe('Ana has command');
		store = deleteEntry(store, id, note.id);
		expect(store.incidents[id]!.timeline.some((entry) => entry.id === note.id)).toBe(false);
		store = closeIncident(store, id, at('05:00:00'));
		expect(store.activeId).toBeNull();
		expect(store.incidents[id]!.status).toBe('resolved');
		expect(store.incidents[id]!.closedAt).toBe('2025-11-19T05:00:00.000Z');
		expect(deleteIncident(store, id).incidents).toEqual({});
	});

	test('ignores events when no incident is active', () => {
		const store = emptyStore();
		expect(recordEvent(store, { type: 'note', text: 'x' }, at('03:00:00'))).toBe(store);
	});
});

describe('store codec', () => {
	test('reads a stored store back identically', () => {
		const { store } = declared();
		expect(parseStore(JSON.parse(JSON.stringify(store)))).toEqual(store);
	});
	test('rejects foreign or damaged data', () => {
		expect(parseStore({ version: 3, activeId: null, incidents: {} })).toBeUndefined();
		expect(
			parseStore({ version: 1, activeId: null, incidents: { x: { id: 'x' } } })
		).toBeUndefined();
		expect(parseStore('[]')).toBeUndefined();
	});
	test('drops a dangling active id instead of failing', () => {
		expect(parseStore({ version: 2, activeId: 'gone', incidents: {} })?.activeId).toBeNull();
	});
	test.each(['__proto__', 'constructor', 'toString'])(
		'refuses an active id `%s` that would name an inherited property',
		(activeId) => {
			const store = JSON.parse(JSON.stringify(declared().store));
			store.activeId = activeId;
			expect(parseStore(store)).toBeUndefined();
		}
	);
	test('refuses an invalid status or date rather than throwing later', () => {
		const store = JSON.parse(JSON.stringify(declared().store));
		const incident = Object.values(store.incidents)[0] as Record<string, any>;
		expect(
			parseStore({ ...store, incidents: { x: { ...incident, status: 'on-fire' } } })
		).toBeUndefined();
		expect(
			parseStore({ ...store, incidents: { x: { ...incident, startedAt: 'yesterday' } } })
		).toBeUndefined();
		expect(
			parseStore({
				...store,
				incidents: { x: { ...incident, timeline: [{ ...incident.timeline[0], at: 'soon' }] } },
			})
		).toBeUndefined();
	});
});

describe('stored-data guard', () => {
	// Pages read storage with the small guard, not zod; it must not accept what the schema refuses
	// for a field pages read, nor refuse a store the schema accepts.
	const valid = () => {
		let { store, id } = declared();
		store = recordEvent(
			addNote(store, id, 'Rolled back', at('03:50:00')),
			{
				type: 'step-ticked',
				checklist: 'ros/scenarios/db',
				item: 'page-dba',
				text: 'Page the DBA',
			},
			at('03:51:00')
		);
		return JSON.parse(JSON.stringify(closeIncident(store, id, at('04:30:00')))) as Record<
			string,
			any
		>;
	};
	const only = (store: Record<string, any>) =>
		Object.values(store.incidents)[0] as Record<string, any>;
	const damaged: [string, (store: Record<string, any>) => void][] = [
		['version 3', (store) => (store.version = 3)],
		['active id a number', (store) => (store.activeId = 1)],
		['incidents an array', (store) => (store.incidents = [])],
		...(['id', 'title', 'playbook', 'severity', 'status', 'startedAt'] as const).flatMap(
			(key): [string, (store: Record<string, any>) => void][] => [
				[`no ${key}`, (store) => delete only(store)[key]],
				[`${key} a number`, (store) => (only(store)[key] = 7)],
			]
		),
		['roles missing', (store) => delete only(store).roles],
		['timeline not an array', (store) => (only(store).timeline = {})],
		['timeline entry without text', (store) => delete only(store).timeline[2].text],
		['declared entry without level', (store) => delete only(store).timeline[0].level],
		['an unknown entry type', (store) => (only(store).timeline[1].type = 'copy')],
		['a status change to no status', (store) => (only(store).timeline.at(-2).to = 'done')],
		['an entry time that is not a date', (store) => (only(store).timeline[0].at = 'soon')],
		['an invalid status', (store) => (only(store).status = 'fixed')],
		['a start that is not a date', (store) => (only(store).startedAt = '2025-13-45')],
		['timeline entry a string', (store) => (only(store).timeline[1] = 'note')],
	];

	test('accepts what the zod schema accepts', () => {
		const store = valid();
		expect(IncidentStoreSchema().safeParse(store).success).toBe(true);
		expect(isIncidentStore(store)).toBe(true);
		expect(isIncidentStore(emptyStore())).toBe(true);
	});
	test.each(damaged)('refuses a store with %s, as the zod schema does', (_name, damage) => {
		const store = valid();
		damage(store);
		expect(IncidentStoreSchema().safeParse(store).success).toBe(false);
		expect(isIncidentStore(store)).toBe(false);
	});
});

describe('incident files', () => {
	test('round-trip an incident', () => {
		const { store, id } = declared();
		const result = parseIncidentFile(JSON.stringify(toIncidentFile(store.incidents[id]!)));
		expect(result).toEqual({ ok: true, incident: store.incidents[id] });
	});
	test('explain what is wrong with a bad file', () => {
		expect(parseIncidentFile('not json')).toMatchInlineSnapshot(`
			{
			  "error": "The file is not JSON. Choose a file exported with “Export JSON”.",
			  "ok": false,
			}
		`);
		expect(parseIncidentFile('{"hello":1}')).toMatchObject({
			ok: false,
			error: expect.stringContaining('not a Responder incident'),
		});
		expect(
			parseIncidentFile('{"format":"responder-incident","version":1,"incident":{"id":"x"}}')
		).toMatchObject({ ok: false, error: expect.stringContaining('damaged') });
	});
});

describe('two tabs writing at once', () => {
	test('entry ids are unique across tabs recording at the same moment', () => {
		const now = at('04:00:00');
		const ids = new Set(Array.from({ length: 1000 }, () => newEntryId(now)));
		expect(ids.size).toBe(1000);
		expect([...ids][0]).toMatch(/^e-[0-9a-z]+-[0-9a-f]{16}$/);
	});

	test('merging keeps every entry either tab recorded, once, in time order', () => {
		const { store, id } = declared();
		const mine = addNote(store, id, 'mine', at('03:50:00'));
		const theirs = addNote(
			addNote(store, id, 'theirs', at('03:49:00')),
			id,
			'later',
			at('03:51:00')
		);
		const merged = mergeStores(theirs, mine);
		expect(merged.incidents[id]!.timeline.map(entryText).slice(-3)).toEqual([
			'theirs',
			'mine',
			'later',
		]);
		expect(isIncidentStore(merged)).toBe(true);
		// Nothing to add: the newer copy itself comes back, so nothing is saved again.
		expect(mergeStores(merged, theirs)).toBe(merged);
		expect(mergeStores(merged, mine)).toBe(merged);
	});

	test('a deleted entry does not come back from either copy', () => {
		let { store, id } = declared();
		store = addNote(store, id, 'typo', at('03:50:00'));
		const note = store.incidents[id]!.timeline.at(-1)!;
		const deleted = deleteEntry(store, id, note.id);
		expect(deleted.deleted).toEqual([note.id]);
		expect(isIncidentStore(deleted)).toBe(true);
		expect(IncidentStoreSchema().safeParse(deleted).success).toBe(true);
		const has = (value: typeof store) =>
			value.incidents[id]!.timeline.some((entry) => entry.id === note.id);
		expect(has(mergeStores(deleted, store))).toBe(false);
		// A tab that had not seen the deletion wrote its stale copy: the deletion still wins.
		const merged = mergeStores(store, deleted);
		expect(has(merged)).toBe(false);
		expect(merged.deleted).toEqual([note.id]);
	});

	test('the guard rejects a deleted list that is not strings', () => {
		const { store } = declared();
		expect(isIncidentStore({ ...store, deleted: [1] })).toBe(false);
		expect(parseStore({ ...store, deleted: ['e1'] })).toMatchObject({ deleted: ['e1'] });
	});
});
