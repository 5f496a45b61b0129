/**
 * `<rb-incident-banner>` on every page. This loads up front on every page, so it only watches:
 * the banner's working part (`incident-banner-live.ts`: the incident bar, the alert offer, storage
 * notices, timeline recording) loads once this browser holds incidents, storage needs a word, the
 * page carries alert context, another tab or part of the page writes the first incident, or
 * "Declare incident" is pressed. Its controls are in the HTML, so nothing moves meanwhile.
 */
import type { LiveBanner } from './incident-banner-live.ts';
import { CHANGED_EVENT, INCIDENTS_KEY, incidentsStored } from './incident-keys.ts';

class IncidentBanner extends HTMLElement {
	#live: Promise<LiveBanner | undefined> | undefined;
	#stopWatching: (() => void) | undefined;

	connectedCallback() {
		const declare = this.querySelector<HTMLButtonElement>('.rb-declare-button');
		if (declare) declare.onclick = () => void this.#wake().then((live) => live?.declare());
		const alertContext = !!this.dataset['scenario'] && location.hash.length > 1;
		// Storage that cannot be read needs a word from the banner too.
		if (alertContext || this.hasAttribute('data-workspace') || incidentsStored() !== false) {
			void this.#wake();
			return;
		}
		const wake = () => void this.#wake();
		const onStorage = (event: StorageEvent) => {
			if (event.key === null || event.key === INCIDENTS_KEY) wake();
		};
		addEventListener(CHANGED_EVENT, wake);
		addEventListener('storage', onStorage);
		this.#stopWatching = () => {
			removeEventListener(CHANGED_EVENT, wake);
			removeEventListener('storage', onStorage);
		};
	}

	disconnectedCallback() {
		this.#stopWatching?.();
		void this.#live?.then((live) => live?.stop());
		this.#live = undefined;
	}

	#wake(): Promise<LiveBanner | undefined> {
		this.#stopWatching?.();
		this.#live ??= import('./incident-banner-live.ts')
			.then((live) => (this.isConnected ? new live.LiveBanner(this) : undefined))
			.catch(() => undefined);
		return this.#live;
	}
}

declare global {
	interface HTMLElementTagNameMap {
		'rb-incident-banner': IncidentBanner;
	}
}

if (!customElements.get('rb-incident-banner'))
	customElements.define('rb-incident-banner', IncidentBanner);
