import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { importMarkdown } from '../../../src/importer/import.ts';
import { decodeSource } from '../../../src/importer/read.ts';
import { SEEDS } from './helpers.ts';
import {
	expectedOf,
	fixtureNames,
	FIXTURES,
	importFixture,
	KINDS,
	project,
	type Kind,
} from './shapes.ts';

/**
 * Typed recall per kind: of the entries a careful reader extracts (the fixtures' expected output,
 * and `seeds.expected.json` for the seeds), how many the importer typed. A fixture entry counts
 * only when every pinned field matches; a seed entry when its level and name (severities) or its
 * title (other kinds) match. Prints the table; fails under the issue's targets.
 */

const TARGETS: Record<Kind, number> = {
	severities: 0.9,
	scenarios: 0.8,
	templates: 0.85,
	escalations: 0.7,
	roles: 0.8,
};

type Tally = Record<Kind, { found: number; expected: number; wrong: number }>;
const tally = (): Tally =>
	Object.fromEntries(KINDS.map((k) => [k, { found: 0, expected: 0, wrong: 0 }])) as Tally;

function fixtureRecall(): Tally {
	const t = tally();
	for (const name of fixtureNames()) {
		const typed = project(importFixture(name));
		const expected = expectedOf(name);
		for (const kind of KINDS) {
			const want = expected[kind] ?? [];
			t[kind].expected += want.length;
			t[kind].found += want.filter((e) => typed[kind].some((g) => isDeepStrictEqual(g, e))).length;
			t[kind].wrong += typed[kind].filter((g) => !want.some((e) => isDeepStrictEqual(g, e))).length;
		}
	}
	return t;
}

function seedRecall(): Tally {
	const t = tally();
	const expected = JSON.parse(readFileSync(`${FIXTURES}/seeds.expected.json`, 'utf8')) as Record<
		string,
		Record<Kind, string[]>
	>;
	for (const [id, path] of Object.entries(SEEDS)) {
		const { imported } = importMarkdown(decodeSource(readFileSync(path), path).text, {
			playbook: id,
		});
		const keys: Record<Kind, string[]> = {
			severities: imported.severities.map((s) => `${s.data.level} ${s.data.name}`),
			scenarios: imported.scenarios.map((s) => s.data.title),
			templates: imported.templates.map((s) => s.data.title),
			escalations: imported.escalations.map((s) => s.data.title),
			roles: imported.roles.map((s) => s.data.name),
		};
		for (const kind of KINDS) {
			const want = expected[id]![kind];
			t[kind].expected += want.length;
			t[kind].found += want.filter((key) => keys[kind].includes(key)).length;
			t[kind].wrong += keys[kind].filter((key) => !want.includes(key)).length;
		}
	}
	return t;
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(0)} %` : '—');

describe('typed recall', () => {
	const fixtures = fixtureRecall();
	const seeds = seedRecall();

	it('meets the targets on the shape fixtures and the seeds, and prints the table', () => {
		const rows = KINDS.map(
			(kind) =>
				`| ${kind} | ${fixtures[kind].found}/${fixtures[kind].expected} (${pct(fixtures[kind].found, fixtures[kind].expected)}) | ${fixtures[kind].wrong} | ${seeds[kind].found}/${seeds[kind].expected} (${pct(seeds[kind].found, seeds[kind].expected)}) | ${seeds[kind].wrong} | ≥ ${TARGETS[kind] * 100} % |`
		);
		console.log(
			[
				'| kind | fixtures typed | fixtures extra/wrong | seeds typed | seeds extra/wrong | target |',
				'| --- | --- | --- | --- | --- | --- |',
				...rows,
			].join('\n')
		);
		for (const kind of KINDS) {
			expect(fixtures[kind].found / fixtures[kind].expected, kind).toBeGreaterThanOrEqual(
				TARGETS[kind]
			);
			if (seeds[kind].expected)
				expect(seeds[kind].found / seeds[kind].expected, kind).toBeGreaterThanOrEqual(
					TARGETS[kind]
				);
		}
	});
});
