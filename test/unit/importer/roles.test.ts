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
		expect(imported.roles).toEqual([
			{
				slug: 'ic',
				data: { name: 'Incident Commander (IC)', short: 'IC', order: 10, responsibilities: ['Owns the incident'], authority: ['Can roll back'], notes: ['During Incident'], do: ['Stay calm'], dont: ['Debug yourself'] },
			},
			{ slug: 'scribe', data: { name: 'Scribe', order: 20, responsibilities: ['Keeps the timeline'], notes: ['Templates: See the timeline template'] } },
		]);
		expect(imported.pages.filter((p) => p.slug !== 'source-outline')).toEqual([]);
	});

	it('reads DO / DON’T blocks and refuses other blocks', () => {
		expect(parseDoDont('DO:\n- a\nDON\'T:\n- b')).toEqual({ do: ['a'], dont: ['b'] });
		expect(parseDoDont('echo hello')).toBeUndefined();
	});
});
