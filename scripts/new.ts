/**
 * `npm run new -- <kind> --playbook <id> --title "…" [--slug s] [--level P2] [--content dir]`
 * Creates a new content entry with its required fields stubbed and commented, never overwriting
 * a file, then prints what the validator still wants filled in.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { todayIso } from '../src/lib/review.ts';
import { createEntry, ScaffoldError } from '../src/scaffold/create.ts';
import { KINDS, type Kind } from '../src/scaffold/entries.ts';
import { formatReport } from '../src/validation/diagnostic.ts';
import { validateContent } from '../src/validation/validate.ts';

const USAGE = `Creates a new playbook entry with its required fields stubbed and commented.

  npm run new -- <kind> --playbook <id> --title "<title>" [options]

Kinds:
  playbook    content/<id>/playbook.yaml: a new playbook (--playbook is its new id)
  severity    content/<id>/severities/<level>.yaml: one level of the ladder (needs --level)
  scenario    content/<id>/scenarios/<slug>.mdx: symptoms, alerts and the steps to take
  template    content/<id>/templates/<slug>.yaml: a message with its blanks declared as fields
  escalation  content/<id>/escalation/<slug>.yaml: who is engaged, and when
  checklist   content/<id>/checklists/<slug>.yaml: steps to tick
  page        content/<id>/pages/<slug>.mdx: prose (process, tools, drills)

Options:
  --playbook <id>   the playbook folder, e.g. servio
  --title "<text>"  the title (for a severity, its name: "Critical")
  --level <id>      severity level id, e.g. P2 or SEV-3
  --slug <name>     file name instead of one made from the title
  --content <dir>   content folder (default: content, or $RESPONDER_CONTENT)

Examples:
  npm run new -- scenario --playbook servio --title "Redis memory exhausted"
  npm run new -- severity --playbook servio --level P4 --title Cosmetic

Existing files are never overwritten. Then fill every [bracketed] blank and run npm run validate.`;

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		playbook: { type: 'string' },
		title: { type: 'string' },
		level: { type: 'string' },
		slug: { type: 'string' },
		content: { type: 'string', default: process.env.RESPONDER_CONTENT || 'content' },
		help: { type: 'boolean', short: 'h', default: false },
	},
});

if (values.help || positionals.length === 0) {
	console.log(USAGE);
	process.exit(0);
}

/** A usage mistake: say what is wrong and how to see the usage. */
function refuse(message: string): never {
	console.error(`${message}\nRun \`npm run new\` without arguments to see how it is used.`);
	process.exit(2);
}

const [kind, ...extra] = positionals;
if (!(KINDS as readonly string[]).includes(kind!))
	refuse(`\`${kind}\` is not a kind of entry; expected one of ${KINDS.join(', ')}.`);
if (extra.length > 0)
	refuse(
		`Unexpected \`${extra.join(' ')}\`; put a title with spaces in quotes: --title "Redis memory exhausted".`
	);
if (!values.playbook) refuse('Which playbook? Add `--playbook <id>`, e.g. `--playbook servio`.');
if (!values.title?.trim()) refuse('Add `--title "…"`: the name responders will see.');

try {
	const path = createEntry({
		kind: kind as Kind,
		playbook: values.playbook,
		title: values.title.trim(),
		slug: values.slug,
		level: values.level,
		root: values.content,
		today: todayIso(),
	});
	console.log(`Created ${path}.`);
	const mine = validateContent(values.content).diagnostics.filter(
		(d) => resolve(d.file) === resolve(path)
	);
	if (mine.length > 0)
		console.log(`\nStill to fill in before a pull request:\n\n${formatReport(mine)}`);
	console.log('\nPreview it with `npm run dev`; check everything with `npm run validate`.');
} catch (error) {
	if (!(error instanceof ScaffoldError)) throw error;
	console.error(error.message);
	process.exit(1);
}
