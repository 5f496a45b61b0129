import { parseDuration } from '../../src/lib/duration.ts';
import type { PlaybookData, SeverityData } from '../../src/incident/data.ts';

const d = (text: string) => parseDuration(text)!;

/** Restaurant OS's ladder as the seeds write it (impact matrix and targets), trimmed. */
export const severities: SeverityData[] = [
	{
		id: 'ros/p0',
		level: 'P0',
		rank: 0,
		name: 'Critical',
		definition: ['Complete system outage'],
		impact: [],
		examples: [],
		targets: {
			acknowledge: d('5 minutes'),
			update: d('Every 15 minutes'),
			resolution: d('1 hour'),
		},
		criteria: {
			usersAffected: '100%',
			usersAffectedRange: [100, 100],
			revenue: 'High',
			slo: '> 99.9% breach',
		},
	},
	{
		id: 'ros/p1',
		level: 'P1',
		rank: 1,
		name: 'High',
		definition: ['Major feature unavailable'],
		impact: [],
		examples: [],
		targets: {
			acknowledge: d('15 minutes'),
			update: d('Every 30 minutes'),
			resolution: d('4 hours'),
		},
		criteria: {
			usersAffected: '> 50%',
			usersAffectedRange: [50, 99.99],
			revenue: 'Medium-High',
			slo: 'Approaching breach',
		},
	},
	{
		id: 'ros/p2',
		level: 'P2',
		rank: 2,
		name: 'Medium',
		definition: ['Partial degradation'],
		impact: [],
		examples: [],
		targets: { acknowledge: d('1 hour'), update: d('Best effort') },
		criteria: {
			usersAffected: '10-50%',
			usersAffectedRange: [10, 50],
			revenue: 'Low-Medium',
			slo: 'Within SLO',
		},
	},
	{
		id: 'ros/p3',
		level: 'P3',
		rank: 3,
		name: 'Low',
		definition: ['Minor bug'],
		impact: [],
		examples: [],
		targets: {},
		criteria: {
			usersAffected: '< 10%',
			usersAffectedRange: [0, 10],
			revenue: 'Low',
			slo: 'Within SLO',
		},
	},
];

export const playbook: PlaybookData = {
	id: 'ros',
	name: 'Restaurant OS',
	incidentId: 'INC-YYYYMMDD-HHmm',
	targetLabels: {
		acknowledge: 'Acknowledge',
		response: 'Response time',
		update: 'Updates',
		resolution: 'Resolution target',
	},
	severities,
	scenarios: [],
	decisions: [],
	templates: [
		{
			id: 'ros/incident-record',
			title: 'Incident record',
			kind: 'incident-record',
			body: '# Incident: [Brief Description]\n\n**Incident ID:** INC-YYYYMMDD-HHMM\n**Severity:** P[0-4]\n**Started:** YYYY-MM-DD HH:MM UTC\n**Status:** Investigating\n\n## Impact\n- Affected Services: [List]\n\n## Timeline\n- HH:MM UTC - Incident detected\n- HH:MM UTC - Incident acknowledged\n\n## Notes\n[Ongoing investigation notes]\n',
			fields: [
				{ name: 'title', tokens: ['[Brief Description]'], derive: 'incident-title' },
				{ name: 'id', tokens: ['INC-YYYYMMDD-HHMM'], derive: 'incident-id' },
				{ name: 'severity', tokens: ['P[0-4]'], derive: 'severity' },
				{ name: 'start', tokens: ['YYYY-MM-DD HH:MM UTC'], derive: 'incident-start' },
				{ name: 'status', tokens: ['Investigating'], derive: 'status' },
				{ name: 'services', tokens: ['[List]'] },
			],
		},
	],
};
