import { test as base, expect, type Page } from '@playwright/test';
import type { IncidentData } from '../../src/incident/data.ts';
import type { RecordedEvent } from '../../src/incident/model.ts';

/** Drives the incident banner, declare dialog and workspace the way a responder does. */
export class IncidentPage {
	readonly page: Page;
	constructor(page: Page) {
		this.page = page;
	}

	banner = () => this.page.locator('rb-incident-banner');
	clock = (key: string) => this.banner().locator(`[data-clock="${key}"]`);

	/** Pins `Date` to `iso` (timers keep running, so the banner re-renders every second). */
	async at(iso: string | number) {
		await this.page.clock.setFixedTime(new Date(iso));
	}

	async data(): Promise<IncidentData> {
		return (await this.page.request.get('/incident-data.json')).json();
	}

	/** Declares through the page's one declare control (the banner's, or the workspace's on `/incident/`); `severity` is a level name such as `P1`. */
	async declare(
		options: { title?: string; playbook?: string; severity?: string; commander?: string } = {}
	) {
		const data = await this.data();
		await this.page.getByRole('button', { name: 'Declare incident', exact: true }).click();
		const dialog = this.page.getByRole('dialog', { name: 'Declare incident' });
		if (options.title !== undefined) await dialog.getByLabel('Title').fill(options.title);
		const playbook = data.playbooks.find((entry) => entry.id === options.playbook);
		if (playbook) await dialog.getByLabel('Playbook').selectOption(playbook.id);
		const severity =
			options.severity &&
			(
				playbook ??
				data.playbooks.find((entry) => entry.id === (this.page.url().split('/')[3] ?? ''))
			)?.severities.find((entry) => entry.level === options.severity);
		if (options.severity)
			await dialog.getByLabel('Severity').selectOption(severity ? severity.id : options.severity);
		if (options.commander) await dialog.getByLabel('Incident commander').fill(options.commander);
		await dialog.getByRole('button', { name: 'Declare', exact: true }).click();
		await expect(dialog).toBeHidden();
	}

	/** Sends a timeline event as a checklist or template would (`RecordedEvent`). */
	async send(event: RecordedEvent) {
		await this.page.evaluate(
			(detail) => window.dispatchEvent(new CustomEvent('responder:timeline', { detail })),
			event
		);
	}

	/** A tick as a checklist sends it. */
	tick = (text: string) =>
		this.send({ type: 'step-ticked', checklist: 'test', item: text.toLowerCase(), text });

	/** A copied message as a template sends it; `update` when the template announces an update. */
	copied = (title: string, update: boolean) =>
		this.send({
			type: 'message-sent',
			template: 'test/template',
			title,
			kind: 'internal',
			channel: 'Slack',
			update,
		});

	stored = () => this.page.evaluate(() => localStorage.getItem('responder:incidents'));

	/** Creates the hand-over link on `/incident/` and returns it once compressed (it is made asynchronously). */
	async handoverLink(): Promise<string> {
		await this.page.getByRole('button', { name: 'Create hand-over link' }).click();
		await expect(this.page.getByLabel('Hand-over link')).toHaveValue(/#handover=/);
		return this.page.getByLabel('Hand-over link').inputValue();
	}

	async exportText(button: string): Promise<string> {
		await this.page.getByRole('button', { name: button, exact: true }).click();
		return this.page.getByLabel('Exported text').inputValue();
	}
}

export const test = base.extend<{ incident: IncidentPage }>({
	incident: async ({ page }, use) => {
		await use(new IncidentPage(page));
	},
});

export { expect };

/** `HH:MM UTC` of `start` plus `minutes`. */
export const utcAfter = (start: string, minutes: number) =>
	`${new Date(Date.parse(start) + minutes * 60_000).toISOString().slice(11, 16)} UTC`;
