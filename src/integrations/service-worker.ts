import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { getManifest } from 'workbox-build';
import { contentRoot, precacheBudgetMiB } from '../config.ts';
import {
	OFFLINE_PAGE,
	PRECACHE_GLOBS,
	PRECACHE_IGNORES,
	selectPrecache,
	type PrecacheSelection,
} from '../lib/offline-precache.ts';
import { sourceDate } from './source-date.ts';

const MiB = 1024 * 1024;

/**
 * What the worker of a built site stores on the first visit, chosen by workbox-build, and the
 * build's fingerprint: a hash of every file the worker could store, stored or not.
 */
export async function offlineManifest(dist: string, budget = precacheBudgetMiB * MiB) {
	let selection:
		| (Pick<PrecacheSelection<never>, 'pagesLeftOut' | 'shellOverBudget'> & {
				fingerprint: string;
		  })
		| undefined;
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
				// Hashed names (`_astro/`, Pagefind's) carry no revision: their name is their content.
				const files = entries
					.map(({ url, revision }) => `${url}\0${revision ?? ''}`)
					.sort()
					.join('\n');
				const fingerprint = createHash('sha256').update(files).digest('hex').slice(0, 16);
				selection = { pagesLeftOut, shellOverBudget, fingerprint };
				return { manifest };
			},
		],
	});
	return { manifestEntries, size, count, warnings, budget, ...selection! };
}

/**
 * The worker of the site built in `dist`: workbox-build lists what to store (within the budget in
 * src/config.ts), and esbuild bundles src/service-worker/sw.ts with that list, the build's
 * fingerprint and the date of its sources, Workbox's runtime included, so the worker loads nothing
 * from anywhere else. Nothing else goes in: the same files give the same worker, byte for byte, so
 * a browser is offered a new version only when there is one.
 */
export async function serviceWorker(dist: string, sources: Date | undefined) {
	const manifest = await offlineManifest(dist);
	const { outputFiles } = await build({
		entryPoints: [fileURLToPath(new URL('../service-worker/sw.ts', import.meta.url))],
		bundle: true,
		format: 'iife',
		minify: true,
		target: 'es2022',
		write: false,
		define: {
			RESPONDER_PRECACHE: JSON.stringify(manifest.manifestEntries),
			RESPONDER_BUILD: JSON.stringify(manifest.fingerprint),
			RESPONDER_SOURCE_DATE: JSON.stringify(sources?.toISOString() ?? null),
			RESPONDER_OFFLINE_PAGE: JSON.stringify(`/${OFFLINE_PAGE}`),
			// Workbox logs only in development builds.
			'process.env.NODE_ENV': '"production"',
		},
	});
	return { code: outputFiles[0]!.text, manifest };
}

/** What a build is made from: a change to any of these is a new version of the site. */
const SOURCES = [contentRoot, 'src', 'public', 'astro.config.mjs', 'package-lock.json'];

/**
 * Writes `dist/sw.js` after the build (see `serviceWorker`). It must run after Starlight's own
 * `astro:build:done`, which writes Pagefind's index: list it after Starlight. `astro dev` never
 * runs it, so the dev server has no worker.
 */
export default function responderServiceWorker(): AstroIntegration {
	let root = process.cwd();
	return {
		name: 'responder:service-worker',
		hooks: {
			'astro:config:done': ({ config }) => {
				root = fileURLToPath(config.root);
			},
			'astro:build:done': async ({ dir, logger }) => {
				const dist = fileURLToPath(dir);
				if (!existsSync(join(dist, 'pagefind', 'pagefind.js'))) {
					throw new Error(
						'The service worker was built before the search index, so search would not work offline. List `responderServiceWorker()` after `starlight()` in astro.config.mjs.'
					);
				}
				const { code, manifest } = await serviceWorker(dist, sourceDate(root, SOURCES));
				for (const warning of manifest.warnings) logger.warn(warning);
				writeFileSync(join(dist, 'sw.js'), code);
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
