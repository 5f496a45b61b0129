import type { CollectionName } from '../schemas/index.ts';

/**
 * An entry's id: `<playbook>/<file name>`, e.g. `servio/p0` or `servio/high-error-rate`; a
 * playbook's own id is its folder name.
 */
export function entryId(collection: CollectionName, relativePath: string): string {
	const parts = relativePath.split('/');
	const playbook = parts[0]!;
	if (collection === 'playbooks') return playbook;
	const file = parts[parts.length - 1]!.replace(/\.(ya?ml|mdx?)$/, '');
	return `${playbook}/${file}`;
}

/** The playbook an entry id belongs to. */
export const playbookOf = (id: string): string => id.split('/')[0]!;

/** The entry's own slug inside its playbook. */
export const slugOf = (id: string): string => id.split('/').slice(1).join('/');
