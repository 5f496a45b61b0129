import { expect, test } from './fixtures.ts';
import { GATE_PAGES } from './pages.ts';

declare global {
	interface Window {
		__rbLayoutShift: { value: number; sources: string[] };
	}
}

/**
 * Cumulative layout shift as Chromium measures it (`layout-shift` entries without recent input, the
 * way CLS counts them), from before the first script until the page's elements have upgraded.
 */
test.beforeEach(async ({ page }) => {
	await page.addInitScript(() => {
		window.__rbLayoutShift = { value: 0, sources: [] };
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries() as (PerformanceEntry & {
				value: number;
				hadRecentInput: boolean;
				sources?: { node?: Node | null }[];
			})[]) {
				if (entry.hadRecentInput) continue;
				window.__rbLayoutShift.value += entry.value;
				for (const source of entry.sources ?? []) {
					const node = source.node;
					window.__rbLayoutShift.sources.push(
						node instanceof Element
							? `${node.tagName.toLowerCase()}.${[...node.classList].join('.')}`
							: String(node?.nodeName)
					);
				}
			}
		}).observe({ type: 'layout-shift', buffered: true });
	});
});

/** Waits until every Responder element on the page is upgraded and fonts are in, then reads the sum. */
async function layoutShift(page: import('@playwright/test').Page) {
	await page.waitForFunction(() =>
		[...document.querySelectorAll('*')]
			.filter((element) => element.localName.startsWith('rb-'))
			.every((element) => customElements.get(element.localName))
	);
	await page.evaluate(() => document.fonts.ready.then(() => undefined));
	// Two frames, so shifts from the last upgrade have been laid out and reported.
	await page.evaluate(
		() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
	);
	return page.evaluate(() => window.__rbLayoutShift);
}

for (const row of GATE_PAGES) {
	test(`the ${row.kind} page does not move as it loads and upgrades (CLS 0)`, async ({
		page,
		gatePage,
	}) => {
		await gatePage.open(row);
		const shift = await layoutShift(page);
		expect(shift, 'layout shift and the elements that moved').toEqual({ value: 0, sources: [] });
	});
}

test('with an incident active, a scenario page loads its incident bar without moving (CLS 0)', async ({
	page,
	gatePage,
}) => {
	await gatePage.open({ kind: 'scenario', path: '/servio/scenarios/high-error-rate/' });
	await gatePage.declareIncident();
	await page.reload();
	await expect(page.locator('rb-incident-banner .rb-clock').first()).toBeVisible();
	const shift = await layoutShift(page);
	expect(shift, 'layout shift and the elements that moved').toEqual({ value: 0, sources: [] });
});
