/** Starlight's Pagefind options, which the search page passes to Pagefind's UI as the header search does. */
declare module 'virtual:starlight/pagefind-config' {
	export const pagefindUserConfig: Record<string, unknown>;
}

/** The inline script that keeps the alert offer's room before the first paint (astro.config.mjs). */
declare module 'virtual:responder/alert-room' {
	const code: string;
	export default code;
}
