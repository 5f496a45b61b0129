import { describe, expect, it } from 'vitest';
import { windowStart } from '../../../src/importer/escalation.ts';
import { importText } from './helpers.ts';

const escalations = (markdown: string) =>
	importText(markdown).imported.escalations.map((entry) => entry.data);

describe('escalation recogniser', () => {
	it('reads a numbered chain with times', () => {
		expect(
			escalations(`## Escalation Chain
1. **Level 1** (0-15 min): On-call Engineer
2. **Level 2** (15-30 min): Team Lead
3. **Level 3** (60+ min): CTO
`)
		).toEqual([
			{
				title: 'Escalation Chain',
				style: 'time',
				levels: [
					{ id: 'Level 1', who: 'On-call Engineer', window: '0-15 min', after: '0 min' },
					{ id: 'Level 2', who: 'Team Lead', window: '15-30 min', after: '15 min' },
					{ id: 'Level 3', who: 'CTO', window: '60+ min', after: '60 min' },
				],
			},
		]);
	});

	it('reads L1/L2 sections with responsibilities, authority and escalate-if', () => {
		const [path] = escalations(`## Escalation Paths
### L1 - On-Call Engineer
**Responsibilities:**
- Acknowledge

**Authority:**
- Restart services

**Escalate to L2 if:**
- Not resolved in 1 hour

### L2 - System Owner
**Responsibilities:**
- Deep investigation
`);
		expect(path).toEqual({
			title: 'Escalation Paths',
			style: 'levels',
			levels: [
				{
					id: 'L1',
					who: 'On-Call Engineer',
					responsibilities: ['Acknowledge'],
					authority: ['Restart services'],
					escalateIf: ['Not resolved in 1 hour'],
				},
				{ id: 'L2', who: 'System Owner', responsibilities: ['Deep investigation'] },
			],
		});
	});

	it('reads a severity → response time → who table as a severity-style path', () => {
		const [path] = escalations(`## On-call
| Severity | Response | Who |
|---|---|---|
| SEV-1 | 5 minutes | Incident commander |
| SEV-2 | Next business day | Team on duty |
`);
		expect(path).toEqual({
			title: 'On-call',
			style: 'severity',
			levels: [
				{
					id: 'SEV-1',
					who: 'Incident commander',
					severity: 'demo/sev-1',
					responseTime: '5 minutes',
				},
				{
					id: 'SEV-2',
					who: 'Team on duty',
					severity: 'demo/sev-2',
					responseTime: 'Next business day',
				},
			],
		});
		expect(windowStart('15–30 minutes')).toBe('15 minutes');
	});
});

describe('escalation paths stay valid', () => {
	it('drops times that go backwards and severity links that run the wrong way, and keeps ids unique', () => {
		const [chain] = escalations(
			'## Chain\n1. Level 1 (15-30 min): Lead\n2. Level 1 (0-15 min): On-call\n'
		);
		expect(chain!.levels).toEqual([
			{ id: 'Level 1', who: 'Lead', window: '15-30 min' },
			{ id: 'Level 1 (2)', who: 'On-call', window: '0-15 min' },
		]);
		const [table] = escalations(
			'## Policy\n| Severity | Response | Who |\n|---|---|---|\n| P2 | 1 hour | Lead |\n| P0 | 5 min | CTO |\n'
		);
		expect(table!.levels.map((level) => level.severity)).toEqual([undefined, undefined]);
	});
});
