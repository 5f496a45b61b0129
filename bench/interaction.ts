import { chromium, type Page } from '@playwright/test';
import { chromiumPath } from '../test/e2e/chromium.ts';
import { serveStatic } from './serve.ts';

/**
 * Interaction latency in Chromium, read from performance marks the features emit:
 * `rb:checklist:stored` once a tick is written to storage, `rb:template:rendered` once the
 * template preview shows the new text. Latency = mark time − the input event's timestamp.
 */
export const MARKS = {
	checklist: 'rb:checklist:stored',
	template: 'rb:template:rendered',
} as const;

export interface Latency {
	p50: number;
	p95: number;
	events: number;
}

export type InteractionFigures = Record<keyof typeof MARKS, Latency | string>;

const percentile = (values: number[], p: number) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

/** Records input-event timestamps and the feature's marks, from before any page script runs. */
const recorder = (markName: string) => {
	const state = { inputs: [] as number[], marks: [] as number[] };
	(window as unknown as { __rbBench: typeof state }).__rbBench = state;
	for (const type of ['click', 'keydown']) {
		window.addEventListener(type, (event) => state.inputs.push(event.timeStamp), { capture: true });
	}
	new PerformanceObserver((list) => {
		for (const entry of list.getEntries())
			if (entry.name === markName) state.marks.push(entry.startTime);
	}).observe({ type: 'mark', buffered: true });
};

/** Runs `act` `events` times and pairs each input event with the first mark after it. */
async function measure(
	page: Page,
	events: number,
	act: (i: number) => Promise<void>
): Promise<Latency | string> {
	const latencies: number[] = [];
	for (let i = 0; i < events; i++) {
		const before = await page.evaluate(() => (window as any).__rbBench.marks.length as number);
		await act(i);
		const arrived = await page
			.waitForFunction((count) => (window as any).__rbBench.marks.length > count, before, {
				timeout: 2000,
			})
			.then(
				() => true,
				() => false
			);
		if (!arrived)
			return i === 0
				? 'not measured (no mark emitted)'
				: `not measured (mark missing after ${i} events)`;
		const latency = await page.evaluate(() => {
			const { inputs, marks } = (window as any).__rbBench as { inputs: number[]; marks: number[] };
			const mark = marks[marks.length - 1]!;
			const input = Math.max(...inputs.filter((t) => t <= mark));
			return mark - input;
		});
		latencies.push(latency);
	}
	return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), events };
}

/** Measures checkbox → stored on `scenarioPath` and keystroke → preview on `templatePath`. */
export async function measureInteractions(
	dist: string,
	scenarioPath: string,
	templatePath: string,
	events = 200
): Promise<InteractionFigures> {
	const { url, server } = await serveStatic(dist);
	const browser = await chromium.launch({
		executablePath: chromiumPath(),
		args: ['--no-sandbox', '--disable-gpu'],
	});
	try {
		const checklistPage = await browser.newPage();
		await checklistPage.addInitScript(recorder, MARKS.checklist);
		await checklistPage.goto(url + scenarioPath);
		const boxes = checklistPage.locator('rb-checklist input[type="checkbox"]');
		const boxCount = await boxes.count();
		const checklist =
			boxCount === 0
				? 'not measured (no rb-checklist on the page)'
				: await measure(checklistPage, events, (i) => boxes.nth(i % boxCount).click());

		const templatePage = await browser.newPage();
		await templatePage.addInitScript(recorder, MARKS.template);
		await templatePage.goto(url + templatePath);
		const input = templatePage
			.locator(
				'rb-template input[type="text"], rb-template input:not([type]), rb-template textarea'
			)
			.first();
		const template =
			(await input.count()) === 0
				? 'not measured (no rb-template input on the page)'
				: await (async () => {
						await input.focus();
						return measure(templatePage, events, (i) =>
							templatePage.keyboard.press(i % 20 === 19 ? 'Backspace' : 'a')
						);
					})();
		return { checklist, template };
	} finally {
		await browser.close();
		server.close();
	}
}
