/**
 * The working part of `<rb-incident-banner>` (`incident-banner.ts` loads it once there is
 * something to show or do): the "Declare incident" control, prefilled on a scenario page and
 * from alert context in the URL fragment, the active incident (in `incident-banner-view.ts`) and
 * any storage trouble. It also records the page's `responder:timeline` events on the active
 * incident. No zod: the incident view, the declare dialog and the alert reader load through
 * `import()` only when needed (`page-weight.spec.ts` checks).
 */
import type { DeclarePrefill } from './declare-dialog.ts';
import type { IncidentView } from './incident-banner-view.ts';
import type { IncidentStore } from '../incident/model.ts';
import { keepBarRoom } from './bar-room.ts';
import { h } from './dom.ts';
import {
	loadStore,
	onStoreChange,
	recordTimelineEvents,
	storageNotice,
} from './incident-store-client.ts';

export class LiveBanner {
	readonly #host: HTMLElement;
	#view: IncidentView | undefined;
	#loading: Promise<void> | undefined;
	#timer: ReturnType<typeof setInterval> | undefined;
	#stop: (() => void) | undefined;
	#status!: HTMLElement;
	#notice!: HTMLElement;
	#alert!: HTMLElement;
	#offer: typeof import('./alert-offer.ts') | undefined;
	#offerState = '';

	/** The part of the server-rendered banner with `className`, or a new one if the page lacks it. */
	#part(tag: 'div' | 'p', className: string): HTMLElement {
		return (
			this.#host.querySelector<HTMLElement>(`:scope > .${className}`) ??
			h(tag, { class: className })
		);
	}

	constructor(host: HTMLElement) {
		this.#host = host;
		recordTimelineEvents();
		// The parts are in the HTML so that upgrading moves nothing on the page.
		this.#alert = this.#part('div', 'rb-alert-context');
		this.#status = this.#part('div', 'rb-banner-body');
		const actions = this.#part('p', 'rb-banner-actions');
		this.#notice = this.#part('p', 'rb-notice');
		this.#notice.setAttribute('role', 'status');
		let declare = actions.querySelector<HTMLButtonElement>('.rb-declare-button');
		if (!declare) {
			declare = h('button', { type: 'button', class: 'rb-declare-button' }, 'Declare incident');
			actions.replaceChildren(declare, ' ', h('a', { href: '/incident/' }, 'Incident workspace'));
		}
		declare.onclick = () => void this.declare(this.#scenarioPrefill());
		// In the workspace the banner only shows the running incident: the page has its own
		// declare control, and a link to itself would be noise.
		if (this.#host.hasAttribute('data-workspace')) actions.remove();
		const parts = [
			this.#alert,
			this.#status,
			...(this.#host.hasAttribute('data-workspace') ? [] : [actions]),
			this.#notice,
		];
		// Re-inserting the parts the HTML already holds would take the focus off "Declare incident"
		// (pressing it is what loads this part), and the dialog could not give it back.
		const children = [...this.#host.children];
		if (children.length !== parts.length || parts.some((part, i) => children[i] !== part))
			this.#host.replaceChildren(...parts);
		void this.#showAlertContext();
		this.#stop = onStoreChange(() => void this.#render());
		void this.#render();
		this.#timer = setInterval(() => void this.#render(), 1000);
	}

	/** The banner left the page: stop the clock and the store listener. */
	stop() {
		clearInterval(this.#timer);
		this.#stop?.();
	}

	#scenarioPrefill(): DeclarePrefill {
		const { playbook, severity, scenario, title } = this.#host.dataset;
		return {
			...(playbook ? { playbook } : {}),
			...(severity ? { severity } : {}),
			...(scenario ? { scenario } : {}),
			...(title ? { title } : {}),
		};
	}

	async declare(prefill: DeclarePrefill = this.#scenarioPrefill()) {
		const { openDeclareDialog } = await import('./declare-dialog.ts');
		await openDeclareDialog(prefill);
		await this.#render();
		this.#host.querySelector<HTMLElement>('.rb-incident-id')?.focus();
	}

	/** Alert links carry context in the fragment; on a scenario page, offer to declare from it. */
	async #showAlertContext() {
		if (!this.#host.dataset.scenario || location.hash.length < 2) return;
		this.#offer = await import('./alert-offer.ts');
		this.#renderOffer(loadStore());
	}

	/** The offer follows the store: it gives way once its alert's incident is the active one. */
	#renderOffer(store: IncidentStore) {
		if (!this.#offer) return;
		const offer = this.#offer.alertOffer(
			location.hash,
			this.#scenarioPrefill(),
			store,
			(prefill) => void this.declare(prefill)
		);
		if (offer.state === this.#offerState) return;
		this.#offerState = offer.state;
		// The room kept before the first paint follows what is drawn, in the same frame.
		this.#host.toggleAttribute('data-alert-room', offer.elements.length > 0);
		this.#host.dataset['offer'] = offer.state.split(':')[0];
		this.#alert.replaceChildren(...offer.elements);
	}

	async #render(): Promise<void> {
		const store = loadStore();
		this.#renderOffer(store);
		this.#notice.textContent = storageNotice() ?? '';
		this.#notice.hidden = !storageNotice();
		const incident = store.activeId ? store.incidents[store.activeId] : undefined;
		// Keep the bar's lines free at once (a declaration made here): it fills them when ready.
		if (incident) keepBarRoom(this.#host, incident);
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
		const view = this.#view?.ready ? this.#view : undefined;
		this.#host.toggleAttribute('data-active', !!incident && !!view);
		// The line kept free before the first paint is for an incident that is there.
		if (!incident) this.#host.removeAttribute('data-reserve');
		if (!incident || !view) return this.#status.replaceChildren();
		if (!view.line.isConnected) this.#status.replaceChildren(view.line);
		view.show(incident);
	}
}
