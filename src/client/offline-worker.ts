/**
 * The service worker's side of `<rb-offline-status>` (`offline-status.ts`), loaded once the page
 * has loaded: registers the worker (src/service-worker/sw.ts) in built sites, names the version of
 * the copy in use while offline, and offers a new build's worker without ever reloading the page
 * on its own: a responder mid-incident decides when.
 */
import { Workbox } from 'workbox-window';
import { formatUtc } from '../lib/utc.ts';
import type { WorkerBuild, WorkerMessage } from '../lib/offline-messages.ts';
import type { OfflineStatus } from './offline-status.ts';

export class OfflineWorker {
	/** The worker could not be reached for an update check: the host is down though the network is up. */
	unreachable = false;
	#status: OfflineStatus;
	#version: HTMLTimeElement;
	#update: HTMLElement;
	#workbox: Workbox | undefined;

	constructor(status: OfflineStatus, signal: AbortSignal) {
		this.#status = status;
		this.#version = status.querySelector<HTMLTimeElement>('[data-offline] time')!;
		this.#update = status.querySelector<HTMLElement>('[data-update]')!;
		addEventListener('online', () => this.#check(), { signal });
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
		void this.#register();
	}

	async #register() {
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
		this.#status.render();
	}

	/** Asks the worker for a new build; failing to reach it means the copy is what the responder has. */
	async #check() {
		try {
			await this.#workbox?.update();
			this.unreachable = false;
		} catch {
			this.unreachable = true;
		}
		this.#status.render();
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

	/** Names the build of the worker serving this page (not a newer one waiting): the copy in use. */
	async showVersion() {
		const worker = navigator.serviceWorker.controller;
		if (this.#version.dateTime || !worker) return;
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
