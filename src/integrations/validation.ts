import { resolve, sep } from 'node:path';
import type { AstroIntegration } from 'astro';
import { contentRoot } from '../config.ts';
import { formatReport, type Diagnostic } from '../validation/diagnostic.ts';
import { validateContent } from '../validation/validate.ts';

/**
 * Runs the content validator before every build and dev start, printing the same report as
 * `npm run validate`. A build with errors stops there; the dev server keeps running and checks
 * again whenever a content file changes.
 */
export default function responderValidation(): AstroIntegration {
	const check = (): Diagnostic[] => {
		try {
			return validateContent(contentRoot).diagnostics;
		} catch (error) {
			// The validator reports rather than throws; should it throw, say so in one line.
			return [
				{
					file: contentRoot,
					field: '(file)',
					message: `could not be checked: ${String((error as Error).message ?? error).split('\n')[0]}`,
					rule: 'file-unreadable',
					severity: 'error',
				},
			];
		}
	};
	return {
		name: 'responder:validation',
		hooks: {
			'astro:config:setup': ({ command, logger }) => {
				if (command !== 'build' && command !== 'dev') return;
				const diagnostics = check();
				if (diagnostics.length === 0) return;
				const report = formatReport(diagnostics);
				if (command === 'build' && diagnostics.some((d) => d.severity === 'error')) {
					console.error(
						`\n${report}\n\nThe build stopped because the content has errors. Fix them and build again (\`npm run validate\` checks without building).`
					);
					process.exit(1);
				}
				logger.warn(`\n${report}`);
			},
			'astro:server:setup': ({ server, logger }) => {
				const root = resolve(contentRoot) + sep;
				// One save often fires several events (write, rename); report once per burst.
				let pending: ReturnType<typeof setTimeout> | undefined;
				server.watcher.on('all', (_event, path) => {
					if (!resolve(path).startsWith(root)) return;
					clearTimeout(pending);
					pending = setTimeout(() => {
						const diagnostics = check();
						if (diagnostics.length) logger.warn(`\n${formatReport(diagnostics)}`);
						else logger.info('Content is valid.');
					}, 100);
				});
			},
		},
	};
}
