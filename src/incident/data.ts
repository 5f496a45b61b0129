/**
 * What the browser needs from the playbooks to run an incident, as built into
 * `/incident-data.json`: per playbook its id pattern, severity ladder with typed targets and
 * impact criteria, scenarios, templates and decision trees; and `incidentData()`, which loads it.
 */
import type { Severity } from '../schemas/severity.ts';

export interface SeverityData {
	/** Entry id, `servio/p0`. */
	id: string;
	level: string;
	rank: number;
	name: string;
	label?: string;
	definition: string[];
	impact: string[];
	/** Incidents that were or would be this severe. */
	examples: string[];
	targets: Severity['targets'];
	criteria?: Severity['criteria'];
	/** Whether a post-mortem is owed, and within what. */
	postMortem?: Severity['postMortem'];
}

export interface TemplateData {
	id: string;
	title: string;
	kind: string;
	body: string;
	file?: string;
	/** The message announces an update (copying it restarts the update clock). */
	update?: boolean;
	fields: { name: string; tokens: string[]; derive?: string }[];
}

export interface PlaybookData {
	id: string;
	name: string;
	incidentId: string;
	targetLabels: { acknowledge: string; response: string; update: string; resolution: string };
	severities: SeverityData[];
	scenarios: { id: string; title: string; severity?: string }[];
	templates: TemplateData[];
	/** Decision trees to walk, as links. */
	decisions: { title: string; url: string }[];
}

export interface IncidentData {
	playbooks: PlaybookData[];
}

export const findSeverity = (data: IncidentData, id: string): SeverityData | undefined =>
	data.playbooks.flatMap((playbook) => playbook.severities).find((severity) => severity.id === id);

export const findPlaybook = (data: IncidentData, id: string): PlaybookData | undefined =>
	data.playbooks.find((playbook) => playbook.id === id);

/** Severity ids → level names, for timeline text. */
export const severityLevels = (data: IncidentData): Record<string, string> =>
	Object.fromEntries(
		data.playbooks.flatMap((playbook) =>
			playbook.severities.map((severity) => [severity.id, severity.level])
		)
	);

let data: Promise<IncidentData> | undefined;

/** The playbook data built into the site (same origin); fetched once per page. */
export function incidentData(): Promise<IncidentData> {
	data ??= fetch('/incident-data.json').then((response) => {
		if (!response.ok)
			throw new Error(`Could not load /incident-data.json (HTTP ${response.status}).`);
		return response.json() as Promise<IncidentData>;
	});
	return data;
}
