import type { CollectionName } from '../schemas/index.ts';
import { playbookOf, slugOf } from './entry-ids.ts';

/** URLs of every kind of page, in one place. Pure, so the validator can check links without Astro. */
export const urls = {
	home: () => '/',
	playbook: (playbook: string) => `/${playbook}/`,
	severities: (playbook: string) => `/${playbook}/severities/`,
	severity: (id: string) => `/${playbookOf(id)}/severities/${slugOf(id)}/`,
	scenarios: (playbook: string) => `/${playbook}/scenarios/`,
	scenario: (id: string) => `/${playbookOf(id)}/scenarios/${slugOf(id)}/`,
	templates: (playbook: string) => `/${playbook}/templates/`,
	template: (id: string) => `/${playbookOf(id)}/templates/${slugOf(id)}/`,
	escalation: (playbook: string) => `/${playbook}/escalation/`,
	checklist: (id: string) => `/${playbookOf(id)}/checklists/${slugOf(id)}/`,
	page: (id: string) => `/${playbookOf(id)}/${slugOf(id)}/`,
	decision: (id: string) => `/${playbookOf(id)}/decisions/${slugOf(id)}/`,
	/** The scenario finder: one playbook's, or across all playbooks. */
	finder: (playbook?: string) => (playbook ? `/${playbook}/find/` : '/find/'),
	/** Stable link for an alert name, for monitoring's `runbook_url`. */
	alert: (name: string) => `/alerts/${name}/`,
	search: () => '/search/',
};

/**
 * The page an entry is shown on. Escalation paths, roles and contacts share their playbook's
 * escalation page.
 */
export function entryUrl(collection: CollectionName, id: string): string {
	switch (collection) {
		case 'playbooks':
			return urls.playbook(id);
		case 'severities':
			return urls.severity(id);
		case 'scenarios':
			return urls.scenario(id);
		case 'templates':
			return urls.template(id);
		case 'checklists':
			return urls.checklist(id);
		case 'pages':
			return urls.page(id);
		case 'decisions':
			return urls.decision(id);
		case 'escalations':
		case 'roles':
		case 'contacts':
			return urls.escalation(playbookOf(id));
	}
}

/** Every page the site builds for these entries: each entry's page and each playbook's lists. */
export function siteUrls(entries: { collection: CollectionName; id: string }[]): Set<string> {
	const set = new Set([urls.home()]);
	for (const { collection, id } of entries) {
		set.add(entryUrl(collection, id));
		if (collection !== 'playbooks') continue;
		for (const list of [
			urls.severities,
			urls.scenarios,
			urls.templates,
			urls.escalation,
			urls.finder,
		])
			set.add(list(id));
	}
	return set;
}
