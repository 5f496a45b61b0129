import { escapeMarkdown } from '../lib/escape.ts';
import { closingSearch, codeSpan, destination, escapeText } from './markdown.ts';

/**
 * reStructuredText (Sphinx, docutils) read as the Markdown the recognisers already read, before
 * `prepareSource`: section titles become `#` headings (levels in order of first appearance), lists
 * stay lists, field and definition lists become bold-label bullets, literal blocks and
 * `.. code-block::` become fences, admonitions become a quote opening with the bold label, images
 * become Markdown images, comments, targets and table-of-contents directives are left out, and
 * tables become pipe tables. Text RST shows as written is escaped (`escapeMarkdown`), so it stays
 * text in Markdown too. The conversion keeps every line where it was (a title's underline becomes a
 * blank line, a directive line the fence); only rows of a table move up, and `lines` maps them back.
 */

export interface ReadRst {
	text: string;
	/** Lines that moved (rows of a table): Markdown line → the RST line. */
	lines: Map<number, number>;
}

/** A line of one punctuation character repeated: a title's underline or overline, a transition. */
const RUN = /^([!-/:-@[-`{-~])\1*[ \t]*$/;
const GRID_BORDER = /^\+(?:[-=]+\+)+[ \t]*$/;
const SIMPLE_BORDER = /^=+(?: +=+)+[ \t]*$/;
const BULLET = /^([-*+•‣⁃])(?: +|$)/;
const ENUM_VALUE = String.raw`(?:\d+|#|[A-Za-z]|[ivxlcdm]+|[IVXLCDM]+)`;
const ENUMERATOR = new RegExp(String.raw`^(?:(${ENUM_VALUE})([.)])|\((${ENUM_VALUE})\))(?: +|$)`);
const FIELD = /^:((?:[^:\\`\n]|\\.)+):(?: +|$)/;
const LINE_BLOCK = /^\|(?: +|$)/;
const EXPLICIT = /^\.\.(?: |$)/;
const DIRECTIVE = /^\.\. +([A-Za-z0-9][\w.+:-]*?)::(?: +(.*))?$/;
const OPTION = /^:[\w-]+:(?: |$)/;

const CODE = new Set(['code-block', 'code', 'sourcecode', 'parsed-literal', 'math']);
const ADMONITIONS: Record<string, string> = {
	note: 'Note',
	warning: 'Warning',
	important: 'Important',
	tip: 'Tip',
	caution: 'Caution',
	danger: 'Danger',
	attention: 'Attention',
	hint: 'Hint',
	error: 'Error',
	seealso: 'See also',
	todo: 'To do',
};
/** Directives that show nothing of their own on a page that is read alone: left out with their options. */
const DROPPED =
	/^(?:toctree|contents|index|meta|raw|include|literalinclude|highlight|sectnum|section-numbering|default-role|role|title|tabularcolumns|header|footer|target-notes|autosummary|auto\w+)$/;
/** Roles whose text is code (`:command:`, `:file:`). */
const CODE_ROLES =
	/^(?:code|literal|file|command|kbd|samp|program|envvar|option|makevar|mimetype|regexp|math)$/;

/**
 * Lines that show a text is reStructuredText, at most three, each named with its line: a directive
 * (`.. code-block::`), a target (`.. _label:`), a `` `text <address>`_ `` link, a title underlined
 * with a character Markdown has no heading for. Lines inside a ``` fence are samples, not markup.
 */
export function rstEvidence(text: string): string[] {
	const lines = text.split('\n');
	const seen: string[] = [];
	let fence = false;
	for (let index = 0; index < lines.length && seen.length < 3; index++) {
		const line = lines[index]!;
		if (/^\s*```/.test(line)) fence = !fence;
		if (fence) continue;
		const above = lines[index - 1]?.trim() ?? '';
		const at = `line ${index + 1}`;
		if (/^\.\. [A-Za-z][\w-]*(?::[\w-]+)?::(?:\s|$)/.test(line))
			seen.push(`\`.. ${line.trim().split(/\s/)[1]}\` on ${at}`);
		else if (/^\.\. _[^:\s][^:]*:/.test(line)) seen.push(`a \`.. _target:\` on ${at}`);
		else if (/`[^`<\n]+<[^>\n]+>`__?/.test(line))
			seen.push(`a ${codeSpan('`text <address>`_')} link on ${at}`);
		else if (
			/^([~^"'*+#:._`])\1{2,}\s*$/.test(line) &&
			/\w/.test(above) &&
			line.trim().length >= above.length
		)
			seen.push(`a heading underlined with ${codeSpan(line.trim().slice(0, 3))} on ${at}`);
	}
	return seen.length >= 2 ? seen : [];
}

const indentOf = (line: string): number => /^ */.exec(line)![0].length;
const isBlank = (line: string | undefined): boolean => !line?.trim();
/** Target and reference names compare without case and extra spaces, as docutils compares them. */
const refName = (name: string): string => name.replace(/\s+/g, ' ').trim().toLowerCase();

/** Characters after which inline markup may start, and before which it may end (docutils' rules). */
const OPENERS = /[\s'"([{<\-/:\u2018\u201c\u00ab]/;
const CLOSERS = /[\s'")\]}>\-/:.,;!?\\\u2019\u201d\u00bb]/;

class Reader {
	private readonly src: string[];
	private readonly out: string[];
	private readonly moved = new Map<number, number>();
	/** Lines after the last: a fence closing at the end of the file. */
	private readonly tail: string[] = [];
	private readonly styles: string[] = [];
	private readonly targets = new Map<string, string>();
	/** Internal targets (`.. _label:`) standing over a title: the title they name. */
	private readonly labels = new Map<string, string>();
	private readonly substitutions = new Map<string, string>();
	/** The line of the list item being read: its text goes on over more indented lines. */
	private itemLine = -1;

	constructor(text: string) {
		this.src = text.split('\n').map((line) => line.replace(/\t/g, '        ').trimEnd());
		this.out = this.src.map(() => '');
		this.collect();
	}

	read(): ReadRst {
		this.body(0, this.src.length, 0, '');
		return { text: [...this.out, ...this.tail].join('\n'), lines: this.moved };
	}

	/** Targets, labels and substitutions, which a reference may use before they are defined. */
	private collect(): void {
		const { src } = this;
		src.forEach((line, index) => {
			const target = /^\s*\.\. _(?:`([^`]+)`|([^:`][^:]*)):(?: +(.*))?$/.exec(line);
			if (target) {
				const name = refName(target[1] ?? target[2] ?? '');
				let url = target[3]?.trim() ?? '';
				for (let next = index + 1; url && /^\s+\S/.test(src[next] ?? ''); next++)
					url += src[next]!.trim();
				if (url) {
					if (!this.targets.has(name)) this.targets.set(name, url);
					return;
				}
				let next = index + 1;
				while (next < src.length && (isBlank(src[next]) || /^\.\. _/.test(src[next]!))) next++;
				const title = RUN.test(src[next] ?? '') ? src[next + 1] : src[next];
				const under = RUN.test(src[next] ?? '') ? src[next + 2] : src[next + 1];
				if (title?.trim() && under && RUN.test(under) && !RUN.test(title))
					this.labels.set(name, title.trim());
				return;
			}
			const substitution = /^\.\. \|([^|]+)\| +replace:: *(.*)$/.exec(line);
			if (substitution) this.substitutions.set(refName(substitution[1]!), substitution[2]!);
		});
		// `text <address>`_ names a target too, for a later `text`_.
		for (const match of src.join('\n').matchAll(/`([^`<]+?)\s*<([^<>`]+)>`_(?!_)/g)) {
			const name = refName(match[1]!);
			if (!this.targets.has(name)) this.targets.set(name, match[2]!.replace(/\s+/g, ''));
		}
	}

	/** Lines [from, to) that are blank or indented at least `indent`: the end of the last such non-blank and where they stop. */
	private extent(from: number, to: number, indent: number): { end: number; stop: number } {
		let end = from;
		let stop = from;
		while (stop < to) {
			const line = this.src[stop]!;
			if (!isBlank(line)) {
				if (indentOf(line) < indent) break;
				end = stop + 1;
			}
			stop++;
		}
		return { end, stop };
	}

	private blank(index: number, prefix: string): void {
		this.out[index] = prefix.trimEnd();
	}

	/** The blocks of lines [from, to), whose text starts at column `indent`, written after `prefix`. */
	private body(from: number, to: number, indent: number, prefix: string): void {
		let index = from;
		while (index < to) {
			const line = this.src[index]!;
			if (isBlank(line)) {
				this.blank(index, prefix);
				index++;
				continue;
			}
			const column = indentOf(line);
			if (column > indent) {
				// A block quote: its blocks are read as they are, without the quote.
				const { stop } = this.extent(index, to, indent + 1);
				this.body(index, stop, column, prefix);
				index = stop;
				continue;
			}
			index = this.block(index, to, Math.min(column, indent), prefix);
		}
	}

	/** One block starting at `index`; returns where the next one starts. */
	private block(index: number, to: number, indent: number, prefix: string): number {
		const { src } = this;
		const text = src[index]!.slice(indent);
		const next = src[index + 1];
		if (indent === 0) {
			const title = this.title(index, to);
			if (title) return title;
			if (RUN.test(text) && text.trim().length >= 4 && isBlank(next)) {
				this.out[index] = '---';
				return index + 1;
			}
		}
		if (GRID_BORDER.test(text) || SIMPLE_BORDER.test(text)) {
			const table = this.table(index, to, indent, prefix);
			if (table) return table;
		}
		if (EXPLICIT.test(text)) return this.explicit(index, to, indent, prefix);
		const bullet = BULLET.exec(text);
		if (bullet) return this.item(index, to, indent, prefix, bullet[0].length, '-');
		const enumerator = ENUMERATOR.exec(text);
		if (enumerator && this.listLike(index, to, indent, enumerator[0].length))
			return this.item(index, to, indent, prefix, enumerator[0].length, enumMarker(enumerator));
		const field = FIELD.exec(text);
		if (field) return this.field(index, to, indent, prefix, field);
		if (LINE_BLOCK.test(text)) return this.lineBlock(index, to, indent, prefix);
		return this.paragraph(index, to, indent, prefix);
	}

	/** An enumerator starts a list item only when the line after it is blank, indented or another item. */
	private listLike(index: number, to: number, indent: number, width: number): boolean {
		const next = this.src[index + 1];
		if (index + 1 >= to || isBlank(next)) return true;
		const column = indentOf(next!);
		return column >= indent + width || (column === indent && ENUMERATOR.test(next!.slice(indent)));
	}

	/** A section title, underlined or over- and underlined: `#` by the order its style first appears. */
	private title(index: number, to: number): number | undefined {
		const { src } = this;
		const line = src[index]!;
		let text: string;
		let style: string;
		let end: number;
		if (
			RUN.test(line) &&
			index + 2 < to &&
			!isBlank(src[index + 1]) &&
			src[index + 2]![0] === line[0] &&
			RUN.test(src[index + 2]!)
		) {
			text = src[index + 1]!.trim();
			style = `${line[0]}${line[0]}`;
			end = index + 3;
		} else {
			const under = src[index + 1];
			if (
				RUN.test(line) ||
				/^\s/.test(line) ||
				index + 1 >= to ||
				!under ||
				!RUN.test(under) ||
				under.trim().length < Math.min(line.trim().length, 4)
			)
				return undefined;
			text = line.trim();
			style = under[0]!;
			end = index + 2;
		}
		// A new over- and underlined style deep in a text is the title of another document joined
		// after it (Sphinx pages saved as one file): its titles count from the top again.
		if (!this.styles.includes(style) && style.length === 2 && this.styles.length >= 3)
			this.styles.length = 0;
		if (!this.styles.includes(style)) this.styles.push(style);
		const depth = Math.min(6, this.styles.indexOf(style) + 1);
		for (let at = index; at < end; at++) this.out[at] = '';
		const heading = this.inline(text).replace(/#$/, '\\#');
		this.out[end === index + 3 ? index + 1 : index] = `${'#'.repeat(depth)} ${heading}`;
		return end;
	}

	/** A paragraph, or a definition list item (one line over an indented one); `::` opens a literal block. */
	private paragraph(index: number, to: number, indent: number, prefix: string): number {
		const { src } = this;
		// An item's first line is its text, whatever the indentation of the lines going on with it
		// (`* Good: "…` over a deeper address), not the term of a definition list.
		const item = index === this.itemLine;
		let end = index + 1;
		while (
			end < to &&
			!isBlank(src[end]) &&
			(item ? indentOf(src[end]!) >= indent : indentOf(src[end]!) === indent)
		)
			end++;
		if (end === index + 1 && end < to && !isBlank(src[end]) && indentOf(src[end]!) > indent) {
			// A definition list item: the term in bold, the definition under it as the item's text.
			const { stop } = this.extent(end, to, indent + 1);
			const term = this.inline(src[index]!.trim().replace(/ +: +.*$/, ''));
			this.body(end, stop, indentOf(src[end]!), `${prefix}  `);
			this.out[index] = `${prefix}- **${term}**`;
			return stop;
		}
		let text = src
			.slice(index, end)
			.map((line) => line.trim())
			.join('\n');
		const literal = /(?:^|[^\\])::$/.test(text);
		if (literal) text = text === '::' ? '' : text.replace(/\s*::$/, /\s::$/.test(text) ? '' : ':');
		const lines = this.inline(text).split('\n');
		lines.forEach((line, at) => (this.out[index + at] = line ? prefix + line : prefix.trimEnd()));
		if (!literal) return end;
		let start = end;
		while (start < to && isBlank(src[start])) start++;
		if (start === end || start >= to || indentOf(src[start]!) <= indent) return end;
		const { end: last, stop } = this.extent(start, to, indent + 1);
		for (let at = end; at < start; at++) this.blank(at, prefix);
		return this.code(start - 1, start, last, stop, prefix, '');
	}

	/**
	 * Lines [from, end) as code: the fence opens on line `open` (a blank or the directive's line)
	 * and closes on the blank line after the code. Without one (the next block follows at once)
	 * the code is indented instead, which needs no closing line.
	 */
	private code(
		open: number,
		from: number,
		end: number,
		to: number,
		prefix: string,
		lang: string
	): number {
		const { src } = this;
		const content = src.slice(from, end);
		const dedent = Math.min(...content.filter((line) => !isBlank(line)).map(indentOf));
		const longest = Math.max(
			0,
			...content.flatMap((line) => line.match(/`+/g) ?? []).map((r) => r.length)
		);
		const fence = '`'.repeat(Math.max(3, longest + 1));
		const closes = end >= src.length || (end < to && isBlank(src[end]));
		if (end >= src.length) end = src.length;
		content.forEach((line, at) => {
			this.out[from + at] = isBlank(line)
				? prefix.trimEnd()
				: `${prefix}${closes ? '' : '    '}${line.slice(dedent)}`;
		});
		if (!closes) {
			this.blank(open, prefix);
			return end;
		}
		this.out[open] = `${prefix}${fence}${lang}`;
		// At the end of the file the fence closes on a line of its own after it, so that a page
		// joined after this one (a folder) is not read as code.
		if (end >= src.length) this.tail.push(`${prefix}${fence}`);
		else this.out[end] = `${prefix}${fence}`;
		return end + 1;
	}

	/** `.. directive::`, `.. _target:`, `.. |sub| replace::`, `.. [1]` and comments. */
	private explicit(index: number, to: number, indent: number, prefix: string): number {
		const { src } = this;
		const { end, stop } = this.extent(index + 1, to, indent + 1);
		const blankAll = () => {
			for (let at = index; at < end; at++) this.blank(at, prefix);
			return end;
		};
		const text = src[index]!.slice(indent);
		const footnote = /^\.\. (\[[^\]\s]+\]) +(.*)$/.exec(text);
		if (footnote) {
			src[index] = `${' '.repeat(indent)}${footnote[1]} ${footnote[2]}`;
			return this.paragraph(index, to, indent, prefix);
		}
		const directive = DIRECTIVE.exec(text);
		if (!directive || /^\.\. \|/.test(text)) return blankAll();
		const name = directive[1]!.toLowerCase();
		const argument = directive[2]?.trim() ?? '';
		let options = index + 1;
		const values = new Map<string, string>();
		while (options < end && !isBlank(src[options]) && OPTION.test(src[options]!.trim())) {
			const [, key, value] = /^:([\w-]+):\s*(.*)$/.exec(src[options]!.trim())!;
			values.set(key!, value!);
			options++;
		}
		let content = options;
		while (content < end && isBlank(src[content])) content++;
		const contentIndent = content < end ? indentOf(src[content]!) : indent + 3;
		if (DROPPED.test(name)) return blankAll();
		for (let at = index; at < content; at++) this.blank(at, prefix);
		if (CODE.has(name)) {
			if (content >= end) return end;
			const lang = name === 'math' ? 'math' : (argument.split(/\s/)[0] ?? '');
			return this.code(content - 1, content, end, stop, prefix, lang.replace(/[^\w+#.-]/g, ''));
		}
		const label = ADMONITIONS[name];
		if (label || name === 'admonition') {
			const quote = `${prefix}> `;
			const head = label
				? `**${label}:**${argument ? ` ${this.inline(argument)}` : ''}`
				: `**${this.inline(argument)}**`;
			for (let at = index + 1; at < content; at++) this.blank(at, quote);
			this.body(content, stop, contentIndent, quote);
			this.out[index] = `${quote}${head}`;
			// Blank lines after it stand outside the quote.
			for (let at = stop - 1; at >= end && this.out[at] === quote.trimEnd(); at--)
				this.blank(at, prefix);
			return stop;
		}
		if (name === 'image' || name === 'figure') {
			const url = argument.replace(/\s+/g, '');
			if (url) {
				const alt = escapeMarkdown(values.get('alt') ?? '');
				this.out[index] = `${prefix}![${alt}](${destination(url)})`;
			}
			this.body(content, stop, contentIndent, prefix);
			return stop;
		}
		// Any other directive (`only`, `container`, `topic`): its content as text, a topic's title in bold.
		if (argument && /^(?:topic|sidebar|rubric)$/.test(name))
			this.out[index] = `${prefix}**${this.inline(argument)}**`;
		this.body(content, stop, contentIndent, prefix);
		return stop;
	}

	/** A list item: its marker, then its body at the column its text starts. */
	private item(
		index: number,
		to: number,
		indent: number,
		prefix: string,
		width: number,
		marker: string,
		label = ''
	): number {
		const { src } = this;
		const rest = src[index]!.slice(indent + width);
		const next = src.slice(index + 1, to).find((line) => !isBlank(line));
		const column = rest || !next || indentOf(next) <= indent ? indent + width : indentOf(next);
		const { stop } = this.extent(index + 1, to, Math.min(column, indent + 1));
		src[index] = rest ? ' '.repeat(column) + rest : '';
		const inner = `${prefix}${' '.repeat(marker.length + 1)}`;
		this.itemLine = index;
		this.body(index, stop, column, inner);
		const first = this.out[index]!.slice(inner.length);
		const lead = `${marker}${label ? ` ${label}` : ''}`;
		this.out[index] = `${prefix}${lead}${first ? ` ${first}` : ''}`;
		return stop;
	}

	/** `:Owner: Ops` as a bullet with a bold label, `- **Owner:** Ops`. */
	private field(
		index: number,
		to: number,
		indent: number,
		prefix: string,
		field: RegExpExecArray
	): number {
		const name = field[1]!.replace(/\\(.)/g, '$1');
		return this.item(
			index,
			to,
			indent,
			prefix,
			field[0].length,
			'-',
			`**${escapeMarkdown(name)}:**`
		);
	}

	/** `| line` lines: each its own line (a hard break ends all but the last). */
	private lineBlock(index: number, to: number, indent: number, prefix: string): number {
		const { src } = this;
		let end = index;
		while (
			end < to &&
			!isBlank(src[end]) &&
			(LINE_BLOCK.test(src[end]!.slice(indent)) || indentOf(src[end]!) > indent)
		)
			end++;
		for (let at = index; at < end; at++) {
			const text = this.inline(src[at]!.slice(indent).replace(LINE_BLOCK, '').trim());
			const last = at === end - 1 || !LINE_BLOCK.test(src[at + 1]!.slice(indent));
			this.out[at] = text ? `${prefix}${text}${last ? '' : '\\'}` : prefix.trimEnd();
		}
		return end;
	}

	/** A grid (`+---+`) or simple (`===  ===`) table as a pipe table, rows moved up to follow the header. */
	private table(index: number, to: number, indent: number, prefix: string): number | undefined {
		const { src } = this;
		const grid = GRID_BORDER.test(src[index]!.slice(indent));
		let end = index + 1;
		while (end < to && !isBlank(src[end]) && indentOf(src[end]!) >= indent) end++;
		const lines = src.slice(index, end).map((line) => line.slice(indent));
		const border = grid ? GRID_BORDER : SIMPLE_BORDER;
		if (!border.test(lines[lines.length - 1]!)) return undefined;
		// Column starts: `+` of a grid's top border, runs of `=` of a simple table's.
		const starts: number[] = [];
		const first = lines[0]!;
		if (grid)
			for (let at = 0; at < first.length - 1; at++) first[at] === '+' && starts.push(at + 1);
		else for (const run of first.matchAll(/=+/g)) starts.push(run.index);
		const cellsOf = (line: string) =>
			starts.map((start, column) =>
				line
					.slice(
						start,
						column + 1 < starts.length ? starts[column + 1]! - (grid ? 1 : 0) : undefined
					)
					.replace(/\|\s*$/, grid ? '' : '$&')
					.trim()
			);
		const rows: { cells: string[]; line: number }[] = [];
		let header = 0;
		let open = true;
		const borders = lines.flatMap((line, at) => (border.test(line) ? [at] : []));
		lines.forEach((line, at) => {
			if (at === 0) return;
			if (
				grid
					? /^\+[-=+]+\+?$/.test(line.trimEnd())
					: border.test(line) || /^-+(?: +-+)*$/.test(line)
			) {
				if (grid ? line.includes('=') : border.test(line) && at !== lines.length - 1)
					header = rows.length;
				open = true;
				return;
			}
			const cells = cellsOf(line);
			const joins = grid ? !open : !cells[0];
			if (joins && rows.length) {
				const row = rows[rows.length - 1]!;
				cells.forEach(
					(cell, column) =>
						cell && (row.cells[column] = `${row.cells[column] ?? ''} ${cell}`.trim())
				);
			} else rows.push({ cells, line: index + at });
			open = false;
		});
		if (!grid && borders.length > 3) header = 0;
		if (rows.length === 0) return undefined;
		const row = (cells: string[]) =>
			`| ${starts.map((_, column) => this.inline(cells[column] ?? '').replace(/\n/g, ' ')).join(' | ')} |`;
		const head = header > 0 ? rows.slice(0, 1) : [];
		const body = header > 0 ? rows.slice(header) : rows;
		const headLines = header > 0 ? rows.slice(0, header) : [];
		const headCells = starts.map((_, column) =>
			headLines
				.map((r) => r.cells[column] ?? '')
				.filter(Boolean)
				.join(' ')
		);
		const out = [
			{ text: row(header > 0 ? headCells : []), line: head[0]?.line ?? index },
			{ text: `| ${starts.map(() => '---').join(' | ')} |`, line: head[0]?.line ?? index },
			...body.map((r) => ({ text: row(r.cells), line: r.line })),
		];
		for (let at = index; at < end; at++) {
			const entry = out[at - index];
			this.out[at] = entry ? `${prefix}${entry.text}` : prefix.trimEnd();
			if (entry && entry.line !== at) this.moved.set(at + 1, entry.line + 1);
		}
		return end;
	}

	/**
	 * Inline markup of a paragraph (line breaks kept) as Markdown: ``` ``literal`` ```, `*em*`,
	 * `**strong**`, links (`` `text <url>`_ ``, `` `name`_ ``, `name_`), roles (their text),
	 * substitutions; all other text escaped. Each construct is found by one forward search, and a
	 * search that found no end is not repeated, so a line of unmatched openers costs linear time.
	 */
	inline(text: string, substitute = true): string {
		let out = '';
		let plain = '';
		const flush = () => {
			out += escapeText(plain);
			plain = '';
		};
		const close = closingSearch(text, (at, delimiter) => {
			const after = text[at + delimiter.length];
			return (
				!/\s/.test(text[at - 1] ?? ' ') &&
				(after === undefined || CLOSERS.test(after) || (delimiter === '`' && after === '_'))
			);
		});
		let at = 0;
		while (at < text.length) {
			const char = text[at]!;
			if (char === '\\') {
				const next = text[at + 1];
				if (next === ' ') at += 2;
				else if (next === undefined || next === '\n') at++;
				else {
					plain += next;
					at += 2;
				}
				continue;
			}
			const opens = at === 0 || OPENERS.test(text[at - 1]!);
			const nextChar = text[at + 1];
			if (!opens || nextChar === undefined) {
				plain += char;
				at++;
				continue;
			}
			const made = this.construct(text, at, close, substitute);
			if (made) {
				flush();
				out += made.markdown;
				at = made.end;
				continue;
			}
			plain += char;
			at++;
		}
		flush();
		return out;
	}

	private construct(
		text: string,
		at: number,
		close: (delimiter: string, from: number) => number,
		substitute: boolean
	): { markdown: string; end: number } | undefined {
		const rest = (from: number) => text.slice(from, from + 200);
		if (text.startsWith('``', at) && !/\s/.test(text[at + 2] ?? ' ')) {
			const end = close('``', at + 3);
			if (end > 0) return { markdown: codeSpan(text.slice(at + 2, end)), end: end + 2 };
		}
		if (text.startsWith('**', at) && !/[\s*]/.test(text[at + 2] ?? ' ')) {
			const end = close('**', at + 3);
			if (end > 0) return { markdown: `**${escapeText(text.slice(at + 2, end))}**`, end: end + 2 };
		}
		if (text[at] === '*' && !/[\s*]/.test(text[at + 1] ?? ' ')) {
			const end = close('*', at + 2);
			if (end > 0 && text[end + 1] !== '*')
				return { markdown: `*${escapeText(text.slice(at + 1, end))}*`, end: end + 1 };
		}
		const role = /^:([\w.+:-]+):`/.exec(rest(at));
		if (role || (text[at] === '`' && !/[\s`]/.test(text[at + 1] ?? ' '))) {
			const open = at + (role ? role[0].length : 1);
			const end = close('`', open + 1);
			if (end < 0) return undefined;
			const inner = text.slice(open, end);
			if (role) return { markdown: this.role(role[1]!.toLowerCase(), inner), end: end + 1 };
			const suffix = /^`(__?|:[\w.+:-]+:)?/.exec(text.slice(end, end + 60))![1] ?? '';
			if (suffix.startsWith(':'))
				return {
					markdown: this.role(suffix.slice(1, -1).toLowerCase(), inner),
					end: end + 1 + suffix.length,
				};
			if (suffix) return { markdown: this.reference(inner), end: end + 1 + suffix.length };
			return { markdown: `*${escapeText(inner)}*`, end: end + 1 };
		}
		if (text.startsWith('_`', at)) {
			const end = close('`', at + 3);
			if (end > 0) return { markdown: escapeText(text.slice(at + 2, end)), end: end + 1 };
		}
		if (text[at] === '|' && substitute) {
			const match = /^\|([^|\n]+)\|(?:__?)?/.exec(rest(at));
			const value = match ? this.substitutions.get(refName(match[1]!)) : undefined;
			if (match && value !== undefined)
				return { markdown: this.inline(value, false), end: at + match[0].length };
		}
		const footnote = /^\[(?:\d+|#[\w-]*|\*|[A-Za-z][\w.-]*)\]_/.exec(rest(at));
		if (footnote)
			return { markdown: escapeText(footnote[0].slice(0, -1)), end: at + footnote[0].length };
		const word = /^[A-Za-z0-9](?:[A-Za-z0-9]|[-_.:+](?=[A-Za-z0-9]))*__?(?![\w])/.exec(rest(at));
		if (word) {
			const name = word[0].replace(/__?$/, '');
			return { markdown: this.reference(name), end: at + word[0].length };
		}
		return undefined;
	}

	/** `` `text <url>`_ ``, `` `name`_ `` with a `.. _name: url`: a link; a title or an unknown name: its text. */
	private reference(inner: string): string {
		const embedded = /^([\s\S]*?)\s*<([^<>]+)>$/.exec(inner);
		let label = embedded ? embedded[1]! : inner;
		let url = embedded ? embedded[2]!.replace(/\s+/g, '') : undefined;
		if (url?.endsWith('_') && !url.endsWith('\\_'))
			url = this.targets.get(refName(url.slice(0, -1)));
		else if (!embedded) url = this.targets.get(refName(inner));
		if (!label.trim()) label = url ?? inner;
		// A target that names another target (`.. _a: b_`) is followed once.
		if (url?.endsWith('_')) url = this.targets.get(refName(url.slice(0, -1)));
		const shown = escapeText(label.replace(/\s*\n\s*/g, ' '));
		return url ? `[${shown}](${destination(url)})` : shown;
	}

	/** `:ref:`text <label>`` → text; `:ref:`label`` → the title it labels; `:command:`x`` → code. */
	private role(name: string, inner: string): string {
		const base = name.replace(/^\w+:/, '');
		const titled = /^([\s\S]*?)\s*<([^<>]+)>$/.exec(inner);
		const shown = titled?.[1] || (titled ? titled[2]! : inner);
		if (CODE_ROLES.test(base)) return codeSpan(shown);
		if (base === 'ref' && !titled) return escapeText(this.labels.get(refName(inner)) ?? inner);
		if (base === 'doc' && !titled) return escapeText(inner.replace(/^.*\//, ''));
		if (base === 'strong') return `**${escapeText(shown)}**`;
		if (base === 'emphasis') return `*${escapeText(shown)}*`;
		return escapeText(shown.replace(/^[~!]/, ''));
	}
}

/** `a)` → `1)`, `(iv)` → `4)`, `#.` → `1.`: Markdown numbers its items in digits. */
function enumMarker(match: RegExpExecArray): string {
	const value = match[1] ?? match[3]!;
	const delimiter = match[2] === '.' ? '.' : ')';
	let number = 1;
	if (/^\d+$/.test(value)) number = Number(value);
	else if (/^[ivxlcdm]{2,}$/i.test(value) || /^[iI]$/.test(value))
		number = roman(value.toLowerCase());
	else if (/^[a-z]$/i.test(value)) number = value.toLowerCase().charCodeAt(0) - 96;
	return `${Math.min(number, 999999999)}${delimiter}`;
}

function roman(text: string): number {
	const values: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };
	let total = 0;
	for (let at = 0; at < text.length; at++) {
		const value = values[text[at]!]!;
		total += value < (values[text[at + 1]!] ?? 0) ? -value : value;
	}
	return Math.max(1, total);
}

/** reStructuredText as Markdown the importer reads, line for line (`lines` maps the table rows that moved). */
export function readRst(text: string): ReadRst {
	return new Reader(text).read();
}
