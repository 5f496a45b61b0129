/**
 * `npm run import -- <file.md | folder> --playbook <id> [--name "Product"] [--out content] [--dry-run] [--force] [--format json]`
 * Turns a Markdown incident playbook into typed Responder content and prints what it recognised,
 * what it repaired and what it kept word for word. Bad input gets one line, never a stack trace.
 */
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { importMarkdown } from '../src/importer/import.ts';
import { escapeJson, escapeTerminal } from '../src/lib/escape.ts';
import { ImportError, readSource } from '../src/importer/read.ts';
import { formatImportReport, importReportData } from '../src/importer/report.ts';
import { serialise, writePlaybook } from '../src/importer/writer.ts';
import { formatReport } from '../src/validation/diagnostic.ts';

const USAGE =
	'usage: npm run import -- <file.md | folder> --playbook <id> [--name "Product"] [--out content] [--dry-run] [--force] [--format json]';

function main(): number {
	const { values, positionals } = parseArgs({
		allowPositionals: true,
		options: {
			playbook: { type: 'string' },
			name: { type: 'string' },
			out: { type: 'string', default: 'content' },
			'dry-run': { type: 'boolean', default: false },
			force: { type: 'boolean', default: false },
			format: { type: 'string', default: 'text' },
		},
	});
	const [file, ...extra] = positionals;
	if (!file || extra.length)
		throw new ImportError(`expected exactly one Markdown file or folder. ${USAGE}`);
	if (!values.playbook)
		throw new ImportError(
			`--playbook is required (the id of the new playbook, e.g. \`restaurant-os\`). ${USAGE}`
		);
	if (!/^[a-z0-9][a-z0-9-]*$/.test(values.playbook))
		throw new ImportError(
			`--playbook \`${values.playbook}\` is not a kebab-case id (expected lowercase letters, digits and dashes, e.g. \`restaurant-os\`).`
		);
	if (values.format !== 'text' && values.format !== 'json')
		throw new ImportError(
			`--format \`${values.format}\` is not known (expected \`text\` or \`json\`).`
		);
	const source = readSource(file);
	const result = importMarkdown(source.text, {
		playbook: values.playbook,
		name: values.name,
		sourceName: basename(file),
		markup: source.markup,
		lines: source.lines,
		includes: source.includes,
	});
	const files = serialise(values.playbook, result.imported);
	const dryRun = values['dry-run'];
	const warnings = writePlaybook(files, {
		out: values.out,
		playbook: values.playbook,
		force: values.force,
		dryRun,
	});
	const exists = existsSync(join(values.out, values.playbook));
	const report = {
		source: file,
		playbook: values.playbook,
		result,
		repairs: source.repairs,
		sourceFiles: source.files,
		files: [...files.keys()].map((path) => `${values.out}/${path}`),
		verb: dryRun ? 'would write; --dry-run wrote nothing' : 'written',
	};
	if (values.format === 'json') {
		console.log(
			escapeJson(
				{
					...importReportData(report),
					needsForce: dryRun && exists && !values.force,
					warnings: warnings.map(({ file, field, line, rule, message }) => ({
						file,
						field,
						line,
						rule,
						message,
					})),
				},
				2
			)
		);
		return 0;
	}
	console.log(formatImportReport(report));
	if (dryRun && exists && !values.force)
		console.log(
			`\nPlaybook \`${values.playbook}\` already exists in ${values.out}/: a real run needs --force to replace it.`
		);
	if (warnings.length)
		console.log(`\nValidation warnings (fill these in when you can):\n${formatReport(warnings)}`);
	return 0;
}

try {
	process.exitCode = main();
} catch (error) {
	const message =
		error instanceof ImportError
			? error.message
			: `the import failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`;
	// File names and validator messages quote what they were given.
	console.error(escapeTerminal(`import: ${message.split('\n')[0]}`));
	process.exitCode = 1;
}
