import { expect, test } from '@playwright/test';
import { revealControls, stripControls } from '../../src/lib/escape.ts';
import { HOSTILE_STRINGS } from '../fixtures/hostile-strings.ts';

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

test('every hostile string in an alert link shows as text on the not-found page', async ({
	page,
}) => {
	test.setTimeout(180_000);
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	// An alert name is one path segment: a `/` (even as `%2F`) cannot be in one, and the preview
	// server refuses it before the page loads. That leaves 39 of the corpus strings.
	const names = HOSTILE_STRINGS.filter((value) => !value.includes('/'));
	expect(names.length).toBeGreaterThanOrEqual(30);
	for (const value of names) {
		await page.goto(`/alerts/${encodeURIComponent(value)}/`);
		await expect(page.locator('rb-not-found .name'), value).toHaveText(revealControls(value), {
			useInnerText: false,
		});
		await expect(page.getByRole('searchbox', { name: 'Search the runbooks' })).toHaveValue(
			stripControls(value).replace(/[\r\n]/g, '')
		);
		await expect(
			page.locator(
				['img', 'script', 'iframe', 'svg', 'form:not([role="search"])']
					.map((tag) => `rb-not-found ${tag}`)
					.join(', ')
			)
		).toHaveCount(0);
	}
	expect(errors).toEqual([]);
});
