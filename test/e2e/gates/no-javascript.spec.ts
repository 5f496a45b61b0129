import { expect, test } from './fixtures.ts';
import { GATE_PAGES } from './pages.ts';

test.use({ javaScriptEnabled: false });

for (const row of GATE_PAGES.filter((row) => !row.open)) {
	test(`the ${row.kind} page is readable with JavaScript off`, async ({ page, gatePage }) => {
		await gatePage.open(row);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		const main = page.locator('main');
		await expect(main).toBeVisible();
		expect((await main.innerText()).trim().length).toBeGreaterThan(20);
		// Nothing that scripts would reveal is left hidden over the content.
		const covered = await page.evaluate(() => {
			const h1 = document.querySelector('main h1')!.getBoundingClientRect();
			const top = document.elementFromPoint(h1.left + 2, h1.top + h1.height / 2);
			return top?.closest('main') ? null : top?.outerHTML.slice(0, 120);
		});
		expect(covered).toBeNull();
	});
}

test('a template’s text can be selected and copied by hand with JavaScript off', async ({
	page,
	gatePage,
}) => {
	const row = GATE_PAGES.find((row) => row.kind === 'template')!;
	await gatePage.open(row);
	const body = page.locator('main pre').first();
	await expect(body).toBeVisible();
	const expected = (await body.innerText()).trim();
	expect(expected.length).toBeGreaterThan(10);
	// Select the text the way a triple-click-and-drag would, then read what the browser selected.
	await body.evaluate((element) => {
		const range = document.createRange();
		range.selectNodeContents(element);
		const selection = window.getSelection()!;
		selection.removeAllRanges();
		selection.addRange(range);
	});
	const selected = await page.evaluate(() => window.getSelection()!.toString().trim());
	expect(selected).toBe(expected);
	expect(await body.evaluate((element) => getComputedStyle(element).userSelect)).not.toBe('none');
});

test('an alert link with JavaScript off keeps no room for the offer it cannot draw', async ({
	page,
}) => {
	// The scenario itself: the /alerts/ page's meta refresh drops the fragment, as no script runs.
	await page.goto(
		'/servio/scenarios/database-connection-exhaustion/#alert=DatabaseConnectionExhaustion&service=api&summary=Pool%20full'
	);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	const box = page.locator('rb-incident-banner .rb-alert-context');
	await expect(box).toBeEmpty();
	expect((await box.boundingBox())?.height ?? 0, "the offer's box").toBe(0);
	await expect(page.locator('rb-incident-banner')).not.toHaveAttribute('data-alert-room');
});
