import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';
import { GATE_PAGES } from './pages.ts';

for (const theme of ['light', 'dark'] as const) {
	for (const row of GATE_PAGES) {
		test(`the ${row.kind} page has no accessibility violations in the ${theme} theme`, async ({
			page,
			gatePage,
		}) => {
			await gatePage.useTheme(theme);
			await gatePage.open(row);
			await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
			const results = await new AxeBuilder({ page }).analyze();
			const summary = results.violations.map(
				(v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
			);
			expect(summary).toEqual([]);
		});
	}
}
