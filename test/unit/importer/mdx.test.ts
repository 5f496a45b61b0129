import { compile } from '@mdx-js/mdx';
import { describe, expect, it } from 'vitest';
import { escapeMdx } from '../../../src/lib/escape.ts';
import { serialise } from '../../../src/importer/writer.ts';
import { importText } from './helpers.ts';

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
		expect(safe).toContain(
			'Latency \\{p95\\} \\< 200ms and \\<affected_feature> or \\<div>raw\\</div>'
		);
		expect(safe).toContain('&#105;mport x from "y"');
		expect(safe).toContain('{"status": "ok", "latency": <200}');
		expect(safe).toContain('Inline `{code}` stays.');
	});

	it('compiles as MDX where the raw text would not', async () => {
		await expect(compile(hostile)).rejects.toThrow();
		const compiled = String(await compile(escapeMdx(hostile)));
		expect(compiled).toContain('Latency {p95} < 200ms and <affected_feature> or <div>raw</div>');
	});

	it('escapes every MDX file the importer writes: scenario bodies and pages', async () => {
		const { imported } = importText(
			'## Runbooks\n### Slow API Runbook\n**Symptoms:** p95 > 2s\n**Fix:** keep p95 < 200ms, see {dashboards}\n## Notes\n<!-- keep --> a <b>tag</b>\n'
		);
		const files = serialise('demo', imported);
		for (const path of ['demo/scenarios/slow-api.mdx', 'demo/pages/notes.mdx']) {
			const body = files.get(path)!.replace(/^---\n[\s\S]*?\n---\n/, '');
			await expect(compile(body), path).resolves.toBeDefined();
		}
		expect(files.get('demo/scenarios/slow-api.mdx')).toContain(
			'keep p95 \\< 200ms, see \\{dashboards\\}'
		);
	});
});
