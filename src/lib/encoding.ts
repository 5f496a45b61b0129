import iconv from 'iconv-lite';

/**
 * Repairs UTF-8 that was once decoded with a legacy 8-bit codec ("‚Üí" for "→" after Mac Roman,
 * "â€”" for "—" after Windows-1252). Each run of non-ASCII characters is encoded back with the
 * legacy codec and decoded as UTF-8; a run is replaced only when that yields valid UTF-8, so
 * genuine accented text is left alone.
 */

export type LegacyEncoding = 'macintosh' | 'windows1252';

export interface Repair {
	/** How many runs of damaged characters each codec explained. */
	counts: Record<LegacyEncoding, number>;
	text: string;
}

const NON_ASCII_RUN = /[^\x00-\x7F]+/g;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * iconv-lite leaves Mac Roman 0xF0 undefined; Apple's table maps it to U+F8FF (the Apple logo).
 * Every emoji's UTF-8 starts with 0xF0, so damaged emoji start with U+F8FF.
 */
const APPLE_LOGO = '\uF8FF';

/**
 * Windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined; decoders pass them through as the
 * C1 controls U+0081 … U+009D, so `”` (E2 80 9D) arrives as `â€` plus U+009D.
 */
const C1_UNDEFINED = /[\u0081\u008D\u008F\u0090\u009D]/;

function encodeWindows1252(part: string): Buffer {
	if (!C1_UNDEFINED.test(part)) return iconv.encode(part, 'windows1252');
	return Buffer.concat(
		[...part].map((char) =>
			C1_UNDEFINED.test(char)
				? Buffer.from([char.charCodeAt(0)])
				: iconv.encode(char, 'windows1252')
		)
	);
}

function encodeLegacy(run: string, encoding: LegacyEncoding): Uint8Array | undefined {
	const parts = run
		.split(APPLE_LOGO)
		.map((part) =>
			encoding === 'windows1252' ? encodeWindows1252(part) : iconv.encode(part, encoding)
		);
	// A character the codec cannot encode comes back as '?': the run was not made by this codec.
	if (parts.some((bytes) => bytes.includes(0x3f))) return undefined;
	if (encoding !== 'macintosh' && parts.length > 1) return undefined;
	return Buffer.concat(
		parts.flatMap((bytes, index) => (index === 0 ? [bytes] : [Buffer.from([0xf0]), bytes]))
	);
}

function decodeStrict(bytes: Uint8Array, run: string): string | undefined {
	try {
		const decoded = utf8.decode(bytes);
		return decoded !== run && !/[\x80-\x9F]/.test(decoded) ? decoded : undefined;
	} catch {
		return undefined;
	}
}

function undo(run: string, encoding: LegacyEncoding): string | undefined {
	const bytes = encodeLegacy(run, encoding);
	if (!bytes) return undefined;
	const decoded = decodeStrict(bytes, run);
	// A tool that dropped the undefined byte leaves `â€` alone: E2 80 with its last byte lost. Of
	// the characters starting E2 80 only `”` (E2 80 9D) ends in an undefined byte, so it is that.
	if (decoded === undefined && encoding === 'windows1252' && run.endsWith('â€'))
		return decodeStrict(Buffer.concat([bytes, Buffer.from([0x9d])]), run);
	return decoded;
}

/**
 * Repairs every damaged run; says which codec explained how many runs. Where both codecs could
 * explain a run ("Ã©"), the one that explains more of the document wins: damage comes from one
 * misreading of the whole file.
 */
export function repairEncoding(text: string): Repair {
	const runs = text.match(NON_ASCII_RUN) ?? [];
	const explained = (encoding: LegacyEncoding) =>
		runs.filter((run) => undo(run, encoding) !== undefined).length;
	const order = (['macintosh', 'windows1252'] as const)
		.map((encoding) => [encoding, explained(encoding)] as const)
		.sort((a, b) => b[1] - a[1]);
	const counts: Record<LegacyEncoding, number> = { macintosh: 0, windows1252: 0 };
	const repaired = text.replace(NON_ASCII_RUN, (run) => {
		for (const [encoding] of order) {
			const fixed = undo(run, encoding);
			if (fixed === undefined) continue;
			counts[encoding] += 1;
			return fixed;
		}
		return run;
	});
	return { counts, text: repaired };
}

/** Sequences that only appear in damaged text; the site must never show them. */
export const DAMAGE_MARKERS =
	/\uF8FF|[\u0081\u008D\u008F\u0090\u009D]|‚Ä|‚Ü|‚ö|‚è|‚úÖ|‚ùå|√©|Ô∏è|â€|Ã©|Ã¨/;
