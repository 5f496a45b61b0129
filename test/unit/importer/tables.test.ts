import { describe, expect, it } from 'vitest';
import { serialise } from '../../../src/importer/writer.ts';
import { importText } from './helpers.ts';

describe('contacts and table recogniser', () => {
	it('turns a contact table into a contacts entry', () => {
		const { imported } = importText(
			'## Emergency Contacts\n| Role | Name | Phone |\n|---|---|---|\n| Incident Commander | Ada | 555 |\n'
		);
		expect(imported.contacts.map((c) => c.data)).toEqual([
			{
				title: 'Emergency Contacts',
				columns: ['Role', 'Name', 'Phone'],
				entries: [{ Role: 'Incident Commander', Name: 'Ada', Phone: '555' }],
				order: 10,
			},
		]);
	});

	it('turns a dashboard table into playbook links, other columns as the note', () => {
		const { imported } = importText(
			'## Monitoring\n| Dashboard | URL | Purpose |\n|---|---|---|\n| Payments | grafana.example.com/d/pay | Payment health |\n'
		);
		expect(imported.playbook.links).toEqual([
			{
				label: 'Payments',
				url: 'grafana.example.com/d/pay',
				kind: 'dashboard',
				note: 'Purpose: Payment health',
			},
		]);
		expect(imported.contacts).toEqual([]);
	});

	it('reads a table of incident names as incidents, not contacts, unless another column names people', () => {
		const incidents = importText(
			'## Cluster notices\n| Incident name | Level | Description |\n|---|---|---|\n| Disk Nearly Full | Warning | Disk above 85%. |\n'
		);
		expect(incidents.imported.contacts).toEqual([]);
		const routed = importText(
			'## Who handles what\n| Incident type | Owner | Slack |\n|---|---|---|\n| Disk Nearly Full | Storage team | #storage |\n'
		);
		expect(routed.imported.contacts.map((c) => c.data.columns)).toEqual([
			['Incident type', 'Owner', 'Slack'],
		]);
	});

	it('reads a contact list: a bold role over Email/Phone lines', () => {
		const { imported } = importText(
			'## Contact Information\n**On-Call Engineer:**\n- Email: oncall@example.com\n- Phone: 555\n\n**Owner:**\n- Email: owner@example.com\n'
		);
		expect(imported.contacts[0]!.data).toMatchObject({
			columns: ['Role', 'Email', 'Phone'],
			entries: [
				{ Role: 'On-Call Engineer', Email: 'oncall@example.com', Phone: '555' },
				{ Role: 'Owner', Email: 'owner@example.com', Phone: '' },
			],
		});
	});

	it('leaves a table it cannot place in a page', () => {
		const { imported } = importText(
			'## Incident Log\n| Date | Duration |\n|---|---|\n| 2025-01-01 | 2h |\n'
		);
		expect(imported.contacts).toEqual([]);
		expect(imported.pages.find((p) => p.slug === 'incident-log')!.body).toContain(
			'| 2025-01-01 | 2h |'
		);
	});

	it('quotes cells that a YAML 1.1 reader would turn into dates or booleans', () => {
		const { imported } = importText(
			'## On-call Contacts\n| Name | Since | Pager |\n|---|---|---|\n| Ada | 2025-11-27 | yes |\n'
		);
		const yaml = serialise('demo', imported).get('demo/contacts/on-call-contacts.yaml')!;
		expect(yaml).toContain('Since: "2025-11-27"');
		expect(yaml).toContain('Pager: "yes"');
	});
});
