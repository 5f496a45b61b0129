import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { loadValues, saveValues } from '../../src/client/value-storage.ts';
import { valuesKey } from '../../src/incident/template-values.ts';
import { checklistKey } from '../../src/lib/checklist-store.ts';
import { HOSTILE_STRINGS } from '../fixtures/hostile-strings.ts';

/** A localStorage stand-in: values are own properties, so `Object.keys` lists keys as in a browser. */
let full = false;
class MemoryStorage {
	getItem(key: string): string | null {
		return Object.hasOwn(this, key) ? (this as unknown as Record<string, string>)[key]! : null;
	}
	setItem(key: string, value: string) {
		if (full) throw new DOMException('Storage is full.', 'QuotaExceededError');
		Object.defineProperty(this, key, {
			value: String(value),
			enumerable: true,
			configurable: true,
			writable: true,
		});
	}
	removeItem(key: string) {
		delete (this as unknown as Record<string, string>)[key];
	}
}

let storage: MemoryStorage;
beforeEach(() => {
	full = false;
	storage = new MemoryStorage();
	(globalThis as { localStorage?: unknown }).localStorage = storage;
});
afterEach(() => {
	delete (globalThis as { localStorage?: unknown }).localStorage;
});

const stored = (values: Record<string, string>) => JSON.stringify({ version: 1, values });
const keys = () => Object.keys(storage).sort();

describe('template value keys', () => {
	test('use the incident scope shared with checklist ticks', () => {
		expect(valuesKey(null)).toBe('responder:template-values:v2:default');
		expect(valuesKey('INC-1:x')).toBe('responder:template-values:v2:incident:INC-1%3Ax');
		expect(
			checklistKey('INC-1:x', 'd').startsWith('responder:checklist:v3:incident:INC-1%3Ax:')
		).toBe(true);
	});

	test('never collide: no two incidents, and no incident with the no-incident scope', () => {
		const ids = [
			...HOSTILE_STRINGS,
			'default',
			'__proto__',
			'constructor',
			'INC-1',
			'INC-1:x',
			'v2:default',
			'incident:INC-1',
			'',
		];
		const scopes = [null, ...new Set(ids)];
		expect(new Set(scopes.map(valuesKey)).size).toBe(scopes.length);
	});

	test('an incident named `default` or `__proto__` does not see the values typed before any incident', () => {
		saveValues(null, { impact: 'before' });
		expect(loadValues('default')).toEqual({ status: 'empty' });
		expect(loadValues('__proto__')).toEqual({ status: 'empty' });
		expect(loadValues(null)).toMatchObject({ status: 'ok', value: { impact: 'before' } });
	});
});

describe('values stored under the first layout', () => {
	test('move to the scoped key on first read, old key removed', () => {
		storage.setItem('responder:template-values:default', stored({ impact: 'slow' }));
		storage.setItem('responder:template-values:INC-1', stored({ commander: 'Dana' }));
		expect(loadValues(null)).toMatchObject({ status: 'ok', value: { impact: 'slow' } });
		expect(loadValues('INC-1')).toMatchObject({ status: 'ok', value: { commander: 'Dana' } });
		expect(keys()).toEqual([
			'responder:template-values:v2:default',
			'responder:template-values:v2:incident:INC-1',
		]);
		expect(loadValues('INC-1')).toMatchObject({ status: 'ok', value: { commander: 'Dana' } });
	});

	test('under `default` stay with the no-incident scope, not an incident named `default`', () => {
		storage.setItem('responder:template-values:default', stored({ impact: 'slow' }));
		expect(loadValues('default')).toEqual({ status: 'empty' });
		expect(loadValues(null)).toMatchObject({ status: 'ok', value: { impact: 'slow' } });
	});

	test('are not taken from a scoped key by an id that spells one', () => {
		saveValues('INC-1', { commander: 'Dana' });
		expect(loadValues('v2:incident:INC-1')).toEqual({ status: 'empty' });
		expect(loadValues('INC-1')).toMatchObject({ status: 'ok', value: { commander: 'Dana' } });
	});

	test('lose to values already under the scoped key', () => {
		storage.setItem('responder:template-values:INC-1', stored({ commander: 'old' }));
		saveValues('INC-1', { commander: 'new' });
		expect(loadValues('INC-1')).toMatchObject({ status: 'ok', value: { commander: 'new' } });
	});

	test('that are unreadable are set aside, not lost', () => {
		storage.setItem('responder:template-values:INC-1', '{"version":1,"values":');
		const result = loadValues('INC-1');
		expect(result.status).toBe('corrupt');
		expect(keys()).toEqual([
			expect.stringMatching(/^responder:template-values:INC-1:corrupt:\d+$/),
		]);
	});

	test('stay where they are when storage refuses the write', () => {
		storage.setItem('responder:template-values:INC-1', stored({ commander: 'Dana' }));
		full = true;
		expect(loadValues('INC-1')).toMatchObject({ status: 'ok', value: { commander: 'Dana' } });
		expect(keys()).toEqual(['responder:template-values:INC-1']);
	});
});
