import { loadPlaybooks, slugOf, type PlaybookContent } from './content.ts';

type ListKey = 'severities' | 'scenarios' | 'templates' | 'checklists' | 'pages';

/** Static paths for one page per playbook. */
export async function playbookPaths() {
	return [...(await loadPlaybooks()).values()].map((content) => ({
		params: { playbook: content.playbook.id },
		props: { content },
	}));
}

/** Static paths for one page per entry of a list, with the entry and its playbook as props. */
export async function entryPaths<K extends ListKey>(key: K) {
	return [...(await loadPlaybooks()).values()].flatMap((content) =>
		(content[key] as PlaybookContent[K]).map((entry) => ({
			params: { playbook: content.playbook.id, slug: slugOf(entry.id) },
			props: { content, entry: entry as PlaybookContent[K][number] },
		}))
	);
}
