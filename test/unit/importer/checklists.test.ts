import { describe, expect, it } from 'vitest';
import { parseChecklistBlock } from '../../../src/importer/checklists.ts';
import { importText } from './helpers.ts';

const checklists = (markdown: string) =>
	importText(markdown).imported.checklists.map((entry) => ({ slug: entry.slug, ...entry.data }));

describe('checklist recogniser', () => {
	it('makes one checklist of a heading whose sub-headings each hold a task list', () => {
		expect(
			checklists(`## Response Checklist
Use during incidents:
### Detect
- [ ] Alert acknowledged
- [x] Severity set
### Recover
- [ ] Service healthy
  - Check /health
`)
		).toEqual([
			{
				slug: 'response-checklist',
				title: 'Response Checklist',
				when: 'Use during incidents:',
				section: 'process',
				groups: [
					{ title: 'Detect', items: ['Alert acknowledged', 'Severity set'] },
					{ title: 'Recover', items: [{ text: 'Service healthy', details: ['Check /health'] }] },
				],
				order: 10,
			},
		]);
	});

	it('groups task lists by their bold labels', () => {
		const [list] = checklists(
			'## Required Access\n**All Engineers:**\n- [ ] Logs\n\n**On-Call:**\n- [ ] Pager\n'
		);
		expect(list!.groups).toEqual([
			{ title: 'All Engineers', items: ['Logs'] },
			{ title: 'On-Call', items: ['Pager'] },
		]);
		expect(list!.section).toBe('reference');
	});

	it('reads "[ ]" lines in a fenced block under a checklist heading, indented lines as details', () => {
		const [list] = checklists(
			'### First Response Checklist\n```\nFIRST 5 MINUTES:\n[ ] Acknowledge\n    "Investigating"\n[ ] Check logs\n```\n'
		);
		expect(list).toMatchObject({
			title: 'First Response Checklist',
			when: 'FIRST 5 MINUTES',
			groups: [{ items: [{ text: 'Acknowledge', details: ['"Investigating"'] }, 'Check logs'] }],
		});
		expect(parseChecklistBlock('- [ ] One\n- [x] Two').items).toEqual(['One', 'Two']);
	});
});
