import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import { resolvePath, type GatePage } from './pages.ts';

interface Guard {
	/** Every URL the page requested, including ones the browser was refused. */
	requests: string[];
}

declare global {
	interface Window {
		__rbCspViolations: string[];
	}
}

/**
 * Every gate test runs under a guard that records each request and each Content Security Policy
 * violation from before the first page script, and fails the test if any request left the origin
 * or the policy refused anything.
 */
export const test = base.extend<{ guard: Guard; gatePage: GatePageDriver }>({
	guard: [
		async ({ page, baseURL }, use) => {
			const guard: Guard = { requests: [] };
			page.on('request', (request) => guard.requests.push(request.url()));
			await page.addInitScript(() => {
				window.__rbCspViolations = [];
				document.addEventListener('securitypolicyviolation', (event) => {
					window.__rbCspViolations.push(
						`${event.violatedDirective} refused ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`
					);
				});
			});
			await use(guard);
			const origin = new URL(baseURL!).origin;
			const offOrigin = guard.requests.filter(
				(url) =>
					!url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin
			);
			expect(offOrigin, 'requests that left the origin').toEqual([]);
			const violations = page.isClosed()
				? []
				: await page.evaluate(() => window.__rbCspViolations ?? []).catch(() => []);
			expect(violations, 'Content Security Policy violations').toEqual([]);
		},
		{ auto: true },
	],
	gatePage: async ({ page, request }, use) => {
		await use(new GatePageDriver(page, request));
	},
});

/** Opens a row of the gate table the way a responder would reach it. */
export class GatePageDriver {
	readonly page: Page;
	readonly #request: APIRequestContext;

	constructor(page: Page, request: APIRequestContext) {
		this.page = page;
		this.#request = request;
	}

	async open(row: GatePage) {
		const path = await resolvePath(row, this.#request);
		const response = await this.page.goto(path);
		expect(response?.status(), `status of ${path}`).toBe(row.notFound ? 404 : 200);
		if (row.open === 'search') await this.openSearch();
		if (row.open === 'incident') await this.declareIncident();
		return path;
	}

	/** Declares an incident through the banner's dialog and adds a note, so banner and timeline show. */
	async declareIncident() {
		await this.page.getByRole('button', { name: 'Declare incident', exact: true }).first().click();
		const dialog = this.page.getByRole('dialog', { name: 'Declare incident' });
		await dialog.getByLabel('Title').fill('Gate check');
		await dialog.getByRole('button', { name: 'Declare', exact: true }).click();
		await expect(dialog).toBeHidden();
		await expect(this.page.locator('rb-incident-banner')).toContainText(/INC-\d/);
	}

	async openSearch() {
		const button = this.page.getByRole('button', { name: 'Search' }).first();
		await expect(button).toBeEnabled();
		await button.click();
		const dialog = this.page.getByRole('dialog', { name: 'Search' });
		await expect(dialog).toBeVisible();
		await dialog.getByRole('textbox').fill('database');
		await expect(dialog.locator('.pagefind-ui__result').first()).toBeVisible();
	}

	/**
	 * Uses what the page offers, so the guard sees the requests features make: the theme picker,
	 * and each enhanced element present (`rb-checklist` ticks, `rb-template` fields). Add a line
	 * here when a feature adds an element.
	 */
	async useFeatures() {
		const theme = this.page.getByRole('combobox', { name: 'Select theme' }).first();
		if (await theme.isVisible()) await theme.selectOption('dark');
		const tick = this.page.locator('rb-checklist input[type="checkbox"]').first();
		if (await tick.count()) await tick.check();
		const field = this.page.locator('rb-template input[type="text"], rb-template textarea').first();
		if (await field.count()) await field.fill('gate check');
	}

	/** Sets Starlight's theme before any script runs, as its theme picker would have stored it. */
	async useTheme(theme: 'light' | 'dark') {
		await this.page.addInitScript((value) => localStorage.setItem('starlight-theme', value), theme);
		await this.page.emulateMedia({ colorScheme: theme });
	}
}

export { expect };
