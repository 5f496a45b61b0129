import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';

/**
 * Shared, full, blocked, corrupted and cleared storage, and incident ids chosen to collide: every
 * case keeps the page working, says what happened, and raises no page error. Two tabs ticking at
 * once lose nothing.
 */
const SCENARIO = '/servio/scenarios/database-connection-exhaustion/';

const incident = (id: string) => ({
	id,
	title: `Incident ${id}`,
	playbook: 'servio',
	severity: 'servio/p0',
	status: 'investigating',
	startedAt: '2026-11-22T04:00:00.000Z',
	roles: {},
	timeline: [],
});
const store = (activeId: string | null, ...ids: string[]) => ({
	version: 2,
	activeId,
	incidents: Object.fromEntries(ids.map((id) => [id, incident(id)])),
});

/** Page errors of every page of the test; each test ends by asserting there were none. */
const test = base.extend<{ errors: string[] }>({
	// Automatic: every test asserts it without asking for it.
	errors: [
		async ({ context }, use) => {
			const errors: string[] = [];
			const watch = (page: Page) => page.on('pageerror', (error) => errors.push(error.message));
			context.pages().forEach(watch);
			context.on('page', watch);
			await use(errors);
			expect(errors).toEqual([]);
		},
		{ auto: true },
	],
});

async function open(page: Page, before?: () => void) {
	if (before) await page.addInitScript(before);
	await page.goto(SCENARIO);
	const checklist = page.locator('rb-checklist').first();
	await expect(checklist.getByText(/^\d+ of \d+ done$/)).toBeVisible();
	return {
		checklist,
		boxes: checklist.getByRole('checkbox'),
		notice: checklist.getByRole('status'),
		progress: checklist.getByText(/^\d+ of \d+ done$/),
	};
}

const setStore = (page: Page, value: unknown) =>
	page.evaluate((value) => {
		localStorage.setItem('responder:incidents', JSON.stringify(value));
		window.dispatchEvent(new Event('responder:active-incident'));
	}, value);

/**
 * Two tabs of incident `INC-1` on the longest checklist of the seeds (its groups are lists of one
 * document, stored together), each ready once `ready` passes.
 */
async function twoTabs(
	context: BrowserContext,
	page: Page,
	ready: (tab: Page) => Promise<void>
): Promise<Page[]> {
	const path = '/restaurant-os/checklists/incident-response-checklist/';
	await page.goto(path);
	await page.evaluate(
		(value) => localStorage.setItem('responder:incidents', JSON.stringify(value)),
		store('INC-1', 'INC-1')
	);
	const tabs = [page, await context.newPage()];
	for (const tab of tabs) {
		await tab.goto(path);
		await ready(tab);
	}
	return tabs;
}

test('two tabs ticking alternate items at once, 200 times, lose no tick', async ({
	context,
	page,
}) => {
	test.setTimeout(180_000);
	const boxes = (tab: Page) => tab.locator('.rb-checklist__box');
	// The HTML's boxes stay disabled until the list has shown the incident's stored ticks; the
	// progress line is in the HTML from the start, so it says nothing about that.
	const listReady = (tab: Page) => expect(boxes(tab).and(tab.locator(':disabled'))).toHaveCount(0);
	const tabs = await twoTabs(context, page, listReady);
	const total = await boxes(page).count();
	expect(total).toBeGreaterThan(10);
	// Tab 0 clicks the even items in turn, tab 1 the odd ones, 100 clicks each, both at once.
	const clicks = 100;
	const own = (offset: number) => [...Array(total).keys()].filter((item) => item % 2 === offset);
	await Promise.all(
		tabs.map((tab, offset) =>
			tab.evaluate(
				async ([items, clicks]) => {
					const boxes = [...document.querySelectorAll<HTMLInputElement>('.rb-checklist__box')];
					for (let i = 0; i < clicks!; i++) {
						boxes[items![i % items!.length]!]!.click();
						await new Promise((resolve) => setTimeout(resolve, 0));
					}
				},
				[own(offset), clicks] as const
			)
		)
	);
	// An item ends ticked when it was clicked an odd number of times.
	const expected = [...Array(total).keys()].map((item) => {
		const mine = own(item % 2);
		const count =
			Math.floor(clicks / mine.length) + (mine.indexOf(item) < clicks % mine.length ? 1 : 0);
		return count % 2 === 1;
	});
	for (const tab of tabs) {
		await tab.reload();
		await listReady(tab);
		expect(
			await boxes(tab).evaluateAll((all) => all.map((box) => (box as HTMLInputElement).checked))
		).toEqual(expected);
	}
});

test('two tabs of one incident recording 100 notes each at once lose no entry', async ({
	context,
	page,
}) => {
	test.setTimeout(180_000);
	const tabs = await twoTabs(context, page, (tab) =>
		expect(tab.locator('rb-incident-banner')).toContainText('INC-1')
	);
	// Each tab sends its notes through the event checklists and templates use, both at once.
	const notes = 100;
	await Promise.all(
		tabs.map((tab, offset) =>
			tab.evaluate(
				async ([offset, notes]) => {
					for (let i = 0; i < notes!; i++) {
						const detail = { type: 'note', text: `tab ${offset} note ${i}` };
						window.dispatchEvent(new CustomEvent('responder:timeline', { detail }));
						await new Promise((resolve) => setTimeout(resolve, 0));
					}
				},
				[offset, notes] as const
			)
		)
	);
	const expected = tabs
		.flatMap((_, offset) => [...Array(notes).keys()].map((i) => `tab ${offset} note ${i}`))
		.sort();
	const stored = (tab: Page) =>
		tab.evaluate(() => {
			const value = JSON.parse(localStorage.getItem('responder:incidents') ?? 'null');
			const timeline: { id: string; text?: string }[] = value?.incidents?.['INC-1']?.timeline ?? [];
			return {
				ids: new Set(timeline.map((entry) => entry.id)).size,
				texts: timeline.map((entry) => entry.text ?? '').sort(),
			};
		});
	// Both tabs' storage settles on all 200 entries, each with its own id…
	for (const tab of tabs)
		await expect
			.poll(() => stored(tab), { timeout: 10_000 })
			.toEqual({
				ids: expected.length,
				texts: expected,
			});
	// …and so does what each tab shows once reloaded.
	for (const tab of tabs) {
		await tab.goto('/incident/');
		for (const text of ['tab 0 note 99', 'tab 1 note 99', 'tab 0 note 0', 'tab 1 note 0'])
			await expect(tab.getByText(text, { exact: true })).toBeVisible();
		expect(await stored(tab)).toEqual({ ids: expected.length, texts: expected });
	}
});

test.describe('storage faults keep the page working, with a notice and no page error', () => {
	test('blocked storage', async ({ page }) => {
		const tab = await open(page, () => {
			Object.defineProperty(window, 'localStorage', {
				get() {
					throw new DOMException('The operation is insecure.', 'SecurityError');
				},
			});
		});
		await expect(tab.notice).toContainText('not being saved');
		await tab.boxes.first().check();
		await expect(tab.progress).toHaveText(/^1 of/);
		await page.getByRole('combobox', { name: /theme/i }).first().selectOption('light');
		await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
	});

	test('full storage', async ({ page }) => {
		const tab = await open(page, () => {
			Storage.prototype.setItem = () => {
				throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			};
		});
		await tab.boxes.first().check();
		await expect(tab.notice).toContainText('storage is full');
		await expect(tab.progress).toHaveText(/^1 of/);
		await page.getByRole('combobox', { name: /theme/i }).first().selectOption('dark');
		await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	});

	test('corrupted values: the list, a tick, the incidents and the theme', async ({ page }) => {
		await page.goto(SCENARIO);
		const document = await page.locator('rb-checklist').first().getAttribute('data-checklist');
		await page.evaluate((document) => {
			const key = `responder:checklist:v3:default:${encodeURIComponent(document!)}`;
			localStorage.setItem(key, '{"version": 3, "items": [');
			localStorage.setItem(`${key}:item:x`, '"not a tick"');
			localStorage.setItem('responder:incidents', '{"version": 2, "activeId": "__proto__"');
			localStorage.setItem('starlight-theme', '"><img src=x>');
		}, document);
		const tab = await open(page);
		await expect(tab.notice).toContainText('could not be read');
		await tab.boxes.first().check();
		await expect(tab.progress).toHaveText(/^1 of/);
		await expect(page.locator('html')).toHaveAttribute('data-theme', /^(light|dark)$/);
	});

	test('a list stored by a newer version is moved aside, not misread', async ({ page }) => {
		await page.goto(SCENARIO);
		const document = await page.locator('rb-checklist').first().getAttribute('data-checklist');
		const key = `responder:checklist:v3:default:${encodeURIComponent(document!)}`;
		await page.evaluate((key) => localStorage.setItem(key, '{"version": 99, "rows": []}'), key);
		const tab = await open(page);
		await expect(tab.notice).toContainText(`${key}:corrupt:`);
		await tab.boxes.first().check();
		await expect(tab.progress).toHaveText(/^1 of/);
	});

	for (const [fault, stored] of [
		['a foreign version', { ...store('INC-1', 'INC-1'), version: 99 }],
		['an active id of __proto__', { version: 2, activeId: '__proto__', incidents: {} }],
		[
			'a start time that is not a date',
			{
				...store('INC-1', 'INC-1'),
				incidents: { 'INC-1': { ...incident('INC-1'), startedAt: '2025-13-45T99:00' } },
			},
		],
		[
			'a status that is not one',
			{
				...store('INC-1', 'INC-1'),
				incidents: { 'INC-1': { ...incident('INC-1'), status: 'on fire' } },
			},
		],
	] as const)
		test(`incidents stored with ${fault} are moved aside, and the banner says so`, async ({
			page,
		}) => {
			await page.addInitScript((value) => {
				if (!sessionStorage.getItem('seeded'))
					localStorage.setItem('responder:incidents', JSON.stringify(value));
				sessionStorage.setItem('seeded', '1');
			}, stored as unknown);
			const tab = await open(page);
			await expect(page.locator('rb-incident-banner')).toContainText(
				'Saved incidents could not be read'
			);
			const aside = await page.evaluate(() =>
				Object.keys(localStorage).filter((key) => key.startsWith('responder:incidents:corrupt:'))
			);
			expect(aside).toHaveLength(1);
			await tab.boxes.first().check();
			await expect(tab.progress).toHaveText(/^1 of/);
		});

	test('storage cleared in another tab mid-incident', async ({ context, page }) => {
		await page.goto(SCENARIO);
		await setStore(page, store('INC-7', 'INC-7'));
		const tab = await open(page);
		await tab.boxes.first().check();
		const other = await context.newPage();
		await other.goto('/');
		await other.evaluate(() => localStorage.clear());
		await expect(tab.notice).toContainText('cleared in another tab');
		await expect(tab.boxes.first()).toBeChecked();
		await tab.boxes.nth(1).check();
		// Both ticks are saved again under the incident, none under the pre-incident scope.
		const keys = await page.evaluate(() => Object.keys(localStorage).sort());
		expect(
			keys.filter((key) => key.includes(':item:') && key.includes(':incident:INC-7:'))
		).toHaveLength(2);
		expect(keys.filter((key) => key.includes(':default:'))).toEqual([]);
		expect(keys).toContain('responder:incidents');
		await page.reload();
		await expect(tab.progress).toHaveText(/^2 of/);
	});
});

test.describe('incident ids cannot reach each other’s ticks', () => {
	test('INC-1 and INC-1:x', async ({ page }) => {
		await page.goto(SCENARIO);
		await setStore(page, store('INC-1', 'INC-1', 'INC-1:x'));
		const tab = await open(page);
		await tab.boxes.first().check();
		await setStore(page, store('INC-1:x', 'INC-1', 'INC-1:x'));
		await expect(tab.progress).toHaveText(/^0 of/);
		await tab.boxes.nth(1).check();
		await setStore(page, store('INC-1', 'INC-1', 'INC-1:x'));
		await expect(tab.boxes.first()).toBeChecked();
		await expect(tab.boxes.nth(1)).not.toBeChecked();
	});

	test('an incident named default does not claim ticks made before any incident', async ({
		page,
	}) => {
		const tab = await open(page);
		await tab.boxes.first().check();
		await setStore(page, store('default', 'default'));
		await expect(tab.progress).toHaveText(/^0 of/);
		await setStore(page, store(null, 'default'));
		await expect(tab.boxes.first()).toBeChecked();
	});

	test('an incident named __proto__ works like any other', async ({ page }) => {
		await page.goto(SCENARIO);
		await setStore(page, store('__proto__', '__proto__'));
		const tab = await open(page);
		await tab.boxes.first().check();
		await page.reload();
		await expect(tab.boxes.first()).toBeChecked();
	});
});
