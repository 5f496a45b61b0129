import { describe, expect, it } from 'vitest';
import { formatImportReport, importReportData } from '../../../src/importer/report.ts';
import { importFile, normalise, SEEDS } from './helpers.ts';
import { FIXTURES, fixtureFile, fixtureNames } from './shapes.ts';

/**
 * "An import's report lets an author find every typed entry's source line": for every fixture and
 * seed, each typed entry of every kind names a heading and a line, and that line of the source holds
 * the heading, in the JSON report and in the text report alike.
 */

const sources = [
	...fixtureNames().map((name) => `${FIXTURES}/${fixtureFile(name)}`),
	...Object.values(SEEDS),
];

describe.each(sources)('%s', (path) => {
	const { lines, input } = importFile(path);
	const typed = Object.entries(importReportData(input).typed).flatMap(([kind, entries]) =>
		entries.map((entry) => ({ kind, ...entry }))
	);

	it('names, for each typed entry, a source line that holds its heading', () => {
		const wrong = typed.filter(
			(entry) =>
				!entry.heading ||
				!entry.line ||
				!normalise(lines[entry.line - 1] ?? '').includes(normalise(entry.heading))
		);
		expect(
			wrong.map((e) => `${e.kind} ${e.id}: "${e.heading}" line ${e.line}: ${lines[e.line! - 1]}`)
		).toEqual([]);
	});

	it('gives the same heading and line in the text report', () => {
		const text = formatImportReport(input);
		for (const entry of typed)
			expect(text).toContain(
				`${entry.id} (${entry.title}) ← "${entry.heading}", line ${entry.line}`
			);
	});
});
