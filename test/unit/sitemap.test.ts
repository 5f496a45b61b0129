import { expect, test } from 'vitest';
import { inSitemap } from '../../src/lib/sitemap.ts';

const site = 'https://runbooks.example.com';

test('the sitemap lists the pages a responder reads and leaves out app screens and alert links', () => {
	for (const path of [
		'/',
		'/find/',
		'/servio/',
		'/servio/scenarios/db-down/',
		'/servio/templates/status/',
	]) {
		expect(inSitemap(`${site}${path}`), path).toBe(true);
	}
	for (const path of [
		'/offline/',
		'/offline',
		'/404',
		'/404/',
		'/search/',
		'/incident/',
		'/alerts/HighErrorRate/',
	]) {
		expect(inSitemap(`${site}${path}`), path).toBe(false);
	}
});
