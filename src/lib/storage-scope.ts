/**
 * The scope of per-incident state in browser storage (checklist ticks, template values): one home,
 * so every store keys an incident the same way. Incident ids come from imports and hand-over links
 * and may hold anything; encoded, an id cannot reach into another scope (`INC-1` and `INC-1:x`
 * stay apart) and no id can claim the scope used before any incident (`default`, `__proto__`).
 */

/** `default` before any incident, `incident:<URI-encoded id>` during one. */
export const storageScope = (incidentId: string | null): string =>
	incidentId === null ? 'default' : `incident:${encodeURIComponent(incidentId)}`;

/**
 * The scope an earlier layout used (the raw id, or `default`), to move old values from;
 * `undefined` when the old key is not the incident's own: an incident named `default` had the
 * pre-incident key (those values stay there), and an id starting `v<n>:` spells a key of a
 * versioned layout, which belongs to another scope.
 */
export function legacyScope(incidentId: string | null): string | undefined {
	if (incidentId === null) return 'default';
	return incidentId === 'default' || /^v\d+:/.test(incidentId) ? undefined : incidentId;
}
