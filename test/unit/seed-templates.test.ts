import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { TemplateSchema, type Template } from '../../src/schemas/template.ts';
import { SeveritySchema } from '../../src/schemas/severity.ts';
import { targetMinutes } from '../../src/incident/clocks.ts';
import type { Incident } from '../../src/incident/model.ts';
import {
	messageValues,
	resolveValues,
	type SeverityInfo,
} from '../../src/incident/template-values.ts';
import { fillMessage, segmentsToText } from '../../src/lib/placeholders.ts';

// The seed playbooks' templates as the site reads them, filled from an incident as the form fills them.
const PLAYBOOKS = ['restaurant-os', 'sentia', 'stolentee', 'servio', 'maidconnect'];
const dir = (playbook: string, kind: string) =>
	new URL(`../../content/${playbook}/${kind}/`, import.meta.url);
const yamlFiles = (url: URL) =>
	readdirSync(url)
		.filter((name) => name.endsWith('.yaml'))
		.map(
			(name) =>
				[name.replace(/\.yaml$/, ''), parseYaml(readFileSync(new URL(name, url), 'utf8'))] as const
		);

const templates: [string, Template][] = PLAYBOOKS.flatMap((playbook) =>
	yamlFiles(dir(playbook, 'templates')).map(
		([slug, raw]) => [`${playbook}/${slug}`, TemplateSchema().parse(raw)] as [string, Template]
	)
);

function severities(playbook: string): SeverityInfo[] {
	return yamlFiles(dir(playbook, 'severities')).map(([slug, raw]) => {
		const severity = SeveritySchema().parse(raw);
		const update = severity.targets.update;
		return {
			id: `${playbook}/${slug}`,
			level: severity.level,
			name: severity.name,
			updateMinutes: update && targetMinutes(update),
		};
	});
}

const template = (id: string) => templates.find(([candidate]) => candidate === id)![1];

/** The body (and subject) copied for `id` during `incident`, with nothing typed. */
function copied(id: string, incident: Incident, now = new Date('2025-11-19T04:00:00Z')): string {
	const t = template(id);
	const resolved = resolveValues(t.fields, {
		now,
		incident,
		severities: severities(incident.playbook),
		typed: {},
		announcesUpdate: t.update,
	});
	const message = fillMessage(t, messageValues(t.fields, resolved));
	return [message.subject, message.body]
		.flatMap((part) => (part ? [segmentsToText(part)] : []))
		.join('\n');
}

const incident = (
	playbook: string,
	severity: string,
	status: Incident['status'] = 'identified'
): Incident => ({
	id: 'INC-1',
	playbook,
	title: 'Checkout down',
	severity: `${playbook}/${severity}`,
	status,
	startedAt: '2025-11-19T03:42:00Z',
	roles: { commander: 'Ana' },
	timeline: [],
});

describe('seed templates', () => {
	test('no field asks the responder to edit the text after copying', () => {
		const asking = templates.flatMap(([id, t]) =>
			t.fields
				.filter((field) => /after copying|edit after/i.test(`${field.label} ${field.help ?? ''}`))
				.map((field) => `${id}: ${field.name}`)
		);
		expect(asking).toEqual([]);
	});

	test('Restaurant OS Initial Notification states the incident’s status and its severity’s cadence', () => {
		const p0 = copied('restaurant-os/initial-notification', incident('restaurant-os', 'p0'));
		expect(p0).toContain('Status: Identified');
		expect(p0).toContain('We will provide updates every 15 min.');
		expect(p0.split('\n')[0]).toBe('P0 Restaurant OS Service Degradation');
		const p1 = copied('restaurant-os/initial-notification', incident('restaurant-os', 'p1'));
		expect(p1).toContain('We will provide updates every 30 min.');
	});

	test('a cadence, status or service the source only gives as an example is copied as a visible blank', () => {
		// Servio's P0 sets no update cadence, so nothing can say when the next update comes.
		const servio = copied('servio/status-page-update', incident('servio', 'p0'));
		expect(servio).toContain('Next Update: [Next update]');
		expect(servio).toContain('Service Outage - [Affected service]');
		expect(servio).toContain('Status: Identified');
		const sentia = copied('sentia/initial-communication', incident('sentia', 'p1'));
		expect(sentia).toContain('Next update: [Next update]');
		expect(sentia).not.toMatch(/15 minutes/);
	});

	test('Stolentee Incident Detected promises updates at the severity’s cadence', () => {
		expect(copied('stolentee/incident-detected', incident('stolentee', 'p0'))).toContain(
			"We'll provide updates every 30 min."
		);
		expect(copied('stolentee/incident-detected', incident('stolentee', 'p1'))).toContain(
			"We'll provide updates every 1 hour."
		);
	});

	test('a resolution time stays blank while the incident runs, and is the resolution’s once resolved', () => {
		const running = incident('restaurant-os', 'p0');
		expect(copied('restaurant-os/resolution-notification', running)).toContain(
			'as of [Timestamp].'
		);
		const resolved: Incident = {
			...running,
			status: 'resolved',
			timeline: [
				{
					id: 'e1',
					at: '2025-11-19T05:10:00Z',
					type: 'status-changed',
					from: 'mitigating',
					to: 'resolved',
				},
			],
		};
		// Copied an hour later, it still says when the incident was resolved.
		expect(
			copied('restaurant-os/resolution-notification', resolved, new Date('2025-11-19T06:10:00Z'))
		).toContain('as of 2025-11-19 05:10 UTC.');
	});

	test('repeated time lines get their own values: known times filled, the rest left blank', () => {
		const acknowledged: Incident = {
			...incident('sentia', 'p1'),
			timeline: [{ id: 'e1', at: '2025-11-19T03:45:00Z', type: 'acknowledged' }],
		};
		expect(copied('sentia/incident-timeline', acknowledged).split('\n')).toEqual(
			expect.arrayContaining([
				'- 2025-11-19 03:42 UTC Alert received',
				'- 2025-11-19 03:45 UTC Incident confirmed',
				'- [TIME] Team assembled',
			])
		);
	});
});
