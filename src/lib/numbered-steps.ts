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
 * without numbered comments is one step, named after the heading above it and what its comments
 * (or first command) say it does. Shared by the Markdown
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

/** A command block that is one step, as the responder ticks it. */
export interface CommandStep {
	/** What the step does: the heading, then the block's own words (`Diagnosis: Check DNS`). */
	text: string;
	/**
	 * What its id comes from: the heading alone, as before the block's words were added, so ticks
	 * stored under it are kept and editing the commands never loses one.
	 */
	idText: string;
}

/** A comment line's text (`# …`, `// …`, `-- …`); not a shebang. */
const COMMENT = /^\s*(?:#(?!!)|\/\/|--)\s*(.*?)\s*$/;
const SHEBANG = /^\s*#!/;
/** How many of a block's parts its label names before "…". */
const LABEL_PARTS = 3;
/** The longest command a label quotes. */
const LABEL_COMMAND = 60;

const clip = (text: string, length: number) =>
	text.length > length ? `${text.slice(0, length - 1).trimEnd()}…` : text;

/**
 * What a lone command block does, in its own words: the first comment of each paragraph (its
 * lines between blank lines), as authors title each part (`# Check Supabase status`); a block
 * without one is named by its first command (`run git revert HEAD --no-commit …`).
 */
export function commandSummary(code: string): string {
	const paragraphs = code
		.replace(/\r\n?/g, '\n')
		.split(/\n[ \t]*\n/)
		.map((paragraph) => paragraph.split('\n').filter((line) => line.trim() !== ''))
		.filter((lines) => lines.length > 0);
	const titles = paragraphs.flatMap((lines) => {
		const title = COMMENT.exec(lines[0]!)?.[1]?.replace(/[:\s]+$/, '');
		return title ? [title] : [];
	});
	if (titles.length > 0)
		return titles.slice(0, LABEL_PARTS).join('; ') + (titles.length > LABEL_PARTS ? '; …' : '');
	const lines = paragraphs.flat().filter((line) => !COMMENT.test(line) && !SHEBANG.test(line));
	if (lines.length === 0) return '';
	return `run ${clip(lines[0]!.trim(), LABEL_COMMAND)}${lines.length > 1 ? ' …' : ''}`;
}

/** The step of a command block without numbered comments: its heading and what it does. */
export function commandStep(heading: string | undefined, code: string): CommandStep {
	const idText = heading?.trim() || 'Run these commands';
	const summary = commandSummary(code);
	if (!heading?.trim()) return { text: summary ? capitalise(summary) : idText, idText };
	return { text: summary ? `${idText}: ${summary}` : idText, idText };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

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
