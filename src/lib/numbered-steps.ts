/**
 * Steps written as numbered comments in one code block, as some runbooks do:
 *
 * ```bash
 * # 1. Check service status
 * railway status
 * # 2. Restart service
 * railway restart
 * ```
 *
 * Each numbered comment is a step; the lines up to the next one are its commands. A command block
 * without numbered comments is one step, named after the heading above it. Shared by the Markdown
 * plugin (which renders them as checklist items) and the validator (which counts steps).
 */

/** Languages of command blocks: what a responder runs, so a block of them is a step. */
const COMMAND_LANGUAGES = new Set([
	'bash',
	'sh',
	'shell',
	'zsh',
	'console',
	'powershell',
	'pwsh',
	'ps1',
	'sql',
	'psql',
]);

export const isCommandLanguage = (language: string | null | undefined): boolean =>
	!!language && COMMAND_LANGUAGES.has(language.toLowerCase());

/** The label of a command block that is one step: the heading it stands under. */
export const commandStepText = (heading: string | undefined): string =>
	heading?.trim() || 'Run these commands';

export interface CodeStep {
	/** The comment's text without the marker and number: what the responder ticks. */
	text: string;
	/** The step's commands, blank lines at either end trimmed; may be empty. */
	code: string;
}

/** A comment line numbering a step: `# 1. …`, `// 2) …`, `-- 3. …`. */
const NUMBERED_COMMENT = /^\s*(?:#|\/\/|--)\s*(\d+)[.)]\s+(\S.*?)\s*$/;

/**
 * The steps of a code block, or `undefined` when it is not numbered step by step: its first line
 * that is not blank must be step 1, and the steps are numbered 1, 2, 3… in order (a comment that
 * jumps in numbering belongs to the step before it).
 */
export function numberedCodeSteps(code: string): CodeStep[] | undefined {
	const lines = code.replace(/\r\n?/g, '\n').split('\n');
	const steps: { text: string; lines: string[] }[] = [];
	for (const line of lines) {
		const match = NUMBERED_COMMENT.exec(line);
		if (match && Number(match[1]) === steps.length + 1) {
			steps.push({ text: match[2]!, lines: [] });
			continue;
		}
		if (steps.length === 0) {
			if (line.trim() === '') continue;
			return undefined;
		}
		steps.at(-1)!.lines.push(line);
	}
	if (steps.length === 0) return undefined;
	return steps.map(({ text, lines }) => ({
		text,
		code: lines
			.join('\n')
			.replace(/^(?:[ \t]*\n)+/, '')
			.trimEnd(),
	}));
}
