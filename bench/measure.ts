import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pageChunks } from '../src/lib/page-scripts.ts';

/** What one build cost and produced. */
export interface BuildFigures {
	wallSeconds: number;
	/** User + system CPU time: steadier than wall time on a machine shared with other work. */
	cpuSeconds: number;
	peakRssMiB: number;
	distMiB: number;
	pages: number;
	medianHtmlGzipKiB: number;
	scenarioJsGzipKiB: number;
	pagefindMiB: number;
}

/**
 * Runs `astro build` under GNU time (Debian package `time`): wall time from here, peak RSS from
 * its "Maximum resident set size", which is the largest of the build's processes.
 */
export function timedBuild(
	args: string[],
	cwd: string,
	env: NodeJS.ProcessEnv
): Promise<{ wallSeconds: number; cpuSeconds: number; peakRssMiB: number }> {
	const started = performance.now();
	return new Promise((resolvePromise, reject) => {
		const child = spawn('/usr/bin/time', ['-v', ...args], {
			cwd,
			env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stderr = '';
		let stdout = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		child.on('error', reject);
		child.on('close', (code) => {
			const wallSeconds = (performance.now() - started) / 1000;
			if (code !== 0) {
				reject(
					new Error(
						`\`${args.join(' ')}\` exited with ${code}.\n${stdout.slice(-3000)}\n${stderr.slice(-3000)}`
					)
				);
				return;
			}
			const figure = (label: string) =>
				Number(new RegExp(`${label}: ([\\d.]+)`).exec(stderr)?.[1] ?? NaN);
			resolvePromise({
				wallSeconds,
				cpuSeconds: figure('User time \\(seconds\\)') + figure('System time \\(seconds\\)'),
				peakRssMiB: figure('Maximum resident set size \\(kbytes\\)') / 1024,
			});
		});
	});
}

/** Every file under `dir`, recursively. */
export function filesUnder(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => join(entry.parentPath, entry.name));
}

const sizeOf = (files: string[]) => files.reduce((sum, file) => sum + statSync(file).size, 0);
const gzipSize = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).length;
const MiB = 1024 * 1024;

/** Up to `count` items spread evenly over a sorted list, so large builds are sampled fairly. */
function sample<T>(items: T[], count: number): T[] {
	if (items.length <= count) return items;
	return Array.from(
		{ length: count },
		(_, i) => items[Math.floor((i * (items.length - 1)) / (count - 1))]!
	);
}

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted.length ? sorted[Math.floor(sorted.length / 2)]! : NaN;
};

/**
 * Gzipped bytes of the JavaScript a page runs up front: its inline scripts plus every chunk its
 * module scripts load statically (`pageChunks`, the walk the page-weight test uses too).
 */
export async function pageJsGzip(dist: string, htmlFile: string): Promise<number> {
	const html = readFileSync(htmlFile, 'utf8');
	let total = 0;
	for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
		const attrs = match[1]!;
		if (
			/\bsrc=|type="(application\/(ld\+)?json|speculationrules)"/.test(attrs) ||
			!match[2]!.trim()
		)
			continue;
		total += gzipSize(match[2]!);
	}
	const chunks = await pageChunks(html, async (path) => readFileSync(join(dist, path), 'utf8'));
	return total + chunks.reduce((sum, chunk) => sum + gzipSize(chunk.code), 0);
}

/** Sizes of a built site; `scenarioDir` is the folder (relative to `dist`) holding scenario pages. */
export async function distFigures(dist: string, scenarioDir: string) {
	const files = filesUnder(dist);
	const pages = files.filter((file) => file.endsWith('.html'));
	const scenarioPages = pages
		.filter(
			(file) =>
				relative(dist, file).startsWith(`${scenarioDir}/`) &&
				file.endsWith('/index.html') &&
				relative(dist, file) !== `${scenarioDir}/index.html`
		)
		.sort();
	const sampled = sample(scenarioPages, 101);
	return {
		distMiB: sizeOf(files) / MiB,
		pages: pages.length,
		medianHtmlGzipKiB: median(sampled.map((file) => gzipSize(readFileSync(file)))) / 1024,
		scenarioJsGzipKiB:
			median(await Promise.all(sample(scenarioPages, 5).map((file) => pageJsGzip(dist, file)))) /
			1024,
		pagefindMiB: sizeOf(filesUnder(join(dist, 'pagefind'))) / MiB,
		samplePage: scenarioPages[0] ? relative(dist, scenarioPages[0]) : undefined,
	};
}
