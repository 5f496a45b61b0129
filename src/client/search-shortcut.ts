/**
 * Starlight's search, finished: Pagefind's input gets an `aria-label` (it is named only by its
 * `title`, axe `label-title-only`), and `/` opens the search as on many docs sites (Starlight only
 * has Ctrl+K), unless the responder is typing in a field; and Pagefind's form is built even when the
 * browser gives the page no idle time. Markup: overrides/Search.astro.
 */

// Starlight builds Pagefind's form in an idle callback with no timeout, read at DOMContentLoaded
// (this module runs before it). Once its dialog is open (`/` or Ctrl+K pressed while the page loads
// on a busy machine), Chromium can give the page no idle time at all, and the dialog stays without
// a search box: measured 11 of 15 loads with three pages loading at once, none with this default.
// Idle callbacks without a timeout get one.
const idle = window.requestIdleCallback?.bind(window);
if (idle)
	window.requestIdleCallback = (callback, options) => idle(callback, { timeout: 2000, ...options });

// Pagefind builds its form once the page is idle; label the input as soon as it exists.
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
