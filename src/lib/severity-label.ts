/**
 * A severity's title as responders say it: level, then name ("P0 Critical"). A level that is only its
 * name spelt as one token (`Production-down` for "Production down", or the name itself) is said
 * once, by its name: "Production-down Production down" reads as a stutter at 3 a.m.
 */
export function severityTitle(severity: { level: string; name: string }, separator = ' '): string {
	return levelIsName(severity) ? severity.name : `${severity.level}${separator}${severity.name}`;
}

/** Whether the level adds nothing to the name: the same words, joined by hyphens or not. */
export const levelIsName = ({ level, name }: { level: string; name: string }): boolean =>
	words(level) === words(name);

const words = (text: string): string =>
	text
		.toLowerCase()
		.split(/[\s_-]+/)
		.join(' ');
