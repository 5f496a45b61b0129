import type { APIRequestContext } from '@playwright/test';

/**
 * One page of every kind the gates check. Add a row when a feature adds a page kind (incident
 * banner and timeline, template form, …): every gate runs over every row.
 * `path` is either fixed or found on an index page, so the gates follow the content they are given.
 */
export interface GatePage {
	kind: string;
	path: string | ((request: APIRequestContext) => Promise<string>);
	/** Opens what the row is about once the page has loaded: the search dialog, or a declared incident. */
	open?: 'search' | 'incident';
	/** The page answers 404 on purpose. */
	notFound?: boolean;
}

/** The first link on `index` that leads to a page under it: `/servio/templates/` → its first template. */
const firstUnder = (index: string) => async (request: APIRequestContext) => {
	const html = await (await request.get(index)).text();
	const escaped = index.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const match = new RegExp(`href="(${escaped}[^"/]+/)"`).exec(html);
	if (!match) throw new Error(`No page is linked under \`${index}\`; the gates need one to check.`);
	return match[1]!;
};

export const GATE_PAGES: GatePage[] = [
	{ kind: 'home', path: '/' },
	{ kind: 'playbook overview', path: '/servio/' },
	{ kind: 'severity ladder', path: '/servio/severities/' },
	{ kind: 'severity', path: firstUnder('/servio/severities/') },
	{ kind: 'scenario list', path: '/servio/scenarios/' },
	{ kind: 'scenario with checklist', path: '/servio/scenarios/database-connection-exhaustion/' },
	{ kind: 'template list', path: '/servio/templates/' },
	{ kind: 'template', path: firstUnder('/servio/templates/') },
	{ kind: 'escalation', path: '/servio/escalation/' },
	{ kind: 'checklist', path: '/maidconnect/checklists/first-5-minutes/' },
	{ kind: 'prose page', path: '/restaurant-os/slos-and-impact-matrix/' },
	{ kind: 'decision tree', path: '/restaurant-os/decisions/mitigation/' },
	{ kind: 'scenario finder', path: '/find/' },
	{ kind: 'search page', path: '/search/' },
	{ kind: 'incident banner', path: '/servio/scenarios/high-error-rate/', open: 'incident' },
	{ kind: 'incident workspace and timeline', path: '/incident/', open: 'incident' },
	{ kind: 'search open', path: '/servio/', open: 'search' },
	{ kind: '404', path: '/no-such-page/', notFound: true },
	// What the service worker shows offline for a page it has not stored.
	{ kind: 'offline fallback', path: '/offline/' },
];

export const resolvePath = (page: GatePage, request: APIRequestContext) =>
	typeof page.path === 'string' ? Promise.resolve(page.path) : page.path(request);
