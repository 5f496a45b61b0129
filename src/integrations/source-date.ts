import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * When the sources a build is made from last changed: the version of the site the offline copy
 * holds. Unlike the time of the build, it stays the same when an unchanged site is built again, so
 * the service worker (which carries it) stays byte-identical and responders are not offered a "new
 * version" that has nothing new.
 *
 * `SOURCE_DATE_EPOCH` (seconds, the reproducible-builds convention) wins when set. Otherwise files
 * Git holds unchanged count as of the last commit that touched any of `inputs`, and every other
 * file under them (edited, new, or outside a repository) as of its modification time. Undefined
 * only when there is no file at all.
 */
export function sourceDate(
	root: string,
	inputs: string[],
	env: NodeJS.ProcessEnv = process.env
): Date | undefined {
	const epoch = env.SOURCE_DATE_EPOCH;
	if (epoch !== undefined && epoch !== '') {
		if (!/^\d+$/.test(epoch)) {
			throw new Error(
				`SOURCE_DATE_EPOCH is \`${epoch}\`; expected whole seconds since 1970, e.g. \`1767225600\`.`
			);
		}
		return new Date(Number(epoch) * 1000);
	}
	const paths = inputs.map((input) => resolve(root, input)).filter((path) => existsSync(path));
	const files = paths.flatMap((path) =>
		statSync(path).isDirectory()
			? readdirSync(path, { recursive: true, withFileTypes: true })
					.filter((entry) => entry.isFile())
					.map((entry) => join(entry.parentPath, entry.name))
			: [path]
	);
	const git = gitState(root, paths);
	let newest = git?.committed ?? 0;
	for (const file of files) {
		if (git?.clean.has(file)) continue;
		newest = Math.max(newest, statSync(file).mtimeMs);
	}
	// A file deleted but not committed: its folder changed when it went.
	for (const file of git?.deleted ?? []) {
		if (existsSync(dirname(file))) newest = Math.max(newest, statSync(dirname(file)).mtimeMs);
	}
	return newest > 0 ? new Date(Math.floor(newest / 1000) * 1000) : undefined;
}

/** What Git knows of `paths`, or undefined outside a repository (or without Git). */
function gitState(root: string, paths: string[]) {
	const git = (...args: string[]) =>
		execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
	let top: string;
	try {
		top = git('rev-parse', '--show-toplevel').trim();
	} catch {
		return undefined;
	}
	const inside = paths.filter((path) => !relative(top, path).startsWith('..'));
	if (!inside.length) return undefined;
	const specs = ['--', ...inside];
	const committedSeconds = Number(git('log', '-1', '--format=%ct', ...specs).trim());
	const tracked = git('ls-files', '-z', '--full-name', ...specs)
		.split('\0')
		.filter(Boolean);
	const changed = new Set<string>();
	const deleted: string[] = [];
	// `XY path`: any status but a clean one; untracked and renamed files are not in `tracked`.
	for (const line of git('status', '--porcelain=v1', '-z', '--no-renames', ...specs).split('\0')) {
		if (line.length < 4) continue;
		const path = join(top, line.slice(3));
		changed.add(path);
		if (line.slice(0, 2).includes('D')) deleted.push(path);
	}
	const clean = new Set(
		tracked.map((path) => join(top, path)).filter((path) => !changed.has(path))
	);
	return { committed: committedSeconds * 1000, clean, deleted };
}
