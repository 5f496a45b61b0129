import { expect, test } from '@playwright/test';

test('an alert link ends on the scenario that claims the alert', async ({ page }) => {
	await page.goto('/alerts/DatabaseConnectionExhaustion/');
	await expect(page).toHaveURL('/servio/scenarios/database-connection-exhaustion/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Database Connection Exhaustion'
	);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the alert link still redirects, and names its target as a link', async ({
		page,
		request,
	}) => {
		const html = await (await request.get('/alerts/DatabaseConnectionExhaustion/')).text();
		expect(html).toContain(
			'<meta http-equiv="refresh" content="0; url=/servio/scenarios/database-connection-exhaustion/">'
		);
		expect(html).toContain('<a href="/servio/scenarios/database-connection-exhaustion/"');
		await page.goto('/alerts/DatabaseConnectionExhaustion/');
		await expect(page).toHaveURL('/servio/scenarios/database-connection-exhaustion/');
	});
});

test('an alert no runbook claims says so and offers search with its name filled in', async ({
	page,
}) => {
	const response = await page.goto('/alerts/NoSuchAlertAnywhere/');
	expect(response?.status()).toBe(404);
	await expect(
		page.getByText('No runbook claims the alert NoSuchAlertAnywhere yet.')
	).toBeVisible();
	const box = page.getByRole('searchbox', { name: 'Search the runbooks' });
	await expect(box).toHaveValue('NoSuchAlertAnywhere');
	await page.getByRole('button', { name: 'Search' }).last().click();
	await expect(page).toHaveURL('/search/?q=NoSuchAlertAnywhere');
	await expect(page.getByRole('textbox', { name: 'Search the runbooks' })).toHaveValue(
		'NoSuchAlertAnywhere'
	);
	await expect(page.locator('rb-search .pagefind-ui__message')).toContainText(
		'NoSuchAlertAnywhere'
	);
});

test('an alert link in the wrong case points to the right one', async ({ page }) => {
	await page.goto('/alerts/databaseconnectionexhaustion/');
	await page.getByRole('link', { name: 'DatabaseConnectionExhaustion' }).click();
	await expect(page).toHaveURL('/servio/scenarios/database-connection-exhaustion/');
});

test('other unknown pages keep the plain not-found text', async ({ page }) => {
	await page.goto('/no/such/page/');
	await expect(page.getByText('There is no page at this address.')).toBeVisible();
	await expect(page.getByText('No runbook claims the alert')).toBeHidden();
});
