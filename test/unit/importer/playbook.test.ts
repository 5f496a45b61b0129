import { describe, expect, it } from 'vitest';
import { pageSection } from '../../../src/importer/pages.ts';
import { isoDate } from '../../../src/importer/playbook.ts';
import { importText } from './helpers.ts';

describe('playbook recogniser', () => {
	it('reads name, summary, version, dates, owner, review cycle and the severity scale', () => {
		const { imported } = importText(
			`# Incident Response Guide

This guide covers production incidents for the shop and how to talk to customers.

## Severity
### SEV-1: Critical
**Response Time:** 5 minutes
### SEV-3: Minor
**Response Time:** 1 day

---
**Last Updated**: December 15, 2024
**Version**: 2.1.0
**Maintained By:** Shop Engineering
**Review Cycle**: Quarterly
**Last Reviewed:** 2025-02-30
`,
			{ playbook: 'shop', name: 'Shop' }
		);
		expect(imported.playbook).toEqual({
			name: 'Shop',
			summary: 'This guide covers production incidents for the shop and how to talk to customers.',
			lastUpdated: '2024-12-15',
			version: '2.1.0',
			owner: 'Shop Engineering',
			reviewCycle: 'quarterly',
			severityScale: 'SEV-1–SEV-3',
			targetLabels: { response: 'Response Time' },
		});
	});

	it('takes no date, owner or version from a value left to fill in', () => {
		const { imported } = importText(
			`---
owner: '[Insert owner]'
---
# Data incident policy

How the clinic platform handles a data incident.

**Last Reviewed:** [Insert Date post-July 1, 2025]
**Owner:** <team name>
**Version:** TBD
**Last Updated:** 3 March 2025
`,
			{ playbook: 'clinic', name: 'Clinic' }
		);
		expect(imported.playbook).toEqual({
			name: 'Clinic',
			summary: 'How the clinic platform handles a data incident.',
			lastUpdated: '2025-03-03',
		});
	});

	it('takes no date, owner or version from a sample in a code block', () => {
		const { imported } = importText(
			`# Status site

Posts announce maintenance to the community; copy this header into a new post:

\`\`\`
---
title: Maintenance title
date: 2019-10-04 18:05:00 UTC
owner: platform-team
version: 4
---
\`\`\`
`,
			{ playbook: 'status', name: 'Status' }
		);
		expect(imported.playbook).toEqual({
			name: 'Status',
			summary: 'Posts announce maintenance to the community; copy this header into a new post:',
		});
	});

	it('takes no summary from a site generator directive', () => {
		for (const directive of [
			'{%\n    include "./shared.md"\n    start="<!--a-->"\n%}',
			'{{< note title="Read this first" >}}',
			'<%= partial "partials/oncall-banner" %>',
		]) {
			const { imported } = importText(
				`# Depot runbook\n\n${directive}\n\nHow the depot team answers a scanner outage at night.\n`,
				{ playbook: 'depot', name: 'Depot' }
			);
			expect(imported.playbook.summary).toBe(
				'How the depot team answers a scanner outage at night.'
			);
		}
	});

	it('reads a front-matter key left bare in the text as the summary, without its key', () => {
		const { imported } = importText(
			'abstract: How the depot team answers a scanner outage at night.\n\n## Steps\n\n1. Restart the scanner.\n',
			{ playbook: 'depot', name: 'Depot' }
		);
		expect(imported.playbook.summary).toBe('How the depot team answers a scanner outage at night.');
	});

	it('falls back to a summary naming the source, and a name from the id', () => {
		const { imported } = importText('## Steps\n- Do it\n', {
			playbook: 'ledger-ops',
			sourceName: 'OPS.md',
		});
		expect(imported.playbook).toMatchObject({
			name: 'Ledger Ops',
			summary: 'Incident response playbook for Ledger Ops, imported from OPS.md.',
		});
	});

	it('reads dates people write and refuses impossible ones', () => {
		expect(isoDate('2025-12-19 (Monthly)')).toBe('2025-12-19');
		expect(isoDate('15 Dec 2024')).toBe('2024-12-15');
		expect(isoDate('2025-02-30')).toBeUndefined();
		expect(pageSection('Post-Mortem Process')).toBe('post-incident');
		expect(pageSection('On-Call Rotation')).toBe('escalation');
		expect(pageSection('Key contacts')).toBe('escalation');
		// A word that holds "contact" is not about contacts: a follow-up email to a client's subcontact.
		expect(pageSection('Follow-up - Subcontact')).not.toBe('escalation');
	});
});
