import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../../src/importer/read.ts';
import { importInto, SEEDS, tempContent } from './helpers.ts';

/**
 * One real build (slow): two imported seeds, one clean and one with mojibake, MDX-hostile text.
 * `--force` drops Astro's content cache, which may still list files of an earlier temp folder.
 */
describe('imported seeds build', () => {
	it('builds the site from restaurant-os and maidconnect imported into a fresh content folder', () => {
		const content = tempContent();
		for (const id of ['restaurant-os', 'maidconnect'] as const)
			importInto(decodeSource(readFileSync(SEEDS[id]), id).text, id, content);
		const dist = join(content, 'dist');
		const build = spawnSync(
			resolve('node_modules/.bin/node'),
			['node_modules/astro/bin/astro.mjs', 'build', '--force', '--outDir', dist],
			{
				encoding: 'utf8',
				env: { ...process.env, RESPONDER_CONTENT: content },
			}
		);
		expect(build.status, build.stderr + build.stdout.slice(-2000)).toBe(0);
		for (const page of [
			'restaurant-os/scenarios/complete-backend-outage',
			'restaurant-os/appendix-incident-classifications',
			'maidconnect/severities/sev-1',
			'maidconnect/source-outline',
		]) {
			expect(existsSync(join(dist, page, 'index.html')), page).toBe(true);
		}
		// Escaped MDX shows the author's text: "< 200ms", not a broken tag or a backslash.
		expect(
			readFileSync(join(dist, 'restaurant-os/appendix-incident-classifications/index.html'), 'utf8')
		).toContain('API Response Time (p95): &lt; 200ms');
	}, 300_000);
});
