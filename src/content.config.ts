import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { tolerant } from './integrations/tolerant-loader.ts';
import { COLLECTIONS, entryId } from './lib/collections.ts';
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
 * Files of one collection, found with the glob in `lib/collections.ts`, ids `<playbook>/<file>`.
 * In dev a broken file is left out rather than stopping the server (the validator reports it).
 */
const loader = (name: CollectionName) => {
	const files = glob({
		pattern: COLLECTIONS.find((source) => source.name === name)!.pattern,
		base: contentRoot,
		generateId: ({ entry }) => entryId(name, entry),
	});
	return import.meta.env.DEV ? tolerant(files) : files;
};

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
