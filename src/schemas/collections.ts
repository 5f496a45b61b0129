/**
 * The collections of a playbook, written once: where each one's files live under `content/`, how
 * they are read and which schema checks them. The Astro content config (and through it the
 * loaders) and the stand-alone validator all read this table, so no collection can be published
 * unchecked or checked and left unpublished.
 */
import type { z } from 'astro/zod';
import type { RefFactory } from './common.ts';
import { ChecklistSchema } from './checklist.ts';
import { ContactsSchema } from './contact.ts';
import { DecisionSchema } from './decision.ts';
import { EscalationSchema } from './escalation.ts';
import { PageSchema } from './page.ts';
import { PlaybookSchema } from './playbook.ts';
import { RoleSchema } from './role.ts';
import { ScenarioSchema } from './scenario.ts';
import { SeveritySchema } from './severity.ts';
import { TemplateSchema } from './template.ts';

/** Where one collection's files live and how they are read. */
export interface CollectionFiles {
	/** Glob relative to the content root. */
	pattern: string;
	/** Data files are YAML; body files are MDX with YAML frontmatter. */
	format: 'yaml' | 'mdx';
}

const yaml = (pattern: string): CollectionFiles => ({ pattern, format: 'yaml' });
const mdx = (pattern: string): CollectionFiles => ({ pattern, format: 'mdx' });

/** Every collection, in the order the validator reads them: its name and where its files come from. */
export const COLLECTIONS = {
	/** `content/<playbook>/playbook.yaml` */
	playbooks: yaml('*/playbook.yaml'),
	/** `content/<playbook>/severities/<level>.yaml` */
	severities: yaml('*/severities/*.yaml'),
	/** `content/<playbook>/scenarios/<slug>.mdx` */
	scenarios: mdx('*/scenarios/*.mdx'),
	/** `content/<playbook>/templates/<slug>.yaml` */
	templates: yaml('*/templates/*.yaml'),
	/** `content/<playbook>/escalation/<slug>.yaml` */
	escalations: yaml('*/escalation/*.yaml'),
	/** `content/<playbook>/roles/<slug>.yaml` */
	roles: yaml('*/roles/*.yaml'),
	/** `content/<playbook>/checklists/<slug>.yaml` */
	checklists: yaml('*/checklists/*.yaml'),
	/** `content/<playbook>/contacts/<slug>.yaml` */
	contacts: yaml('*/contacts/*.yaml'),
	/** `content/<playbook>/pages/<slug>.mdx` */
	pages: mdx('*/pages/*.mdx'),
	/** `content/<playbook>/decisions/<slug>.yaml` */
	decisions: yaml('*/decisions/*.yaml'),
};

export type CollectionName = keyof typeof COLLECTIONS;

/** Every collection name, in table order. */
export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];

/**
 * The schema of each collection above, references built by `ref`: `reference` from
 * `astro:content` in the site, a checked id in the validator. Its keys must be exactly the
 * table's: the schemas name collections in their references, so the names cannot be read from
 * the schemas' own types (TypeScript refuses the cycle), and `satisfies` refuses any difference.
 */
export const collectionSchemas = <R extends z.ZodType>(ref: RefFactory<R>) =>
	({
		playbooks: PlaybookSchema(),
		severities: SeveritySchema(),
		scenarios: ScenarioSchema(ref),
		templates: TemplateSchema(),
		escalations: EscalationSchema(ref),
		roles: RoleSchema(),
		checklists: ChecklistSchema(),
		contacts: ContactsSchema(),
		pages: PageSchema(),
		decisions: DecisionSchema(ref),
	}) satisfies { [Name in CollectionName]: z.ZodType };
