import { expect, test, type APIRequestContext } from '@playwright/test';
import { pageChunks, type PageChunk } from '../../src/lib/page-scripts.ts';

/**
 * zod (~20 KB gzip) checks imported incidents and hand-over links; it must load on demand, never
 * with a page. A string every zod 4 build carries (its core type's constructor name) marks it.
 */
const ZOD_MARKER = '$ZodType';

/** The chunks a served page loads before anything is clicked (static imports only). */
async function upFront(request: APIRequestContext, url: string): Promise<PageChunk[]> {
	const html = await (await request.get(url)).text();
	return pageChunks(html, async (path) => {
		const response = await request.get(path);
		expect(response.ok(), `${path} is served`).toBe(true);
		return response.text();
	});
}

const pages = [
	'/',
	'/servio/',
	'/servio/severities/',
	'/servio/scenarios/',
	'/servio/scenarios/database-connection-exhaustion/',
	'/servio/templates/customer-notification/',
	'/servio/escalation/',
	'/find/',
	'/search/',
];

for (const url of pages) {
	test(`${url} loads its scripts without zod`, async ({ request }) => {
		const chunks = await upFront(request, url);
		// The banner's watcher loads with every page's scripts (ResponderPage.astro).
		expect(chunks.some((chunk) => chunk.code.includes('rb-incident-banner'))).toBe(true);
		expect(
			chunks.filter((chunk) => chunk.code.includes(ZOD_MARKER)).map((chunk) => chunk.path)
		).toEqual([]);
	});
}

test('the incident workspace loads zod, so the marker still finds it', async ({ request }) => {
	const chunks = await upFront(request, '/incident/');
	expect(chunks.some((chunk) => chunk.code.includes(ZOD_MARKER))).toBe(true);
});

test('a scenario page loads the incident view once an incident is active, and still no zod', async ({
	page,
}) => {
	const scripts = new Map<string, Promise<string>>();
	page.on('response', (response) => {
		if (response.request().resourceType() === 'script')
			// A reload may answer from the cache (304), which has no body to read.
			scripts.set(
				new URL(response.url()).pathname,
				response.text().catch(() => '')
			);
	});
	await page.goto('/servio/scenarios/database-connection-exhaustion/');
	const declare = page.getByRole('button', { name: 'Declare incident', exact: true });
	await expect(declare).toBeVisible();
	// With no incident stored, the banner only watches: its working part waits for one.
	expect(
		[...scripts.keys()].filter((path) =>
			/incident-banner-(view|live)|declare-dialog|incident-store-client/.test(path)
		)
	).toEqual([]);

	await declare.click();
	await page.getByRole('dialog').getByRole('button', { name: 'Declare', exact: true }).click();
	await expect(page.getByRole('link', { name: /^Active incident / })).toBeVisible();
	expect([...scripts.keys()].some((path) => path.includes('incident-banner-view'))).toBe(true);
	const withZod = [];
	for (const [path, code] of scripts) if ((await code).includes(ZOD_MARKER)) withZod.push(path);
	expect(withZod).toEqual([]);
	// A fresh load with the incident stored brings the banner's working part up at once.
	scripts.clear();
	await page.reload();
	await expect(page.getByRole('link', { name: /^Active incident / })).toBeVisible();
	expect([...scripts.keys()].some((path) => path.includes('incident-banner-live'))).toBe(true);
});
