// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import responderValidation from './src/integrations/validation.ts';
import securityHeaders from './src/integrations/security-headers.ts';
import responderServiceWorker from './src/integrations/service-worker.ts';
import satteriChecklists from './src/markdown/satteri-checklists.ts';
import { inlineScript, inlineScriptHashes, packageFolder } from './src/lib/csp.ts';
import { inSitemap } from './src/lib/sitemap.ts';

/**
 * Scripts that keep room before the first paint, inline (IncidentBanner.astro renders them):
 * `virtual:responder/inline/<name>` is `src/client/<name>.ts` bundled, as text for the page.
 */
const INLINE = 'virtual:responder/inline/';
const inlineScripts = new Map(
	/** @type {[string, Awaited<ReturnType<typeof inlineScript>>][]} */ (
		await Promise.all(
			['alert-room', 'bar-room'].map(async (name) => [
				`${INLINE}${name}`,
				await inlineScript(fileURLToPath(new URL(`./src/client/${name}.ts`, import.meta.url))),
			])
		)
	)
);

/** Stand-in for Vite's dynamic-import wrapper in client scripts: the import and nothing else. */
const PLAIN_IMPORT = '\0responder:plain-import';

export default defineConfig({
	site: process.env.RESPONDER_SITE ?? 'http://localhost:4321',
	// MDX inherits this processor (Starlight's MDX integration extends the Markdown config).
	markdown: { processor: satteri({ hastPlugins: [satteriChecklists()] }) },
	// A strict policy, in a <meta> on every page: everything from this origin, scripts only by hash.
	security: {
		csp: {
			directives: [
				"default-src 'self'",
				"object-src 'none'",
				"base-uri 'self'",
				"form-action 'self'",
				// Expressive Code's copy icon and Pagefind's result placeholders are inline SVG data: URLs.
				"img-src 'self' data:",
			],
			scriptDirective: {
				// Pagefind's search runs as WebAssembly, which needs to be compiled.
				resources: ["'self'", "'wasm-unsafe-eval'"],
				// Starlight's and our own `is:inline` scripts, which Astro does not hash itself.
				hashes: [
					...inlineScriptHashes([
						packageFolder('@astrojs/starlight', fileURLToPath(new URL('.', import.meta.url))),
						fileURLToPath(new URL('./src/components/', import.meta.url)),
					]),
					...[...inlineScripts.values()].map(({ hash }) => hash),
				],
			},
			styleDirective: {
				// Starlight's icons and Expressive Code's code blocks style through `style` attributes
				// (`--sl-icon-size`, per-token colours), which no hash list can keep up with. Only
				// attributes are allowed inline: <style> elements still need a hash.
				resources: ["'self'", { resource: "'unsafe-inline'", kind: 'attribute' }],
			},
		},
	},
	vite: {
		plugins: [
			{
				name: 'responder:inline-scripts',
				resolveId: (id) => (inlineScripts.has(id) ? `\0${id}` : undefined),
				load: (id) => {
					const script = inlineScripts.get(id.slice(1));
					return script && `export default ${JSON.stringify(script.code)};`;
				},
			},
			{
				// A script loaded on demand fetches its own imports when it arrives, rather than every
				// page's first scripts carrying the list of them to preload (0.4 KB of a scenario page's
				// gzip JS). Astro sets this option itself, so a plugin sets it after.
				name: 'responder:no-preload-lists',
				configEnvironment: (name) =>
					name === 'client' ? { build: { modulePreload: false } } : undefined,
			},
			{
				// With no preload lists (and no CSS imported by a script loaded on demand: the lists
				// are all `[]`), Vite's wrapper around an `import()` only re-raises a failed load as a
				// `vite:preloadError` event, which nothing here listens for. A one-line stand-in takes
				// its place, in our scripts and in Starlight's search, so Vite's helper (0.9 KB gzip,
				// a chunk of its own on every page) is not shipped. Should a script loaded on demand
				// ever import CSS, the stand-in refuses to load it rather than leave it unstyled.
				name: 'responder:plain-dynamic-import',
				resolveId: {
					order: 'pre',
					handler: (id) => (id === '\0vite/preload-helper.js' ? PLAIN_IMPORT : undefined),
				},
				load: (id) =>
					id === PLAIN_IMPORT
						? 'export const __vitePreload = (load, css) => (css?.length ? Promise.reject(css) : load());'
						: undefined,
			},
		],
		environments: {
			client: {
				build: {
					rolldownOptions: {
						output: {
							codeSplitting: {
								groups: [
									// Every page's banner reads the incident keys: a chunk of their own (with the
									// stand-in for Vite's import wrapper, which every page's scripts use too).
									{
										name: 'incident-keys',
										test: /[\\/]incident-keys\.ts$|^\0responder:plain-import$/,
										priority: 2,
									},
									// Storage guards, the scope of per-incident keys and the incident follower
									// arrive as one chunk, not three small ones each with its own gzip overhead:
									// every page that uses one (checklists, template forms) uses all three.
									{
										name: 'storage',
										test: /[\\/]src[\\/](client[\\/](safe-storage|incident-follow)|lib[\\/]storage-scope)\.ts$/,
										priority: 1,
									},
								],
							},
						},
					},
				},
			},
		},
	},
	integrations: [
		responderValidation(),
		// Starlight's own sitemap, without the pages search engines have no use for.
		sitemap({ filter: inSitemap }),
		starlight({
			title: 'Responder',
			description:
				'Incident-response runbooks: find the scenario, tick the checklist, send the message.',
			// Pages pass their own playbook's sidebar; a global one would be embedded in every page.
			sidebar: [],
			pagefind: true,
			// src/pages/404.astro replaces Starlight's: it recognises unknown `/alerts/<name>/` links.
			disable404Route: true,
			lastUpdated: false,
			customCss: ['./src/styles/controls.css'],
			// Runbook commands and decision trees must be readable on a phone without sideways scrolling.
			expressiveCode: {
				defaultProps: { wrap: true },
				shiki: {
					// Shiki stops colouring a line after 500 ms of wall-clock time, so a busy build machine
					// colours some code differently from one build to the next, and every rebuild would
					// offer responders a "new version". Without the limit, the same source gives the same page.
					transformers: [
						{
							name: 'responder:no-tokenize-time-limit',
							preprocess(_code, options) {
								options.tokenizeTimeLimit = 0;
							},
						},
					],
				},
			},
			components: {
				// Names the search button by its visible text (axe label-content-name-mismatch).
				Search: './src/components/overrides/Search.astro',
				// Writes the page title into <title> as text: Starlight renders head entries as HTML.
				Head: './src/components/overrides/Head.astro',
				// Ends every page with the marker the head waits for before the first paint (layout shift).
				Footer: './src/components/overrides/Footer.astro',
				// Guard storage: blocked or full storage, or a foreign stored value, raise no page error.
				ThemeProvider: './src/components/overrides/ThemeProvider.astro',
				ThemeSelect: './src/components/overrides/ThemeSelect.astro',
			},
		}),
		// After Pagefind has read the pages: the CSP without the empty hash, and `_headers`.
		securityHeaders(),
		// Last: the worker stores the pages as finally written and the search index Pagefind wrote.
		responderServiceWorker(),
	],
});
