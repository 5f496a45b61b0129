import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

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
			// A self-closing tag has no body to hash, a data block (`type="application/json"`) does not
			// run, and an empty body would allow an empty injected script: none gets a hash.
			for (const match of source.matchAll(
				/<script\b([^>]*\bis:inline\b[^>]*?)(?<!\/)>([\s\S]*?)<\/script>/g
			)) {
				const type = /\btype=["']?([^"'\s>]+)/.exec(match[1]!)?.[1];
				if (type && !/^(module|text\/javascript)$/i.test(type)) continue;
				if (!match[2]!.trim()) continue;
				hashes.add(`sha256-${createHash('sha256').update(match[2]!).digest('base64')}`);
			}
		}
	}
	return [...hashes].sort();
}

/**
 * An inline script bundled from TypeScript (`entry` and what it imports), for work that must be
 * done before the first paint by the same code a module does later: the code to put in the page
 * (`<script is:inline set:html>`) and its hash for `scriptDirective.hashes`. Asynchronous on
 * purpose: esbuild's synchronous calls wait on a worker thread, and an `astro build` stopped by a
 * content error once hung in such a wait instead of exiting.
 */
export async function inlineScript(
	entry: string
): Promise<{ code: string; hash: `sha256-${string}` }> {
	const [output] = (
		await build({
			entryPoints: [entry],
			bundle: true,
			format: 'iife',
			minify: true,
			target: 'es2022',
			legalComments: 'none',
			write: false,
		})
	).outputFiles;
	const code = output!.text.trim();
	return { code, hash: `sha256-${createHash('sha256').update(code).digest('base64')}` };
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

/**
 * The SHA-256 of the empty string. Astro hashes the (empty) body of every external `<script src>`
 * and `<link rel=stylesheet>` it adds to a page and lists the result; allowed, it would let an
 * empty injected `<script>` or `<style>` pass. `securePolicy` takes it out.
 */
export const EMPTY_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

/** A policy with the empty-string hash removed from every directive. */
export const securePolicy = (policy: string): string =>
	policy
		.split(';')
		.map((directive) =>
			directive
				.split(/\s+/)
				.filter((token) => token && token !== EMPTY_HASH)
				.join(' ')
		)
		.filter(Boolean)
		.join('; ');

/**
 * One policy allowing what any of `policies` allows, directive by directive (the pages' policies
 * differ only in the hashes of their own styles and scripts), plus `extra` directives that only a
 * response header can carry (`frame-ancestors`).
 */
export function unionPolicy(policies: Iterable<string>, extra: string[] = []): string {
	const directives = new Map<string, Set<string>>();
	for (const policy of policies) {
		for (const directive of securePolicy(policy).split('; ')) {
			const [name, ...values] = directive.split(' ');
			if (!name) continue;
			const set = directives.get(name) ?? new Set<string>();
			for (const value of values) set.add(value);
			directives.set(name, set);
		}
	}
	return [...[...directives].map(([name, values]) => [name, ...values].join(' ')), ...extra].join(
		'; '
	);
}
