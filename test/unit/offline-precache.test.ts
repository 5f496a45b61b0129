import { describe, expect, test } from 'vitest';
import { precacheRank, selectPrecache } from '../../src/lib/offline-precache.ts';

const file = (url: string, size = 100) => ({ url, size });

describe('precacheRank', () => {
	test('puts scripts, data and the shared pages first, and alert links last', () => {
		expect(precacheRank('_astro/page.abc.js')).toBe(0);
		expect(precacheRank('pagefind/pagefind.js')).toBe(0);
		expect(precacheRank('incident-data.json')).toBe(0);
		expect(precacheRank('index.html')).toBe(0);
		expect(precacheRank('offline/index.html')).toBe(0);
		expect(precacheRank('servio/index.html')).toBeLessThan(
			precacheRank('servio/scenarios/index.html')
		);
		expect(precacheRank('servio/scenarios/index.html')).toBeLessThan(
			precacheRank('servio/severities/p0/index.html')
		);
		expect(precacheRank('servio/severities/p0/index.html')).toBeLessThan(
			precacheRank('servio/templates/status/index.html')
		);
		expect(precacheRank('servio/templates/status/index.html')).toBeLessThan(
			precacheRank('servio/scenarios/db-down/index.html')
		);
		expect(precacheRank('servio/scenarios/db-down/index.html')).toBeLessThan(
			precacheRank('alerts/DbDown/index.html')
		);
	});
});

describe('selectPrecache', () => {
	const site = [
		file('alerts/DbDown/index.html'),
		file('servio/scenarios/db-down/index.html'),
		file('servio/severities/p0/index.html'),
		file('servio/index.html'),
		file('_astro/page.abc.js'),
		file('pagefind/pagefind.js'),
		file('runbooks.json'),
		file('index.html'),
	];

	/** What `selectPrecache` stores of `site` within `budget`: the URLs in order and the counts. */
	const stored = (budget: number) => {
		const { entries, ...counts } = selectPrecache(site, budget);
		return { urls: entries.map((entry) => entry.url), ...counts };
	};

	test('stores every file of a site within the budget', () => {
		expect(stored(800)).toMatchObject({ size: 800, pagesLeftOut: 0, shellOverBudget: false });
		expect(stored(800).urls).toHaveLength(site.length);
	});

	test('past the budget, keeps the shell and the most useful pages that fit, and counts the rest', () => {
		expect(stored(600)).toEqual({
			urls: [
				'_astro/page.abc.js',
				'index.html',
				'pagefind/pagefind.js',
				'runbooks.json',
				'servio/index.html',
				'servio/severities/p0/index.html',
			],
			size: 600,
			pagesLeftOut: 2,
			shellOverBudget: false,
		});
	});

	test('stores the shell even when it alone is over the budget, and says so', () => {
		expect(stored(250)).toEqual({
			urls: ['_astro/page.abc.js', 'index.html', 'pagefind/pagefind.js', 'runbooks.json'],
			size: 400,
			pagesLeftOut: 4,
			shellOverBudget: true,
		});
	});

	test('chooses the same files whatever order they are listed in', () => {
		const once = selectPrecache(site, 600).entries;
		const reversed = selectPrecache([...site].reverse(), 600).entries;
		expect(reversed).toEqual(once);
	});
});
