import { describe, expect, it } from 'vitest';
import { parseDoDont, proseDuties } from '../../../src/importer/roles.ts';
import { withoutSectionNumber } from '../../../src/importer/markdown.ts';
import { importText } from './helpers.ts';

describe('role recogniser', () => {
	it('reads the sub-sections of an Incident Roles heading', () => {
		const { imported } = importText(`## Incident Roles
### Incident Commander (IC)
**Responsibilities:**
- Owns the incident

**Authority:**
- Can roll back

**During Incident:**
\`\`\`
✅ DO:
- Stay calm
❌ DON'T:
- Debug yourself
\`\`\`

### Scribe
**Responsibilities:**
- Keeps the timeline

**Templates:** See the timeline template
`);
		expect(imported.roles.map(({ slug, data }) => ({ slug, data }))).toEqual([
			{
				slug: 'ic',
				data: {
					name: 'Incident Commander (IC)',
					short: 'IC',
					order: 10,
					responsibilities: ['Owns the incident'],
					authority: ['Can roll back'],
					notes: ['During Incident'],
					do: ['Stay calm'],
					dont: ['Debug yourself'],
				},
			},
			{
				slug: 'scribe',
				data: {
					name: 'Scribe',
					order: 20,
					responsibilities: ['Keeps the timeline'],
					notes: ['Templates: See the timeline template'],
				},
			},
		]);
		expect(imported.pages.filter((p) => p.slug !== 'source-outline')).toEqual([]);
	});

	it('reads no incident roles from a table of system accounts, its rows kept', () => {
		const { imported } = importText(`## Who can change the ticket system
| Role | System | Permissions | Responsibilities |
| --- | --- | --- | --- |
| Administrator | Ticket cloud | \`org-admin\` | Approve account requests |
| Administrator | Source control | Admin | Merge changes to production |
| Support Engineer | Ticket cloud | Write | Answer tickets |

## Incident roles
| Role | Responsibilities |
| --- | --- |
| Incident Lead | Runs the response and decides |
`);
		expect(imported.roles.map((role) => role.data.name)).toEqual(['Incident Lead']);
		// The table stays whole, as the playbook's table of who can change what.
		expect(
			imported.contacts.flatMap((group) => group.data.entries.map((row) => row['Role']))
		).toEqual(['Administrator', 'Administrator', 'Support Engineer']);
	});

	it('reads DO / DON’T blocks and refuses other blocks', () => {
		expect(parseDoDont("DO:\n- a\nDON'T:\n- b")).toEqual({ do: ['a'], dont: ['b'] });
		expect(parseDoDont('echo hello')).toBeUndefined();
	});
});

describe('on-call rotation roles', () => {
	it('reads a bold role with a person over Responsibilities lists', () => {
		const { imported } = importText(`## On-Call Rotation
### Current Rotation

**Primary On-Call:** Brandon Shore
- **Responsibilities:**
  - Respond to P0/P1 alerts within SLA
  - Escalate if needed

**Secondary On-Call:** (To be assigned)
- **Responsibilities:**
  - Backup for Primary
`);
		expect(imported.roles.map((r) => r.data)).toEqual([
			{
				name: 'Primary On-Call',
				summary: 'Brandon Shore',
				order: 10,
				responsibilities: ['Respond to P0/P1 alerts within SLA', 'Escalate if needed'],
			},
			{
				name: 'Secondary On-Call',
				summary: '(To be assigned)',
				order: 20,
				responsibilities: ['Backup for Primary'],
			},
		]);
	});
});

describe('roles written as prose', () => {
	it('reads duties, don’ts and a summary from sentences about the role', () => {
		expect(
			proseDuties(
				[
					'The duty manager is the person the business calls first. They are responsible for the call. The duty manager should not debug. The duty manager does not need to stay past the hand-over.',
					'Users are often confused at first. Always ask for help. Keeps the rota current. They likely will hand over at six.',
				],
				'Duty Manager (DM)',
				'DM'
			)
		).toEqual({
			summary: 'The duty manager is the person the business calls first.',
			responsibilities: [
				'They are responsible for the call.',
				'Keeps the rota current.',
				'They likely will hand over at six.',
			],
			dont: ['The duty manager should not debug.'],
		});
	});

	it('reads nothing from a story that never says what the role does', () => {
		expect(
			proseDuties(['I first met this role at a previous job. It changed how we worked.'], 'Scribe')
		).toEqual({ responsibilities: [], dont: [] });
	});

	it('types prose sections under a roles heading and lists each one to check', () => {
		const { imported, check } = importText(`## Roles

### Scribe

Writes down each decision with its time.

### Background

The rota was set up in spring.
`);
		expect(imported.roles.map(({ slug, data }) => ({ slug, data }))).toEqual([
			{
				slug: 'scribe',
				data: {
					name: 'Scribe',
					responsibilities: ['Writes down each decision with its time.'],
					order: 10,
				},
			},
		]);
		expect(check.map((item) => [item.heading, item.leftAs])).toEqual([
			['Scribe', 'role demo/scribe'],
			['Background', 'text in pages/roles-2.mdx'],
		]);
	});
});

describe('role tables named by their columns', () => {
	it('types a Role | … | Responsibilities table anywhere and keeps its other columns in view', () => {
		const { imported } = importText(`## On the bridge

| Role | Person | Responsibilities |
| --- | --- | --- |
| Incident Lead | Ana | Runs the bridge |

## Phone numbers

| Role | Phone |
| --- | --- |
| Database owner | 555-0100 |
`);
		expect(imported.roles.map((r) => [r.data.name, r.data.responsibilities])).toEqual([
			['Incident Lead', ['Runs the bridge']],
		]);
		// The person column is not the role's: the whole table stays, as a contact list.
		expect(imported.contacts.map((c) => c.data.title)).toEqual(['On the bridge', 'Phone numbers']);
	});
});

describe('section numbers', () => {
	it('takes a heading’s number off the name and keeps numbers that are part of it', () => {
		const names = [
			'3.1 Incident Lead',
			'2) Scribe',
			'A. Comms Lead',
			'iv. Release Manager',
			'4 - Liaison',
		];
		expect(names.map(withoutSectionNumber)).toEqual([
			'Incident Lead',
			'Scribe',
			'Comms Lead',
			'Release Manager',
			'Liaison',
		]);
		const kept = ['24/7 On-call Engineer', '5xx Errors', '2FA Admin', '1.5x Latency', '42'];
		expect(kept.map(withoutSectionNumber)).toEqual(kept);
	});
});

describe('areas over who holds them', () => {
	it('keeps who holds each area as a note, and the nested lines as its duties', () => {
		const { roles } = importText(`## Sponsors

- **Finance**: Mira Okonjo (Finance Director)
  - Responsible for refunds to customers.
- **Legal**: Dev Shah (General Counsel):
  - Responsible for advice on contracts.
  - Signs off any public statement.
`).imported;
		expect(roles.map(({ data }) => [data.name, data.responsibilities, data.notes])).toEqual([
			['Finance', ['Responsible for refunds to customers.'], ['Mira Okonjo (Finance Director)']],
			[
				'Legal',
				['Responsible for advice on contracts.', 'Signs off any public statement.'],
				['Dev Shah (General Counsel)'],
			],
		]);
	});
});

describe('functions marked in steps, with a note saying who holds them', () => {
	it('keeps the note as the summary and each marked step once as a duty', () => {
		const { roles } = importText(`## Restoring the feed

- Feed Coordinator^ - Tell the partners the feed is down:
  - the time it stopped
- Feed Coordinator^ - Tell the partners the feed is down:
  - the time it came back

^: the Feed Coordinator will be the data engineer on shift.
`).imported;
		expect(roles.map(({ data }) => [data.name, data.summary, data.responsibilities])).toEqual([
			[
				'Feed Coordinator',
				'the Feed Coordinator will be the data engineer on shift.',
				['Tell the partners the feed is down'],
			],
		]);
	});
});

describe('prose roles and the sentences around their lists', () => {
	it('takes no later "This is …" sentence as the summary, and keeps "This is whoever …" first', () => {
		const later = proseDuties(
			[
				'The gate keeper opens the gate. Nobody passes without asking. This is imperative for safety.',
			],
			'Gate Keeper'
		);
		expect(later.summary).toBeUndefined();
		const first = proseDuties(
			['This is whoever holds the gate key. They open the gate.'],
			'Gate Keeper'
		);
		expect(first.summary).toBe('This is whoever holds the gate key.');
	});
});
