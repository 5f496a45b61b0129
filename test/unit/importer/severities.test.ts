import { describe, expect, it } from 'vitest';
import { parseLevel } from '../../../src/importer/severities.ts';
import { importText } from './helpers.ts';

const severities = (markdown: string) =>
	importText(markdown).imported.severities.map((entry) => ({ slug: entry.slug, ...entry.data }));

describe('severity recogniser', () => {
	it('reads a target from the words that name it, not from letters inside other words', () => {
		const found = severities(`## Ticket priorities

### P1: Critical impact

Checkout is down for every store.

The desk treats P1 tickets first. If the desk answers a P1 ticket, and then hears nothing back from you for 3 hours, the ticket drops to P2.

### P2: High impact

Checkout is slow. Acknowledge within 30 minutes.
`);
		expect(found.map((level) => level.targets)).toEqual([{}, { acknowledge: 'within 30 minutes' }]);
		// The sentence stays whole: a clause cut out of it would change what it says.
		expect([found[0]!.definition].flat().join(' ')).toContain(
			'If the desk answers a P1 ticket, and then hears nothing back from you for 3 hours, the ticket drops to P2.'
		);
	});

	it("keeps the text after a list item's level as its definition, bold or plain", () => {
		const found = severities(`## Severity Levels
- SEV1: Nobody can sign in
- **SEV2** – Sign-in is slow
`);
		expect(found.map((s) => [s.level, s.definition])).toEqual([
			['SEV1', 'Nobody can sign in'],
			['SEV2', 'Sign-in is slow'],
		]);
	});

	it('reads a bold level inside an HTML anchor, dropping the scale noun after it', () => {
		const found = severities(`## Issue severity
- <a name="high">**High**</a> Severity. Mail can be read by anyone.
- <a name="low">**Low**</a> Severity. Only a signed-in attacker can read it.
`);
		expect(found.map((s) => [s.level, s.definition])).toEqual([
			['High', 'Mail can be read by anyone.'],
			['Low', 'Only a signed-in attacker can read it.'],
		]);
	});

	it('reads a class heading inside a ladder of alert classes, and "one of the following" as examples', () => {
		const found = severities(`## Alert priorities
### Critical Alerts
Nobody can sign in, such as one of the following:
1. Password sign-in fails
### Error Alerts
Part of the site fails, shown by one of the following:
1. Uploads fail
### Warning Alerts
A limit is near.
### Muting Alerts
Muting needs a ticket.
`);
		expect(found.map((s) => [s.level, s.rank, s.definition, s.examples])).toEqual([
			['Critical', 0, ['Nobody can sign in'], ['Password sign-in fails']],
			['Error', 1, ['Part of the site fails'], ['Uploads fail']],
			['Warning', 2, ['A limit is near.'], undefined],
		]);
	});

	it('reads a top-level list led by a severity line as the ladder, and levels keyed in a step', () => {
		const rated = severities(`## Handling
Rate each report by its severity:

- **Critical** – checkout is down for everyone
- **Minor** – any other confirmed incident
`);
		expect(rated.map((s) => [s.level, s.name, s.definition])).toEqual([
			['Critical', 'Critical', 'checkout is down for everyone'],
			['Minor', 'Minor', 'any other confirmed incident'],
		]);
		const keyed = severities(`## Process
1. The owner states the severity, coded as SEV 1: critical or SEV 2: minor.
`);
		expect(keyed.map((s) => [s.level, s.name, s.definition])).toEqual([
			['SEV-1', 'Critical', undefined],
			['SEV-2', 'Minor', undefined],
		]);
	});

	it('reads levels one per line of a paragraph, and counted bullets a timing table leaves undefined', () => {
		const lines = severities(`## Severity scale
⚪ SEV3 - one tenant affected
🔴 SEV1 - every tenant affected
`);
		expect(lines.map((s) => [s.level, s.definition])).toEqual([
			['SEV3', 'One tenant affected'],
			['SEV1', 'Every tenant affected'],
		]);
		const counted = severities(`## Severities
- 1: Billing data lost
- 2: Invoices late

| Severity | Response time |
| --- | --- |
| 1 | 1h |
| 2 | 8h |
`);
		expect(counted.map((s) => [s.level, s.targets, s.definition])).toEqual([
			['1', { response: '1h' }, 'Billing data lost'],
			['2', { response: '8h' }, 'Invoices late'],
		]);
		// Bare numbers under a heading that names no severity are tiers, not levels.
		expect(severities(`## Tiers\n- 1: core\n- 2: edge\n`)).toEqual([]);
	});

	it("reads targets from a level heading's parentheses and plain bullets as its definition", () => {
		const [found] = severities(`## Priority Levels
### P1 - Critical (Response: Immediate, Resolution: 2 hours)
- Records cannot be opened
- Examples: records server down
`);
		expect(found).toMatchObject({
			level: 'P1',
			name: 'Critical',
			targets: { response: 'Immediate', resolution: '2 hours' },
			definition: ['Records cannot be opened'],
			examples: ['records server down'],
		});
		expect(found).not.toHaveProperty('label');
	});

	it('reads S1–S4 headings with plain "Response Time:" and "SLA: Resolve within" lines', () => {
		const found = severities(`# Payments
## Severity
### S1 🔴 Critical - Money is not moving
Response Time: 15 minutes
SLA: Resolve within 1 hour

**Examples:**
- Transfers stuck for all users

### S4 - Cosmetic
Response Time: Best effort
`);
		expect(found.map((s) => [s.slug, s.level, s.rank, s.name])).toEqual([
			['s1', 'S1', 1, 'Critical'],
			['s4', 'S4', 4, 'Cosmetic'],
		]);
		expect(found[0]).toMatchObject({
			label: 'Money is not moving',
			marker: '🔴',
			targets: { response: '15 minutes', resolution: 'Resolve within 1 hour' },
			examples: ['Transfers stuck for all users'],
		});
		expect(found[1]!.targets).toEqual({ response: 'Best effort' });
	});

	it('reads Critical/High/Medium/Low headings under a severity heading, with emoji markers', () => {
		const found = severities(`## Severity Levels
### 🔴 Critical
- Detection to acknowledgment: 5 minutes
- Update frequency: Every 15 minutes

### 🟡 Medium
**Definition:** Some users see errors
**Response Time**: 4 hours
`);
		expect(found.map((s) => [s.level, s.rank, s.marker])).toEqual([
			['Critical', 0, '🔴'],
			['Medium', 2, '🟡'],
		]);
		expect(found[0]!.targets).toEqual({ acknowledge: '5 minutes', update: 'Every 15 minutes' });
		expect(found[1]!.definition).toEqual(['Some users see errors']);
	});

	it('reads a line listing the severity levels, but not the levels of logs or vulnerabilities', () => {
		expect(
			severities('Our severity levels are: outage, degraded and advisory.\n').map((s) => [
				s.level,
				s.rank,
			])
		).toEqual([
			['outage', 0],
			['degraded', 1],
			['advisory', 2],
		]);
		expect(severities('Log severity levels: debug, info, warn, error.\n')).toEqual([]);
		expect(severities('Vulnerability severity levels: critical, high, low.\n')).toEqual([]);
		// Syslog's eight are no incident ladder.
		expect(severities('Severity levels: a, b, c, d, e, f, g, h.\n')).toEqual([]);
	});

	it('does not take "High Priority Incidents" outside a severity section for a level', () => {
		expect(severities('## High Priority Incidents (P1)\n\nText.\n')).toEqual([]);
		expect(parseLevel('High Priority Incidents (P1)')).toBeUndefined();
		expect(parseLevel('SEV 2: Major')).toEqual({ level: 'SEV-2', rank: 2, rest: 'Major' });
	});

	it('keeps target lines it cannot time word for word in targetNotes', () => {
		const [p0] = severities(`## Severities
### P0 - Critical
**Response:**
- **Response Time:** 15 minutes
- **Communication:** Update every hour until resolved
- **Pager:** Wake everyone
- **Bridge:** Open the war room
`);
		// "every hour" is a cadence the clocks can count, so it is also the update target.
		expect(p0!.targets).toEqual({
			response: '15 minutes',
			update: 'Update every hour until resolved',
		});
		expect(p0!.communication).toBe('Update every hour until resolved');
		// Who is paged is the level's paging rule; a line with no field stays word for word.
		expect(p0!.paging).toBe('Wake everyone');
		expect(p0!.targetNotes).toEqual(['Bridge: Open the war room']);
	});

	it('fills levels from a severity → response → who table', () => {
		const found = severities(`## Escalation Policy
| Severity | Response Time | Escalation |
|---|---|---|
| P0 Critical | 15 min | CTO, All hands |
| P1 High | 1 hour | Engineering Lead |
`);
		expect(found.map((s) => [s.level, s.name, s.targets, s.escalation])).toEqual([
			['P0', 'Critical', { response: '15 min' }, ['CTO, All hands']],
			['P1', 'High', { response: '1 hour' }, ['Engineering Lead']],
		]);
	});

	it('reads an impact matrix into criteria with a percent range', () => {
		const [p0] = severities(`### P0 - Critical
**Definition:** Down
## Severity Impact Matrix
| Severity | Users Affected | Revenue Impact |
|---|---|---|
| P0 | > 50% | High |
`);
		expect(p0!.criteria).toEqual({
			usersAffected: '> 50%',
			usersAffectedRange: [50, 100],
			revenue: 'High',
		});
	});

	it('ranks numbered headings that climb (Level 1: Informational … Level 4: Critical) highest number first', () => {
		const climbing = severities(`# Relay station log

## Incident levels

### Level 1: Informational

A link dropped and came back on its own.

### Level 2: Minor

A backup link carried traffic for a while.

### Level 3: Major

Both links were down for minutes.

### Level 4: Critical

The station is silent.
`);
		expect(climbing.map((s) => [s.level, s.name, s.rank])).toEqual([
			['1', 'Informational', 4],
			['2', 'Minor', 3],
			['3', 'Major', 2],
			['4', 'Critical', 1],
		]);
		// Numbered from the top (Level 1: Critical) the numbers are the ranks, as before.
		const falling = severities(`## Incident levels

### Level 1: Critical

The station is silent.

### Level 2: Minor

A backup link carried traffic.
`);
		expect(falling.map((s) => [s.level, s.rank])).toEqual([
			['1', 1],
			['2', 2],
		]);
	});

	it('gives unique ranks when a document mixes scales', () => {
		const ranks = severities(`## Severity
### S1 - Critical
Response Time: 5 minutes
### High
Response Time: 1 hour
`).map((s) => s.rank);
		expect(new Set(ranks).size).toBe(ranks.length);
	});
	it('ranks a one-word ladder as its table lists it, and a sorted-into list from its top word', () => {
		const table = severities(`## Sorting requests
| Level | Description |
| --- | --- |
| **Urgent** | Same day |
| **Highest** | This sprint |
| **Low** | Backlog |
`);
		expect(table.map((s) => [s.level, s.rank])).toEqual([
			['Urgent', 0],
			['Highest', 1],
			['Low', 2],
		]);
		const tracks = severities(`## Lanes
Each report is categorized in the CALM or URGENT lane, which says how severe it is.
### CALM
Fixed in the open.
### URGENT
Fixed in private at once.
`);
		expect(tracks.map((s) => [s.level, s.rank])).toEqual([
			['Calm', 1],
			['Urgent', 0],
		]);
	});

	it('reads a table with no header row under a severity lead as levels and what they mean', () => {
		const found = severities(`## Outages

Each outage gets one of these severities:

<table>
  <tr><td>Critical</td><td>Nobody can log in.</td></tr>
  <tr><td>Low</td><td>Nobody is affected yet.</td></tr>
</table>
`);
		expect(found.map((s) => [s.level, s.definition])).toEqual([
			['Critical', ['Nobody can log in.']],
			['Low', ['Nobody is affected yet.']],
		]);
	});

	it('numbers classes a priority list names and defines, keeping the sentence before a timed one', () => {
		const found = severities(`## Service priorities

1. Core services are ones we run all year. Respond within 1 hour.
2. Minor services are ones nobody is paged for. Response time should be within 2 days.
3. Retired services are ones we no longer fix.
`);
		expect(found.map((s) => [s.level, s.name, s.targets, s.definition])).toEqual([
			['1', 'Core', { response: 'within 1 hour' }, 'Core services are ones we run all year.'],
			['2', 'Minor', { response: 'within 2 days' }, 'Minor services are ones nobody is paged for.'],
			['3', 'Retired', {}, 'Retired services are ones we no longer fix.'],
		]);
	});

	it("reads a list led by a condition on the heading's own level as that level's actions", () => {
		const found = severities(`## After triage

### SEV2

If the incident is rated SEV2:

- Page the duty lead
- Post on the status page

*: the duty lead is the on-call manager.

### SEV3 / SEV4

When an incident is declared SEV3 or SEV4:

- Note it in the queue

### SEV5

If the incident is upgraded to SEV2:

- Call the duty lead
`);
		expect(
			found.map((level) => [level.level, level.name, level.actions, level.definition])
		).toEqual([
			['SEV2', 'SEV2', ['Page the duty lead', 'Post on the status page'], undefined],
			['SEV3', 'SEV3', ['Note it in the queue'], undefined],
			['SEV4', 'SEV4', ['Note it in the queue'], undefined],
		]);
	});

	it('reads levels listed in one sentence of a line after a clause saying their order', () => {
		const found = severities(`# Pager guide

We page for storage faults. In ascending order, the severity levels are: **Minor**, **Serious**.

## Serious alerts

Serious alerts are those that wake someone up.
`);
		expect(found.map((level) => [level.level, level.rank, level.definition])).toEqual([
			['Minor', 1, undefined],
			['Serious', 0, ['Serious alerts are those that wake someone up.']],
		]);
	});
});
