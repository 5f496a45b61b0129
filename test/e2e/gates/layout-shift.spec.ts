import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { GATE_PAGES } from './pages.ts';

declare global {
	interface Window {
		__rbLayoutShift: { value: number; sources: string[] };
		/** Shift within 500 ms of input, which CLS leaves out (reported, to see what input moves). */
		__rbInputShift: number;
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
		window.__rbInputShift = 0;
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries() as (PerformanceEntry & {
				value: number;
				hadRecentInput: boolean;
				sources?: { node?: Node | null }[];
			})[]) {
				if (entry.hadRecentInput) {
					window.__rbInputShift += entry.value;
					continue;
				}
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

/** Every measurement, by name, moved nothing: on failure the message names each case and what moved. */
function expectNoShifts(measured: Record<string, Window['__rbLayoutShift']>, per: string) {
	const zero = { value: 0, sources: [] };
	expect(measured, `layout shift and the elements that moved, per ${per}`).toEqual(
		Object.fromEntries(Object.keys(measured).map((key) => [key, zero]))
	);
}

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
				expectNoShifts(measured, 'load');
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
		expectNoShifts(measured, 'incident');
	});
}

/**
 * A declaration made on the page keeps the bar's lines for its severity at once, so the bar fills
 * them however late its view arrives: the view is held back until the room is kept, and nothing
 * after the bar may move when it arrives (on a slow phone that came more than 500 ms after the
 * press, where input no longer excuses a shift).
 */
for (const { device, viewport } of VIEWPORTS) {
	test(`on a ${device}, a bar declared on the page fills the lines kept for it, however late its view arrives`, async ({
		page,
	}) => {
		await page.setViewportSize(viewport);
		for (const [, path] of TOP_SEVERITIES) {
			let release!: () => void;
			const held = new Promise<void>((resolve) => (release = resolve));
			let asked!: () => void;
			const requested = new Promise<void>((resolve) => (asked = resolve));
			await page.route('**/incident-banner-view.*.js', async (route) => {
				asked();
				await held;
				await route.continue();
			});
			await page.goto(path);
			await page.getByRole('button', { name: 'Declare incident', exact: true }).click();
			const dialog = page.getByRole('dialog', { name: 'Declare incident' });
			await dialog.getByRole('button', { name: 'Declare', exact: true }).click();
			await expect(dialog).toBeHidden();
			await requested;
			await expect(page.locator('rb-incident-banner')).toHaveAttribute('data-reserve', '');
			// Where the bar's followers are in the document (scrolling moves none of these figures).
			const followers = () =>
				page.evaluate(() =>
					['.rb-banner-actions', '.sl-markdown-content'].map(
						(selector) => document.querySelector(selector)!.getBoundingClientRect().top + scrollY
					)
				);
			const before = await followers();
			release();
			await expect(page.locator('rb-incident-banner[data-active] .rb-banner-line')).toBeVisible();
			await page.evaluate(
				() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
			);
			expect(await followers(), `${path}: what follows the bar, before and after it fills`).toEqual(
				before
			);
			await page.unroute('**/incident-banner-view.*.js');
			await page.evaluate(() => localStorage.clear());
		}
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

/**
 * Arriving from an alert link: the offer to declare from the alert is drawn by script above the
 * steps, into room kept for it before the first paint; where the fragment carries no alert
 * context, or the alert's incident is already the active one, no room is kept and nothing is
 * drawn. Servio's scenarios claim alert names, so its link goes through `/alerts/<Name>/` and its
 * forward; the other playbooks' are scenario URLs with the context in the fragment, as a monitor
 * linking straight to the runbook sends them.
 */
/** The alert started about ten minutes before the run, 27 s past a minute (monitors send seconds). */
const ALERT_START = new Date(Math.floor(Date.now() / 60_000 - 10) * 60_000 + 27_000);
const ALERT_LINKS = [
	[
		'restaurant-os/complete-backend-outage',
		'restaurant-os/p0',
		'/restaurant-os/scenarios/complete-backend-outage/',
	],
	['sentia/complete-outage', 'sentia/p1', '/sentia/scenarios/complete-outage/'],
	['stolentee/site-outage', 'stolentee/p0', '/stolentee/scenarios/site-outage/'],
	['servio/database-connection-exhaustion', 'servio/p0', '/alerts/DatabaseConnectionExhaustion/'],
	[
		'maidconnect/complete-site-outage',
		'maidconnect/sev-1',
		'/maidconnect/scenarios/complete-site-outage/',
	],
] as const;
const SERVIO_SCENARIO = '/servio/scenarios/database-connection-exhaustion/';
const SUMMARIES = {
	short: 'Errors spiking',
	long:
		'Error rate above 5% for 10 minutes on checkout-api, payments-worker and the order webhook ' +
		'consumers in eu-west-1 and us-east-1; p99 latency 4.2 s; upstream database reports ' +
		'connection pool saturation (max_connections reached) since the last deploy of build ' +
		'2026.01.10-3 and retries are amplifying the load on the primary and both replicas',
};
const alertFragment = (summary: string) =>
	`#service=checkout-api&severity=P0&startsAt=${ALERT_START.toISOString()}&summary=${encodeURIComponent(summary)}`;

/** Fragments a link may carry that are no alert context, or a hostile one. */
const HOSTILE: Record<string, { fragment: string; offer: boolean; link?: string }> = {
	// Drawn: markup is text, over-long values are cut, bad escapes read as what they are.
	'markup as the whole fragment, through /alerts/ (which adds the alert name)': {
		fragment: '#<img src=x onerror=alert(1)>',
		offer: true,
		link: ALERT_LINKS[3][2],
	},
	'markup in the summary': {
		fragment: `#summary=${encodeURIComponent('<img src=x onerror=alert(1)><b>Pool</b> full')}&service=<script>`,
		offer: true,
	},
	'over-long summary': {
		fragment: `#summary=${'x'.repeat(20_000)}&severity=${'P'.repeat(3_000)}`,
		offer: true,
	},
	'bad percent-encoding': {
		fragment: '#summary=%E0%A4%A%ZZ%&service=%C3%28&startsAt=%',
		offer: true,
	},
	// Not drawn, and no room kept for them.
	'blank values and a date that is none': {
		fragment: '#summary=%20%20&service=+&startsAt=yesterday&alert=',
		offer: false,
	},
	'markup as the whole fragment': { fragment: '#<img src=x onerror=alert(1)>', offer: false },
	'a heading anchor': { fragment: '#recovery-steps', offer: false },
	'over-long unknown keys': {
		fragment: `#${'q'.repeat(30_000)}=${'%'.repeat(10_000)}`,
		offer: false,
	},
};

/** An incident declared from this alert (same scenario, start to the minute), the active one. */
const incidentForAlert = (scenario: string, severity: string, active: boolean) =>
	JSON.stringify({
		version: 2,
		activeId: active ? 'inc-alert' : null,
		incidents: {
			'inc-alert': {
				id: 'inc-alert',
				title: 'Errors spiking',
				playbook: scenario.split('/')[0],
				severity,
				status: 'investigating',
				// As the declare form records it: to the minute.
				startedAt: new Date(Math.floor(ALERT_START.getTime() / 60_000) * 60_000).toISOString(),
				roles: {},
				scenario,
				timeline: [],
			},
		},
	});

/**
 * Opens `link` (through `/alerts/<Name>/` where the alert is claimed) and waits for the page to
 * have decided on the offer: drawn, or (`offer: false`) decided against.
 */
async function arrive(page: Page, link: string, fragment: string, offer: boolean) {
	// From elsewhere, so each arrival is a new document (not a jump within the page it is on).
	await page.goto('about:blank');
	await page.goto(`${link}${fragment}`);
	await page.waitForURL(/\/scenarios\//);
	const context = page.locator('rb-incident-banner .rb-alert-context');
	if (offer) await expect(context.getByRole('button')).toBeVisible();
	else {
		await expect(page.locator('rb-incident-banner')).toHaveAttribute('data-offer', /.+/);
		await expect(context).toBeEmpty();
	}
	return context;
}

for (const { device, viewport } of VIEWPORTS) {
	test.describe(`on a ${device}, arriving from an alert link`, () => {
		test.use({ viewport });

		for (const [scenario, severity, link] of ALERT_LINKS) {
			test(`${scenario}: the offer is drawn in room kept for it, short or long; with the alert's incident active, neither (CLS 0)`, async ({
				page,
			}) => {
				const measured: Record<string, Window['__rbLayoutShift']> = {};
				for (const [length, summary] of Object.entries(SUMMARIES)) {
					await arrive(page, link, alertFragment(summary), true);
					measured[`${length} summary`] = await layoutShift(page);
				}
				// A declared incident that is not the active one: the offer opens it instead.
				await page.evaluate(
					(store) => localStorage.setItem('responder:incidents', store),
					incidentForAlert(scenario, severity, false)
				);
				const declared = await arrive(page, link, alertFragment(SUMMARIES.long), true);
				await expect(declared.getByRole('button')).toHaveText(/^Open incident inc-alert/);
				measured['declared, not active'] = await layoutShift(page);
				// The alert's incident is the active one: the offer gives way to the bar.
				await page.evaluate(
					(store) => localStorage.setItem('responder:incidents', store),
					incidentForAlert(scenario, severity, true)
				);
				await arrive(page, link, alertFragment(SUMMARIES.long), false);
				measured["alert's incident active"] = await layoutShift(page);
				await expect(page.locator('rb-incident-banner .rb-banner-line')).toBeVisible();
				// Another incident running: the alert's facts and a separate declaration.
				await page.evaluate(
					(store) => localStorage.setItem('responder:incidents', store),
					activeIncident(severity)
				);
				const running = await arrive(page, link, alertFragment(SUMMARIES.short), true);
				await expect(running).toContainText('Incident inc-gate is running');
				measured['another incident running'] = await layoutShift(page);
				expectNoShifts(measured, 'arrival');
			});
		}

		test('a hostile or empty fragment keeps no room and moves nothing (CLS 0)', async ({
			page,
		}) => {
			const measured: Record<string, Window['__rbLayoutShift']> = {};
			for (const [name, { fragment, offer, link = SERVIO_SCENARIO }] of Object.entries(HOSTILE)) {
				const context = await arrive(page, link, fragment, offer);
				measured[name] = await layoutShift(page);
				if (!offer) {
					// No room kept: the box takes no height, and the steps start where they would.
					expect((await context.boundingBox())?.height ?? 0, `${name}: the box's height`).toBe(0);
					continue;
				}
				const facts = await context
					.locator('p')
					.first()
					.evaluate((p) => ({ text: p.textContent ?? '', html: p.innerHTML }));
				expect(facts.html, `${name}: shown as text`).not.toMatch(/<(img|b|script)\b/);
				expect(facts.text.length, `${name}: cut to a bound`).toBeLessThan(1200);
			}
			expectNoShifts(measured, 'fragment');
		});

		test('pressing the offer: the incident takes its place, moving nothing without input', async ({
			page,
		}) => {
			const context = await arrive(page, ALERT_LINKS[3][2], alertFragment(SUMMARIES.long), true);
			expect(await layoutShift(page), 'on arrival').toEqual({ value: 0, sources: [] });
			await context.getByRole('button', { name: 'Declare incident from this alert' }).click();
			const dialog = page.getByRole('dialog', { name: 'Declare incident' });
			// The whole summary is in the declaration, however the offer clamps it.
			await expect(dialog.getByLabel('Title')).toHaveValue(SUMMARIES.long);
			await dialog.getByRole('button', { name: 'Declare', exact: true }).click();
			await expect(
				page.locator('rb-incident-banner .rb-banner-line .rb-clock').first()
			).toBeVisible();
			await expect(context).toBeEmpty();
			expect(await layoutShift(page), 'after declaring').toEqual({ value: 0, sources: [] });
			const input = await page.evaluate(() => window.__rbInputShift);
			test.info().annotations.push({ type: 'shift right after input', description: String(input) });
		});
	});
}
