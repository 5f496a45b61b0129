/**
 * A hand-over link: a whole incident in the URL fragment (never sent to a server), compressed
 * with `deflate-raw` and base64url-encoded, checked by zod when opened. Alert context, the other
 * thing fragments carry, is in `alert-context.ts` so reading it needs no zod.
 */
import type { Incident } from './model.ts';
import { IncidentFileSchema, migrateIncidentFile, toIncidentFile } from './file.ts';

export const HANDOVER_PARAM = 'handover';

const toBase64Url = (bytes: Uint8Array): string => {
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
};

const fromBase64Url = (text: string): Uint8Array => {
	const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
	return Uint8Array.from(binary, (char) => char.charCodeAt(0));
};

async function pipe(
	bytes: Uint8Array,
	stream: CompressionStream | DecompressionStream
): Promise<Uint8Array> {
	const output = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(stream);
	return new Uint8Array(await new Response(output).arrayBuffer());
}

/** The fragment (without `#`) that carries `incident`. */
export async function encodeHandover(incident: Incident): Promise<string> {
	const json = new TextEncoder().encode(JSON.stringify(toIncidentFile(incident)));
	return `${HANDOVER_PARAM}=${toBase64Url(await pipe(json, new CompressionStream('deflate-raw')))}`;
}

/** The incident in a fragment, `null` when there is none, or an error sentence when it is damaged. */
export async function decodeHandover(
	fragment: string
): Promise<{ incident: Incident } | { error: string } | null> {
	const value = new URLSearchParams(fragment.replace(/^#/, '')).get(HANDOVER_PARAM);
	if (value === null) return null;
	try {
		const json = new TextDecoder().decode(
			await pipe(fromBase64Url(value), new DecompressionStream('deflate-raw'))
		);
		const result = IncidentFileSchema().safeParse(migrateIncidentFile(JSON.parse(json)));
		if (result.success) return { incident: result.data.incident as Incident };
	} catch {
		// Falls through to the message: a truncated or edited link cannot be read.
	}
	return {
		error:
			'This hand-over link is damaged or incomplete (it may have been cut off when pasted). Ask for the link again.',
	};
}
