import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { offlineManifest, serviceWorker } from '../../src/integrations/service-worker.ts';
import { sourceDate } from '../../src/integrations/source-date.ts';

const work = mkdtempSync(join(tmpdir(), 'responder-sw-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function write(root: string, files: Record<string, string>) {
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(dirname(join(root, path)), { recursive: true });
		writeFileSync(join(root, path), text);
	}
	return root;
}

/** A built site in small: what the worker lists and stores. */
const SITE = {
	'index.html': '<h1>Responder</h1>',
	'offline/index.html': '<h1>This page is not saved for offline use</h1>',
	'404.html': '<h1>Not found</h1>',
	'servio/scenarios/db-down/index.html': '<h1>Database down</h1>',
	'_astro/page.abc123.js': 'console.log(1)',
	'pagefind/pagefind.js': 'export {}',
	'incident-data.json': '{}',
};

describe('the service worker', () => {
	const date = new Date('2026-11-30T06:00:00Z');

	test('is the same, byte for byte, for two builds of the same files', async () => {
		const first = write(join(work, 'first'), SITE);
		const second = write(join(work, 'second'), SITE);
		// Built a minute apart: nothing of the moment of the build may reach the worker.
		utimesSync(join(second, 'index.html'), new Date(), new Date(Date.now() + 60_000));
		const a = await serviceWorker(first, date);
		const b = await serviceWorker(second, date);
		expect(b.code).toBe(a.code);
		expect(a.code).toContain('servio/scenarios/db-down/index.html');
	});

	test('changes with a page, and with the date of the sources', async () => {
		const before = await serviceWorker(write(join(work, 'before'), SITE), date);
		const changed = write(join(work, 'changed'), {
			...SITE,
			'servio/scenarios/db-down/index.html': '<h1>Database down</h1><p>New step</p>',
		});
		const after = await serviceWorker(changed, date);
		expect(after.code).not.toBe(before.code);
		expect(after.manifest.fingerprint).not.toBe(before.manifest.fingerprint);
		const later = await serviceWorker(join(work, 'before'), new Date('2026-12-01T00:00:00Z'));
		expect(later.code).not.toBe(before.code);
		expect(later.code).toContain('2026-12-01T00:00:00.000Z');
	});

	test('tells builds apart by a page the budget leaves to be stored when visited', async () => {
		const budget = 1024;
		const dist = write(join(work, 'budget'), {
			...SITE,
			'servio/scenarios/big/index.html': 'x'.repeat(2 * budget),
		});
		const before = await offlineManifest(dist, budget);
		expect(before.pagesLeftOut).toBe(1);
		writeFileSync(join(dist, 'servio/scenarios/big/index.html'), 'y'.repeat(2 * budget));
		const after = await offlineManifest(dist, budget);
		expect(after.manifestEntries).toEqual(before.manifestEntries);
		expect(after.fingerprint).not.toBe(before.fingerprint);
	});
});

describe('sourceDate', () => {
	const git = (cwd: string, ...args: string[]) =>
		execFileSync('git', args, {
			cwd,
			env: {
				...process.env,
				GIT_AUTHOR_NAME: 'Test',
				GIT_AUTHOR_EMAIL: 'test@example.invalid',
				GIT_COMMITTER_NAME: 'Test',
				GIT_COMMITTER_EMAIL: 'test@example.invalid',
				GIT_AUTHOR_DATE: '2026-01-02T03:04:05Z',
				GIT_COMMITTER_DATE: '2026-01-02T03:04:05Z',
			},
			stdio: 'ignore',
		});
	const noEpoch = { ...process.env, SOURCE_DATE_EPOCH: '' };

	test('takes SOURCE_DATE_EPOCH when set, and refuses one that is not seconds', () => {
		expect(sourceDate(work, ['content'], { SOURCE_DATE_EPOCH: '1767225600' })).toEqual(
			new Date('2026-01-01T00:00:00Z')
		);
		expect(() => sourceDate(work, ['content'], { SOURCE_DATE_EPOCH: 'yesterday' })).toThrow(
			/SOURCE_DATE_EPOCH is `yesterday`; expected whole seconds/
		);
	});

	test('is the last commit for committed files, however recently they were checked out', () => {
		const repo = write(join(work, 'repo'), {
			'content/servio/a.mdx': 'A',
			'src/page.astro': 'P',
			'README.md': 'R',
		});
		git(repo, 'init', '-q');
		git(repo, 'add', '.');
		git(repo, 'commit', '-q', '-m', 'first');
		const committed = new Date('2026-01-02T03:04:05Z');
		expect(sourceDate(repo, ['content', 'src'], noEpoch)).toEqual(committed);
		// Touched (a fresh clone, a checkout) but unchanged: still the commit.
		utimesSync(join(repo, 'src/page.astro'), new Date(), new Date());
		expect(sourceDate(repo, ['content', 'src'], noEpoch)).toEqual(committed);
		// A change outside the inputs is no new version.
		writeFileSync(join(repo, 'README.md'), 'R2');
		expect(sourceDate(repo, ['content', 'src'], noEpoch)).toEqual(committed);

		// An edit not yet committed counts from when it was made, and so does a new file.
		const edited = new Date('2026-03-04T05:06:07Z');
		writeFileSync(join(repo, 'content/servio/a.mdx'), 'A2');
		utimesSync(join(repo, 'content/servio/a.mdx'), edited, edited);
		expect(sourceDate(repo, ['content', 'src'], noEpoch)).toEqual(edited);
		const added = new Date('2026-04-05T06:07:08Z');
		write(repo, { 'content/servio/b.mdx': 'B' });
		utimesSync(join(repo, 'content/servio/b.mdx'), added, added);
		expect(sourceDate(repo, ['content', 'src'], noEpoch)).toEqual(added);
	});

	test('is the newest file outside a repository', () => {
		const plain = write(join(work, 'plain'), { 'content/a.mdx': 'A', 'content/b/c.mdx': 'C' });
		const newest = new Date('2026-05-06T07:08:09Z');
		utimesSync(join(plain, 'content/a.mdx'), new Date(0), new Date('2025-01-01T00:00:00Z'));
		utimesSync(join(plain, 'content/b/c.mdx'), newest, newest);
		expect(sourceDate(plain, ['content', 'missing'], noEpoch)).toEqual(newest);
		expect(sourceDate(plain, ['missing'], noEpoch)).toBeUndefined();
	});
});
