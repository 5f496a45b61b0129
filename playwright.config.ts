import { defineConfig } from '@playwright/test';
import { chromiumPath } from './test/e2e/chromium.ts';
import { fixturePort, port } from './test/e2e/sites.ts';

/** Browser tests run against the built site, served once, in the system Chromium. */
export default defineConfig({
	testDir: 'test/e2e',
	fullyParallel: true,
	// Axe scans and Pagefind's first search take tens of seconds on a busy 2-core runner; these are
	// the harness's patience, not performance assertions (those live in npm run bench).
	timeout: 90_000,
	expect: { timeout: 15_000 },
	...(process.env.CI ? { workers: 2 } : {}),
	reporter: process.env.CI ? 'list' : 'line',
	forbidOnly: !!process.env.CI,
	use: {
		baseURL: `http://localhost:${port}`,
		browserName: 'chromium',
		// The site's worker would store the whole site in every test's fresh browser; offline.spec.ts
		// allows it where it is the subject.
		serviceWorkers: 'block',
		launchOptions: {
			executablePath: chromiumPath(),
			// Chromium's own background traffic would leave the machine; the tests check that nothing does.
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
			],
		},
	},
	webServer: [
		{
			command: `npm run build && npx astro preview --port ${port} --ignore-lock`,
			url: `http://localhost:${port}/`,
			reuseExistingServer: !process.env.CI,
			timeout: 600_000,
			stdout: 'ignore',
			stderr: 'pipe',
		},
		{
			// Started after the first server is up, so the two builds never run at once.
			command: `npx astro build --outDir dist-fixtures && npx astro preview --outDir dist-fixtures --port ${fixturePort} --ignore-lock`,
			env: { RESPONDER_CONTENT: 'test/fixtures/templates' },
			url: `http://localhost:${fixturePort}/`,
			reuseExistingServer: !process.env.CI,
			timeout: 600_000,
			stdout: 'ignore',
			stderr: 'pipe',
		},
	],
});
