/// <reference lib="webworker" />
/**
 * The service worker, bundled into `dist/sw.js` after the build (src/integrations/service-worker.ts)
 * with its precache list, its build's fingerprint and the date of its sources. It keeps the site usable when the network, the VPN or
 * the host is gone:
 * - the precache (one build's files, replaced as a whole when a new build activates) answers first;
 * - other pages come from the network and are kept as they are visited, per build, so a page from
 *   an old build never runs against a new build's scripts;
 * - a page neither stored nor reachable gets the offline page, which says so and offers search.
 * A new worker waits until the page asks it to take over (the "reload when convenient" button).
 */
import {
	cleanupOutdatedCaches,
	matchPrecache,
	precacheAndRoute,
	type PrecacheEntry,
} from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';
import type { WorkerMessage, WorkerBuild } from '../lib/offline-messages.ts';

declare const self: ServiceWorkerGlobalScope;
/**
 * Replaced when bundled: the build's precache list, its fingerprint (a hash of its files), when
 * its sources last changed (null if unknown), and the offline page.
 */
declare const RESPONDER_PRECACHE: PrecacheEntry[];
declare const RESPONDER_BUILD: string;
declare const RESPONDER_SOURCE_DATE: string | null;
declare const RESPONDER_OFFLINE_PAGE: string;

const PAGES_CACHE_PREFIX = 'responder-pages-';
const pagesCache = `${PAGES_CACHE_PREFIX}${RESPONDER_BUILD}`;

precacheAndRoute(RESPONDER_PRECACHE, {
	// Static files: `?q=` on /search/, Pagefind's `?ts=` and tracking tags do not change them.
	ignoreURLParametersMatching: [/.*/],
	// Hosts redirect `/servio` to `/servio/`; offline, answer it from `servio/index.html` directly.
	urlManipulation: ({ url }) =>
		/\/[^/.]+$/.test(url.pathname) ? [new URL(`${url.pathname}/index.html`, url)] : [],
});
cleanupOutdatedCaches();

registerRoute(
	({ request, url }) => request.mode === 'navigate' && url.origin === self.location.origin,
	new NetworkFirst({
		cacheName: pagesCache,
		// A host that hangs is as good as gone: fall back to the stored page instead of waiting.
		networkTimeoutSeconds: 5,
		plugins: [{ handlerDidError: async () => matchPrecache(RESPONDER_OFFLINE_PAGE) }],
	})
);

self.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			// Visited pages of earlier builds would load scripts this build no longer has.
			for (const name of await caches.keys()) {
				if (name.startsWith(PAGES_CACHE_PREFIX) && name !== pagesCache) await caches.delete(name);
			}
			// The first install takes the open pages at once; later ones only replace a worker
			// the page asked to replace (`skip-waiting`), whose pages then reload.
			await self.clients.claim();
		})()
	);
});

self.addEventListener('message', (event: ExtendableMessageEvent) => {
	const message = event.data as WorkerMessage | undefined;
	if (message?.type === 'SKIP_WAITING') void self.skipWaiting();
	else if (message?.type === 'GET_BUILD') {
		const build: WorkerBuild = { build: RESPONDER_BUILD, sourceDate: RESPONDER_SOURCE_DATE };
		event.ports[0]?.postMessage(build);
	}
});
