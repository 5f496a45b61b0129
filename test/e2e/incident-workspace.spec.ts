import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './incident-fixtures.ts';

// Two tabs, a hand-over to a fresh browser and axe scans: slower than one page's checks.
test.describe.configure({ timeout: 90_000 });

const START = '2025-11-19T03:42:00.000Z';
const SCENARIO = '/restaurant-os/scenarios/complete-backend-outage/';

/** Presses Tab until the focused element has `name` as its accessible text; fails after `limit`. */
async function tabTo(page: Page, name: string | RegExp, limit = 80) {
	for (let i = 0; i < limit; i++) {
		await page.keyboard.press('Tab');
		const focused = await page.evaluate(() => {
			const element = document.activeElement as HTMLElement | null;
			return element?.getAttribute('aria-label') ?? element?.textContent?.trim() ?? '';
		});
		if (typeof name === 'string' ? focused === name : name.test(focused)) return;
	}
	throw new Error(`Tab never reached ${name}`);
}

/** Adds a note to the active incident from a second tab, as a colleague on the incident would. */
async function noteFromAnotherTab(context: BrowserContext, text: string) {
	const other = await context.newPage();
	await other.goto('/incident/');
	await other.getByLabel('Note', { exact: true }).fill(text);
	await other.getByRole('button', { name: 'Add note' }).click();
}

test.describe('nothing typed is lost', () => {
	test('a note being typed survives a tick in another tab and a minute of clock', async ({
		page,
		context,
		incident,
	}) => {
		await page.clock.install({ time: new Date(START) });
		await page.goto('/incident/');
		await incident.declare({ playbook: 'restaurant-os', title: 'Typing survives' });
		const note = page.getByLabel('Note', { exact: true });
		await note.fill('Rolled back 4f2a, watching err');
		await expect(note).toBeFocused();

		const other = await context.newPage();
		await other.goto('/restaurant-os/checklists/incident-response-checklist/');
		const step = other.locator('rb-checklist input[type="checkbox"]').first();
		const stepText = (await other.locator('rb-checklist li[data-item] label').first().innerText())
			.trim()
			.split('\n')[0]!;
		await step.check();
		// The tick reached this tab's timeline, so the store changed under the note.
		await expect(page.locator('.rb-timeline li').first()).toContainText(stepText.slice(0, 20));
		await expect(note).toHaveValue('Rolled back 4f2a, watching err');
		await expect(note).toBeFocused();

		await page.clock.runFor(60_000);
		await expect(incident.banner()).toContainText('1 min ago');
		await expect(note).toHaveValue('Rolled back 4f2a, watching err');
		await expect(note).toBeFocused();
		await page.keyboard.type('or rate');
		await page.getByRole('button', { name: 'Add note' }).click();
		await expect(page.locator('.rb-timeline li').first()).toContainText(
			'Rolled back 4f2a, watching error rate'
		);
		await expect(note).toHaveValue('');
	});

	test('an open timeline edit and a half-filled role survive changes from another tab', async ({
		page,
		context,
		incident,
	}) => {
		await incident.at(START);
		await page.goto('/incident/');
		await incident.declare({ playbook: 'restaurant-os', title: 'Edits survive' });
		await page.getByLabel('Note', { exact: true }).fill('Typo here');
		await page.getByRole('button', { name: 'Add note' }).click();
		await page.getByRole('button', { name: 'Edit entry “Typo here”' }).click();
		const edit = page.getByLabel(/Edit entry of/);
		await edit.fill('Half-corrected');
		await page.getByText('Assign a role').click();
		await page.getByLabel('Person').fill('Bo');

		await noteFromAnotherTab(context, 'From the other tab');

		await expect(page.locator('.rb-timeline li').first()).toContainText('From the other tab');
		await expect(edit).toHaveValue('Half-corrected');
		await expect(page.getByLabel('Person')).toHaveValue('Bo');
		await edit.fill('Corrected');
		await page.getByRole('button', { name: 'Save' }).click();
		await expect(page.locator('.rb-timeline')).toContainText('Corrected');
	});

	test('the workspace stops listening when it leaves the page and catches up when it returns', async ({
		page,
		context,
		incident,
	}) => {
		await incident.at(START);
		await page.goto('/incident/');
		await incident.declare({ playbook: 'restaurant-os', title: 'Listeners' });
		await page.evaluate(() => {
			// Registered after the workspace's own listener, so it runs after it would have.
			addEventListener('storage', () => document.body.setAttribute('data-storage-seen', ''));
			const element = document.querySelector('rb-incident-workspace')!;
			(window as unknown as { parked: Element }).parked = element;
			element.remove();
		});
		await noteFromAnotherTab(context, 'While away');
		await expect(page.locator('body')).toHaveAttribute('data-storage-seen', '');
		const detached = await page.evaluate(
			() => (window as unknown as { parked: Element }).parked.textContent
		);
		expect(detached).not.toContain('While away');
		await page.evaluate(() =>
			document
				.querySelector('rb-incident-banner')!
				.after((window as unknown as { parked: Element }).parked)
		);
		await expect(page.locator('.rb-timeline li').first()).toContainText('While away');
	});
});

test.describe('the declare dialog', () => {
	for (const scheme of ['light', 'dark'] as const) {
		test(`is centred over a visible backdrop on a desktop (${scheme}), prefilled from a severity page`, async ({
			page,
		}) => {
			await page.setViewportSize({ width: 1280, height: 800 });
			await page.emulateMedia({ colorScheme: scheme });
			await page.goto('/restaurant-os/severities/p0/');
			const opener = page.getByRole('button', { name: 'Declare incident', exact: true });
			await opener.click();
			const dialog = page.getByRole('dialog', { name: 'Declare incident' });
			await expect(dialog.getByLabel('Title')).toHaveValue('P0 incident');
			await expect(dialog.getByLabel('Severity')).toHaveValue('restaurant-os/p0');
			const box = (await dialog.boundingBox())!;
			expect(Math.abs(box.x + box.width / 2 - 640)).toBeLessThanOrEqual(2);
			expect(Math.abs(box.y + box.height / 2 - 400)).toBeLessThanOrEqual(2);
			expect(box.width).toBeGreaterThan(400);
			const backdrop = await dialog.evaluate(
				(element) => getComputedStyle(element, '::backdrop').backgroundColor
			);
			const alpha = Number(/rgba?\([^)]*?,\s*([\d.]+)\)$/.exec(backdrop)?.[1] ?? 1);
			expect(backdrop).not.toBe('rgba(0, 0, 0, 0)');
			expect(alpha).toBeGreaterThanOrEqual(0.5);
			const look = (name: string) =>
				dialog
					.getByRole('button', { name, exact: true })
					.evaluate((element) => getComputedStyle(element).backgroundColor);
			expect(await look('Declare')).not.toBe(await look('Cancel'));
			expect(
				(await new AxeBuilder({ page }).include('dialog.rb-declare').analyze()).violations
			).toEqual([]);
			await page.keyboard.press('Escape');
			await expect(dialog).toBeHidden();
			await expect(opener).toBeFocused();
		});
	}

	test('takes at least 90 % of a phone’s width and keeps its buttons on screen', async ({
		page,
	}) => {
		await page.setViewportSize({ width: 375, height: 812 });
		await page.goto(SCENARIO);
		await page.getByRole('button', { name: 'Declare incident', exact: true }).click();
		const dialog = page.getByRole('dialog', { name: 'Declare incident' });
		await expect(dialog.getByLabel('Title')).toHaveValue('Complete Backend Outage');
		const box = (await dialog.boundingBox())!;
		expect(box.width).toBeGreaterThanOrEqual(0.9 * 375);
		expect(box.x).toBeGreaterThanOrEqual(0);
		expect(box.x + box.width).toBeLessThanOrEqual(375);
		await expect(dialog.getByRole('button', { name: 'Declare', exact: true })).toBeInViewport();
		await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeInViewport();
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow).toBeLessThanOrEqual(0);
	});

	test('starts now in UTC and takes another start time', async ({ page, incident }) => {
		await incident.at(START);
		await page.goto(SCENARIO);
		await page.getByRole('button', { name: 'Declare incident', exact: true }).click();
		const dialog = page.getByRole('dialog', { name: 'Declare incident' });
		const start = dialog.getByLabel('Start time (UTC)');
		await expect(start).toHaveValue('2025-11-19T03:42');
		await start.fill('2025-11-19T03:15');
		await dialog.getByRole('button', { name: 'Declare', exact: true }).click();
		await expect(incident.banner().getByRole('link', { name: /INC-20251119-0315/ })).toBeVisible();
	});
});

test.describe('one declare control on /incident/', () => {
	const declareButtons = (page: Page) =>
		page.getByRole('button', { name: 'Declare incident', exact: true });

	test('with no incident, with one running, and on a hand-over landing', async ({
		page,
		incident,
		browser,
	}) => {
		await incident.at(START);
		await page.goto('/incident/');
		await expect(page.getByText('No incidents yet.')).toBeVisible();
		await expect(declareButtons(page)).toHaveCount(1);
		await incident.declare({ playbook: 'restaurant-os', title: 'Once', commander: 'Ana' });
		await expect(declareButtons(page)).toHaveCount(1);
		await expect(page.getByText('No incidents yet.')).toBeHidden();

		const link = await incident.handoverLink();
		const fresh = await browser.newContext({ baseURL: new URL(link).origin });
		const landing = await fresh.newPage();
		await landing.goto(link);
		const handover = landing.getByRole('region', { name: /Hand-over: INC-20251119-0342/ });
		await expect(handover).toContainText('Once');
		await expect(handover).toContainText('Incident commander: Ana');
		await expect(handover).toContainText('Investigating');
		await expect(landing.getByText('No incidents yet.')).toBeHidden();
		await expect(declareButtons(landing)).toHaveCount(1);
		expect(
			(await new AxeBuilder({ page: landing }).include('rb-incident-workspace').analyze())
				.violations
		).toEqual([]);
		await landing.getByRole('button', { name: 'Take over INC-20251119-0342' }).click();
		await expect(landing.getByRole('heading', { name: /INC-20251119-0342: Once/ })).toBeVisible();
		await expect(handover).toBeHidden();
		await fresh.close();
	});
});

test('keyboard only: declare, note, status change, export', async ({ page, incident }) => {
	await incident.at(START);
	await page.goto('/incident/');
	await tabTo(page, 'Declare incident');
	await page.keyboard.press('Enter');
	const dialog = page.getByRole('dialog', { name: 'Declare incident' });
	await expect(dialog.getByLabel('Title')).toBeFocused();
	await page.keyboard.type('Keyboard drill');
	await page.keyboard.press('Enter');
	await expect(dialog).toBeHidden();
	const note = page.getByLabel('Note', { exact: true });
	await expect(note).toBeFocused();
	await page.keyboard.type('Only the keyboard');
	await page.keyboard.press('Control+Enter');
	await expect(page.locator('.rb-timeline li').first()).toContainText('Only the keyboard');
	await expect(note).toBeFocused();
	await page.keyboard.press('Shift+Tab');
	await page.keyboard.press('Shift+Tab');
	const status = page.getByLabel('Status', { exact: true });
	await expect(status).toBeFocused();
	await page.keyboard.press('ArrowDown');
	await expect(page.locator('.rb-timeline li').first()).toContainText(
		'Status: Investigating → Identified'
	);
	await tabTo(page, 'Incident record');
	await page.keyboard.press('Enter');
	const record = await page.getByLabel('Exported text').inputValue();
	expect(record).toContain('Keyboard drill');
	expect(record).toContain('Only the keyboard');
	expect(record).toContain('**Status:** Identified');
});

test('at 375 px the workspace does not scroll sideways and leads with state and note', async ({
	page,
	incident,
}) => {
	await page.setViewportSize({ width: 375, height: 812 });
	await incident.at(START);
	await page.goto('/incident/');
	await incident.declare({ playbook: 'restaurant-os', title: 'A rather long incident title' });
	for (const text of ['one', 'two', 'three', 'four', 'five', 'six'])
		await incident.send({ type: 'note', text: `Note ${text}` });
	await page.evaluate(() => window.scrollTo(0, 0));
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
	// The note box and status come before the timeline, whatever its length.
	const top = async (selector: string) => (await page.locator(selector).first().boundingBox())!.y;
	expect(await top('#rb-status')).toBeLessThan(await top('.rb-timeline'));
	expect(await top('#rb-note')).toBeLessThan(await top('.rb-timeline'));
	expect(await top('.rb-timeline')).toBeLessThan(await top('.rb-danger-zone'));
});
