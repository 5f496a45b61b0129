import { expect, test } from '@playwright/test';
import { RunbooksIndexSchema } from '../../src/schemas/runbooks-index.ts';

test('/runbooks.json matches its documented schema and links to pages that exist', async ({
	request,
}) => {
	const response = await request.get('/runbooks.json');
	expect(response.headers()['content-type']).toContain('application/json');
	const index = RunbooksIndexSchema().parse(await response.json());
	expect(index.playbooks.map((p) => p.id)).toContain('servio');
	const scenario = index.scenarios.find((s) => s.id === 'servio/database-connection-exhaustion');
	expect(scenario).toMatchObject({
		playbook: 'servio',
		severity: 'servio/p0',
		alerts: ['DatabaseConnectionExhaustion'],
		url: '/servio/scenarios/database-connection-exhaustion/',
	});
	expect(scenario!.symptoms.length).toBeGreaterThan(0);
	expect(index.severities.find((s) => s.id === 'servio/p0')?.targets.response).toMatchObject({
		kind: 'span',
		minutes: 15,
	});
	expect(index.templates.every((t) => Array.isArray(t.fields))).toBe(true);
	// Every alert a scenario lists has its link, and the link is served.
	const listed = new Set(index.scenarios.flatMap((s) => s.alerts));
	expect(new Set(index.alerts.map((a) => a.name))).toEqual(listed);
	const urls = [
		...index.playbooks.flatMap((p) => [p.url, p.finderUrl]),
		...index.scenarios.map((s) => s.url),
		...index.severities.map((s) => s.url),
		...index.templates.map((t) => t.url),
		...index.alerts.map((a) => a.url),
	];
	for (const url of urls) expect((await request.get(url)).status(), url).toBe(200);
});
