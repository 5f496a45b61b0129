/**
 * `npm run validate [-- --strict] [--format json] [--content <dir>] [--today YYYY-MM-DD] [--alerts <rules.yaml>]`
 * Checks all playbook content and prints every problem, grouped by file. Exits 1 on any error
 * (and on warnings with --strict).
 */
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { escapeJson, escapeTerminal } from '../src/lib/escape.ts';
import { formatReport, sortDiagnostics } from '../src/validation/diagnostic.ts';
import { validateContent } from '../src/validation/validate.ts';
import { checkAlertRules } from '../src/validation/alert-coverage.ts';

const { values } = parseArgs({
	options: {
		strict: { type: 'boolean', default: false },
		format: { type: 'string', default: 'text' },
		content: { type: 'string', default: process.env.RESPONDER_CONTENT ?? 'content' },
		today: { type: 'string' },
		/** A Prometheus rules file: report alerts with no runbook and runbook alerts it does not define. */
		alerts: { type: 'string' },
	},
});

if (values.format !== 'text' && values.format !== 'json') {
	console.error(`--format must be \`text\` or \`json\`, not \`${values.format}\`.`);
	process.exit(2);
}

if (!statSync(values.content, { throwIfNoEntry: false })?.isDirectory()) {
	// A mistyped --content (or RESPONDER_CONTENT) gets one line, never a stack trace.
	console.error(
		escapeTerminal(
			`--content \`${values.content}\` is not a folder (expected the folder that holds the playbooks, e.g. \`content\`).`
		)
	);
	process.exit(2);
}

const today = values.today ? new Date(`${values.today}T00:00:00Z`) : undefined;
const { entries, diagnostics } = validateContent(values.content, { today });
if (values.alerts) diagnostics.push(...checkAlertRules(values.alerts, entries));
const failing = diagnostics.filter((d) => d.severity === 'error' || values.strict);

if (values.format === 'json') {
	// Messages quote content: `escapeJson` leaves no control or direction character raw.
	console.log(
		escapeJson(
			{
				diagnostics: sortDiagnostics(diagnostics),
				errors: diagnostics.filter((d) => d.severity === 'error').length,
				warnings: diagnostics.filter((d) => d.severity === 'warning').length,
			},
			2
		)
	);
} else {
	console.log(formatReport(diagnostics));
}
process.exit(failing.length > 0 ? 1 : 0);
