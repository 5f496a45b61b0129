import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Diagnostic } from '../../src/validation/diagnostic.ts';
import { validateContent } from '../../src/validation/validate.ts';

const fixture = (rule: string) => `test/fixtures/validation/${rule}/content`;
const today = new Date('2026-01-10T00:00:00Z');

/** The diagnostics of one fixture as `file:line field [rule]`, short enough to read in a snapshot. */
function problems(rule: string): string[] {
	const { diagnostics } = validateContent(fixture(rule), { today });
	return diagnostics
		.map(
			(d) =>
				`${d.severity} ${d.file.replace(`${fixture(rule)}/`, '')}:${d.line ?? '-'} ${d.field} [${d.rule}]`
		)
		.sort();
}

describe('content warnings', () => {
	test('template-choice-list, template-fixed-date and template-service: literal choices, dates and another scenario’s service, unless they are fields', () => {
		expect(problems('template-truth')).toEqual([
			'warning fix/scenarios/database.mdx:5 templates.0 [template-service]',
			'warning fix/templates/incident-log.yaml:3 body [template-fixed-date]',
			'warning fix/templates/payments-outage.yaml:3 body [template-choice-list]',
			'warning fix/templates/written-date.yaml:3 body [template-fixed-date]',
		]);
		const messages = validateContent(fixture('template-truth'), { today }).diagnostics.map(
			(d) => d.message
		);
		expect(messages).toContain(
			"holds the date `4 Mar. 2024` as fixed text, so every copy carries it as if it were this incident's (expected a field for it, or the example left out)"
		);
	});

	test('blank: reports blanks left in fields and in the MDX body, not in code or task boxes', () => {
		expect(problems('blank')).toEqual([
			'warning fix/playbook.yaml:3 owner [blank]',
			'warning fix/scenarios/outage.mdx:13 body [blank]',
			'warning fix/scenarios/outage.mdx:8 body [blank]',
			'warning fix/scenarios/outage.mdx:8 body [blank]',
		]);
		const messages = validateContent(fixture('blank'), { today }).diagnostics.map((d) => d.message);
		expect(messages).toContain(
			'still has the blank `[on-call email]` (expected the real text; fill it in or remove it)'
		);
		expect(messages).toContain(
			'still has the blank `(To be filled)` (expected the real text; fill it in or remove it)'
		);
	});

	test("review-due: uses Next Review when set, else last review plus the cycle (the playbook's, unless the entry sets one)", () => {
		expect(problems('review-due')).toEqual([
			'warning fix/playbook.yaml:4 lastReviewed [review-due]',
			'warning fix/scenarios/stale.mdx:5 nextReview [review-due]',
		]);
		const [playbook] = validateContent(fixture('review-due'), { today }).diagnostics.filter((d) =>
			d.file.endsWith('playbook.yaml')
		);
		expect(playbook!.message).toBe(
			'was last reviewed on 2025-09-01; its quarterly review was due 2025-12-01 (expected a review, then `lastReviewed` set to the review date)'
		);
	});

	test('review-due: nothing is due on the due date itself', () => {
		const { diagnostics } = validateContent(fixture('review-due'), {
			today: new Date('2025-12-01T00:00:00Z'),
		});
		expect(diagnostics.map((d) => `${d.field} [${d.rule}]`)).toEqual(['nextReview [review-due]']);
	});

	test('scenario-no-symptoms: a scenario with neither `symptoms:` nor a Symptoms section', () => {
		expect(problems('scenario-no-symptoms')).toEqual([
			'warning fix/scenarios/unrecognisable.mdx:2 symptoms [scenario-no-symptoms]',
		]);
	});

	test('scenario-no-steps: ordered lists and numbered commands are steps to tick; plain lists, opted-out lists and other code are not', () => {
		expect(problems('scenario-no-steps')).toEqual([
			'warning fix/scenarios/no-steps.mdx:5 body [scenario-no-steps]',
			'warning fix/scenarios/opted-out.mdx:5 body [scenario-no-steps]',
			'warning fix/scenarios/plain-list.mdx:5 body [scenario-no-steps]',
		]);
	});

	test('scenario-no-steps: every seed scenario has a step to tick', () => {
		const { diagnostics } = validateContent('content', { today });
		expect(diagnostics.filter((d) => d.rule === 'scenario-no-steps').map((d) => d.file)).toEqual(
			[]
		);
	});

	test('template-unlinked: a template no scenario lists and no page links to', () => {
		expect(problems('template-unlinked')).toEqual([
			'warning fix/templates/orphan.yaml:1 (file) [template-unlinked]',
		]);
	});

	test('duplicate-alert: the second scenario claiming an alert name is reported', () => {
		expect(problems('duplicate-alert')).toEqual([
			'warning fix/scenarios/slow-database.mdx:4 alerts.1 [duplicate-alert]',
		]);
	});

	test('link-broken: body and field links into the playbook that no entry builds, with a suggestion', () => {
		expect(problems('link-broken')).toEqual([
			'warning fix/scenarios/outage.mdx:7 body [link-broken]',
			'warning fix/scenarios/outage.mdx:8 body [link-broken]',
			'warning fix/severities/p0.yaml:4 definition.0 [link-broken]',
		]);
		const messages = validateContent(fixture('link-broken'), { today }).diagnostics.map(
			(d) => d.message
		);
		expect(messages).toContain(
			'links to `/fix/scenarios/cahce/`, which is not a page of the site (expected a link to an existing page; did you mean `/fix/scenarios/outage/`?)'
		);
	});
});

describe('content text in the report', () => {
	test('an image path with a control sequence and a direction override reaches no terminal raw', () => {
		const content = join(mkdtempSync(join(tmpdir(), 'responder-validate-')), 'content');
		try {
			cpSync(fixture('clean'), content, { recursive: true });
			// CommonMark refuses C0 controls in a link destination; C1 controls and overrides pass.
			const src = './gone\u009b2J\u202Egnp.png';
			appendFileSync(join(content, 'fix/scenarios/outage.mdx'), `\n![Diagram](${src})\n`);
			// eslint-disable-next-line no-control-regex
			const raw = /[\0-\x08\x0B-\x1F\x7F-\x9F\u202A-\u202E]/;
			const text = validate('--content', content, '--today', '2026-01-10');
			expect(text.status).toBe(1);
			expect(text.stdout).toContain('![…](./gone\\x9B2J\\u202Egnp.png)');
			expect(text.stdout).not.toMatch(raw);
			const json = validate('--content', content, '--format', 'json', '--today', '2026-01-10');
			expect(json.stdout).not.toMatch(raw);
			const { diagnostics } = JSON.parse(json.stdout) as { diagnostics: Diagnostic[] };
			expect(diagnostics.map((d) => d.message)).toContainEqual(
				expect.stringContaining(`![…](${src})`)
			);
		} finally {
			rmSync(join(content, '..'), { recursive: true, force: true });
		}
	});
});

/** Runs `npm run validate` the way CI does, on the same Node. */
function validate(...args: string[]) {
	const run = spawnSync(process.execPath, ['scripts/validate.ts', ...args], {
		encoding: 'utf8',
		env: { ...process.env, RESPONDER_CONTENT: '' },
	});
	return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run validate', () => {
	test('warnings do not fail; --strict makes them fail', () => {
		const content = ['--content', fixture('duplicate-alert'), '--today', '2026-01-10'];
		const plain = validate(...content);
		expect(plain.status).toBe(0);
		expect(plain.stdout).toContain('0 errors, 1 warning in 1 file.');
		expect(validate(...content, '--strict').status).toBe(1);
	});

	test('content with nothing to warn about passes --strict', () => {
		expect(validateContent(fixture('clean'), { today }).diagnostics).toEqual([]);
		expect(
			validate('--content', fixture('clean'), '--today', '2026-01-10', '--strict').status
		).toBe(0);
	});

	test('--strict fails the same content once its review falls due', () => {
		const run = validate('--content', fixture('clean'), '--today', '2026-03-01', '--strict');
		expect(run.status).toBe(1);
		expect(run.stdout).toContain('[review-due]');
	});

	test('--format json prints every diagnostic with file, line, field, rule and severity, and the counts', () => {
		const run = validate(
			'--content',
			fixture('link-broken'),
			'--format',
			'json',
			'--today',
			'2026-01-10'
		);
		expect(run.status).toBe(0);
		const report = JSON.parse(run.stdout) as {
			diagnostics: Diagnostic[];
			errors: number;
			warnings: number;
		};
		expect(Object.keys(report).sort()).toEqual(['diagnostics', 'errors', 'warnings']);
		expect(report.errors).toBe(0);
		expect(report.warnings).toBe(3);
		expect(report.diagnostics[0]).toEqual({
			file: 'test/fixtures/validation/link-broken/content/fix/scenarios/outage.mdx',
			field: 'body',
			message:
				'links to `/fix/scenarios/cahce/`, which is not a page of the site (expected a link to an existing page; did you mean `/fix/scenarios/outage/`?)',
			rule: 'link-broken',
			severity: 'warning',
			line: 7,
		});
	});
});
