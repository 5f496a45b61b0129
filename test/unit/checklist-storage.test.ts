import { afterEach, describe, expect, test, vi } from 'vitest';
import { loadChecklist } from '../../src/client/checklist-storage.ts';
import {
	hasKey,
	keysWithPrefix,
	readJson,
	removeKey,
	writeJson,
} from '../../src/client/safe-storage.ts';
import { legacyChecklistKey } from '../../src/lib/checklist-store.ts';

/**
 * localStorage as the browser shows it to `Object.keys` (each key an own property), counting how
 * often all keys are listed.
 */
function fakeStorage(entries: Record<string, string> = {}) {
	const data: Record<string, string> = { ...entries };
	const methods = {
		getItem: (key: string) => (Object.hasOwn(data, key) ? data[key]! : null),
		setItem: (key: string, value: string) => void (data[key] = String(value)),
		removeItem: (key: string) => void delete data[key],
	};
	const counts = { listed: 0 };
	const store = new Proxy(data, {
		get: (target, key) =>
			Object.hasOwn(methods, key) ? methods[key as keyof typeof methods] : target[key as string],
		ownKeys: (target) => {
			counts.listed++;
			return Reflect.ownKeys(target);
		},
	});
	vi.stubGlobal('localStorage', store);
	return counts;
}

afterEach(() => {
	vi.unstubAllGlobals();
});

describe('hasKey', () => {
	test('says whether a key holds a value, an empty one included, without listing keys', () => {
		const counts = fakeStorage({ a: '', b: 'not json' });
		expect([hasKey('a'), hasKey('b'), hasKey('c')]).toEqual([true, true, false]);
		expect(counts.listed).toBe(0);
	});

	test('is false when storage is missing or refuses access', () => {
		vi.stubGlobal('localStorage', undefined);
		expect(hasKey('a')).toBe(false);
		vi.stubGlobal('localStorage', {
			getItem: () => {
				throw new DOMException('blocked', 'SecurityError');
			},
		});
		expect(hasKey('a')).toBe(false);
	});
});

describe('storage that is missing or refuses access', () => {
	const refusing = {
		getItem: () => {
			throw new DOMException('blocked', 'SecurityError');
		},
		setItem: () => {
			throw new DOMException('full', 'QuotaExceededError');
		},
		removeItem: () => {
			throw new DOMException('blocked', 'SecurityError');
		},
	};

	test.each([
		['missing', undefined],
		['null', null],
		['refusing', refusing],
	])('%s storage never throws: every call says it did nothing', (_, storage) => {
		vi.stubGlobal('localStorage', storage);
		expect(readJson('a', (raw) => raw)).toEqual({ status: 'unavailable' });
		expect([writeJson('a', 1), removeKey('a'), hasKey('a')]).toEqual([false, false, false]);
		expect(keysWithPrefix('responder:')).toEqual([]);
	});

	test('storage whose very name throws (a blocked origin) never throws either', () => {
		const before = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
		Object.defineProperty(globalThis, 'localStorage', {
			configurable: true,
			get: () => {
				throw new DOMException('blocked', 'SecurityError');
			},
		});
		try {
			expect(readJson('a', (raw) => raw)).toEqual({ status: 'unavailable' });
			expect([writeJson('a', 1), removeKey('a'), hasKey('a')]).toEqual([false, false, false]);
			expect(keysWithPrefix('')).toEqual([]);
		} finally {
			if (before) Object.defineProperty(globalThis, 'localStorage', before);
			else delete (globalThis as { localStorage?: unknown }).localStorage;
		}
	});
});

describe('loadChecklist', () => {
	const document = 'servio/scenarios/x';

	test('finds a list stored the version 1/2 way with one listing of keys (its ticks)', () => {
		const legacy = legacyChecklistKey(null, document)!;
		const counts = fakeStorage({ [legacy]: JSON.stringify({ version: 1, ticked: {} }) });
		expect(loadChecklist(null, document)).toEqual({ status: 'old', key: legacy });
		expect(counts.listed).toBe(1);
	});

	test('loads an empty list when nothing is stored', () => {
		fakeStorage();
		expect(loadChecklist(null, document)).toEqual({
			status: 'ok',
			record: { version: 2, ticks: {} },
		});
	});
});
