import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { inlineScriptHashes, packageFolder } from '../../src/lib/csp.ts';

const sha = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;

describe('inlineScriptHashes', () => {
	test('hashes the exact body of every is:inline script in nested components, once each', () => {
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
});
