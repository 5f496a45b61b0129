import { urls } from './urls.ts';

/**
 * Screens that only make sense in a responder's browser, with nothing for a search engine to
 * read: search, the incident workspace, and the pages shown when something is missing.
 */
const APP_PAGES = new Set([urls.search(), '/incident/', '/offline/', '/404/']);

/**
 * Whether a page belongs in the sitemap (`@astrojs/sitemap`'s `filter`, given the page's full
 * URL). Alert links are left out too: each forwards to scenarios the sitemap lists themselves.
 */
export function inSitemap(page: string): boolean {
	const path = new URL(page).pathname.replace(/\/?$/, '/');
	return !APP_PAGES.has(path) && !path.startsWith('/alerts/');
}
