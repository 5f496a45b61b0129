import { describe, expect, test } from 'vitest';
import {
	CHECKLIST_VERSION,
	checklistKey,
	decodeListValue,
	decodeTick,
	legacyChecklistKey,
	scopePrefix,
	tickItem,
	tickKey,
	emptyChecklist,
	sameItems,
	tickTimeUtc,
	withItems,
	withoutTicks,
	withTick,
} from '../../src/lib/checklist-store.ts';
import { decodeChecklist, orphanedTicks } from '../../src/lib/checklist-decode.ts';
import { parseScopedKey } from '../../src/lib/checklist-scope.ts';

const at = '2026-11-22T04:52:10.000Z';

describe('decodeChecklist', () => {
	test('reads the current version', () => {
		const stored = { version: CHECKLIST_VERSION, ticks: { a: { at, text: 'Step A' } } };
		expect(decodeChecklist(JSON.parse(JSON.stringify(stored)))).toEqual(stored);
	});

	test('migrates version 1 (times only) to the current version, keeping every tick', () => {
		expect(decodeChecklist({ version: 1, ticked: { a: at, 'removed-step': at } })).toEqual({
			version: 2,
			ticks: { a: { at, text: '' }, 'removed-step': { at, text: '' } },
		});
	});

	test.each([
		['not an object', 'ticks'],
		['an array', [1, 2]],
		['no version', { ticks: {} }],
		['a newer version', { version: CHECKLIST_VERSION + 1, ticks: {} }],
		['a version 1 value with a bad time', { version: 1, ticked: { a: 'yesterday' } }],
		['a tick without a time', { version: CHECKLIST_VERSION, ticks: { a: { text: 'A' } } }],
		['ticks that are a list', { version: CHECKLIST_VERSION, ticks: ['a'] }],
	])('refuses %s', (_, raw) => {
		expect(decodeChecklist(raw)).toBeUndefined();
	});
});

describe('the list as last seen', () => {
	test('is kept through reading, ticking and resetting, and compared in order', () => {
		const stored = decodeChecklist({
			version: CHECKLIST_VERSION,
			ticks: { a: { at, text: 'A' } },
			items: ['a', 'b'],
		})!;
		expect(stored.items).toEqual(['a', 'b']);
		expect(withTick(stored, 'b', { at, text: 'B' }).items).toEqual(['a', 'b']);
		expect(withoutTicks(stored, ['a']).items).toEqual(['a', 'b']);
		expect([
			sameItems(stored, ['a', 'b']),
			sameItems(stored, ['b', 'a']),
			sameItems(emptyChecklist(), []),
		]).toEqual([true, false, false]);
		expect(withItems(stored, ['c']).items).toEqual(['c']);
	});

	test('is dropped, not fatal, when it is not a list of ids', () => {
		expect(decodeChecklist({ version: CHECKLIST_VERSION, ticks: {}, items: [1] })).toEqual(
			emptyChecklist()
		);
	});
});

describe('changes', () => {
	test('ticking and unticking leave the input untouched', () => {
		const empty = emptyChecklist();
		const ticked = withTick(empty, 'a', { at, text: 'A' });
		expect(empty.ticks).toEqual({});
		expect(ticked.ticks).toEqual({ a: { at, text: 'A' } });
		expect(withTick(ticked, 'a', undefined).ticks).toEqual({});
	});

	test('a reset clears only the listed items and keeps ticks of removed items', () => {
		let record = withTick(emptyChecklist(), 'a', { at, text: 'A' });
		record = withTick(record, 'gone', { at, text: 'Gone' });
		const reset = withoutTicks(record, ['a', 'b']);
		expect(reset.ticks).toEqual({ gone: { at, text: 'Gone' } });
		expect(orphanedTicks(record, ['a', 'b'])).toEqual([['gone', { at, text: 'Gone' }]]);
	});
});

test('keys are scoped by incident and document, and no id reaches another scope', () => {
	const doc = 'servio/scenarios/x';
	expect(checklistKey(null, doc)).toBe('responder:checklist:v3:default:servio%2Fscenarios%2Fx');
	expect(checklistKey('INC-1', doc)).toBe(
		'responder:checklist:v3:incident:INC-1:servio%2Fscenarios%2Fx'
	);
	expect(tickKey(checklistKey('INC-1', doc), 'a:b')).toBe(
		'responder:checklist:v3:incident:INC-1:servio%2Fscenarios%2Fx:item:a%3Ab'
	);
	// `INC-1:x` cannot produce a key under `INC-1`, and `default` is not the pre-incident scope.
	expect(checklistKey('INC-1:x', doc).startsWith(scopePrefix('INC-1'))).toBe(false);
	expect(checklistKey('default', doc)).not.toBe(checklistKey(null, doc));
	expect(legacyChecklistKey('default', doc)).toBeUndefined();
	// An id spelling a version 3 key cannot move another incident's list from it.
	expect(legacyChecklistKey('v3:incident:INC-1', doc)).toBeUndefined();
	expect(legacyChecklistKey(null, doc)).toBe('responder:checklist:default:servio/scenarios/x');
	// A scope's keys read back as its lists and ticks, and nothing else does.
	expect(parseScopedKey('INC-1', tickKey(checklistKey('INC-1', doc), 'a:b'))).toEqual({
		document: doc,
		item: 'a:b',
	});
	expect(parseScopedKey('INC-1', checklistKey('INC-1', doc))).toEqual({ document: doc });
	expect(parseScopedKey(null, checklistKey(null, doc))).toEqual({ document: doc });
	expect(parseScopedKey('INC-1', `${checklistKey('INC-1', doc)}:corrupt:1`)).toBeUndefined();
	expect(parseScopedKey('INC-1', `${tickKey(checklistKey('INC-1', doc), 'a')}:x`)).toBeUndefined();
	expect(parseScopedKey('INC-1', checklistKey('INC-1:x', doc))).toBeUndefined();
	expect(parseScopedKey('INC-1', `${scopePrefix('INC-1')}%E0%A4%A`)).toBeUndefined();
	const list = checklistKey('INC-1', doc);
	expect(tickItem(list, tickKey(list, 'a:b'))).toBe('a:b');
	expect(tickItem(list, `${tickKey(list, 'a')}:corrupt:1`)).toBeUndefined();
	expect(tickItem(list, `${list}:item:%E0%A4%A`)).toBeUndefined();
	expect(tickItem(list, `${list}:item:`)).toBeUndefined();
	expect(tickItem(checklistKey('INC-2', doc), tickKey(list, 'a'))).toBeUndefined();
});

test('reads a stored tick and a version 3 list value, nothing else', () => {
	expect(decodeTick({ at, text: 'A' })).toEqual({ at, text: 'A' });
	expect(decodeTick({ at: 'soon', text: 'A' })).toBeUndefined();
	expect(decodeListValue({ version: 3, items: ['a'] })).toEqual({ items: ['a'] });
	expect(decodeListValue({ version: 99, items: ['a'] })).toBeUndefined();
	expect(decodeListValue({ version: 3, items: [1] })).toBeUndefined();
});

test('tick times show in UTC', () => {
	expect(tickTimeUtc(at)).toBe('04:52 UTC');
	expect(tickTimeUtc('2026-11-22T06:10:00+02:00')).toBe('04:10 UTC');
});
