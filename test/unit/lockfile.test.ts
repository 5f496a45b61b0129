import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

interface LockPackage {
	version?: string;
	dependencies?: Record<string, string>;
	devDependencies?: Record<string, string>;
	optionalDependencies?: Record<string, string>;
}

const read = (file: string) =>
	JSON.parse(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'));
const manifest = read('package.json');
const lock: { packages: Record<string, LockPackage> } = read('package-lock.json');

test('the lockfile records the dependencies package.json asks for', () => {
	const root = lock.packages[''];
	expect(root?.dependencies ?? {}).toEqual(manifest.dependencies ?? {});
	expect(root?.devDependencies ?? {}).toEqual(manifest.devDependencies ?? {});
});

// `npm ci` on another platform (macOS, arm64 CI) fails when a lockfile written on this one left
// out the optional binaries it does not use: every optional dependency must have its own entry.
test('the lockfile holds every platform’s optional packages, so npm ci works on any machine', () => {
	const missing: string[] = [];
	for (const [path, entry] of Object.entries(lock.packages)) {
		for (const name of Object.keys(entry.optionalDependencies ?? {})) {
			const nested = `${path}/node_modules/${name}`;
			if (!lock.packages[nested] && !lock.packages[`node_modules/${name}`]) missing.push(name);
		}
	}
	expect(missing).toEqual([]);
});
