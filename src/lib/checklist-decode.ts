/**
 * Checklist records in the version 2 shape (`{ version: 2, ticks, items? }`), as exports and
 * hand-overs carry them and as browsers stored a list before version 3: reading them (upgrading
 * version 1 on the way) and the export's ticks of items no longer listed. Apart from
 * `checklist-store.ts` so a page with a checklist loads it only when old values need moving
 * (`src/client/checklist-migration.ts`).
 */
import {
	CHECKLIST_VERSION,
	isIsoTime,
	isObject,
	type ChecklistRecord,
	type Tick,
} from './checklist-store.ts';

/** Each stored version's upgrade to the next one; a value walks the chain to the current version. */
const MIGRATIONS: Record<
	number,
	(value: Record<string, unknown>) => Record<string, unknown> | undefined
> = {
	1: (value) => {
		if (!isObject(value.ticked)) return undefined;
		const ticks: Record<string, Tick> = {};
		for (const [id, at] of Object.entries(value.ticked)) {
			if (!isIsoTime(at)) return undefined;
			ticks[id] = { at, text: '' };
		}
		return { version: 2, ticks };
	},
};

/**
 * Reads a stored value, upgrading older versions; `undefined` for anything it does not recognise
 * (corrupted or foreign data, or a version newer than this build knows).
 */
export function decodeChecklist(raw: unknown): ChecklistRecord | undefined {
	if (!isObject(raw) || typeof raw.version !== 'number') return undefined;
	let value: Record<string, unknown> | undefined = raw;
	while (value && typeof value.version === 'number' && value.version < CHECKLIST_VERSION) {
		const migrate:
			((value: Record<string, unknown>) => Record<string, unknown> | undefined) | undefined =
			MIGRATIONS[value.version];
		value = migrate?.(value);
	}
	if (!value || value.version !== CHECKLIST_VERSION || !isObject(value.ticks)) return undefined;
	const ticks: Record<string, Tick> = {};
	for (const [id, tick] of Object.entries(value.ticks)) {
		if (!isObject(tick) || !isIsoTime(tick.at) || typeof tick.text !== 'string') return undefined;
		ticks[id] = { at: tick.at, text: tick.text };
	}
	const items =
		Array.isArray(value.items) && value.items.every((id) => typeof id === 'string')
			? { items: value.items as string[] }
			: {};
	return { version: CHECKLIST_VERSION, ticks, ...items };
}

/** Ticks whose items are not in `ids`: kept in storage, listed by the incident export. */
export function orphanedTicks(record: ChecklistRecord, ids: readonly string[]): [string, Tick][] {
	const present = new Set(ids);
	return Object.entries(record.ticks).filter(([id]) => !present.has(id));
}
