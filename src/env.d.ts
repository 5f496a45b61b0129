/** Starlight's Pagefind options, which the search page passes to Pagefind's UI as the header search does. */
declare module 'virtual:starlight/pagefind-config' {
	export const pagefindUserConfig: Record<string, unknown>;
}

/** A script bundled to run inline before the first paint (astro.config.mjs). */
declare module 'virtual:responder/inline/*' {
	const code: string;
	export default code;
}
