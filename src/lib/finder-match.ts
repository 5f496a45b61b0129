/**
 * Matching for the scenario finder: pure, so it runs in the browser on the JSON the page embeds and
 * in unit tests alike.
 */

/** One scenario as the finder page embeds it. */
export interface FinderScenario {
	id: string;
	/** Severity level (`P0`), when the scenario has one. */
	severity?: string;
	alerts: string[];
	/** Title, summary, symptoms, keywords, causes and alert names: what words are matched against. */
	text: string[];
}

/** What the responder typed and picked; empty strings match everything. */
export interface FinderQuery {
	words: string;
	alert: string;
	severity: string;
}

/**
 * Lower-case words of a text, with camel-case names also split into their parts, so
 * `DatabaseConnectionExhaustion` is found by "connection" and `502/503` by "502".
 */
export function wordsOf(text: string): string[] {
	const words: string[] = [];
	for (const token of text.split(/[^\p{L}\p{N}]+/u)) {
		if (!token) continue;
		words.push(token.toLowerCase());
		const parts = token.split(/(?<=[\p{Ll}\p{N}])(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})/u);
		if (parts.length > 1) words.push(...parts.map((part) => part.toLowerCase()));
	}
	return words;
}

/** A matcher for one query: every typed word must start some word of the scenario. */
export function matcher(query: FinderQuery): (scenario: FinderScenario) => boolean {
	const wanted = wordsOf(query.words);
	return (scenario) => {
		if (query.alert && !scenario.alerts.includes(query.alert)) return false;
		if (query.severity && scenario.severity !== query.severity) return false;
		if (wanted.length === 0) return true;
		const words = scenario.text.flatMap(wordsOf);
		return wanted.every((want) => words.some((word) => word.startsWith(want)));
	};
}
