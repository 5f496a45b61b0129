import { expect, test } from './fixtures.ts';
import { GATE_PAGES } from './pages.ts';

test.use({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });

for (const row of GATE_PAGES) {
	test(`the ${row.kind} page fits 375 px without horizontal scroll and its controls are reachable`, async ({
		page,
		gatePage,
	}) => {
		await gatePage.open(row);
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow, 'pixels of horizontal scroll').toBeLessThanOrEqual(0);
		// Every visible control lies within the viewport's width, or inside a box that scrolls on its own
		// (code blocks, wide tables), so a thumb can reach it.
		const unreachable = await page.evaluate(() => {
			const scrollsOnItsOwn = (element: Element) => {
				for (let parent = element.parentElement; parent; parent = parent.parentElement) {
					const style = getComputedStyle(parent);
					if (/(auto|scroll)/.test(style.overflowX) && parent.scrollWidth > parent.clientWidth)
						return true;
				}
				return false;
			};
			return [
				...document.querySelectorAll(
					'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])'
				),
			]
				.filter((element) => {
					const box = element.getBoundingClientRect();
					if (
						box.width === 0 ||
						box.height === 0 ||
						getComputedStyle(element).visibility === 'hidden'
					)
						return false;
					return (box.left < -1 || box.right > window.innerWidth + 1) && !scrollsOnItsOwn(element);
				})
				.map((element) => element.outerHTML.slice(0, 100));
		});
		expect(unreachable).toEqual([]);
	});
}

test('the sidebar menu opens on a phone and its links lead on', async ({ page, gatePage }) => {
	await gatePage.open(GATE_PAGES.find((row) => row.kind === 'playbook overview')!);
	await page.getByRole('button', { name: 'Menu' }).click();
	const link = page.locator('nav[aria-label="Main"]').getByRole('link').nth(1);
	await expect(link).toBeInViewport();
	await link.click();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
