import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatReport } from '../../src/validation/diagnostic.ts';
import {
	alertCoverage,
	checkAlertRules,
	parseAlertRules,
} from '../../src/validation/alert-coverage.ts';
import { validateContent } from '../../src/validation/validate.ts';

const RULES = `groups:
  - name: database
    rules:
      - alert: DatabaseConnectionExhaustion
        expr: pg_stat_activity_count / pg_settings_max_connections > 0.9
        annotations:
          runbook_url: https://runbooks.example/alerts/DatabaseConnectionExhaustion/
      - record: job:http_errors:rate5m
        expr: sum(rate(http_requests_total{code=~"5.."}[5m]))
  - name: latency
    rules:
      - alert: HighLatencyP95
        expr: histogram_quantile(0.95, rate(http_duration_seconds_bucket[5m])) > 1
      - alert: DiskAlmostFull
        expr: node_filesystem_avail_bytes / node_filesystem_size_bytes < 0.1
`;

/** A one-playbook content folder whose scenarios claim the given alert names. */
function contentWith(scenarios: Record<string, string[]>): string {
	const root = mkdtempSync(join(tmpdir(), 'alert-coverage-'));
	mkdirSync(join(root, 'shop/scenarios'), { recursive: true });
	writeFileSync(join(root, 'shop/playbook.yaml'), 'name: Shop\nsummary: Test playbook.\n');
	for (const [slug, alerts] of Object.entries(scenarios)) {
		writeFileSync(
			join(root, `shop/scenarios/${slug}.mdx`),
			`---\ntitle: ${slug}\nalerts: [${alerts.join(', ')}]\nsymptoms: [Pages fail]\n---\n\n1. Restart it.\n`
		);
	}
	return root;
}

describe('parseAlertRules', () => {
	test('reads alerting rules with their place and skips recording rules', () => {
		const { alerts, diagnostics } = parseAlertRules(RULES, 'rules.yaml');
		expect(diagnostics).toEqual([]);
		expect(alerts).toEqual([
			{ name: 'DatabaseConnectionExhaustion', field: 'groups.0.rules.0.alert', line: 4 },
			{ name: 'HighLatencyP95', field: 'groups.1.rules.0.alert', line: 12 },
			{ name: 'DiskAlmostFull', field: 'groups.1.rules.1.alert', line: 14 },
		]);
	});

	test('reads a Kubernetes PrometheusRule, whose groups sit under spec', () => {
		const text = `apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nspec:\n${RULES.replace(/^/gm, '  ')}`;
		expect(
			parseAlertRules(text, 'rule.yaml').alerts.map((alert) => [alert.name, alert.field])
		).toEqual([
			['DatabaseConnectionExhaustion', 'spec.groups.0.rules.0.alert'],
			['HighLatencyP95', 'spec.groups.1.rules.0.alert'],
			['DiskAlmostFull', 'spec.groups.1.rules.1.alert'],
		]);
	});

	test('says what it expected when the file is not a rules file', () => {
		expect(parseAlertRules('alerts: []\n', 'rules.yaml').diagnostics.map((d) => d.message))
			.toMatchInlineSnapshot(`
			[
			  "has no \`groups\` list (expected \`groups: [{ name, rules: [{ alert, expr }] }]\`)",
			]
		`);
		expect(parseAlertRules('groups: [\n', 'rules.yaml').diagnostics[0]).toMatchObject({
			rule: 'alert-rules',
			severity: 'error',
		});
	});
});

describe('alertCoverage', () => {
	test('warns about rule alerts without a runbook and runbook alerts without a rule', () => {
		const root = contentWith({
			'database-down': ['DatabaseConnectionExhaustion'],
			'slow-pages': ['HighLatencyP59', 'CacheMissStorm'],
		});
		const { entries, diagnostics } = validateContent(root);
		expect(diagnostics).toEqual([]);
		const { alerts } = parseAlertRules(RULES, 'rules.yaml');
		// Content files print relative to the working directory; pin them relative to the fixture instead.
		const report = alertCoverage(alerts, 'rules.yaml', entries).map((d) =>
			d.file === 'rules.yaml' ? d : { ...d, file: relative(root, resolve(d.file)) }
		);
		expect(report.every((d) => d.severity === 'warning')).toBe(true);
		expect(formatReport(report)).toMatchInlineSnapshot(`
			"rules.yaml
			  ! rules.yaml:12: groups.1.rules.0.alert: \`HighLatencyP95\` has no runbook: no scenario lists it (expected a scenario with \`alerts: [HighLatencyP95]\`); did a scenario misspell it as \`HighLatencyP59\`? [alert-no-runbook]
			  ! rules.yaml:14: groups.1.rules.1.alert: \`DiskAlmostFull\` has no runbook: no scenario lists it (expected a scenario with \`alerts: [DiskAlmostFull]\`) [alert-no-runbook]

			shop/scenarios/slow-pages.mdx
			  ! shop/scenarios/slow-pages.mdx:3: alerts.0: \`HighLatencyP59\` is not an alert in rules.yaml (expected the \`alert:\` name of one of its rules); did you mean \`HighLatencyP95\`? [alert-undefined]
			  ! shop/scenarios/slow-pages.mdx:3: alerts.1: \`CacheMissStorm\` is not an alert in rules.yaml (expected the \`alert:\` name of one of its rules) [alert-undefined]

			0 errors, 4 warnings in 2 files."
		`);
	});

	test('reports nothing when rules and runbooks agree', () => {
		const root = contentWith({
			a: ['DatabaseConnectionExhaustion'],
			b: ['HighLatencyP95', 'DiskAlmostFull'],
		});
		const rules = join(root, 'rules.yaml');
		writeFileSync(rules, RULES);
		expect(checkAlertRules(rules, validateContent(root).entries)).toEqual([]);
	});

	test('an unreadable rules file is one error', () => {
		const [diagnostic, ...rest] = checkAlertRules(join(tmpdir(), 'no-such-rules-file.yaml'), []);
		expect(rest).toEqual([]);
		expect(diagnostic).toMatchObject({ rule: 'alert-rules', severity: 'error', field: '(file)' });
		expect(diagnostic!.message).toContain('ENOENT');
	});
});
