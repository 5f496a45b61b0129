import { spawn, spawnSync } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createEntry } from '../../src/scaffold/create.ts';
import { KINDS, type Kind } from '../../src/scaffold/entries.ts';
import { BAD_CASES } from './validation/bad-cases.ts';

/**
 * The real Astro build and dev server on content written by `npm run new`. One file, so the two
 * never run at once in the same project cache.
 */
const work = mkdtempSync(join(tmpdir(), 'responder-site-'));
const root = join(work, 'content');
const astro = (...args: string[]) => [join('node_modules', 'astro', 'bin', 'astro.mjs'), ...args];
/** A 1×1 PNG of the `images` bad-content fixture. */
const imageFixture = 'test/fixtures/validation/bad-content/images/content/fx/scenarios/lb.png';
/**
 * The environment without Vitest's variables: with them set, `astro dev` never answers. Every run
 * passes `--force`: Astro's content cache keys entries by id and content digest, so it would
 * reuse file paths from another content folder holding the same files.
 */
const env = Object.fromEntries(
	Object.entries(process.env).filter(
		([key]) => !key.startsWith('VITEST') && key !== 'NODE_ENV' && key !== 'TEST'
	)
);

/** One entry of every kind in a new playbook `acme`, last reviewed long ago; the scenario recently. */
const titles: Record<Kind, string> = {
	playbook: 'Acme Shop',
	severity: 'Critical',
	scenario: 'Checkout is down',
	template: 'Status update',
	escalation: 'Escalation policy',
	checklist: 'First five minutes',
	page: 'Tools and access',
};
beforeAll(() => {
	for (const kind of KINDS) {
		createEntry({
			kind,
			playbook: 'acme',
			title: titles[kind],
			root,
			level: kind === 'severity' ? 'SEV-1' : undefined,
			today: kind === 'playbook' ? '2025-06-01' : '2026-01-05',
		});
	}
	// An image in a folder beside the scenario, as an author adds one.
	const scenario = join(root, 'acme/scenarios/checkout-is-down.mdx');
	cpSync(imageFixture, join(root, 'acme/scenarios/img/checkout-flow.png'));
	writeFileSync(
		scenario,
		`${readFileSync(scenario, 'utf8')}\n\n## Flow\n\n![Checkout flow](img/checkout-flow.png)\n`
	);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the site built from scaffolded content', { timeout: 600_000 }, () => {
	const out = join(work, 'dist');
	let build: ReturnType<typeof spawnSync>;
	const html = (path: string) => readFileSync(join(out, path, 'index.html'), 'utf8');
	beforeAll(() => {
		build = spawnSync(process.execPath, astro('build', '--force', '--outDir', out), {
			encoding: 'utf8',
			env: {
				...env,
				RESPONDER_CONTENT: root,
				RESPONDER_TODAY: '2026-01-10',
				RESPONDER_EDIT_BASE: 'https://git.example.com/team/runbooks/edit/main/',
			},
		});
	}, 600_000);

	test('builds a page for every scaffolded kind', () => {
		expect(build.status, String(build.stderr)).toBe(0);
		for (const page of [
			'acme',
			'acme/severities/sev-1',
			'acme/scenarios/checkout-is-down',
			'acme/templates/status-update',
			'acme/escalation',
			'acme/checklists/first-five-minutes',
			'acme/tools-and-access',
		]) {
			expect(existsSync(join(out, page, 'index.html')), page).toBe(true);
		}
	});

	test('an image beside a scenario is built into the page', () => {
		const image = /<img src="(\/_astro\/[^"]+)"[^>]* alt="Checkout flow"/.exec(
			html('acme/scenarios/checkout-is-down')
		)?.[1];
		expect(image).toBeDefined();
		expect(existsSync(join(out, image!))).toBe(true);
	});

	test('a page inheriting an old review date shows owner, last review and an overdue badge, without JavaScript', () => {
		const page = html('acme/tools-and-access');
		const review = /<p class="rb-review[^"]*">([\s\S]*?)<\/p>/.exec(page)?.[1] ?? '';
		const text = review.replace(/<[^>]+>/g, '');
		expect(text).toContain('Owner: [Owning team]');
		expect(text).toContain('Last reviewed: 2025-06-01');
		expect(text).toContain('Review overdue since 2025-07-01');
	});

	test('a scenario reviewed recently shows its own date and no badge', () => {
		const text = (
			/<p class="rb-review[^"]*">([\s\S]*?)<\/p>/.exec(
				html('acme/scenarios/checkout-is-down')
			)?.[1] ?? ''
		).replace(/<[^>]+>/g, '');
		expect(text).toContain('Last reviewed: 2026-01-05');
		expect(text).not.toContain('overdue');
	});

	test('pages of content outside the repository get no "Edit page" link rather than a wrong one', () => {
		const page = html('acme/scenarios/checkout-is-down');
		expect(page).not.toContain('git.example.com');
		expect(page).not.toContain('Edit page');
	});

	test('/review.json lists every entry with owner, last review, next due date and overdue flag', () => {
		const review = JSON.parse(readFileSync(join(out, 'review.json'), 'utf8')) as {
			today: string;
			entries: Record<string, unknown>[];
		};
		expect(review.today).toBe('2026-01-10');
		expect(review.entries).toHaveLength(7);
		const byId = new Map(review.entries.map((entry) => [entry.id, entry]));
		expect(byId.get('acme')).toEqual({
			collection: 'playbooks',
			id: 'acme',
			title: 'Acme Shop',
			url: '/acme/',
			file: expect.stringMatching(/acme\/playbook\.yaml$/),
			owner: '[Owning team]',
			lastReviewed: '2025-06-01',
			reviewCycle: 'monthly',
			nextDue: '2025-07-01',
			overdue: true,
			inherited: false,
		});
		expect(byId.get('acme/checkout-is-down')).toMatchObject({
			collection: 'scenarios',
			lastReviewed: '2026-01-05',
			nextDue: '2026-02-05',
			overdue: false,
			inherited: false,
		});
		expect(byId.get('acme/status-update')).toMatchObject({
			collection: 'templates',
			url: '/acme/templates/status-update/',
			overdue: true,
			inherited: true,
		});
	});
});

describe('npm run dev on broken content', { timeout: 180_000 }, () => {
	// Another helper's server may hold RESPONDER_TEST_PORT; the dev server takes the port 1000 above it.
	const port = Number(process.env.RESPONDER_TEST_PORT ?? 4329) + 1000;
	const devRoot = join(work, 'dev-content');
	const severity = join(devRoot, 'acme/severities/sev-1.yaml');
	let output = '';
	let server: ReturnType<typeof spawn> | undefined;

	/** Waits until `check` holds, polling; fails with the server output so far. */
	async function until(what: string, check: () => boolean | Promise<boolean>, seconds = 90) {
		for (let i = 0; i < seconds * 4; i++) {
			if (await check()) return;
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		throw new Error(`Timed out waiting for ${what}. Dev server output:\n${output}`);
	}
	const status = (path: string) =>
		fetch(`http://localhost:${port}${path}`).then(
			(response) => response.status,
			() => 0
		);

	beforeAll(() => {
		cpSync(root, devRoot, { recursive: true });
		writeFileSync(severity, readFileSync(severity, 'utf8').replace(/^rank: 0$/m, 'rank: first'));
		server = spawn(
			process.execPath,
			astro('dev', '--force', '--port', String(port), '--strictPort'),
			{
				env: { ...env, RESPONDER_CONTENT: devRoot, FORCE_COLOR: '0' },
				detached: true,
			}
		);
		server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
		server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	});
	afterAll(() => {
		if (server?.pid) process.kill(-server.pid, 'SIGTERM');
	});

	test('prints the error in the validator format and keeps serving the rest of the site', async () => {
		await until('the server to answer', async () => (await status('/acme/')) === 200);
		expect(output).toMatch(
			/✗ \S*sev-1\.yaml:\d+: rank: has the wrong type \(expected number, got string `first`\) \[schema\]/
		);
		expect(output).toContain('1 error, ');
		expect(await status('/acme/scenarios/checkout-is-down/')).toBe(200);
	});

	test('picks the file up again once it is fixed', async () => {
		expect(await status('/acme/severities/sev-1/')).toBe(404);
		writeFileSync(severity, readFileSync(severity, 'utf8').replace(/^rank: first$/m, 'rank: 0'));
		await until(
			'the fixed severity page',
			async () => (await status('/acme/severities/sev-1/')) === 200
		);
		writeFileSync(severity, 'level: [broken\n');
		await until('the YAML error in the terminal', () =>
			/✗ \S*sev-1\.yaml(:\d+)?: \(file\): is not valid YAML: .* \[parse\]/.test(output)
		);
		// Broken after it was served: left out, not served from its last good version.
		await until(
			'the broken severity page to be left out',
			async () => (await status('/acme/severities/sev-1/')) === 404
		);
		expect(await status('/acme/')).toBe(200);
	});

	test(
		'keeps running through every bad-content case, reporting each in the validator format',
		{ timeout: 900_000 },
		async () => {
			const fixtures = 'test/fixtures/validation/bad-content';
			const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
			for (const name of new Set(BAD_CASES.map((c) => c.name))) {
				// The case's content (playbook `fx`) joins the running site; files beside its `content/`
				// folder (symlink targets) land beside the dev content folder.
				const from = join(fixtures, name);
				const copied = readdirSync(join(from, 'content')).map((child) => join(devRoot, child));
				const beside = readdirSync(from)
					.filter((child) => child !== 'content')
					.map((child) => join(work, child));
				const start = output.length;
				for (const child of readdirSync(from).filter((child) => child !== 'content'))
					cpSync(join(from, child), join(work, child), { recursive: true });
				cpSync(join(from, 'content'), devRoot, { recursive: true, verbatimSymlinks: true });
				for (const c of BAD_CASES.filter((c) => c.name === name)) {
					const line = new RegExp(
						`✗ \\S*${escape(c.file)}(:\\d+)?: ${escape(c.field)}: .* \\[${c.rule}\\]`
					);
					await until(`${name}: ${c.file} ${c.field} [${c.rule}]`, () =>
						line.test(output.slice(start))
					);
				}
				expect(await status('/acme/'), name).toBe(200);
				expect(output.slice(start), name).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
				if (name.startsWith('symlink-outside')) {
					expect(
						await (await fetch(`http://localhost:${port}/incident-data.json`)).text()
					).not.toContain('SECRET-OUTSIDE-CONTENT');
					expect(await status('/fx/scenarios/leak/')).toBe(404);
					expect(await status('/fx/leak/')).toBe(404);
				}
				if (name === 'images') {
					// Left out like any broken file, not served to fail on an import of a missing image. The
					// report can come a moment before the dev server drops the page's route (a request then
					// gets Astro's NoMatchingStaticPathFound once), so this waits for the state.
					await until(
						'the page with broken images to be left out',
						async () => (await status('/fx/scenarios/outage/')) === 404
					);
					expect(output.slice(start)).not.toMatch(/Could not resolve|SECRET-OUTSIDE-CONTENT/);
				}
				// Wait for the report without the case before the next one: a folder deleted and made
				// again at once can slip past the file watcher.
				const removed = output.length;
				for (const path of [...copied, ...beside]) rmSync(path, { recursive: true, force: true });
				await until(`${name} to leave the report`, () => {
					const after = output.slice(removed);
					const last = after.slice(after.lastIndexOf('[responder:validation]'));
					return (
						after.includes('[responder:validation]') &&
						/ in \d+ files?\.|Content is valid/.test(last) &&
						!last.includes('dev-content/fx/')
					);
				});
			}
			expect(await status('/acme/scenarios/checkout-is-down/')).toBe(200);
		}
	);

	test(
		'keeps running with a playbook folder whose name cannot be an address',
		{ timeout: 300_000 },
		async () => {
			// Made at test time, as in bad-content.test.ts: a `"<>` name cannot be checked out everywhere.
			const folder = join(devRoot, 'f"<>x');
			const start = output.length;
			cpSync('test/fixtures/validation/bad-content/date-impossible/content/fx', folder, {
				recursive: true,
			});
			await until('f"<>x/playbook.yaml (file) [file-name]', () =>
				/✗ \S*f"<>x\/playbook\.yaml(:\d+)?: \(file\): .* \[file-name\]/.test(output.slice(start))
			);
			expect(await status('/acme/')).toBe(200);
			expect(output.slice(start)).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
			rmSync(folder, { recursive: true, force: true });
		}
	);
});
