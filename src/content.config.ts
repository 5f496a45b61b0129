import { defineCollection, reference } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { contentLoader } from './integrations/tolerant-loader.ts';
import { COLLECTION_NAMES, collectionSchemas, type CollectionName } from './schemas/collections.ts';

/** Root of the playbook content; `RESPONDER_CONTENT` points tests and benchmarks elsewhere. */
const contentRoot = process.env.RESPONDER_CONTENT ?? './content';

/**
 * Every playbook collection, from the one table in `schemas/collections.ts` (where each one's
 * files come from). Each is loaded with that table's glob, ids `<playbook>/<file>`, read as the
 * validator reads them (no symlinks out of the content folder); in dev a broken file is left out
 * rather than stopping the server (the validator reports it).
 */
const schemas = collectionSchemas(reference);

/** The collection config Astro reads each entry's type from: the table's schema, as written. */
type Playbook = { [Name in CollectionName]: { loader: Loader; schema: (typeof schemas)[Name] } };

const playbook = Object.fromEntries(
	COLLECTION_NAMES.map((name) => [
		name,
		defineCollection({
			loader: contentLoader(name, { root: contentRoot, tolerant: import.meta.env.DEV }),
			schema: schemas[name],
		}),
	])
) as Playbook;

export const collections = {
	/** Starlight's own collection (empty): Responder renders its pages through custom routes. */
	docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
	...playbook,
};
