import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Server } from 'node:http';
import { expect, test as base, type BrowserContext, type Page } from '@playwright/test';
import { serveStatic } from '../../bench/serve.ts';
import type { WorkerBuild } from '../../src/lib/offline-messages.ts';
import { port } from './sites.ts';

/**
 * The built site served by a static server of the test's own (on the next port after the test
 * site's), which the test can stop, as an outage would, and switch to another build. Browsers keep
 * one service worker per origin, so each test gets a fresh browser context.
 */
class OfflineSite {
	root = resolve('dist');
	server: Server | undefined;
	readonly origin = `http://127.0.0.1:${port + 1}`;

	constructor(readonly page: Page) {}

	async start() {
		this.server = (await serveStatic(() => this.root, port + 1)).server;
	}

	async stop() {
		const server = this.server;
		this.server = undefined;
		if (!server) return;
		server.closeAllConnections();
		await new Promise((done) => server.close(done));
	}

	/** Both ways a network goes: the browser's connection and the host itself. */
	async goOffline(context: BrowserContext) {
		await context.setOffline(true);
		await this.stop();
	}

	async open(path: string) {
		await this.page.goto(`${this.origin}${path}`);
		await expect(this.page.locator('h1').first()).toBeVisible();
	}

	/** Waits until the worker has stored its copy (a file at a time) and serves this page. */
	async waitForWorker() {
		await this.page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
			timeout: 120_000,
		});
	}

	/** Which build the worker serving the page stores, as the worker says. */
	build(): Promise<WorkerBuild> {
		return this.page.evaluate(
			() =>
				new Promise<WorkerBuild>((resolve) => {
					const channel = new MessageChannel();
					channel.port1.onmessage = (event) => resolve(event.data);
					navigator.serviceWorker.controller!.postMessage({ type: 'GET_BUILD' }, [channel.port2]);
				})
		);
	}

	indicator() {
		return this.page.locator('rb-offline-status [data-offline]');
	}

	updateOffer() {
		return this.page.locator('rb-offline-status [data-update]');
	}
}

/**
 * Writes a built site's worker as the build does. In a process of its own: workbox-build does not
 * load inside Playwright's test runner.
 */
function writeWorker(dist: string, sources: Date) {
	const script = `
		import { writeFileSync } from 'node:fs';
		import { serviceWorker } from './src/integrations/service-worker.ts';
		const [dist, sources] = process.argv.slice(1);
		writeFileSync(dist + '/sw.js', (await serviceWorker(dist, new Date(sources))).code);`;
	execFileSync(process.execPath, [
		'--input-type=module',
		'-e',
		script,
		dist,
		sources.toISOString(),
	]);
}

/** Also fails a test on any request off the site's origin or anything the CSP refused. */
const test = base.extend<{ site: OfflineSite }>({
	site: async ({ page }, use) => {
		const site = new OfflineSite(page);
		const offOrigin: string[] = [];
		const refused: string[] = [];
		page.on('request', (request) => {
			const url = new URL(request.url());
			if (url.protocol.startsWith('http') && url.origin !== site.origin) offOrigin.push(url.href);
		});
		page.on('console', (message) => {
			if (/Content Security Policy/.test(message.text())) refused.push(message.text());
		});
		await site.start();
		await use(site);
		await site.stop();
		expect(offOrigin, 'requests that left the origin').toEqual([]);
		expect(refused, 'Content Security Policy violations').toEqual([]);
	},
});

// The other specs block service workers (playwright.config.ts); these are about them.
test.use({ serviceWorkers: 'allow', permissions: ['clipboard-read', 'clipboard-write'] });
// One after the other: both serve on the same port. Storing the whole seed site takes a while on a
// busy machine.
test.describe.configure({ mode: 'default', timeout: 240_000 });

test('after one visit to the home page, pages never opened work with the network and the host gone', async ({
	page,
	context,
	site,
}) => {
	await site.open('/');
	await site.waitForWorker();
	await expect(site.indicator()).toBeHidden();
	await site.goOffline(context);

	// A scenario: its checklist ticks, and the page says it is the saved copy, and of when.
	await site.open('/servio/scenarios/database-connection-exhaustion/');
	await expect(site.indicator()).toBeVisible();
	await expect(site.indicator()).toContainText('Offline: working from the saved copy');
	await expect(site.indicator().locator('time')).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/);
	const checklist = page.locator('rb-checklist').first();
	await checklist.getByRole('checkbox').first().check();
	await expect(checklist.getByText(/^1 of \d+ done$/)).toBeVisible();

	// A severity and a checklist page.
	await site.open('/servio/severities/p0/');
	await expect(page.locator('h1')).toContainText('P0');
	await site.open('/maidconnect/checklists/first-5-minutes/');
	await expect(page.locator('rb-checklist').first().getByRole('checkbox').first()).toBeEnabled();

	// A template: a field fills the message, and the filled message copies.
	await site.open('/servio/templates/');
	const template = await page
		.locator('main a[href^="/servio/templates/"]')
		.first()
		.getAttribute('href');
	await site.open(template!);
	await page.getByRole('button', { name: 'Copy text', exact: true }).click();
	await expect
		.poll(() => page.evaluate(() => navigator.clipboard.readText()))
		.toBe(await page.locator('[data-part="body"]').textContent());

	// The incident bar declares, and the workspace opens the declared incident.
	await page
		.locator('rb-incident-banner')
		.getByRole('button', { name: 'Declare incident', exact: true })
		.click();
	const dialog = page.getByRole('dialog', { name: 'Declare incident' });
	await dialog.getByLabel('Title').fill('Checkout down while offline');
	await dialog.getByRole('button', { name: 'Declare', exact: true }).click();
	await expect(page.locator('rb-incident-banner[data-active]')).toContainText('INC-');
	await site.open('/incident/');
	await expect(page.locator('rb-incident-workspace')).toContainText('Checkout down while offline');

	// Search finds pages from the saved index.
	await site.open('/search/?q=connection');
	await expect(page.locator('.pagefind-ui__result').first()).toBeVisible();
	await expect(page.locator('.pagefind-ui__message')).toContainText('for connection');

	// A page the copy does not hold says so and offers search instead of the browser's error.
	await site.open('/no-such-page/');
	await expect(page.locator('h1')).toHaveText('This page is not saved for offline use');
	const search = page.getByRole('search', { name: 'Search the runbooks' });
	await search.getByRole('searchbox').fill('replica lag');
	await search.getByRole('button', { name: 'Search' }).click();
	await expect(page.locator('.pagefind-ui__result').first()).toBeVisible();
});

test('a new build waits until the responder asks for it, then replaces the whole copy at once', async ({
	page,
	site,
}) => {
	const work = mkdtempSync(join(tmpdir(), 'responder-offline-'));
	try {
		const first = join(work, 'first');
		const second = join(work, 'second');
		cpSync(site.root, first, { recursive: true });
		cpSync(site.root, second, { recursive: true });
		// The second build: its home page changed, from sources changed later; the build's own step
		// writes its worker.
		const home = join(second, 'index.html');
		writeFileSync(
			home,
			readFileSync(home, 'utf8').replace('</h1>', ' <span data-second-build>(new)</span></h1>')
		);
		const later = new Date('2099-01-01T00:00:00.000Z');
		writeWorker(second, later);
		site.root = first;

		await site.open('/');
		await site.waitForWorker();
		const oldBuild = await site.build();
		// Stands for a responder's unsaved work: a reload would lose it.
		await page.evaluate(() => Object.assign(window, { rbUnsaved: 'notes' }));

		site.root = second;
		await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
		await expect(site.updateOffer()).toBeVisible();
		await expect(site.updateOffer()).toContainText(
			'New version available — reload when convenient.'
		);
		// Nothing moved under the responder: same page, same worker, their work still there.
		expect(await page.evaluate(() => (window as { rbUnsaved?: string }).rbUnsaved)).toBe('notes');
		expect(await site.build()).toEqual(oldBuild);
		// Pages opened meanwhile still come from the old copy, never half from the new one.
		await site.open('/servio/');
		await site.open('/');
		await expect(page.locator('[data-second-build]')).toHaveCount(0);
		expect(await site.build()).toEqual(oldBuild);

		await expect(site.updateOffer()).toBeVisible();
		await site.updateOffer().getByRole('button', { name: 'Reload' }).click();
		await expect(page.locator('[data-second-build]')).toBeVisible({ timeout: 30_000 });
		expect(await site.build()).toMatchObject({ sourceDate: later.toISOString() });
		expect((await site.build()).build).not.toBe(oldBuild.build);
		await expect(site.updateOffer()).toBeHidden();
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
});
