import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importMarkdown, importSource } from '../../../src/importer/import.ts';
import { ImportError, readSource } from '../../../src/importer/read.ts';
import { tempContent } from './helpers.ts';

/** A playbook kept as a docs folder: path → text. */
function folder(files: Record<string, string | Uint8Array>): string {
	const root = tempContent();
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(dirname(join(root, path)), { recursive: true });
		writeFileSync(join(root, path), text);
	}
	return root;
}

const DEPOT = {
	'index.md': '---\nowner: Depot team\n---\n\n# Kestrel on-call\n\nHow the depots are run.\n',
	'runbooks/10-paging.md': 'Page the depot lead from the rota app.\n',
	'runbooks/2-scanner-down.md':
		'---\ntitle: "Scanner down"\ndescription: "The depot scanner stops reading labels"\nsidebar_position: 2\n---\n\n## Steps\n\n1. Restart the scanner.\n2. Check the parcel queue.\n',
	'runbooks/empty.md': '\n',
	'runbooks/zero.md': '',
	'levels.md':
		'## Severity levels\n\n| Level | Name | Respond within |\n| --- | --- | --- |\n| SEV1 | Critical | 15 minutes |\n| SEV2 | High | 1 hour |\n',
	'notes.txt': '# Not a page\n',
	'.drafts/old.md': '# Draft\n',
};

describe('a playbook kept as a folder of pages', () => {
	it('joins the Markdown files in reading order, each a page of its own', () => {
		const source = readSource(folder(DEPOT));
		// The folder's own page first, then by name with numbers counted; hidden, empty and non-Markdown files are not read.
		expect(source.files?.map((file) => file.path)).toEqual([
			'index.md',
			'levels.md',
			'runbooks/2-scanner-down.md',
			'runbooks/10-paging.md',
		]);
		const { imported } = importMarkdown(source.text, { playbook: 'kestrel' });
		expect(imported.playbook.owner).toBe('Depot team');
		expect(imported.severities.map((s) => `${s.data.level} ${s.data.name}`)).toEqual([
			'SEV1 Critical',
			'SEV2 High',
		]);
		// A page's front-matter title heads it; a page with neither gets its file's name.
		expect(imported.scenarios.map((s) => s.data.title)).toEqual(['Scanner down']);
		expect(imported.pages.map((p) => p.data.title)).toEqual(
			expect.arrayContaining(['Kestrel on-call', 'Paging'])
		);
		expect(JSON.stringify(imported)).not.toContain('sidebar_position');
		expect(JSON.stringify(imported)).not.toContain('Not a page');
	});

	it("leaves draft pages out, and takes no page's front matter for the playbook's", () => {
		const source = readSource(
			folder({
				'a-disk-full.md':
					'---\ntitle: Disk full\ndescription: The data disk fills up\nowner: Priya\n---\n\n## Steps\n\n1. Clear the cache.\n',
				'b-pod-pending.md':
					'---\ntitle: Pod pending\ndraft: true\n---\n\n## Steps\n\n1. Step 1\n2. Another step\n',
				'c-dns.md': '---\ntitle: DNS failures\n---\n\n## Steps\n\n1. Restart the resolver.\n',
			})
		);
		expect(source.files?.map((file) => file.path)).toEqual(['a-disk-full.md', 'c-dns.md']);
		const { imported, check } = importSource(source, { playbook: 'kestrel' });
		// The first runbook's description and owner are its own, not the playbook's.
		expect(imported.playbook.owner).toBeUndefined();
		expect(imported.playbook.summary).not.toContain('data disk');
		expect(JSON.stringify(imported)).not.toMatch(/Pod pending|Another step/);
		expect(JSON.stringify(imported)).toContain('The data disk fills up');
		expect(check.map((item) => item.reason)).toContainEqual(
			expect.stringContaining('`b-pod-pending.md` is marked `draft: true`')
		);
	});

	it('reports each typed entry at its own file and line, in text and JSON', () => {
		const root = folder(DEPOT);
		const run = spawnSync(
			resolve('node_modules/.bin/node'),
			['scripts/import.ts', root, '--playbook', 'kestrel', '--dry-run'],
			{ encoding: 'utf8' }
		);
		expect(run.status).toBe(0);
		expect(run.stdout).toContain('kestrel/sev1 (SEV1 Critical) ← "SEV1", levels.md line 5');
		expect(run.stdout).toContain(
			'kestrel/scanner-down (Scanner down) ← "Scanner down", runbooks/2-scanner-down.md line 1'
		);
		const json = spawnSync(
			resolve('node_modules/.bin/node'),
			['scripts/import.ts', root, '--playbook', 'kestrel', '--dry-run', '--format', 'json'],
			{ encoding: 'utf8' }
		);
		const typed = JSON.parse(json.stdout).typed;
		expect(typed.severities[1]).toMatchObject({ file: 'levels.md', line: 6 });
		expect(typed.scenarios[0]).toMatchObject({ file: 'runbooks/2-scanner-down.md', line: 1 });
	});

	it('follows links between its pages by path, whatever the words or the heading say', () => {
		const source = readSource(
			folder({
				'alerts/scanner/jammed.md':
					'# Scanner jammed\n\n## Steps\n\n1. Clear the belt.\n2. See [Restart the unit](../../shared/reboot.md#after) and [the log](./log.md).\n3. Read [the old notes](../../shared/gone.md).\n',
				'alerts/scanner/log.md': '# Reading the scanner log\n\nThe log sits on the depot PC.\n',
				'shared/reboot.md':
					'# Rebooting a depot unit\n\nHold the power key for ten seconds.\n\n## After\n\nCheck the label count.\n',
			})
		);
		const { imported, check } = importSource(source, { playbook: 'kestrel' });
		const body = imported.pages.find((page) => page.data.title === 'Scanner jammed')?.body ?? '';
		expect(body).toContain('See [Restart the unit](/kestrel/rebooting-a-depot-unit/#after)');
		expect(body).toContain('[the log](/kestrel/reading-the-scanner-log/)');
		// A path no page of the folder has keeps its words, listed.
		expect(body).toMatch(/Read the old notes\./);
		expect(check.map((item) => item.reason)).toContainEqual(
			'it pointed to `../../shared/gone.md`, a file that is not part of the import'
		);
	});

	it('refuses a whole docs tree and names a page that is not text', () => {
		const many = Object.fromEntries(
			Array.from({ length: 201 }, (_, i) => [`p${i}.md`, `# Page ${i}\n`])
		);
		expect(() => readSource(folder(many))).toThrow(/holds 201 Markdown files, more than the 200/);
		const broken = folder({ 'a.md': '# Fine\n', 'b.md': Buffer.from('# Caf\xe9\n', 'latin1') });
		expect(() => readSource(broken)).toThrow(ImportError);
		expect(() => readSource(broken)).toThrow(/b\.md` is not UTF-8 text/);
	});
});
