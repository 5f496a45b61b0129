import { spawnSync } from 'node:child_process';
import { expect, test } from 'vitest';

test('a missing browser stops the browser tests with one line saying what to install', () => {
	const run = spawnSync(process.execPath, ['scripts/ensure-chromium.ts'], {
		encoding: 'utf8',
		env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' },
	});
	expect(run.status).toBe(1);
	expect(run.stderr.trim().split('\n')).toEqual([
		"Chromium not found at /nonexistent/chromium: install Debian's `chromium` package (apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary.",
	]);
});

test('the system Chromium passes the check', () => {
	expect(
		spawnSync(process.execPath, ['scripts/ensure-chromium.ts'], { encoding: 'utf8' }).status
	).toBe(0);
});
