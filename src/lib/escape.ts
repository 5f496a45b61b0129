/**
 * Text leaves Responder through one of these helpers, one per target format, so a title, a note or
 * an incident id someone else wrote stays text wherever it lands: HTML, Markdown, MDX, YAML
 * frontmatter, JSON (in a file or a page's `<script>`), the Slack composer, a terminal or a regular expression. Each takes plain text and returns it written for its target; none of them
 * is safe for another target. `test/unit/escape.test.ts` compiles what they emit on a corpus of
 * hostile strings (`test/unit/fixtures/hostile-strings.ts`).
 */

/** HTML text or a quoted attribute value: the five characters HTML gives a meaning. */
export const escapeHtml = (text: string): string =>
	text.replace(
		/[&<>"']/g,
		(char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!
	);

/**
 * Characters escaped wherever they are in Markdown text: raw HTML and autolinks (`<`), links and
 * images (`[`, `]`), code spans (`` ` ``), emphasis and strikethrough (`*`, `_`, `~`), table cells
 * (`|`), character references (`&`) and the backslash itself. MDX adds `{` and `}` (expressions).
 */
const MARKDOWN_INLINE = /[\\`*_[\]<>&~|]/g;
const MDX_INLINE = /[\\`*_[\]<>&~|{}]/g;

/**
 * GFM's tokenizer would read an address and the backslash after it as one link, leaving the
 * character it escaped (`\<input>`) as markup: a backslash in `://` and `www.` leaves addresses to its later
 * linker, which keeps the text as written. These are the characters that take it.
 */
const ADDRESS_MARK = /:(?=\/\/)|(?<=\bwww)\./gi;
const ADDRESS_MARK_AT = new RegExp(ADDRESS_MARK.source, 'iy');

/**
 * Markdown inline text for a value placed inside a line (`- 14:05 UTC - <text>`) or as a line of
 * its own: one line (line breaks become spaces), no markup, no block syntax at its start (`#`,
 * `>`, `-`, `+`, `=`, `1.`). A bare address (`https://…`, `www.…`, `a@b.c`) stays as written;
 * GFM readers link it after parsing, whatever escapes it carries, but such a link shows its own
 * target: no text can hide where a link goes.
 */
export const escapeMarkdown = (text: string): string => inline(text, MARKDOWN_INLINE);

/** `escapeMarkdown` for MDX: also `{`, `}`, and `import`/`export` at the start (ESM in MDX). */
export const escapeMdxText = (text: string): string =>
	inline(text, MDX_INLINE).replace(/^(i)(?=mport\b)|^(e)(?=xport\b)/, (char) => charRef(char));

function inline(text: string, markup: RegExp): string {
	return (
		oneLine(text)
			.trim()
			.replace(markup, '\\$&')
			.replace(ADDRESS_MARK, '\\$&')
			// Block syntax only counts at the start of a line.
			.replace(/^([#>+=-])/, '\\$1')
			.replace(/^(\d{1,9})([.)])/, '$1\\$2')
	);
}

/**
 * Each run of whitespace holding a line break as one space. Split rather than replaced by one
 * pattern of spaces around breaks, which backtracks over every space of a long run that holds no
 * break (quadratic on a hostile line).
 */
function oneLine(text: string): string {
	if (!/[\r\n\u2028\u2029]/.test(text)) return text;
	const parts = text.split(/[\r\n\u2028\u2029]/);
	return parts
		.map((part, at) => {
			const start = at > 0 ? part.trimStart() : part;
			return at < parts.length - 1 ? start.trimEnd() : start;
		})
		.filter((part, at) => part || at === 0 || at === parts.length - 1)
		.join(' ');
}

const charRef = (char: string): string => `&#${char.codePointAt(0)};`;

/** Whether the address at `at` runs into an escape (`https://a.example/{id}`); only then is its mark escaped. */
const takesEscape = (line: string, at: number): boolean =>
	/[{}<\\`]/.test(/^\S*/.exec(line.slice(at))![0]);

/**
 * A Markdown document made safe to compile as MDX without changing what it shows. Outside code,
 * `{`, `}` and `<` are backslash-escaped (MDX reads them as expressions and JSX) and a line
 * starting with `import`/`export` (ESM in MDX) starts with a character reference. Code is what
 * CommonMark makes code: fenced blocks (in a list item too), and code spans closed on the same
 * line; a backslash-escaped backtick opens nothing, and a backtick that closes nothing on its line
 * is escaped so the MDX parser cannot pair it with a later one either. An address that runs into an
 * escape is kept from taking it (`ADDRESS_MARK`); others stay as written. Values placed in the document should already be escaped with `escapeMdxText`.
 */
export function escapeMdx(markdown: string): string {
	const out: string[] = [];
	let fence: { char: string; length: number } | undefined;
	// Where a list item's text starts: a fence may stand up to 3 spaces past it (`1. Run:` then `    ```sql`).
	let itemColumn = 0;
	for (const line of markdown.split('\n')) {
		const indent = /^ */.exec(line)![0].length;
		const item = /^( *)([-*+]|\d{1,9}[.)])( {1,4})\S/.exec(line);
		if (!fence && line.trim() && indent < itemColumn) itemColumn = 0;
		const marker = indent <= itemColumn + 3 ? /^ *(`{3,}|~{3,})(.*)$/.exec(line) : null;
		if (!fence && item) itemColumn = item[0].length - 1;
		if (fence) {
			if (marker?.[1]![0] === fence.char && marker[1]!.length >= fence.length && !marker[2]!.trim())
				fence = undefined;
			out.push(line);
			continue;
		}
		if (marker && !(marker[1]![0] === '`' && marker[2]!.includes('`'))) {
			fence = { char: marker[1]![0]!, length: marker[1]!.length };
			out.push(line);
			continue;
		}
		out.push(escapeMdxLine(line));
	}
	return out.join('\n');
}

function escapeMdxLine(line: string): string {
	let out = '';
	let at = 0;
	const esm = /^(\s*)(import|export)\b/.exec(line);
	if (esm) {
		out = esm[1]! + charRef(esm[2]![0]!);
		at = esm[1]!.length + 1;
	}
	while (at < line.length) {
		const char = line[at]!;
		if (char === '\\' && /[!-/:-@[-`{-~]/.test(line[at + 1] ?? '')) {
			out += line.slice(at, at + 2);
			at += 2;
			continue;
		}
		if (char === '`') {
			const run = /^`+/.exec(line.slice(at))![0];
			const close = new RegExp(`(?<!\`)${run}(?!\`)`, 'g');
			close.lastIndex = at + run.length;
			const end = close.exec(line);
			if (end) {
				out += line.slice(at, end.index + run.length);
				at = end.index + run.length;
			} else {
				out += run.replace(/`/g, '\\`');
				at += run.length;
			}
			continue;
		}
		ADDRESS_MARK_AT.lastIndex = at;
		out +=
			char === '{' ||
			char === '}' ||
			char === '<' ||
			(ADDRESS_MARK_AT.test(line) && takesEscape(line, at))
				? `\\${char}`
				: char;
		at++;
	}
	return out;
}

/**
 * Characters JSON leaves raw in a string that a reader should not get raw: DEL and C1 controls (a
 * terminal obeys some, YAML refuses them), line and paragraph separators, the byte-order mark and
 * non-characters, and the direction overrides, embeddings, isolates and marks.
 */
const JSON_RAW =
	/[\x7F-\x9F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF\uFFFE\uFFFF]/g;

/**
 * JSON for any JSON-compatible value, with the characters of `JSON_RAW` written as `\uXXXX`
 * escapes (JSON already escapes C0 controls, ESC among them): `JSON.parse` gives back the same
 * value, and a terminal showing it (`--format json`) obeys nothing in it.
 */
export const escapeJson = (value: unknown, indent?: number): string =>
	JSON.stringify(value, null, indent).replace(
		JSON_RAW,
		(char) => `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`
	);

/**
 * JSON for the body of a `<script type="application/json">` element: `escapeJson`, with `<` written
 * `\u003c`, so no value (`</script>`, `<!--`) can end the element or change how it is read.
 */
export const escapeJsonScript = (value: unknown): string =>
	escapeJson(value).replace(/</g, '\\u003c');

/**
 * A YAML value (frontmatter) for any JSON-compatible value: JSON, which YAML 1.2 reads as written,
 * its `\uXXXX` escapes (`escapeJson`) included, so nothing YAML refuses to see raw is left raw.
 */
export const escapeYaml = (value: unknown): string => escapeJson(value);

/**
 * Text pasted into Slack's message composer (Responder's Slack copies go onto the clipboard, not
 * through Slack's API). The composer takes pasted text as typed: `<!channel>`, `<@U123>` and
 * `<https://…|label>` show as written, and Slack's API entities (`&lt;`) would show literally, so
 * none are written. What the composer does act on is a broadcast typed out, `@channel`, `@here`,
 * `@everyone`: a word joiner (U+2060, invisible) after the `@` keeps it text, so a value from a
 * hand-over link cannot notify a whole channel. Mentions of people (`@dana`) are left as they are.
 */
export const escapeSlack = (text: string): string =>
	text.replace(/@(?=(?:channel|here|everyone)\b)/gi, '@\u2060');

/**
 * Control characters and bidirectional formatting: C0 controls other than tab and line feed, DEL,
 * C1 controls, ESC (which starts ANSI escape sequences), and the direction overrides,
 * embeddings, isolates and marks.
 */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\0-\x08\x0B-\x1F\x7F-\x9F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Control and direction characters made visible as `\x1B`, `\u202E`…: a terminal prints them
 * instead of obeying them, and a name with a right-to-left override reads as it was written.
 */
export const revealControls = (text: string): string =>
	text.replace(CONTROLS, (char) => {
		const code = char.codePointAt(0)!;
		return code < 0x100
			? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`
			: `\\u${code.toString(16).toUpperCase()}`;
	});

/** Text without control and direction characters, for a search query made from a link. */
export const stripControls = (text: string): string => text.replace(CONTROLS, '');

/** Text for a terminal report: one line per `\n`, every control byte visible, not obeyed. */
export const escapeTerminal = (text: string): string => revealControls(text.replace(/\r\n/g, '\n'));

/** Text inside a regular expression's source, matched as written (`Lead (IL)?` matches itself). */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
