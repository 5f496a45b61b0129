import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createEntry, ScaffoldError, slugify } from '../../src/scaffold/create.ts';
import { KINDS, type Kind } from '../../src/scaffold/entries.ts';
import { validateContent } from '../../src/validation/validate.ts';

const work = mkdtempSync(join(tmpdir(), 'responder-scaffold-'));
const root = join(work, 'content');
const today = new Date('2026-01-10T00:00:00Z');

/** One entry of every kind in a new playbook `acme`; the playbook was last reviewed long ago. */
const created: Record<Kind, string> = {} as Record<Kind, string>;
beforeAll(() => {
	const make = (kind: Kind, title: string, extra: { level?: string; today?: string } = {}) => {
		created[kind] = createEntry({
			kind,
			playbook: 'acme',
			title,
			root,
			today: extra.today ?? '2026-01-05',
			level: extra.level,
		});
	};
	make('playbook', 'Acme Shop', { today: '2025-06-01' });
	make('severity', 'Critical', { level: 'SEV-1' });
	make('scenario', 'Checkout is down');
	make('template', 'Status update');
	make('escalation', 'Escalation policy');
	make('checklist', 'First five minutes');
	make('page', 'Tools and access');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run new', () => {
	test('writes each kind where its collection reads it', () => {
		expect(
			Object.fromEntries(KINDS.map((kind) => [kind, created[kind].slice(root.length + 1)]))
		).toEqual({
			playbook: 'acme/playbook.yaml',
			severity: 'acme/severities/sev-1.yaml',
			scenario: 'acme/scenarios/checkout-is-down.mdx',
			template: 'acme/templates/status-update.yaml',
			escalation: 'acme/escalation/escalation-policy.yaml',
			checklist: 'acme/checklists/first-five-minutes.yaml',
			page: 'acme/pages/tools-and-access.mdx',
		});
	});

	test('every scaffolded entry validates, with warnings only for the stubs left to fill', () => {
		const { diagnostics } = validateContent(root, { today });
		expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
		expect(new Set(diagnostics.map((d) => d.rule))).toEqual(
			new Set(['blank', 'template-unlinked', 'review-due'])
		);
		const scenario = diagnostics
			.filter((d) => d.file.endsWith('checkout-is-down.mdx'))
			.map((d) => `${d.line} ${d.field}`);
		expect(scenario).toEqual(expect.arrayContaining(['6 summary', '11 symptoms.0', '29 body']));
	});

	test('the next severity takes the next free rank', () => {
		const second = createEntry({
			kind: 'severity',
			playbook: 'acme',
			title: 'High',
			level: 'SEV-2',
			root,
			today: '2026-01-05',
		});
		try {
			expect(readFileSync(second, 'utf8')).toMatch(/^rank: 1$/m);
			expect(
				validateContent(root, { today }).diagnostics.filter((d) => d.severity === 'error')
			).toEqual([]);
		} finally {
			rmSync(second);
		}
	});

	test('refuses to overwrite an existing file and leaves it unchanged', () => {
		const before = readFileSync(created.scenario, 'utf8');
		expect(() =>
			createEntry({
				kind: 'scenario',
				playbook: 'acme',
				title: 'Checkout is down',
				root,
				today: '2026-01-05',
			})
		).toThrow(ScaffoldError);
		expect(() =>
			createEntry({
				kind: 'scenario',
				playbook: 'acme',
				title: 'Checkout is down',
				root,
				today: '2026-01-05',
			})
		).toThrow('never overwrites');
		expect(readFileSync(created.scenario, 'utf8')).toBe(before);
	});

	test('refuses entries for a playbook that does not exist, and pages that shadow a list', () => {
		expect(() =>
			createEntry({ kind: 'scenario', playbook: 'nope', title: 'X', root, today: '2026-01-05' })
		).toThrow('There is no playbook `nope`');
		expect(() =>
			createEntry({ kind: 'page', playbook: 'acme', title: 'Scenarios', root, today: '2026-01-05' })
		).toThrow('A page cannot be called `scenarios`');
		expect(existsSync(join(root, 'acme/pages/scenarios.mdx'))).toBe(false);
	});

	test('makes file names from titles', () => {
		expect(slugify('Payment Processing Failures')).toBe('payment-processing-failures');
		expect(slugify('Café — Redis 502s!')).toBe('cafe-redis-502s');
	});

	test('with no arguments it explains itself; a mistake says what is wrong', () => {
		const run = (...args: string[]) =>
			spawnSync(process.execPath, ['scripts/new.ts', ...args], {
				encoding: 'utf8',
				env: { ...process.env, RESPONDER_CONTENT: root },
			});
		const help = run();
		expect(help.status).toBe(0);
		expect(help.stdout).toContain('npm run new -- <kind> --playbook <id> --title "<title>"');
		expect(help.stdout).toMatch(/scenario\s+content\/<id>\/scenarios\/<slug>\.mdx/);
		const wrong = run('runbook', '--playbook', 'acme', '--title', 'X');
		expect(wrong.status).toBe(2);
		expect(wrong.stderr).toContain(
			'`runbook` is not a kind of entry; expected one of playbook, severity, scenario, template, escalation, checklist, page.'
		);
		const again = run('scenario', '--playbook', 'acme', '--title', 'Checkout is down');
		expect(again.status).toBe(1);
		expect(again.stderr).toContain('already exists');
	});
});
