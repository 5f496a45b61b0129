import { expect, test } from './fixtures/search.ts';
import { RunbooksIndexSchema } from '../../src/schemas/runbooks-index.ts';

/**
 * What a responder types with only a symptom or an alert name in hand, and the scenario that must
 * come first (the seed playbooks' ids). "webhook signature": Servio's Webhook Security Alert is the
 * scenario about webhook signature checks failing (alert `WebhookVerificationFailure`, "Signature
 * invalid: Forged webhook"); the payment scenarios of Stolentee, Restaurant OS and MaidConnect only
 * mention signature checks as one thing to look at.
 */
const FIRST: [term: string, path: string][] = [
	['DatabaseConnectionExhaustion', '/servio/scenarios/database-connection-exhaustion/'],
	['kitchen display', '/restaurant-os/scenarios/websocket-connection-failures/'],
	['webhook signature', '/servio/scenarios/webhook-security-alert/'],
];

/**
 * Terms that several playbooks use for their own scenario: those scenarios, one per playbook, come
 * before anything else, and the playbook filter picks the one.
 */
const TOP: [term: string, paths: string[], playbook: string, path: string][] = [
	[
		'502',
		['/restaurant-os/scenarios/complete-backend-outage/', '/sentia/scenarios/complete-outage/'],
		'Sentia Manufacturing',
		'/sentia/scenarios/complete-outage/',
	],
	[
		'connection pool',
		[
			'/maidconnect/scenarios/database-performance-degradation/',
			'/sentia/scenarios/database-issues/',
			'/servio/scenarios/database-connection-exhaustion/',
			'/stolentee/scenarios/database-down/',
		],
		'Servio',
		'/servio/scenarios/database-connection-exhaustion/',
	],
];

for (const [term, path] of FIRST) {
	test(`searching "${term}" puts ${path} first`, async ({ search }) => {
		await search.open();
		await search.search(term);
		expect(await search.resultPath(0)).toBe(path);
	});
}

for (const [term, paths, playbook, path] of TOP) {
	test(`searching "${term}" puts each playbook's matching scenario first, and the ${playbook} filter picks its own`, async ({
		search,
	}) => {
		await search.open();
		await search.search(term);
		const top = await Promise.all(paths.map((_, n) => search.resultPath(n)));
		expect(top.sort()).toEqual(paths);
		await search.filter('Playbook', playbook);
		await expect.poll(() => search.resultPath(0)).toBe(path);
	});
}

test('results name their playbook and the playbook filter narrows them to it', async ({
	search,
}) => {
	await search.open();
	await search.search('payment');
	await expect(search.results.first().locator('.pagefind-ui__result-tag')).toContainText(
		'Playbook:'
	);
	const before = await search.count();
	await search.filter('Playbook', 'Stolentee');
	// While Pagefind searches again the message reads "Searching…" (no count); wait for the new count.
	await expect
		.poll(async () => {
			const n = await search.count();
			return n > 0 && n < before;
		})
		.toBe(true);
	const tags = await search.results.locator('.pagefind-ui__result-tag').allTextContents();
	expect(new Set(tags.map((tag) => tag.trim()))).toEqual(new Set(['Playbook: Stolentee']));
});

test("excerpts quote the page's content, not the site's own notes and controls", async ({
	page,
	search,
}) => {
	await search.open();
	await search.search('database');
	await expect(search.results.first()).toBeVisible();
	const excerpts = await page.locator('.pagefind-ui__result-excerpt').allTextContents();
	expect(excerpts.length).toBeGreaterThan(0);
	// The offline note and the incident banner are on every page, hidden or not.
	for (const chrome of ['Offline: working', 'New version available', 'Declare incident'])
		expect(
			excerpts.filter((excerpt) => excerpt.includes(chrome)),
			`excerpts quoting "${chrome}"`
		).toEqual([]);
});

test('the kind filter keeps only scenario pages', async ({ page }) => {
	await page.goto('/search/?q=P0&kind=scenario');
	const results = page.locator('.pagefind-ui__result');
	await expect(results.first()).toBeVisible();
	const paths = await results
		.locator('.pagefind-ui__result-title > a')
		.evaluateAll((links) =>
			links
				.filter((a) => !a.closest('.pagefind-ui__result-nested'))
				.map((a) => new URL((a as HTMLAnchorElement).href).pathname)
		);
	expect(paths.length).toBeGreaterThan(0);
	for (const path of paths) expect(path).toMatch(/^\/[^/]+\/scenarios\/[^/]+\/$/);
});

test('the severity filter keeps only pages of that level', async ({ page }) => {
	await page.goto('/search/?q=alert&severity=P2');
	const links = page.locator(
		'.pagefind-ui__result > .pagefind-ui__result-inner > .pagefind-ui__result-title > a'
	);
	await expect(links.first()).toBeVisible();
	await expect(page.getByRole('checkbox', { name: /^P2/ })).toBeChecked();
	for (const href of await links.evaluateAll((as) =>
		as.map((a) => (a as HTMLAnchorElement).pathname)
	)) {
		await page.goto(href);
		await expect(page.locator('[data-pagefind-filter="severity:P2"]')).toHaveCount(1);
		await page.goBack();
	}
});

test('every scenario comes first for one of its symptoms and for each of its alert names', async ({
	page,
	request,
}) => {
	const { scenarios, alerts: claims } = RunbooksIndexSchema().parse(
		await (await request.get('/runbooks.json')).json()
	);
	const claimants = new Map(claims.map((alert) => [alert.name, alert.scenarios.length]));
	await page.goto('/');
	// Pagefind's own search API, the one the dialog uses, on the built index.
	const ranks = await page.evaluate(async (list) => {
		const bundle = '/pagefind/pagefind.js';
		const pagefind = await import(bundle);
		// Starlight's ranking defaults (its schemas/pagefind.ts), which the header's search passes to Pagefind.
		await pagefind.options({
			ranking: {
				pageLength: 0.1,
				termFrequency: 0.1,
				termSaturation: 2,
				termSimilarity: 9,
				diacriticSimilarity: 0.8,
			},
		});
		const rank = async (term: string, url: string) => {
			const { results } = await pagefind.search(term.replace(/`/g, ''));
			const urls = await Promise.all(
				results
					.slice(0, 8)
					.map(
						async (result: { data: () => Promise<{ url: string }> }) => (await result.data()).url
					)
			);
			return urls.indexOf(url);
		};
		const out: { id: string; symptoms: number[]; alerts: (readonly [string, number])[] }[] = [];
		for (const scenario of list) {
			out.push({
				id: scenario.id,
				symptoms: await Promise.all(
					scenario.symptoms.map((symptom) => rank(symptom, scenario.url))
				),
				alerts: await Promise.all(
					scenario.alerts.map(async (alert) => [alert, await rank(alert, scenario.url)] as const)
				),
			});
		}
		return out;
	}, scenarios);
	expect(ranks.length).toBeGreaterThan(0);
	for (const { id, symptoms, alerts } of ranks) {
		if (symptoms.length > 0)
			expect(symptoms.includes(0), `${id}: first for one of its symptoms (${symptoms})`).toBe(true);
		expect(
			symptoms.every((rank) => rank >= 0),
			`${id}: among the first 8 for each symptom (${symptoms})`
		).toBe(true);
		// An alert several scenarios claim brings all of them first, in some order.
		for (const [alert, rank] of alerts)
			expect(rank >= 0 && rank < claimants.get(alert)!, `${id}: first for ${alert}`).toBe(true);
	}
});
