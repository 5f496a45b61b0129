/**
 * What a `<rb-checklist>` (checklist-element.ts) loads on first need: reset, "next unticked step"
 * and the words of its notices. Ticking is the element's own, so a tick is stored the moment it is
 * made.
 */
import type { ChecklistElement } from './checklist-element.ts';
import { recordTimeline } from './incident-follow.ts';

const NOT_SAVED = 'Ticks stay while this page is open; note them elsewhere if you need them later.';
/** What a list says, by notice; each a function, so the list can call any of them alike. */
export const NOTICES = {
	unavailable: () =>
		`Progress is not being saved: this browser does not allow storage here. ${NOT_SAVED}`,
	full: () => `Progress is not being saved: browser storage is full. ${NOT_SAVED}`,
	movedAside: (key: string) =>
		`The saved progress for this checklist could not be read; it was kept under “${key}”. New ticks are saved.`,
	cleared: (ticks: number, saved: boolean) =>
		`Browser storage was cleared in another tab or window. This page kept its ${ticks === 1 ? 'tick' : `${ticks} ticks`} and this incident${saved ? ' and saved them again' : `; they could not be saved again. ${NOT_SAVED}`}.`,
};

export function focusNext(list: ChecklistElement) {
	list.items
		.map((item) => item.querySelector<HTMLInputElement>('.rb-checklist__box'))
		.find((box) => box && !box.checked)
		?.focus();
}

export function confirmReset(list: ChecklistElement) {
	// The boxes show the stored ticks.
	const ids = list.items
		.filter((item) => item.querySelector<HTMLInputElement>('.rb-checklist__box')?.checked)
		.map((item) => item.dataset.item!);
	if (ids.length === 0) return;
	const steps = ids.length === 1 ? '1 ticked step' : `${ids.length} ticked steps`;
	if (!confirm(`Untick ${steps} in this checklist? Their tick times are cleared.`)) return;
	list.update(ids, undefined);
	recordTimeline({ type: 'checklist-reset', checklist: list.document, count: ids.length });
}
