/**
 * The browser side of the incident store: reads `responder:incidents` (checked by the guard in
 * `incident-context.ts`), applies one pure operation from `incident/store.ts` or
 * `incident/edits.ts` to the freshest copy and writes it back, so two tabs never undo each
 * other's changes. Two tabs writing at once can still overwrite each other (each tab reads a
 * copy of storage that lags the other's writes), so every read merges this tab's copy into the
 * stored one (`mergeStores`: timelines are joined by entry id, deleted ids stay deleted) and saves
 * the merge again when this tab held entries storage lacked; another tab's write is merged the
 * same way when its `storage` event arrives. When storage fails the store lives in memory and
 * `storageNotice()` says so; unreadable data is moved aside by `readJson`, never deleted.
 */
import {
	ACTIVE_INCIDENT_EVENT,
	INCIDENTS_KEY,
	movedAsideKey,
	readStore,
	TIMELINE_EVENT,
} from './incident-context.ts';
import { onStorageChange, writeJson } from './safe-storage.ts';
import { EVENT_TYPES, type IncidentStore, type RecordedEvent } from '../incident/model.ts';
import { emptyStore, mergeStores, recordEvent } from '../incident/store.ts';

/** Fired on `window` after this tab changed the store. */
const CHANGED_EVENT = 'responder:incidents-changed';

let memory: IncidentStore = emptyStore();
let notice: string | null = null;

let watching = false;

/** Another tab cleared storage: this page still holds the incidents, so it saves them again. */
function watchStorage(): void {
	if (watching) return;
	watching = true;
	onStorageChange(INCIDENTS_KEY, (changed) => {
		// Another tab wrote: merge its value with ours, saving again what it lacked.
		if (changed !== null) {
			loadStore();
			return;
		}
		if (Object.keys(memory.incidents).length === 0) return;
		notice = writeJson(INCIDENTS_KEY, memory)
			? 'Browser storage was cleared in another tab or window. This page kept its incidents and saved them again.'
			: 'Browser storage was cleared in another tab or window, and this page could not save its incidents again. They last while this tab is open: export them as JSON to keep them.';
		globalThis.dispatchEvent(new CustomEvent(CHANGED_EVENT));
	});
}

/** The current store: storage when it can be read, else the copy kept in memory. */
export function loadStore(): IncidentStore {
	watchStorage();
	const result = readStore();
	if (result.status === 'ok') {
		memory = mergeStores(result.value, memory);
		if (memory !== result.value) writeJson(INCIDENTS_KEY, memory);
	}
	if (movedAsideKey()) {
		notice = `Saved incidents could not be read, so Responder started a new list. The unreadable data is kept in this browser's storage under \`${movedAsideKey()}\`.`;
	} else if (result.status === 'unavailable') {
		notice =
			'This browser is not saving incidents (storage is blocked or unavailable). They last while this tab is open: export them as JSON to keep them.';
	}
	return memory;
}

/** A sentence about storage trouble to show the responder, or `null` when all is saved. */
export const storageNotice = (): string | null => notice;

/** Applies `operation` to the freshest store, saves it and tells listeners in this tab. */
export function mutate(operation: (store: IncidentStore) => IncidentStore): IncidentStore {
	const before = loadStore();
	const after = operation(before);
	if (after === before) return before;
	memory = after;
	if (!writeJson(INCIDENTS_KEY, after)) {
		notice =
			'This browser refused to save the incident (storage is full or blocked). Changes last while this tab is open: export the incident as JSON to keep it.';
	}
	globalThis.dispatchEvent(new CustomEvent(CHANGED_EVENT));
	if (before.activeId !== after.activeId)
		globalThis.dispatchEvent(new CustomEvent(ACTIVE_INCIDENT_EVENT));
	return after;
}

/** Calls `listener` whenever the store may have changed, in this tab or another. */
export function onStoreChange(listener: () => void): () => void {
	globalThis.addEventListener(CHANGED_EVENT, listener);
	const stop = onStorageChange(INCIDENTS_KEY, listener);
	return () => {
		globalThis.removeEventListener(CHANGED_EVENT, listener);
		stop();
	};
}

let listening = false;

/** Records every `responder:timeline` event of this page on the active incident (once per page). */
export function recordTimelineEvents(): void {
	if (listening) return;
	listening = true;
	globalThis.addEventListener(TIMELINE_EVENT, (event) => {
		const detail = (event as CustomEvent<RecordedEvent>).detail;
		if (!detail || !EVENT_TYPES.includes(detail.type)) return;
		mutate((store) => recordEvent(store, detail, new Date()));
	});
}
