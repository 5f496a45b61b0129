import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './incident-fixtures.ts';

/** Stock Starlight fails axe on its search button's label; Responder's own parts are checked. */
const scan = (page: import('@playwright/test').Page, selector: string) =>
	new AxeBuilder({ page }).include(selector).analyze();

for (const scheme of ['light', 'dark'] as const) {
	test(`the banner and workspace pass axe in ${scheme} mode`, async ({ page, incident }) => {
		await page.emulateMedia({ colorScheme: scheme });
		await incident.at('2025-11-19T03:42:00Z');
		await page.goto('/incident/');
		await incident.declare({ playbook: 'restaurant-os', title: 'Accessible', commander: 'Ana' });
		await incident.at('2025-11-19T05:42:00Z');
		await expect(incident.clock('update')).toHaveClass(/overdue/);
		await page.getByText('Severity helper').click();
		await incident.exportText('Incident record');
		expect((await scan(page, 'rb-incident-banner')).violations).toEqual([]);
		expect((await scan(page, 'rb-incident-workspace')).violations).toEqual([]);
		await page.goto('/restaurant-os/decisions/mitigation/');
		expect((await scan(page, 'rb-decision-stepper')).violations).toEqual([]);
	});
}
