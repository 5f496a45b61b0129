import { expect, test, utcAfter } from './incident-fixtures.ts';

const START = '2025-11-19T03:42:00.000Z';
const minutes = (n: number) => Date.parse(START) + n * 60_000;

test.describe('incident workspace', () => {
	test('records a whole incident in order and exports it in the playbook’s record', async ({
		page,
		incident,
	}) => {
		await incident.at(START);
		await page.goto('/restaurant-os/scenarios/complete-backend-outage/');
		await incident.declare({ title: 'Checkout down', severity: 'P0', commander: 'Ana Ruiz' });
		await expect(incident.banner().getByRole('link', { name: /INC-20251119-0342/ })).toBeVisible();

		await incident.at(minutes(2));
		await incident.tick('Check health endpoints');
		await incident.at(minutes(5));
		await incident.copied('Status update', true);
		await incident.at(minutes(9));
		await page.goto('/incident/');
		await page.getByLabel('Note').fill('Render deploy 4f2a rolled back');
		await page.getByRole('button', { name: 'Add note' }).click();
		await incident.at(minutes(12));
		const p1 = (await incident.data()).playbooks
			.find((p) => p.id === 'restaurant-os')!
			.severities.find((s) => s.level === 'P1')!;
		await page.getByLabel('Severity', { exact: true }).selectOption(p1.id);
		await expect(page.locator('.rb-timeline li').first()).toContainText('Severity: P0 → P1');

		const record = await incident.exportText('Incident record');
		expect(record).toContain('INC-20251119-0342');
		const lines = record.split('\n');
		const order = [
			'03:42 UTC - Incident declared at P0: Checkout down',
			'03:42 UTC - Incident commander: Ana Ruiz',
			'03:44 UTC - Ticked: Check health endpoints',
			'03:47 UTC - Update sent: Status update (Slack)',
			'03:51 UTC - Render deploy 4f2a rolled back',
			'03:54 UTC - Severity: P0 → P1',
		].map((text) => lines.findIndex((line) => line === `- ${text}`));
		expect(order.every((index) => index >= 0)).toBe(true);
		expect([...order].sort((a, b) => a - b)).toEqual(order);
	});

	for (const [playbook, level, scenario] of [
		['restaurant-os', 'P0', 'complete-backend-outage'],
		['restaurant-os', 'P1', 'complete-backend-outage'],
		['maidconnect', 'SEV-1', 'complete-site-outage'],
	] as const) {
		test(`computes the ${level} clocks of ${playbook} from its typed targets`, async ({
			page,
			incident,
		}) => {
			await incident.at(START);
			await page.goto(`/${playbook}/scenarios/${scenario}/`);
			await incident.declare({ playbook, severity: level, title: `${level} drill` });
			await incident.at(minutes(1));
			const severity = (await incident.data()).playbooks
				.find((p) => p.id === playbook)!
				.severities.find((s) => s.level === level)!;
			await expect(incident.banner()).toContainText(`${level} (${severity.name})`);
			await expect(incident.banner()).toContainText('1 min ago');
			let checked = 0;
			for (const key of ['acknowledge', 'update', 'resolution'] as const) {
				const target = severity.targets[key];
				if (!target) continue;
				checked += 1;
				if (target.kind === 'immediate')
					await expect(incident.clock(key)).toContainText(utcAfter(START, 0));
				else if (target.kind === 'span')
					await expect(incident.clock(key)).toContainText(
						new RegExp(`in [^·]+ · .*: ${utcAfter(START, target.minutes!)}`)
					);
				else await expect(incident.clock(key)).toContainText(target.text);
			}
			expect(checked).toBeGreaterThan(0);
		});
	}

	test('turns the update clock urgent when overdue, and copying an update resets it', async ({
		page,
		incident,
	}) => {
		await incident.at(START);
		await page.goto('/restaurant-os/scenarios/complete-backend-outage/');
		await incident.declare({ severity: 'P0' });
		const update = (await incident.data()).playbooks
			.find((p) => p.id === 'restaurant-os')!
			.severities.find((s) => s.level === 'P0')!.targets.update!;
		await incident.at(minutes(update.minutes! - 1));
		await expect(incident.clock('update')).not.toHaveClass(/overdue/);
		await incident.at(minutes(update.minutes! + 2));
		await expect(incident.clock('update')).toHaveClass(/overdue/);
		await expect(incident.clock('update')).toContainText('2 min overdue');
		await expect(incident.clock('acknowledge')).toHaveClass(/overdue/);
		await incident.clock('acknowledge').getByRole('button', { name: 'Acknowledge' }).click();
		await expect(incident.clock('acknowledge')).toHaveText(
			`Acknowledged: ${utcAfter(START, update.minutes! + 2)}`
		);
		await incident.copied('Status update', true);
		await expect(incident.clock('update')).not.toHaveClass(/overdue/);
		await expect(incident.clock('update')).toContainText(utcAfter(START, 2 * update.minutes! + 2));
	});

	test('exports JSON, and importing it into empty storage restores the identical incident', async ({
		page,
		incident,
	}) => {
		await incident.at(START);
		await page.goto('/restaurant-os/scenarios/complete-backend-outage/');
		await incident.declare({ commander: 'Ana' });
		await incident.tick('Check health endpoints');
		await page.goto('/incident/');
		await page.getByLabel('Note').fill('A <b>note</b>');
		await page.getByRole('button', { name: 'Add note' }).click();
		const before = JSON.parse((await incident.stored())!);
		await incident.exportText('Incident JSON');
		const downloading = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Download' }).click();
		const file = await (await downloading).path();
		await page.evaluate(() => localStorage.clear());
		await page.reload();
		await expect(page.getByText('No incidents yet.')).toBeVisible();
		await page.getByLabel('Import incident JSON').setInputFiles(file);
		await expect(page.getByRole('alert')).toContainText('INC-20251119-0342 imported.');
		expect(JSON.parse((await incident.stored())!)).toEqual(before);
		await expect(page.locator('.rb-timeline')).toContainText('A <b>note</b>');
	});

	test('rejects a malformed or foreign import file and changes nothing', async ({
		page,
		incident,
	}) => {
		await incident.at(START);
		await page.goto('/restaurant-os/scenarios/complete-backend-outage/');
		await incident.declare();
		await page.goto('/incident/');
		const before = await incident.stored();
		const input = page.getByLabel('Import incident JSON');
		await input.setInputFiles({
			name: 'x.json',
			mimeType: 'application/json',
			buffer: Buffer.from('{"incident": '),
		});
		await expect(page.getByRole('alert')).toHaveText(
			'The file is not JSON. Choose a file exported with “Export JSON”.'
		);
		await input.setInputFiles({
			name: 'y.json',
			mimeType: 'application/json',
			buffer: Buffer.from('{"version":1,"activeId":null,"incidents":{}}'),
		});
		await expect(page.getByRole('alert')).toContainText('is not a Responder incident');
		await input.setInputFiles({
			name: 'z.json',
			mimeType: 'application/json',
			buffer: Buffer.from(
				'{"format":"responder-incident","version":1,"incident":{"id":"X","status":"exploded"}}'
			),
		});
		await expect(page.getByRole('alert')).toContainText('damaged');
		expect(await incident.stored()).toBe(before);
	});

	test('hands an incident over through a link fragment that never reaches the server', async ({
		page,
		incident,
		browser,
	}) => {
		await incident.at(START);
		await page.goto('/restaurant-os/scenarios/complete-backend-outage/');
		await incident.declare({ commander: 'Ana' });
		await incident.send({ type: 'note', text: 'Handing over to the EU shift' });
		await page.goto('/incident/');
		const link = await incident.handoverLink();
		expect(new URL(link).pathname).toBe('/incident/');
		expect(new URL(link).hash).toMatch(/^#handover=[A-Za-z0-9_-]+$/);
		const original = JSON.parse((await incident.stored())!).incidents['INC-20251119-0342'];

		const other = await browser.newContext({ baseURL: new URL(link).origin });
		const second = await other.newPage();
		const requests: string[] = [];
		second.on('request', (request) => requests.push(request.url()));
		await second.goto(link);
		await second.getByRole('button', { name: 'Take over INC-20251119-0342' }).click();
		await expect(second.getByRole('alert')).toContainText('taken over');
		const stored = JSON.parse(
			(await second.evaluate(() => localStorage.getItem('responder:incidents')))!
		);
		expect(stored.incidents['INC-20251119-0342']).toEqual(original);
		expect(stored.activeId).toBe('INC-20251119-0342');
		expect(requests.every((url) => !url.includes('handover'))).toBe(true);
		expect(second.url()).not.toContain('#handover');
		await other.close();
	});

	test('offers to declare from alert context in a scenario link', async ({ page, incident }) => {
		await incident.at(START);
		await page.goto(
			'/restaurant-os/scenarios/complete-backend-outage/#service=checkout&severity=P1&startsAt=2025-11-19T03:30:00Z&summary=Checkout%205xx%20%3Cimg%20src%3Dx%3E'
		);
		await expect(incident.banner()).toContainText(
			'Alert: Checkout 5xx <img src=x> — service checkout, severity P1'
		);
		await incident
			.banner()
			.getByRole('button', { name: 'Declare incident from this alert' })
			.click();
		const dialog = page.getByRole('dialog', { name: 'Declare incident' });
		await expect(dialog.getByLabel('Title')).toHaveValue('Checkout 5xx <img src=x>');
		await expect(dialog.getByLabel('Severity')).toHaveValue('restaurant-os/p1');
		await expect(dialog.getByLabel('Start time (UTC)')).toHaveValue('2025-11-19T03:30');
		await dialog.getByRole('button', { name: 'Declare', exact: true }).click();
		await expect(incident.banner().getByRole('link', { name: /INC-20251119-0330/ })).toBeVisible();
		await expect(page.locator('img[src="x"]')).toHaveCount(0);
	});

	test('switches the active incident in one click and keeps closed ones listed until deleted', async ({
		page,
		incident,
	}) => {
		await incident.at(START);
		await page.goto('/restaurant-os/scenarios/complete-backend-outage/');
		await incident.declare({ title: 'First' });
		await incident.at(minutes(10));
		// While one runs, a second is declared from the workspace: the page's offer gave way.
		await page.goto('/incident/');
		await incident.declare({ playbook: 'restaurant-os', title: 'Second' });
		await expect(incident.banner().getByRole('link', { name: /INC-20251119-0352/ })).toBeVisible();
		await page.getByRole('button', { name: 'Make INC-20251119-0342 active' }).click();
		await expect(incident.banner().getByRole('link', { name: /INC-20251119-0342/ })).toBeVisible();
		page.once('dialog', (dialog) => void dialog.accept());
		await page.getByRole('button', { name: 'Close incident' }).click();
		await expect(page.locator('[data-incident="INC-20251119-0342"]')).toContainText('Closed');
		await expect(incident.banner().locator('.rb-incident-id')).toBeHidden();
		page.once('dialog', (dialog) => void dialog.dismiss());
		await page.getByRole('button', { name: 'Delete incident' }).click();
		await expect(page.locator('[data-incident="INC-20251119-0342"]')).toBeVisible();
		page.once('dialog', (dialog) => void dialog.accept());
		await page.getByRole('button', { name: 'Delete incident' }).click();
		await expect(page.locator('[data-incident="INC-20251119-0342"]')).toHaveCount(0);
	});

	test('edits a timeline entry and deletes one only after confirmation', async ({
		page,
		incident,
	}) => {
		await incident.at(START);
		await page.goto('/incident/');
		await incident.declare({ playbook: 'restaurant-os', title: 'Edits' });
		await page.getByLabel('Note').fill('Typo here');
		await page.getByRole('button', { name: 'Add note' }).click();
		await page.getByRole('button', { name: 'Edit entry “Typo here”' }).click();
		await page.getByLabel(/Edit entry of/).fill('Fixed text');
		await page.getByRole('button', { name: 'Save' }).click();
		await expect(page.locator('.rb-timeline')).toContainText('Fixed text');
		page.once('dialog', (dialog) => void dialog.dismiss());
		await page.getByRole('button', { name: 'Delete entry “Fixed text”' }).click();
		await expect(page.locator('.rb-timeline')).toContainText('Fixed text');
		page.once('dialog', (dialog) => void dialog.accept());
		await page.getByRole('button', { name: 'Delete entry “Fixed text”' }).click();
		await expect(page.locator('.rb-timeline')).not.toContainText('Fixed text');
	});

	test('logs status changes and exports a post-mortem MDX with valid frontmatter', async ({
		page,
		incident,
	}) => {
		await incident.at(START);
		await page.goto('/restaurant-os/scenarios/complete-backend-outage/');
		await incident.declare();
		await page.goto('/incident/');
		for (const [at, status] of [
			[5, 'Identified'],
			[20, 'Mitigating'],
			[40, 'Monitoring'],
			[65, 'Resolved'],
		] as const) {
			await incident.at(minutes(at));
			await page.getByLabel('Status', { exact: true }).selectOption({ label: status });
			await expect(page.locator('.rb-timeline li').first()).toContainText(`→ ${status}`);
		}
		const mdx = await incident.exportText('Post-mortem MDX');
		expect(mdx).toMatch(/^---\n/);
		expect(mdx).toContain('resolved: "2025-11-19T04:47:00.000Z"');
		expect(mdx).toContain('durationMinutes: 65');
		const markdown = await incident.exportText('Post-mortem draft');
		expect(markdown).toContain('- 04:02 UTC - Status: Identified → Mitigating');
	});

	test('lists checklist ticks stored in the incident’s scope in the record', async ({
		page,
		incident,
	}) => {
		await incident.at(START);
		await page.goto('/restaurant-os/scenarios/complete-backend-outage/');
		await incident.declare({ title: 'Ticks' });
		await page.evaluate(() =>
			localStorage.setItem(
				'responder:checklist:INC-20251119-0342:restaurant-os/scenarios/complete-backend-outage',
				JSON.stringify({
					version: 2,
					ticks: {
						'roll-back': {
							at: '2025-11-19T03:50:00.000Z',
							text: 'Roll back to the previous deployment',
						},
					},
				})
			)
		);
		await page.goto('/incident/');
		const record = await incident.exportText('Incident record');
		expect(record).toContain(
			'restaurant-os/scenarios/complete-backend-outage: 1 ticked\n\n- [x] Roll back to the previous deployment (03:50 UTC)'
		);
	});

	test('lists ticks of items no longer in the checklist apart in the record', async ({
		page,
		incident,
	}) => {
		await incident.at(START);
		const path = '/restaurant-os/checklists/incident-response-checklist/';
		await page.goto(path);
		await incident.declare({ title: 'Changed runbook' });
		const key = await page.evaluate(
			() =>
				`responder:checklist:${JSON.parse(localStorage.getItem('responder:incidents')!).activeId}:restaurant-os/checklists/incident-response-checklist`
		);
		// A tick made on an earlier version of the list, for a step the runbook has since dropped.
		await page.evaluate(
			([key]) =>
				localStorage.setItem(
					key!,
					JSON.stringify({
						version: 2,
						ticks: {
							'page-the-old-on-call': {
								at: '2025-11-19T03:45:00.000Z',
								text: 'Page the old on-call',
							},
						},
					})
				),
			[key]
		);
		await page.reload();
		const first = page.locator('rb-checklist input[type="checkbox"]').first();
		const firstText = (
			await page.locator('rb-checklist li[data-item] label').first().innerText()
		).trim();
		await first.check();
		await page.goto('/incident/');
		const record = await incident.exportText('Incident record');
		expect(record).toContain(
			`restaurant-os/checklists/incident-response-checklist: 2 ticked\n\n- [x] ${firstText} (`
		);
		expect(record).toContain(
			'Ticked items no longer in this list:\n\n- [x] Page the old on-call (03:45 UTC)'
		);
	});

	test('shows user text as text in banner and timeline', async ({ page, incident }) => {
		const dialogs: string[] = [];
		page.on('dialog', (dialog) => (dialogs.push(dialog.message()), void dialog.dismiss()));
		await incident.at(START);
		await page.goto('/incident/');
		const payload = '<img src=x onerror=alert(1)><script>alert(2)</script>';
		await incident.declare({ playbook: 'restaurant-os', title: payload, commander: payload });
		await incident.send({ type: 'note', text: payload });
		await expect(page.locator('.rb-timeline')).toContainText(payload);
		await expect(
			page.locator('rb-incident-workspace img, rb-incident-workspace script')
		).toHaveCount(0);
		expect(dialogs).toEqual([]);
	});
});

test.describe('storage', () => {
	test('keeps two tabs in step', async ({ page, incident, context }) => {
		await incident.at(START);
		await page.goto('/restaurant-os/');
		const other = await context.newPage();
		await other.goto('/restaurant-os/scenarios/complete-backend-outage/');
		await incident.declare({ playbook: 'restaurant-os', title: 'Two tabs' });
		await expect(
			other.locator('rb-incident-banner').getByRole('link', { name: /INC-20251119-0342/ })
		).toBeVisible();
	});

	test('works in memory with a visible notice when storage throws', async ({ page, incident }) => {
		await page.addInitScript(() => {
			Object.defineProperty(window, 'localStorage', {
				get: () => {
					throw new DOMException('blocked', 'SecurityError');
				},
			});
		});
		await incident.at(START);
		await page.goto('/incident/');
		await incident.declare({ playbook: 'restaurant-os', title: 'No storage' });
		await expect(page.getByText('This browser is not saving incidents').first()).toBeVisible();
		await page.getByLabel('Note').fill('Still recorded');
		await page.getByRole('button', { name: 'Add note' }).click();
		await expect(page.locator('.rb-timeline')).toContainText('Still recorded');
	});

	test('moves corrupted data aside, says so, and starts a new list', async ({ page, incident }) => {
		// A page without the banner, which would otherwise read (and move) the data before the test looks.
		await page.goto('/incident-data.json');
		await page.evaluate(() =>
			localStorage.setItem('responder:incidents', '{"version":1,"incidents":"oops"')
		);
		await page.goto('/incident/');
		await expect(page.locator('rb-incident-workspace .rb-notice')).toContainText(
			'could not be read'
		);
		const keys = await page.evaluate(() => Object.keys(localStorage));
		const aside = keys.find((key) => key.startsWith('responder:incidents:corrupt:'));
		expect(aside).toBeDefined();
		expect(await page.evaluate((key) => localStorage.getItem(key), aside!)).toBe(
			'{"version":1,"incidents":"oops"'
		);
		await incident.declare({ playbook: 'restaurant-os', title: 'After corruption' });
		await expect(page.locator('[data-incident]')).toHaveCount(1);
	});
});

test.describe('decision tree', () => {
	test('walks Restaurant OS’s mitigation tree to the right section', async ({ page }) => {
		await page.goto('/restaurant-os/decisions/mitigation/');
		const tree = page.locator('rb-decision-stepper');
		await expect(tree.getByRole('heading', { name: 'Is service completely down?' })).toBeVisible();
		await expect(tree.getByRole('heading', { name: 'Is it a code bug?' })).toBeHidden();
		await tree.getByRole('button', { name: 'No' }).click();
		await tree.getByRole('button', { name: 'No' }).click();
		await tree.getByRole('button', { name: 'Yes' }).click();
		await expect(tree.getByRole('heading', { name: 'Deploy hotfix or roll back' })).toBeFocused();
		await tree.getByRole('button', { name: 'Back' }).click();
		await expect(tree.getByRole('heading', { name: 'Is it a code bug?' })).toBeVisible();
		await tree.getByRole('button', { name: 'Start over' }).click();
		await tree.getByRole('button', { name: 'Yes' }).click();
		await expect(tree.getByRole('heading', { name: 'Execute emergency rollback' })).toBeVisible();
		await expect(tree.getByRole('link', { name: /Backend Outage/ })).toHaveAttribute(
			'href',
			'/restaurant-os/scenarios/complete-backend-outage/'
		);
		await tree.getByRole('link', { name: 'Decision Tree and Mitigation Strategies' }).click();
		await expect(page).toHaveURL(/\/restaurant-os\/mitigation\/#2-emergency-rollback$/);
		await expect(page.locator('[id="2-emergency-rollback"]')).toHaveText(/2\. Emergency Rollback/);
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	test('pages stay readable, the tree is a list of sections and no declare control shows', async ({
		page,
	}) => {
		await page.goto('/restaurant-os/decisions/mitigation/');
		await expect(page.getByRole('heading', { name: 'Is it a third-party outage?' })).toBeVisible();
		await expect(
			page.getByRole('main').getByRole('link', { name: 'Enable degraded mode / fallback' })
		).toHaveAttribute('href', /#do-third-party-yes$/);
		await expect(page.getByRole('button', { name: 'Declare incident' })).toHaveCount(0);
		await page.goto('/incident/');
		await expect(page.getByText('The incident workspace needs JavaScript')).toBeVisible();
	});
});
