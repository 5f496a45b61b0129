import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { ImportResult } from '../../../src/importer/import.ts';
import { formatImportReport } from '../../../src/importer/report.ts';
import { serialise } from '../../../src/importer/writer.ts';
import { HOSTILE_STRINGS } from '../../fixtures/hostile-strings.ts';
import { parseMarkdown, renderMdx } from '../compile-output.ts';
import { importInto, importText, tempContent } from './helpers.ts';

/** Raw control and direction characters, which a terminal would obey. */
// eslint-disable-next-line no-control-regex
const RAW = /[\0-\x08\x0B-\x1F\x7F-\x9F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** What plain Markdown renders to: anything else in an imported page came from hostile text. */
const MARKDOWN_ELEMENTS = new Set(
	'p a h2 h3 ul ol li strong em del code pre blockquote hr table thead tbody tr th td input img br'.split(
		' '
	)
);

/**
 * A playbook that puts `text` in a heading, a table cell, a label and a line of each kind the
 * importer types: a severity table, a message written as prose, a quoted status message, a form,
 * role bullets, an escalation ladder and an alert runbook with steps.
 */
const playbook = (text: string) => `# Ops

## Severity levels

| Level | Name | Acknowledge within |
| --- | --- | --- |
| P1 | Major ${text.replace(/\|/g, '\\|')} | 5 min |
| P2 | Minor | 30 min |

## Communication templates

Use these messages.

### Notice ${text}

**Subject:** Incident ${text}

Hi team, <service> is down. ${text}

We will update you at <time>.

### "Investigating" status

> We are looking into <problem>. ${text}

## Forms

Fill these in.

### Review ${text} Template

- **Incident ID:**
- **Date/Time:**
- **Reviewed by:**

## Roles

- **Incident Commander** – leads ${text}
- **Scribe** – writes ${text}

## Escalation

1. Primary on-call — paged immediately
2. Secondary on-call ${text} — paged if no ack in 10 minutes

## Runbooks

### Alert: DiskFull (severity: critical)

**Symptoms:** disk ${text}

**Mitigation:**

1. Free space ${text}
2. Check \`df\`
`;

const ONE_LINE = HOSTILE_STRINGS.filter((text) => !/[\r\n]/.test(text));
/** A heading whose escaped brackets would make the link to its template point elsewhere. */
const LINK_BREAKER = 'x\\](javascript:alert(1)) \\[y';

/** The import's report for a terminal, as `npm run import` prints it. */
const textReport = (result: ImportResult) =>
	formatImportReport({
		source: 'ops.md',
		playbook: 'demo',
		result,
		repairs: { macintosh: 0, windows1252: 0 },
		files: [],
		verb: 'written',
	});

const frontmatter = (file: string) => /^---\n([\s\S]*?)\n---\n/.exec(file)![1]!;

describe('hostile text in an imported playbook', () => {
	it('types every kind from the fixture playbook', () => {
		const { imported } = importText(playbook('plain words'));
		expect(
			[
				imported.severities,
				imported.templates,
				imported.roles,
				imported.escalations,
				imported.scenarios,
			].map((entries) => entries.length)
		).toEqual([2, 3, 2, 1, 1]);
	});

	it.each([...ONE_LINE, LINK_BREAKER])(
		'writes %j as YAML that reads back as typed, and as MDX that shows it as text',
		async (text) => {
			const { imported } = importText(playbook(text));
			const files = serialise('demo', imported);
			const kinds = [
				['severities', imported.severities],
				['templates', imported.templates],
				['roles', imported.roles],
				['escalation', imported.escalations],
				['scenarios', imported.scenarios],
				['pages', imported.pages],
			] as const;
			for (const [folder, entries] of kinds)
				for (const entry of entries) {
					const path = [...files.keys()].find((key) =>
						key.startsWith(`demo/${folder}/${entry.slug}.`)
					)!;
					const file = files.get(path)!;
					// Astro reads YAML data and frontmatter with js-yaml.
					const data = load(path.endsWith('.mdx') ? frontmatter(file) : file);
					expect(data, path).toEqual(JSON.parse(JSON.stringify(entry.data)));
				}
			const titles = new Map(
				imported.templates.map((entry) => [`/demo/templates/${entry.slug}/`, entry.data.title])
			);
			for (const [path, file] of files) {
				if (!path.endsWith('.mdx')) continue;
				const shown = await renderMdx(file.slice(frontmatter(file).length + 9));
				expect(shown.exports, path).toEqual([]);
				expect(
					[...shown.elements].filter((name) => !MARKDOWN_ELEMENTS.has(name)),
					path
				).toEqual([]);
				// Where a template's text was, its page links to it by its title, shown as written.
				for (const link of shown.links.filter((link) => link.text.startsWith('Template: ')))
					expect(link.text, path).toBe(`Template: ${titles.get(link.url)}`);
				// The source outline names each heading as it reads (one with links keeps its Markdown).
				if (path.endsWith('/source-outline.mdx') && !/\]\(|\]\[/.test(text))
					expect(shown.links.map((link) => link.text)).toContain(
						parseMarkdown(`### Notice ${text}`).text.trim()
					);
			}
		}
	);

	it('shows control and direction characters in the text report instead of sending them', () => {
		const text = '\u001b[31mred\u001b[0m \u001b]0;title\u0007 csi\u009b2J alert\u202Egnp';
		const result = importText(playbook(text));
		const report = textReport(result);
		expect(report).not.toMatch(RAW);
		expect(report).toContain(
			'Notice \\x1B[31mred\\x1B[0m \\x1B]0;title\\x07 csi\\x9B2J alert\\u202Egnp'
		);
	});

	it('keeps them out of the terminal in the CLI, with --format json giving the text back', () => {
		const text = '\u001b[31mred\u001b[0m csi\u009b2J alert\u202Egnp';
		const file = join(tempContent(), 'ops.md');
		writeFileSync(file, playbook(text));
		const run = (...args: string[]) =>
			spawnSync(
				resolve('node_modules/.bin/node'),
				['scripts/import.ts', file, '--playbook', 'demo', '--dry-run', ...args],
				{ encoding: 'utf8' }
			);
		const plain = run();
		expect(plain.status).toBe(0);
		expect(plain.stdout).not.toMatch(RAW);
		const json = run('--format', 'json');
		expect(json.status).toBe(0);
		expect(json.stdout).not.toMatch(RAW);
		const titles = JSON.parse(json.stdout).typed.templates.map((t: { title: string }) => t.title);
		expect(titles).toContain(`Notice ${text}`);
		// A file name is quoted in an error as it is in a report.
		const named = join(tempContent(), '\u001b[2Jempty\u202E.md');
		writeFileSync(named, '');
		const failed = spawnSync(
			resolve('node_modules/.bin/node'),
			['scripts/import.ts', named, '--playbook', 'demo'],
			{ encoding: 'utf8' }
		);
		expect(failed.status).toBe(1);
		expect(failed.stderr).toContain('\\x1B[2Jempty\\u202E.md');
		expect(failed.stderr).not.toMatch(RAW);
	});
});

/**
 * Links a reader could not safely follow and images from other sites, in text the importer keeps
 * verbatim (a section it does not type), each way of writing a scheme; the lines are the source's.
 */
const UNSAFE = `# Ops

## Notes

Run [the fix](javascript:alert(3)) now.

Also <javascript:alert(1)> and [mixed case](JaVaScRiPt:alert(1)).

[Encoded](java&#x09;script:alert(1)) and [spaced](<  javascript:alert(1)>)

[A page](data:text/html;base64,PHNjcmlwdD4=) and [old](vbscript:msgbox(1))

See [the runbook][evil].

[evil]: jav&#97;script:alert(2)

<a href="javascript:alert(4)">raw</a>

![pixel](https://evil.example/pixel.png) and [![build](//ci.example/badge.svg)](https://ci.example)

Kept: [status](https://status.example.com), [mail](mailto:oncall@example.com), [call](tel:+15550100),
<https://example.com/runbook>.
`;

/** Addresses a page may link to: the allowlist, written out again so the test does not trust it. */
const FOLLOWED = /^(https?:\/\/|mailto:|tel:|\/(?!\/)|#|\.\.?\/)/;

describe('unsafe addresses in an imported playbook', () => {
	it('keeps each as text (an image from elsewhere as a link to it) and lists it with its line', async () => {
		const result = importText(UNSAFE);
		const files = serialise('demo', result.imported);
		const shown = {
			links: [] as { url: string; text: string }[],
			sources: [] as string[],
			text: '',
		};
		for (const [path, file] of files) {
			if (!path.endsWith('.mdx')) continue;
			const page = await renderMdx(file.slice(frontmatter(file).length + 9));
			shown.links.push(...page.links);
			shown.sources.push(...page.sources);
			shown.text += page.text;
		}
		expect(shown.links.filter((link) => !FOLLOWED.test(link.url))).toEqual([]);
		expect(shown.sources).toEqual([]);
		// Nothing is lost: the words and the address stay readable.
		for (const text of [
			'Run the fix (javascript:alert(3)) now.',
			'mixed case (JaVaScRiPt:alert(1))',
			'A page (data:text/html;base64,PHNjcmlwdD4=)',
			'Also javascript:alert(1) and',
			'raw (javascript:alert(4))',
		])
			expect(shown.text).toContain(text);
		expect(shown.links).toEqual(
			expect.arrayContaining([
				{ url: 'https://evil.example/pixel.png', text: 'Image: pixel' },
				{ url: 'https://ci.example', text: 'Image: build' },
				{ url: 'https://status.example.com', text: 'status' },
				{ url: 'mailto:oncall@example.com', text: 'mail' },
				{ url: 'tel:+15550100', text: 'call' },
			])
		);
		expect(result.imported.playbook.links?.map((link) => link.url) ?? []).not.toContainEqual(
			expect.stringMatching(/script:/i)
		);
		expect(
			result.check.filter((item) => item.kind === 'link').map((item) => [item.line, item.leftAs])
		).toEqual([
			[5, 'text'],
			[7, 'text'],
			[7, 'text'],
			[9, 'text'],
			[9, 'text'],
			[11, 'text'],
			[11, 'text'],
			[13, 'text'],
			[15, 'no playbook link'],
			[17, 'text'],
			[19, 'a link to the image'],
			[19, 'text'],
		]);
		const report = textReport(result);
		expect(report).toContain(
			'line 5 "Notes" (link): left as text, because its address `javascript:alert(3)` is a `javascript:` address'
		);
		// The validator, run on the written files before they are moved into place, finds nothing.
		expect(() => importInto(UNSAFE)).not.toThrow();
	});
});
