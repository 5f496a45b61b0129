/**
 * `/review.json`: every entry with its owner, last review, next due date and overdue flag, for a
 * bot that nags owners. "Today" is the build date, or `RESPONDER_TODAY`.
 *
 * Shape: `{ today, entries: [{ collection, id, title, url, file, owner, lastReviewed, reviewCycle,
 * nextDue, overdue, inherited }] }`; `owner`, `lastReviewed` and `nextDue` are null when unknown,
 * `inherited` is true when the dates are the playbook's.
 */
import type { APIRoute } from 'astro';
import { loadPlaybooks, playbookEntries } from '../lib/content.ts';
import { reviewStatus, todayIso, type ReviewFields } from '../lib/review.ts';
import { entryUrl } from '../lib/urls.ts';
import { severityTitle } from '../lib/severity-label.ts';

export const GET: APIRoute = async () => {
	const today = todayIso();
	const entries = [];
	for (const content of (await loadPlaybooks()).values()) {
		const playbook = content.playbook.data;
		for (const [collection, entry] of playbookEntries(content)) {
			const data = entry.data as ReviewFields & { title?: string; name?: string; level?: string };
			const status = reviewStatus(collection === 'playbooks' ? {} : data, playbook, today);
			entries.push({
				collection,
				id: entry.id,
				title:
					data.title ??
					(data.level ? severityTitle({ level: data.level, name: data.name! }) : data.name),
				url: entryUrl(collection, entry.id),
				file: entry.filePath ?? null,
				owner: status.owner ?? null,
				lastReviewed: status.lastReviewed ?? null,
				reviewCycle: status.reviewCycle,
				nextDue: status.nextDue ?? null,
				overdue: status.overdue,
				inherited: collection !== 'playbooks' && status.inherited,
			});
		}
	}
	return new Response(JSON.stringify({ today, entries }, null, '\t'), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
};
