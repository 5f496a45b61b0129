/**
 * Makes sure the system Chromium that the browser tests drive is there. Installs Debian's
 * `chromium` package when it is missing and this machine can (root with apt-get); otherwise
 * says in one line what to install. Never downloads a browser build of its own.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath } from '../test/e2e/chromium.ts';

const path = chromiumPath();
if (!existsSync(path)) {
	const canInstall =
		process.getuid?.() === 0 && existsSync('/usr/bin/apt-get') && !process.env.CHROMIUM_PATH;
	if (!canInstall) {
		console.error(
			`Chromium not found at ${path}: install Debian's \`chromium\` package (apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary.`
		);
		process.exit(1);
	}
	console.log("Chromium is missing; installing Debian's chromium package…");
	try {
		execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
		execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
			stdio: 'inherit',
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		});
	} catch {
		console.error(
			'Installing chromium with apt-get failed: run `apt-get install chromium` by hand, or set CHROMIUM_PATH.'
		);
		process.exit(1);
	}
}
