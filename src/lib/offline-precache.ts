/**
 * What the service worker stores on a responder's first visit, so the site works with the network
 * gone. Everything a page needs to run (scripts, styles, the search index, the data files and the
 * few pages every playbook shares) is always stored; pages are added, most useful first, while the
 * total stays within the budget. Pages left out are cached when visited.
 */

/** A built file the worker could store: its site path (`servio/index.html`) and size in bytes. */
export interface PrecacheCandidate {
	url: string;
	size: number;
}

/** Files of `dist/` the worker may store (globs for workbox-build, relative to `dist/`). */
export const PRECACHE_GLOBS = ['**/*.{html,js,css,svg,woff2,json,pf_meta,pagefind,pf_index}'];

/**
 * Files never worth storing: the worker itself, machine-only indexes nobody opens mid-incident, and
 * Pagefind's alternative UIs, which Starlight does not load.
 */
export const PRECACHE_IGNORES = [
	'sw.js',
	'review.json',
	'sitemap-*.xml',
	'pagefind/pagefind-component-ui.*',
	'pagefind/pagefind-modular-ui.*',
];

/** The pages the worker serves when it has nothing better, in the precache under these paths. */
export const OFFLINE_PAGE = 'offline/index.html';
export const NOT_FOUND_PAGE = '404.html';

/** Pages shared by every playbook: home, search, the finder, the incident workspace, the fallbacks. */
const SHELL_PAGES = new Set([
	'index.html',
	'search/index.html',
	'find/index.html',
	'incident/index.html',
	OFFLINE_PAGE,
	NOT_FOUND_PAGE,
]);

/**
 * Which pages a responder reaches for first when they did not open them before: a playbook's
 * overview and lists, then what a responder acts on (severities, checklists, escalation,
 * templates, decisions), then scenarios and prose, and last the alert links (redirects to
 * scenarios).
 */
const SECTION_RANK: Record<string, number> = {
	severities: 1,
	checklists: 2,
	escalation: 2,
	templates: 3,
	decisions: 3,
	find: 4,
	scenarios: 5,
};

/** Lower ranks are stored first; the shell and non-page files are rank 0. */
export function precacheRank(url: string): number {
	if (!url.endsWith('.html') || SHELL_PAGES.has(url)) return 0;
	const parts = url.split('/').slice(0, -1);
	if (parts[0] === 'alerts') return 9;
	// `servio/index.html`, `servio/scenarios/index.html`: overviews and lists.
	if (parts.length <= 2) return 1 + (parts.length === 2 ? 0.5 : 0);
	return 2 + (SECTION_RANK[parts[1]!] ?? 6);
}

export interface PrecacheSelection<T extends PrecacheCandidate> {
	entries: T[];
	/** Bytes of the stored files. */
	size: number;
	/** Pages left to be cached when visited. */
	pagesLeftOut: number;
	/** The files that are always stored weigh more than the budget on their own. */
	shellOverBudget: boolean;
}

/**
 * Everything within `budget` bytes; past it, the files that are always stored plus as many pages as
 * fit, by rank then path (so a build with the same files stores the same ones).
 */
export function selectPrecache<T extends PrecacheCandidate>(
	candidates: T[],
	budget: number
): PrecacheSelection<T> {
	const ranked = candidates
		.map((entry) => ({ entry, rank: precacheRank(entry.url) }))
		.sort((a, b) => a.rank - b.rank || (a.entry.url < b.entry.url ? -1 : 1));
	const entries: T[] = [];
	let size = 0;
	let pagesLeftOut = 0;
	for (const { entry, rank } of ranked) {
		if (rank === 0 || size + entry.size <= budget) {
			entries.push(entry);
			size += entry.size;
		} else if (entry.url.endsWith('.html')) pagesLeftOut++;
	}
	const shellSize = ranked
		.filter(({ rank }) => rank === 0)
		.reduce((sum, { entry }) => sum + entry.size, 0);
	return { entries, size, pagesLeftOut, shellOverBudget: shellSize > budget };
}
