import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Locator, type Page } from '@playwright/test';
import { fixturePort } from './sites.ts';

/** A template page: its form, preview and copy controls, found the way a responder finds them. */
class TemplatePage {
	readonly page: Page;
	readonly body: Locator;
	readonly subject: Locator;
	readonly status: Locator;
	readonly fallback: Locator;

	constructor(page: Page) {
		this.page = page;
		this.body = page.locator('[data-part="body"]');
		this.subject = page.locator('[data-part="subject"]');
		this.status = page.locator('[data-status]');
		this.fallback = page.getByRole('textbox', { name: /Press Ctrl\/Cmd\+C/ });
	}

	async goto(path: string) {
		await this.page.goto(path);
		// Every template gets copy buttons once upgraded; only those with fields get a form.
		await expect(this.page.getByRole('button', { name: /^Copy / }).first()).toBeVisible();
	}

	field(label: string) {
		return this.page.getByLabel(label, { exact: true });
	}

	blank(text: string) {
		return this.body.locator('mark', { hasText: text });
	}

	copy(name: string) {
		return this.page.getByRole('button', { name, exact: true });
	}

	clipboard() {
		return this.page.evaluate(() => navigator.clipboard.readText());
	}

	/** The template as the build wrote it into the page. */
	source(): Promise<{
		body: string;
		subject?: string;
		format: string;
		fields: { name: string; type: string; tokens: string[] }[];
	}> {
		return this.page
			.locator('script[data-template]')
			.evaluate((script) => JSON.parse(script.textContent!));
	}
}

/** Fails the test on any dialog, uncaught error or console error the page produces. */
const test = base.extend<{ templatePage: TemplatePage; problems: string[] }>({
	problems: async ({ page }, use) => {
		const problems: string[] = [];
		page.on('dialog', (dialog) => {
			problems.push(`dialog: ${dialog.message()}`);
			void dialog.dismiss();
		});
		page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
		page.on('console', (message) => {
			if (message.type() !== 'error') return;
			problems.push(`console: ${message.text()} ${message.location().url}`);
		});
		await use(problems);
		expect(problems).toEqual([]);
	},
	templatePage: async ({ page, problems: _ }, use) => use(new TemplatePage(page)),
});

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test.describe('a seed template (Servio status page update)', () => {
	const path = '/servio/templates/status-page-update/';

	test('copies exactly the filled text and keeps the value after a reload', async ({
		templatePage: t,
	}) => {
		await t.goto(path);
		await expect(t.blank('~X%')).toBeVisible();
		await t.field('Share of traffic affected').fill('about 40%');
		await expect(t.blank('~X%')).toHaveCount(0);
		await expect(t.body).toContainText('Impact: about 40% of traffic affected');

		// Service, impact, status, next update and workaround are fields now; without an incident
		// they stay blanks, named before a second press copies them. The source's examples are not
		// copied as if true: each unfilled one goes out as a blank named after its field.
		await t.copy('Copy text').click();
		await expect(t.status).toContainText('Still blank: Affected service');
		await t.copy('Copy text').click();
		await expect(t.status).toHaveText(/^Copied/);
		const { body } = await t.source();
		expect(await t.clipboard()).toBe(
			body
				.replaceAll('~X%', 'about 40%')
				.replace(/payment processing/gi, '[Affected service]')
				.replace('Some users may be unable to complete orders.', '[What users see]')
				.replace('Status: Investigating', 'Status: [Status]')
				.replace('Next Update: 15 minutes', 'Next Update: [Next update]')
				.replace('Cash-only mode available at venues', '[Workaround]')
		);

		await t.page.reload();
		await expect(t.field('Share of traffic affected')).toHaveValue('about 40%');
		await expect(t.body).toContainText('about 40% of traffic affected');
	});

	test('without JavaScript shows the text with its blanks, ready to select', async ({
		browser,
	}) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(path);
		const body = page.locator('[data-part="body"]');
		await expect(body.locator('mark', { hasText: '~X%' })).toBeVisible();
		await expect(page.getByRole('form', { name: 'Fill in the template' })).toBeHidden();
		await expect(page.getByText('Select the text below and copy it')).toBeVisible();
		await body.selectText();
		const selected = await page.evaluate(() => getSelection()!.toString());
		expect(selected).toContain('Impact: ~X% of traffic affected');
		expect(await body.evaluate((element) => getComputedStyle(element).userSelect)).not.toBe('none');
		await context.close();
	});
});

test('every template page of the site fills each declared field and copies without blanks', async ({
	templatePage: t,
	request,
}) => {
	test.setTimeout(300_000);
	const locs = async (path: string) =>
		[...(await (await request.get(path)).text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map(
			(match) => new URL(match[1]!).pathname
		);
	const pages = (await Promise.all((await locs('/sitemap-index.xml')).map(locs)))
		.flat()
		.filter((path) => /\/templates\/[^/]+\/$/.test(path));
	expect(pages.length).toBeGreaterThan(0);
	for (const path of pages) {
		await t.goto(path);
		const { fields } = await t.source();
		for (const field of fields) {
			const input = t.page.locator(`[data-field="${field.name}"]`);
			if (field.type === 'datetime') await input.fill('2025-11-19T09:07');
			else if (['choice', 'severity', 'status'].includes(field.type))
				await input.selectOption({ index: 1 });
			// A date typed as text (`PIR date`) may also name the file the document is saved as.
			else if (field.tokens.some((token) => token.includes('YYYY'))) await input.fill('2025-11-19');
			else await input.fill(`Filled ${field.name}`);
		}
		await expect(t.page.locator('rb-template mark'), path).toHaveCount(0);
		// The preview shows the text as written (Markdown included), so the copies that keep it must match it.
		const { format } = await t.source();
		for (const button of await t.page.locator('[data-copy]:visible').all()) {
			await t.status.evaluate((status) => (status.textContent = ''));
			await button.click();
			await expect(t.status, path).toHaveText(/^Copied/);
			const id = await button.getAttribute('data-copy');
			const shown =
				id === 'subject'
					? t.subject
					: id === 'markdown' || (id === 'plain' && format === 'plain')
						? t.body
						: undefined;
			if (shown) expect(await t.clipboard(), `${path} ${id}`).toBe(await shown.textContent());
		}
	}
});

test.describe('fixture templates', () => {
	test.use({ baseURL: `http://localhost:${fixturePort}` });
	const declared = '/drill/templates/incident-declared/';
	const customer = '/drill/templates/customer-update/';

	test('updates the preview as each field is filled, blanks marked until then', async ({
		templatePage: t,
	}) => {
		await t.goto(declared);
		await expect(t.blank('[Impact]')).toBeVisible();
		await t.field('Brief description').fill('Bookings fail at checkout');
		await expect(t.body).toContainText('**Issue:** Bookings fail at checkout');
		await t.field('Impact').fill('Half of customers\ncannot book');
		await expect(t.blank('[Impact]')).toHaveCount(0);
		await expect(t.body).toContainText('**Impact:** Half of customers\ncannot book');
		await t.field('Severity').selectOption('SEV-2');
		await expect(t.body).toContainText('INCIDENT DECLARED: SEV-2');
		await t.field('Affected feature').selectOption('Payments');
		await t.field('Status').selectOption('Monitoring');
		await t.field('Started').fill('2025-11-19T09:07');
		await expect(t.body).toContainText('**Area:** Payments on {{service}}');
		await expect(t.body).toContainText('**Started:** 2025-11-19 09:07 UTC');
		await expect(t.body).toContainText('**Status:** Monitoring');
		await expect(t.blank('{{service}}')).toBeVisible();
	});

	test('a message whose readers the playbook does not name says so, not guessing an audience', async ({
		templatePage: t,
	}) => {
		await t.page.goto('/drill/templates/');
		const unnamed = t.page.getByRole('heading', { name: 'Messages (audience not named)' });
		await expect(unnamed).toBeVisible();
		await expect(t.page.getByRole('heading', { name: 'Internal' })).toBeVisible();
		// Listed under its own heading, not with the team's or the customers' messages.
		await expect(unnamed.locator('xpath=following-sibling::ul[1]')).toHaveText('Venue Notice');
		// Each template says whom it is for and where it goes, before anything is copied.
		const meta = t.page.locator('rb-template .rb-facts');
		await t.goto('/drill/templates/venue-notice/');
		await expect(meta.locator('dt')).toHaveText(['For']);
		await expect(meta.locator('dd')).toHaveText(['Not named in the playbook']);
		await t.goto(customer);
		await expect(meta.locator('dt')).toHaveText(['For', 'Via']);
		await expect(meta.locator('dd')).toHaveText(['Customers', 'Email']);
	});

	test('a value typed in one template fills the same field in another', async ({
		templatePage: t,
	}) => {
		await t.goto(declared);
		await t.field('Impact').fill('Payments time out for 30% of venues');
		await t.field('Affected feature').selectOption('Bookings');
		await t.goto(customer);
		await expect(t.field('Impact')).toHaveValue('Payments time out for 30% of venues');
		await expect(t.body).toContainText('Impact: Payments time out for 30% of venues');
		await expect(t.subject).toHaveText('Service Disruption Update - Bookings');
	});

	test('copies the subject and the body of an email separately', async ({ templatePage: t }) => {
		await t.goto(customer);
		await t.field('Affected feature').selectOption('Payments');
		await t.field('Brief description').fill('card payments fail');
		await t.field('Impact').fill('No card payments');
		await t.copy('Copy subject').click();
		await expect(t.status).toHaveText('Copied (email subject).');
		expect(await t.clipboard()).toBe('Service Disruption Update - Payments');
		await t.copy('Copy body').click();
		await expect(t.status).toHaveText('Copied (email body).');
		const { body } = await t.source();
		expect(await t.clipboard()).toBe(
			body
				.replace('[Brief description]', 'card payments fail')
				.replace('[Impact]', 'No card payments')
		);
	});

	test('copies Markdown as written and converts it for Slack', async ({ templatePage: t }) => {
		await t.goto(declared);
		await t.field('Brief description').fill('**already bold**');
		await t.copy('Copy Markdown').click();
		await t.copy('Copy Markdown').click();
		await expect(t.status).toHaveText('Copied (Markdown).');
		expect(await t.clipboard()).toContain('**Issue:** **already bold**\n');
		await t.copy('Copy for Slack').click();
		await t.copy('Copy for Slack').click();
		await expect(t.status).toHaveText('Copied (Slack).');
		expect(await t.clipboard()).toContain('*Issue:* **already bold**\n*Impact:* [Impact]\n');
		await t.copy('Copy text').click();
		await t.copy('Copy text').click();
		expect(await t.clipboard()).toContain('Issue: **already bold**\nImpact: [Impact]\n');
	});

	test('names the blank fields before copying, and copies on a second press', async ({
		templatePage: t,
	}) => {
		await t.goto(customer);
		await t.page.evaluate(() => navigator.clipboard.writeText('before'));
		await t.field('Impact').fill('Slow bookings');
		await t.copy('Copy body').click();
		await expect(t.status).toHaveText(
			'Still blank: Brief description. Fill it in, or press “Copy body” again to copy with the blank.'
		);
		expect(await t.clipboard()).toBe('before');
		await t.copy('Copy body').click();
		await expect(t.status).toHaveText('Copied (email body).');
		expect(await t.clipboard()).toContain('issues: [Brief description].');
	});

	test('shows the text selected in a box when the clipboard is refused', async ({
		templatePage: t,
	}) => {
		await t.page.addInitScript(() => {
			navigator.clipboard.writeText = () =>
				Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
		});
		await t.goto(customer);
		await t.field('Brief description').fill('search is down');
		await t.field('Impact').fill('No search');
		await t.copy('Copy body').click();
		await expect(t.fallback).toBeVisible();
		await expect(t.fallback).toBeFocused();
		await expect(t.status).toContainText('press Ctrl/Cmd+C');
		const { body } = await t.source();
		const expected = body
			.replace('[Brief description]', 'search is down')
			.replace('[Impact]', 'No search');
		await expect(t.fallback).toHaveValue(expected);
		expect(
			await t.fallback.evaluate((box: HTMLTextAreaElement) =>
				box.value.slice(box.selectionStart, box.selectionEnd)
			)
		).toBe(expected);
		await t.page.keyboard.press('ControlOrMeta+C');
		await expect(t.status).toHaveText('Copied (email body).');
		expect(await t.clipboard()).toBe(expected);
	});

	test('fills derived fields from the active incident, lets them be overridden, and records copies', async ({
		templatePage: t,
		page,
	}) => {
		await page.clock.setFixedTime(new Date('2025-11-19T14:05:00Z'));
		await page.addInitScript(() => {
			const incident = {
				id: 'INC-20251119-1320',
				title: 'Bookings down',
				playbook: 'drill',
				severity: 'drill/sev-1',
				status: 'identified',
				startedAt: '2025-11-19T13:20:00Z',
				roles: { 'Incident Commander': 'Dana' },
				timeline: [],
			};
			if (!localStorage.getItem('responder:incidents')) {
				localStorage.setItem(
					'responder:incidents',
					JSON.stringify({
						version: 1,
						activeId: incident.id,
						incidents: { [incident.id]: incident },
					})
				);
			}
			const events: unknown[] = [];
			(window as unknown as { timeline: unknown[] }).timeline = events;
			addEventListener('responder:timeline', (event) => events.push((event as CustomEvent).detail));
		});
		await t.goto(declared);
		await expect(t.field('Severity')).toHaveValue('SEV-1');
		await expect(t.field('Started')).toHaveValue('2025-11-19T13:20');
		await expect(t.field('Status')).toHaveValue('Identified');
		await expect(t.field('Incident commander')).toHaveValue('Dana');
		// No update sent yet and the template is not declared an update: due 30 min after the start.
		await expect(t.field('Next update')).toHaveValue('2025-11-19 13:50 UTC');
		await expect(t.body).toContainText('**Next Update:** 2025-11-19 13:50 UTC');
		await expect(page.getByText('auto-filled').first()).toBeVisible();

		await t.field('Incident commander').fill('Lee');
		await t.field('Severity').selectOption('SEV-2');
		await page.reload();
		await expect(t.field('Incident commander')).toHaveValue('Lee');
		await expect(t.body).toContainText('- IC: Lee\n- Ops: @[name]');
		await expect(t.blank('@[name]')).toHaveCount(1);
		await expect(t.body).toContainText('INCIDENT DECLARED: SEV-2');
		const stored = await page.evaluate(() =>
			localStorage.getItem('responder:template-values:v2:incident:INC-20251119-1320')
		);
		expect(JSON.parse(stored!).values).toMatchObject({ commander: 'Lee', severity: 'SEV-2' });

		await t.copy('Copy for Slack').click();
		await t.copy('Copy for Slack').click();
		await expect(t.status).toHaveText('Copied (Slack).');
		expect(
			await page.evaluate(() => (window as unknown as { timeline: unknown[] }).timeline)
		).toEqual([
			expect.objectContaining({
				type: 'message-sent',
				title: 'Incident Declared',
				channel: 'Slack',
				update: false,
			}),
		]);
	});

	test('keeps values per incident and follows a change of the active incident', async ({
		templatePage: t,
		page,
	}) => {
		await t.goto(customer);
		await t.field('Impact').fill('typed before the incident');
		await page.evaluate(() => {
			const incident = {
				id: 'INC-2',
				title: 'Search down',
				playbook: 'drill',
				severity: 'drill/sev-2',
				status: 'investigating',
				startedAt: new Date().toISOString(),
				roles: {},
				timeline: [],
			};
			localStorage.setItem(
				'responder:incidents',
				JSON.stringify({ version: 1, activeId: 'INC-2', incidents: { 'INC-2': incident } })
			);
			dispatchEvent(new CustomEvent('responder:active-incident'));
		});
		await expect(t.field('Impact')).toHaveValue('');
		await t.field('Impact').fill('typed during INC-2');
		await page.evaluate(() => {
			const store = JSON.parse(localStorage.getItem('responder:incidents')!);
			localStorage.setItem('responder:incidents', JSON.stringify({ ...store, activeId: null }));
			dispatchEvent(new CustomEvent('responder:active-incident'));
		});
		await expect(t.field('Impact')).toHaveValue('typed before the incident');
	});

	test('clears the fields of the template', async ({ templatePage: t }) => {
		await t.goto(customer);
		await t.field('Impact').fill('Slow');
		await t.page.getByRole('button', { name: 'Clear fields' }).click();
		await expect(t.field('Impact')).toHaveValue('');
		await expect(t.blank('[Impact]')).toBeVisible();
		await t.page.reload();
		await expect(t.field('Impact')).toHaveValue('');
	});

	test('keeps working in memory with a notice when storage refuses', async ({
		templatePage: t,
	}) => {
		await t.page.addInitScript(() => {
			const setItem = Storage.prototype.setItem;
			Storage.prototype.setItem = function (key: string, value: string) {
				if (key.startsWith('responder:'))
					throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
				setItem.call(this, key, value);
			};
		});
		await t.goto(customer);
		await t.field('Impact').fill('Slow bookings');
		await expect(t.page.getByText('could not be saved')).toBeVisible();
		await expect(t.body).toContainText('Impact: Slow bookings');
	});

	test('sets unreadable saved values aside with a notice and starts empty', async ({
		templatePage: t,
		page,
	}) => {
		await page.addInitScript(() =>
			localStorage.setItem('responder:template-values:v2:default', '{"version":1,"values":')
		);
		await t.goto(customer);
		await expect(page.getByText('Saved values could not be read and were set aside')).toBeVisible();
		await t.field('Impact').fill('Slow');
		await expect(t.body).toContainText('Impact: Slow');
		const keys = await page.evaluate(() =>
			Object.keys(localStorage).filter((key) =>
				key.startsWith('responder:template-values:v2:default:corrupt:')
			)
		);
		expect(keys).toHaveLength(1);
	});

	test('an incident named default or __proto__ does not see the values typed before any incident', async ({
		templatePage: t,
		page,
	}) => {
		const activate = (id: string | null) =>
			page.evaluate((id) => {
				const incident = (id: string) => ({
					id,
					title: 'Bookings down',
					playbook: 'drill',
					severity: 'drill/sev-1',
					status: 'identified',
					startedAt: '2025-11-19T13:20:00Z',
					roles: {},
					timeline: [],
				});
				const ids = ['default', '__proto__'];
				localStorage.setItem(
					'responder:incidents',
					JSON.stringify({
						version: 2,
						activeId: id,
						incidents: Object.fromEntries(ids.map((id) => [id, incident(id)])),
					})
				);
				window.dispatchEvent(new Event('responder:active-incident'));
			}, id);
		await t.goto(customer);
		await t.field('Impact').fill('Slow bookings');
		for (const id of ['default', '__proto__']) {
			await activate(id);
			await expect(t.field('Impact')).toHaveValue('');
			await t.field('Impact').fill(`Typed in ${id}`);
		}
		await activate(null);
		await expect(t.field('Impact')).toHaveValue('Slow bookings');
		await activate('default');
		await expect(t.field('Impact')).toHaveValue('Typed in default');
		await expect(page.getByText('could not be')).toHaveCount(0);
	});

	test('the scenario page opens its templates as filled forms in one click', async ({
		templatePage: t,
	}) => {
		await t.page.goto('/drill/scenarios/bookings-down/');
		await t.page.getByRole('main').getByRole('link', { name: 'Incident Declared' }).click();
		await expect(t.page.getByRole('heading', { level: 1 })).toHaveText('Incident Declared');
		await expect(t.field('Brief description')).toBeVisible();
	});

	test('has no accessibility violations in light or dark theme, filled or not', async ({
		templatePage: t,
		page,
	}) => {
		await t.goto(declared);
		const check = async () =>
			expect((await new AxeBuilder({ page }).include('rb-template').analyze()).violations).toEqual(
				[]
			);
		await check();
		await t.field('Brief description').fill('Bookings fail');
		await t.copy('Copy text').click();
		await expect(t.status).toHaveText(/^Still blank/);
		await page.evaluate(() => (document.documentElement.dataset['theme'] = 'dark'));
		await check();
	});

	const PAYLOADS = [
		'<img src=x onerror=alert(1)>',
		'<script>alert(1)</script>',
		'{{constructor}}',
		'javascript:alert(1)',
	];

	test('treats every payload typed into text fields as text, in the preview and on the clipboard', async ({
		templatePage: t,
	}) => {
		await t.goto(declared);
		const payload = PAYLOADS.join(' ');
		for (const label of [
			'Brief description',
			'Impact',
			'Service',
			'Incident commander',
			'Next update',
		])
			await t.field(label).fill(payload);
		await expect(t.body).toContainText(`**Issue:** ${payload}\n**Impact:** ${payload}`);
		await expect(t.body.locator('img, script')).toHaveCount(0);
		for (const variant of ['Copy text', 'Copy Markdown', 'Copy for Slack']) {
			await t.copy(variant).click();
			await expect(t.status).toHaveText(/^Still blank/);
			await t.copy(variant).click();
			await expect(t.status).toHaveText(/^Copied/);
			expect((await t.clipboard()).split(payload)).toHaveLength(6);
		}
	});

	test('treats payloads stored for choice, severity, status and date-time fields as text', async ({
		templatePage: t,
		page,
	}) => {
		const payload = PAYLOADS.join(' ');
		await page.addInitScript((value) => {
			const values = Object.fromEntries(
				['severity', 'area', 'status', 'started', 'summary'].map((name) => [name, value])
			);
			localStorage.setItem(
				'responder:template-values:v2:default',
				JSON.stringify({ version: 1, values })
			);
		}, payload);
		await t.goto(declared);
		await expect(t.field('Severity')).toHaveValue(payload);
		await expect(t.field('Status')).toHaveValue(payload);
		await expect(t.body).toContainText(`INCIDENT DECLARED: ${payload}`);
		await expect(t.body).toContainText(`**Area:** ${payload} on`);
		await expect(t.body).toContainText(`**Started:** ${payload}`);
		await expect(t.body).toContainText(`**Status:** ${payload}`);
		await expect(
			t.page.locator('rb-template img, rb-template script:not([data-template])')
		).toHaveCount(0);
		await t.copy('Copy text').click();
		await t.copy('Copy text').click();
		expect((await t.clipboard()).split(payload)).toHaveLength(6);
	});

	test('a Slack copy shows Slack syntax in a value as typed and notifies no channel', async ({
		templatePage: t,
		page,
	}) => {
		const value = '@channel @here <!channel> <@U123> <https://evil.example/|dashboard>';
		await page.addInitScript((value) => {
			const values = Object.fromEntries(['area', 'summary'].map((name) => [name, value]));
			localStorage.setItem(
				'responder:template-values:v2:default',
				JSON.stringify({ version: 1, values })
			);
		}, value);
		await t.goto(declared);
		await expect(t.body).toContainText(`**Area:** ${value} on`);
		await t.copy('Copy for Slack').click();
		await t.copy('Copy for Slack').click();
		await expect(t.status).toHaveText('Copied (Slack).');
		const copied = await t.clipboard();
		expect(copied).not.toMatch(/@(channel|here|everyone)\b/);
		expect(copied).toContain('@\u2060channel @\u2060here <!channel> <@U123>');
		expect(copied.replaceAll('\u2060', '')).toContain(value);
	});
});

test.describe('a seed template (Stolentee internal team alert)', () => {
	const path = '/stolentee/templates/internal-team-alert/';

	test('offers one copy when the Slack text equals the plain text, and keeps typed bullets single', async ({
		templatePage: t,
	}) => {
		await t.goto(path);
		await expect(t.copy('Copy text')).toBeVisible();
		await expect(t.copy('Copy for Slack')).toBeHidden();
		await expect(t.page.locator('[data-copy]:visible')).toHaveCount(1);

		await t.field("Current actions (what we're doing right now)").fill('- restart db\n- page DBA');
		await expect(t.body).toContainText('Current Actions:\n- restart db\n- page DBA\n');
		await expect(t.body).not.toContainText('- - ');
		await t.copy('Copy text').click();
		await t.copy('Copy text').click();
		await expect(t.status).toHaveText(/^Copied/);
		const copied = await t.clipboard();
		expect(copied).toContain('Current Actions:\n- restart db\n- page DBA\n');
		expect(copied).not.toContain('- - ');
	});
});

test.describe('a seed template (Restaurant OS incident record)', () => {
	const path = '/restaurant-os/templates/incident-record/';
	// An incident that started 2025-11-19 13:20 UTC, active in this browser.
	const storeIncident = (page: Page) =>
		page.evaluate(() =>
			localStorage.setItem(
				'responder:incidents',
				JSON.stringify({
					version: 2,
					activeId: 'INC-20251119-1320',
					incidents: {
						'INC-20251119-1320': {
							id: 'INC-20251119-1320',
							title: 'Orders failing at checkout',
							playbook: 'restaurant-os',
							severity: 'restaurant-os/p0',
							status: 'investigating',
							startedAt: '2025-11-19T13:20:00Z',
							roles: {},
							timeline: [],
						},
					},
				})
			)
		);

	test('names the file to save as from the active incident, its blanks marked until known', async ({
		templatePage: t,
	}) => {
		await t.goto(path);
		const file = t.page.locator('[data-part="file"]');
		await expect(file).toHaveText('incidents/YYYY-MM-DD-HH-MM-brief-description.md');
		await expect(file.locator('mark')).toHaveText(['YYYY-MM-DD-HH-MM', 'brief-description']);

		await storeIncident(t.page);
		await t.goto(path);
		await expect(file).toHaveText('incidents/2025-11-19-13-20-orders-failing-at-checkout.md');
		await expect(file.locator('mark')).toHaveCount(0);
		// What the responder types wins, in the file name too.
		await t.field('Brief description').fill('Card payments: down!');
		await expect(file).toHaveText('incidents/2025-11-19-13-20-card-payments-down.md');
	});

	test('a field that fills itself says so beside its label, and leaves no empty line when it cannot', async ({
		templatePage: t,
	}) => {
		await t.goto(path);
		const field = (label: string) =>
			t.page.locator('.rb-field').filter({ has: t.page.getByLabel(label, { exact: true }) });
		const mark = field('Brief description').getByText('auto-filled');
		// No incident: nothing to fill, so the derived field is as tall as one the responder types in.
		const typed = (await field('Affected services').boundingBox())!.height;
		expect((await field('Brief description').boundingBox())!.height).toBe(typed);
		await expect(mark).toBeHidden();
		await expect(t.field('Brief description')).toHaveAccessibleDescription('');

		await storeIncident(t.page);
		await t.goto(path);
		await expect(mark).toBeVisible();
		await expect(t.field('Brief description')).toHaveValue('Orders failing at checkout');
		await expect(t.field('Brief description')).toHaveAccessibleDescription(
			'Filled in automatically; change it if needed.'
		);
		expect((await field('Brief description').boundingBox())!.height).toBe(typed);
		// Typed over, it is no longer the automatic value.
		await t.field('Brief description').fill('Card payments down');
		await expect(mark).toBeHidden();
	});
});
