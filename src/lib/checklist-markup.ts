/**
 * The one markup every checklist renders with (task lists in MDX bodies, checklist entries,
 * severity actions), built as hast so the Markdown plugin and the Astro component cannot drift.
 * Without JavaScript it is a readable list of disabled, labelled checkboxes; `rb-checklist`
 * enables them and adds progress, reset and "next unticked step".
 */
import type { Element, ElementContent } from 'hast';

export interface ChecklistItemMarkup {
	id: string;
	/** The item's text as phrasing content (becomes the checkbox's label). */
	label: ElementContent[];
	/** What follows the text inside the item: details, nested lists. */
	rest?: ElementContent[];
}

/** The class of a wrapper that keeps an ordered list in a scenario a plain list, not steps. */
export const NOT_STEPS_CLASS = 'not-steps';

/** A hast element; text inside is always given as text nodes, never as HTML. */
export const element = (
	tagName: string,
	properties: Element['properties'],
	children: ElementContent[] = []
): Element => ({
	type: 'element',
	tagName,
	properties,
	children,
});

/** One list item: a native checkbox inside its label, then the item's other content. */
export function checklistItem(item: ChecklistItemMarkup): Element {
	const box = element('input', {
		type: 'checkbox',
		className: ['rb-checklist__box'],
		disabled: true,
	});
	const text = element('span', { className: ['rb-checklist__text'] }, item.label);
	const label = element('label', { className: ['rb-checklist__label'] }, [
		box,
		{ type: 'text', value: ' ' },
		text,
	]);
	return element('li', { className: ['rb-checklist__item'], dataItem: item.id }, [
		label,
		...(item.rest ?? []),
	]);
}

/**
 * A list of items; plain elements (non-task items of a mixed Markdown list) stay as they are. An
 * ordered list keeps the number its author started it at.
 */
export function checklistList(
	ordered: boolean,
	items: (ChecklistItemMarkup | Element)[],
	start?: number
): Element {
	const children = items.map((item) => ('type' in item ? item : checklistItem(item)));
	return element(
		ordered ? 'ol' : 'ul',
		{ className: ['rb-checklist__list'], ...(ordered && start ? { start } : {}) },
		children
	);
}

/** How many items a list owns: items of nested checklists (their own `rb-checklist`) not counted. */
function countItems(nodes: ElementContent[]): number {
	let count = 0;
	for (const node of nodes) {
		if (node.type !== 'element' || node.tagName === 'rb-checklist') continue;
		if (node.properties?.dataItem !== undefined) count++;
		count += countItems(node.children);
	}
	return count;
}

/**
 * The element wrapping one checklist; `document` names where its ticks are stored. Its toolbar
 * (progress, "Next unticked step", Reset) is in the HTML, so upgrading moves nothing: the buttons
 * stay disabled until `rb-checklist` enables them, and the bar is not shown without JavaScript.
 */
export function checklistRoot(document: string, children: ElementContent[]): Element {
	const total = countItems(children);
	const toolButton = (text: string, action: string) =>
		element('button', { type: 'button', disabled: true, dataAction: action }, [
			{ type: 'text', value: text },
		]);
	const bar = element('div', { className: ['rb-checklist__bar'], dataPagefindIgnore: '' }, [
		element('p', { className: ['rb-checklist__progress'], ariaLive: 'polite' }, [
			{ type: 'text', value: `0 of ${total} done` },
		]),
		toolButton('Next unticked step', 'next'),
		toolButton('Reset', 'reset'),
	]);
	const notice = element('p', {
		className: ['rb-checklist__notice'],
		role: 'status',
		hidden: true,
	});
	return element('rb-checklist', { className: ['rb-checklist'], dataChecklist: document }, [
		bar,
		notice,
		...children,
	]);
}
