import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importMarkdown } from '../../../src/importer/import.ts';
import { readSource } from '../../../src/importer/read.ts';
import { importReportData } from '../../../src/importer/report.ts';
import { serialise } from '../../../src/importer/writer.ts';
import { readRst } from '../../../src/importer/rst.ts';
import { importFile, importText, tempContent } from './helpers.ts';
import { FIXTURES, importFixture, project } from './shapes.ts';

const md = (...lines: string[]) => readRst(lines.join('\n')).text.split('\n');

describe('reStructuredText read as Markdown', () => {
	it('makes section titles headings, levels in the order their styles appear, line for line', () => {
		const out = md(
			'=============',
			' Depot guide',
			'=============',
			'',
			'Outages',
			'-------',
			'',
			'Scanner down',
			'~~~~~~~~~~~~',
			'',
			'Power',
			'-----'
		);
		expect(out).toEqual([
			'',
			'# Depot guide',
			'',
			'',
			'## Outages',
			'',
			'',
			'### Scanner down',
			'',
			'',
			'## Power',
			'',
		]);
	});

	it('reads literal blocks and code-block directives as fences, options left out', () => {
		const out = md(
			'Restart it::',
			'',
			'   systemctl restart scanner',
			'',
			'.. code-block:: bash',
			'   :linenos:',
			'',
			'   # not a heading',
			'   scanner --check',
			'',
			'Done.'
		);
		expect(out).toEqual([
			'Restart it:',
			'```',
			'systemctl restart scanner',
			'```',
			'',
			'',
			'```bash',
			'# not a heading',
			'scanner --check',
			'```',
			'Done.',
		]);
	});

	it('reads admonitions as a quote opening with the bold label', () => {
		expect(md('.. warning:: Never reboot both.', '   Wait for the first.', '', 'Next.')).toEqual([
			'> **Warning:** Never reboot both.',
			'> Wait for the first.',
			'',
			'Next.',
		]);
		expect(md('.. admonition:: Before you page', '', '   Check the board.')).toEqual([
			'> **Before you page**',
			'>',
			'> Check the board.',
		]);
	});

	it('reads lists, nested lists, field lists and definition lists', () => {
		expect(
			md(
				'* Scanner',
				'',
				'  a) Check power',
				'  b) Check cable',
				'',
				':Owner: Depot team',
				'',
				'SEV1',
				'   Every scanner down.'
			)
		).toEqual([
			'- Scanner',
			'',
			'  1) Check power',
			'  2) Check cable',
			'',
			'- **Owner:** Depot team',
			'',
			'- **SEV1**',
			'  Every scanner down.',
		]);
	});

	it('reads links, named targets, references to titles and roles', () => {
		const out = md(
			'See `the rota <https://rota.example.com>`_, the Wiki_ and `Scanner down`_.',
			'Run :command:`scanctl` as in :ref:`outages` or :ref:`the guide <outages>`.',
			'',
			'.. _wiki: https://wiki.example.com',
			'.. _outages:',
			'',
			'Scanner down',
			'============'
		);
		expect(out[0]).toBe(
			'See [the rota](https://rota.example.com), the [Wiki](https://wiki.example.com) and Scanner down.'
		);
		expect(out[1]).toBe('Run `scanctl` as in Scanner down or the guide.');
		expect(out[3]).toBe('');
	});

	it('reads grid and simple tables as pipe tables, and maps moved rows back to their lines', () => {
		const { text, lines } = readRst(
			[
				'+-------+----------+',
				'| Level | Respond  |',
				'+=======+==========+',
				'| P1    | 15       |',
				'|       | minutes  |',
				'+-------+----------+',
				'| P2    | 1 hour   |',
				'+-------+----------+',
			].join('\n')
		);
		expect(text.split('\n').slice(0, 4)).toEqual([
			'| Level | Respond |',
			'| --- | --- |',
			'| P1 | 15 minutes |',
			'| P2 | 1 hour |',
		]);
		expect(lines.get(3)).toBe(4);
		expect(lines.get(4)).toBe(7);
		expect(md('====  =====', 'A     B', '====  =====', 'x     y', '====  =====')).toEqual([
			'| A | B |',
			'| --- | --- |',
			'| x | y |',
			'',
			'',
		]);
	});

	it('keeps text that is literal in RST literal in Markdown', () => {
		const [line] = md('<b>bold</b> [x](y) a_b | 5 * 3 # ~~gone~~');
		expect(line).toBe('\\<b\\>bold\\</b\\> \\[x\\](y) a\\_b \\| 5 \\* 3 # \\~\\~gone\\~\\~');
		expect(md('Para', '# not a heading')[1]).toBe('\\# not a heading');
	});

	it('leaves comments, targets and table-of-contents directives out', () => {
		expect(
			md('.. a comment', '   going on', '.. _label:', '.. toctree::', '   :maxdepth: 2', '', 'Text')
		).toEqual(['', '', '', '', '', '', 'Text']);
	});

	it('does linear work on a long line of unmatched markup', () => {
		// 220 kB: quadratic work would take minutes.
		const line = '*a `b **c ``d :ref:`e word_ '.repeat(8000);
		const start = performance.now();
		readRst(line);
		expect(performance.now() - start).toBeLessThan(5000);
	});
});

describe('a hostile reStructuredText file', () => {
	const hostile = [
		'Depot',
		'=====',
		'',
		'<script>alert(1)</script>',
		'',
		'Click `here <javascript:alert(1)>`_ now.',
		'',
		'.. raw:: html',
		'',
		'   <script>alert(2)</script>',
	].join('\n');

	it('comes out as a hostile Markdown file does: no script, no javascript: link', () => {
		const rst = importText(hostile, { markup: 'rst' });
		const markdown = importText(
			'# Depot\n\n<script>alert(1)</script>\n\nClick [here](javascript:alert(1)) now.\n'
		);
		const reasons = (result: typeof rst) =>
			result.check.filter((item) => item.kind === 'link').map((item) => item.reason);
		expect(reasons(rst)).toEqual(reasons(markdown));
		for (const [path, text] of [
			...serialise('demo', rst.imported),
			...serialise('demo', markdown.imported),
		]) {
			expect(text, path).not.toMatch(/\]\(javascript:/);
			// A summary in YAML is text; a page (MDX) must not hold the tag as markup.
			if (path.endsWith('.mdx')) expect(text, path).not.toMatch(/(?<!\\)<script>/);
			expect(text, path).not.toContain('alert(2)');
		}
	});
});

describe('an RST playbook imports as its Markdown twin does', () => {
	for (const name of ['rst-sphinx-guide', 'rst-severity-table'])
		it(name, () => {
			const path = join(FIXTURES, 'rst-twins', `${name}.md`);
			const twin = importMarkdown(readFileSync(path, 'utf8'), { playbook: 'demo' });
			expect(project(importFixture(`${name}.rst`))).toEqual(project(twin));
		});

	it('names the RST lines in its report: each typed entry at its title', () => {
		const { lines, result, input } = importFile(join(FIXTURES, 'rst-severity-table.rst'));
		const typed = Object.values(importReportData(input).typed).flat();
		expect(typed.length).toBeGreaterThan(0);
		for (const entry of typed) expect(lines[entry.line! - 1]).toContain(entry.heading);
		// The grid table's third row (P3) spans two lines; the report names its first.
		expect(result.imported.severities.map((s) => s.from?.line)).toEqual([12, 14, 16]);
	});
});

describe('which files are read as reStructuredText', () => {
	it('reads a `.rst` file as RST, and a folder’s `.rst` pages beside its Markdown ones', () => {
		const dir = tempContent();
		writeFileSync(join(dir, 'guide.rst'), 'Depot\n=====\n\n.. note:: Call Ana.\n');
		expect(readSource(join(dir, 'guide.rst')).markup).toBe('rst');
		const folder = join(dir, 'book');
		mkdirSync(folder);
		writeFileSync(join(folder, 'index.md'), '# Depot\n\nIntro.\n');
		writeFileSync(join(folder, 'outage.rst'), 'Outage\n======\n\nRun::\n\n   scanctl\n');
		const source = readSource(folder);
		expect(source.markup).toBe('markdown');
		expect(source.text).toContain('# Outage');
		expect(source.text).toContain('```\nscanctl\n```');
	});

	it('reads Markdown as Markdown even when it names a directive', () => {
		const result = importText('# Depot\n\nA `.. note::` marks a warning.\n\n~~~\ncode\n~~~\n');
		expect(result.check).toEqual([]);
	});
});
