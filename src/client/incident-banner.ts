/**
 * `<rb-incident-banner>` on every page: the "Declare incident" control, prefilled on a scenario
 * page and from alert context in the URL fragment, the active incident (in
 * `incident-banner-view.ts`) and any storage trouble. It also records the page's
 * `responder:timeline` events on the active incident.
 *
 * This loads on every page, so it stays small: no zod, and the incident view, the declare dialog
 * and the alert reader load through `import()` only when needed (`page-weight.spec.ts` checks).
 */
import type { DeclarePrefill } from './declare-dialog.ts';
import type { IncidentView } from './incident-banner-view.ts';
import { h } from './dom.ts';
import {
	loadStore,
	onStoreChange,
	recordTimelineEvents,
	storageNotice,
} from './incident-store-client.ts';

class IncidentBanner extends HTMLElement {
	#view: IncidentView | undefined;
	#loading: Promise<void> | undefined;
	#timer: ReturnType<typeof setInterval> | undefined;
	#stop: (() => void) | undefined;
	#status = h('div', { class: 'rb-banner-body' });
	#notice = h('p', { class: 'rb-notice', role: 'status' });
	#alert = h('div', { class: 'rb-alert-context' });

	connectedCallback() {
		recordTimelineEvents();
		const declare = h(
			'button',
			{
				type: 'button',
				class: 'rb-declare-button',
				onclick: () => void this.#declare(this.#scenarioPrefill()),
			},
			'Declare incident'
		);
		// In the workspace the banner only shows the running incident: the page has its own
		// declare control, and a link to itself would be noise.
		this.replaceChildren(
			this.#alert,
			this.#status,
			this.hasAttribute('data-workspace')
				? ''
				: h(
						'p',
						{ class: 'rb-banner-actions' },
						declare,
						' ',
						h('a', { href: '/incident/' }, 'Incident workspace')
					),
			this.#notice
		);
		void this.#showAlertContext();
		this.#stop = onStoreChange(() => void this.#render());
		void this.#render();
		this.#timer = setInterval(() => void this.#render(), 1000);
	}

	disconnectedCallback() {
		clearInterval(this.#timer);
		this.#stop?.();
	}

	#scenarioPrefill(): DeclarePrefill {
		const { playbook, severity, scenario, title } = this.dataset;
		return {
			...(playbook ? { playbook } : {}),
			...(severity ? { severity } : {}),
			...(scenario ? { scenario } : {}),
			...(title ? { title } : {}),
		};
	}

	async #declare(prefill: DeclarePrefill) {
		const { openDeclareDialog } = await import('./declare-dialog.ts');
		await openDeclareDialog(prefill);
		await this.#render();
		this.querySelector<HTMLElement>('.rb-incident-id')?.focus();
	}

	/** Alert links carry context in the fragment; on a scenario page, offer to declare from it. */
	async #showAlertContext() {
		if (!this.dataset.scenario || location.hash.length < 2) return;
		const { alertOffer } = await import('./alert-offer.ts');
		this.#alert.replaceChildren(
			...alertOffer(
				location.hash,
				this.#scenarioPrefill(),
				(prefill) => void this.#declare(prefill)
			)
		);
	}

	async #render(): Promise<void> {
		const store = loadStore();
		this.#notice.textContent = storageNotice() ?? '';
		this.#notice.hidden = !storageNotice();
		const incident = store.activeId ? store.incidents[store.activeId] : undefined;
		if (incident && !this.#view) {
			this.#loading ??= import('./incident-banner-view.ts')
				.then(({ IncidentView }) => {
					this.#view = new IncidentView(() => void this.#render());
				})
				.catch(() => undefined);
			await this.#loading;
			// Again with the view, reading the store afresh: it may have changed meanwhile.
			if (this.#view) return this.#render();
		}
		this.toggleAttribute('data-active', !!incident && !!this.#view);
		if (!incident || !this.#view) return this.#status.replaceChildren();
		if (!this.#view.line.isConnected) this.#status.replaceChildren(this.#view.line);
		this.#view.show(incident);
	}
}

declare global {
	interface HTMLElementTagNameMap {
		'rb-incident-banner': IncidentBanner;
	}
}

if (!customElements.get('rb-incident-banner'))
	customElements.define('rb-incident-banner', IncidentBanner);
