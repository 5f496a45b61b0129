import { describe, expect, it } from 'vitest';
import {
	alertHeading,
	alertNames,
	alertOfHeading,
	isRunbookStep,
	relevel,
	scenarioTitle,
} from '../../../src/importer/scenarios.ts';
import { importText } from './helpers.ts';

const scenarios = (markdown: string) => importText(markdown).imported.scenarios;

describe('scenario recogniser', () => {
	it('reads a "When transfers are stuck" heading with Signals, alerts in backticks and a body', () => {
		const [stuck, ...rest] = scenarios(`# Ledger runbook

## When transfers are stuck

**Signals:**
- \`TransferQueueBacklog\` alert fires
- Customers report pending payouts

**Common Causes:**
- Bank API timeout

### Triage

Check the queue depth.

### Mitigation

1. Pause new transfers
`);
		expect(rest).toEqual([]);
		expect(stuck!.slug).toBe('when-transfers-are-stuck');
		expect(stuck!.data).toMatchObject({
			title: 'When transfers are stuck',
			symptoms: ['`TransferQueueBacklog` alert fires', 'Customers report pending payouts'],
			alerts: ['TransferQueueBacklog'],
			causes: ['Bank API timeout'],
		});
		expect(stuck!.body).toBe(
			'## Triage\n\nCheck the queue depth.\n\n## Mitigation\n\n1. Pause new transfers'
		);
	});

	it('reads "Database Down Runbook" headings under Runbooks and strips numbering', () => {
		const found = scenarios(`## Runbooks
### Database Down Runbook
**Symptoms:** Health check shows database down
**Fix:**
\`\`\`bash
restart
\`\`\`
### Scenario 2: Cache Storm
**Diagnosis:** Look at hit rate
`);
		expect(found.map((s) => [s.slug, s.data.title, s.data.symptoms])).toEqual([
			['database-down', 'Database Down', ['Health check shows database down']],
			['cache-storm', 'Cache Storm', undefined],
		]);
		expect(found[0]!.body).toContain('## Fix\n\n```bash\nrestart\n```');
		expect(found[1]!.body).toBe('## Diagnosis\n\nLook at hit rate');
	});

	it("links the playbook's one ladder only when it is the whole playbook's or the runbook escalates", () => {
		const runbooks = `## Runbooks

### Kiln Too Hot

1. Open the vents.
2. Page the kiln lead.

### Glaze Runs

1. Stop the firing.
2. Escalate if the shelves are coated.
`;
		const ladder = (title: string) =>
			importText(`${runbooks}
## ${title}

Primary on-call → Kiln lead → Studio manager
`).imported;
		const general = ladder('Escalation Policy');
		expect(general.escalations.map((e) => e.data.title)).toEqual(['Escalation Policy']);
		expect(general.scenarios.map((s) => s.data.escalation)).toEqual([
			'demo/escalation-policy',
			'demo/escalation-policy',
		]);
		// A ladder for one kind of alert is not every runbook's: only the one that says to escalate.
		const narrow = ladder('Escalating critical kiln alerts');
		expect(narrow.escalations).toHaveLength(1);
		expect(narrow.scenarios.map((s) => [s.data.title, s.data.escalation])).toEqual([
			['Kiln Too Hot', undefined],
			['Glaze Runs', `demo/${narrow.escalations[0]!.slug}`],
		]);
	});

	it('inherits the severity of a "Critical Incidents (P0)" group', () => {
		const found = scenarios(`## Severity
### P0 - Critical
**Definition:** Down
## Critical Incidents (P0)
### 1. Database Connection Exhaustion
**Symptoms:**
- \`DatabaseConnectionExhaustion\` alert triggered
`);
		expect(found[0]!.data).toMatchObject({
			title: 'Database Connection Exhaustion',
			severity: 'demo/p0',
			alerts: ['DatabaseConnectionExhaustion'],
		});
	});

	it('leaves "When to write a post-mortem" and the document title alone', () => {
		expect(
			scenarios(
				'# Incident Response Playbook\n## When to Write a Post-Mortem\n- Always\n## Process\nText\n'
			)
		).toEqual([]);
		expect(scenarioTitle('🔴 Complete Outage')).toBe('Complete Outage');
		expect(relevel('#### Deep\n\n##### Deeper', 4)).toBe('## Deep\n\n### Deeper');
	});

	it('reads `Alert: Name (severity: x)` headings: the name first, the suffix a severity', () => {
		expect(alertHeading('Alert: QueueStuck (severity: critical)')).toEqual({
			title: 'QueueStuck',
			alert: 'QueueStuck',
			severity: 'critical',
		});
		expect(alertHeading('🚨 Alert – ApiSlow (p95) (sev: P2)')).toEqual({
			title: 'ApiSlow (p95)',
			alert: 'ApiSlow',
			severity: 'P2',
		});
		// A sentence after `Alert:` is a title, not an alert name.
		expect(alertHeading('Alert: Disk nearly full')).toEqual({ title: 'Disk nearly full' });
		expect(alertHeading('QueueStuck (severity: high)')).toMatchObject({ alert: 'QueueStuck' });
		expect(alertHeading('Checkout errors (severity: high)')).toBeUndefined();
		expect(alertHeading('Alerting overview')).toBeUndefined();
		expect(scenarioTitle('Alert: QueueStuck (severity: critical)')).toBe('QueueStuck');
		expect(scenarioTitle('🛠 Runbook Example – Site Down')).toBe('Site Down');
		expect(scenarioTitle('Runbook — Cache Storm')).toBe('Cache Storm');
		// What a heading calls the section before its name is no part of the name.
		expect(scenarioTitle('Alert Runbook: QueueConsumersMissing')).toBe('QueueConsumersMissing');
		expect(scenarioTitle('Alert name ReplicaLagHigh')).toBe('ReplicaLagHigh');
		expect(scenarioTitle('Rule name: TlsCertExpiringSoon')).toBe('TlsCertExpiringSoon');
		expect(scenarioTitle('Playbook for a stolen laptop')).toBe('Stolen laptop');
		expect(scenarioTitle('Scenario: Ransomware on a file server')).toBe(
			'Ransomware on a file server'
		);
		expect(scenarioTitle('Incident type – Lost export')).toBe('Lost export');
		expect(scenarioTitle('Print queue stuck — Runbook')).toBe('Print queue stuck');
		// A sentence after a label is a title, and keeps its label.
		expect(scenarioTitle('Owner: the platform team')).toBe('Owner: the platform team');
	});

	it("takes numbered steps with time windows, step labels and appendices as a runbook's steps", () => {
		for (const title of [
			'1. 🧭 Initial Response (0–10 min)',
			'Contain (T+5 to T+30)',
			'Triage (first 15 minutes)',
			'2. Diagnosis',
			'Step 3: Mitigation',
			'Related',
			'When to Use',
		])
			expect(isRunbookStep(title), title).toBe(true);
		for (const title of [
			'2. Checkout errors (5xx spike)',
			'Replication lag (over 2 hours)',
			'Cache Storm',
		])
			expect(isRunbookStep(title), title).toBe(false);
	});

	it('reads a symptom table: symptoms from its first column, causes from its cause column, the table kept', () => {
		const [lag, ...rest] = scenarios(`# Runbook: Ingest Delay

| Symptom | Likely cause | Action |
| --- | --- | --- |
| Backlog above 10k | Slow consumer | Add a consumer |
| Old events in the feed | Clock skew | Resync NTP |
`);
		expect(rest).toEqual([]);
		expect(lag!.data).toMatchObject({
			title: 'Ingest Delay',
			symptoms: ['Backlog above 10k', 'Old events in the feed'],
			causes: ['Slow consumer', 'Clock skew'],
		});
		expect(lag!.body).toContain('| Backlog above 10k | Slow consumer | Add a consumer |');
	});

	it('gives a singular "Runbook" title\'s own sections no scenario of their own', () => {
		expect(
			scenarios(
				'# Service Runbook\n## Roles\n- Lead\n## Testing\nRun the drill.\n# Other page\n## Notes\nText\n'
			)
		).toEqual([]);
	});
});

describe('scenarios named by their alert', () => {
	it('reads an alert name from a heading only when it is an identifier', () => {
		expect(
			[
				'KubeAPIDown',
				'etcdNoLeader',
				'HTTPErrorsHigh',
				'disk_usage_high',
				'Alert: TargetDown',
				'[P1] QueueBacklogGrowing (critical)',
				'KubeJobFailed runbook',
			].map(alertOfHeading)
		).toEqual([
			'KubeAPIDown',
			'etcdNoLeader',
			'HTTPErrorsHigh',
			'disk_usage_high',
			'TargetDown',
			'QueueBacklogGrowing',
			'KubeJobFailed',
		]);
		expect(['Overview', 'PAGERDUTY', 'Disk full', 'Step 2'].map(alertOfHeading)).toEqual([
			undefined,
			undefined,
			undefined,
			undefined,
		]);
	});

	it('reads an alert condition as its metric only when it compares the metric with a threshold', () => {
		expect(
			alertNames(
				'Fires on `queue_depth > 500`, `up == 0`, `error_ratio{job="api"} >= 2.5%` or `lag_seconds > 30s`.'
			)
		).toEqual(['queue_depth', 'up', 'error_ratio', 'lag_seconds']);
		// Words compared with words name no metric.
		expect(
			alertNames('It fires when the number of `pods > zones < 3`, or `replicas < nodes`.')
		).toEqual([]);
	});

	it('keeps an alert runbook that landed under another runbook apart, with its sub-headings below its own', () => {
		const [outer, inner, ...rest] = scenarios(`# Cache misses climb

## Description

The hit ratio fell under half.

## Procedure to Fix

Warm the cache.

## Troubleshooting

### 1. Read the log

Look for evictions.

# Disk fills

## Procedure to Fix

Prune old files.

## Troubleshooting

Check the largest folders.

## CacheNodeDown

Restart the node:

\`\`\`sh
systemctl restart cache
\`\`\`
`);
		expect(rest.map((s) => [s.data.title, s.data.alerts])).toEqual([
			['CacheNodeDown', ['CacheNodeDown']],
		]);
		expect(outer!.body).toBe(
			'## Description\n\nThe hit ratio fell under half.\n\n## Procedure to Fix\n\nWarm the cache.\n\n## Troubleshooting\n\n### 1. Read the log\n\nLook for evictions.'
		);
		expect(inner!.data.title).toBe('Disk fills');
		expect(inner!.body).not.toContain('CacheNodeDown');
	});
});

describe('what a scenario shows as its symptoms, it shows once', () => {
	it('lifts the error output a troubleshooting entry opens with out of its body', () => {
		const [entry, ...rest] = scenarios(`# Fixes

## Sync worker failing to start

You may see startup errors like:

\`\`\`
sync: cannot open ledger.db: permission denied
\`\`\`

The volume is mounted read-only. To fix it, remount it writable:

1. \`inkctl volume remount ledger --rw\`

## Export job stuck at 99 %

To fix this, cancel the job and start it again.
`);
		expect(rest.map((s) => s.data.title)).toEqual(['Export job stuck at 99 %']);
		expect(entry!.data.symptoms).toEqual([
			'You may see startup errors like:',
			'`sync: cannot open ledger.db: permission denied`',
		]);
		// Neither the lead (no invented `## You may see startup errors like`) nor the output again.
		expect(entry!.body).toBe(
			'The volume is mounted read-only. To fix it, remount it writable:\n\n1. `inkctl volume remount ledger --rw`'
		);
	});

	it('takes a plain `Summary` and an opening condition out of the body, but keeps one with a link', () => {
		const [summary, opening, linked] = scenarios(`# Runbooks

# Runbook: InkQueueStalled

## Summary
Orders wait in the ink queue for more than ten minutes.

## Mitigation
1. Restart the queue workers.

# Scenarios

## Prints not reaching the plotter

If queued prints are not reaching the plotter:

1. Check the spooler.

## Plotter refuses jobs

If the plotter refuses jobs, see [the spooler notes](https://example.org/spool) first:

1. Power-cycle the plotter.
`);
		expect(summary!.data.symptoms).toEqual([
			'Orders wait in the ink queue for more than ten minutes.',
		]);
		expect(summary!.body).toBe('## Mitigation\n\n1. Restart the queue workers.');
		expect(opening!.data.symptoms).toEqual(['If queued prints are not reaching the plotter']);
		expect(opening!.body).toBe('1. Check the spooler.');
		expect(linked!.body).toContain('[the spooler notes](https://example.org/spool)');
	});
});

describe('steps a responder can tick, from steps the source plainly writes', () => {
	it('writes numbered step headings as the ordered list they are, their text inside each step', () => {
		const [entry] = scenarios(`# Export Worker Is Stuck

## Description

The export worker has written nothing for an hour.

## Troubleshooting

### 1. Read the worker log

See the [log guide](https://example.org/logs).

### 2. Count the pending exports

Run this on the database host:

\`\`\`bash
exportctl pending --count
\`\`\`

### 3. Restart the worker

Restart it and watch the count fall.
`);
		expect(entry!.body).toContain(`## Troubleshooting

1. Read the worker log

   See the [log guide](https://example.org/logs).

2. Count the pending exports

   Run this on the database host:

   \`\`\`bash
   exportctl pending --count
   \`\`\`

3. Restart the worker

   Restart it and watch the count fall.`);
	});

	it('leaves numbered headings that do not count from one as headings', () => {
		const [entry] = scenarios(`# Export Worker Is Stuck

## Description

The export worker has written nothing for an hour.

## Troubleshooting

### 2. Read the worker log

Look for the last job id.

### 3. Restart the worker

Restart it and watch the count fall.
`);
		expect(entry!.body).toContain('### 2. Read the worker log');
	});

	it('makes a list of actions under "How to fix:" task items when nothing else is to tick', () => {
		const [entry] = scenarios(`# Playbooks

## Alerts

### ExportQueueGrowing

How it **works**:

- Exports wait in one queue per region.

How to **fix**:

- Check the export dashboard for the region
- If a worker is down, restart it
- Look for failed jobs in the worker log
`);
		expect(entry!.body).toContain(`How to **fix**:

- [ ] Check the export dashboard for the region
- [ ] If a worker is down, restart it
- [ ] Look for failed jobs in the worker log`);
		expect(entry!.body).toContain('- Exports wait in one queue per region.');
	});

	it('leaves a list of causes under "How to investigate:", and a list beside numbered steps, as lists', () => {
		const [causes, numbered] = scenarios(`# Playbooks

## Alerts

### ExportQueueGrowing

How to **investigate**:

- The queue may be full because a worker crashed.
- The region may be cut off from storage.

### ExportQueueStalled

How to **fix**:

- Check the export dashboard

Then:

1. Restart the workers.
2. Watch the queue drain.
`);
		expect(causes!.body).not.toContain('[ ]');
		expect(numbered!.body).not.toContain('[ ]');
	});
});
