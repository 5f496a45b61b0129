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
	type RefFactory,
} from '../schemas/index.ts';

/**
 * Where each collection's files live under `content/` and which schema reads them. The Astro
 * content config and the stand-alone validator both read this table, so they cannot disagree.
 */
export interface CollectionSource {
	name: CollectionName;
	/** Glob relative to the content root. */
	pattern: string;
	/** Data files are YAML; body files are MDX with YAML frontmatter. */
	format: 'yaml' | 'mdx';
	schema: (ref: RefFactory) => import('astro/zod').ZodType;
}

export const COLLECTIONS: CollectionSource[] = [
	{ name: 'playbooks', pattern: '*/playbook.yaml', format: 'yaml', schema: () => PlaybookSchema() },
	{
		name: 'severities',
		pattern: '*/severities/*.yaml',
		format: 'yaml',
		schema: () => SeveritySchema(),
	},
	{
		name: 'scenarios',
		pattern: '*/scenarios/*.mdx',
		format: 'mdx',
		schema: (ref) => ScenarioSchema(ref),
	},
	{
		name: 'templates',
		pattern: '*/templates/*.yaml',
		format: 'yaml',
		schema: () => TemplateSchema(),
	},
	{
		name: 'escalations',
		pattern: '*/escalation/*.yaml',
		format: 'yaml',
		schema: (ref) => EscalationSchema(ref),
	},
	{ name: 'roles', pattern: '*/roles/*.yaml', format: 'yaml', schema: () => RoleSchema() },
	{
		name: 'checklists',
		pattern: '*/checklists/*.yaml',
		format: 'yaml',
		schema: () => ChecklistSchema(),
	},
	{
		name: 'contacts',
		pattern: '*/contacts/*.yaml',
		format: 'yaml',
		schema: () => ContactsSchema(),
	},
	{ name: 'pages', pattern: '*/pages/*.mdx', format: 'mdx', schema: () => PageSchema() },
	{
		name: 'decisions',
		pattern: '*/decisions/*.yaml',
		format: 'yaml',
		schema: (ref) => DecisionSchema(ref),
	},
];

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
