import { describe, expect, it } from 'vitest';
import { prepareSource } from '../../../src/importer/prepare.ts';
import { formatImportReport, importReportData } from '../../../src/importer/report.ts';
import { importText } from './helpers.ts';

describe('source preparation keeps every line where it was', () => {
	it('reads an HTML table as a pipe table on the same lines', () => {
		const source =
			'# T\n\n<table>\n<tr><th>Sev</th><th>Respond within</th></tr>\n<tr><td>Sev 1</td><td>15 min</td></tr>\n</table>\n\nAfter.\n';
		const { text } = prepareSource(source);
		expect(text.split('\n')).toHaveLength(source.split('\n').length);
		expect(text).toContain('| Sev | Respond within |\n| --- | --- |\n| Sev 1 | 15 min |');
		expect(text.split('\n')[7]).toBe('After.');
	});

	it('turns reference links into inline links and blanks their definitions', () => {
		const source =
			'# T\n\nSee the [runbook][rb] and [Status].\n\n[rb]: https://example.com/rb\n[status]: https://status.example.com\n';
		const prepared = prepareSource(source);
		expect(prepared.text).toBe(
			'# T\n\nSee the [runbook](https://example.com/rb) and [Status](https://status.example.com).\n\n\n\n'
		);
		expect(prepared.definitions.map((d) => d.url)).toEqual([
			'https://example.com/rb',
			'https://status.example.com',
		]);
	});

	it('turns an image beside the source into text, and one from another site into a link to it', () => {
		const source =
			'# T\n\n![Who reports to whom](../img/roles.png)\n\n![Logo](https://example.com/logo.png) and ![](/site.png)\n';
		const { text } = prepareSource(source);
		expect(text.split('\n')).toHaveLength(source.split('\n').length);
		expect(text).toContain('Image not imported: Who reports to whom (`../img/roles.png`)');
		expect(text).not.toContain('](../img/roles.png)');
		// The page would load it from there on every visit; the reader may open it.
		expect(text).toContain(
			'[Image: Logo](https://example.com/logo.png) and Image not imported (`/site.png`)'
		);
	});

	it('leaves Markdown comments out, also right under a line of text, but not in code', () => {
		const source = [
			'# T',
			'',
			'[//]: # (Note to self: the probe and the health check share a port)',
			'Restart the worker, then check the queue.',
			'[comment]: # "Ask Dana whether this still applies"',
			'',
			'```',
			'[//]: # (kept: it is code)',
			'```',
			'',
			'[Runbook]: # "a link to nowhere says nothing either"',
			'[Docs]: https://docs.example.org',
			'',
			'[//]: # (REFERENCES)',
			'',
			'[//]: # (https://example.org/forum/thread/41)',
			'',
		].join('\n');
		const prepared = prepareSource(source);
		expect(prepared.text.split('\n')).toHaveLength(source.split('\n').length);
		expect(prepared.text).not.toMatch(/Note to self|Ask Dana|nowhere|REFERENCES|thread/);
		expect(prepared.text).toContain('Restart the worker, then check the queue.');
		expect(prepared.text).toContain('[//]: # (kept: it is code)');
		expect(prepared.definitions.map((d) => d.url)).toEqual(['https://docs.example.org']);
		expect(prepared.refused.map(({ kind, line, leftAs }) => [kind, line, leftAs])).toEqual([
			['text', 3, 'nothing'],
			['text', 5, 'nothing'],
			['text', 11, 'nothing'],
			// A run of comments, blank lines between them too, is one item.
			['text', 14, 'nothing'],
		]);
	});

	it("reads a link through Hugo's relref as a link to its file and leaves shortcode lines out", () => {
		const source = [
			'# T',
			'',
			'See the [paging guide]({{< relref "paging.md#escalate" >}}) and [the FAQ]({{% ref "faq" %}}).',
			'[Odd]({{< relref "a>b (1).md" >}})',
			'{{< callout type="warning" >}}',
			'Never restart both replicas at once.',
			'{{< /callout >}}',
			'',
			'```',
			'{{% kept-in-code %}}',
			'```',
			'',
		].join('\n');
		const prepared = prepareSource(source);
		expect(prepared.text.split('\n')).toHaveLength(source.split('\n').length);
		expect(prepared.text).toContain(
			'See the [paging guide](paging.md#escalate) and [the FAQ](faq).'
		);
		// A path with `>` cannot end the link early: it is written as a destination, as any link is.
		expect(prepared.text).toContain('[Odd](<ab(1).md>)');
		expect(prepared.text).toContain('\nNever restart both replicas at once.\n');
		expect(prepared.text).not.toContain('callout');
		expect(prepared.text).toContain('{{% kept-in-code %}}');
		expect(prepared.refused.map(({ kind, line }) => [kind, line])).toEqual([
			['text', 5],
			['text', 7],
		]);
	});

	it('leaves HTML comments out (listed for the report) and reads an HTML image as any image', () => {
		const source = [
			'# T',
			'',
			'<img src="../../public/flow chart.png" width="75%" alt="The [whole] flow" />',
			'',
			'<!--![Flow](/flow.png)-->',
			'',
			'Before <!-- a draft note --> after, and <img src="https://example.com/x.png">.',
			'',
			'<!-- one -->',
			'<!-- two',
			'lines -->',
			'',
			'<div>Shown as text</div>',
			'',
		].join('\n');
		const prepared = prepareSource(source);
		expect(prepared.text.split('\n')).toHaveLength(source.split('\n').length);
		expect(prepared.text).toContain(
			'Image not imported: The \\[whole\\] flow (`../../public/flow chart.png`)'
		);
		expect(prepared.text).not.toMatch(/<!--|flow\.png|<img|<div/);
		// Inside a sentence too: the comment is left out, the image read as any image from elsewhere.
		expect(prepared.text).toContain(
			'Before after, and [Image: untitled](https://example.com/x.png).'
		);
		expect(prepared.text).toContain('\nShown as text\n');
		expect(prepared.refused.map(({ kind, line, leftAs }) => [kind, line, leftAs])).toEqual([
			['html', 5, 'nothing'],
			['html', 7, 'nothing'],
			['link', 7, 'a link to the image'],
			['html', 9, 'nothing'],
			['html', 10, 'nothing'],
		]);
		// What the source showed imports and validates: the commented-out image once stopped it.
		const { imported } = importText(
			`${source}\n## Database down\n\n1. Restart it.\n2. Check it.\n`
		);
		expect(imported.scenarios.map((entry) => entry.slug)).toEqual(['database-down']);
	});

	it('reads HTML with a Markdown meaning as that Markdown, and leaves other tags as written', () => {
		const source = [
			'# T',
			'',
			'<input type="checkbox"> Page the on-call DBA<br>',
			'<input type="checkbox" checked> Open the incident room<br>',
			'',
			'> <b>Warning:</b> never restart both nodes.<br>Wait for <kbd>healthy</kbd>.',
			'',
			'- Log in as <code>ops</code>, then <summary> the state.',
			'',
			'<details>',
			'<summary>The query</summary>',
			'',
			'Run it on the replica.',
			'',
			'</details>',
			'',
			'<ul><li>One</li><li>Two</li><li>Three</li></ul>',
			'',
			'## Database down',
		].join('\n');
		const prepared = prepareSource(source);
		const lines = prepared.text.split('\n');
		expect(lines.slice(2, 4)).toEqual([
			'- [ ] Page the on-call DBA',
			'- [x] Open the incident room',
		]);
		expect(lines.slice(5, 7)).toEqual([
			'> **Warning:** never restart both nodes.\\',
			'> Wait for `healthy`.',
		]);
		// `<summary>` without its closing tag is more likely a blank: the item is left as written.
		expect(lines).toContain('- Log in as <code>ops</code>, then <summary> the state.');
		expect(prepared.text).toMatch(/\nThe query\n+Run it on the replica\.\n/);
		expect(prepared.text).not.toMatch(/<\/?details|<ul|<li/);
		// The list is longer than its one line of HTML: the lines below it keep the author's numbers.
		const list = lines.indexOf('- One');
		expect(lines.slice(list, list + 3)).toEqual(['- One', '- Two', '- Three']);
		expect([list + 1, list + 2, list + 4].map((line) => prepared.lines.get(line + 1))).toEqual([
			17, 17, 19,
		]);
		const { imported } = importText(`${source}\n\nThe API returns 500s.\n\n1. Fail over.\n`);
		expect(imported.scenarios.map((entry) => [entry.slug, entry.from?.line])).toEqual([
			['database-down', 19],
		]);
	});

	it("names the author's line of what it leaves out below HTML that became longer Markdown", () => {
		const { check } = importText(
			[
				'# Kiln notes',
				'',
				'<ul><li>Vent open</li><li>Door shut</li><li>Shelf set</li></ul>',
				'',
				'[//]: # (old draft line)',
				'',
				'<<<<<<< HEAD',
				'Fire slowly.',
				'=======',
				'Fire fast.',
				'>>>>>>> main',
				'',
			].join('\n')
		);
		expect(check.map((item) => [item.line, item.reason.split(' (')[0]])).toEqual([
			[5, 'it is a Markdown comment'],
			[7, 'it is a merge conflict left in the source'],
		]);
	});

	it('leaves out and lists a comment alone in a sentence or among HTML it reads', () => {
		const source = [
			'# T',
			'',
			'Restart the worker <!-- not the primary! --> first.',
			'',
			'<div><!-- draft --><b>Page</b> the DBA.</div>',
		].join('\n');
		const prepared = prepareSource(source);
		expect(prepared.text).not.toContain('<!--');
		expect(prepared.text).toContain('Restart the worker first.');
		expect(prepared.text).toContain('**Page** the DBA.');
		expect(prepared.refused.map(({ kind, line, leftAs }) => [kind, line, leftAs])).toEqual([
			['html', 3, 'nothing'],
			['html', 5, 'nothing'],
		]);
	});

	it('leaves merge-conflict markers out, keeps both sides and lists each conflict', () => {
		const source = [
			'# Runbook',
			'',
			'## Database down',
			'',
			'<<<<<<< HEAD',
			'Check the primary.',
			'=======',
			'Check the primary and its replica.',
			'>>>>>>> main',
			'',
			'1. Fail over.',
		].join('\n');
		const prepared = prepareSource(source);
		expect(prepared.text.split('\n')).toHaveLength(source.split('\n').length);
		expect(prepared.text).not.toMatch(/<{7}|={7}|>{7}/);
		expect(prepared.text).toContain('Check the primary.\n\nCheck the primary and its replica.');
		expect(prepared.refused.map(({ kind, line, reason }) => [kind, line, reason])).toEqual([
			[
				'text',
				5,
				"it is a merge conflict left in the source (`<<<<<<< HEAD` to line 9): its markers are left out and both sides' text kept; resolve it in the source and import again",
			],
		]);
		// `=======` under a line made it a heading: the section is the scenario it was written as.
		const { imported } = importText(source);
		expect(imported.scenarios.map((entry) => entry.slug)).toEqual(['database-down']);
	});

	it('makes the front matter of a page joined mid-file its heading, and leaves a rule-framed line alone', () => {
		const source = [
			'# Kestrel handbook',
			'',
			'How we run the depots.',
			'',
			'---',
			'title: "Drain a depot queue"',
			'description: "Move stuck parcels to the spare scanner"',
			'sidebar_position: 4',
			'---',
			'',
			'1. Pause intake.',
			'',
			'---',
			'title: Ops:Guides/Status notice',
			'---',
			'',
			'Post it on the status site.',
			'',
			'---',
			'title: Rota',
			'---',
			'',
			'# Rota',
			'',
			'---',
			'Status: Draft',
			'---',
			'',
			'---',
			'name: Depot outage',
			'about: Open this when a depot stops shipping.',
			"title: '[OUTAGE] '",
			'labels: outage',
			'---',
			'',
			'- [ ] Name the depot.',
			'',
			'```',
			'---',
			'title: In a fence',
			'---',
			'```',
		].join('\n');
		const { text } = prepareSource(source);
		expect(text.split('\n')).toHaveLength(source.split('\n').length);
		const lines = text.split('\n');
		expect(lines[5]).toBe('## Drain a depot queue');
		expect(lines[7]).toBe('Move stuck parcels to the spare scanner');
		expect(lines[10]).toBe('1. Pause intake.');
		expect(lines[13]).toBe('## Status notice');
		// The page's own heading stands; its front matter leaves no second one.
		expect(lines.slice(18, 23).filter(Boolean)).toEqual(['# Rota']);
		expect(lines.slice(24, 27)).toEqual(source.split('\n').slice(24, 27));
		// An issue template is named by its `name`; its `title` is the default title.
		expect(lines.slice(29, 32)).toEqual([
			'## Depot outage',
			'',
			'Open this when a depot stops shipping.',
		]);
		expect(lines.slice(34)).toEqual(source.split('\n').slice(34));
		const { imported } = importText(source);
		expect(imported.pages.find((page) => page.slug === 'kestrel-handbook')?.body).toContain(
			'## Drain a depot queue'
		);
		expect(JSON.stringify(imported)).not.toContain('title: \\"Drain');
		expect(JSON.stringify(imported)).not.toContain('sidebar_position');
	});

	it("reads a file's leading front matter as its first joined page's, and leaves draft pages out", () => {
		const source = [
			'---',
			'title: "Scanner offline"',
			'owner: Priya',
			'---',
			'',
			'## Overview',
			'',
			'The depot scanner stops answering.',
			'',
			'---',
			'title: "Belt stopped"',
			'draft: true',
			'---',
			'',
			'## Overview',
			'',
			'This issue happens when...',
			'',
			'---',
			'title: "Label printer jammed"',
			'---',
			'',
			'## Overview',
			'',
			'Labels stop coming out.',
		].join('\n');
		const prepared = prepareSource(source);
		const lines = prepared.text.split('\n');
		expect(lines).toHaveLength(source.split('\n').length);
		expect(lines[1]).toBe('# Scanner offline');
		expect(lines[19]).toBe('# Label printer jammed');
		expect(prepared.text).not.toMatch(/Belt stopped|This issue happens/);
		// Priya owns the first runbook, not the playbook.
		expect(prepared.frontMatter).toEqual({});
		expect(prepared.refused.map(({ kind, line, reason }) => [kind, line, reason])).toEqual([
			['text', 10, 'the page `Belt stopped` is marked `draft: true`: its site does not publish it'],
		]);
		// One file's own front matter is the playbook's, as before.
		expect(prepareSource(source.split('\n').slice(0, 9).join('\n')).frontMatter).toEqual({
			title: 'Scanner offline',
			owner: 'Priya',
		});
	});

	it('makes a joined page whose own sections are `##` a part of its own, as the folder reader does', () => {
		const source = [
			'# Kestrel runbooks',
			'',
			'---',
			'title: "Scanner offline"',
			'---',
			'',
			'## Overview {#overview}',
			'',
			'The depot scanner stops answering.',
			'',
			'## Steps {#steps}',
			'',
			'1. Power-cycle the scanner.',
			'',
			'---',
			'title: "Label printer jammed"',
			'---',
			'',
			'## Overview {#overview}',
			'',
			'Labels stop coming out.',
		].join('\n');
		const { text, ids } = prepareSource(source);
		const lines = text.split('\n');
		expect(lines).toHaveLength(source.split('\n').length);
		expect(lines[3]).toBe('# Scanner offline');
		expect(lines[6]).toBe('## Overview');
		expect(lines[15]).toBe('# Label printer jammed');
		expect([...ids]).toEqual([
			[7, 'overview'],
			[11, 'steps'],
			[19, 'overview'],
		]);
		const { imported } = importText(source);
		// Each page's sections stay under its title: one runbook each, no page titled `Overview`.
		expect(imported.scenarios.map((entry) => entry.data.title)).toEqual(['Scanner offline']);
		expect(imported.pages.map((page) => page.data.title)).toEqual([
			'Label printer jammed',
			'Source outline',
		]);
	});

	it('reads front matter as playbook metadata', () => {
		const { imported } = importText(
			'---\nowner: Platform\nlast_reviewed: 2026-01-10\n---\n# Playbook\n\nText long enough to be a summary of the playbook.\n'
		);
		expect(imported.playbook).toMatchObject({ owner: 'Platform', lastReviewed: '2026-01-10' });
	});
});

describe('import report', () => {
	const source = `# Shop
## Severity levels
### Critical (P0)
- Acknowledge: 5 minutes
## Runbooks
### Cart empty
**Symptoms**
- Carts lose items.
## More
??? info "Coupons"
    TBD
`;
	const input = {
		source: 'shop.md',
		playbook: 'shop',
		result: importText(source, { playbook: 'shop' }),
		repairs: { macintosh: 0, windows1252: 0 },
		files: [],
		verb: 'written',
	};

	it('names each typed entry with its source heading and line, and what to check', () => {
		const report = formatImportReport(input);
		expect(report).toContain('    shop/p0 (P0 Critical) ← "Critical (P0)", line 3');
		expect(report).toContain('    shop/cart-empty (Cart empty) ← "Cart empty", line 6');
		expect(report).toContain(
			'  line 10 "Coupons" (scenario): left as text in pages/more.mdx, because its body is only `TBD`: a placeholder, not a runbook'
		);
	});

	it('gives the same facts as JSON', () => {
		const data = importReportData(input);
		expect(data.typed.scenarios).toEqual([
			{ id: 'shop/cart-empty', title: 'Cart empty', heading: 'Cart empty', line: 6 },
		]);
		expect(data.check).toEqual([
			{
				kind: 'scenario',
				heading: 'Coupons',
				line: 10,
				leftAs: 'text in pages/more.mdx',
				reason: 'its body is only `TBD`: a placeholder, not a runbook',
			},
		]);
	});
});

describe('another markup read as Markdown', () => {
	const rst = [
		'Depot scanner outage',
		'====================',
		'',
		'.. _scanner-outage:',
		'',
		'Restart the scanner',
		'~~~~~~~~~~~~~~~~~~~',
		'',
		'.. code-block:: bash',
		'',
		'   systemctl restart scanner',
		'',
		'See `the rota <https://rota.example.com>`_.',
	].join('\n');

	it('is read as reStructuredText, and the report says so once, with the lines that show it', () => {
		const result = importText(rst, { playbook: 'depot' });
		expect(result.check).toHaveLength(1);
		const [note] = result.check;
		expect(note).toMatchObject({ kind: 'text', line: 1 });
		expect(note!.reason).toContain('looks like reStructuredText');
		expect(note!.reason).toContain('a `.. _target:` on line 4');
		expect(note!.reason).toContain('a heading underlined with `~~~` on line 7');
		expect(note!.reason).toContain('`.. code-block::` on line 9');
		expect(note!.reason).toContain('so it was read as reStructuredText');
		const report = formatImportReport({
			source: 'scanner.md',
			playbook: 'depot',
			result,
			repairs: { macintosh: 0, windows1252: 0 },
			files: [],
			verb: 'written',
		});
		expect(report).toContain('read as reStructuredText');
		expect(report).not.toContain('pandoc');
	});

	it("is named, when read as Markdown all the same (a folder's `.md` page), with how to import it", () => {
		const { refused } = prepareSource(rst);
		expect(refused).toHaveLength(1);
		expect(refused[0]).toMatchObject({ kind: 'text', line: 1 });
		expect(refused[0]!.reason).toContain('a `.. _target:` on line 4');
		expect(refused[0]!.reason).toContain('Name the file `.rst`');
		const result = importText(rst, { playbook: 'depot', markup: 'markdown' });
		expect(result.check.map((item) => item.reason)).toEqual([refused[0]!.reason]);
	});

	it('is not suspected in Markdown that shows it in a code block or names one directive', () => {
		const markdown = [
			'# Depot runbook',
			'Our Sphinx pages use this:',
			'```rst',
			rst,
			'```',
			'A `.. note::` in the docs site marks a warning.',
			'## Steps',
			'1. Restart the scanner.',
		].join('\n\n');
		expect(prepareSource(markdown).refused).toEqual([]);
		expect(importText(markdown, { playbook: 'depot' }).check).toEqual([]);
	});
});
