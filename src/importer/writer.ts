import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { stringify } from 'yaml';
import type { Diagnostic } from '../validation/diagnostic.ts';
import { validateContent } from '../validation/validate.ts';
import type { Entry, Imported } from './model.ts';
import { escapeMdx } from '../lib/escape.ts';
import { ImportError } from './read.ts';

/** Files of one playbook, paths relative to the content root (`<playbook>/severities/p0.yaml`). */
export type Files = Map<string, string>;

/**
 * YAML 1.1 rules quote strings such as `2025-11-19`, `yes` or `12:30`, which Astro's YAML reader
 * would otherwise turn into dates, booleans and numbers.
 */
const yaml = (data: unknown) => stringify(data, { lineWidth: 0, version: '1.1' });
/** Bodies are verbatim Markdown; escaping makes them compile as MDX and show the same text. */
const mdx = (data: unknown, body = '') => `---\n${yaml(data)}---\n\n${escapeMdx(body.trim())}\n`;

function ensureDir(path: string): string {
	mkdirSync(path, { recursive: true });
	return path;
}

export function serialise(playbook: string, imported: Imported): Files {
	const files: Files = new Map();
	files.set(`${playbook}/playbook.yaml`, yaml(imported.playbook));
	const put = <T>(folder: string, entries: Entry<T>[], format: 'yaml' | 'mdx') => {
		for (const entry of entries) {
			files.set(
				`${playbook}/${folder}/${entry.slug}.${format}`,
				format === 'yaml' ? yaml(entry.data) : mdx(entry.data, entry.body)
			);
		}
	};
	put('severities', imported.severities, 'yaml');
	put('scenarios', imported.scenarios, 'mdx');
	put('templates', imported.templates, 'yaml');
	put('escalation', imported.escalations, 'yaml');
	put('roles', imported.roles, 'yaml');
	put('checklists', imported.checklists, 'yaml');
	put('contacts', imported.contacts, 'yaml');
	put('pages', imported.pages, 'mdx');
	return files;
}

export interface WriteOptions {
	/** Content root (`content`). */
	out: string;
	playbook: string;
	force?: boolean;
	/** Validate in the staging folder, then throw it away: nothing reaches the content root. */
	dryRun?: boolean;
}

/**
 * Writes the files into a staging folder next to the content root, validates them there, and only
 * then moves the playbook into place, so a failure leaves nothing behind. Returns the validator's
 * warnings.
 */
export function writePlaybook(files: Files, options: WriteOptions): Diagnostic[] {
	const root = resolve(options.out);
	const target = join(root, options.playbook);
	if (existsSync(target) && !options.force && !options.dryRun) {
		throw new ImportError(
			`playbook \`${options.playbook}\` already exists in ${options.out}/; pass --force to replace it, or choose another --playbook id.`
		);
	}
	const stage = mkdtempSync(
		join(options.dryRun ? tmpdir() : ensureDir(dirname(root)), '.responder-import-')
	);
	try {
		for (const [path, content] of files) {
			mkdirSync(dirname(join(stage, path)), { recursive: true });
			writeFileSync(join(stage, path), content);
		}
		const { diagnostics } = validateContent(stage);
		const errors = diagnostics.filter((d) => d.severity === 'error');
		if (errors.length) {
			const first = errors[0]!;
			throw new ImportError(
				`the imported content does not validate (${errors.length} error(s)); first: ${first.file.replace(relative(process.cwd(), stage), options.out)}: ${first.field}: ${first.message} [${first.rule}]. Nothing was written.`
			);
		}
		if (options.dryRun) return diagnostics.filter((d) => d.severity === 'warning');
		mkdirSync(root, { recursive: true });
		const previous = existsSync(target) ? join(stage, '.previous') : undefined;
		if (previous) renameSync(target, previous);
		try {
			renameSync(join(stage, options.playbook), target);
		} catch (error) {
			if (previous) renameSync(previous, target);
			throw error;
		}
		return diagnostics.map((d) => ({
			...d,
			file: d.file.replace(relative(process.cwd(), stage), options.out),
		}));
	} finally {
		rmSync(stage, { recursive: true, force: true });
	}
}
