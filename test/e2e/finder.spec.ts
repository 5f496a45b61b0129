import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures/search.ts';

test('the finder narrows scenarios as you type, without asking the server', async ({
	page,
	finder,
}) => {
	await page.goto('/find/');
	const all = await finder.shown.count();
	expect(all).toBeGreaterThan(3);
	// Starlight's header search may load its UI code meanwhile; what must not happen is a look-up.
	const lookups: string[] = [];
	page.on('request', (request) => {
		if (
			/\/pagefind\/|runbooks\.json/.test(request.url()) ||
			['fetch', 'xhr'].includes(request.resourceType())
		)
			lookups.push(request.url());
	});
	await finder.words.pressSequentially('kitchen display');
	await expect(finder.shown).toHaveCount(1);
	await expect(finder.shown.getByRole('link')).toHaveAttribute(
		'href',
		'/restaurant-os/scenarios/websocket-connection-failures/'
	);
	await expect(page.getByRole('status').filter({ hasText: 'scenarios' })).toHaveText(
		`1 of ${all} scenarios`
	);
	expect(lookups).toEqual([]);
	await expect(page).toHaveURL(/\?q=kitchen\+display$/);
});

test('alert and severity filters narrow a playbook finder, and the URL keeps them', async ({
	page,
	finder,
}) => {
	await page.goto('/servio/find/');
	await finder.alert.selectOption('WebhookReplayAttack');
	await expect(finder.shown).toHaveCount(1);
	await expect(finder.shown.getByRole('link')).toHaveText('Webhook Security Alert');
	await finder.alert.selectOption('');
	await finder.severity.selectOption('P0');
	const p0 = await finder.shown.count();
	expect(p0).toBeGreaterThan(1);
	for (const badge of await finder.shown.locator('.severity').allTextContents())
		expect(badge.trim()).toBe('P0');
	await page.reload();
	await expect(finder.severity).toHaveValue('P0');
	await expect(finder.shown).toHaveCount(p0);
});

test('with nothing matching, the finder says so and offers search', async ({ page, finder }) => {
	await page.goto('/find/?q=zzzz-no-such-symptom');
	await expect(finder.shown).toHaveCount(0);
	await expect(page.getByText('No scenario matches all of these.')).toBeVisible();
	await expect(page.getByRole('link', { name: 'search every page' })).toHaveAttribute(
		'href',
		'/search/'
	);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the finder is a readable list of every scenario with its symptoms', async ({ page }) => {
		await page.goto('/servio/find/');
		const controls = page.locator('rb-finder form');
		await expect(controls).toHaveCount(1);
		await expect(controls).toBeHidden();
		const item = page.locator('li[data-id="servio/database-connection-exhaustion"]');
		await expect(item.getByRole('link', { name: 'Database Connection Exhaustion' })).toBeVisible();
		await expect(item).toContainText('Users experiencing timeouts');
		await expect(item.locator('code').first()).toHaveText('DatabaseConnectionExhaustion');
	});
});

for (const path of ['/find/', '/search/?q=payment', '/alerts/NoSuchAlertAnywhere/']) {
	test(`${path} has no accessibility violations in dark and light`, async ({ page }) => {
		await page.goto(path);
		if (path.startsWith('/search/'))
			await expect(page.locator('.pagefind-ui__result').first()).toBeVisible();
		for (const theme of ['dark', 'light']) {
			await page.evaluate(
				(value) => document.documentElement.setAttribute('data-theme', value),
				theme
			);
			// Starlight's own header search button fails label-content-name-mismatch; it is not ours to fix here.
			const { violations } = await new AxeBuilder({ page })
				.exclude('button[data-open-modal]')
				.analyze();
			expect(violations.map((violation) => `${theme}: ${violation.id}`)).toEqual([]);
		}
	});
}
