/**
 * `<rb-checklist>`: makes the server-rendered checklist markup (src/lib/checklist-markup.ts)
 * executable. Ticks are stored per incident scope and document, carry their time, stay in step
 * across tabs and are sent to the incident timeline. When storage fails the list keeps working in
 * memory and says so.
 */
import {
	checklistKey,
	decodeChecklist,
	emptyChecklist,
	tickTimeUtc,
	sameItems,
	withItems,
	withoutTicks,
	withTick,
	type ChecklistRecord,
} from '../lib/checklist-store.ts';
import { incidentScope, onActiveIncidentChange, recordTimeline } from './incident-context.ts';
import { onStorageChange, readJson, writeJson } from './safe-storage.ts';

const NOT_SAVED = 'Ticks stay while this page is open; note them elsewhere if you need them later.';
const NOTICES = {
	unavailable: `Progress is not being saved: this browser does not allow storage here. ${NOT_SAVED}`,
	full: `Progress is not being saved: browser storage is full. ${NOT_SAVED}`,
	corrupt: `Progress is not being saved: the saved progress could not be read. ${NOT_SAVED}`,
	movedAside: (key: string) =>
		`The saved progress for this checklist could not be read; it was kept under “${key}”. New ticks are saved.`,
};

/** Ticks held for lists whose storage failed, by storage key, shared by the lists of a page. */
const memory = new Map<string, ChecklistRecord>();

export class ChecklistElement extends HTMLElement {
	#key = '';
	#record: ChecklistRecord = emptyChecklist();
	#saving = true;
	#progress: HTMLParagraphElement | undefined;
	#notice: HTMLParagraphElement | undefined;
	#next: HTMLButtonElement | undefined;
	#reset: HTMLButtonElement | undefined;
	#stopIncident: (() => void) | undefined;
	#stopStorage: (() => void) | undefined;

	connectedCallback() {
		if (!this.#progress) this.#upgrade();
		this.#stopIncident = onActiveIncidentChange(() => this.#load());
		this.#load();
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
	get #items(): HTMLLIElement[] {
		return [...this.querySelectorAll<HTMLLIElement>('li[data-item]')].filter(
			(item) => item.closest('rb-checklist') === this
		);
	}

	#upgrade() {
		const bar = document.createElement('div');
		bar.className = 'rb-checklist__bar';
		this.#progress = document.createElement('p');
		this.#progress.className = 'rb-checklist__progress';
		this.#progress.setAttribute('aria-live', 'polite');
		this.#next = button('Next unticked step', () => this.#focusNext());
		this.#reset = button('Reset', () => this.#confirmReset());
		bar.append(this.#progress, this.#next, this.#reset);
		this.#notice = document.createElement('p');
		this.#notice.className = 'rb-checklist__notice';
		this.#notice.setAttribute('role', 'status');
		this.prepend(bar, this.#notice);
		this.addEventListener('change', (event) => this.#onChange(event));
		for (const item of this.#items) {
			const box = item.querySelector<HTMLInputElement>('.rb-checklist__box');
			if (box) box.disabled = false;
		}
	}

	/** Reads the ticks of the current scope; called on start and when the active incident changes. */
	#load() {
		this.#key = checklistKey(incidentScope(), this.dataset.checklist ?? 'document');
		this.#stopStorage?.();
		this.#stopStorage = onStorageChange(this.#key, () => this.#refresh());
		const result = readJson(this.#key, decodeChecklist);
		this.#saving =
			result.status === 'ok' ||
			result.status === 'empty' ||
			(result.status === 'corrupt' && result.movedTo !== undefined);
		if (result.status === 'ok') this.#record = result.value;
		else if (result.status === 'unavailable')
			this.#record = memory.get(this.#key) ?? emptyChecklist();
		else this.#record = emptyChecklist();
		// Remember the list as shown now, so the export can tell ticks of items that left it.
		const ids = this.#documentItemIds();
		if (
			result.status === 'ok' &&
			Object.keys(this.#record.ticks).length > 0 &&
			!sameItems(this.#record, ids)
		) {
			this.#record = withItems(this.#record, ids);
			writeJson(this.#key, this.#record);
		}
		this.#say(
			result.status === 'unavailable'
				? NOTICES.unavailable
				: result.status === 'corrupt'
					? result.movedTo
						? NOTICES.movedAside(result.movedTo)
						: NOTICES.corrupt
					: ''
		);
		this.#render();
	}

	/** Another tab changed this list's ticks. */
	#refresh() {
		if (!this.#saving) return;
		const result = readJson(this.#key, decodeChecklist);
		if (result.status === 'ok') this.#record = result.value;
		else if (result.status === 'empty') this.#record = emptyChecklist();
		else return this.#load();
		this.#render();
	}

	/** Applies a change on top of what is stored now (another tab may have ticked meanwhile). */
	#update(change: (record: ChecklistRecord) => ChecklistRecord) {
		let base = this.#record;
		if (this.#saving) {
			const stored = readJson(this.#key, decodeChecklist);
			if (stored.status === 'ok') base = stored.value;
			else if (stored.status === 'empty') base = emptyChecklist();
		}
		this.#record = withItems(change(base), this.#documentItemIds());
		memory.set(this.#key, this.#record);
		if (this.#saving && !writeJson(this.#key, this.#record)) {
			// What is stored stays as it was; from now on this page keeps ticks in memory.
			this.#saving = false;
			this.#say(NOTICES.full);
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
		this.#update((record) => withTick(record, item.dataset.item!, tick));
		recordTimeline({
			type: box.checked ? 'step-ticked' : 'step-unticked',
			checklist: this.dataset.checklist ?? 'document',
			item: item.dataset.item,
			text,
		});
	}

	#focusNext() {
		this.#items
			.map((item) => item.querySelector<HTMLInputElement>('.rb-checklist__box'))
			.find((box) => box && !box.checked)
			?.focus();
	}

	#confirmReset() {
		const ids = this.#items
			.map((item) => item.dataset.item!)
			.filter((id) => this.#record.ticks[id]);
		if (ids.length === 0) return;
		const steps = ids.length === 1 ? '1 ticked step' : `${ids.length} ticked steps`;
		if (!confirm(`Untick ${steps} in this checklist? Their tick times are cleared.`)) return;
		this.#update((record) => withoutTicks(record, ids));
		recordTimeline({
			type: 'checklist-reset',
			checklist: this.dataset.checklist ?? 'document',
			count: ids.length,
		});
	}

	#say(text: string) {
		if (!this.#notice) return;
		this.#notice.textContent = text;
		this.#notice.hidden = text === '';
	}

	#render() {
		const items = this.#items;
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
		if (this.#progress && this.#progress.textContent !== progress)
			this.#progress.textContent = progress;
		if (this.#next) this.#next.disabled = done === items.length;
		if (this.#reset) this.#reset.disabled = done === 0;
	}
}

function button(text: string, onClick: () => void): HTMLButtonElement {
	const element = document.createElement('button');
	element.type = 'button';
	element.textContent = text;
	element.addEventListener('click', onClick);
	return element;
}

const textOf = (item: HTMLLIElement): string =>
	item.querySelector('.rb-checklist__text')?.textContent?.trim() ?? '';

declare global {
	interface HTMLElementTagNameMap {
		'rb-checklist': ChecklistElement;
	}
}

if (!customElements.get('rb-checklist')) customElements.define('rb-checklist', ChecklistElement);
