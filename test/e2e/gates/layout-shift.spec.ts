import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { GATE_PAGES } from './pages.ts';

declare global {
	interface Window {
		__rbLayoutShift: { value: number; sources: string[] };
	}
}

/**
 * Cumulative layout shift as Chromium measures it: every `layout-shift` entry of the document
 * without recent input (the way CLS counts them), buffered from before the first script, until
 * the page's elements have upgraded. Every gate page kind must measure exactly 0 on a phone and a
 * desktop, in both themes, with and without an active incident (whose bar must appear without
 * moving anything). Each viewport loads a page twice, so that every pair of viewport, theme and
 * incident is measured (all eight combinations would double the time for no new pair).
 */
const VIEWPORTS = [
	{
		device: 'phone',
		viewport: { width: 375, height: 812 },
		loads: [
			{ theme: 'light', incident: false },
			{ theme: 'dark', incident: true },
		],
	},
	{
		device: 'desktop',
		viewport: { width: 1280, height: 800 },
		loads: [
			{ theme: 'dark', incident: false },
			{ theme: 'light', incident: true },
		],
	},
] as const;

/** An active incident as the store keeps it, so the page loads with its bar from the first paint. */
const activeIncident = (severity = 'servio/p0', minutesAgo = 10) =>
	JSON.stringify({
		version: 2,
		activeId: 'inc-gate',
		incidents: {
			'inc-gate': {
				id: 'inc-gate',
				title: 'Gate check',
				playbook: severity.split('/')[0],
				severity,
				status: 'investigating',
				startedAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
				roles: {},
				timeline: [],
			},
		},
	});

/** Each seed playbook's top severity (the most clocks, so the most lines in the bar) and a scenario. */
const TOP_SEVERITIES = [
	['restaurant-os/p0', '/restaurant-os/scenarios/complete-backend-outage/'],
	['sentia/p1', '/sentia/scenarios/complete-outage/'],
	['stolentee/p0', '/stolentee/scenarios/site-outage/'],
	['servio/p0', '/servio/scenarios/database-connection-exhaustion/'],
	['maidconnect/sev-1', '/maidconnect/scenarios/complete-site-outage/'],
] as const;

/**
 * Ticks the scenario row's steps hold during that incident, so its list loads them (with the
 * incident model, which a list loads only once incidents are stored) and shows each tick's time.
 */
const TICKED_DOCUMENT = 'servio/scenarios/database-connection-exhaustion';
const TICKED_ITEMS = ['check-current-connection-state', 'identify-source-of-connection-leaks'];
const ticksDuringIncident = () =>
	TICKED_ITEMS.map((item) => [
		`responder:checklist:v3:incident:inc-gate:${encodeURIComponent(TICKED_DOCUMENT)}:item:${item}`,
		JSON.stringify({ at: new Date(Date.now() - 5 * 60_000).toISOString(), text: item }),
	]);

test.beforeEach(async ({ page }) => {
	await page.addInitScript(() => {
		window.__rbLayoutShift = { value: 0, sources: [] };
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries() as (PerformanceEntry & {
				value: number;
				hadRecentInput: boolean;
				sources?: { node?: Node | null }[];
			})[]) {
				if (entry.hadRecentInput) continue;
				window.__rbLayoutShift.value += entry.value;
				for (const source of entry.sources ?? []) {
					const node = source.node;
					window.__rbLayoutShift.sources.push(
						node instanceof Element
							? `${node.localName}.${[...node.classList].join('.')}`
							: // A pseudo-element or a node since removed: Chromium names no node.
								String(node?.nodeName ?? 'unnamed')
					);
				}
			}
		}).observe({ type: 'layout-shift', buffered: true });
	});
});

/** Waits for the loaded page with every Responder element upgraded and laid out, then reads the sum. */
async function layoutShift(page: Page) {
	await page.waitForLoadState('load');
	await page.waitForFunction(() =>
		[...document.querySelectorAll('*')]
			.filter((element) => element.localName.startsWith('rb-'))
			.every((element) => customElements.get(element.localName))
	);
	await page.evaluate(() => document.fonts.ready.then(() => undefined));
	// A checklist enables its boxes once it has shown the ticks stored for the active incident.
	await page.waitForFunction(() =>
		[...document.querySelectorAll<HTMLInputElement>('rb-checklist .rb-checklist__box')].every(
			(box) => !box.disabled
		)
	);
	// The incident bar shows once the playbook data is in; with an incident, wait for it.
	await page.waitForFunction(
		() =>
			!document.querySelector('rb-incident-banner[data-reserve]') ||
			!!document.querySelector('rb-incident-banner[data-active] .rb-banner-line')
	);
	// Two frames, so shifts from the last upgrade have been laid out and reported.
	await page.evaluate(
		() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
	);
	return page.evaluate(() => window.__rbLayoutShift);
}

for (const { device, viewport, loads } of VIEWPORTS) {
	test.describe(`on a ${device} (${viewport.width}×${viewport.height})`, () => {
		test.use({ viewport });
		for (const row of GATE_PAGES) {
			test(`the ${row.kind} page does not move as it loads and upgrades (CLS 0)`, async ({
				page,
				gatePage,
			}) => {
				const measured: Record<string, Window['__rbLayoutShift']> = {};
				for (const { theme, incident } of loads) {
					await page.emulateMedia({ colorScheme: theme });
					// Before the load, in this origin: the theme as its picker stores it, and the incident.
					await page.addInitScript(
						([theme, store, ticks]) => {
							localStorage.setItem('starlight-theme', theme);
							if (store) localStorage.setItem('responder:incidents', store);
							else localStorage.removeItem('responder:incidents');
							for (const [key, value] of ticks) localStorage.setItem(key!, value!);
						},
						[
							theme,
							incident ? activeIncident() : '',
							incident ? ticksDuringIncident() : [],
						] as const
					);
					// The load and upgrade are measured, not what a search typed into the dialog brings
					// in; with an incident already active, the row's "declare" step has nothing to do.
					const { open, ...rest } = row;
					await gatePage.open(open === 'search' || incident || !open ? rest : { ...rest, open });
					measured[`${theme}${incident ? ', incident active' : ''}`] = await layoutShift(page);
					if (
						incident &&
						(await page.locator(`rb-checklist[data-checklist="${TICKED_DOCUMENT}"]`).count())
					)
						await expect(page.locator('.rb-checklist__time')).toHaveCount(TICKED_ITEMS.length);
				}
				const zero = { value: 0, sources: [] };
				expect(measured, 'layout shift and the elements that moved, per load').toEqual(
					Object.fromEntries(Object.keys(measured).map((key) => [key, zero]))
				);
			});
		}
	});
}

for (const { device, viewport } of VIEWPORTS) {
	test(`on a ${device}, each top severity's bar fills the lines kept for it, fresh or overdue (CLS 0)`, async ({
		page,
	}) => {
		await page.setViewportSize(viewport);
		const measured: Record<string, Window['__rbLayoutShift']> = {};
		for (const [severity, path] of TOP_SEVERITIES) {
			// Ten minutes in, and fifty: by then an acknowledge or update clock is overdue and says so.
			for (const minutesAgo of [10, 50]) {
				await page.goto(path);
				await page.evaluate(
					(store) => localStorage.setItem('responder:incidents', store),
					activeIncident(severity, minutesAgo)
				);
				await page.reload();
				measured[`${severity}, ${minutesAgo} min in`] = await layoutShift(page);
				await expect(page.locator('rb-incident-banner .rb-clock').first()).toBeVisible();
			}
		}
		const zero = { value: 0, sources: [] };
		expect(measured, 'layout shift and the elements that moved, per incident').toEqual(
			Object.fromEntries(Object.keys(measured).map((key) => [key, zero]))
		);
	});
}

test('the offline note appears in the header bar without moving or covering anything', async ({
	page,
	context,
}) => {
	for (const { viewport } of VIEWPORTS) {
		await page.setViewportSize(viewport);
		await page.goto('/servio/scenarios/high-error-rate/');
		await layoutShift(page);
		await context.setOffline(true);
		const note = page.locator('rb-offline-status [data-offline]');
		await expect(note).toBeVisible();
		await expect(note).toContainText('Offline: working from the saved copy');
		const shift = await layoutShift(page);
		expect(shift, `layout shift at ${viewport.width} px`).toEqual({ value: 0, sources: [] });
		// Within the header bar, clear of the site title and the search button.
		const boxes = await page.evaluate(() =>
			['rb-offline-status [data-offline]', '.site-title', 'site-search button', 'header'].map(
				(selector) => document.querySelector(selector)!.getBoundingClientRect().toJSON()
			)
		);
		const [box, title, search, header] = boxes as DOMRect[];
		expect(box!.bottom, 'note within the header').toBeLessThanOrEqual(header!.bottom);
		expect(box!.left, 'note after the site title').toBeGreaterThanOrEqual(title!.right);
		expect(box!.right, 'note before the search button').toBeLessThanOrEqual(search!.left);
		await context.setOffline(false);
	}
});

/**
 * A stand-in for the site's worker: the first takes the page at once; the second, a new build,
 * waits, as a real one does until the responder reloads (offline.spec.ts walks the real workers).
 */
const stubWorker = (build: number) =>
	build === 1
		? `self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));`
		: `// build ${build}: waits until asked.`;

for (const { device, viewport } of VIEWPORTS) {
	test.describe(`on a ${device}, the new-version offer`, () => {
		test.use({ viewport, serviceWorkers: 'allow' });

		test('floats at the bottom without moving the page or covering the incident bar, and can be put off', async ({
			page,
			context,
		}) => {
			let build = 1;
			await context.route('**/sw.js', (route) =>
				route.fulfill({
					contentType: 'text/javascript',
					headers: { 'cache-control': 'no-cache' },
					body: stubWorker(build),
				})
			);
			await page.addInitScript(
				(store) => localStorage.setItem('responder:incidents', store),
				activeIncident()
			);
			await page.goto('/servio/scenarios/high-error-rate/');
			await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
			expect(await layoutShift(page), 'before the offer').toEqual({ value: 0, sources: [] });

			build = 2;
			await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
			const offer = page.locator('rb-offline-status [data-update]');
			await expect(offer).toBeVisible();
			await expect(offer).toContainText('New version available');
			// Said politely: a status region, which leaves the focus where the responder is.
			await expect(page.locator('rb-offline-status')).toHaveAttribute('role', 'status');
			expect(await layoutShift(page), 'as the offer appears').toEqual({ value: 0, sources: [] });

			// Over the bottom of the window, clear of the sticky incident bar at the top.
			const bar = (await page.locator('rb-incident-banner .rb-banner-body').boundingBox())!;
			const note = (await offer.boundingBox())!;
			expect(note.y, 'below the incident bar').toBeGreaterThanOrEqual(bar.y + bar.height);
			expect(note.y + note.height, 'within the window').toBeLessThanOrEqual(viewport.height);
			await page.mouse.wheel(0, 100_000);
			const scrolled = (await page.locator('rb-incident-banner .rb-banner-body').boundingBox())!;
			const after = (await offer.boundingBox())!;
			expect(after.y, 'still clear of the bar at the end of the page').toBeGreaterThanOrEqual(
				scrolled.y + scrolled.height
			);

			// Reachable from the keyboard, with its action and a way to put it off.
			const reload = offer.getByRole('button', { name: 'Reload' });
			await reload.focus();
			await page.keyboard.press('Tab');
			await expect(offer.getByRole('button', { name: 'Later' })).toBeFocused();
			await page.keyboard.press('Enter');
			await expect(offer).toBeHidden();
			expect(await layoutShift(page), 'as it goes').toEqual({ value: 0, sources: [] });
		});
	});
}

test('the first search moves nothing: results only ever added below, the filters in their room (CLS 0)', async ({
	page,
	gatePage,
}) => {
	for (const { viewport } of VIEWPORTS) {
		await page.setViewportSize(viewport);
		// A fresh load each time, so this is the page's first search, which also draws the filters.
		await gatePage.open({ kind: 'search open', path: '/servio/', open: 'search' });
		const dialog = page.getByRole('dialog', { name: 'Search' });
		// Every result filled in, and "Load more" shown once the last is.
		await expect(dialog.locator('.pagefind-ui__result-title.pagefind-ui__loading')).toHaveCount(0);
		await expect(dialog.getByRole('button', { name: /Load more/ })).toBeVisible();
		await expect(dialog.locator('.pagefind-ui__filter-panel')).toBeVisible();
		// Typing counts as input for 500 ms only; results and filters arriving later count as shift.
		expect(await layoutShift(page), `layout shift at ${viewport.width} px`).toEqual({
			value: 0,
			sources: [],
		});
	}
});
