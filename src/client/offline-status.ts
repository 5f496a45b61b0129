/**
 * `<rb-offline-status>` on every page: registers the service worker (src/service-worker/sw.ts) in
 * built sites, says when the site is working from its saved copy and of which version, and offers
 * a new build's worker without ever reloading the page on its own: a responder mid-incident
 * decides when.
 *
 * workbox-window loads through `import()` after the page has loaded, so it adds nothing to what a
 * page runs up front and never competes with the page for the network.
 */
import { formatUtc } from '../lib/utc.ts';
import type { Workbox } from 'workbox-window';
import type { WorkerBuild, WorkerMessage } from '../lib/offline-messages.ts';

class OfflineStatus extends HTMLElement {
	#offline = this.querySelector<HTMLElement>('[data-offline]')!;
	#version = this.querySelector<HTMLTimeElement>('[data-offline] time')!;
	#update = this.querySelector<HTMLElement>('[data-update]')!;
	#workbox: Workbox | undefined;
	/** The worker could not be reached for an update check: the host is down though the network is up. */
	#unreachable = false;
	#stop = new AbortController();

	connectedCallback() {
		const { signal } = this.#stop;
		addEventListener('online', () => this.#check(), { signal });
		addEventListener('offline', () => void this.#render(), { signal });
		// A tab kept open through an incident checks for a new build when the responder comes back.
		document.addEventListener(
			'visibilitychange',
			() => document.visibilityState === 'visible' && this.#check(),
			{ signal }
		);
		this.#update
			.querySelector('[data-reload]')!
			.addEventListener('click', () => void this.#takeUpdate(), { signal });
		// Put off, not refused: the waiting build is offered again on the next page.
		this.#update
			.querySelector('[data-later]')!
			.addEventListener('click', () => (this.#update.hidden = true), { signal });
		void this.#render();
		if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
		if (document.readyState === 'complete') void this.#register();
		else addEventListener('load', () => void this.#register(), { once: true, signal });
	}

	disconnectedCallback() {
		this.#stop.abort();
	}

	async #register() {
		if (!('serviceWorker' in navigator)) return;
		const { Workbox } = await import('workbox-window');
		const workbox = new Workbox('/sw.js');
		workbox.addEventListener('waiting', () => this.#offerUpdate());
		// Another tab took the update: this page's scripts are now the old build's, so offer the reload.
		workbox.addEventListener('controlling', (event) => event.isUpdate && this.#offerUpdate());
		try {
			await workbox.register();
		} catch {
			// Workers refused (a browser policy, storage off, a private window): the page works online
			// as it is, and there is no saved copy to speak of.
			return;
		}
		this.#workbox = workbox;
		void this.#render();
	}

	/** Asks the worker for a new build; failing to reach it means the copy is what the responder has. */
	async #check() {
		try {
			await this.#workbox?.update();
			this.#unreachable = false;
		} catch {
			this.#unreachable = true;
		}
		void this.#render();
	}

	#offerUpdate() {
		this.#update.hidden = false;
	}

	async #takeUpdate() {
		const waiting = (await navigator.serviceWorker.getRegistration())?.waiting;
		// Another tab already took the new build: this page only needs to load it.
		if (!waiting) return location.reload();
		this.#update.querySelector<HTMLButtonElement>('[data-reload]')!.disabled = true;
		// Reload once the new worker controls the page, so no page mixes two builds.
		navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), {
			once: true,
		});
		waiting.postMessage({ type: 'SKIP_WAITING' } satisfies WorkerMessage);
	}

	async #render() {
		const offline = !navigator.onLine || this.#unreachable;
		this.#offline.hidden = !offline;
		const worker = navigator.serviceWorker?.controller;
		if (!offline || this.#version.dateTime || !worker) return;
		// The worker serving this page, not a newer one waiting: its copy is the one in use.
		const build = await new Promise<WorkerBuild | undefined>((resolve) => {
			const channel = new MessageChannel();
			channel.port1.onmessage = (event) => resolve(event.data as WorkerBuild);
			worker.postMessage({ type: 'GET_BUILD' } satisfies WorkerMessage, [channel.port2]);
		});
		if (!build?.sourceDate) return;
		this.#version.dateTime = build.sourceDate;
		this.#version.textContent = formatUtc(build.sourceDate);
		this.#version.closest<HTMLElement>('[data-version]')!.hidden = false;
	}
}

declare global {
	interface HTMLElementTagNameMap {
		'rb-offline-status': OfflineStatus;
	}
}
if (!customElements.get('rb-offline-status'))
	customElements.define('rb-offline-status', OfflineStatus);
