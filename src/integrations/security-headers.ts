import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { securePolicy, unionPolicy } from '../lib/csp.ts';

const META = /(<meta http-equiv="content-security-policy" content=")([^"]*)"/;

/**
 * After the build: takes the empty-string hash out of every page's CSP `<meta>` (see
 * `EMPTY_HASH`), and writes the site's policy into `_headers` (copied from `public/_headers`) for
 * hosts that read it (Netlify, Cloudflare Pages): as a response header the policy also covers what
 * comes before the `<meta>`, and can forbid framing (`frame-ancestors`), which a `<meta>` cannot.
 */
export default function securityHeaders(): AstroIntegration {
	return {
		name: 'responder:security-headers',
		hooks: {
			'astro:build:done': ({ dir, logger }) => {
				const root = fileURLToPath(dir);
				const policies = new Set<string>();
				for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
					if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
					const file = join(entry.parentPath, entry.name);
					const html = readFileSync(file, 'utf8');
					const match = META.exec(html);
					if (!match) continue;
					const policy = securePolicy(match[2]!);
					policies.add(policy);
					writeFileSync(
						file,
						html.replace(META, (_, open: string) => `${open}${policy}"`)
					);
				}
				if (!policies.size) return;
				const headersFile = join(root, '_headers');
				let headers = '';
				try {
					headers = readFileSync(headersFile, 'utf8');
				} catch {
					logger.warn('No `_headers` in the build (public/_headers): writing the policy alone.');
				}
				const policy = unionPolicy(policies, ["frame-ancestors 'none'"]);
				writeFileSync(
					headersFile,
					`${headers.trimEnd()}\n\n# The site's Content Security Policy, written by the build.\n/*\n  Content-Security-Policy: ${policy}\n`
				);
			},
		},
	};
}
