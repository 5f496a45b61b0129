/**
 * Every value Responder derives from an incident, computed in one place: the template form, the
 * exports and the banner call these, so a severity label or a duration reads the same wherever it
 * is written. Pure: the clock is passed in. A value Responder cannot know is `undefined` and
 * stays a visible blank, never a guess.
 */
import { formatUtc } from '../lib/utc.ts';
import type { DERIVATIONS } from '../schemas/template.ts';
import { acknowledgedAt, endedAt, lastUpdateAt } from './clocks.ts';
import { entryText } from './event-text.ts';
import { STATUS_LABELS, type Incident } from './model.ts';
import { levelIsName } from '../lib/severity-label.ts';

export type Derivation = (typeof DERIVATIONS)[number];

/** What a derivation needs to know about a severity level. */
export interface SeverityFacts {
	/** Entry id, `servio/p0`. */
	id: string;
	level: string;
	name: string;
	/** Minutes between stakeholder updates, when the level sets a cadence. */
	updateMinutes?: number | undefined;
}

export interface DeriveInput {
	now: Date;
	/** The active incident, or `null` when none is running. */
	incident: Incident | null;
	/** The incident's severity (or, without an incident, the one picked in a form). */
	severity: SeverityFacts | undefined;
	/**
	 * The message being written announces an update: sending it restarts the update clock, so the
	 * next update counts from now. Otherwise it is the update clock's due time.
	 */
	announcesUpdate?: boolean | undefined;
}

/** A derived value: text, or a time each writer formats its own way (`datetime` input, UTC text). */
export type Derived = string | Date;

const pad = (n: number) => String(n).padStart(2, '0');

/** `45 min`, `2 h 05 min`, `3 d 4 h`: time elapsed, rounded down to the minute. */
export function formatElapsed(ms: number): string {
	const minutes = Math.max(0, Math.floor(ms / 60_000));
	if (minutes < 60) return `${minutes} min`;
	const hours = Math.floor(minutes / 60);
	if (hours < 24) return `${hours} h ${pad(minutes % 60)} min`;
	return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** `30 min`, `1 hour`, `2 hours`, `1 day`: an update cadence as messages say it. */
export function cadenceText(minutes: number): string {
	if (minutes % 1440 === 0) return minutes === 1440 ? '1 day' : `${minutes / 1440} days`;
	if (minutes % 60 === 0) return minutes === 60 ? '1 hour' : `${minutes / 60} hours`;
	return `${minutes} min`;
}

/** `P0 (Critical)`: how a severity is named in messages, exports and the bar. */
export const severityLabel = (severity: Pick<SeverityFacts, 'level' | 'name'>): string =>
	levelIsName(severity) ? severity.name : `${severity.level} (${severity.name})`;

/** The person holding the commander role (role id `commander`). */
export const commanderOf = (incident: Incident): string | undefined =>
	incident.roles['commander']?.trim() || undefined;

/** `45 min` once ended, `45 min (ongoing)` while it runs. */
export function duration(incident: Incident, now: Date): string | undefined {
	const end = endedAt(incident);
	const ms = (end ? Date.parse(end) : now.getTime()) - Date.parse(incident.startedAt);
	if (Number.isNaN(ms)) return undefined;
	return formatElapsed(ms) + (end ? '' : ' (ongoing)');
}

/** An ISO time as a `Date`, or `undefined` when there is none. */
const dateOf = (iso: string | undefined): Date | undefined => (iso ? new Date(iso) : undefined);

/**
 * The timeline as `[time, text]` pairs: `14:05 UTC`, with the date when the entry is not on the
 * incident's first day. Each writer escapes the text for its own target.
 */
export const timelineEntries = (incident: Incident): [string, string][] =>
	incident.timeline.map((entry) => [
		formatUtc(entry.at, new Date(incident.startedAt)),
		entryText(entry),
	]);

/**
 * When the next update is due. With an incident: from the last update sent (or the start), or
 * from now when the message being written is itself an update; none once resolved. Without an
 * incident: from now, with the severity picked.
 */
export function nextUpdate(input: DeriveInput): Date | undefined {
	const { incident, severity, now } = input;
	const minutes = severity?.updateMinutes;
	if (minutes === undefined) return undefined;
	if (incident?.status === 'resolved') return undefined;
	const from =
		!incident || input.announcesUpdate
			? now.getTime()
			: Date.parse(lastUpdateAt(incident) ?? incident.startedAt);
	return new Date(from + minutes * 60_000);
}

/** The value `derivation` gives, or `undefined` when it cannot be known. */
export function derive(derivation: Derivation, input: DeriveInput): Derived | undefined {
	const { incident, severity, now } = input;
	switch (derivation) {
		case 'now':
			return now;
		case 'date':
			return formatUtc(now.toISOString()).slice(0, 10);
		case 'next-update':
			return nextUpdate(input);
		case 'severity-label':
			return severity && severityLabel(severity);
		case 'update-interval':
			return severity?.updateMinutes === undefined
				? undefined
				: cadenceText(severity.updateMinutes);
	}
	if (!incident) return undefined;
	switch (derivation) {
		case 'incident-id':
			return incident.id;
		case 'incident-title':
			return incident.title || undefined;
		case 'incident-start':
			return new Date(incident.startedAt);
		case 'incident-date':
			return formatUtc(incident.startedAt).slice(0, 10);
		case 'declared':
			return dateOf(incident.timeline.find((entry) => entry.type === 'declared')?.at);
		case 'acknowledged':
			return dateOf(acknowledgedAt(incident));
		case 'incident-end':
			return dateOf(endedAt(incident));
		case 'closed':
			return dateOf(incident.closedAt);
		case 'timeline': {
			const lines = timelineEntries(incident).map(([time, text]) => `- ${time} - ${text}`);
			return lines.length ? lines.join('\n') : undefined;
		}
		case 'duration':
			return duration(incident, now);
		case 'severity':
			return severity?.level;
		case 'status':
			return STATUS_LABELS[incident.status];
		case 'commander':
			return commanderOf(incident);
		case 'communications':
		case 'operations':
			return incident.roles[derivation]?.trim() || undefined;
	}
}

/** A derived value as message text: times as `2025-11-19 14:05 UTC`. */
export const deriveText = (derivation: Derivation, input: DeriveInput): string | undefined => {
	const value = derive(derivation, input);
	if (value === undefined) return undefined;
	if (typeof value === 'string') return value;
	return Number.isNaN(value.getTime()) ? undefined : formatUtc(value.toISOString());
};
