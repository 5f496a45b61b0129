import { escapeMarkdown } from '../lib/escape.ts';
import { closingSearch, codeSpan, destination, escapeText } from './markdown.ts';

/**
 * AsciiDoc (Asciidoctor, Antora) read as the Markdown the recognisers already read, before
 * `prepareSource`, by one forward pass as `readRst` reads reStructuredText: `=` titles become `#`
 * headings (an `[[id]]` over one its `{#id}`), listing and literal blocks fences, admonitions a
 * quote opening with the bold label, `*`/`.`/`term::` lists Markdown lists, `|===` tables pipe
 * tables, link and cross-reference macros links. Block attribute lines, comments, passthrough
 * blocks and `icon:` macros show nothing. An `include::` line stays as a note that its part was not
 * imported (`includes` names it for the report). Text AsciiDoc shows as written is escaped
 * (`escapeMarkdown`), so it stays text in Markdown too. Every line keeps its place; only rows of a
 * table move up, and `lines` maps them back.
 */

export interface ReadAdoc {
	text: string;
	/** Lines that moved (rows of a table): Markdown line → the AsciiDoc line. */
	lines: Map<number, number>;
	/** The document header: its title and attribute entries (`:description:`). */
	header: Record<string, string>;
	/** `include::` lines, whose text is in a file the import did not read. */
	includes: { line: number; target: string }[];
}

/** A section title; Asciidoctor reads Markdown's `#` titles too. */
const TITLE = /^(={1,6}|#{1,6})[ \t]+(\S.*)$/;
const ATTRIBUTE_ENTRY = /^:(!?[\w][\w-]*!?):(?:[ \t]+(.*))?$/;
const ANCHOR_LINE = /^\[\[([\w:.-]+)(?:,[^\]]*)?\]\]$/;
/** `[source,bash]`, `[NOTE]`, `[%header,cols="1,2"]`, `[#id.role]`: a line of block attributes. */
const BLOCK_ATTRIBUTES = /^\[(?!\[)[^\]]*\]$/;
const BLOCK_TITLE = /^\.([^.\s].*)$/;
const DELIMITER = /^(-{4,}|\.{4,}|={4,}|\*{4,}|_{4,}|\+{4,}|\/{4,}|--|`{3,}.*)$/;
const TABLE = /^\|={3,}$/;
const ITEM = /^[ \t]*(\*{1,5}|-|\.{1,5}|\d{1,9}\.)[ \t]+(\S.*)$/;
const TERM = /^[ \t]*(\S.*?)(:{2,4}|;;)(?:[ \t]+(\S.*))?$/;
const ADMONITION = /^(NOTE|TIP|IMPORTANT|WARNING|CAUTION):[ \t]+(\S.*)$/;
const CONDITIONAL = /^(?:ifn?def|ifeval|endif)::[^[]*\[.*\]$/;
const INCLUDE = /^include::(\S[^[]*)\[[^\]]*\][ \t]*$/;
const BLOCK_MACRO = /^(image|video|audio|toc)::([^[\s]*)\[([^\]]*)\][ \t]*$/;
const LABELS: Record<string, string> = {
	NOTE: 'Note',
	TIP: 'Tip',
	IMPORTANT: 'Important',
	WARNING: 'Warning',
	CAUTION: 'Caution',
};
/** Block styles that draw a diagram from the block's text: its language for the fence. */
const DIAGRAMS =
	/^(?:ditaa|plantuml|mermaid|graphviz|svgbob|d2|blockdiag|seqdiag|actdiag|nwdiag|erd|vega|wavedrom|latexmath|stem|asciimath)$/;
/** Attributes every AsciiDoc document has: character replacements. */
const BUILT_IN: Record<string, string> = {
	nbsp: ' ',
	sp: ' ',
	empty: '',
	zwsp: '',
	amp: '&',
	lt: '<',
	gt: '>',
	plus: '+',
	startsb: '[',
	endsb: ']',
	vbar: '|',
	caret: '^',
	asterisk: '*',
	tilde: '~',
	apostrophe: "'",
	backslash: '\\',
	backtick: '`',
	quot: '"',
	'two-colons': '::',
	'two-semicolons': ';;',
	cpp: 'C++',
};

/**
 * Lines that show a text is AsciiDoc, at most three, each named with its line: a `= Title`, an
 * `[[anchor]]`, a block attribute line over a delimited block (`[source,bash]` over `----`), an
 * `include::` or `image::` line, a `|===` table, an `xref:`/`link:` macro. Lines inside a ``` fence
 * or a listing block are samples, not markup. A text with Markdown's `#` titles or pipe tables is
 * Markdown that shows an AsciiDoc table or two its site renders, and stays Markdown.
 */
export function adocEvidence(text: string): string[] {
	const lines = text.split('\n');
	const seen: string[] = [];
	let block = '';
	for (let index = 0; index < lines.length; index++) {
		const line = lines[index]!.trimEnd();
		const fence = /^\s*(```|~~~)/.exec(line)?.[1];
		if (block) {
			if (line === block || (fence && line.trim().startsWith(block))) block = '';
			continue;
		}
		if (fence || /^(?:-{4,}|\.{4,}|\+{4,}|\/{4,})$/.test(line)) {
			block = fence ?? line;
			continue;
		}
		if (/^#{1,6}[ \t]+\S/.test(line) || /^\|? *:?-{3,}:? *\|/.test(line)) return [];
		if (seen.length >= 3) continue;
		const at = `line ${index + 1}`;
		const next = lines[index + 1]?.trimEnd() ?? '';
		if (/^={1,5} \S/.test(line) && !/^=+$/.test(next)) seen.push(`a \`=\` title on ${at}`);
		else if (ANCHOR_LINE.test(line)) seen.push(`an \`[[anchor]]\` on ${at}`);
		else if (BLOCK_ATTRIBUTES.test(line) && /^(?:-{4,}|\.{4,}|={4,}|\|===)$/.test(next))
			seen.push(`the block attributes ${codeSpan(line.slice(0, 30))} on ${at}`);
		else if (/^(?:include|image)::\S*\[/.test(line))
			seen.push(`an \`${line.slice(0, line.indexOf(':'))}::\` line on ${at}`);
		else if (TABLE.test(line)) seen.push(`a \`|===\` table on ${at}`);
		else if (/(?:^|\s)(?:xref|link):[^\s[\]]+\[[^\]\n]*\]/.test(line))
			seen.push(`an \`xref:\`/\`link:\` macro on ${at}`);
	}
	return seen.length >= 2 ? seen : [];
}

interface Attributes {
	style?: string | undefined;
	/** Positional attributes after the style (`[source,bash]` → `bash`). */
	positional: string[];
	named: Map<string, string>;
	options: Set<string>;
	id?: string | undefined;
	title?: string | undefined;
	/** Where the block title (`.Title`) stands. */
	titleLine?: number | undefined;
}

/** `[source,bash]`, `[%header,cols="1,2"]`, `[NOTE]`, `[#id.role]` → their parts. */
function parseAttributes(inner: string): Attributes {
	const parts: string[] = [];
	for (const match of inner.matchAll(/\s*((?:"[^"]*"|'[^']*'|[^,])*)(?:,|$)/g)) {
		if (match.index >= inner.length && match[0] === '') break;
		parts.push(match[1]!.trim());
	}
	const attributes: Attributes = { positional: [], named: new Map(), options: new Set() };
	parts.forEach((part, index) => {
		const named = /^([\w-]+)\s*=\s*(.*)$/.exec(part);
		if (named) {
			const value = named[2]!.replace(/^(["'])(.*)\1$/, '$2');
			attributes.named.set(named[1]!.toLowerCase(), value);
			if (/^(?:options|opts)$/i.test(named[1]!))
				for (const option of value.split(/[\s,]+/)) attributes.options.add(option);
			return;
		}
		if (index > 0) {
			attributes.positional.push(part);
			return;
		}
		// The first: a style with shorthand `#id`, `.role` and `%option`.
		const [style, ...shorthand] = part.split(/(?=[#.%])/);
		if (style && !/^[#.%]/.test(style)) attributes.style = style;
		for (const piece of style && /^[#.%]/.test(style) ? [style, ...shorthand] : shorthand) {
			if (piece.startsWith('#')) attributes.id = piece.slice(1);
			if (piece.startsWith('%')) attributes.options.add(piece.slice(1));
		}
	});
	return attributes;
}

const isBlank = (line: string | undefined): boolean => !line?.trim();

/** `Title ==` → `Title`: a symmetric title's closing marks, cut by hand (a regex would backtrack over spaces). */
function closingMarks(text: string): string {
	const core = text.trimEnd();
	let at = core.length;
	while (at > 0 && (core[at - 1] === '=' || core[at - 1] === '#')) at--;
	return at < core.length && /[ \t]/.test(core[at - 1] ?? '') ? core.slice(0, at).trimEnd() : core;
}

class Reader {
	private readonly src: string[];
	private readonly out: string[];
	private readonly moved = new Map<number, number>();
	/** Lines after the last: a fence closing at the end of the file. */
	private readonly tail: string[] = [];
	private readonly attributes = new Map<string, string>();
	/** Section ids (`[[id]]`, `[#id]`) and the titles they name, for `<<id>>`. */
	private readonly titles = new Map<string, string>();
	readonly header: Record<string, string> = {};
	readonly includes: { line: number; target: string }[] = [];
	/** Block attributes waiting for the block they stand over. */
	private pending: Attributes = { positional: [], named: new Map(), options: new Set() };

	constructor(text: string) {
		this.src = text.split('\n').map((line) => line.trimEnd());
		this.out = this.src.map(() => '');
		this.collect();
	}

	read(): ReadAdoc {
		this.body(0, this.src.length, '');
		return {
			text: [...this.out, ...this.tail].join('\n'),
			lines: this.moved,
			header: this.header,
			includes: this.includes,
		};
	}

	/** Attribute entries and section ids, which a reference may use before they are defined. */
	private collect(): void {
		const { src } = this;
		let block = '';
		src.forEach((line, index) => {
			if (block) {
				if (line === block) block = '';
				return;
			}
			if (/^(?:-{4,}|\.{4,}|\+{4,}|\/{4,})$/.test(line)) {
				block = line;
				return;
			}
			const entry = ATTRIBUTE_ENTRY.exec(line);
			if (entry && !entry[1]!.includes('!') && !this.attributes.has(entry[1]!.toLowerCase()))
				this.attributes.set(entry[1]!.toLowerCase(), entry[2] ?? '');
			const anchor = ANCHOR_LINE.exec(line) ?? /^\[#([\w:.-]+)[^\]]*\]$/.exec(line);
			if (!anchor) return;
			let next = index + 1;
			while (
				next < src.length &&
				(ANCHOR_LINE.test(src[next]!) || BLOCK_ATTRIBUTES.test(src[next]!))
			)
				next++;
			const title = TITLE.exec(src[next] ?? '');
			if (title && !this.titles.has(anchor[1]!)) this.titles.set(anchor[1]!, this.plain(title[2]!));
		});
	}

	/** A title's words without its macros and markup, for a reference's label. */
	private plain(text: string): string {
		return this.substitute(closingMarks(text))
			.replace(/icon:[\w-]+\[[^\]]*\]/g, '')
			.replace(/[*_`]+/g, '')
			.trim();
	}

	private takePending(): Attributes {
		const pending = this.pending;
		this.pending = { positional: [], named: new Map(), options: new Set() };
		return pending;
	}

	/** The document header: `= Title`, then author, revision and attribute lines up to a blank line. */
	private documentHeader(from: number): number {
		const { src } = this;
		let index = from;
		while (index < src.length && (isBlank(src[index]) || /^\/\/(?!\/\/)/.test(src[index]!)))
			index++;
		const title = /^=[ \t]+(\S.*)$/.exec(src[index] ?? '');
		if (!title) return from;
		this.header.title = this.plain(title[1]!);
		this.out[index] = `# ${this.heading(title[1]!)}`;
		let at = index + 1;
		for (; at < src.length && !isBlank(src[at]); at++) {
			const entry = ATTRIBUTE_ENTRY.exec(src[at]!);
			if (entry) this.header[entry[1]!.toLowerCase()] = this.substitute(entry[2] ?? '');
			else if (/^\/\//.test(src[at]!) || at - index <= 2) this.out[at] = '';
			else break;
		}
		return at;
	}

	/** Lines [from, to) as blocks written after `prefix`. */
	private body(from: number, to: number, prefix: string): void {
		let index = from === 0 ? this.documentHeader(0) : from;
		/** List markers open, outermost first, and the column each one's text starts at. */
		const list: { marker: string; column: number; number: number }[] = [];
		/** A `+` line: the next block goes on the last item. */
		let attached = false;
		while (index < to) {
			const line = this.src[index]!;
			if (isBlank(line)) {
				this.out[index] = prefix.trimEnd();
				index++;
				continue;
			}
			if (line === '+' && list.length) {
				this.out[index] = prefix.trimEnd();
				attached = true;
				index++;
				continue;
			}
			const item = this.listItem(line);
			if (item) {
				// A term list after a blank line below a bulleted one (or the other way) is a list of its own.
				const term = (marker: string) => /^(?::|;)/.test(marker);
				if (
					list.length &&
					isBlank(this.src[index - 1]) &&
					!list.some((open) => open.marker === item.marker) &&
					term(item.marker) !== term(list[0]!.marker)
				)
					list.length = 0;
				index = this.item(index, to, prefix, list, item);
				attached = false;
				continue;
			}
			const inner = attached && list.length ? prefix + ' '.repeat(list.at(-1)!.column) : prefix;
			const before = index;
			index = this.block(index, to, inner);
			// Attributes, titles and comments stand over the block they belong to: the list goes on.
			if (!this.quiet(before, index) && !attached) list.length = 0;
			else if (!this.quiet(before, index)) attached = false;
		}
	}

	/** Whether lines [from, to) wrote nothing: attribute lines, comments. */
	private quiet(from: number, to: number): boolean {
		for (let at = from; at < to; at++) if (this.out[at]?.trim()) return false;
		return true;
	}

	private listItem(line: string): { marker: string; text: string; term?: string } | undefined {
		const item = ITEM.exec(line);
		if (item)
			return {
				marker:
					item[1]!.startsWith('.') || /\d/.test(item[1]!) ? item[1]!.replace(/\d+/, '1') : item[1]!,
				text: item[2]!,
			};
		if (DELIMITER.test(line) || BLOCK_ATTRIBUTES.test(line) || /^\/\//.test(line)) return undefined;
		const term = TERM.exec(line);
		// `term::` with a word before it; `https://` and `C::D` inside words are no terms.
		if (
			term &&
			/\w/.test(term[1]!) &&
			!/:\/\/|\w::\w/.test(line.replace(/(?:::|;;)(?:\s.*)?$/, ''))
		)
			return { marker: term[2]!, text: term[3] ?? '', term: term[1]! };
		return undefined;
	}

	/** One list item and the lines going on with it; its depth is its marker's place among those open. */
	private item(
		index: number,
		to: number,
		prefix: string,
		list: { marker: string; column: number; number: number }[],
		item: { marker: string; text: string; term?: string }
	): number {
		const { src } = this;
		let depth = list.findIndex((open) => open.marker === item.marker);
		if (depth < 0) {
			depth = list.length;
			const parent = list.at(-1);
			list.push({ marker: item.marker, column: 0, number: 0 });
			list[depth]!.column = (parent?.column ?? 0) + (this.ordered(item.marker) ? 3 : 2);
		} else list.length = depth + 1;
		const open = list[depth]!;
		open.number++;
		const indent = ' '.repeat(open.column - (this.ordered(item.marker) ? 3 : 2));
		const marker = this.ordered(item.marker) ? `${Math.min(open.number, 999999999)}.` : '-';
		this.takePending();
		let end = index + 1;
		while (
			end < to &&
			!isBlank(src[end]) &&
			src[end] !== '+' &&
			!this.listItem(src[end]!) &&
			!DELIMITER.test(src[end]!) &&
			!TABLE.test(src[end]!) &&
			!BLOCK_ATTRIBUTES.test(src[end]!) &&
			!ANCHOR_LINE.test(src[end]!) &&
			!CONDITIONAL.test(src[end]!)
		)
			end++;
		const text = [item.text, ...src.slice(index + 1, end).map((line) => line.trim())].join('\n');
		const lines = this.inline(text).split('\n');
		const label = item.term ? `**${this.inline(item.term.trim()).replace(/\n/g, ' ')}:**` : '';
		const continued = prefix + ' '.repeat(open.column);
		lines.forEach((line, at) => {
			if (at === 0)
				this.out[index] =
					`${prefix}${indent}${marker}${[label, line].filter(Boolean).join(' ') ? ` ${[label, line].filter(Boolean).join(' ')}` : ''}`;
			else this.out[index + at] = line ? continued + line : continued.trimEnd();
		});
		return end;
	}

	private ordered(marker: string): boolean {
		return /^[.\d]/.test(marker);
	}

	/** One block at `index` (not a list item), written after `prefix`; returns where the next starts. */
	private block(index: number, to: number, prefix: string): number {
		const { src } = this;
		const line = src[index]!;
		if (/^\/\/(?!\/\/)/.test(line) || /^\/\/$/.test(line))
			return this.blank(index, index + 1, prefix);
		const anchor = ANCHOR_LINE.exec(line);
		if (anchor) {
			this.pending.id = anchor[1];
			return this.blank(index, index + 1, prefix);
		}
		// Attribute entries and conditional lines (`ifdef::env-github[]`) show nothing; what they enclose shows.
		if (ATTRIBUTE_ENTRY.test(line) || CONDITIONAL.test(line))
			return this.blank(index, index + 1, prefix);
		if (BLOCK_ATTRIBUTES.test(line) && !/^\[[ xX*]\] /.test(line)) {
			const parsed = parseAttributes(line.slice(1, -1));
			const { pending } = this;
			pending.style = parsed.style ?? pending.style;
			if (parsed.positional.length) pending.positional = parsed.positional;
			for (const [key, value] of parsed.named) pending.named.set(key, value);
			for (const option of parsed.options) pending.options.add(option);
			pending.id = parsed.id ?? pending.id;
			return this.blank(index, index + 1, prefix);
		}
		const title = BLOCK_TITLE.exec(line);
		if (title && !isBlank(src[index + 1])) {
			// In bold on its own line, over whatever block it names (a list, a table, code).
			this.pending.title = title[1];
			this.pending.titleLine = index;
			this.out[index] = `${prefix}**${this.inline(title[1]!)}**`;
			return index + 1;
		}
		const section = TITLE.exec(line);
		if (section && !prefix) {
			const attributes = this.takePending();
			const id = attributes.id ? ` {#${attributes.id}}` : '';
			this.out[index] = `${'#'.repeat(section[1]!.length)} ${this.heading(section[2]!)}${id}`;
			return index + 1;
		}
		if (TABLE.test(line)) return this.table(index, to, prefix);
		if (DELIMITER.test(line)) return this.delimited(index, to, prefix);
		const include = INCLUDE.exec(line);
		if (include) {
			this.takePending();
			this.includes.push({ line: index + 1, target: include[1]! });
			this.out[index] =
				`${prefix}*${escapeMarkdown(`Not imported: the included part ${include[1]!}`)}*`;
			return index + 1;
		}
		const macro = BLOCK_MACRO.exec(line);
		if (macro) {
			this.takePending();
			const [, name, target, attributes] = macro;
			if (name === 'image' && target) {
				const alt = escapeMarkdown(parseAttributes(attributes!).style ?? '');
				this.out[index] = `${prefix}![${alt}](${destination(target)})`;
			} else if (name !== 'toc' && target)
				this.out[index] = `${prefix}[${escapeMarkdown(target)}](${destination(target)})`;
			return index + 1;
		}
		if (/^(?:'{3,}|\*{3}|-{3})$/.test(line)) {
			this.takePending();
			this.out[index] = `${prefix}---`;
			return index + 1;
		}
		if (line === '<<<') return this.blank(index, index + 1, prefix);
		return this.paragraph(index, to, prefix);
	}

	private blank(from: number, to: number, prefix = ''): number {
		for (let at = from; at < to; at++) this.out[at] = prefix.trimEnd();
		return to;
	}

	/** A title's text: closing marks (`== Title ==`) and macros such as `icon:bug[]` left out. */
	private heading(text: string): string {
		return this.inline(
			closingMarks(text)
				.replace(/icon:[\w-]+\[[^\]]*\]/g, '')
				.trim()
		).replace(/#$/, '\\#');
	}

	/** A paragraph: an admonition (`NOTE: …` or `[WARNING]` over it), a literal one (indented), or text. */
	private paragraph(index: number, to: number, prefix: string): number {
		const { src } = this;
		const attributes = this.takePending();
		let end = index + 1;
		while (
			end < to &&
			!isBlank(src[end]) &&
			!DELIMITER.test(src[end]!) &&
			!TABLE.test(src[end]!) &&
			!BLOCK_ATTRIBUTES.test(src[end]!) &&
			!ANCHOR_LINE.test(src[end]!) &&
			!CONDITIONAL.test(src[end]!) &&
			!/^\/\/(?!\/\/)/.test(src[end]!)
		)
			end++;
		const style = attributes.style?.toUpperCase();
		if (
			/^\s/.test(src[index]!) ||
			style === 'LITERAL' ||
			(style && /^(?:SOURCE|LISTING)$/.test(style))
		)
			return this.indentedCode(index, end, prefix);
		const admonition = ADMONITION.exec(src[index]!);
		const label = admonition ? LABELS[admonition[1]!] : style ? LABELS[style] : undefined;
		const lines = [admonition ? admonition[2]! : src[index]!, ...src.slice(index + 1, end)];
		const text = this.inline(lines.map((line) => line.replace(/ \+$/, '')).join('\n')).split('\n');
		const quote = label ? `${prefix}> ` : prefix;
		text.forEach((line, at) => {
			const head = at === 0 && label ? `**${label}:** ` : '';
			this.out[index + at] = `${quote}${head}${line}`.trimEnd();
		});
		return end;
	}

	/** An indented (literal) paragraph as indented code, which needs no fence lines. */
	private indentedCode(index: number, end: number, prefix: string): number {
		const { src } = this;
		const content = src.slice(index, end);
		const dedent = Math.min(...content.map((line) => /^[ \t]*/.exec(line)![0].length));
		content.forEach((line, at) => (this.out[index + at] = `${prefix}    ${line.slice(dedent)}`));
		return end;
	}

	/** A delimited block: `----` listing, `....` literal, `====` example, `****` sidebar, `____` quote, `++++` passthrough, `////` comment, `--` open. */
	private delimited(index: number, to: number, prefix: string): number {
		const { src } = this;
		const open = src[index]!;
		const fenced = open.startsWith('```');
		let close = index + 1;
		while (
			close < to &&
			(fenced
				? !/^`{3,}$/.test(src[close]!) || src[close]!.length < open.replace(/[^`].*$/, '').length
				: src[close] !== open)
		)
			close++;
		const attributes = this.takePending();
		const style = attributes.style?.toLowerCase() ?? '';
		const kind = open[0]!;
		const stop = Math.min(close + 1, to);
		if (kind === '/') return this.blank(index, stop, prefix);
		if (kind === '+' && !/^(?:latexmath|stem|asciimath)$/.test(style))
			return this.blank(index, stop, prefix);
		const label = LABELS[style.toUpperCase()];
		if ((kind === '-' && open.length > 2) || kind === '.' || kind === '+' || fenced) {
			let lang = '';
			if (fenced) lang = open.replace(/^`+/, '').trim();
			else if (style === 'source' || (style === '' && attributes.positional.length))
				lang = attributes.positional[0] ?? attributes.named.get('language') ?? '';
			else if (DIAGRAMS.test(style))
				lang = /^(?:latexmath|stem|asciimath)$/.test(style) ? 'math' : style;
			return this.code(index, close, to, prefix, lang.replace(/[^\w+#.-]/g, ''));
		}
		const title = attributes.title ? `**${this.inline(attributes.title)}**` : '';
		if (label || kind === '_') {
			const quote = `${prefix}> `;
			const head = label ? `**${label}:**${title ? ` ${title}` : ''}` : title;
			// The title goes into the quote's first line.
			if (title && attributes.titleLine !== undefined)
				this.out[attributes.titleLine] = prefix.trimEnd();
			this.out[index] = head ? `${quote}${head}` : quote.trimEnd();
			this.body(index + 1, close, quote);
			if (close < to) {
				// Blank lines before its end stand outside the quote.
				for (let at = close - 1; at > index && this.out[at] === quote.trimEnd(); at--)
					this.out[at] = prefix.trimEnd();
				const by = [attributes.positional[0], attributes.positional[1]].filter(Boolean).join(', ');
				this.out[close] = kind === '_' && by ? `${quote}— ${this.inline(by)}` : prefix.trimEnd();
			}
			return stop;
		}
		// An example, sidebar or open block: its blocks as they are, under its title.
		this.out[index] = prefix.trimEnd();
		this.body(index + 1, close, prefix);
		if (close < to) this.out[close] = prefix.trimEnd();
		return stop;
	}

	/** Lines (open, close) as code fenced on the delimiter lines, longer than any backtick run inside. */
	private code(open: number, close: number, to: number, prefix: string, lang: string): number {
		const { src } = this;
		const content = src.slice(open + 1, close);
		const longest = Math.max(
			0,
			...content.flatMap((line) => line.match(/`+/g) ?? []).map((run) => run.length)
		);
		const fence = '`'.repeat(Math.max(3, longest + 1));
		// Unclosed inside another block (whose end is `to`): indented code, which needs no end line.
		const indented = close >= to && to < src.length;
		this.out[open] = indented ? prefix.trimEnd() : `${prefix}${fence}${lang}`;
		content.forEach(
			(line, at) =>
				(this.out[open + 1 + at] = line
					? `${prefix}${indented ? '    ' : ''}${line}`
					: prefix.trimEnd())
		);
		if (close >= to) {
			// At the end of the file the fence closes on a line of its own after it, so that a page
			// joined after this one (a folder) is not read as code.
			if (!indented) this.tail.push(`${prefix}${fence}`);
			return to;
		}
		this.out[close] = `${prefix}${fence}`;
		return close + 1;
	}

	/**
	 * A `|===` table as a pipe table. Cells start at `|` (a spec such as `2+` or `a` before it is
	 * left out); a row has as many cells as `cols` names, or as the first line holds. The header is
	 * the first row with `%header` / `options="header"`, or when the first line holds a whole row
	 * and a blank line follows it. Rows move up to follow the header.
	 */
	private table(index: number, to: number, prefix: string): number {
		const { src } = this;
		const attributes = this.takePending();
		let close = index + 1;
		while (close < to && src[close] !== src[index]) close++;
		const cells: { text: string; line: number }[] = [];
		let firstLine = -1;
		for (let at = index + 1; at < close; at++) {
			const line = src[at]!;
			if (isBlank(line)) continue;
			if (firstLine < 0) firstLine = at;
			const pieces = line.split(
				/(?<!\\)(?:^|(?<=\s))(?:\d*(?:\.\d+)?[+*])?[<^>]?(?:\.[<^>])?[adehlmsv]?\|/
			);
			const lead = pieces.shift()!;
			if (lead.trim() && cells.length) cells.at(-1)!.text += ` ${lead.trim()}`;
			for (const piece of pieces) cells.push({ text: piece.trim(), line: at });
		}
		const spec = attributes.named.get('cols');
		const fromSpec = spec
			? /^\d+$/.test(spec)
				? Number(spec)
				: spec
						.split(/[,;]/)
						.reduce(
							(sum, part) =>
								sum + (/^(\d+)\*/.exec(part.trim()) ? Number(/^(\d+)\*/.exec(part.trim())![1]) : 1),
							0
						)
			: 0;
		const columns = Math.max(
			1,
			Math.min(64, fromSpec || cells.filter((cell) => cell.line === firstLine).length)
		);
		const rows: { cells: string[]; line: number }[] = [];
		for (let at = 0; at < cells.length; at += columns)
			rows.push({
				cells: cells.slice(at, at + columns).map((cell) => cell.text),
				line: cells[at]!.line,
			});
		const header =
			attributes.options.has('header') ||
			(!attributes.options.has('noheader') &&
				rows.length > 1 &&
				cells.filter((cell) => cell.line === firstLine).length === columns &&
				isBlank(src[firstLine + 1]));
		const row = (values: string[]) =>
			`| ${Array.from({ length: columns }, (_, column) => this.inline(values[column] ?? '').replace(/\n/g, ' ')).join(' | ')} |`;
		const head = header ? rows[0] : undefined;
		const out = [
			{ text: row(head?.cells ?? []), line: head?.line ?? index },
			{
				text: `| ${Array.from({ length: columns }, () => '---').join(' | ')} |`,
				line: head?.line ?? index,
			},
			...(header ? rows.slice(1) : rows).map((r) => ({ text: row(r.cells), line: r.line })),
		];
		const stop = Math.min(close + 1, to);
		for (let at = index; at < stop; at++) {
			const entry = out[at - index];
			this.out[at] = entry ? `${prefix}${entry.text}` : prefix.trimEnd();
			if (entry && entry.line !== at) this.moved.set(at + 1, entry.line + 1);
		}
		return stop;
	}

	/** `{name}`: the value of an attribute the document defines, else the reference as written. */
	private substitute(text: string): string {
		return text.replace(/\{([\w][\w-]*)\}/g, (whole, name: string) => {
			const key = name.toLowerCase();
			return this.attributes.get(key) ?? BUILT_IN[key] ?? whole;
		});
	}

	/**
	 * Inline markup (line breaks kept) as Markdown: `` `mono` ``, `+literal+`, `*strong*`,
	 * `_emphasis_`, URL, `link:`, `xref:`, `<<id,label>>` links, `image:`, `latexmath:[…]` as code,
	 * `icon:` and `[[anchor]]` left out, attribute references substituted; all other text escaped.
	 * Each construct is found by one forward search, and a search that found no end is not
	 * repeated, so a line of unmatched openers costs linear time.
	 */
	inline(source: string, depth = 0): string {
		// Marks nested deeper than a reader would write them are text: each level reads its span again.
		if (depth > 3) return escapeText(source);
		const text = depth < 2 ? this.substitute(source) : source;
		let out = '';
		let plain = '';
		const flush = () => {
			out += escapeText(plain);
			plain = '';
		};
		// A one-character mark (`*`, `_`, `` ` ``, `+`) is constrained: it closes before a space or
		// punctuation, never inside a word.
		const find = closingSearch(text, (at, delimiter) => {
			if (delimiter.length > 1 || delimiter === ']') return true;
			const after = text[at + 1];
			return (
				(after === undefined || !/[\p{L}\p{N}_]/u.test(after)) && !/\s/.test(text[at - 1] ?? ' ')
			);
		});
		let at = 0;
		while (at < text.length) {
			const made = this.construct(text, at, find, depth);
			if (made) {
				flush();
				out += made.markdown;
				at = made.end;
				continue;
			}
			if (text[at] === '\\' && /[*_`+#{[<\\]/.test(text[at + 1] ?? '')) {
				plain += text[at + 1];
				at += 2;
				continue;
			}
			plain += text[at];
			at++;
		}
		flush();
		return out;
	}

	private construct(
		text: string,
		at: number,
		find: (delimiter: string, from: number) => number,
		depth: number
	): { markdown: string; end: number } | undefined {
		const char = text[at]!;
		const before = text[at - 1];
		// Constrained marks open after a space or punctuation, never inside a word.
		const opens = before === undefined || !/[\p{L}\p{N}_]/u.test(before);
		const rest = char === '[' || char === '<' || /[a-z]/.test(char) ? text.slice(at, at + 300) : '';
		const inner = (from: number, end: number) => this.inline(text.slice(from, end), depth + 1);
		for (const [mark, wrap] of [
			['``', 'code'],
			['**', '**'],
			['__', '*'],
			['++', 'text'],
			['`', 'code'],
			['*', '**'],
			['_', '*'],
			['+', 'text'],
		] as const) {
			if (!text.startsWith(mark, at)) continue;
			const constrained = mark.length === 1;
			if (constrained && (!opens || /\s/.test(text[at + 1] ?? ' '))) continue;
			if (mark === '++' && text.startsWith('+++', at)) {
				const end = find('+++', at + 3);
				if (end > 0) return { markdown: '', end: end + 3 };
				continue;
			}
			const end = find(mark, at + mark.length + (constrained ? 1 : 0));
			if (end < 0 || (constrained && end === at + 1)) continue;
			const body = text.slice(at + mark.length, end);
			if (!body.trim()) continue;
			const literal = /^\+([\s\S]*)\+$/.exec(body);
			const markdown =
				wrap === 'code'
					? codeSpan(literal ? literal[1]! : body)
					: wrap === 'text'
						? escapeText(body)
						: `${wrap}${inner(at + mark.length, end)}${wrap}`;
			return { markdown, end: end + mark.length };
		}
		if (char === '[' && text.startsWith('[[', at)) {
			const anchor = /^\[\[[\w:.-]+(?:,[^\]]*)?\]\]/.exec(rest);
			if (anchor) return { markdown: '', end: at + anchor[0].length };
		}
		if (char === '<' && text.startsWith('<<', at)) {
			const reference = /^<<([^\s,>]+)(?:,\s*([^>]*))?>>/.exec(rest);
			if (reference)
				return {
					markdown: this.reference(reference[1]!, reference[2] ?? ''),
					end: at + reference[0].length,
				};
		}
		if (!opens && char !== ':') return undefined;
		const macro =
			/^(https?:\/\/|ftp:\/\/|irc:\/\/|mailto:|link:|xref:|image:|icon:|kbd:|btn:|menu:|footnote:|pass:|latexmath:|stem:|asciimath:)/.exec(
				rest
			);
		if (!macro || !opens) return undefined;
		const name = macro[1]!;
		const target = /^[^\s[\]]*/.exec(text.slice(at + name.length, at + name.length + 2000))![0];
		const open = at + name.length + target.length;
		if (text[open] !== '[') {
			// A bare address stays as written; other macros need their brackets.
			return undefined;
		}
		const close = find(']', open + 1);
		if (close < 0) return undefined;
		const label = text.slice(open + 1, close).replace(/\\\]/g, ']');
		const end = close + 1;
		const shownLabel = (fallback: string) => {
			const words = label
				.replace(/\^$/, '')
				.replace(/,\s*\w+=.*$/, '')
				.replace(/^"(.*)"$/, '$1');
			return words.trim() ? this.inline(words, depth + 1) : escapeText(fallback);
		};
		switch (name) {
			case 'icon:':
				return { markdown: '', end };
			case 'pass:':
				return { markdown: escapeText(label), end };
			case 'latexmath:':
			case 'stem:':
			case 'asciimath:':
				return { markdown: codeSpan(label), end };
			case 'kbd:':
				return { markdown: codeSpan(label), end };
			case 'btn:':
				return { markdown: `**${escapeText(label)}**`, end };
			case 'menu:':
				return {
					markdown: escapeText(
						[target, ...label.split('>').map((s) => s.trim())].filter(Boolean).join(' > ')
					),
					end,
				};
			case 'footnote:':
				return { markdown: ` (${this.inline(label, depth + 1)})`, end };
			case 'image:':
				return {
					markdown: `![${escapeMarkdown(label.split(',')[0] ?? '')}](${destination(target)})`,
					end,
				};
			case 'xref:': {
				const [file, id] = target.split('#');
				if (!file || (/^[\w:.-]+$/.test(file) && !/\.(?:adoc|asciidoc|asc)$/.test(file) && !id))
					return { markdown: this.reference(file ?? '', label), end };
				return {
					markdown: `[${shownLabel(id ? (this.titles.get(id) ?? id) : file.replace(/^.*\//, '').replace(/\.\w+$/, ''))}](${destination(target)})`,
					end,
				};
			}
			case 'link:':
				if (!target) return undefined;
				return { markdown: `[${shownLabel(target)}](${destination(target)})`, end };
			default:
				return { markdown: `[${shownLabel(name + target)}](${destination(name + target)})`, end };
		}
	}

	/** `<<id>>`, `<<id,label>>`, `xref:id[]`: a link to the section, named by the label or the section's title. */
	private reference(target: string, label: string): string {
		const [file, id] = target.includes('#') ? target.split('#') : ['', target];
		const shown = label.trim()
			? this.inline(label, 2)
			: escapeText(this.titles.get(id ?? '') ?? (id || file!));
		return `[${shown}](${destination(file ? target : `#${id}`)})`;
	}
}

/** AsciiDoc as Markdown the importer reads, line for line (`lines` maps the table rows that moved). */
export function readAdoc(text: string): ReadAdoc {
	return new Reader(text).read();
}
