import { describe, expect, test } from 'vitest';
import type { PlaybookContent } from '../../src/lib/content.ts';
import { SIDEBAR_LIST_LIMIT, playbookSidebar } from '../../src/lib/sidebar.ts';

const scenario = (index: number) => ({
	id: `pb/s${index}`,
	data: { title: `Scenario ${index}`, order: index },
});

/** A playbook with `count` scenarios and nothing else, shaped as the content loader returns it. */
const playbook = (count: number) =>
	({
		playbook: { id: 'pb', data: { name: 'Playbook' } },
		severities: [],
		scenarios: Array.from({ length: count }, (_, index) => scenario(index)),
		templates: [],
		escalations: [],
		roles: [],
		checklists: [],
		contacts: [],
		pages: [],
		decisions: [],
	}) as unknown as PlaybookContent;

const links = (items: unknown[]): string[] =>
	items.flatMap((item) => {
		const entry = item as { link?: string; items?: unknown[] };
		return entry.items ? links(entry.items) : [entry.link!];
	});

describe('playbookSidebar', () => {
	test('names every scenario of a playbook that has a few', () => {
		expect(links(playbookSidebar(playbook(3)))).toEqual(
			expect.arrayContaining(['/pb/scenarios/s0/', '/pb/scenarios/s1/', '/pb/scenarios/s2/'])
		);
	});

	test('keeps its size flat past the limit: the scenario list and the finder lead on', () => {
		const many = links(playbookSidebar(playbook(SIDEBAR_LIST_LIMIT + 1)));
		expect(many.filter((link) => link.startsWith('/pb/scenarios/s'))).toEqual([]);
		expect(many).toEqual(expect.arrayContaining(['/pb/scenarios/', '/pb/find/']));
		expect(many.length).toBe(links(playbookSidebar(playbook(5000))).length);
	});
});
