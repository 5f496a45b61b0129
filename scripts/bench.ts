/**
 * `npm run bench [-- 250 1000 2000] [--events 200] [--keep]`: builds Responder and a plain Starlight
 * site from the same synthetic scenarios at each size, and prints what each build cost and produced.
 * A tool, not a test: the targets are printed next to the figures, never asserted.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeResponderContent, writeStarlightSite } from '../bench/generate.ts';
import { measureInteractions, type InteractionFigures } from '../bench/interaction.ts';
import { distFigures, timedBuild, type BuildFigures } from '../bench/measure.ts';
import { packageFolder } from '../src/lib/csp.ts';
import { offlineManifest } from '../src/integrations/service-worker.ts';

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		events: { type: 'string', default: '200' },
		keep: { type: 'boolean', default: false },
	},
});
const sizes = (positionals.length ? positionals : ['250', '1000', '2000']).map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
	console.error(`Sizes must be whole numbers of scenarios, got \`${positionals.join(' ')}\`.`);
	process.exit(2);
}

const repo = resolve(import.meta.dirname, '..');
const node = process.execPath;
const astro = join(packageFolder('astro', repo), 'bin', 'astro.mjs');
// Both builds see the same environment; telemetry off so neither phones home.
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
// Inside the repository (git-ignored) so the Starlight site finds `node_modules` by walking up.
mkdirSync(join(repo, 'bench', 'out'), { recursive: true });
const work = mkdtempSync(join(repo, 'bench', 'out', 'run-'));

/** What the service worker stores on a responder's first visit (src/lib/offline-precache.ts). */
interface OfflineFigures {
	precacheMiB: number;
	budgetMiB: number;
	files: number;
	pagesStored: number;
	pagesWhenVisited: number;
}

interface Row {
	n: number;
	responder: BuildFigures & { offline: OfflineFigures };
	starlight: BuildFigures;
	interactions?: InteractionFigures;
}

async function buildResponder(
	n: number
): Promise<BuildFigures & { offline: OfflineFigures; samplePage?: string | undefined }> {
	const content = join(work, `responder-${n}`, 'content');
	const outDir = join(work, `responder-${n}`, 'dist');
	writeResponderContent(content, n);
	// Its own cache dir: a warm content-layer cache from another size would flatter the build.
	const run = await timedBuild(
		[node, astro, 'build', '--config', 'bench/astro.bench.mjs', '--outDir', outDir, '--silent'],
		repo,
		{
			...env,
			RESPONDER_CONTENT: content,
			RESPONDER_BENCH_CACHE: join(work, `responder-${n}`, 'cache'),
		}
	);
	// The list the build's worker got: the same workbox-build call over the same files.
	const offline = await offlineManifest(outDir);
	return {
		...run,
		...(await distFigures(outDir, 'bench/scenarios')),
		offline: {
			precacheMiB: offline.size / 2 ** 20,
			budgetMiB: offline.budget / 2 ** 20,
			files: offline.count,
			pagesStored: offline.manifestEntries.filter((entry) => entry.url.endsWith('.html')).length,
			pagesWhenVisited: offline.pagesLeftOut,
		},
	};
}

async function buildStarlight(n: number): Promise<BuildFigures> {
	const root = join(work, `starlight-${n}`);
	writeStarlightSite(root, n, join(root, 'cache'));
	const outDir = join(root, 'dist');
	const run = await timedBuild([node, astro, 'build', '--outDir', outDir, '--silent'], root, env);
	return { ...run, ...(await distFigures(outDir, 'scenarios')) };
}

const rows: Row[] = [];
for (const n of sizes) {
	console.error(`Building Responder with ${n} scenarios…`);
	const responder = await buildResponder(n);
	console.error(`Building plain Starlight with ${n} pages…`);
	const starlight = await buildStarlight(n);
	const row: Row = { n, responder, starlight };
	if (n === sizes[0]) {
		console.error(`Measuring interactions in Chromium (${values.events} events each)…`);
		row.interactions = await measureInteractions(
			join(work, `responder-${n}`, 'dist'),
			'/bench/scenarios/scenario-00000/',
			'/bench/templates/template-00/',
			Number(values.events)
		);
	}
	rows.push(row);
	// Each size's output is measured; keep the disk free for the next one.
	if (!values.keep) {
		rmSync(join(work, `responder-${n}`), { recursive: true, force: true });
		rmSync(join(work, `starlight-${n}`), { recursive: true, force: true });
	}
}
if (!values.keep) rmSync(work, { recursive: true, force: true });
else console.error(`Kept the builds in ${work}.`);

const fixed = (value: number, digits = 1) =>
	Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
const ratio = (a: number, b: number) => `${fixed(a / b, 2)}×`;
const METRICS: [keyof BuildFigures, string, number][] = [
	['wallSeconds', 'build wall time (s)', 1],
	['cpuSeconds', 'build CPU time, user + sys (s)', 1],
	['peakRssMiB', 'peak RSS (MiB)', 0],
	['distMiB', 'dist size (MiB)', 1],
	['pages', 'HTML pages', 0],
	['medianHtmlGzipKiB', 'median scenario HTML, gzip (KiB)', 1],
	['scenarioJsGzipKiB', 'JS per scenario page, gzip (KiB)', 1],
	['pagefindMiB', 'Pagefind index (MiB)', 2],
];

const lines: string[] = [];
lines.push(
	`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${fixed(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${new Date().toISOString().slice(0, 16)}Z`
);
lines.push('');
lines.push('| N | metric | Responder | Starlight | Responder / Starlight |');
lines.push('| --: | :-- | --: | --: | --: |');
for (const row of rows) {
	for (const [key, label, digits] of METRICS) {
		lines.push(
			`| ${row.n} | ${label} | ${fixed(row.responder[key], digits)} | ${fixed(row.starlight[key], digits)} | ${ratio(row.responder[key], row.starlight[key])} |`
		);
	}
}
const growth = rows.flatMap((row) => {
	const double = rows.find((other) => other.n === row.n * 2);
	return double ? [[row, double] as const] : [];
});
if (growth.length) {
	lines.push('');
	lines.push('| growth | metric | Responder | Starlight |');
	lines.push('| :-- | :-- | --: | --: |');
	for (const [a, b] of growth) {
		for (const [key, label] of METRICS.filter(
			([key]) =>
				key === 'wallSeconds' ||
				key === 'cpuSeconds' ||
				key === 'peakRssMiB' ||
				key === 'medianHtmlGzipKiB'
		)) {
			lines.push(
				`| ${a.n} → ${b.n} | ${label} | ${ratio(b.responder[key], a.responder[key])} | ${ratio(b.starlight[key], a.starlight[key])} |`
			);
		}
	}
}
lines.push('');
lines.push(
	'| N | offline copy stored on first visit (MiB) | budget (MiB) | files | pages stored | pages stored when visited |'
);
lines.push('| --: | --: | --: | --: | --: | --: |');
for (const { n, responder } of rows) {
	const offline = responder.offline;
	lines.push(
		`| ${n} | ${fixed(offline.precacheMiB)} | ${fixed(offline.budgetMiB)} | ${offline.files} | ${offline.pagesStored} | ${offline.pagesWhenVisited} |`
	);
}
const interactions = rows.find((row) => row.interactions)?.interactions;
if (interactions) {
	lines.push('');
	lines.push(`| interaction (N = ${rows[0]!.n}) | p50 (ms) | p95 (ms) |`);
	lines.push('| :-- | --: | --: |');
	const show = (label: string, figure: InteractionFigures[keyof InteractionFigures]) =>
		typeof figure === 'string'
			? `| ${label} | ${figure} | |`
			: `| ${label} (${figure.events} events) | ${fixed(figure.p50, 2)} | ${fixed(figure.p95, 2)} |`;
	lines.push(show('checkbox click → state stored', interactions.checklist));
	lines.push(show('keystroke → template preview updated', interactions.template));
}
lines.push('');
lines.push(
	'Targets (reported, not asserted): build ≤ 0.8× plain Starlight at N = 1000; growth N → 2N ≤ 2.1×;'
);
lines.push(
	"peak memory ≤ 1.5 GiB at N = 2000; page HTML size flat in N; scenario-page JS ≤ Starlight's + 5 KB gzip;"
);
lines.push('both interactions ≤ 16 ms p95.');
console.log(lines.join('\n'));
