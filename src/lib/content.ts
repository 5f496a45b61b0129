import { getCollection, type CollectionEntry } from 'astro:content';
import { COLLECTION_NAMES, type CollectionName } from '../schemas/collections.ts';
import { playbookOf, slugOf } from './entry-ids.ts';

export type PlaybookEntry = CollectionEntry<'playbooks'>;
export type SeverityEntry = CollectionEntry<'severities'>;
export type ScenarioEntry = CollectionEntry<'scenarios'>;
export type TemplateEntry = CollectionEntry<'templates'>;

/** The collections whose entries belong to a playbook (all but the playbooks themselves). */
type Listed = Exclude<CollectionName, 'playbooks'>;
const LISTED = COLLECTION_NAMES.filter((name): name is Listed => name !== 'playbooks');

const byOrder = <T extends { id: string; data: { order?: number } }>(a: T, b: T) =>
	(a.data.order ?? 100) - (b.data.order ?? 100) || a.id.localeCompare(b.id);

/** Everything one playbook holds, one list per collection, each in reading order. Cached per build. */
export type PlaybookContent = { playbook: PlaybookEntry } & {
	[Name in Listed]: CollectionEntry<Name>[];
};

let cache: Promise<Map<string, PlaybookContent>> | undefined;

/** All playbooks with their entries, read once per build. */
export function loadPlaybooks(): Promise<Map<string, PlaybookContent>> {
	cache ??= (async () => {
		const [playbooks, ...lists] = await Promise.all([
			getCollection('playbooks'),
			...LISTED.map((name) => getCollection(name)),
		]);
		const result = new Map<string, PlaybookContent>();
		for (const playbook of playbooks.sort((a, b) => a.data.name.localeCompare(b.data.name))) {
			const content = { playbook } as PlaybookContent;
			LISTED.forEach((name, index) => {
				const entries = (
					lists[index] as { id: string; data: { order?: number; rank?: number } }[]
				).filter((entry) => playbookOf(entry.id) === playbook.id);
				(content as unknown as Record<string, unknown>)[name] =
					name === 'severities'
						? entries.sort((a, b) => a.data.rank! - b.data.rank!)
						: entries.sort(byOrder);
			});
			result.set(playbook.id, content);
		}
		return result;
	})();
	return cache;
}

/** One playbook's content; throws only on a programming error (routes come from the same map). */
export async function playbookContent(id: string): Promise<PlaybookContent> {
	const content = (await loadPlaybooks()).get(id);
	if (!content) throw new Error(`No playbook \`${id}\`.`);
	return content;
}

export { urls } from './urls.ts';

export { playbookOf, slugOf };
