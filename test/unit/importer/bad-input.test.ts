import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importMarkdown } from '../../../src/importer/import.ts';
import { decodeSource, ImportError, readSource } from '../../../src/importer/read.ts';
import { serialise, writePlaybook } from '../../../src/importer/writer.ts';
import { validateContent } from '../../../src/validation/validate.ts';
import { SEEDS, tempContent } from './helpers.ts';

const NODE = resolve('node_modules/.bin/node');

/** Runs the CLI as a user would; returns exit code and output. */
function cli(...args: string[]) {
	const run = spawnSync(NODE, ['scripts/import.ts', ...args], { encoding: 'utf8' });
	return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function fixture(name: string, bytes: Uint8Array | string): string {
	const path = join(tempContent(), name);
	writeFileSync(path, bytes);
	return path;
}

const expectOneLineError = (run: ReturnType<typeof cli>, pattern: RegExp) => {
	expect(run.code).toBe(1);
	expect(run.stdout).toBe('');
	const lines = run.stderr.trim().split('\n');
	expect(lines).toHaveLength(1);
	expect(lines[0]).toMatch(/^import: /);
	expect(lines[0]).toMatch(pattern);
	expect(run.stderr).not.toMatch(/\n\s+at /);
};

describe('bad input', () => {
	it('refuses an empty file, whitespace, a binary file and text that is not UTF-8', () => {
		expect(() => decodeSource(new Uint8Array(), 'a.md')).toThrow(/`a.md` is empty/);
		expect(() => decodeSource(Buffer.from(' \n\t\n'), 'a.md')).toThrow(/only whitespace/);
		expect(() =>
			decodeSource(
				Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
				'a.png'
			)
		).toThrow(/binary file/);
		expect(() => decodeSource(Buffer.from('# Caf\xe9 playbook\n', 'latin1'), 'a.md')).toThrow(
			/not UTF-8 text/
		);
		expect(() => decodeSource(Buffer.from('\ufeff# Hi', 'utf16le'), 'a.md')).toThrow(
			/UTF-16 text, not UTF-8/
		);
		expect(() => decodeSource(Buffer.from('x'), 'a.md')).not.toThrow();
	});

	it('refuses a missing path and a folder without Markdown with one-line reasons', () => {
		expect(() => readSource('/nonexistent/playbook.md')).toThrow(ImportError);
		expect(() => readSource('/nonexistent/playbook.md')).toThrow(
			'`/nonexistent/playbook.md` does not exist; check the path.'
		);
		expect(() => readSource(tempContent())).toThrow(/holds no Markdown files/);
	});

	it('imports a file with no recognisable structure as an all-verbatim playbook that validates', () => {
		const text = 'Call Ada if the site is down.\nThen call Bob {not JSX} <maybe>.\n';
		const { imported, unclassified } = importMarkdown(text, { playbook: 'notes' });
		expect(
			[imported.severities, imported.scenarios, imported.templates, imported.checklists].flat()
		).toEqual([]);
		expect(imported.pages.map((p) => p.slug)).toEqual(['overview']);
		expect(unclassified).toEqual([{ title: 'Overview', parts: [], page: 'pages/overview.mdx' }]);
		const out = tempContent();
		writePlaybook(serialise('notes', imported), { out, playbook: 'notes' });
		expect(validateContent(out).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
		expect(readFileSync(join(out, 'notes/pages/overview.mdx'), 'utf8')).toContain(
			'Then call Bob \\{not JSX\\} \\<maybe>.'
		);
	});

	it('leaves nothing behind when the output does not validate', () => {
		const out = join(tempContent(), 'content');
		const files = serialise(
			'broken',
			importMarkdown('# X\n\nText here.', { playbook: 'broken' }).imported
		);
		files.set('broken/severities/p0.yaml', 'level: not a level!\nrank: 0\nname: P0\n');
		expect(() => writePlaybook(files, { out, playbook: 'broken' })).toThrow(
			/does not validate .*Nothing was written/
		);
		expect(existsSync(join(out, 'broken'))).toBe(false);
		expect(
			readdirSync(dirname(out)).filter((name) => name.startsWith('.responder-import-'))
		).toEqual([]);
	});
});

describe('npm run import', () => {
	it('gives one line, never a stack trace, for each bad input', () => {
		expectOneLineError(cli('/nonexistent/playbook.md', '--playbook', 'x'), /does not exist/);
		expectOneLineError(cli(fixture('empty.md', ''), '--playbook', 'x'), /is empty/);
		expectOneLineError(
			cli(
				fixture('logo.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1])),
				'--playbook',
				'x'
			),
			/binary file/
		);
		expectOneLineError(
			cli(fixture('latin1.md', Buffer.from('# Caf\xe9\n', 'latin1')), '--playbook', 'x'),
			/not UTF-8/
		);
		expectOneLineError(cli(SEEDS.servio), /--playbook is required/);
		expectOneLineError(cli(SEEDS.servio, '--playbook', 'Not An Id'), /not a kebab-case id/);
		expectOneLineError(cli('--playbook', 'x'), /expected exactly one Markdown file/);
	});

	it('imports text with stray NUL bytes shown as U+FFFD, and lists each line that held one', () => {
		const filler = Array.from({ length: 400 }, (_, i) => `- Step ${i} of the long guide.`);
		const text = ['# Guide', '', 'Page the on\0-call engineer.', '', ...filler, '', '### \0', ''];
		const out = join(tempContent(), 'content');
		const run = cli(fixture('nul.md', text.join('\n')), '--playbook', 'nul', '--out', out);
		expect(run.stderr).toBe('');
		expect(run.code).toBe(0);
		expect(run.stdout).toContain(
			'line 3 "Guide" (text): left as the line with � in its place, because it held a NUL byte'
		);
		expect(run.stdout).toContain(`line ${text.length - 1} "\uFFFD" (text)`);
		expect(validateContent(out).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
		const pages = readdirSync(join(out, 'nul', 'pages')).map((name) =>
			readFileSync(join(out, 'nul', 'pages', name), 'utf8')
		);
		expect(pages.join('\n')).toContain('Page the on\uFFFD-call engineer.');
		expect(pages.join('\n')).not.toContain('\0');
	});

	it('--dry-run prints the report and the files it would write, and writes nothing', () => {
		const out = join(tempContent(), 'content');
		const run = cli(SEEDS.servio, '--playbook', 'servio', '--out', out, '--dry-run');
		expect(run.code).toBe(0);
		expect(run.stdout).toContain('scenarios          8');
		expect(run.stdout).toContain('4 damaged run(s) of UTF-8 read as Mac Roman');
		expect(run.stdout).toContain(`${out}/servio/scenarios/high-latency.mdx`);
		expect(run.stdout).toMatch(
			/Not classified \(kept word for word\):\n {2}Overview → servio\/pages\/overview\.mdx/
		);
		expect(existsSync(out)).toBe(false);
	});

	it('never overwrites an existing playbook unless --force', () => {
		const out = join(tempContent(), 'content');
		mkdirSync(join(out, 'servio'), { recursive: true });
		writeFileSync(join(out, 'servio', 'playbook.yaml'), 'name: Mine\nsummary: Hand-written.\n');
		const refused = cli(SEEDS.servio, '--playbook', 'servio', '--out', out);
		expectOneLineError(refused, /playbook `servio` already exists .*--force/);
		expect(readFileSync(join(out, 'servio', 'playbook.yaml'), 'utf8')).toBe(
			'name: Mine\nsummary: Hand-written.\n'
		);
		const preview = cli(SEEDS.servio, '--playbook', 'servio', '--out', out, '--dry-run');
		expect(preview.code).toBe(0);
		expect(preview.stdout).toContain('already exists in');
		expect(readFileSync(join(out, 'servio', 'playbook.yaml'), 'utf8')).toBe(
			'name: Mine\nsummary: Hand-written.\n'
		);
		const forced = cli(
			SEEDS.servio,
			'--playbook',
			'servio',
			'--name',
			'Servio',
			'--out',
			out,
			'--force'
		);
		expect(forced.code).toBe(0);
		expect(readFileSync(join(out, 'servio', 'playbook.yaml'), 'utf8')).toMatch(/^name: Servio\n/);
		expect(existsSync(join(out, 'servio', 'scenarios', 'cache-issues.mdx'))).toBe(true);
	});
});
