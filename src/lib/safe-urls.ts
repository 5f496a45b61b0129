/**
 * Which addresses content may use, decided here for the validator, the importer and the Markdown
 * renderer alike.
 *
 * - A link a reader clicks (`[text](href)`, `<a href>`) may go to a page of this site (a path, a
 *   `#fragment`, `?query`) or use `http:`, `https:`, `mailto:` or `tel:`. Any other scheme runs code
 *   or shows content no one reviewed: `javascript:`, `vbscript:`, `data:`, `file:`.
 * - A resource the page loads by itself (an image, a frame, media, a stylesheet) must be a file of
 *   this site, so no request leaves its origin: an address with a scheme (`https:`, `data:`) or
 *   starting `//` (another host) is refused.
 *
 * Addresses are read as a browser reads them, after the Markdown or MDX parser has decoded
 * character references and escapes (`java&#x09;script:` is `java<tab>script:` by then).
 */

/** Schemes a link in content may use (a relative address has none and is always allowed). */
export const LINK_SCHEMES = ['http', 'https', 'mailto', 'tel'] as const;

/**
 * `url` as the URL parser reads it: leading and trailing C0 controls and spaces dropped, and every
 * tab and line break removed, so ` JaVa\tScRiPt:x` is `JaVaScRiPt:x`.
 */
// eslint-disable-next-line no-control-regex
const parsed = (url: string): string => url.replace(/^[\0- ]+|[\0- ]+$|[\t\n\r]/g, '');

/**
 * The scheme a browser reads at the start of `url`, lower case (`javascript`), or `undefined` for
 * an address without one (`../page/`, `#step-2`, `//host/x`).
 */
export function urlScheme(url: string): string | undefined {
	return /^([a-z][a-z\d+.-]*):/i.exec(parsed(url))?.[1]?.toLowerCase();
}

/** The scheme that makes `href` unsafe to follow (`javascript`), or `undefined` when allowed. */
export function unsafeLinkScheme(href: string): string | undefined {
	const scheme = urlScheme(href);
	return scheme === undefined || (LINK_SCHEMES as readonly string[]).includes(scheme)
		? undefined
		: scheme;
}

/**
 * Whether loading `src` as a resource makes a request outside the site: it has a scheme, or starts
 * with two slashes (a browser reads `\\` as `//` too) naming another host.
 */
export const loadsFromElsewhere = (src: string): boolean =>
	urlScheme(src) !== undefined || /^[\\/]{2}/.test(parsed(src));

/** The allowed link addresses in words, for messages. */
export const ALLOWED_LINKS =
	'`http:`, `https:`, `mailto:`, `tel:` or an address on this site such as `/…`, `./…` or `#…`';

/** An address quoted in a message or shown as text: at most 80 characters (`data:` payloads). */
export const shortUrl = (url: string): string => (url.length > 80 ? `${url.slice(0, 77)}…` : url);

/** A file's name, which looks like a host: `runbook.md` is a page of the source, not `https://runbook.md`. */
const FILE_NAME =
	/\.(?:md|mdx|markdown|rst|adoc|txt|html?|ya?ml|json|pdf|png|jpe?g|gif|svg)(?:[#?]|$)/i;

/**
 * Where a link of playbook `playbook` opens: an `http(s):` address as written, a bare host
 * (`status.stripe.com`) over `https:`, one of the playbook's pages (`/kestrel/scenarios/…`) as
 * written. A file or page of the source (`runbook.md`, `./DEPLOY.md`, `/docs/x`) or a placeholder
 * (`[Your Sentry URL]`) opens nothing here and is shown as text.
 */
export function playbookLinkHref(url: string, playbook: string): string | undefined {
	if (/^https?:\/\//i.test(url) || url.startsWith(`/${playbook}/`)) return url;
	return /^[\w.-]+\.[a-z]{2,}(?:\/|$)/i.test(url) && !FILE_NAME.test(url.split('/')[0]!)
		? `https://${url}`
		: undefined;
}
