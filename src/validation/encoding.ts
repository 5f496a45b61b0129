import iconv from 'iconv-lite';
import { repairEncoding } from '../lib/encoding.ts';

/**
 * Reading bytes as text for the validator: UTF-8 only, with the line of the first bad byte, and
 * detection of text that was damaged by a wrong encoding earlier (mojibake).
 */

const BOM = [0xef, 0xbb, 0xbf];
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export type Decoded =
	{ ok: true; text: string; bom: boolean } | { ok: false; line: number; bytes: string };

/** Decodes UTF-8 strictly; a leading byte-order mark is dropped (Astro's readers drop it too). */
export function decodeUtf8(buffer: Uint8Array): Decoded {
	const bom = BOM.every((byte, i) => buffer[i] === byte);
	const bytes = bom ? buffer.subarray(3) : buffer;
	try {
		return { ok: true, text: utf8.decode(bytes), bom };
	} catch {
		const at = firstInvalid(bytes);
		let line = 1;
		for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
		const shown = [...bytes.subarray(at, at + 4)]
			.map((b) => b.toString(16).toUpperCase().padStart(2, '0'))
			.join(' ');
		return { ok: false, line, bytes: shown };
	}
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalid(bytes: Uint8Array): number {
	for (let i = 0; i < bytes.length;) {
		const b = bytes[i]!;
		const length =
			b < 0x80
				? 1
				: b >= 0xc2 && b < 0xe0
					? 2
					: b >= 0xe0 && b < 0xf0
						? 3
						: b >= 0xf0 && b < 0xf5
							? 4
							: 0;
		if (length === 0) return i;
		try {
			utf8.decode(bytes.subarray(i, i + length));
		} catch {
			return i;
		}
		i += length;
	}
	return bytes.length;
}

/**
 * Windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined; decoders pass them through as
 * U+0081… so a damaged `”` (E2 80 9D) reads `â€` followed by the invisible U+009D.
 */
const C1_PASSTHROUGH = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

function undoWindows1252(run: string): string | undefined {
	const bytes: number[] = [];
	for (const char of run) {
		const code = char.codePointAt(0)!;
		if (C1_PASSTHROUGH.has(code)) {
			bytes.push(code);
			continue;
		}
		const encoded = iconv.encode(char, 'windows1252');
		if (encoded.length !== 1 || (encoded[0] === 0x3f && char !== '?')) return undefined;
		bytes.push(encoded[0]!);
	}
	try {
		const decoded = utf8.decode(Uint8Array.from(bytes));
		return decoded !== run && !/[\x80-\x9F]/.test(decoded) ? decoded : undefined;
	} catch {
		return undefined;
	}
}

/** A run of characters that reads as UTF-8 decoded with the wrong codec, and what it was. */
export interface Damage {
	line: number;
	damaged: string;
	repaired: string;
	codec: 'Windows-1252' | 'Mac Roman';
}

const NON_ASCII_RUN = /[^\x00-\x7F]+/g;

/** Damaged runs, at most one per line; genuine accented or symbol text is left alone. */
export function findMojibake(text: string): Damage[] {
	const found: Damage[] = [];
	text.split('\n').forEach((lineText, index) => {
		for (const [run] of lineText.matchAll(NON_ASCII_RUN)) {
			const windows = undoWindows1252(run);
			if (windows) {
				found.push({ line: index + 1, damaged: run, repaired: windows, codec: 'Windows-1252' });
				return;
			}
			const repair = repairEncoding(run);
			if (repair.text !== run) {
				const codec = repair.counts.macintosh > 0 ? 'Mac Roman' : 'Windows-1252';
				found.push({ line: index + 1, damaged: run, repaired: repair.text, codec });
				return;
			}
		}
	});
	return found;
}
