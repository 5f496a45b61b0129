/**
 * `node scripts/page-js.ts [page.html …] [--dist dist]`
 * Prints the JavaScript each built page loads up front (gzip bytes per chunk), split into
 * Starlight's own share and Responder's: a chunk is Responder's when only entry scripts of our
 * own `.astro` files (under `src/`) reach it. Default page: a servio scenario.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { pageChunks } from '../src/lib/page-scripts.ts';

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: { dist: { type: 'string', default: 'dist' } },
});
const pages = positionals.length
	? positionals
	: [join(values.dist, 'servio/scenarios/database-connection-exhaustion/index.html')];

const ownComponents = readdirSync('src', { recursive: true, encoding: 'utf8' })
	.filter((file) => file.endsWith('.astro'))
	.map((file) => file.split('/').pop()!);
const isOwnEntry = (entry: string) =>
	ownComponents.some((name) => entry.split('/').pop()!.startsWith(`${name}_astro_type_script`));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;

for (const page of pages) {
	const chunks = await pageChunks(readFileSync(page, 'utf8'), async (path) =>
		readFileSync(join(values.dist, path), 'utf8')
	);
	const totals = { starlight: 0, responder: 0 };
	console.log(page);
	for (const chunk of chunks) {
		const owner = chunk.entries.every(isOwnEntry) ? 'responder' : 'starlight';
		const size = gzipSync(chunk.code).length;
		totals[owner] += size;
		console.log(`  ${kb(size).padStart(9)}  ${owner.padEnd(9)}  ${chunk.path}`);
	}
	console.log(`  Starlight ${kb(totals.starlight)}, Responder ${kb(totals.responder)} (gzip)`);
}
