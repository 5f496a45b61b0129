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
			// spawnSync blocks Vitest's own timeout: a build that never exits must still fail.
			timeout: 110_000,
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

/** Bad content that once crashed the build with a stack trace and no file named (issue 16). */
test.each([
	[
		'date-impossible',
		/fx\/playbook\.yaml:3: lastReviewed: `2025-13-45` is not a real date.*\[date\]/,
	],
	['yaml-alias-bomb', /fx\/severities\/p1\.yaml:1: \(file\): .*alias bomb.*\[parse\]/],
	[
		'symlink-outside-file',
		/fx\/scenarios\/leak\.mdx: \(file\): .*outside the content folder.*\[symlink\]/,
	],
	[
		'mdx-component',
		/fx\/scenarios\/outage\.mdx:10: body: uses the component `<Callout>`.*\[mdx-component\]/,
	],
	[
		// Every image at once, not the bundler's first unresolved import; the file outside is not read.
		'images',
		/outage\.mdx:10: body: shows the image `!\[…\]\(\.\/arch\.png\)`, which does not exist.*\[image\][\s\S]*outage\.mdx:16: body: .*outside the content folder.*\[image\][\s\S]*6 errors, 0 warnings in 1 file\./,
	],
	[
		// Every unsafe address at once, each named with its line.
		'unsafe-urls',
		/outage\.mdx:10: body: links to `javascript:alert\(3\)`.*\[link-scheme\][\s\S]*outage\.mdx:26: body: has `<iframe src>` loading `https:\/\/evil\.example\/frame`.*\[remote-resource\][\s\S]*12 errors, 0 warnings in 1 file\./,
	],
])('the build reports %s in the validator format and stops', { timeout: 120_000 }, (name, line) => {
	const build = spawnSync(
		process.execPath,
		['node_modules/astro/bin/astro.mjs', 'build', '--outDir', `/tmp/responder-bad-${name}`],
		{
			encoding: 'utf8',
			timeout: 110_000,
			env: {
				...process.env,
				RESPONDER_CONTENT: `test/fixtures/validation/bad-content/${name}/content`,
			},
		}
	);
	const output = build.stdout + build.stderr;
	expect(build.status).not.toBe(0);
	expect(output).toMatch(line);
	expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
	expect(output).not.toContain('SECRET-OUTSIDE-CONTENT');
});
