/**
 * A file name made from text someone else wrote (an incident id from an import or a hand-over
 * link), safe to save on any system: letters, digits, marks, `.`, `_` and `-` only (no path
 * separator, control, direction or invisible character), no leading dot, not a name Windows
 * reserves (`CON`, `nul.md`, `COM1`…), and at most `MAX_FILE_NAME_BYTES` bytes of UTF-8.
 */

/** Well under the 255 bytes most file systems allow, leaving room for a browser's ` (1)`. */
export const MAX_FILE_NAME_BYTES = 120;

/** Names Windows refuses whatever their extension (`con.md` is `con`). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

const encoder = new TextEncoder();

/**
 * `<stem><extension>`, the stem cleaned and cut to fit; `fallback` when nothing of the stem is
 * left. `extension` is the program's own (`.md`, `.incident.json`) and kept as given.
 */
export function safeFileName(stem: string, extension: string, fallback = 'incident'): string {
	let clean = stem
		.normalize('NFC')
		.replace(/[^\p{L}\p{N}\p{M}._-]+/gu, '-')
		.replace(/-{2,}/g, '-')
		.replace(/^[.\-_]+|[.\-_]+$/g, '');
	if (WINDOWS_RESERVED.test(clean.split('.')[0]!)) clean = `_${clean}`;
	const room = MAX_FILE_NAME_BYTES - encoder.encode(extension).length;
	let cut = '';
	let used = 0;
	for (const char of clean) {
		used += encoder.encode(char).length;
		if (used > room) break;
		cut += char;
	}
	// A cut can end on a separator, and a leading mark shows on nothing: trimmed again.
	cut = cut.replace(/^\p{M}+|[.\-_]+$/gu, '');
	return `${cut || fallback}${extension}`;
}
