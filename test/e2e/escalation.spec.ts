import { expect, test, type Locator, type Page } from '@playwright/test';
import { fixturePort } from './sites.ts';

test.use({ baseURL: `http://localhost:${fixturePort}` });

/** The labelled facts listed right after `heading`. */
const factsAfter = (page: Page, heading: string) =>
	page.getByRole('heading', { name: heading }).locator('xpath=following-sibling::*[1][self::dl]');

/** `list` holds these facts in order, each label on the row of its value. */
async function expectFacts(list: Locator, expected: [label: string, value: string][]) {
	await expect(list.locator('dt')).toHaveText(expected.map(([label]) => label));
	await expect(list.locator('dd')).toHaveText(expected.map(([, value]) => value));
	const tops = (selector: string) =>
		list
			.locator(selector)
			.evaluateAll((cells) => cells.map((cell) => cell.getBoundingClientRect().top));
	expect(await tops('dt')).toEqual(await tops('dd'));
}

test('a ladder of levels says when, how and how fast each level is engaged', async ({ page }) => {
	await page.goto('/drill/escalation/');
	await expectFacts(factsAfter(page, '1st: Booking desk on-call'), [
		['Respond within', '15 minutes'],
	]);
	await expectFacts(factsAfter(page, '2nd: Platform lead'), [
		['When', '30 minutes — the on-call has not acknowledged the page'],
		['How', 'phone call'],
	]);
	await expectFacts(factsAfter(page, '3rd: Head of operations'), [
		['When', 'bookings stay down after the platform lead joins'],
	]);
});

test('a severity page states its targets and its post-mortem rule in words', async ({ page }) => {
	await page.goto('/drill/severities/sev-2/');
	await expectFacts(page.locator('main dl.rb-facts'), [
		['Updates', '1 hour'],
		['Post-mortem', 'Required within 5 days'],
	]);
});
