import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { getManifest } from 'workbox-build';
import { precacheBudgetMiB } from '../config.ts';
import {
	OFFLINE_PAGE,
	PRECACHE_GLOBS,
	PRECACHE_IGNORES,
	selectPrecache,
	type PrecacheSelection,
} from '../lib/offline-precache.ts';

const MiB = 1024 * 1024;

/** What the worker of a built site stores on the first visit, chosen by workbox-build. */
export async function offlineManifest(dist: string, budget = precacheBudgetMiB * MiB) {
	let selection: Pick<PrecacheSelection<never>, 'pagesLeftOut' | 'shellOverBudget'> | undefined;
	const { manifestEntries, size, count, warnings } = await getManifest({
		globDirectory: dist,
		globPatterns: PRECACHE_GLOBS,
		globIgnores: PRECACHE_IGNORES,
		// Content-hashed names change with their content: no revision needed.
		dontCacheBustURLsMatching: /^(_astro|pagefind\/(fragment|index|filter))\//,
		// The data files grow with the content; the budget, not a per-file cap, limits what is stored.
		maximumFileSizeToCacheInBytes: 64 * MiB,
		manifestTransforms: [
			(entries) => {
				const {
					entries: manifest,
					pagesLeftOut,
					shellOverBudget,
				} = selectPrecache(entries, budget);
				selection = { pagesLeftOut, shellOverBudget };
				return { manifest };
			},
		],
	});
	return { manifestEntries, size, count, warnings, budget, ...selection! };
}

/**
 * Writes `dist/sw.js` after the build: workbox-build lists what to store (within the budget in
 * src/config.ts), and esbuild bundles src/service-worker/sw.ts with that list and the build time,
 * Workbox's runtime included, so the worker loads nothing from anywhere else. It must run after
 * Starlight's own `astro:build:done`, which writes Pagefind's index: list it after Starlight.
 * `astro dev` never runs it, so the dev server has no worker.
 */
export default function responderServiceWorker(): AstroIntegration {
	return {
		name: 'responder:service-worker',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const dist = fileURLToPath(dir);
				if (!existsSync(join(dist, 'pagefind', 'pagefind.js'))) {
					throw new Error(
						'The service worker was built before the search index, so search would not work offline. List `responderServiceWorker()` after `starlight()` in astro.config.mjs.'
					);
				}
				const manifest = await offlineManifest(dist);
				for (const warning of manifest.warnings) logger.warn(warning);
				const { outputFiles } = await build({
					entryPoints: [fileURLToPath(new URL('../service-worker/sw.ts', import.meta.url))],
					bundle: true,
					format: 'iife',
					minify: true,
					target: 'es2022',
					write: false,
					define: {
						RESPONDER_PRECACHE: JSON.stringify(manifest.manifestEntries),
						RESPONDER_BUILT_AT: JSON.stringify(new Date().toISOString()),
						RESPONDER_OFFLINE_PAGE: JSON.stringify(`/${OFFLINE_PAGE}`),
						// Workbox logs only in development builds.
						'process.env.NODE_ENV': '"production"',
					},
				});
				writeFileSync(join(dist, 'sw.js'), outputFiles[0]!.contents);
				const mib = (bytes: number) => (bytes / MiB).toFixed(1);
				logger.info(
					`Stores ${manifest.count} files (${mib(manifest.size)} MiB, budget ${mib(manifest.budget)} MiB) for offline use; ${manifest.pagesLeftOut} pages are stored when visited.`
				);
				if (manifest.shellOverBudget)
					logger.warn(
						`Scripts, styles, the search index and the data files alone take more than the offline budget of ${mib(manifest.budget)} MiB; they are stored anyway. Raise \`precacheBudgetMiB\` in src/config.ts.`
					);
			},
		},
	};
}
