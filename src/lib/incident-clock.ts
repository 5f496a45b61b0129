/**
 * The clocks a severity sets for an incident (acknowledge by, response, next update due,
 * resolution target), computed from the typed target durations and a given `now` so they are
 * tested with a fixed clock. Business-hour targets count clock time and say so.
 */
import type { Incident } from '../client/incident-context.ts';
import type { Duration } from './duration.ts';
import type { PlaybookData, SeverityData } from './incident-data.ts';

export type ClockKey = 'acknowledge' | 'response' | 'update' | 'resolution';

export interface Clock {
	key: ClockKey;
	/** The playbook's own name for the target. */
	label: string;
	/** The target as the author wrote it. */
	target: string;
	/** When it falls due (ISO), or `null` for targets without a length (best effort, as needed). */
	due: string | null;
	/** Milliseconds left (negative once overdue); `null` without a due time. */
	remaining: number | null;
	overdue: boolean;
	businessHours: boolean;
	/** When the target was met (ISO): the acknowledge clock stops at the first status entry. */
	met?: string;
}

/** When the incident was acknowledged: the first status entry ("Acknowledged" or a status change). */
export const acknowledgedAt = (incident: Incident): string | undefined =>
	incident.timeline.find((entry) => entry.type === 'status')?.at;

const CLOCKS: ClockKey[] = ['acknowledge', 'response', 'update', 'resolution'];

function dueAt(from: number, duration: Duration): number | null {
	if (duration.kind === 'immediate') return from;
	if (duration.kind === 'span' && duration.minutes !== undefined)
		return from + duration.minutes * 60_000;
	return null;
}

/**
 * The incident's clocks at `now`. The update clock counts from the last update copied (or the
 * start); once the incident is resolved only the resolution clock is kept, stopped.
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
	for (const key of CLOCKS) {
		const duration = severity.targets[key];
		if (!duration) continue;
		if (resolved && key !== 'resolution') continue;
		const from =
			key === 'update' && incident.lastUpdateAt ? Date.parse(incident.lastUpdateAt) : start;
		const due = dueAt(from, duration);
		const met = key === 'acknowledge' ? acknowledgedAt(incident) : undefined;
		const remaining = due === null ? null : due - (met ? Date.parse(met) : now.getTime());
		clocks.push({
			key,
			label: labels[key],
			target: duration.text,
			due: due === null ? null : new Date(due).toISOString(),
			remaining,
			overdue: !resolved && !met && remaining !== null && remaining < 0,
			businessHours: duration.businessHours,
			...(met ? { met } : {}),
		});
	}
	return clocks;
}

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

/** `14:05 UTC` (with the date when not on `now`'s day). */
export function formatUtc(iso: string, now?: Date): string {
	const date = new Date(iso);
	const time = `${date.toISOString().slice(11, 16)} UTC`;
	return now && now.toISOString().slice(0, 10) === date.toISOString().slice(0, 10)
		? time
		: `${date.toISOString().slice(0, 10)} ${time}`;
}

/** When the incident ended for duration purposes: closed, else the last move to Resolved. */
export function endedAt(incident: Incident): string | undefined {
	if (incident.status !== 'resolved') return undefined;
	const resolvedEntry = [...incident.timeline]
		.reverse()
		.find((entry) => entry.type === 'status' && entry.text.endsWith('Resolved'));
	return resolvedEntry?.at ?? incident.closedAt;
}
