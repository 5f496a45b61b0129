import { defineCollection, reference } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { contentLoader } from './integrations/tolerant-loader.ts';
import { COLLECTIONS } from './lib/collections.ts';
import {
	ChecklistSchema,
	ContactsSchema,
	DecisionSchema,
	EscalationSchema,
	PageSchema,
	PlaybookSchema,
	RoleSchema,
	ScenarioSchema,
	SeveritySchema,
	TemplateSchema,
	type CollectionName,
} from './schemas/index.ts';

/** Root of the playbook content; `RESPONDER_CONTENT` points tests and benchmarks elsewhere. */
const contentRoot = process.env.RESPONDER_CONTENT ?? './content';

/**
 * Files of one collection, found with the glob in `lib/collections.ts`, ids `<playbook>/<file>`,
 * read as the validator reads them (no symlinks out of the content folder). In dev a broken file
 * is left out rather than stopping the server (the validator reports it).
 */
const loader = (name: CollectionName) =>
	contentLoader(name, { root: contentRoot, tolerant: import.meta.env.DEV });

/** Starlight's own collection (empty): Responder renders its pages through custom routes. */
const docs = defineCollection({ loader: docsLoader(), schema: docsSchema() });
/** `content/<playbook>/playbook.yaml` */
const playbooks = defineCollection({ loader: loader('playbooks'), schema: PlaybookSchema() });
/** `content/<playbook>/severities/<level>.yaml` */
const severities = defineCollection({ loader: loader('severities'), schema: SeveritySchema() });
/** `content/<playbook>/scenarios/<slug>.mdx` */
const scenarios = defineCollection({
	loader: loader('scenarios'),
	schema: ScenarioSchema(reference),
});
/** `content/<playbook>/templates/<slug>.yaml` */
const templates = defineCollection({ loader: loader('templates'), schema: TemplateSchema() });
/** `content/<playbook>/escalation/<slug>.yaml` */
const escalations = defineCollection({
	loader: loader('escalations'),
	schema: EscalationSchema(reference),
});
/** `content/<playbook>/roles/<slug>.yaml` */
const roles = defineCollection({ loader: loader('roles'), schema: RoleSchema() });
/** `content/<playbook>/checklists/<slug>.yaml` */
const checklists = defineCollection({ loader: loader('checklists'), schema: ChecklistSchema() });
/** `content/<playbook>/contacts/<slug>.yaml` */
const contacts = defineCollection({ loader: loader('contacts'), schema: ContactsSchema() });
/** `content/<playbook>/pages/<slug>.mdx` */
const pages = defineCollection({ loader: loader('pages'), schema: PageSchema() });
/** `content/<playbook>/decisions/<slug>.yaml` */
const decisions = defineCollection({
	loader: loader('decisions'),
	schema: DecisionSchema(reference),
});

export const collections = {
	docs,
	playbooks,
	severities,
	scenarios,
	templates,
	escalations,
	roles,
	checklists,
	contacts,
	pages,
	decisions,
};

// The collections above are typed one by one for Astro; the table in `lib/collections.ts` is the
// list the validator and the loaders read. A collection missing here would go unpublished.
const defined = new Set(Object.keys(collections));
const undefinedHere = COLLECTIONS.filter((source) => !defined.has(source.name));
if (undefinedHere.length)
	throw new Error(
		`src/content.config.ts defines no collection for ${undefinedHere.map((s) => s.name).join(', ')} (listed in src/lib/collections.ts)`
	);
