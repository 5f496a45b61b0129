/** What a page is, as the search filter `kind` names it. */
export const SEARCH_KINDS = ['scenario', 'template', 'severity', 'escalation', 'page'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** The search facets a page passes to `ResponderPage`; `false` keeps the page out of search. */
export type SearchFacetsProp = { kind: SearchKind; severity?: string[] | undefined } | false;

/**
 * A filter value as Pagefind should store it. Pagefind's UI inserts filter values as HTML, so
 * markup characters are escaped here to keep content text text.
 */
export function pagefindValue(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
