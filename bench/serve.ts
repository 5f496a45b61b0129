import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.woff2': 'font/woff2',
	'.wasm': 'application/wasm',
};

/**
 * Serves a built `dist` folder the way a static host would, on `port` (a free one by default).
 * `root` may be a function, read on every request, so a test can swap in another build.
 */
export function serveStatic(
	root: string | (() => string),
	port = 0
): Promise<{ url: string; server: Server }> {
	const server = createServer((request, response) => {
		const dir = typeof root === 'string' ? root : root();
		const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
		let file = join(dir, path);
		if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
		if (!file.startsWith(dir) || !existsSync(file)) {
			response.writeHead(404).end('Not found');
			return;
		}
		response.writeHead(200, {
			'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
			// As the README asks of hosts: the worker is checked for a new build on every visit.
			...(path === '/sw.js' ? { 'cache-control': 'no-cache' } : {}),
		});
		createReadStream(file).pipe(response);
	});
	return new Promise((resolve) => {
		server.listen(port, '127.0.0.1', () => {
			const address = server.address();
			const listening = typeof address === 'object' && address ? address.port : 0;
			resolve({ url: `http://127.0.0.1:${listening}`, server });
		});
	});
}
