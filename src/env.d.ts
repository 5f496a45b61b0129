/** Starlight's Pagefind options, which the search page passes to Pagefind's UI as the header search does. */
declare module 'virtual:starlight/pagefind-config' {
	export const pagefindUserConfig: Record<string, unknown>;
}
