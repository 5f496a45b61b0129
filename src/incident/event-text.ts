/**
 * The words a responder reads for a timeline entry, derived from its fields (the model keeps the
 * fields; clocks, exports and hand-over read those). Apart from the model, which every page with
 * a checklist loads, because only the workspace, exports and hand-over show entries.
 */
import { roleLabel, STATUS_LABELS, type TimelineEntry, type TimelineEvent } from './model.ts';

/** The words a responder reads for an entry, derived from its fields. */
export function eventText(event: TimelineEvent): string {
	switch (event.type) {
		case 'declared':
			return `Incident declared at ${event.level}: ${event.title}`;
		case 'acknowledged':
			return 'Acknowledged';
		case 'status-changed':
			return `Status: ${STATUS_LABELS[event.from]} → ${STATUS_LABELS[event.to]}`;
		case 'severity-changed':
			return `Severity: ${event.fromLevel} → ${event.toLevel}`;
		case 'role-assigned':
			return `${roleLabel(event.role)}: ${event.person || 'unassigned'}`;
		case 'step-ticked':
			return `Ticked: ${event.text}`;
		case 'step-unticked':
			return `Unticked: ${event.text}`;
		case 'checklist-reset':
			return `Checklist reset: ${event.count === 1 ? '1 ticked step' : `${event.count} ticked steps`} unticked`;
		case 'message-sent':
			return `${event.update ? 'Update sent' : 'Sent'}: ${event.title} (${event.channel})`;
		case 'update-posted':
			return 'Update posted';
		case 'note':
			return event.text;
		case 'closed':
			return 'Incident closed';
	}
}

export const entryText = (entry: TimelineEntry): string => entry.edited ?? eventText(entry);
