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

function storage(): Storage | undefined {
	try {
		return globalThis.localStorage ?? undefined;
	} catch {
		return undefined;
	}
}

/** Reads and checks a JSON value; `parse` returns `undefined` for data it does not recognise. */
export function readJson<T>(key: string, parse: (raw: unknown) => T | undefined): ReadResult<T> {
	const store = storage();
	if (!store) return { status: 'unavailable' };
	let raw: string | null;
	try {
		raw = store.getItem(key);
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
		store.setItem(movedTo, raw);
		store.removeItem(key);
		return { status: 'corrupt', movedTo };
	} catch {
		return { status: 'corrupt' };
	}
}

/** Writes a JSON value; `false` when storage refused it (full, blocked or missing). */
export function writeJson(key: string, value: unknown): boolean {
	const store = storage();
	if (!store) return false;
	try {
		store.setItem(key, JSON.stringify(value));
		return true;
	} catch {
		return false;
	}
}

/** Removes a key; `false` when storage refused (blocked or missing). */
export function removeKey(key: string): boolean {
	const store = storage();
	if (!store) return false;
	try {
		store.removeItem(key);
		return true;
	} catch {
		return false;
	}
}

/** Whether `key` holds a value, without reading it as JSON; `false` when storage cannot be read. */
export function hasKey(key: string): boolean {
	try {
		return storage()?.getItem(key) != null;
	} catch {
		return false;
	}
}

/** Keys that start with `prefix`; none when storage cannot be read. */
export function keysWithPrefix(prefix: string): string[] {
	const store = storage();
	try {
		return store ? Object.keys(store).filter((key) => key.startsWith(prefix)) : [];
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
