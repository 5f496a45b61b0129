import { spawnSync } from 'node:child_process';
import { expect, test } from 'vitest';

test('the build stops on content errors with the validator report and no stack trace', () => {
	const content = 'test/fixtures/validation/reference/content';
	const build = spawnSync(
		process.execPath,
		['node_modules/astro/bin/astro.mjs', 'build', '--outDir', '/tmp/responder-broken-build'],
		{
			encoding: 'utf8',
			env: { ...process.env, RESPONDER_CONTENT: content },
		}
	);
	const output = build.stdout + build.stderr;
	expect(build.status).not.toBe(0);
	expect(output).toMatch(
		/reference\/content\/fx\/scenarios\/outage\.mdx:\d+: severity: points to `fx\/p0`.*\[reference\]/
	);
	expect(output).toContain('1 error, 0 warnings in 1 file.');
	expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
});
