import { describe, expect, it } from 'vitest';
import { parseDoDont } from '../../../src/importer/roles.ts';
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
