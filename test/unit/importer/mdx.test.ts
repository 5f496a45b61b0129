import { compile } from '@mdx-js/mdx';
import { describe, expect, it } from 'vitest';
import { escapeMdx } from '../../../src/importer/mdx.ts';

describe('escapeMdx', () => {
	const hostile = [
		'Latency {p95} < 200ms and <affected_feature> or <div>raw</div>',
		'import x from "y" is text here',
		'<https://example.com> and <!-- a comment -->',
		'',
		'```json',
		'{"status": "ok", "latency": <200}',
		'```',
		'',
		'Inline `{code}` stays.',
	].join('\n');

	it('escapes braces and angle brackets outside code only', () => {
		const safe = escapeMdx(hostile);
		expect(safe).toContain('Latency \\{p95\\} \\< 200ms and \\<affected_feature> or \\<div>raw\\</div>');
		expect(safe).toContain('&#105;mport x from "y"');
		expect(safe).toContain('{"status": "ok", "latency": <200}');
		expect(safe).toContain('Inline `{code}` stays.');
	});

	it('compiles as MDX where the raw text would not', async () => {
		await expect(compile(hostile)).rejects.toThrow();
		const compiled = String(await compile(escapeMdx(hostile)));
		expect(compiled).toContain('Latency {p95} < 200ms and <affected_feature> or <div>raw</div>');
	});
});
