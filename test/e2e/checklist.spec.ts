import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import type { Element, ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';

/** A scenario whose body has a task list; assertions use its items as found, not their texts. */
const SCENARIO = '/servio/scenarios/database-connection-exhaustion/';

/** The first checklist of a page, driven the way a responder would. */
class ChecklistPage {
	readonly page: Page;
	readonly checklist: Locator;
	readonly boxes: Locator;
	readonly progress: Locator;
	readonly notice: Locator;
	readonly next: Locator;
	readonly reset: Locator;

	constructor(page: Page) {
		this.page = page;
		this.checklist = page.locator('rb-checklist').first();
		this.boxes = this.checklist.getByRole('checkbox');
		this.progress = this.checklist.getByText(/^\d+ of \d+ done$/);
		this.notice = this.checklist.getByRole('status');
		this.next = this.checklist.getByRole('button', { name: 'Next unticked step' });
		this.reset = this.checklist.getByRole('button', { name: 'Reset' });
	}

	async goto(path = SCENARIO) {
		await this.page.goto(path);
		await expect(this.progress).toBeVisible();
	}

	/** The storage key of this checklist before any incident (`null`) or during `incident`. */
	async key(incident: string | null = null): Promise<string> {
		const document = (await this.checklist.getAttribute('data-checklist'))!;
		const scope = incident === null ? 'default' : `incident:${encodeURIComponent(incident)}`;
		return `responder:checklist:v3:${scope}:${encodeURIComponent(document)}`;
	}

	async ids(): Promise<string[]> {
		return this.checklist
			.locator('li[data-item]')
			.evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.item!));
	}

	item(index: number): Locator {
		return this.checklist.locator('li[data-item]').nth(index);
	}

	async total(): Promise<number> {
		return this.boxes.count();
	}

	/** The list's stored value with its ticks gathered from their own keys; `null` when none. */
	async stored(
		incident: string | null = null
	): Promise<{ version: number; ticks: Record<string, { at: string; text: string }> } | null> {
		const key = await this.key(incident);
		return this.page.evaluate((key) => {
			const ticks: Record<string, { at: string; text: string }> = {};
			for (const name of Object.keys(localStorage))
				if (name.startsWith(`${key}:item:`))
					ticks[decodeURIComponent(name.slice(key.length + 6))] = JSON.parse(
						localStorage.getItem(name)!
					);
			const list = JSON.parse(localStorage.getItem(key) ?? 'null');
			return list || Object.keys(ticks).length ? { ...list, ticks } : null;
		}, key);
	}

	/** Stores a value the way versions 1 and 2 did: one key per list, before any incident. */
	async storeLegacy(value: string) {
		const key = `responder:checklist:default:${await this.checklist.getAttribute('data-checklist')}`;
		await this.page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [key, value]);
	}
}

const test = base.extend<{ checklist: ChecklistPage }>({
	checklist: async ({ page }, use) => {
		await use(new ChecklistPage(page));
	},
});

test('ticks stay ticked with their time after a reload', async ({ checklist, page }) => {
	await checklist.goto();
	const total = await checklist.total();
	expect(total).toBeGreaterThan(1);
	await expect(checklist.progress).toHaveText(`0 of ${total} done`);
	await checklist.boxes.nth(1).check();
	await expect(checklist.progress).toHaveText(`1 of ${total} done`);
	await page.reload();
	await expect(checklist.boxes.nth(1)).toBeChecked();
	await expect(checklist.boxes.nth(0)).not.toBeChecked();
	await expect(checklist.progress).toHaveText(`1 of ${total} done`);
	const time = checklist.item(1).locator('time');
	await expect(time).toHaveText(/^\d\d:\d\d UTC$/);
	await expect(time).toHaveAttribute('title', /your local time/);
	const stored = await checklist.stored();
	const at = await time.getAttribute('datetime');
	expect(stored?.ticks[(await checklist.ids())[1]!]?.at).toBe(at);
	expect(new Date(at!).toISOString().slice(11, 16)).toBe((await time.textContent())!.slice(0, 5));
});

test('two pages of one browser stay in step', async ({ checklist, context }) => {
	await checklist.goto();
	const other = new ChecklistPage(await context.newPage());
	await other.goto();
	const total = await checklist.total();
	await checklist.boxes.first().check();
	await expect(other.boxes.first()).toBeChecked();
	await expect(other.progress).toHaveText(`1 of ${total} done`);
	await expect(other.item(0).locator('time')).toHaveText(/UTC$/);
	await other.boxes.first().uncheck();
	await expect(checklist.boxes.first()).not.toBeChecked();
	await expect(checklist.progress).toHaveText(`0 of ${total} done`);
});

/** Serves the page with its first checklist's items reversed and a new item put first. */
async function serveReorderedAndExtended(page: Page) {
	await page.route(`**${SCENARIO}`, async (route) => {
		const response = await route.fetch();
		const tree = fromHtml(await response.text());
		const list = findFirst(tree.children, (node) => node.tagName === 'rb-checklist');
		const items = findFirst(
			list!.children,
			(node) => node.tagName === 'ul' || node.tagName === 'ol'
		)!;
		const entries = items.children.filter((child): child is Element => child.type === 'element');
		const added = structuredClone(entries[0]!);
		added.properties['dataItem'] = 'a-step-added-later';
		const text = findFirst(added.children, (node) =>
			String(node.properties['className']).includes('rb-checklist__text')
		)!;
		text.children = [{ type: 'text', value: 'A step added later' }];
		items.children = [added, ...entries.reverse()];
		await route.fulfill({ response, body: toHtml(tree) });
	});
}

function findFirst(
	nodes: (ElementContent | import('hast').RootContent)[],
	match: (node: Element) => boolean
): Element | undefined {
	for (const node of nodes) {
		if (node.type !== 'element') continue;
		if (match(node)) return node;
		const found = findFirst(node.children, match);
		if (found) return found;
	}
	return undefined;
}

test('keeps ticks on their items when the list is reordered and extended, and keeps ticks of removed items', async ({
	checklist,
	page,
}) => {
	await checklist.goto();
	const ids = await checklist.ids();
	const texts = await checklist.checklist.locator('.rb-checklist__text').allTextContents();
	const at = '2026-11-22T03:00:00.000Z';
	// A tick on an item the runbook no longer has, from an earlier version of the page (and of the
	// storage layout, which the page moves to one key per tick).
	await checklist.storeLegacy(
		JSON.stringify({ version: 2, ticks: { 'a-removed-step': { at, text: 'A removed step' } } })
	);
	await page.reload();
	await checklist.boxes.first().check();
	await checklist.boxes.last().check();

	await serveReorderedAndExtended(page);
	await page.reload();
	await expect(checklist.checklist.locator('.rb-checklist__text').first()).toHaveText(
		'A step added later'
	);
	expect(await checklist.ids()).toEqual(['a-step-added-later', ...ids.reverse()]);
	await expect(checklist.progress).toHaveText(`2 of ${ids.length + 1} done`);
	for (const [index, text] of texts.entries()) {
		const box = checklist.checklist.getByRole('checkbox', { name: text, exact: true });
		if (index === 0 || index === texts.length - 1) await expect(box).toBeChecked();
		else await expect(box).not.toBeChecked();
	}
	await expect(
		checklist.checklist.getByRole('checkbox', { name: 'A step added later' })
	).not.toBeChecked();
	await checklist.checklist.getByRole('checkbox', { name: 'A step added later' }).check();
	expect((await checklist.stored())?.ticks['a-removed-step']).toEqual({
		at,
		text: 'A removed step',
	});
});

test('a list stored by version 1 moves to one key per tick, its code loaded only then', async ({
	checklist,
	page,
}) => {
	const scripts: string[] = [];
	page.on('request', (request) => scripts.push(request.url()));
	await checklist.goto();
	await checklist.boxes.nth(1).check();
	await page.reload();
	await expect(checklist.boxes.nth(1)).toBeChecked();
	expect(scripts.filter((url) => url.includes('checklist-migration'))).toEqual([]);

	const ids = await checklist.ids();
	const at = '2026-11-22T03:00:00.000Z';
	await page.evaluate(() => localStorage.clear());
	await checklist.storeLegacy(JSON.stringify({ version: 1, ticked: { [ids[0]!]: at } }));
	await page.reload();
	await expect(checklist.boxes.first()).toBeChecked();
	await expect(checklist.item(0).locator('time')).toHaveAttribute('datetime', at);
	expect(scripts.filter((url) => url.includes('checklist-migration'))).toHaveLength(1);
	expect((await checklist.stored())?.ticks[ids[0]!]).toEqual({ at, text: '' });
	const legacy = `responder:checklist:default:${await checklist.checklist.getAttribute('data-checklist')}`;
	expect(await page.evaluate((key) => localStorage.getItem(key), legacy)).toBeNull();
});

/** Reset, "next unticked step" and the notices' words: loaded on a list's first need of them. */
const ACTIONS = /\/_astro\/checklist-actions\.[\w-]+\.js$/;

test('a tick is stored the moment it is made, and reset waits for its code, then works', async ({
	checklist,
	page,
}) => {
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	let requested = false;
	await page.route(ACTIONS, async (route) => {
		requested = true;
		await held;
		await route.continue();
	});
	await checklist.goto();
	const total = await checklist.total();
	await checklist.boxes.nth(1).check();
	const ids = await checklist.ids();
	expect(Object.keys((await checklist.stored())!.ticks)).toEqual([ids[1]]);
	expect(requested).toBe(false);
	await page.reload();
	await expect(checklist.boxes.nth(1)).toBeChecked();

	page.once('dialog', (dialog) => dialog.accept());
	await checklist.reset.click();
	await expect.poll(() => requested).toBe(true);
	await expect(checklist.boxes.nth(1)).toBeChecked();
	release();
	await expect(checklist.boxes.nth(1)).not.toBeChecked();
	await expect(checklist.progress).toHaveText(`0 of ${total} done`);
});

test('when the code for reset cannot load, ticks stay and the list says so', async ({
	checklist,
	page,
}) => {
	await page.route(ACTIONS, (route) => route.abort());
	await checklist.goto();
	await checklist.boxes.first().check();
	await checklist.reset.click();
	await expect(checklist.notice).toContainText('did not load');
	await expect(checklist.boxes.first()).toBeChecked();
	await page.reload();
	await expect(checklist.boxes.first()).toBeChecked();
});

test('reset asks first and clears only when confirmed', async ({ checklist, page }) => {
	await checklist.goto();
	const total = await checklist.total();
	await checklist.boxes.first().check();
	// Reset's code loads on first use, so its first question comes after the click: it is answered
	// before the next click. (Answered in the handler: the next click's question blocks the click.)
	const dismissed = new Promise<void>((resolve) =>
		page.once('dialog', (dialog) => void dialog.dismiss().then(resolve))
	);
	await checklist.reset.click();
	await dismissed;
	await expect(checklist.boxes.first()).toBeChecked();
	page.once('dialog', (dialog) => {
		expect(dialog.message()).toContain('Untick 1 ticked step');
		void dialog.accept();
	});
	await checklist.reset.click();
	await expect(checklist.boxes.first()).not.toBeChecked();
	await expect(checklist.progress).toHaveText(`0 of ${total} done`);
	await expect(checklist.item(0).locator('time')).toHaveCount(0);
});

test('works from the keyboard alone, with "next unticked step" moving focus', async ({
	checklist,
	page,
}) => {
	await checklist.goto();
	const total = await checklist.total();
	await checklist.boxes.first().check();
	await page.locator('body').click({ position: { x: 1, y: 1 } });
	// Tab through the page until the button has focus, as a keyboard user would.
	for (
		let i = 0;
		i < 80 && !(await checklist.next.evaluate((button) => button === document.activeElement));
		i++
	)
		await page.keyboard.press('Tab');
	await expect(checklist.next).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(checklist.boxes.nth(1)).toBeFocused();
	await page.keyboard.press('Space');
	await expect(checklist.boxes.nth(1)).toBeChecked();
	await expect(checklist.progress).toHaveText(`2 of ${total} done`);
	const outline = await checklist.boxes
		.nth(1)
		.evaluate((box) => getComputedStyle(box).outlineStyle);
	expect(outline).not.toBe('none');
});

test('each tick and untick goes to the incident timeline', async ({ checklist, page }) => {
	await checklist.goto();
	await page.evaluate(() => {
		(window as unknown as { events: unknown[] }).events = [];
		window.addEventListener('responder:timeline', (event) =>
			(window as unknown as { events: unknown[] }).events.push((event as CustomEvent).detail)
		);
	});
	const text = (await checklist.item(0).locator('.rb-checklist__text').textContent())!.trim();
	await checklist.boxes.first().check();
	await checklist.boxes.first().uncheck();
	const item = (await checklist.ids())[0];
	const checklistId = await checklist.checklist.getAttribute('data-checklist');
	expect(await page.evaluate(() => (window as unknown as { events: unknown[] }).events)).toEqual([
		{ type: 'step-ticked', checklist: checklistId, item, text },
		{ type: 'step-unticked', checklist: checklistId, item, text },
	]);
});

test('ticks belong to the active incident, so two incidents never share them', async ({
	checklist,
	page,
}) => {
	await checklist.goto();
	const total = await checklist.total();
	await checklist.boxes.first().check();
	const incident = (id: string) => ({
		id,
		title: id,
		playbook: 'servio',
		severity: 'servio/p0',
		status: 'investigating',
		startedAt: '2026-11-22T04:00:00Z',
		roles: {},
		timeline: [],
	});
	await page.evaluate(
		(store) => {
			localStorage.setItem('responder:incidents', JSON.stringify(store));
			window.dispatchEvent(new Event('responder:active-incident'));
		},
		{ version: 2, activeId: 'inc-a', incidents: { 'inc-a': incident('inc-a') } }
	);
	await expect(checklist.progress).toHaveText(`0 of ${total} done`);
	await checklist.boxes.nth(1).check();
	expect(Object.keys((await checklist.stored('inc-a'))!.ticks)).toEqual([
		(await checklist.ids())[1],
	]);
	await page.evaluate(() => {
		localStorage.removeItem('responder:incidents');
		window.dispatchEvent(new Event('responder:active-incident'));
	});
	await expect(checklist.boxes.first()).toBeChecked();
	await expect(checklist.boxes.nth(1)).not.toBeChecked();
});

test.describe('when storage fails the checklist keeps working and says so', () => {
	test('corrupted data is moved aside, not deleted', async ({ checklist, page }) => {
		await checklist.goto();
		const total = await checklist.total();
		const key = await checklist.key();
		await page.evaluate((key) => localStorage.setItem(key, '{"version": 3, "items": ["oops"'), key);
		await page.reload();
		await expect(checklist.notice).toBeVisible();
		await expect(checklist.notice).toContainText('could not be read');
		await checklist.boxes.first().check();
		await expect(checklist.progress).toHaveText(`1 of ${total} done`);
		const aside = await page.evaluate(
			(key) =>
				Object.keys(localStorage)
					.filter((name) => name.startsWith(`${key}:corrupt:`))
					.map((name) => localStorage.getItem(name)),
			key
		);
		expect(aside).toEqual(['{"version": 3, "items": ["oops"']);
	});

	test('storage that throws on access', async ({ checklist, context, page }) => {
		await checklist.goto();
		const total = await checklist.total();
		await checklist.boxes.first().check();
		const blocked = new ChecklistPage(await context.newPage());
		await blocked.page.addInitScript(() => {
			Object.defineProperty(window, 'localStorage', {
				get() {
					throw new DOMException('The operation is insecure.', 'SecurityError');
				},
			});
		});
		await blocked.goto();
		await expect(blocked.notice).toContainText('not being saved');
		await blocked.boxes.nth(1).check();
		await expect(blocked.progress).toHaveText(`1 of ${total} done`);
		await expect(blocked.item(1).locator('time')).toHaveText(/UTC$/);
		await page.reload();
		await expect(checklist.boxes.first()).toBeChecked();
		await expect(checklist.boxes.nth(1)).not.toBeChecked();
		await expect(checklist.notice).toBeHidden();
	});

	test('storage that is full', async ({ checklist, context }) => {
		await checklist.goto();
		const total = await checklist.total();
		await checklist.boxes.first().check();
		const full = new ChecklistPage(await context.newPage());
		await full.page.addInitScript(() => {
			const setItem = Storage.prototype.setItem;
			Storage.prototype.setItem = function (key: string, value: string) {
				if (key.startsWith('responder:checklist:'))
					throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
				setItem.call(this, key, value);
			};
		});
		await full.goto();
		await expect(full.boxes.first()).toBeChecked();
		await expect(full.notice).toBeHidden();
		await full.boxes.nth(1).check();
		await expect(full.notice).toContainText('storage is full');
		await expect(full.progress).toHaveText(`2 of ${total} done`);
		const ids = await full.ids();
		expect(Object.keys((await full.stored())!.ticks)).toEqual([ids[0]]);
	});
});

test('without JavaScript the checklist is a readable list of labelled boxes', async ({
	browser,
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(SCENARIO);
	const list = page.locator('rb-checklist').first();
	const boxes = list.getByRole('checkbox');
	expect(await boxes.count()).toBeGreaterThan(1);
	for (const box of await boxes.all()) {
		await expect(box).toBeDisabled();
		await expect(box).toHaveAccessibleName(/\w/);
	}
	// The toolbar is in the HTML (so upgrading moves nothing) but not shown without JavaScript.
	await expect(list.locator('.rb-checklist__bar')).toBeHidden();
	await expect(list.getByText(/ of \d+ done/)).toBeHidden();
	await context.close();
});

test('the checklist passes axe in light and dark', async ({ checklist, page }) => {
	await checklist.goto();
	await checklist.boxes.first().check();
	for (const theme of ['light', 'dark']) {
		await page.evaluate(
			(theme) => document.documentElement.setAttribute('data-theme', theme),
			theme
		);
		const results = await new AxeBuilder({ page }).include('rb-checklist').analyze();
		expect(results.violations, theme).toEqual([]);
	}
});

test('pages without a checklist do not load the checklist code', async ({ page }) => {
	const scripts: string[] = [];
	page.on('request', (request) => scripts.push(request.url()));
	await page.goto('/servio/templates/');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	expect(scripts.filter((url) => url.includes('Checklist'))).toEqual([]);
});

test.describe('checklists from typed content share the markup and the element', () => {
	// Needs the seed playbooks: MaidConnect's severities carry action checklists.
	test('severity actions are a checklist whose ticks persist', async ({ checklist, page }) => {
		await checklist.goto('/maidconnect/severities/sev-1/');
		expect(await checklist.checklist.getAttribute('data-checklist')).toBe(
			'maidconnect/severities/sev-1'
		);
		const total = await checklist.total();
		await checklist.boxes.last().check();
		await page.reload();
		await expect(checklist.boxes.last()).toBeChecked();
		await expect(checklist.progress).toHaveText(`1 of ${total} done`);
	});

	// Needs the seed playbooks: Restaurant OS has an incident checklist entry.
	test('a checklist entry page is a checklist whose ticks persist', async ({ checklist, page }) => {
		await page.goto('/restaurant-os/');
		const href = await page.locator('a[href*="/checklists/"]').first().getAttribute('href');
		await checklist.goto(href!);
		const total = await checklist.total();
		expect(total).toBeGreaterThan(1);
		await checklist.boxes.nth(1).check();
		await page.reload();
		await expect(checklist.boxes.nth(1)).toBeChecked();
		await expect(checklist.progress).toHaveText(`1 of ${total} done`);
	});
});
