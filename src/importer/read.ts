import { readFileSync, statSync } from 'node:fs';
import { repairEncoding, type LegacyEncoding } from '../lib/encoding.ts';

/** Input the importer refuses, with a one-line reason a person can act on. */
export class ImportError extends Error {}

export interface Source {
	text: string;
	/** Damaged runs repaired, per codec that explains them. */
	repairs: Record<LegacyEncoding, number>;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes that never appear in text: NUL and most C0 controls. */
const BINARY = /[\x00-\x08\x0E-\x1A\x1C-\x1F]/g;

/** Checks bytes are text worth importing, decodes them and repairs mojibake. */
export function decodeSource(bytes: Uint8Array, name: string): Source {
	if (bytes.length === 0)
		throw new ImportError(`\`${name}\` is empty; there is nothing to import.`);
	const head = bytes.subarray(0, 8000);
	if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
		throw new ImportError(
			`\`${name}\` is UTF-16 text, not UTF-8; save it as UTF-8 and import again.`
		);
	}
	// More than one such byte per thousand is a binary file; fewer are strays in text, which the
	// preparation takes out (NUL) or the writers escape.
	const controls = Buffer.from(head).toString('latin1').match(BINARY)?.length ?? 0;
	if (controls > Math.max(1, head.length / 1000)) {
		throw new ImportError(
			`\`${name}\` looks like a binary file, not Markdown text; pass the playbook's .md file.`
		);
	}
	let text: string;
	try {
		text = utf8
			.decode(bytes)
			.replace(/^\uFEFF/, '')
			.replace(/\r\n?/g, '\n');
	} catch {
		throw new ImportError(
			`\`${name}\` is not UTF-8 text; save it as UTF-8 (for example \`iconv -f latin1 -t utf-8\`) and import again.`
		);
	}
	if (!text.trim())
		throw new ImportError(`\`${name}\` holds only whitespace; there is nothing to import.`);
	const { text: repaired, counts } = repairEncoding(text);
	return { text: repaired, repairs: counts };
}

export function readSource(path: string): Source {
	let bytes: Uint8Array;
	try {
		if (statSync(path).isDirectory())
			throw new ImportError(`\`${path}\` is a folder; pass the playbook's Markdown file.`);
		bytes = readFileSync(path);
	} catch (error) {
		if (error instanceof ImportError) throw error;
		const code = (error as NodeJS.ErrnoException).code;
		throw new ImportError(
			code === 'ENOENT'
				? `\`${path}\` does not exist; check the path.`
				: `\`${path}\` cannot be read (${code ?? 'unknown error'}).`
		);
	}
	return decodeSource(bytes, path);
}
