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
