/**
 * Text for a terminal: control characters (ANSI escape sequences, bells, backspaces, carriage
 * returns, C1 controls, bidi overrides) are shown as visible `\x1b`-style escapes instead of being
 * interpreted, so a content file cannot recolour, rewrite or hide lines of a report. Line feeds
 * and tabs stay.
 */
export function terminal(text: string): string {
	return text.replace(
		// C0 controls but tab and line feed, DEL, C1 controls, bidi embeddings/overrides/isolates.
		/[\x00-\x08\x0B-\x1F\x7F-\x9F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g,
		(char) => {
			const code = char.codePointAt(0)!;
			return code <= 0xff
				? `\\x${code.toString(16).padStart(2, '0')}`
				: `\\u${code.toString(16).padStart(4, '0')}`;
		}
	);
}
