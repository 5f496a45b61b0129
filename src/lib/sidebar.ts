import type { PlaybookContent } from './content.ts';
import { urls } from './urls.ts';
import { severityTitle } from './severity-label.ts';

type SidebarItem =
	| {
			label: string;
			link: string;
			badge?: { text: string; variant: 'danger' | 'caution' | 'note' | 'tip' | 'default' };
	  }
	| { label: string; items: SidebarItem[]; collapsed?: boolean };

/** Badge colour for a severity rank: the most severe levels stand out. */
export const severityVariant = (rank: number) =>
	(['danger', 'caution', 'note', 'default'] as const)[Math.min(rank, 3)] ?? 'default';

/**
 * Most entries a sidebar list names one by one. Starlight embeds the sidebar in every page, so a
 * playbook with hundreds of scenarios would make every page carry them all (and the build do that
 * work once per page); past this, the list pages and the finder lead to them instead.
 */
export const SIDEBAR_LIST_LIMIT = 40;

const listed = <T>(items: T[]): T[] => (items.length <= SIDEBAR_LIST_LIMIT ? items : []);

const sidebars = new WeakMap<PlaybookContent, SidebarItem[]>();

/**
 * The sidebar of one playbook: overview, severities, scenarios (badged by severity), templates,
 * escalation and roles, process, post-incident. Pages outside a playbook get the list of playbooks.
 * Built once per playbook: every page of the playbook shares it.
 */
export function playbookSidebar(content: PlaybookContent): SidebarItem[] {
	let sidebar = sidebars.get(content);
	if (!sidebar) sidebars.set(content, (sidebar = buildPlaybookSidebar(content)));
	return sidebar;
}

function buildPlaybookSidebar(content: PlaybookContent): SidebarItem[] {
	const { playbook } = content;
	const severityOf = new Map(content.severities.map((severity) => [severity.id, severity]));
	const pagesIn = (section: string) =>
		listed(content.pages)
			.filter((page) => page.data.section === section)
			.map((page) => ({ label: page.data.title, link: urls.page(page.id) }));
	const checklistsIn = (section: string) =>
		content.checklists
			.filter((list) => list.data.section === section)
			.map((list) => ({ label: list.data.title, link: urls.checklist(list.id) }));
	const groups: [string, SidebarItem[]][] = [
		[
			'Overview',
			[{ label: playbook.data.name, link: urls.playbook(playbook.id) }, ...pagesIn('overview')],
		],
		[
			'Scenarios',
			[
				{ label: 'All scenarios', link: urls.scenarios(playbook.id) },
				{ label: 'Find by symptom or alert', link: urls.finder(playbook.id) },
				...listed(content.scenarios).map((scenario) => {
					const severity = scenario.data.severity && severityOf.get(scenario.data.severity.id);
					return {
						label: scenario.data.title,
						link: urls.scenario(scenario.id),
						...(severity
							? {
									badge: {
										text: severity.data.level,
										variant: severityVariant(severity.data.rank),
									},
								}
							: {}),
					};
				}),
			],
		],
		[
			'Severities',
			[
				{ label: 'Severity ladder', link: urls.severities(playbook.id) },
				...content.severities.map((s) => ({
					label: severityTitle(s.data),
					link: urls.severity(s.id),
				})),
			],
		],
		[
			'Communication',
			[
				{ label: 'All templates', link: urls.templates(playbook.id) },
				...listed(content.templates).map((t) => ({
					label: t.data.title,
					link: urls.template(t.id),
				})),
				...pagesIn('communication'),
			],
		],
		[
			'Escalation & roles',
			[
				{ label: 'Escalation, roles, contacts', link: urls.escalation(playbook.id) },
				...pagesIn('escalation'),
			],
		],
		['Process', [...checklistsIn('process'), ...pagesIn('process')]],
		['Post-incident', [...checklistsIn('post-incident'), ...pagesIn('post-incident')]],
		['Reference', [...checklistsIn('reference'), ...pagesIn('reference')]],
	];
	return [
		{ label: '← All playbooks', link: urls.home() },
		...groups.filter(([, items]) => items.length > 0).map(([label, items]) => ({ label, items })),
	];
}

/** Sidebar for pages that belong to no playbook: one link per playbook. */
export function homeSidebar(playbooks: PlaybookContent[]): SidebarItem[] {
	return [
		{ label: 'Home', link: urls.home() },
		{ label: 'Find a scenario', link: urls.finder() },
		{
			label: 'Playbooks',
			items: playbooks.map(({ playbook }) => ({
				label: playbook.data.name,
				link: urls.playbook(playbook.id),
			})),
		},
	];
}
