import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EMPTY_HASH } from '../../src/lib/csp.ts';
import { escapeYaml } from '../../src/lib/escape.ts';
import { HOSTILE_STRINGS } from '../fixtures/hostile-strings.ts';
import { parseHtml } from './compile-output.ts';

/**
 * The real build on content whose titles try to become markup (`test/fixtures/hostile-content`)
 * plus a playbook imported by `npm run import` from a Markdown file with hostile headings, plus
 * one scenario per string of the hostile corpus (title, summary, symptom): every page must show
 * them as text, with no element, attribute or redirect they tried to add.
 */
const work = mkdtempSync(join(tmpdir(), 'responder-hostile-'));
const content = join(work, 'content');
const out = join(work, 'dist');
const node = process.execPath;
const env = Object.fromEntries(
	Object.entries(process.env).filter(
		([key]) => !key.startsWith('VITEST') && key !== 'NODE_ENV' && key !== 'TEST'
	)
);

const SCENARIO_TITLE = '</title><script>globalThis.pwned = "scenario"</script>';
const TEMPLATE_TITLE = '</title><meta http-equiv="refresh" content="0;url=http://evil.example/">';
const IMPORTED_TITLE = TEMPLATE_TITLE;

let importRun: ReturnType<typeof spawnSync>;
let build: ReturnType<typeof spawnSync>;
beforeAll(() => {
	cpSync('test/fixtures/hostile-content/evil', join(content, 'evil'), { recursive: true });
	HOSTILE_STRINGS.forEach((value, index) =>
		writeFileSync(
			join(content, 'evil', 'scenarios', `corpus-${index}.mdx`),
			[
				'---',
				`title: ${escapeYaml(value)}`,
				`summary: ${escapeYaml(`Summary ${value}`)}`,
				'severity: evil/p1',
				`symptoms: [${escapeYaml(`Symptom ${value}`)}]`,
				'owner: Platform Team',
				'lastReviewed: 2026-01-05',
				'---',
				'',
				'1. Check the dashboard.',
				'',
			].join('\n')
		)
	);
	importRun = spawnSync(
		node,
		[
			'scripts/import.ts',
			'test/fixtures/hostile-import.md',
			'--playbook',
			'imported',
			'--out',
			content,
		],
		{ encoding: 'utf8', env }
	);
	build = spawnSync(
		node,
		[join('node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--force', '--outDir', out],
		{
			encoding: 'utf8',
			env: { ...env, RESPONDER_CONTENT: content, RESPONDER_TODAY: '2026-01-10' },
		}
	);
}, 600_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const page = (path: string): Root => parseHtml(readFileSync(join(out, path, 'index.html'), 'utf8'));
const elements = (tree: Root): Element[] => {
	const found: Element[] = [];
	visit(tree, 'element', (element: Element) => {
		found.push(element);
	});
	return found;
};
const text = (element: Element): string =>
	element.children
		.map((child) =>
			child.type === 'text' ? child.value : child.type === 'element' ? text(child) : ''
		)
		.join('');

describe('a site built from hostile titles', { timeout: 600_000 }, () => {
	test('imports and builds', () => {
		expect(importRun.status, String(importRun.stdout) + String(importRun.stderr)).toBe(0);
		expect(build.status, String(build.stderr)).toBe(0);
	});

	test('no page gains a script, a redirect, an event handler or a frame from a title', () => {
		const pages = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((file) =>
			file.endsWith('.html')
		);
		expect(pages.length).toBeGreaterThan(10);
		for (const file of pages) {
			for (const element of elements(parseHtml(readFileSync(join(out, file), 'utf8')))) {
				const where = `<${element.tagName}> in ${file}`;
				expect(element.tagName, where).not.toBe('iframe');
				if (element.tagName === 'img') expect(element.properties['src'], where).not.toBe('x');
				if (element.tagName === 'b') expect(text(element), where).not.toBe('bold');
				// Data blocks (`application/json`) may hold the text: they never run.
				if (element.tagName === 'script' && element.properties['type'] !== 'application/json')
					expect(text(element), where).not.toContain('pwned');
				// Alert links redirect to their scenario, on this site.
				if (element.tagName === 'meta' && /refresh/i.test(String(element.properties['httpEquiv'])))
					expect(String(element.properties['content']), where).toMatch(/^0;\s*url=\/[^/]/);
				for (const name of Object.keys(element.properties)) expect(name, where).not.toMatch(/^on/i);
				if (element.tagName === 'meta' && element.properties['httpEquiv'] !== undefined)
					expect(String(element.properties['content']), where).not.toContain(EMPTY_HASH);
			}
		}
	});

	test('ships _headers with the policy, frame-ancestors and the other security headers', () => {
		const headers = readFileSync(join(out, '_headers'), 'utf8');
		expect(headers).toContain('X-Content-Type-Options: nosniff');
		expect(headers).toContain('Referrer-Policy: no-referrer');
		const policy = /Content-Security-Policy: (.*)/.exec(headers)![1]!;
		expect(policy).toContain("frame-ancestors 'none'");
		expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
		expect(policy).not.toContain(EMPTY_HASH);
	});

	test.each([
		['evil/scenarios/title-injection', SCENARIO_TITLE],
		['evil/templates/meta-refresh', TEMPLATE_TITLE],
		['evil/severities/p1', `P1 ${TEMPLATE_TITLE}`],
		[
			'imported/scenarios/title-meta-http-equiv-refresh-content-0-url-http-evil-exampl',
			IMPORTED_TITLE,
		],
	])('%s shows its title as text in <title> and <h1>', (path, title) => {
		const tree = elements(page(path));
		const head = tree.find((element) => element.tagName === 'title')!;
		expect(text(head)).toContain(title);
		const h1 = tree.find((element) => element.tagName === 'h1')!;
		expect(text(h1)).toContain(title);
	});

	// HTML reads line breaks, NUL and other controls its own way; the words must all be there.
	const words = (value: string) => value.replace(/[\p{Cc}\s\uFFFD]/gu, '');

	test.each(HOSTILE_STRINGS.map((value, index) => [index, value] as const))(
		'corpus string %i shows as text in the title, heading and symptoms: %j',
		(index, value) => {
			const tree = elements(page(`evil/scenarios/corpus-${index}`));
			const main = tree.find((element) => element.tagName === 'main')!;
			for (const [where, shown] of [
				['title', text(tree.find((element) => element.tagName === 'title')!)],
				['h1', text(tree.find((element) => element.tagName === 'h1')!)],
			] as const)
				expect(words(shown), where).toContain(words(value));
			// Symptoms are inline text: backticks mark code spans (`<code>`), still text.
			const inline = (shown: string) => words(shown).replace(/[`\\]/g, '');
			expect(inline(text(main))).toContain(inline(`Symptom ${value}`));
		}
	);
});
