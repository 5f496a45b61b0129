/**
 * Reading back the keys of a whole scope, which only the incident workspace does (for its export
 * and hand-over). The layout is `checklist-store.ts`'s; this module is apart from it so that the
 * code every page with a checklist loads does not carry it.
 */
import { checklistKey, decodeKeyPart, scopePrefix, tickItem } from './checklist-store.ts';

/**
 * The document and item a key of `incidentId`'s scope names (a list's key, or one of its ticks');
 * `undefined` for any other key, such as a value moved aside (`…:corrupt:<time>`).
 */
export function parseScopedKey(
	incidentId: string | null,
	key: string
): { document: string; item?: string } | undefined {
	const prefix = scopePrefix(incidentId);
	if (!key.startsWith(prefix)) return undefined;
	const document = decodeKeyPart(key.slice(prefix.length).split(':', 1)[0]!);
	if (document === undefined) return undefined;
	const list = checklistKey(incidentId, document);
	if (key === list) return { document };
	const item = tickItem(list, key);
	return item === undefined ? undefined : { document, item };
}
