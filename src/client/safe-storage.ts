/**
 * localStorage that never throws. Storage can be missing, refuse access (SecurityError), be full
 * (QuotaExceededError) or hold corrupted or foreign JSON; callers get a status to show a notice
 * and keep working in memory. Corrupted values are moved aside under another key, never deleted.
 */

export type ReadResult<T> =
	| { status: 'ok'; value: T }
	| { status: 'empty' }
	| { status: 'corrupt'; movedTo?: string }
	| { status: 'unavailable' };

/*
 * Every access to `localStorage` stands inside a `try`: where storage is missing the name throws
 * too (a ReferenceError or TypeError), so one `catch` covers missing, blocked and full storage.
 */

/** Reads and checks a JSON value; `parse` returns `undefined` for data it does not recognise. */
export function readJson<T>(key: string, parse: (raw: unknown) => T | undefined): ReadResult<T> {
	let raw: string | null;
	try {
		raw = localStorage.getItem(key);
	} catch {
		return { status: 'unavailable' };
	}
	if (raw === null) return { status: 'empty' };
	let value: T | undefined;
	try {
		value = parse(JSON.parse(raw));
	} catch {
		value = undefined;
	}
	if (value !== undefined) return { status: 'ok', value };
	const movedTo = `${key}:corrupt:${Date.now()}`;
	try {
		localStorage.setItem(movedTo, raw);
		localStorage.removeItem(key);
		return { status: 'corrupt', movedTo };
	} catch {
		return { status: 'corrupt' };
	}
}

/** Writes a JSON value; `false` when storage refused it (full, blocked or missing). */
export function writeJson(key: string, value: unknown): boolean {
	try {
		localStorage.setItem(key, JSON.stringify(value));
		return true;
	} catch {
		return false;
	}
}

/** Removes a key; `false` when storage refused (blocked or missing). */
export function removeKey(key: string): boolean {
	try {
		localStorage.removeItem(key);
		return true;
	} catch {
		return false;
	}
}

/** Whether `key` holds a value, without reading it as JSON; `false` when storage cannot be read. */
export function hasKey(key: string): boolean {
	try {
		return localStorage.getItem(key) !== null;
	} catch {
		return false;
	}
}

/** Keys that start with `prefix`; none when storage cannot be read. */
export function keysWithPrefix(prefix: string): string[] {
	try {
		return Object.keys(localStorage).filter((key) => key.startsWith(prefix));
	} catch {
		return [];
	}
}

/**
 * Calls `listener` with the changed key when another tab changes `key` (or a key starting with
 * `key` when `prefix`), or with `null` when another tab clears storage.
 */
export function onStorageChange(
	key: string,
	listener: (changed: string | null) => void,
	prefix = false
): () => void {
	const handler = (event: StorageEvent) => {
		if (event.key === null || event.key === key || (prefix && event.key.startsWith(key)))
			listener(event.key);
	};
	globalThis.addEventListener?.('storage', handler);
	return () => globalThis.removeEventListener?.('storage', handler);
}
