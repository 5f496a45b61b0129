import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adocEvidence, readAdoc } from '../../../src/importer/adoc.ts';
import { importMarkdown } from '../../../src/importer/import.ts';
import { readSource } from '../../../src/importer/read.ts';
import { importReportData } from '../../../src/importer/report.ts';
import { serialise, writePlaybook } from '../../../src/importer/writer.ts';
import { importFile, importText, tempContent } from './helpers.ts';
import { FIXTURES, importFixture, project } from './shapes.ts';

const md = (...lines: string[]) => readAdoc(lines.join('\n')).text.split('\n');

describe('AsciiDoc read as Markdown', () => {
	it('makes `=` titles headings and an anchor over one its id, line for line', () => {
		const { text, header } = readAdoc(
			[
				'= Depot guide',
				':description: How the depot answers outages.',
				':product: Scanly',
				'',
				'[[outages]]',
				'== Outages',
				'',
				'=== icon:bug[] {product} down',
				'',
				'[#power]',
				'==== Power',
			].join('\n')
		);
		expect(text.split('\n')).toEqual([
			'# Depot guide',
			'',
			'',
			'',
			'',
			'## Outages {#outages}',
			'',
			'### Scanly down',
			'',
			'',
			'#### Power {#power}',
		]);
		expect(header).toMatchObject({
			title: 'Depot guide',
			description: 'How the depot answers outages.',
		});
	});

	it('never makes block attribute lines or a listing’s shell comments headings or text', () => {
		expect(
			md('Restart it:', '', '[source,bash]', '----', '# not a heading', 'scanctl restart', '----')
		).toEqual(['Restart it:', '', '', '```bash', '# not a heading', 'scanctl restart', '```']);
		expect(md('[%header,cols="1,2"]', '|===', '|A |B', '', '|x |y', '|===')).toEqual([
			'',
			'| A | B |',
			'| --- | --- |',
			'| x | y |',
			'',
			'',
		]);
	});

	it('fences code longer than any backtick run in it, and keeps literal blocks', () => {
		expect(md('....', 'a ``` b', '....')).toEqual(['````', 'a ``` b', '````']);
		expect(md('Run:', '', '  scanctl probe')).toEqual(['Run:', '', '    scanctl probe']);
	});

	it('reads admonitions as a quote opening with the bold label', () => {
		expect(md('NOTE: Call Ana first.', 'She holds the keys.', '', 'Next.')).toEqual([
			'> **Note:** Call Ana first.',
			'> She holds the keys.',
			'',
			'Next.',
		]);
		expect(md('[WARNING]', '====', 'Never reboot both.', '', 'Wait.', '====', 'Next.')).toEqual([
			'',
			'> **Warning:**',
			'> Never reboot both.',
			'>',
			'> Wait.',
			'',
			'Next.',
		]);
	});

	it('writes block titles in bold over the block they name, and drops conditional lines', () => {
		expect(md('.Steps', '* Reseat', 'ifdef::env-github[]', '* Probe', 'endif::[]')).toEqual([
			'**Steps**',
			'- Reseat',
			'',
			'- Probe',
			'',
		]);
		expect(md('[TIP]', '.Before you page', '====', 'Check the board.', '====')).toEqual([
			'',
			'',
			'> **Tip:** **Before you page**',
			'> Check the board.',
			'',
		]);
	});

	it('leaves comments, passthrough blocks and icons out', () => {
		expect(
			md('// a note to editors', '////', '== Hidden', '////', '++++', '<b>raw</b>', '++++', 'End')
		).toEqual(['', '', '', '', '', '', '', 'End']);
	});

	it('reads nested, ordered and description lists', () => {
		expect(
			md(
				'* Scanner',
				'** Check power',
				'. Reseat the cable',
				'.. Wait a minute',
				'. Probe',
				'',
				'SEV1:: Every scanner down.',
				'Owner::',
				'  Depot team'
			)
		).toEqual([
			'- Scanner',
			'  - Check power',
			'    1. Reseat the cable',
			'       1. Wait a minute',
			'    2. Probe',
			'',
			'- **SEV1:** Every scanner down.',
			'- **Owner:**',
			'  Depot team',
		]);
	});

	it('reads links, cross references, images and inline marks', () => {
		const out = md(
			'[[rota]]',
			'== The rota',
			'',
			'See https://rota.example.com[the rota], link:notes.html[notes], <<rota>>, <<rota,our rota>> and xref:power.adoc#fuses[fuses].',
			'*Strong* _soft_ `code` +a*b+ icon:fire[] stem:[x^2] image:map.png[Depot map]'
		);
		expect(out[3]).toBe(
			'See [the rota](https://rota.example.com), [notes](notes.html), [The rota](#rota), [our rota](#rota) and [fuses](power.adoc#fuses).'
		);
		expect(out[4]).toBe('**Strong** *soft* `code` a\\*b  `x^2` ![Depot map](map.png)');
	});

	it('keeps text that is literal in AsciiDoc literal in Markdown', () => {
		expect(md('<b>x</b> [y](z) 5 * 3 # a_b')[0]).toBe(
			'\\<b\\>x\\</b\\> \\[y\\](z) 5 \\* 3 # a\\_b'
		);
		expect(md('Para', '# not a heading')[1]).toBe('\\# not a heading');
	});

	it('substitutes attributes the header defines and leaves others as written', () => {
		expect(md('= Guide', ':team: Depot', '', 'Ask {team} for {ticket-id}{nbsp}now.')[3]).toBe(
			'Ask Depot for {ticket-id} now.'
		);
	});

	it('keeps an `include::` line as a note, listed under "check these" at its line', () => {
		const text = '= Depot\n\nIntro.\n\ninclude::partial$alerts.adoc[]\n\nEnd.\n';
		expect(readAdoc(text).text.split('\n')[4]).toBe(
			'*Not imported: the included part partial$alerts.adoc*'
		);
		const result = importText(text, { markup: 'asciidoc' });
		expect(result.check).toEqual([
			expect.objectContaining({
				kind: 'text',
				line: 5,
				reason: expect.stringContaining('`partial$alerts.adoc`'),
			}),
		]);
	});

	it('gives no blank warnings for attribute references or a listing’s placeholders', () => {
		const result = importText(
			[
				'= Depot',
				'',
				'== Scanner down',
				'',
				'Quote {ticket-id} in the channel.',
				'',
				'[source,bash]',
				'----',
				'scanctl reset --node <node-id>',
				'----',
			].join('\n'),
			{ markup: 'asciidoc' }
		);
		const warnings = writePlaybook(serialise('demo', result.imported), {
			out: tempContent(),
			playbook: 'demo',
		});
		expect(warnings.filter((warning) => warning.rule === 'blank')).toEqual([]);
	});

	it('maps moved table rows back to their lines', () => {
		const { text, lines } = readAdoc(
			['[%header,cols="1,1"]', '|===', '|Level', '|Respond', '', '|P1', '|15 minutes', '|==='].join(
				'\n'
			)
		);
		expect(text.split('\n').slice(1, 4)).toEqual([
			'| Level | Respond |',
			'| --- | --- |',
			'| P1 | 15 minutes |',
		]);
		// The header (line 3) is written on line 2, the P1 row (line 6) on line 4.
		expect(lines.get(2)).toBe(3);
		expect(lines.get(4)).toBe(6);
	});
});

describe('a hostile AsciiDoc file', () => {
	it('comes out as a hostile Markdown file does: no script, no javascript: link', () => {
		const adoc = importText(
			'= Depot\n\n<script>alert(1)</script>\n\nClick link:javascript:alert(1)[here] now.\n\n++++\n<script>alert(2)</script>\n++++\n',
			{ markup: 'asciidoc' }
		);
		const markdown = importText(
			'# Depot\n\n<script>alert(1)</script>\n\nClick [here](javascript:alert(1)) now.\n'
		);
		const reasons = (result: typeof adoc) =>
			result.check.filter((item) => item.kind === 'link').map((item) => item.reason);
		expect(reasons(adoc)).toEqual(reasons(markdown));
		for (const [path, text] of serialise('demo', adoc.imported)) {
			expect(text, path).not.toMatch(/\]\(javascript:/);
			if (path.endsWith('.mdx')) expect(text, path).not.toMatch(/(?<!\\)<script>/);
			expect(text, path).not.toContain('alert(2)');
		}
	});

	it('does linear work on a huge line of unmatched markup', () => {
		// Each about 100 kB: quadratic work would take minutes; each is timed on its own, as a
		// loaded machine slows them all.
		for (const line of [
			'*a _b `c +d <<e link:f[ xref:g[ {h} **i __j '.repeat(2500),
			`== a${' '.repeat(100000)}b`,
			`[${'"'.repeat(100000)}`,
			'*_'.repeat(40000),
			`x${':: x'.repeat(20000)}`,
		]) {
			const start = performance.now();
			readAdoc(line);
			expect(performance.now() - start, line.slice(0, 12)).toBeLessThan(5000);
		}
		expect(md('== Power ==')).toEqual(['## Power']);
	});

	it('reads unbalanced delimiters to the end, every line kept in its place', () => {
		const text = ['[NOTE]', '====', 'Open note', '----', 'code never closed', '', '== Later'];
		const out = md(...text);
		expect(out).toEqual([
			'',
			'> **Note:**',
			'> Open note',
			'> ```',
			'> code never closed',
			'>',
			'> == Later',
			'> ```',
		]);
		// Inside a block that closes, a listing left open ends with it, as indented code.
		expect(md('====', '----', 'code', '====', 'After.')).toEqual([
			'',
			'',
			'    code',
			'',
			'After.',
		]);
		const fence = md('----', 'code', '== not a title');
		expect(fence).toEqual(['```', 'code', '== not a title', '```']);
	});
});

describe('an AsciiDoc playbook imports as its Markdown twin does', () => {
	for (const name of ['adoc-antora-guide', 'adoc-severity-table'])
		it(name, () => {
			const path = join(FIXTURES, 'adoc-twins', `${name}.md`);
			const twin = importMarkdown(readFileSync(path, 'utf8'), { playbook: 'demo' });
			expect(project(importFixture(`${name}.adoc`))).toEqual(project(twin));
		});

	it('names the AsciiDoc lines in its report: each typed entry at its title', () => {
		const { lines, result, input } = importFile(join(FIXTURES, 'adoc-severity-table.adoc'));
		const typed = Object.values(importReportData(input).typed).flat();
		expect(typed.length).toBeGreaterThan(0);
		for (const entry of typed) expect(lines[entry.line! - 1]).toContain(entry.heading);
		// Each level's row starts with its cell, one per line; the report names that line.
		expect(result.imported.severities.map((s) => s.from?.line)).toEqual([15, 19, 23]);
	});
});

describe('which files are read as AsciiDoc', () => {
	it('reads `.adoc` files as AsciiDoc, and a folder’s `.adoc` pages beside its Markdown ones', () => {
		const dir = tempContent();
		writeFileSync(join(dir, 'guide.adoc'), '= Depot\n\nNOTE: Call Ana.\n');
		expect(readSource(join(dir, 'guide.adoc')).markup).toBe('asciidoc');
		const folder = join(dir, 'book');
		mkdirSync(folder);
		writeFileSync(join(folder, 'index.md'), '# Depot\n\nIntro.\n');
		writeFileSync(
			join(folder, 'outage.adoc'),
			'= Outage\n\ninclude::partial$x.adoc[]\n\n[source,sh]\n----\nscanctl\n----\n'
		);
		writeFileSync(join(folder, 'key.asc'), '-----BEGIN PGP PUBLIC KEY BLOCK-----\nabc\n');
		const source = readSource(folder);
		expect(source.markup).toBe('markdown');
		expect(source.text).toContain('# Outage');
		expect(source.text).toContain('```sh\nscanctl\n```');
		expect(source.text).not.toContain('PGP');
		expect(source.includes).toEqual([{ line: 7, target: 'partial$x.adoc' }]);
	});

	it('reads a file of another name as AsciiDoc when two signs show it, and says why', () => {
		const result = importText(
			'= Depot\n\n[[power]]\n== Power\n\n[source,sh]\n----\n# fuse\n----\n'
		);
		expect(result.check[0]).toMatchObject({ leftAs: 'Markdown read from AsciiDoc', line: 1 });
		expect(result.check[0]!.reason).toContain('a `=` title on line 1');
	});

	it('reads Markdown as Markdown even when it shows an AsciiDoc table or names a macro', () => {
		expect(adocEvidence('## Levels\n\n[cols="1,2"]\n|===\n|P1 |Down\n|===\n')).toEqual([]);
		expect(adocEvidence('Write `include::x[]` and\n\n```\n= Title\n[[id]]\n```\n')).toEqual([]);
		expect(importText('# Depot\n\nUse `xref:a.adoc[]` links.\n').check).toEqual([]);
	});
});
