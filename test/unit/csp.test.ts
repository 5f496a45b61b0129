import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
	EMPTY_HASH,
	inlineScript,
	inlineScriptHashes,
	packageFolder,
	securePolicy,
	unionPolicy,
} from '../../src/lib/csp.ts';

const sha = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;

describe('inlineScriptHashes', () => {
	test('hashes the exact body of every is:inline script in nested components, once each, and no empty or data block', () => {
		const root = mkdtempSync(join(tmpdir(), 'csp-'));
		mkdirSync(join(root, 'nested'));
		const body = '\n\twindow.theme = localStorage.getItem("t");\n';
		writeFileSync(
			join(root, 'Theme.astro'),
			`---\n---\n<script is:inline>${body}</script>\n<script>import './bundled.ts';</script>`
		);
		writeFileSync(
			join(root, 'nested', 'Again.astro'),
			`<script aria-hidden="true" is:inline>${body}</script><script is:inline>x()</script>`
		);
		writeFileSync(join(root, 'notes.md'), '<script is:inline>ignored()</script>');
		writeFileSync(
			join(root, 'Data.astro'),
			'<script is:inline type="application/json" set:html={json} />\n<script is:inline></script>\n' +
				'<script is:inline type="application/json">{"a":1}</script><script>bundled()</script>'
		);
		expect(inlineScriptHashes([root])).toEqual([sha(body), sha('x()')].sort());
	});

	test('finds a package in the nearest node_modules up the tree', () => {
		const root = mkdtempSync(join(tmpdir(), 'csp-'));
		mkdirSync(join(root, 'node_modules', '@scope', 'pkg'), { recursive: true });
		mkdirSync(join(root, 'site', 'src'), { recursive: true });
		expect(packageFolder('@scope/pkg', join(root, 'site', 'src'))).toBe(
			join(root, 'node_modules', '@scope', 'pkg')
		);
		expect(() => packageFolder('@scope/missing', join(root, 'site'))).toThrow(
			'Cannot find the package `@scope/missing`'
		);
	});

	test('the empty-string hash is the SHA-256 of nothing, and leaves every policy', () => {
		expect(EMPTY_HASH).toBe(`'${sha('')}'`);
		expect(securePolicy(`default-src 'self';script-src 'self' ${EMPTY_HASH} 'sha256-a='`)).toBe(
			"default-src 'self'; script-src 'self' 'sha256-a='"
		);
	});

	test('joins page policies directive by directive and adds header-only directives', () => {
		expect(
			unionPolicy(
				[
					`default-src 'self';style-src 'self' 'sha256-a=' ${EMPTY_HASH}`,
					"default-src 'self';style-src 'self' 'sha256-b='",
				],
				["frame-ancestors 'none'"]
			)
		).toBe("default-src 'self'; style-src 'self' 'sha256-a=' 'sha256-b='; frame-ancestors 'none'");
	});
});

describe('inlineScript', () => {
	test('bundles an entry and what it imports into one classic script, hashed as emitted', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'inline-script-'));
		writeFileSync(
			join(dir, 'rule.ts'),
			'export const mark = (name: string): string => `x-${name}`;\n'
		);
		writeFileSync(
			join(dir, 'entry.ts'),
			"import { mark } from './rule.ts';\ndocument.documentElement.setAttribute(mark('a'), '');\n"
		);
		const { code, hash } = await inlineScript(join(dir, 'entry.ts'));
		expect(code).not.toMatch(/\bimport\b|\bexport\b|: string/);
		expect(code).toContain('x-');
		expect(hash).toBe(`sha256-${createHash('sha256').update(code).digest('base64')}`);
	});
});
