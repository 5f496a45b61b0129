import { describe, expect, it } from 'vitest';
import {
	clausesOf,
	fromToChain,
	parseBoxTree,
	parseClockLines,
	parseNameOrder,
	proseLadder,
	windowStart,
} from '../../../src/importer/escalation.ts';
import { parseDoc } from '../../../src/importer/markdown.ts';
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

	it('reads a box tree upward from the on-call end, and downward where arrowheads point', () => {
		const tree = (top: string, bottom: string, arrow = '│') =>
			[
				'┌────────────┐',
				`│ ${top.padEnd(10)} │`,
				'└─────┬──────┘',
				`      ${arrow}`,
				'┌─────┴──────┐',
				`│ ${bottom.padEnd(10)} │`,
				'└────────────┘',
			].join('\n');
		expect(parseBoxTree(tree('Director', 'On-call'))).toEqual({
			levels: [
				{ id: 'Level 1', who: 'On-call' },
				{ id: 'Level 2', who: 'Director' },
			],
			branches: [],
		});
		expect(parseBoxTree(tree('Desk', 'Director', '▼'))).toEqual({
			levels: [
				{ id: 'Level 1', who: 'Desk' },
				{ id: 'Level 2', who: 'Director' },
			],
			branches: [],
		});
		// Nothing says which end comes first: no path, and the caller lists it under "check these".
		expect(parseBoxTree(tree('Director', 'Manager'))).toBe('undirected');
		// Boxes side by side with no line between rows are no tree.
		expect(parseBoxTree('┌───┐ ┌───┐\n│ A │ │ B │\n└───┘ └───┘')).toBeUndefined();
	});

	it('reads an ordered list of names only after a sentence giving the escalation order', () => {
		const list = (lead: string, items: string) => {
			const doc = parseDoc(`${lead}\n\n${items}`);
			const node = doc.root.children[1]!;
			return node.type === 'list' ? parseNameOrder(doc, node, lead) : undefined;
		};
		expect(
			list('Alerts escalate to, in order:', '1. Primary Engineer\n2. Engineering Manager')
		).toEqual([
			{ id: 'Level 1', who: 'Primary Engineer' },
			{ id: 'Level 2', who: 'Engineering Manager' },
		]);
		expect(
			list('To set up the app:', '1. Primary Engineer\n2. Engineering Manager')
		).toBeUndefined();
		expect(list('When you escalate:', '1. Open the dashboard\n2. Page the lead')).toBeUndefined();
	});

	it('reads clock lines: stamps in several spellings, steps that engage no one as notes', () => {
		expect(
			parseClockLines(
				'+0m - on-call analyst paged\n+20m - no fix yet, call the shift supervisor\n+1h - brief the regional director',
				true
			)
		).toEqual({
			levels: [
				{ id: '+0m', who: 'on-call analyst', after: '0 min' },
				{ id: '+20m', who: 'shift supervisor', after: '20 min', condition: 'no fix yet' },
			],
			notes: ['+1h: brief the regional director'],
		});
		// Outside an escalation heading every step must engage someone.
		expect(
			parseClockLines(
				'T+0: page the on-call analyst\nT+10m: write the summary\nT+30m: page the lead'
			)
		).toBeUndefined();
		// Times that fall back are no clock; nor is text before the first stamp.
		expect(
			parseClockLines('30 minutes: page the lead\n10 minutes: page the on-call', true)
		).toBeUndefined();
		expect(
			parseClockLines('Steps:\n5 min: page the lead\n9 min: page the manager', true)
		).toBeUndefined();
	});

	it('keeps a step that engages someone as a note when it says more than who', () => {
		expect(
			parseClockLines(
				'+0m - on-call analyst paged\n+20m - appoint a shift supervisor from the analysts on the bridge',
				true
			)
		).toEqual({
			levels: [
				{ id: '+0m', who: 'on-call analyst', after: '0 min' },
				{ id: '+20m', who: 'shift supervisor', after: '20 min' },
			],
			notes: ['+20m: appoint a shift supervisor from the analysts on the bridge'],
		});
	});

	it("reads a clock nested under each severity item as that severity's path", () => {
		const paths = escalations(`## Severity levels

| Level | Name | Acknowledge |
| --- | --- | --- |
| SEV1 | Critical | 5 minutes |
| SEV2 | Major | 15 minutes |

## Paging by severity

- **SEV1**: all hours
  - T+0: Page the on-call engineer
  - T+10m: Escalate to the team lead
- **SEV2**: working hours
  - T+0: Page the on-call engineer
  - T+60m: Escalate to the team lead
`);
		expect(
			paths.map((path) => [path.title, path.levels.map((l) => [l.who, l.after, l.severity])])
		).toEqual([
			[
				'SEV1',
				[
					['on-call engineer', '0 min', 'demo/sev1'],
					['team lead', '10 min', 'demo/sev1'],
				],
			],
			[
				'SEV2',
				[
					['on-call engineer', '0 min', 'demo/sev2'],
					['team lead', '60 min', 'demo/sev2'],
				],
			],
		]);
	});

	it('reads a path told in prose only when it gives two tiers in order, each with a who', () => {
		const whos = (text: string) =>
			(fromToChain(text) ?? proseLadder(clausesOf(text), false)?.levels)?.map((level) => [
				level.who,
				level.after,
			]);
		expect(
			whos(
				'If the duty engineer does not acknowledge within 10 minutes, page the backup engineer; if there is still no response after an hour, contact the ops manager.'
			)
		).toEqual([
			['duty engineer', undefined],
			['backup engineer', '10 minutes'],
			['ops manager', '1 hour'],
		]);
		expect(
			whos(
				'Escalation moves from the primary to the secondary after 5 minutes, and from the secondary to the team lead after another 5 minutes.'
			)
		).toEqual([
			['primary', undefined],
			['secondary', '5 minutes'],
			['team lead', '10 minutes'],
		]);
		// One contact, everyone at once, a process, how fast one person answers: no path.
		expect(whos('If anything breaks, contact the ops manager.')).toBeUndefined();
		expect(whos('Notify the product owner, the support lead and the ops manager.')).toBeUndefined();
		expect(whos('Reproduce the fault, then write a test, then deploy the fix.')).toBeUndefined();
		expect(whos('The duty engineer should acknowledge the page within 5 minutes.')).toBeUndefined();
		expect(whos('Page the duty engineer. Tell the ops manager as well.')).toBeUndefined();
	});

	it('reads who a pronoun stands for, the tool before the verb, and skips finding a tier', () => {
		const steps = (text: string, where = false) =>
			proseLadder(clausesOf(text), where)?.levels.map((level) =>
				[level.who, level.condition, level.via].filter(Boolean)
			);
		expect(
			steps(
				"Each store has an assigned field engineer, so contact them first. If you don't know who that is, ask the store manager. The field engineer checks the till and if they need help, they call the regional support team."
			)
		).toEqual([['assigned field engineer'], ['regional support team', 'they need help']]);
		expect(
			steps(
				'Use the paging app to escalate to the duty officer. If that does not work use the rota sheet and call the numbers listed there.',
				true
			)
		).toEqual([
			['duty officer', 'the paging app'],
			['duty officer', 'that does not work', 'the rota sheet, numbers listed there'],
		]);
		// Whoever needs help themselves asks a desk: a directory, not a ladder.
		expect(
			steps(
				'Each team has a budget owner, so contact them first about spending. If you need help with expenses, ask the finance desk.'
			)
		).toBeUndefined();
	});
});
