import { expect, test } from '@playwright/test';

test('the home page leads to a scenario rendered from typed content', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('link', { name: 'Database Connection Exhaustion' }).first().click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Database Connection Exhaustion'
	);
	await expect(page.getByText('DatabaseConnectionExhaustion').first()).toBeVisible();
	await expect(page.locator('main').getByRole('link', { name: 'P0 Critical' })).toBeVisible();
});

test('a severity page shows its targets and its scenarios', async ({ page }) => {
	await page.goto('/servio/severities/');
	const row = page.getByRole('row', { name: /P0/ });
	await expect(row).toContainText('15 min');
	await expect(row.getByRole('link', { name: 'Database Connection Exhaustion' })).toBeVisible();
});

test('the sidebar holds only the current playbook', async ({ page }) => {
	await page.goto('/servio/');
	const sidebar = page.locator('nav[aria-label="Main"]');
	await expect(sidebar.getByRole('link', { name: 'All scenarios' })).toBeVisible();
});

test('the sitemap lists every playbook page and none of the app screens or alert links', async ({
	request,
}) => {
	const locs = async (path: string) =>
		[...(await (await request.get(path)).text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map(
			(match) => new URL(match[1]!).pathname
		);
	const pages = (await Promise.all((await locs('/sitemap-index.xml')).map(locs))).flat();
	expect(pages).toContain('/');
	expect(pages).toContain('/find/');
	expect(pages).toContain('/servio/scenarios/database-connection-exhaustion/');
	for (const screen of ['/404/', '/404']) expect(pages).not.toContain(screen);
	for (const screen of ['/offline/', '/search/', '/incident/']) {
		expect(pages, screen).not.toContain(screen);
		// Each is built, so leaving it out of the sitemap was a choice.
		expect((await request.get(screen)).status(), screen).toBe(200);
	}
	expect(pages.filter((path) => path.startsWith('/alerts/'))).toEqual([]);
});
