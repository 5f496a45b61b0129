/**
 * Checklist item ids. A tick is stored under its item's id, so the id must survive reordering and
 * inserting items: it comes from the item's text, or from an id the author pins (`{#my-id}` at
 * the end of a Markdown task item, `id:` in YAML). It never comes from the item's position.
 */

/** An explicit id at the end of an item's text: `Page the DBA {#page-dba}` (in MDX: `\{#page-dba}`). */
const EXPLICIT_ID = /\s*\{#([a-z0-9][a-z0-9-]*)\}\s*$/;

/** Splits a trailing `{#id}` off an item's text. */
export function splitExplicitId(text: string): { text: string; id?: string } {
	const match = EXPLICIT_ID.exec(text);
	if (!match) return { text };
	return { text: text.slice(0, match.index), id: match[1]! };
}

/**
 * The id a text yields: lower case, accents and Markdown punctuation dropped, words joined by
 * `-`, so "Check `pg_stat_activity`!" and "check pg stat activity" are the same item.
 */
export function normaliseItemText(text: string): string {
	const slug = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 80)
		.replace(/-+$/, '');
	return slug || 'item';
}

export interface ItemSource {
	/** What the responder reads, without any `{#id}` marker. */
	text: string;
	/** The author's explicit id, if any. */
	id?: string | undefined;
	/** The text the id comes from when not `text` (a lone command block's: its heading). */
	idText?: string | undefined;
}

/**
 * Ids for every item of one checklist document (a scenario, a checklist entry, a severity's
 * actions), in order. Explicit ids are taken first; a text seen again gets `-2`, `-3`… in
 * document order, skipping ids already taken, so the result depends only on the items.
 */
export function assignItemIds(items: readonly ItemSource[]): string[] {
	const taken = new Set(items.flatMap((item) => (item.id ? [item.id] : [])));
	const seenExplicit = new Set<string>();
	return items.map((item) => {
		if (item.id && !seenExplicit.has(item.id)) {
			seenExplicit.add(item.id);
			return item.id;
		}
		const base = item.id ?? normaliseItemText(item.idText ?? item.text);
		let id = base;
		for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
		taken.add(id);
		return id;
	});
}

/** Items whose texts yield the same id (before de-duplication), as groups of indexes. */
export function duplicateItems(items: readonly ItemSource[]): number[][] {
	const byId = new Map<string, number[]>();
	items.forEach((item, index) => {
		const id = item.id ?? normaliseItemText(item.idText ?? item.text);
		byId.set(id, [...(byId.get(id) ?? []), index]);
	});
	return [...byId.values()].filter((indexes) => indexes.length > 1);
}
