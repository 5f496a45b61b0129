/**
 * The clocks a severity sets for an incident, derived from its typed targets, its timeline and a
 * given `now` (so they are tested with a fixed clock): `incidentClocks` is the one function the
 * banner, the bar and the exports call. Rules:
 * - every target with a length gives a clock; one without ("Best effort", "As needed",
 *   "Immediate (24/7)") gives none. "Immediate (< 5 minutes)" counts 5 minutes.
 * - `acknowledge` stops at the acknowledgement: the first `acknowledged` event (the Acknowledge
 *   button) or the first status change, whichever comes first.
 * - `response` is the first-response clock when the severity has no `acknowledge` target and
 *   then stops at the acknowledgement too; next to an `acknowledge` target it means "work under
 *   way" and stops at the first status change.
 * - `update` counts from the last update sent (a `message-sent` event whose template announces an
 *   update, or "Update posted"), else from the start.
 * - `resolution` counts from the start and stops when the incident is resolved.
 * Business-hour targets count clock time and say so.
 */
import type { Incident } from './model.ts';
import { parseDuration, type Duration } from '../lib/duration.ts';
import type { PlaybookData, SeverityData } from './data.ts';

export type ClockKey = 'acknowledge' | 'response' | 'update' | 'resolution';

export interface Clock {
	key: ClockKey;
	/** The playbook's own name for the target. */
	label: string;
	/** The target as the author wrote it. */
	target: string;
	/** When it falls due (ISO). */
	due: string;
	/** Milliseconds left (negative once overdue), at `now` or when the target was met. */
	remaining: number;
	overdue: boolean;
	businessHours: boolean;
	/** When the target was met (ISO). */
	met?: string;
}

/** When someone took the incident: the first `acknowledged` event or status change. */
export const acknowledgedAt = (incident: Incident): string | undefined =>
	incident.timeline.find(
		(entry) => entry.type === 'acknowledged' || entry.type === 'status-changed'
	)?.at;

/** When the first status change was recorded (work under way). */
const firstStatusChange = (incident: Incident): string | undefined =>
	incident.timeline.find((entry) => entry.type === 'status-changed')?.at;

/** When the last update went out: a message announcing an update, or "Update posted". */
export const lastUpdateAt = (incident: Incident): string | undefined =>
	incident.timeline.findLast(
		(entry) => (entry.type === 'message-sent' && entry.update) || entry.type === 'update-posted'
	)?.at;

/** When the incident ended for duration purposes: the last move to Resolved, else closed. */
export function endedAt(incident: Incident): string | undefined {
	if (incident.status !== 'resolved') return undefined;
	const resolved = incident.timeline.findLast(
		(entry) => entry.type === 'status-changed' && entry.to === 'resolved'
	);
	return resolved?.at ?? incident.closedAt;
}

const CLOCKS: ClockKey[] = ['acknowledge', 'response', 'update', 'resolution'];

/**
 * Minutes a target gives, or `undefined` when it sets no time. "Immediate (< 5 minutes)" reads
 * the span in brackets; a bare "Immediate" says "now" without a time to count down to.
 */
export function targetMinutes(duration: Duration): number | undefined {
	if (duration.kind === 'span') return duration.minutes;
	if (duration.kind !== 'immediate') return undefined;
	const inner = /\(([^)]*)\)/.exec(duration.text)?.[1];
	const span = inner === undefined ? undefined : parseDuration(inner);
	return span?.kind === 'span' ? span.minutes : undefined;
}

/** The clock an acknowledgement stops: `acknowledge`, else `response` (the first-response clock). */
export const firstResponseClock = (severity: Pick<SeverityData, 'targets'>): ClockKey =>
	severity.targets.acknowledge ? 'acknowledge' : 'response';

/** The clocks a severity sets, in order; once the incident is resolved, no update is due. */
export const clockKeys = (severity: Pick<SeverityData, 'targets'>, resolved: boolean): ClockKey[] =>
	CLOCKS.filter((key) => {
		const duration = severity.targets[key];
		return !!duration && targetMinutes(duration) !== undefined && !(resolved && key === 'update');
	});

/**
 * The clocks the incident bar shows, one line each: next to an `acknowledge` clock, not the
 * response clock ("work under way"), which would crowd a phone. The page reserves the bar's lines
 * from their count before the first paint (IncidentBanner.astro).
 */
export const barClockKeys = (
	severity: Pick<SeverityData, 'targets'>,
	resolved: boolean
): ClockKey[] =>
	clockKeys(severity, resolved).filter(
		(key) => key !== 'response' || firstResponseClock(severity) === 'response'
	);

/** When each clock's target is met, if it is. */
function metAt(key: ClockKey, incident: Incident, severity: SeverityData): string | undefined {
	switch (key) {
		case 'acknowledge':
			return acknowledgedAt(incident);
		case 'response':
			return firstResponseClock(severity) === 'response'
				? acknowledgedAt(incident)
				: firstStatusChange(incident);
		case 'resolution':
			return endedAt(incident);
		case 'update':
			return undefined;
	}
}

/**
 * The incident's clocks at `now`. Once the incident is resolved the update clock is dropped and
 * the others show as met or missed.
 */
export function incidentClocks(
	incident: Incident,
	severity: SeverityData,
	labels: PlaybookData['targetLabels'],
	now: Date
): Clock[] {
	const start = Date.parse(incident.startedAt);
	const resolved = incident.status === 'resolved';
	const clocks: Clock[] = [];
	for (const key of clockKeys(severity, resolved)) {
		const duration = severity.targets[key]!;
		const minutes = targetMinutes(duration)!;
		const from =
			key === 'update' ? Date.parse(lastUpdateAt(incident) ?? incident.startedAt) : start;
		const due = from + minutes * 60_000;
		const met = metAt(key, incident, severity) ?? (resolved ? endedAt(incident) : undefined);
		const remaining = due - (met ? Date.parse(met) : now.getTime());
		clocks.push({
			key,
			label: labels[key],
			target: duration.text,
			due: new Date(due).toISOString(),
			remaining,
			overdue: !met && remaining < 0,
			businessHours: duration.businessHours,
			...(met ? { met } : {}),
		});
	}
	return clocks;
}

/** The update clock alone: when the next update is due (ISO), if the severity sets a cadence. */
export const nextUpdateDue = (
	incident: Incident,
	severity: SeverityData,
	labels: PlaybookData['targetLabels'],
	now: Date
): string | undefined =>
	incidentClocks(incident, severity, labels, now).find((clock) => clock.key === 'update')?.due;

/** Whole time from start to `end` (now, or when resolved/closed). */
export const elapsed = (incident: Incident, end: Date): number =>
	Math.max(0, end.getTime() - Date.parse(incident.startedAt));

/** `1 h 05 min`, `12 min`, `45 s`: short enough for a banner on a phone. */
export function formatSpan(ms: number): string {
	const total = Math.floor(Math.abs(ms) / 1000);
	const days = Math.floor(total / 86_400);
	const hours = Math.floor((total % 86_400) / 3600);
	const minutes = Math.floor((total % 3600) / 60);
	const seconds = total % 60;
	if (days) return `${days} d ${hours} h`;
	if (hours) return `${hours} h ${String(minutes).padStart(2, '0')} min`;
	if (minutes) return `${minutes} min`;
	return `${seconds} s`;
}

/** `in 12 min`, `5 min overdue`, `due now`. */
export function formatRemaining(ms: number): string {
	if (Math.abs(ms) < 1000) return 'due now';
	return ms > 0 ? `in ${formatSpan(ms)}` : `${formatSpan(ms)} overdue`;
}
