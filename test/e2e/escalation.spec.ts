import { expect, test } from '@playwright/test';
import { fixturePort } from './sites.ts';

test.use({ baseURL: `http://localhost:${fixturePort}` });

test('a ladder of levels says when, how and how fast each level is engaged', async ({ page }) => {
	await page.goto('/drill/escalation/');
	const facts = async (heading: string, expected: [label: string, value: string][]) => {
		const list = page
			.getByRole('heading', { name: heading })
			.locator('xpath=following-sibling::*[1][self::dl]');
		await expect(list.locator('dt')).toHaveText(expected.map(([label]) => label));
		await expect(list.locator('dd')).toHaveText(expected.map(([, value]) => value));
		// Each label sits on the row of its value.
		const tops = (selector: string) =>
			list
				.locator(selector)
				.evaluateAll((cells) => cells.map((cell) => cell.getBoundingClientRect().top));
		expect(await tops('dt')).toEqual(await tops('dd'));
	};
	await facts('1st: Booking desk on-call', [['Respond within', '15 minutes']]);
	await facts('2nd: Platform lead', [
		['When', '30 minutes — the on-call has not acknowledged the page'],
		['How', 'phone call'],
	]);
	await facts('3rd: Head of operations', [
		['When', 'bookings stay down after the platform lead joins'],
	]);
});
