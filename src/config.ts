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
