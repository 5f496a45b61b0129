import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importMarkdown, type ImportResult } from '../../../src/importer/import.ts';
import type { CheckItem } from '../../../src/importer/model.ts';
import { decodeSource } from '../../../src/importer/read.ts';

/**
 * The fixture playbooks of `test/fixtures/importer/`, one per shape of
 * `../shared/design/playbook-shapes.md`, with their expected typed entries, and the projection of
 * an import onto the fields those expectations name.
 */

export const FIXTURES = 'test/fixtures/importer';

export interface Expected {
	severities?: Record<string, unknown>[];
	scenarios?: Record<string, unknown>[];
	templates?: Record<string, unknown>[];
	escalations?: Record<string, unknown>[];
	roles?: Record<string, unknown>[];
	/** What the report must list under "check these", exactly. */
	check?: CheckItem[];
	playbook?: Record<string, unknown>;
}

export const KINDS = ['severities', 'scenarios', 'templates', 'escalations', 'roles'] as const;
export type Kind = (typeof KINDS)[number];

/** Markdown fixtures by name; a reStructuredText (`.rst`) or AsciiDoc (`.adoc`) one by its name with the extension. */
export const fixtureNames = (): string[] =>
	readdirSync(FIXTURES)
		.filter((name) => /\.(?:md|rst|adoc)$/.test(name))
		.map((name) => name.replace(/\.md$/, ''))
		.sort();

/** A fixture's file name: `x.rst` and `x.adoc` as they are, `x` as `x.md`. */
export const fixtureFile = (name: string): string =>
	/\.(?:rst|adoc)$/.test(name) ? name : `${name}.md`;

export function importFixture(name: string): ImportResult {
	const file = fixtureFile(name);
	const path = join(FIXTURES, file);
	const source = decodeSource(readFileSync(path), path);
	return importMarkdown(source.text, {
		playbook: 'demo',
		sourceName: file,
		markup: file.endsWith('.rst') ? 'rst' : file.endsWith('.adoc') ? 'asciidoc' : undefined,
	});
}

export const expectedOf = (name: string): Expected =>
	JSON.parse(
		readFileSync(join(FIXTURES, `${name.replace(/\.(?:rst|adoc)$/, '')}.expected.json`), 'utf8')
	) as Expected;

/** Drops undefined values and empty lists and objects, so expectations list only what is there. */
function compact(value: Record<string, unknown>): Record<string, unknown> {
	return Object.fromEntries(
		Object.entries(value).filter(
			([, v]) =>
				v !== undefined &&
				!(Array.isArray(v) && v.length === 0) &&
				!(v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0)
		)
	);
}

/** Each typed entry reduced to what the expectations pin. */
export function project(result: ImportResult): Record<Kind, Record<string, unknown>[]> {
	const { imported } = result;
	return {
		severities: imported.severities.map(({ data }) => ({
			...compact({ level: data.level, name: data.name, paging: data.paging }),
			targets: compact({ ...(data.targets ?? {}) }),
		})),
		scenarios: imported.scenarios.map(({ data }) =>
			compact({
				title: data.title,
				alerts: data.alerts,
				symptoms: data.symptoms,
				severity: data.severity,
				firstAction: data.firstAction,
				templates: data.templates,
			})
		),
		templates: imported.templates.map(({ data }) =>
			compact({
				title: data.title,
				subject: data.subject,
				channels: data.channels,
				fields: (data.fields ?? []).map((field) => field.name),
			})
		),
		escalations: imported.escalations.map(({ data }) => ({
			title: data.title,
			levels: data.levels.map((level) =>
				compact({
					who: level.who,
					after: level.after,
					condition: level.condition,
					via: level.via,
					authority: level.authority,
				})
			),
		})),
		roles: imported.roles.map(({ data }) =>
			compact({ name: data.name, short: data.short, responsibilities: data.responsibilities })
		),
	};
}
