import { describe, expect, it } from 'vitest';
import type { Element as HastElement } from 'hast';
import { visit } from 'unist-util-visit';
import {
	escapeHtml,
	escapeJson,
	escapeJsonScript,
	escapeMarkdown,
	escapeMdx,
	escapeMdxText,
	escapeRegExp,
	escapeSlack,
	escapeTerminal,
	revealControls,
} from '../../src/lib/escape.ts';
import { HOSTILE_STRINGS } from '../fixtures/hostile-strings.ts';
import { isVisibleAddress, parseHtml, parseMarkdown, renderMdx } from './compile-output.ts';

/** What Markdown renders to, so anything else came from text that should have stayed text. */
const MARKDOWN_ELEMENTS = new Set(
	'p a h1 h2 h3 ul ol li strong em del code pre blockquote hr table thead tbody tr th td input img br sup section'.split(
		' '
	)
);

/** What inline Markdown/MDX text shows for `text`: one line; NUL is U+FFFD in CommonMark. */
const shown = (text: string) =>
	text
		.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ')
		.trim()
		.replace(/\0/g, '\uFFFD');

/** The places a value lands in the exports: mid-line, a line of its own, a heading, a list. */
const PLACES = [
	(value: string) => ({ doc: `${value}\n`, before: '' }),
	(value: string) => ({ doc: `- 14:05 UTC - ${value}\n`, before: '14:05 UTC - ' }),
	(value: string) => ({ doc: `# Incident: ${value}\n`, before: 'Incident: ' }),
	(value: string) => ({ doc: `**Incident ID:** ${value}\n`, before: 'Incident ID: ' }),
	(value: string) => ({ doc: `Impact:\n${value}\n`, before: 'Impact:\n' }),
	(value: string) => ({
		doc: `| Role | Person |\n| --- | --- |\n| IC | ${value} |\n`,
		before: 'RolePersonIC',
	}),
];

describe('the hostile corpus', () => {
	it('has at least 30 strings, all different', () => {
		expect(HOSTILE_STRINGS.length).toBeGreaterThanOrEqual(30);
		expect(new Set(HOSTILE_STRINGS).size).toBe(HOSTILE_STRINGS.length);
	});
});

describe('escapeHtml', () => {
	it.each(HOSTILE_STRINGS)('keeps %j text in <title>, an attribute and a paragraph', (value) => {
		const escaped = escapeHtml(value);
		const tree = parseHtml(
			`<!doctype html><html><head><title>${escaped}</title></head><body><p title="${escaped}">${escaped}</p></body></html>`
		);
		const elements: HastElement[] = [];
		visit(tree, 'element', (node: HastElement) => {
			elements.push(node);
		});
		expect(elements.map((element) => element.tagName)).toEqual([
			'html',
			'head',
			'title',
			'body',
			'p',
		]);
		const [, , title, , p] = elements;
		const textOf = (element: HastElement) =>
			element.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
		// The HTML parser turns CR LF and lone CR into LF, and NUL into U+FFFD (dropped in body text).
		const parsed = value.replace(/\r\n?/g, '\n');
		expect(textOf(title!)).toBe(parsed.replace(/\0/g, '\uFFFD'));
		expect(textOf(p!)).toBe(parsed.replace(/\0/g, ''));
		expect(p!.properties['title']).toBe(parsed.replace(/\0/g, '\uFFFD'));
	});
});

describe('escapeMarkdown', () => {
	it.each(HOSTILE_STRINGS)('keeps %j text wherever an export places it', (value) => {
		for (const place of PLACES) {
			const { doc, before } = place(escapeMarkdown(value));
			const { types, text, links } = parseMarkdown(doc);
			const plain = parseMarkdown(place('plain').doc).types;
			if (links.length) plain.add('link');
			expect([...types].sort(), doc).toEqual([...plain].sort());
			expect(
				links.filter((link) => !isVisibleAddress(link)),
				doc
			).toEqual([]);
			expect(text).toBe(before + shown(value));
		}
	});

	it('writes ordinary text without needless backslashes', () => {
		expect(escapeMarkdown('INC-2025-11-19 (checkout), 50% of orders: see runbook.')).toBe(
			'INC-2025-11-19 (checkout), 50% of orders: see runbook.'
		);
	});
});

describe('escapeMdxText', () => {
	it.each(HOSTILE_STRINGS)('keeps %j text in compiled and evaluated MDX', async (value) => {
		delete (globalThis as { pwned?: unknown }).pwned;
		for (const place of PLACES) {
			const { doc, before } = place(escapeMdxText(value));
			const rendered = await renderMdx(doc);
			expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
			expect(rendered.exports).toEqual([]);
			expect(
				[...rendered.elements].filter(
					(name) => !/^(p|h1|ul|li|strong|table|thead|tbody|tr|th|td)$/.test(name)
				)
			).toEqual([]);
			expect(rendered.text.replace(/\n/g, '')).toBe((before + shown(value)).replace(/\n/g, ''));
		}
	});
});

describe('escapeMdx', () => {
	it.each(HOSTILE_STRINGS)(
		'makes a Markdown export holding %j a safe MDX document',
		async (value) => {
			delete (globalThis as { pwned?: unknown }).pwned;
			const markdown = [
				`# Post-incident review: ${escapeMarkdown(value)}`,
				'',
				'Run `kubectl get pods {namespace}` first, then `{x}`.',
				'',
				'```sh',
				'echo {not an expression} <b>',
				'```',
				'',
				`- 14:05 UTC - ${escapeMarkdown(value)}`,
				`${escapeMarkdown(value)}`,
			].join('\n');
			const rendered = await renderMdx(escapeMdx(markdown));
			expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
			expect(rendered.exports).toEqual([]);
			expect([...rendered.elements].sort()).toEqual(['code', 'h1', 'li', 'p', 'pre', 'ul']);
			expect(rendered.text).toContain(`Post-incident review: ${shown(value)}`);
			expect(rendered.text).toContain('kubectl get pods {namespace}');
			expect(rendered.text).toContain('echo {not an expression} <b>');
			expect(rendered.text).toContain(`14:05 UTC - ${shown(value)}`);
		}
	);

	it.each(HOSTILE_STRINGS)(
		'makes Markdown text holding %j, unescaped, an MDX document with no JSX or expression',
		async (value) => {
			delete (globalThis as { pwned?: unknown }).pwned;
			// Imported bodies are source Markdown: only the document escaper stands between them and MDX.
			const markdown = [
				value,
				`1. Step ${value} {#step}`,
				`Text ${value} after https://ok.example/`,
			];
			const rendered = await renderMdx(escapeMdx(markdown.join('\n\n')));
			expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
			expect(rendered.exports).toEqual([]);
			expect([...rendered.elements].filter((name) => !MARKDOWN_ELEMENTS.has(name))).toEqual([]);
		}
	);

	it('keeps an address written out from taking the escape of the tag after it', async () => {
		const rendered = await renderMdx(
			escapeMdx('See https://evil.example/"><input name="password"> and www.evil.example<b>')
		);
		expect(rendered.text).toBe(
			'See https://evil.example/"><input name="password"> and www.evil.example<b>'
		);
		expect(rendered.elements).toEqual(new Set(['p']));
	});

	it('leaves an address that runs into no escape as written, and still links it', async () => {
		const markdown = 'See https://status.example/incidents or www.example.org/help. Then {next}.';
		const escaped = escapeMdx(markdown);
		// An author edits the imported source: no backslash where the address takes none.
		expect(escaped).toBe(
			'See https://status.example/incidents or www.example.org/help. Then \\{next\\}.'
		);
		const rendered = await renderMdx(escaped);
		expect(rendered.text).toBe(
			'See https://status.example/incidents or www.example.org/help. Then {next}.'
		);
		expect(rendered.links.map((link) => link.url)).toEqual([
			'https://status.example/incidents',
			'http://www.example.org/help',
		]);
	});

	it('escapes text outside code and leaves code as written', () => {
		expect(escapeMdx('a {b} <c> `{d}` \\{e}\n```\n{f}\n```\n{g}')).toBe(
			'a \\{b\\} \\<c> `{d}` \\{e\\}\n```\n{f}\n```\n\\{g\\}'
		);
	});

	it('leaves a fenced block inside a list item as code, and an indented fence outside one as text', async () => {
		const markdown = [
			'1. Find the report:',
			'',
			'    ```sql',
			'    SELECT id FROM task WHERE tags = {a} AND note <> <b>;',
			'    ```',
			'2. Stop it.',
			'',
			'Then:',
			'',
			'    ```',
			'    {c}',
			'    ```',
		].join('\n');
		const rendered = await renderMdx(escapeMdx(markdown));
		expect(rendered.exports).toEqual([]);
		expect(rendered.text).toContain('SELECT id FROM task WHERE tags = {a} AND note <> <b>;');
		expect([...rendered.elements].sort()).toEqual(['code', 'li', 'ol', 'p', 'pre']);
		expect(rendered.text).toContain('{c}');
	});

	it('does not let an escaped backtick open a code span', () => {
		expect(escapeMdx('see \\`{globalThis.x = 1}\\`')).toBe('see \\`\\{globalThis.x = 1\\}\\`');
	});

	it('escapes a backtick that closes nothing on its line', () => {
		expect(escapeMdx('a ` {b}\nc ` {d}')).toBe('a \\` \\{b\\}\nc \\` \\{d\\}');
	});

	it('turns ESM lines into text', () => {
		expect(escapeMdx('import x from "y"\nexport const z = 1')).toBe(
			'&#105;mport x from "y"\n&#101;xport const z = 1'
		);
	});
});

describe('escapeSlack', () => {
	it.each(HOSTILE_STRINGS)(
		'leaves no broadcast mention in %j and changes nothing else',
		(value) => {
			const escaped = escapeSlack(value);
			expect(escaped).not.toMatch(/@(channel|here|everyone)\b/i);
			expect(escaped.replaceAll('\u2060', '')).toBe(value);
		}
	);

	it('keeps a typed broadcast from notifying, and shows Slack syntax as typed', () => {
		expect(escapeSlack('@channel @Here @everyone! <!channel> <@U1> & @dana @heresy')).toBe(
			'@\u2060channel @\u2060Here @\u2060everyone! <!channel> <@U1> & @dana @heresy'
		);
	});
});

describe('revealControls and escapeTerminal', () => {
	it.each(HOSTILE_STRINGS)('leaves no control or direction character in %j', (value) => {
		const revealed = escapeTerminal(value);
		expect(revealed).not.toMatch(
			// eslint-disable-next-line no-control-regex
			/[\0-\x08\x0B-\x1F\x7F-\x9F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/
		);
	});

	it('shows what was there', () => {
		expect(revealControls('alert\u202Egnp.exe \u001b[31m\u0000')).toBe(
			'alert\\u202Egnp.exe \\x1B[31m\\x00'
		);
		expect(escapeTerminal('a\r\nb\tc')).toBe('a\nb\tc');
	});
});

describe('escapeRegExp', () => {
	it.each(HOSTILE_STRINGS)('matches %j as written and nothing longer', (value) => {
		const pattern = new RegExp(`^${escapeRegExp(value)}$`, 'u');
		expect(pattern.test(value)).toBe(true);
		expect(pattern.test(`${value}x`)).toBe(false);
	});
});

describe('escapeJson', () => {
	it.each(HOSTILE_STRINGS)(
		'reads back %j as written and leaves nothing raw for a terminal',
		(value) => {
			for (const json of [escapeJson({ heading: value, list: [value] }), escapeJson([value], 2)]) {
				expect(json).not.toMatch(
					// eslint-disable-next-line no-control-regex
					/[\0-\x09\x0B-\x1F\x7F-\x9F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]/
				);
				expect(JSON.parse(json)).toEqual(
					json.startsWith('[') ? [value] : { heading: value, list: [value] }
				);
			}
		}
	);

	it('writes each such character as a \\u escape', () => {
		expect(escapeJson('csi\u009b2J alert\u202Egnp \u001b[31m')).toBe(
			'"csi\\u009B2J alert\\u202Egnp \\u001b[31m"'
		);
	});
});

describe('escapeJsonScript', () => {
	it.each(HOSTILE_STRINGS)(
		'keeps %j inside its <script type="application/json"> and reads it back as written',
		(value) => {
			const data = {
				title: value,
				list: [value, '</script><script>globalThis.pwned = 1</script>'],
			};
			const page = parseHtml(
				`<!doctype html><title>t</title><script type="application/json">${escapeJsonScript(data)}</script><p>after</p>`
			);
			const scripts: HastElement[] = [];
			visit(page, 'element', (node: HastElement) => {
				if (node.tagName === 'script') scripts.push(node);
			});
			expect(scripts).toHaveLength(1);
			const text = scripts[0]!.children.map((child) => (child.type === 'text' ? child.value : ''));
			expect(JSON.parse(text.join(''))).toEqual(data);
		}
	);
});
