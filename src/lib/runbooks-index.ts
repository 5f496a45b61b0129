/**
 * The site's content as one plain object: `/runbooks.json`, the scenario finder and the alert links
 * all read it, so a bot, the finder and `/alerts/<name>/` never disagree about what claims what.
 */
import type { RunbooksIndex } from '../schemas/runbooks-index.ts';
import type { Duration } from './duration.ts';
import { alertClaims } from './alerts.ts';
import { urls, type PlaybookContent } from './content.ts';

const TARGET_KEYS = ['acknowledge', 'response', 'update', 'resolution'] as const;

/** Builds the index from every playbook's content, in reading order. */
export function buildRunbooksIndex(playbooks: PlaybookContent[]): RunbooksIndex {
	const scenarios = playbooks.flatMap(({ playbook, scenarios }) =>
		scenarios.map(({ id, data }) => ({
			id,
			playbook: playbook.id,
			title: data.title,
			...(data.summary ? { summary: data.summary } : {}),
			...(data.severity ? { severity: data.severity.id } : {}),
			alerts: data.alerts,
			symptoms: data.symptoms,
			causes: data.causes,
			keywords: data.keywords,
			...(data.firstAction ? { firstAction: data.firstAction } : {}),
			templates: data.templates.map((ref) => ref.id),
			url: urls.scenario(id),
		}))
	);
	return {
		version: 1,
		playbooks: playbooks.map(({ playbook }) => ({
			id: playbook.id,
			name: playbook.data.name,
			summary: playbook.data.summary,
			...(playbook.data.severityScale ? { severityScale: playbook.data.severityScale } : {}),
			url: urls.playbook(playbook.id),
			finderUrl: urls.finder(playbook.id),
		})),
		severities: playbooks.flatMap(({ playbook, severities }) =>
			severities.map(({ id, data }) => ({
				id,
				playbook: playbook.id,
				level: data.level,
				rank: data.rank,
				name: data.name,
				...(data.label ? { label: data.label } : {}),
				url: urls.severity(id),
				targets: Object.fromEntries(
					TARGET_KEYS.filter((key) => data.targets[key]).map((key) => [
						key,
						target(data.targets[key]!),
					])
				),
			}))
		),
		scenarios,
		templates: playbooks.flatMap(({ playbook, templates }) =>
			templates.map(({ id, data }) => ({
				id,
				playbook: playbook.id,
				title: data.title,
				kind: data.kind,
				...(data.audience ? { audience: data.audience } : {}),
				channels: data.channels,
				...(data.when ? { when: data.when } : {}),
				...(data.subject ? { subject: data.subject } : {}),
				body: data.body,
				fields: data.fields.map((field) => ({ ...field })),
				url: urls.template(id),
			}))
		),
		alerts: alertClaims(scenarios).map(([name, ids]) => ({
			name,
			url: urls.alert(name),
			scenarios: ids,
		})),
	};
}

function target({ text, kind, minutes, businessHours }: Duration) {
	return { text, kind, ...(minutes !== undefined ? { minutes } : {}), businessHours };
}
