import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Astro's `security.csp` hashes the scripts it bundles, but not `<script is:inline>` bodies, which
 * it copies into the page verbatim. Starlight inlines a few on purpose (theme before first paint,
 * sidebar scroll restore), so their hashes are computed here from the component sources and given
 * to `scriptDirective.hashes`: a Starlight upgrade that changes them changes the hashes with it.
 */
export function inlineScriptHashes(folders: string[]): `sha256-${string}`[] {
	const hashes = new Set<`sha256-${string}`>();
	for (const folder of folders) {
		for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
			if (!entry.isFile() || !entry.name.endsWith('.astro')) continue;
			const source = readFileSync(join(entry.parentPath, entry.name), 'utf8');
			for (const match of source.matchAll(
				/<script\b[^>]*\bis:inline\b[^>]*>([\s\S]*?)<\/script>/g
			)) {
				hashes.add(`sha256-${createHash('sha256').update(match[1]!).digest('base64')}`);
			}
		}
	}
	return [...hashes].sort();
}

/** Where Node would find package `name` from folder `from`: the nearest `node_modules/<name>` up the tree. */
export function packageFolder(name: string, from: string): string {
	for (let dir = from; ; dir = dirname(dir)) {
		const candidate = join(dir, 'node_modules', name);
		if (existsSync(candidate)) return candidate;
		if (dirname(dir) === dir)
			throw new Error(`Cannot find the package \`${name}\` from \`${from}\`; run \`npm install\`.`);
	}
}
