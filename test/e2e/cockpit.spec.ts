import { expect, test, type Page } from '@playwright/test';

/**
 * The scenario page as a responder uses it mid-incident, for every seed playbook: from an alert
 * link with context to the first tick, the clocks of the playbook's top severity in a bar that
 * stays in view, and one incident per alert. Only servio's scenarios claim alert names, so the
 * others are reached the way a monitor linking straight to the runbook would: the scenario URL
 * with the alert context in its fragment.
 */
// Seconds, as monitors send them: the declare form records minutes, and the alert still finds it.
const START = '2026-01-10T03:00:27.000Z';
const PLAYBOOKS = [
	{
		playbook: 'restaurant-os',
		level: 'P0',
		link: '/restaurant-os/scenarios/complete-backend-outage/',
	},
	{ playbook: 'sentia', level: 'P1', link: '/sentia/scenarios/complete-outage/' },
	{ playbook: 'stolentee', level: 'P0', link: '/stolentee/scenarios/site-outage/' },
	{ playbook: 'servio', level: 'P0', link: '/alerts/DatabaseConnectionExhaustion/' },
	{ playbook: 'maidconnect', level: 'SEV-1', link: '/maidconnect/scenarios/complete-site-outage/' },
];

const alertLink = (link: string, level: string, startsAt = START, summary = 'Errors spiking') =>
	`${link}#service=api&severity=${level}&startsAt=${startsAt}&summary=${encodeURIComponent(summary)}`;

const firstBox = (page: Page) => page.locator('rb-checklist input[type="checkbox"]').first();
const offer = (page: Page) => page.locator('rb-incident-banner .rb-alert-context');
/** Every control offering a new incident: the banner's and an alert's. */
const declareButtons = (page: Page) => page.getByRole('button', { name: /^Declare incident/ });
const storedIncidents = (page: Page) =>
	page.evaluate(() => {
		const store = JSON.parse(localStorage.getItem('responder:incidents') ?? 'null');
		return store ? Object.keys(store.incidents).length : 0;
	});

/**
 * What a responder could miss in the incident bar: a part past the window's edges, a box that
 * scrolls its content sideways, a button smaller than a 24 px tap target, a page that scrolls
 * sideways. A name left to screen readers (1 px, clipped on purpose) is not a part that shows.
 */
const barFaults = (page: Page) =>
	page.locator('rb-incident-banner .rb-banner-line').evaluate((bar) => {
		const faults: string[] = [];
		const parts = [bar, ...bar.querySelectorAll('*')].filter(
			(part) => getComputedStyle(part).clipPath === 'none'
		);
		for (const part of parts) {
			const box = part.getBoundingClientRect();
			const name = `${part.localName}.${part.className} "${part.textContent}"`;
			if (box.left < 0 || box.right > innerWidth) faults.push(`${name} is past the window's edge`);
			if (part.scrollWidth > part.clientWidth) faults.push(`${name} scrolls sideways`);
			if (part.localName === 'button' && (box.width < 24 || box.height < 24))
				faults.push(`${name} is a ${box.width}×${box.height} px target`);
		}
		if (document.documentElement.scrollWidth > innerWidth) faults.push('the page scrolls sideways');
		return faults;
	});

for (const { playbook, level, link } of PLAYBOOKS) {
	test.describe(playbook, () => {
		test.beforeEach(async ({ page }) => {
			await page.clock.install({ time: new Date('2026-01-10T03:02:00Z') });
		});

		/** The bar and the offer, walked the same way on both viewports. */
		const barAndOffer = async ({ page }: { page: Page }) => {
			await page.goto(alertLink(link, level));
			await offer(page).getByRole('button', { name: 'Declare incident from this alert' }).click();
			const dialog = page.getByRole('dialog', { name: 'Declare incident' });
			await expect(dialog.getByLabel('Severity')).toHaveValue(`${playbook}/${level.toLowerCase()}`);
			await dialog.getByRole('button', { name: 'Declare', exact: true }).click();
			const bar = page.locator('rb-incident-banner .rb-banner-line');
			await expect(bar.locator('.rb-sev')).toContainText(level);
			const clocks = bar.locator('.rb-clock');
			await expect(clocks.first()).toBeVisible();
			expect(await clocks.count()).toBeGreaterThan(0);
			// Every clock and control in view, without scrolling anything sideways.
			expect(await barFaults(page), 'the bar as declared').toEqual([]);
			// The offer gives way to the incident: the alert's and the banner's, now and after a reload.
			await expect(offer(page)).toBeEmpty();
			await expect(declareButtons(page)).toHaveCount(0);
			await page.reload();
			await expect(bar.locator('.rb-sev')).toContainText(level);
			await expect(offer(page)).toBeEmpty();
			await expect(declareButtons(page)).toHaveCount(0);
			// Another alert while it runs: its facts show, and declaring apart is a deliberate choice.
			await page.goto('about:blank');
			await page.goto(alertLink(link, level, '2026-01-10T03:01:00.000Z', 'Disk full'));
			await expect(offer(page)).toContainText('Disk full');
			await expect(offer(page)).toContainText(/Incident INC-\S+ is running/);
			await expect(declareButtons(page)).toHaveCount(0);
			await expect(offer(page).getByRole('button')).toHaveText('Declare a separate incident');
			// Hours later every open clock is overdue and says so.
			await page.clock.fastForward('04:00:00');
			await expect(bar.locator('.rb-clock.overdue').first()).toBeVisible();
			await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
			await expect(bar).toBeInViewport();
			expect(await barFaults(page), 'the bar hours later').toEqual([]);
			expect(await storedIncidents(page)).toBe(1);

			// The responder switches away, then presses the offer again: the existing incident opens.
			await page.evaluate(() => {
				const store = JSON.parse(localStorage.getItem('responder:incidents')!);
				localStorage.setItem('responder:incidents', JSON.stringify({ ...store, activeId: null }));
			});
			await page.goto(alertLink(link, level));
			await offer(page)
				.getByRole('button', { name: /^Open incident / })
				.click();
			await expect(page.getByRole('dialog')).toHaveCount(0);
			await expect(bar.locator('.rb-sev')).toContainText(level);
			await expect(offer(page)).toBeEmpty();
			expect(await storedIncidents(page)).toBe(1);
		};

		test.describe('desktop 1280×800', () => {
			test.use({ viewport: { width: 1280, height: 800 } });

			test('alert link to first tick in two actions: open, tick', async ({ page }) => {
				await page.goto(alertLink(link, level)); // action 1
				await expect(offer(page).getByRole('button')).toBeVisible();
				expect(page.url()).toContain(`startsAt=`);
				await expect(firstBox(page)).toBeEnabled();
				await expect(firstBox(page)).toBeInViewport({ ratio: 1 });
				expect(await page.evaluate(() => scrollY)).toBe(0);
				await firstBox(page).check(); // action 2
				await expect(firstBox(page)).toBeChecked();
				expect(await page.evaluate(() => scrollY), 'the tick needed no scroll').toBe(0);
			});

			test(
				'the top severity clocks show in a bar that stays in view; the same alert gives one incident',
				barAndOffer
			);
		});

		test.describe('phone 375×812', () => {
			test.use({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });

			test('alert link to first tick in three actions: open, one scroll, tick', async ({
				page,
			}) => {
				await page.goto(alertLink(link, level)); // action 1
				// The alert's offer is drawn by script above the steps, in room kept for it before the
				// first paint; the swipe is measured on the page the responder sees once it is there.
				await expect(offer(page).getByRole('button')).toBeVisible();
				await expect(firstBox(page)).toBeEnabled();
				// At most one swipe (a screen less the sticky header) brings the first box into view.
				const distance = await firstBox(page).evaluate((box) =>
					Math.max(0, box.getBoundingClientRect().bottom + 16 - innerHeight)
				);
				expect(distance, 'pixels to scroll to the first box').toBeLessThanOrEqual(812 - 120);
				if (distance > 0) await page.mouse.wheel(0, distance); // action 2
				await expect
					.poll(() => page.evaluate(() => scrollY))
					.toBeGreaterThanOrEqual(distance > 0 ? 1 : 0);
				await expect(firstBox(page)).toBeInViewport({ ratio: 1 });
				const scrolled = await page.evaluate(() => scrollY);
				await firstBox(page).check(); // action 3
				await expect(firstBox(page)).toBeChecked();
				expect(await page.evaluate(() => scrollY), 'the tick needed no further scroll').toBe(
					scrolled
				);
			});

			test(
				'the top severity clocks show in a bar that stays in view; the same alert gives one incident',
				barAndOffer
			);
		});
	});
}

test.describe('phone 375×812, the longest id, severity and status', () => {
	test.use({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });

	test('the bar shows id, severity and status whole, and the acknowledge button', async ({
		page,
	}) => {
		await page.clock.install({ time: new Date('2026-01-10T03:02:00Z') });
		await page.goto('/maidconnect/scenarios/complete-site-outage/');
		await page.getByRole('button', { name: 'Declare incident', exact: true }).click();
		const dialog = page.getByRole('dialog', { name: 'Declare incident' });
		await dialog.getByLabel('Severity').selectOption('maidconnect/sev-2');
		await dialog.getByRole('button', { name: 'Declare', exact: true }).click();
		const bar = page.locator('rb-incident-banner .rb-banner-line');
		await expect(bar.locator('.rb-status')).toHaveText('Investigating');
		// The badge's name is for screen readers here; the level is what shows.
		await expect(bar.locator('.rb-sev')).toHaveText('SEV-2 (Major Degradation)');
		const overflow = await bar.locator('.rb-bar-who').evaluate((line) => {
			const box = line.getBoundingClientRect();
			return ['.rb-incident-id', '.rb-sev', '.rb-status'].map((part) => {
				const rect = line.querySelector(part)!.getBoundingClientRect();
				return { part, past: Math.max(rect.right - box.right, box.left - rect.left) };
			});
		});
		for (const { part, past } of overflow) expect(past, `${part} is cut`).toBeLessThanOrEqual(0);
		await expect(bar.getByRole('button', { name: 'Acknowledge' })).toBeInViewport({ ratio: 1 });
	});
});

test('an alert link keeps its context on the way, with the alert name added', async ({ page }) => {
	await page.goto('/alerts/DatabaseConnectionExhaustion/#service=api&summary=Pool%20full');
	await expect(page).toHaveURL(
		'/servio/scenarios/database-connection-exhaustion/#service=api&summary=Pool+full&alert=DatabaseConnectionExhaustion'
	);
	await expect(offer(page)).toContainText('Alert DatabaseConnectionExhaustion: Pool full');
});

test('"/" opens search, except while typing in a field', async ({ page }) => {
	await page.goto('/servio/');
	await page.keyboard.press('/');
	const dialog = page.getByRole('dialog', { name: 'Search' });
	await expect(dialog).toBeVisible();
	await dialog.getByRole('textbox').fill('a/b');
	await expect(dialog.getByRole('textbox')).toHaveValue('a/b');
});

test('search opened while the page loads gets its search box even with no idle time', async ({
	page,
}) => {
	// A browser giving the page no idle period, as Chromium did under load once the dialog was open:
	// idle callbacks run only through their timeout.
	await page.addInitScript(() => {
		window.requestIdleCallback = (callback, options) =>
			options?.timeout === undefined
				? 0
				: window.setTimeout(
						() => callback({ didTimeout: true, timeRemaining: () => 0 }),
						options.timeout
					);
	});
	await page.goto('/servio/');
	await page.keyboard.press('/');
	const dialog = page.getByRole('dialog', { name: 'Search' });
	await expect(dialog).toBeVisible();
	await dialog.getByRole('textbox').fill('database');
	await expect(dialog.locator('.pagefind-ui__result').first()).toBeVisible();
});

test('"On this page" lists the headings rendered from frontmatter', async ({ page }) => {
	await page.goto('/servio/scenarios/database-connection-exhaustion/');
	const toc = page.locator('starlight-toc').first();
	for (const name of [
		'Symptoms',
		'Immediate Response',
		'Recovery Steps',
		'Likely causes',
		'Messages to send',
	])
		await expect(toc.getByRole('link', { name, exact: true })).toHaveCount(1);
	await page.goto('/servio/');
	for (const name of ['Scenarios', 'Severities', 'Communication templates'])
		await expect(toc.getByRole('link', { name, exact: true })).toHaveCount(1);
});
