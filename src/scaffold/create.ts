import { existsSync, globSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { entryPath, entryText, type Kind } from './entries.ts';

export interface CreateOptions {
	kind: Kind;
	playbook: string;
	title: string;
	/** File name; default from the title (or the level, for a severity). */
	slug?: string | undefined;
	level?: string | undefined;
	/** Content root, e.g. `content`. */
	root: string;
	today: string;
}

/** A request the scaffolder refuses, with what to do instead. */
export class ScaffoldError extends Error {}

/** `Payment Processing Failures` → `payment-processing-failures`. */
export function slugify(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

/** Page slugs that would shadow a playbook's own routes (`/<playbook>/scenarios/`). */
const RESERVED_PAGE_SLUGS = new Set([
	'severities',
	'scenarios',
	'templates',
	'escalation',
	'checklists',
]);

/** Writes a new entry and returns its path; never overwrites an existing file. */
export function createEntry(options: CreateOptions): string {
	const { kind, playbook, root } = options;
	if (!/^[a-z0-9][a-z0-9-]*$/.test(playbook)) {
		throw new ScaffoldError(
			`The playbook id \`${playbook}\` is not a folder name Responder accepts; use lower-case letters, digits and dashes, e.g. \`servio\`.`
		);
	}
	const playbookFile = join(root, playbook, 'playbook.yaml');
	if (kind !== 'playbook' && !existsSync(playbookFile)) {
		throw new ScaffoldError(
			`There is no playbook \`${playbook}\` (no ${playbookFile}). Create it first: npm run new -- playbook --playbook ${playbook} --title "…"`
		);
	}
	if (kind === 'severity' && !options.level) {
		throw new ScaffoldError(
			'A severity needs its level id: add `--level P2` (the id responders say out loud).'
		);
	}
	if (options.level !== undefined && !/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(options.level)) {
		throw new ScaffoldError(
			`The level \`${options.level}\` is not a short level id; use letters, digits and dashes, e.g. \`P2\` or \`SEV-3\`.`
		);
	}
	const slug = options.slug ?? slugify(kind === 'severity' ? options.level! : options.title);
	if (!/^[a-z0-9][a-z0-9-]*$/.test(slug)) {
		throw new ScaffoldError(
			`Cannot make a file name from \`${options.slug ?? options.title}\`; pass \`--slug\` with lower-case letters, digits and dashes.`
		);
	}
	if (kind === 'page' && RESERVED_PAGE_SLUGS.has(slug)) {
		throw new ScaffoldError(
			`A page cannot be called \`${slug}\`: /${playbook}/${slug}/ is already a list of the playbook. Pass another \`--slug\`.`
		);
	}
	const path = join(root, entryPath(kind, playbook, slug));
	if (existsSync(path)) {
		throw new ScaffoldError(
			`${path} already exists, and \`npm run new\` never overwrites a file. Edit it, or pick another \`--title\` or \`--slug\`.`
		);
	}
	const ids = (folder: string, extension: string) =>
		globSync(`${playbook}/${folder}/*.${extension}`, { cwd: root })
			.map(
				(file) =>
					`${playbook}/${file
						.split('/')
						.pop()!
						.replace(/\.[a-z]+$/, '')}`
			)
			.sort();
	const ranks = ids('severities', 'yaml').map((id) => {
		const data = parse(
			readFileSync(join(root, `${id.replace('/', '/severities/')}.yaml`), 'utf8')
		) as { rank?: unknown } | null;
		return { id, rank: typeof data?.rank === 'number' ? data.rank : Number.POSITIVE_INFINITY };
	});
	ranks.sort((a, b) => a.rank - b.rank);
	const finite = ranks.map((r) => r.rank).filter(Number.isFinite);
	const text = entryText({
		kind,
		playbook,
		title: options.title,
		slug,
		...(options.level !== undefined && { level: options.level }),
		today: options.today,
		severities: ranks.map((r) => r.id),
		nextRank: finite.length ? Math.max(...finite) + 1 : 0,
		templates: ids('templates', 'yaml'),
		escalations: ids('escalation', 'yaml'),
	});
	mkdirSync(dirname(path), { recursive: true });
	writeFileSync(path, text, { flag: 'wx' });
	return path;
}
