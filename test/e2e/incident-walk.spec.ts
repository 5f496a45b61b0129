import { expect, test, utcAfter, type IncidentPage } from './incident-fixtures.ts';
import type { Page } from '@playwright/test';

// The Done-when walk of issue 14: declare → tick → copy each update template → status and severity →
// note → every export → hand-over → fresh context → take over, each value written checked.
test.use({ permissions: ['clipboard-read', 'clipboard-write'] });
test.describe.configure({ timeout: 180_000 });

const START = '2025-11-19T03:42:00.000Z';
const at = (n: number) => Date.parse(START) + n * 60_000;
/** How a template writes a time: `2025-11-19 03:57 UTC`. */
const written = (minutes: number) =>
	`${new Date(at(minutes)).toISOString().slice(0, 10)} ${utcAfter(START, minutes)}`;

interface Walk {
	playbook: string;
	scenario: string;
	level: string;
	/** The severity it changes to in the workspace. */
	next: string;
	status: string;
	/**
	 * Update templates (`update: true`); `times` when the body writes "as of" and "next update";
	 * `says`: lines the copy holds, filled from the incident (status, the severity's cadence).
	 */
	updates: { path: string; times: boolean; says?: string[] }[];
}

const WALKS: Walk[] = [
	{
		playbook: 'restaurant-os',
		scenario: 'complete-backend-outage',
		level: 'P0',
		next: 'P1',
		status: 'Mitigating',
		updates: [
			{
				path: 'initial-notification',
				times: false,
				says: ['Status: Investigating', 'We will provide updates every 15 min.'],
			},
			{ path: 'progress-update', times: true },
		],
	},
	{
		playbook: 'maidconnect',
		scenario: 'complete-site-outage',
		level: 'SEV-1',
		next: 'SEV-2',
		status: 'Mitigating',
		updates: [
			{ path: 'customer-communication', times: false },
			{ path: 'status-update', times: true },
		],
	},
];

/** Presses a copy button, and again when it names blanks first; returns the clipboard. */
async function copy(page: Page, name: string): Promise<string> {
	const status = page.locator('[data-status]');
	await status.evaluate((element) => (element.textContent = ''));
	await page.getByRole('button', { name, exact: true }).click();
	await expect(status).toHaveText(/^(Copied|Still blank)/);
	if ((await status.textContent())!.startsWith('Still blank'))
		await page.getByRole('button', { name, exact: true }).click();
	await expect(status).toHaveText(/^Copied/);
	return page.evaluate(() => navigator.clipboard.readText());
}

async function bodyButton(page: Page): Promise<string> {
	const body = page.getByRole('button', { name: 'Copy body', exact: true });
	return (await body.count()) > 0 ? 'Copy body' : 'Copy text';
}

for (const walk of WALKS) {
	test(`${walk.playbook} ${walk.level}: declare to take-over, each value written`, async ({
		page,
		incident,
		browser,
	}) => {
		const data = await (async (i: IncidentPage) => {
			await i.at(START);
			await page.goto(`/${walk.playbook}/scenarios/${walk.scenario}/`);
			return i.data();
		})(incident);
		const playbook = data.playbooks.find((p) => p.id === walk.playbook)!;
		const severity = playbook.severities.find((s) => s.level === walk.level)!;
		const next = playbook.severities.find((s) => s.level === walk.next)!;
		const cadence = severity.targets.update!.minutes!;
		expect(cadence).toBeGreaterThan(0);

		// Declare from the scenario page.
		await incident.declare({ severity: walk.level, title: `${walk.level} walk`, commander: 'Ana' });
		// Each playbook numbers incidents its own way (INC-20251119-0342, INC-2025-11-19-01).
		const active = incident.banner().getByRole('link', { name: /^Active incident / });
		await expect(active).toBeVisible();
		const ID =
			/^Active incident (\S+):/.exec(
				(await active.getAttribute('aria-label')) ?? (await active.innerText())
			)?.[1] ?? '';
		expect(ID).toMatch(/^INC-/);
		await expect(incident.clock('update')).toContainText(utcAfter(START, cadence));

		// Tick the scenario's first step.
		await incident.at(at(2));
		const box = page.locator('rb-checklist').first().getByRole('checkbox').first();
		const step = ((await box.evaluate((el) => el.closest('label')?.textContent)) ?? '').trim();
		expect(step).not.toBe('');
		await box.check();
		await expect(box).toBeChecked();

		// Copy each update template: the next update counts from the copy at the cadence.
		let minute = 3;
		for (const update of walk.updates) {
			await incident.at(at(minute));
			await page.goto(`/${walk.playbook}/templates/${update.path}/`);
			await expect(page.getByRole('button', { name: /^Copy / }).first()).toBeVisible();
			const text = await copy(page, await bodyButton(page));
			for (const line of update.says ?? []) expect(text).toContain(line);
			if (update.times) {
				expect(text).toContain(written(minute));
				expect(text).toContain(written(minute + cadence));
				expect(written(minute + cadence)).not.toBe(written(minute));
				const lines = text.split('\n');
				const asOf = lines.find(
					(line) => /as of|UPDATE/.test(line) && line.includes(written(minute))
				);
				const nextLine = lines.find((line) => /next update/i.test(line));
				expect(asOf, text).toBeDefined();
				expect(nextLine, text).toContain(written(minute + cadence));
				expect(nextLine).not.toContain(written(minute));
			}
			// The banner's clock restarted at the copy.
			await expect(incident.clock('update')).toContainText(utcAfter(START, minute + cadence));
			minute += 4;
		}

		// Status and severity in the workspace, then a note.
		await incident.at(at(minute));
		await page.goto('/incident/');
		await page.getByLabel('Status', { exact: true }).selectOption({ label: walk.status });
		await expect(page.locator('.rb-timeline li').first()).toContainText(`→ ${walk.status}`);
		await incident.at(at(minute + 1));
		await page.getByLabel('Severity', { exact: true }).selectOption(next.id);
		await expect(page.locator('.rb-timeline li').first()).toContainText(
			`Severity: ${walk.level} → ${walk.next}`
		);
		await incident.at(at(minute + 2));
		const note = `Rolled back deploy for ${walk.playbook}`;
		await page.getByLabel('Note', { exact: true }).fill(note);
		await page.getByRole('button', { name: 'Add note' }).click();
		await expect(page.locator('.rb-timeline li').first()).toContainText(note);

		// Every export is true to the incident.
		const record = await incident.exportText('Incident record');
		expect(record).toContain(ID);
		expect(record).toMatch(new RegExp(`Status:\\**\\s*${walk.status}`, 'i'));
		expect(record).not.toMatch(/Status:\**\s*Investigating\s*$/im);
		expect(record).toContain(walk.next);
		expect(record).toContain(step);
		expect(record).toContain(`${utcAfter(START, 2)} - Ticked: ${step}`);
		const notes = record.slice(record.search(/^#+\s*Notes/im));
		expect(notes, record).toContain(note);

		const draft = await incident.exportText('Post-mortem draft');
		const mdx = await incident.exportText('Post-mortem MDX');
		for (const text of [draft, mdx]) {
			expect(text).toContain(ID);
			expect(text).toContain(walk.status);
			expect(text).toContain(walk.next);
			expect(text).toContain(note);
			expect(text).toContain(step);
			expect(text).toContain(utcAfter(START, 2));
		}

		const json = JSON.parse(await incident.exportText('Incident JSON'));
		const exported = json.incidents?.[ID] ?? json.incident ?? json;
		expect(JSON.stringify(exported)).toContain(note);
		expect(exported.status).toBe(walk.status.toLowerCase());
		expect(exported.severity).toBe(next.id);
		const tick = exported.timeline.find((event: { type: string }) => event.type === 'step-ticked');
		expect(tick).toMatchObject({ at: new Date(at(2)).toISOString() });

		// Hand over to a fresh browser: the preview shows what is taken over, ticks included.
		const link = await incident.handoverLink();
		const fresh = await browser.newContext({
			baseURL: new URL(link).origin,
			permissions: ['clipboard-read', 'clipboard-write'],
		});
		try {
			const landing = await fresh.newPage();
			await landing.clock.setFixedTime(new Date(at(minute + 5)));
			await landing.goto(link);
			const preview = landing.getByRole('region', { name: new RegExp(`Hand-over: ${ID}`) });
			await expect(preview).toContainText(ID);
			await expect(preview).toContainText(walk.status);
			await expect(preview).toContainText(walk.next);
			// The preview names the ticked steps under their scenario's title.
			const scenario = playbook.scenarios.find(
				(entry) => entry.id === `${walk.playbook}/${walk.scenario}`
			)!;
			const list = preview.getByRole('listitem').filter({ hasText: `${scenario.title}: 1 ticked` });
			await expect(list.getByRole('listitem')).toHaveText([step]);
			await landing.getByRole('button', { name: `Take over ${ID}` }).click();
			await expect(preview).toBeHidden();

			await landing.goto(`/${walk.playbook}/scenarios/${walk.scenario}/`);
			const taken = landing.locator('rb-checklist').first().getByRole('checkbox').first();
			await expect(taken).toBeChecked();
			await expect(
				landing.locator('rb-incident-banner').getByRole('link', { name: new RegExp(ID) })
			).toBeVisible();
		} finally {
			await fresh.close();
		}
	});
}
