/**
 * `<rb-offline-status>` on every page: says when the site is working from its saved copy. The
 * service worker's side (`offline-worker.ts`: registration, the version of the copy in use, a new
 * build's offer) loads once the page has loaded, with workbox-window, so it adds nothing to what a
 * page runs up front and never competes with the page for the network.
 */
import type { OfflineWorker } from './offline-worker.ts';

export class OfflineStatus extends HTMLElement {
	#offline = this.querySelector<HTMLElement>('[data-offline]')!;
	#worker: OfflineWorker | undefined;
	#stop = new AbortController();

	connectedCallback() {
		const { signal } = this.#stop;
		addEventListener('online', () => this.render(), { signal });
		addEventListener('offline', () => this.render(), { signal });
		this.render();
		if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
		const start = () =>
			void import('./offline-worker.ts').then(
				(worker) => this.isConnected && (this.#worker = new worker.OfflineWorker(this, signal)),
				// Without its worker side the page works online as it is, with no saved copy to speak of.
				() => undefined
			);
		if (document.readyState === 'complete') start();
		else addEventListener('load', start, { once: true, signal });
	}

	disconnectedCallback() {
		this.#stop.abort();
	}

	/** Shows the note while the network is down, or the worker found the host down. */
	render() {
		const offline = !navigator.onLine || !!this.#worker?.unreachable;
		this.#offline.hidden = !offline;
		if (offline) void this.#worker?.showVersion();
	}
}

declare global {
	interface HTMLElementTagNameMap {
		'rb-offline-status': OfflineStatus;
	}
}
if (!customElements.get('rb-offline-status'))
	customElements.define('rb-offline-status', OfflineStatus);
