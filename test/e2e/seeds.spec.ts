import { expect, test, type APIRequestContext } from '@playwright/test';
import { DAMAGE_MARKERS } from '../../src/lib/encoding.ts';

/** The five seed playbooks as built pages: nothing damaged reaches the site, every scenario is near. */

const SCENARIOS: Record<string, string[]> = {
	'restaurant-os': [
		'complete-backend-outage',
		'authentication-failures',
		'payment-processing-failures',
		'voice-ordering-system-down',
		'websocket-connection-failures',
		'database-migration-failure',
	],
	sentia: [
		'complete-outage',
		'security-incident',
		'database-issues',
		'performance-degradation',
		'integration-failure',
	],
	stolentee: [
		'site-outage',
		'database-down',
		'redis-down',
		'high-error-rate',
		'worker-stuck',
		'payment-issues',
	],
	servio: [
		'database-connection-exhaustion',
		'payment-processing-failure',
		'webhook-security-alert',
		'circuit-breaker-open',
		'high-error-rate',
		'high-latency',
		'cache-issues',
		'idempotency-issues',
	],
	maidconnect: [
		'complete-site-outage',
		'authentication-broken',
		'payment-processing-failures',
		'database-performance-degradation',
		'third-party-service-outage',
	],
};

/** Same-origin page links in an HTML document, as absolute paths. */
function pageLinks(html: string, from: string): string[] {
	return [...html.matchAll(/<a\b[^>]*\bhref="([^"#?]+)[^"]*"/g)]
		.map((match) => new URL(match[1]!, `http://site${from}`))
		.filter((url) => url.host === 'site' && !/\.\w+$/.test(url.pathname))
		.map((url) => url.pathname);
}

async function crawl(request: APIRequestContext, start: string, depth: number) {
	const pages = new Map<string, { html: string; depth: number }>();
	let frontier = [start];
	for (let level = 0; level <= depth && frontier.length; level++) {
		const next: string[] = [];
		for (const path of frontier) {
			if (pages.has(path)) continue;
			const response = await request.get(path);
			expect(response.status(), path).toBe(200);
			const html = await response.text();
			pages.set(path, { html, depth: level });
			next.push(...pageLinks(html, path));
		}
		frontier = [...new Set(next)];
	}
	return pages;
}

test('no page of the site shows a damaged character sequence', async ({ request }) => {
	test.setTimeout(300_000);
	const pages = await crawl(request, '/', 6);
	expect(pages.size).toBeGreaterThan(100);
	for (const [playbook, slugs] of Object.entries(SCENARIOS)) {
		for (const slug of slugs)
			expect(pages.has(`/${playbook}/scenarios/${slug}/`), `${playbook}/${slug} is linked`).toBe(
				true
			);
	}
	const kinds = ['severities/', 'scenarios/', 'templates/', 'escalation/', 'checklists/'];
	for (const kind of kinds)
		expect(
			[...pages.keys()].some((path) => path.includes(`/${kind}`)),
			kind
		).toBe(true);
	const damaged = [...pages]
		.filter(([, { html }]) => DAMAGE_MARKERS.test(html))
		.map(([path]) => path);
	expect(damaged).toEqual([]);
});

test('the repaired characters of the damaged seeds are what the pages show', async ({ page }) => {
	await page.goto('/servio/scenarios/webhook-security-alert/');
	await expect(page.getByText('Go to Stripe Dashboard → Developers → Webhooks')).toBeVisible();
	await page.goto('/maidconnect/severities/');
	await expect(page.locator('main')).toContainText('Resolve within 1 hour');
	await page.goto('/sentia/templates/status-update/');
	await expect(page.locator('main')).toContainText('📊 INCIDENT UPDATE');
});

test('every scenario is at most two clicks from the home page', async ({ request }) => {
	const pages = await crawl(request, '/', 2);
	for (const [playbook, slugs] of Object.entries(SCENARIOS)) {
		for (const slug of slugs) {
			const path = `/${playbook}/scenarios/${slug}/`;
			expect(pages.get(path)?.depth, path).toBeLessThanOrEqual(2);
		}
	}
});

test('each severity ladder lists its levels with their own target labels and scenarios', async ({
	page,
}) => {
	await page.goto('/restaurant-os/severities/');
	for (const label of [
		'Detection to acknowledgment',
		'Initial response',
		'Update frequency',
		'Resolution Target',
	]) {
		await expect(page.getByRole('columnheader', { name: label })).toBeVisible();
	}
	const p0 = page.getByRole('row', { name: /P0 Critical/ });
	await expect(p0).toContainText('5 minutes');
	await expect(p0).toContainText('Immediate (24/7)');
	await expect(p0.getByRole('link', { name: 'Complete Backend Outage' })).toBeVisible();
	await page.goto('/maidconnect/severities/');
	await expect(page.getByRole('columnheader', { name: 'SLA' })).toBeVisible();
	await expect(page.getByRole('row', { name: /SEV-2/ })).toContainText('Resolve within 4 hours');
});

test('on a phone the severity ladder shows every target without scrolling sideways', async ({
	page,
}) => {
	await page.setViewportSize({ width: 375, height: 800 });
	await page.goto('/restaurant-os/severities/');
	const p0 = page.locator('tr', { hasText: 'P0 Critical' });
	const target = p0.locator('td', { hasText: 'Every 15 minutes' });
	await expect(target).toBeInViewport();
	// The column heading is hidden on a phone, so each target carries its label itself.
	expect(await target.evaluate((cell) => getComputedStyle(cell, '::before').content)).toContain(
		'Update frequency'
	);
	const box = await target.boundingBox();
	expect(box!.x + box!.width).toBeLessThanOrEqual(375);
});

test('on a small phone a scenario with several alerts wraps their names instead of scrolling sideways', async ({
	page,
}) => {
	await page.setViewportSize({ width: 320, height: 640 });
	await page.goto('/servio/scenarios/webhook-security-alert/');
	const alerts = page.locator('main code.alert');
	await expect(alerts).toHaveText(['WebhookVerificationFailure', 'WebhookReplayAttack']);
	const right = await alerts.evaluateAll((codes) =>
		Math.max(...codes.map((code) => code.getBoundingClientRect().right))
	);
	expect(right).toBeLessThanOrEqual(320);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});

test('on a phone each severity page shows its targets without scrolling sideways', async ({
	page,
}) => {
	await page.setViewportSize({ width: 375, height: 800 });
	const pages: string[] = [];
	for (const playbook of Object.keys(SCENARIOS)) {
		await page.goto(`/${playbook}/severities/`);
		const links = page.locator(`main a[href^="/${playbook}/severities/"]`);
		pages.push(...(await links.evaluateAll((all) => all.map((a) => a.getAttribute('href')!))));
	}
	expect(pages.length).toBeGreaterThanOrEqual(20);
	for (const path of new Set(pages)) {
		await page.goto(path);
		const targets = page.locator('main dl.rb-facts');
		await expect(targets, path).toBeVisible();
		const right = await targets
			.locator('dt, dd')
			.evaluateAll((cells) => Math.max(...cells.map((cell) => cell.getBoundingClientRect().right)));
		expect(right, page.url()).toBeLessThanOrEqual(375);
		expect(
			await page.evaluate(() => document.documentElement.scrollWidth),
			page.url()
		).toBeLessThanOrEqual(375);
	}
});

test('escalation keeps each playbook’s own logic', async ({ page }) => {
	await page.goto('/restaurant-os/escalation/');
	await expect(page.getByRole('heading', { name: 'L2: System Owner (Escalation)' })).toBeVisible();
	await expect(page.locator('main')).toContainText('Declare extended outage');
	await page.goto('/sentia/escalation/');
	await expect(page.getByRole('row', { name: /Level 3/ })).toContainText('30-60 min');
	await page.goto('/stolentee/escalation/');
	await expect(page.getByRole('row', { name: /P1/ }).first()).toContainText(
		'After 2 hours if not resolved'
	);
	// "On this page" lists the paths, the roles and the contacts; each link lands on its section.
	const toc = page.locator('starlight-toc');
	await expect(toc.getByRole('link')).toHaveText([
		'Overview',
		'Escalation by Severity',
		'Roles',
		'Emergency Contacts',
		'Critical System Access',
	]);
	await toc.getByRole('link', { name: 'Emergency Contacts' }).click();
	await expect(page.locator('#contacts')).toBeInViewport();
	// An imported page's link to the roles it lost lands on them.
	await page.goto('/maidconnect/escalation/#roles');
	await expect(page.locator('#roles')).toHaveText('Roles');
	await expect(page.locator('#roles')).toBeInViewport();
});

test('every seed scenario has steps to tick on its page, and the first one ticks', async ({
	page,
}) => {
	test.setTimeout(300_000);
	for (const [playbook, slugs] of Object.entries(SCENARIOS)) {
		for (const slug of slugs) {
			const path = `/${playbook}/scenarios/${slug}/`;
			await page.goto(path);
			const box = page.locator('main rb-checklist input[type="checkbox"]').first();
			await expect(box, path).toBeEnabled();
			await box.check();
			await expect(box, path).toBeChecked();
		}
	}
});
