/**
 * Values for template fields: what the responder typed (stored per incident and shared by every
 * template, keyed by field name), and what a field can fill itself from the active incident and
 * the playbook's severities. Pure: the clock, the incident and the severities are passed in.
 */
import { formatUtc } from '../lib/utc.ts';
import { derive, type Derivation, type SeverityFacts } from './derive.ts';
import type { Incident } from './model.ts';
import { legacyScope, storageScope } from '../lib/storage-scope.ts';

export type { Derivation };

/** What every key of typed values starts with (other tabs' changes are watched by it). */
export const VALUES_KEY_PREFIX = 'responder:template-values:';

/**
 * Where typed values live: one JSON object per incident scope (`storageScope`), shared by all
 * templates: `responder:template-values:v2:default` before any incident,
 * `responder:template-values:v2:incident:<encoded id>` during one.
 */
export const valuesKey = (incidentId: string | null): string =>
	`${VALUES_KEY_PREFIX}v2:${storageScope(incidentId)}`;

/** The key of the first layout (`responder:template-values:<raw id or default>`), to move from. */
export function legacyValuesKey(incidentId: string | null): string | undefined {
	const scope = legacyScope(incidentId);
	return scope === undefined ? undefined : `${VALUES_KEY_PREFIX}${scope}`;
}

/** Stored shape (`version` 1): field name → the text the responder typed. */
export interface ValueStore {
	version: 1;
	values: Record<string, string>;
}

/** Reads stored values; `undefined` for anything that is not a version-1 store of strings. */
export function parseValueStore(raw: unknown): Record<string, string> | undefined {
	if (typeof raw !== 'object' || raw === null || (raw as ValueStore).version !== 1)
		return undefined;
	const values = (raw as ValueStore).values;
	if (typeof values !== 'object' || values === null || Array.isArray(values)) return undefined;
	const result: Record<string, string> = Object.create(null);
	for (const [name, value] of Object.entries(values))
		if (typeof value === 'string') result[name] = value;
	return result;
}

/** What a field needs to be filled: its name, input type and derivation. */
export interface ValueField {
	name: string;
	type: 'text' | 'multiline' | 'choice' | 'datetime' | 'severity' | 'status';
	derive?: Derivation | undefined;
}

/** A severity level as the page carries it from the build. */
export type SeverityInfo = SeverityFacts;

export interface DeriveContext {
	now: Date;
	incident: Incident | null;
	severities: SeverityInfo[];
	/** Values typed so far: a severity picked in the form stands in when no incident is active. */
	typed: Record<string, string>;
	/** The template being filled announces an update (`update: true`). */
	announcesUpdate?: boolean | undefined;
}

/** `2025-11-19T14:05`, the value of a `datetime-local` input (read as UTC). */
export const toDatetimeLocal = (date: Date): string =>
	formatUtc(date.toISOString()).slice(0, 16).replace(' ', 'T');

const DATETIME_LOCAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?$/;

/** The text a value puts into the message: date-time inputs read as `2025-11-19 14:05 UTC`. */
export function displayValue(field: Pick<ValueField, 'type'>, value: string): string {
	const match = field.type === 'datetime' ? DATETIME_LOCAL.exec(value) : null;
	return match ? `${match[1]} ${match[2]} UTC` : value;
}

/** What a field derives from: its own `derive`, else severity and status fields follow the incident. */
export const derivationOf = (field: ValueField): Derivation | undefined =>
	field.derive ??
	(field.type === 'severity' ? 'severity' : field.type === 'status' ? 'status' : undefined);

/** The severity that times and labels come from: the incident's, else the one picked in the form. */
function currentSeverity(context: DeriveContext): SeverityInfo | undefined {
	if (context.incident)
		return context.severities.find((severity) => severity.id === context.incident!.severity);
	const picked = Object.values(context.typed);
	return context.severities.find((severity) => picked.includes(severity.level));
}

/**
 * The value a field fills itself with, in the form its input holds (a `datetime` field gets
 * `2025-11-19T14:05`, a text field `2025-11-19 14:05 UTC`); `undefined` when nothing is known.
 * The values themselves come from `derive()`, shared with the exports and the banner.
 */
export function derivedValue(field: ValueField, context: DeriveContext): string | undefined {
	const derivation = derivationOf(field);
	if (!derivation) return undefined;
	const input = {
		now: context.now,
		incident: context.incident,
		severity: currentSeverity(context),
		announcesUpdate: context.announcesUpdate,
	};
	const value = derive(derivation, input);
	if (value === undefined || typeof value === 'string') return value;
	if (Number.isNaN(value.getTime())) return undefined;
	return field.type === 'datetime' ? toDatetimeLocal(value) : formatUtc(value.toISOString());
}

/** A field's current value and where it came from. */
export interface FieldValue {
	value: string;
	/** `typed` by the responder, `derived` from the incident, or `empty`. */
	source: 'typed' | 'derived' | 'empty';
}

/** Every field's value: what was typed wins; an empty field takes its derived value. */
export function resolveValues(
	fields: ValueField[],
	context: DeriveContext
): Record<string, FieldValue> {
	const result: Record<string, FieldValue> = Object.create(null);
	for (const field of fields) {
		const typed = context.typed[field.name];
		if (typed !== undefined && typed.trim() !== '') {
			result[field.name] = { value: typed, source: 'typed' };
			continue;
		}
		const derived = derivedValue(field, context);
		result[field.name] =
			derived === undefined
				? { value: '', source: 'empty' }
				: { value: derived, source: 'derived' };
	}
	return result;
}

/** The text each field puts into the message, for `fillMessage`. */
export function messageValues(
	fields: ValueField[],
	resolved: Record<string, FieldValue>
): Record<string, string> {
	const result: Record<string, string> = Object.create(null);
	for (const field of fields) {
		const value = resolved[field.name]?.value ?? '';
		if (value.trim() !== '') result[field.name] = displayValue(field, value);
	}
	return result;
}
