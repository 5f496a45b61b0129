/** Which scenarios claim which alert names: the one rule behind `/alerts/<name>/` and the index. */

/** Alert name → ids of the scenarios that list it, names sorted; each name once per scenario. */
export function alertClaims(
	scenarios: { id: string; alerts: readonly string[] }[]
): [string, string[]][] {
	const claims = new Map<string, string[]>();
	for (const { id, alerts } of scenarios) {
		for (const name of new Set(alerts)) claims.set(name, [...(claims.get(name) ?? []), id]);
	}
	return [...claims].sort(([a], [b]) => a.localeCompare(b));
}
