/**
 * Starlight's search, finished: Pagefind's input gets an `aria-label` (it is named only by its
 * `title`, axe `label-title-only`), and `/` opens the search as on many docs sites (Starlight only
 * has Ctrl+K), unless the responder is typing in a field. Markup: overrides/Search.astro.
 */

// Pagefind builds its form when the dialog first opens; label the input as soon as it exists.
const container = document.getElementById('starlight__search');
if (container) {
	new MutationObserver((_records, observer) => {
		const input = container.querySelector<HTMLInputElement>('input.pagefind-ui__search-input');
		if (!input) return;
		input.setAttribute('aria-label', input.title || input.placeholder);
		observer.disconnect();
	}).observe(container, { childList: true, subtree: true });
}

const typing = (target: EventTarget | null) =>
	target instanceof HTMLElement &&
	(target.isContentEditable || target.matches('input, textarea, select, [role="textbox"]'));
window.addEventListener('keydown', (event) => {
	if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
	if (event.defaultPrevented || typing(event.target)) return;
	const open = document.querySelector<HTMLButtonElement>('button[data-open-modal]');
	if (!open || document.querySelector('dialog[open]')) return;
	event.preventDefault();
	open.click();
});
