import { describe, expect, test } from 'vitest';
import { moduleScripts, pageChunks, staticImports } from '../../src/lib/page-scripts.ts';

const files: Record<string, string> = {
	'/_astro/a.js':
		'import{h as e}from"./shared.js";import"./side.js";const l=()=>import("./lazy.js");',
	'/_astro/b.js': 'export{x}from"./shared.js";',
	'/_astro/shared.js': 'import{t}from"./deep/leaf.js";',
	'/_astro/side.js': '',
	'/_astro/deep/leaf.js': 'export const t=1;',
};

describe('page scripts', () => {
	test('finds the module scripts of a page in order', () => {
		expect(
			moduleScripts(
				'<script type="module" src="/_astro/a.js"></script><script src="/classic.js"></script><script type="module" src="/_astro/b.js">'
			)
		).toEqual(['/_astro/a.js', '/_astro/b.js']);
	});
	test('follows static imports and exports, not dynamic import()', () => {
		expect(staticImports('/_astro/a.js', files['/_astro/a.js']!)).toEqual([
			'/_astro/shared.js',
			'/_astro/side.js',
		]);
		expect(staticImports('/_astro/b.js', files['/_astro/b.js']!)).toEqual(['/_astro/shared.js']);
	});
	test('lists each chunk once with every entry that reaches it', async () => {
		const chunks = await pageChunks(
			'<script type="module" src="/_astro/a.js"></script><script type="module" src="/_astro/b.js"></script>',
			async (path) => files[path]!
		);
		expect(Object.fromEntries(chunks.map((chunk) => [chunk.path, chunk.entries]))).toEqual({
			'/_astro/a.js': ['/_astro/a.js'],
			'/_astro/b.js': ['/_astro/b.js'],
			'/_astro/shared.js': ['/_astro/a.js', '/_astro/b.js'],
			'/_astro/side.js': ['/_astro/a.js'],
			'/_astro/deep/leaf.js': ['/_astro/a.js', '/_astro/b.js'],
		});
	});
});
