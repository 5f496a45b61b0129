/**
 * Site settings a team changes when it adopts Responder, in one place.
 *
 * `editBase`: the repository's "edit a file" URL, to which a page's source path
 * (`content/servio/scenarios/high-latency.mdx`) is appended for the "Edit page" link.
 * GitHub: `https://github.com/<org>/<repo>/edit/<branch>/`; GitLab: `…/<repo>/-/edit/<branch>/`.
 * `RESPONDER_EDIT_BASE` overrides it for forks and previews.
 */
export const editBase =
	process.env.RESPONDER_EDIT_BASE || 'https://github.com/responder/responder/edit/main/';

/** The edit link of a source file, or undefined for files outside the repository (test content). */
export function editUrl(sourceFile: string | undefined): string | undefined {
	if (!sourceFile || sourceFile.startsWith('..') || sourceFile.startsWith('/')) return undefined;
	return new URL(
		sourceFile.replace(/^\.\//, ''),
		editBase.endsWith('/') ? editBase : `${editBase}/`
	).href;
}

/** Root of the playbook content; `RESPONDER_CONTENT` points tests and benchmarks elsewhere. */
export const contentRoot = process.env.RESPONDER_CONTENT || 'content';

/**
 * The most the service worker stores on a responder's first visit, in MiB of built files (gzip
 * makes the download about a fifth of that). A site within it works offline entirely after one
 * visit; past it, pages beyond the budget are cached as they are visited. Scripts, styles, the
 * search index and the data files are always stored. `RESPONDER_PRECACHE_BUDGET_MIB` overrides it.
 */
export const precacheBudgetMiB = Number(process.env.RESPONDER_PRECACHE_BUDGET_MIB) || 10;
