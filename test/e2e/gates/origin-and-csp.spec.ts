import { expect, test } from './fixtures.ts';
import { GATE_PAGES } from './pages.ts';

// The guard fixture fails any of these on a request to another origin or a CSP violation; the
// tests here make sure the pages actually load what they need under the policy.

test('every page kind loads only from its own origin, with its scripts and styles allowed by the policy', async ({
	page,
	gatePage,
	guard,
	baseURL,
}) => {
	for (const row of GATE_PAGES) {
		await gatePage.open(row);
		await expect(page.locator('h1').first()).toBeVisible();
		await gatePage.useFeatures();
	}
	const origin = new URL(baseURL!).origin;
	// Scripts, styles and the search index were fetched, so the check above saw real traffic.
	expect(
		guard.requests.some((url) => url.startsWith(`${origin}/_astro/`) && url.endsWith('.js'))
	).toBe(true);
	expect(
		guard.requests.some((url) => url.startsWith(`${origin}/_astro/`) && url.endsWith('.css'))
	).toBe(true);
	expect(guard.requests.some((url) => url.startsWith(`${origin}/pagefind/`))).toBe(true);
});

test('the site ships a Content Security Policy that refuses inline code and other origins', async ({
	page,
	gatePage,
	guard,
}) => {
	await gatePage.open(GATE_PAGES[0]!);
	const policy = await page
		.locator('meta[http-equiv="content-security-policy"]')
		.getAttribute('content');
	expect(policy).toMatch(/default-src 'self'/);
	expect(policy).toMatch(/script-src 'self'[^;]* 'sha256-/);
	expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
	// An injected inline script is refused and reported, which is what the guard listens for.
	const refused = await page.evaluate(async () => {
		const script = document.createElement('script');
		script.textContent = 'window.__rbInjected = true;';
		const reported = new Promise<string>((resolve) =>
			document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), {
				once: true,
			})
		);
		document.body.append(script);
		const directive = await reported;
		window.__rbCspViolations.length = 0;
		return {
			directive,
			ran: (window as unknown as { __rbInjected?: boolean }).__rbInjected === true,
		};
	});
	expect(refused.directive).toMatch(/^script-src/);
	expect(refused.ran).toBe(false);
	// So is an image from another origin: nothing a page shows can call out.
	const imageRefused = await page.evaluate(async () => {
		const reported = new Promise<string>((resolve) =>
			document.addEventListener(
				'securitypolicyviolation',
				(e) => resolve(`${e.violatedDirective} ${e.blockedURI}`),
				{ once: true }
			)
		);
		const image = document.createElement('img');
		image.src = 'https://tracker.example/pixel.png';
		image.alt = '';
		document.body.append(image);
		const report = await reported;
		window.__rbCspViolations.length = 0;
		return report;
	});
	expect(imageRefused).toBe('img-src https://tracker.example/pixel.png');
	// The guard saw the attempt even though the policy stopped it; this one was on purpose.
	const attempt = guard.requests.indexOf('https://tracker.example/pixel.png');
	expect(attempt).toBeGreaterThanOrEqual(0);
	guard.requests.splice(attempt, 1);
});
