import { expect, test } from '@playwright/test';

test('an alert link with direction overrides and control characters shows them as escapes', async ({
	page,
}) => {
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	// "alert" + RIGHT-TO-LEFT OVERRIDE + "gnp.exe" + ESC + BEL reads "alertexe.png" when obeyed.
	await page.goto(`/alerts/${encodeURIComponent('alert\u202Egnp.exe\u001b\u0007')}/`);
	const name = page.locator('rb-not-found .name');
	await expect(name).toHaveText('alert\\u202Egnp.exe\\x1B\\x07');
	await expect(page.locator('rb-not-found bdi .name')).toHaveCount(1);
	await expect(page.getByRole('searchbox', { name: 'Search the runbooks' })).toHaveValue(
		'alertgnp.exe'
	);
	expect(errors).toEqual([]);
});
