/**
 * `<rb-checklist>`: makes the server-rendered checklist markup (src/lib/checklist-markup.ts)
 * executable. Ticks are stored per incident scope, document and item (one key per tick, so two
 * tabs never overwrite each other's), carry their time, stay in step across tabs and are sent to
 * the incident timeline. When storage fails the list keeps working in memory and says so; when
 * another tab clears storage, the page keeps its ticks and its incident and saves them again.
 *
 * A tick is stored the moment it is made. Reset, "next unticked step" and the words of the notices
 * load on first need (`checklist-actions.ts`).
 */
import {
	CHECKLIST_KEY_PREFIX,
	checklistKey,
	emptyChecklist,
	tickTimeUtc,
	sameItems,
	withItems,
	withTick,
	type ChecklistRecord,
	type Tick,
} from '../lib/checklist-store.ts';
import {
	loadChecklist,
	saveItems,
	saveList,
	saveTick,
	type LoadResult,
} from './checklist-storage.ts';
import { onActiveIncidentChange, recordTimeline } from './incident-follow.ts';
import { incidentsStored } from './incident-keys.ts';
import { onStorageChange } from './safe-storage.ts';

type Actions = typeof import('./checklist-actions.ts');
type Notices = Actions['NOTICES'];

/** A module the lists load only when needed, once for the page; callers wait for it in order. */
function whenNeeded<T>(load: () => Promise<T>) {
	let module: T | undefined;
	let loading: Promise<T> | undefined;
	return {
		get: () => module,
		/** Calls `then` once loaded; on failure `failed`, and the next call tries again. */
		load(then: () => void, failed?: () => void) {
			loading ??= load();
			loading.then(
				(loaded) => {
					module = loaded;
					then();
				},
				() => {
					loading = undefined;
					failed?.();
				}
			);
		},
	};
}
// Until these two have loaded the boxes stay disabled; when one fails to load they stay so
// (rather than tick into the wrong scope or over old ticks), and the next load tries again.
/** The incident model, to tell whose ticks to show: needed once this browser holds incidents. */
const context = whenNeeded(() => import('./incident-context.ts'));
/** The move of version 1/2 values: needed once a list is found stored that way. */
const migration = whenNeeded(() => import('./checklist-migration.ts'));
/** Reset, "next unticked step" and the notices' words: needed on the first of them. */
const actions = whenNeeded(() => import('./checklist-actions.ts'));

/** Ticks held for lists whose storage failed, by storage key, shared by the lists of a page. */
const memory = new Map<string, ChecklistRecord>();

export class ChecklistElement extends HTMLElement {
	#key = '';
	/** The incident whose ticks the list shows; `null` before any incident. */
	#incident: string | null = null;
	/** Set while storage is being cleared elsewhere: the active incident did not really change. */
	#clearing = false;
	#record: ChecklistRecord = emptyChecklist();
	#saving = true;
	// The toolbar's parts, taken on the first connection (`#upgrade`), before anything uses them.
	#progress: HTMLParagraphElement | undefined;
	#notice!: HTMLParagraphElement;
	#next!: HTMLButtonElement;
	#reset!: HTMLButtonElement;
	#stopIncident: (() => void) | undefined;
	#stopStorage: (() => void) | undefined;
	/** Counts loads, so a load that waited for a module never overrides a later one. */
	#loads = 0;
	/** Counts notices, so one that waited for its words never replaces a later one. */
	#notices = 0;

	connectedCallback() {
		if (!this.#progress) this.#upgrade();
		// Before the incident listener: a clear also reads as "no active incident" there.
		this.#stopStorage = onStorageChange(
			CHECKLIST_KEY_PREFIX,
			(changed) => {
				if (changed === null) this.#onCleared();
				else if (changed.startsWith(this.#key)) this.#refresh();
			},
			true
		);
		this.#stopIncident = onActiveIncidentChange(() => {
			if (this.#clearing) this.#clearing = false;
			else this.#load();
		});
		this.#load();
	}

	get document(): string {
		return this.dataset.checklist ?? 'document';
	}

	disconnectedCallback() {
		this.#stopIncident?.();
		this.#stopStorage?.();
	}

	/** Item ids of every list of this document on the page: one storage value holds them all. */
	#documentItemIds(): string[] {
		const lists = document.querySelectorAll<HTMLElement>('rb-checklist');
		return [...lists]
			.filter((list) => list.dataset.checklist === this.dataset.checklist)
			.flatMap((list) =>
				[...list.querySelectorAll<HTMLLIElement>('li[data-item]')].map((item) => item.dataset.item!)
			);
	}

	/** The items this list owns (nested task lists included), in document order. */
	get items(): HTMLLIElement[] {
		return [...this.querySelectorAll<HTMLLIElement>('li[data-item]')].filter(
			(item) => item.closest('rb-checklist') === this
		);
	}

	/** Takes the toolbar the HTML holds (src/lib/checklist-markup.ts), so upgrading moves nothing. */
	#upgrade() {
		this.#progress = this.querySelector<HTMLParagraphElement>('.rb-checklist__progress')!;
		this.#next = this.querySelector<HTMLButtonElement>('button[data-action="next"]')!;
		this.#reset = this.querySelector<HTMLButtonElement>('button[data-action="reset"]')!;
		this.#notice = this.querySelector<HTMLParagraphElement>(':scope > .rb-checklist__notice')!;
		this.#next.addEventListener('click', () => this.#act((loaded) => loaded.focusNext(this)));
		this.#reset.addEventListener('click', () => this.#act((loaded) => loaded.confirmReset(this)));
		this.addEventListener('change', (event) => this.#onChange(event));
	}

	/** Runs `run` with the actions, loading them first if need be; says so if they cannot load. */
	#act(run: (loaded: Actions) => void) {
		const loaded = actions.get();
		if (loaded) return run(loaded);
		actions.load(
			() => run(actions.get()!),
			() => this.#text('Part of this page did not load: reload it.')
		);
	}

	/**
	 * Reads the ticks of the current scope; called on start and when the active incident changes.
	 * The boxes stay disabled (as the HTML has them) until the first load has shown the stored ticks.
	 */
	#load() {
		const load = ++this.#loads;
		const again = () => load === this.#loads && this.isConnected && this.#load();
		if (!context.get() && incidentsStored()) return context.load(again);
		const incident = context.get()?.activeIncident()?.id ?? null;
		let result = loadChecklist(incident, this.document);
		if (result.status === 'old') {
			const moved = migration.get();
			if (!moved) return migration.load(again);
			result = moved.loadMigrated(incident, this.document);
		}
		this.#show(incident, result);
	}

	/** Shows the ticks `incident` holds for this list (`null`: before any incident) and enables it. */
	#show(incident: string | null, result: Exclude<LoadResult, { status: 'old' }>) {
		this.#incident = incident;
		this.#key = checklistKey(this.#incident, this.document);
		this.#saving = result.status === 'ok';
		this.#record =
			result.status === 'ok' ? result.record : (memory.get(this.#key) ?? emptyChecklist());
		// Remember the list as shown now, so the export can tell ticks of items that left it.
		const ids = this.#documentItemIds();
		if (
			result.status === 'ok' &&
			Object.keys(this.#record.ticks).length > 0 &&
			!sameItems(this.#record, ids)
		) {
			this.#record = withItems(this.#record, ids);
			saveItems(this.#incident, this.document, this.#record);
		}
		if (result.status === 'unavailable') this.#say('unavailable');
		else if (result.movedTo) this.#say('movedAside', result.movedTo);
		else this.#say();
		this.#render();
		for (const item of this.items) {
			const box = item.querySelector<HTMLInputElement>('.rb-checklist__box');
			if (box) box.disabled = false;
		}
	}

	/** Another tab ticked, unticked or reset something; only this list's keys matter. */
	#refresh() {
		if (!this.#saving) return;
		const result = loadChecklist(this.#incident, this.document);
		if (result.status !== 'ok') return this.#load();
		this.#record = result.record;
		this.#render();
	}

	/**
	 * Another tab cleared storage (`localStorage.clear()`, "clear site data"). The incident is still
	 * being worked: keep its scope and ticks, write them back, and say what happened.
	 */
	#onCleared() {
		this.#clearing = true;
		const saved = this.#saving && saveList(this.#incident, this.document, this.#record);
		if (this.#saving && !saved) this.#saving = false;
		const ticks = Object.keys(this.#record.ticks).length;
		this.#say('cleared', ticks, saved);
		this.#render();
	}

	/** Sets or clears the ticks of `ids`: memory first, then one key per tick. */
	update(ids: string[], tick: Tick | undefined) {
		let record = this.#record;
		for (const id of ids) record = withTick(record, id, tick);
		const shown = this.#documentItemIds();
		const itemsChanged = !sameItems(record, shown);
		this.#record = withItems(record, shown);
		memory.set(this.#key, this.#record);
		if (this.#saving) {
			const saved = ids.every((id) => saveTick(this.#incident, this.document, id, tick));
			if (saved && itemsChanged) saveItems(this.#incident, this.document, this.#record);
			if (!saved) {
				// From now on this page keeps ticks in memory.
				this.#saving = false;
				this.#say('full');
			}
		}
		this.#render();
		// `npm run bench` measures from the click to here.
		performance.mark('rb:checklist:stored');
	}

	#onChange(event: Event) {
		const box = event.target;
		if (!(box instanceof HTMLInputElement) || !box.classList.contains('rb-checklist__box')) return;
		const item = box.closest<HTMLLIElement>('li[data-item]');
		if (!item?.dataset.item) return;
		const text = textOf(item);
		const tick = box.checked ? { at: new Date().toISOString(), text } : undefined;
		this.update([item.dataset.item], tick);
		recordTimeline({
			type: box.checked ? 'step-ticked' : 'step-unticked',
			checklist: this.document,
			item: item.dataset.item,
			text,
		});
	}

	/** Says a notice, whose words may first have to load; with none, clears it. */
	#say<K extends keyof Notices>(notice?: K, ...args: Parameters<Notices[K]>) {
		const said = ++this.#notices;
		if (!notice) return this.#text('');
		this.#act(({ NOTICES }) => {
			// A notice that waited for its words never replaces a later one.
			if (said === this.#notices)
				this.#text((NOTICES[notice] as (...a: unknown[]) => string)(...args));
		});
	}

	#text(text: string) {
		this.#notice.textContent = text;
		this.#notice.hidden = text === '';
	}

	#render() {
		const items = this.items;
		let done = 0;
		for (const item of items) {
			const box = item.querySelector<HTMLInputElement>('.rb-checklist__box');
			const tick = this.#record.ticks[item.dataset.item!];
			if (box) box.checked = tick !== undefined;
			if (tick) done++;
			let time = item.querySelector<HTMLTimeElement>(':scope > .rb-checklist__time');
			if (!tick) {
				time?.remove();
				continue;
			}
			if (!time) {
				time = document.createElement('time');
				time.className = 'rb-checklist__time';
				item.querySelector(':scope > .rb-checklist__label')?.after(time);
			}
			time.dateTime = tick.at;
			time.textContent = tickTimeUtc(tick.at);
			time.title = `Ticked ${new Date(tick.at).toLocaleString()} (your local time)`;
		}
		const progress = `${done} of ${items.length} done`;
		if (this.#progress!.textContent !== progress) this.#progress!.textContent = progress;
		this.#next.disabled = done === items.length;
		this.#reset.disabled = done === 0;
	}
}

const textOf = (item: HTMLLIElement): string =>
	item.querySelector('.rb-checklist__text')?.textContent?.trim() ?? '';

declare global {
	interface HTMLElementTagNameMap {
		'rb-checklist': ChecklistElement;
	}
}

if (!customElements.get('rb-checklist')) customElements.define('rb-checklist', ChecklistElement);
