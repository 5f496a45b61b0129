import { describe, expect, test } from 'vitest';
import { importText } from './helpers.ts';

describe('verbatim pages', () => {
	test('a heading empty in the source is text and stays; a typed block leaves its link', () => {
		const { imported } = importText(
			[
				'# Drill handbook',
				'## Disclosure notice',
				'Send this to the distributors.',
				'### Reporter: $NAME',
				'### Affected versions: $VERSION',
				'Keep it short.',
				'## Operations',
				'Keep the rota current.',
				'### Severity levels',
				'| Level | Name | Respond within |\n| --- | --- | --- |\n| SEV1 | Critical | 15 minutes |\n| SEV2 | High | 1 hour |',
				'### Paging',
				'Page through the pager app.',
			].join('\n\n')
		);
		const body = (slug: string) => imported.pages.find((page) => page.slug === slug)?.body;
		expect(body('disclosure-notice')).toBe(
			[
				'Send this to the distributors.',
				'## Reporter: $NAME',
				'## Affected versions: $VERSION',
				'Keep it short.',
			].join('\n\n')
		);
		expect(imported.severities.map((severity) => severity.data.level)).toEqual(['SEV1', 'SEV2']);
		// The typed table leaves the link to what it became; its emptied heading keeps the link.
		expect(body('operations')).toBe(
			[
				'Keep the rota current.',
				'## Severity levels',
				'[Severity levels](/demo/severities/)',
				'## Paging',
				'Page through the pager app.',
			].join('\n\n')
		);
	});

	test('a contact table leaves the link to the contacts; the outline links the title to the playbook', () => {
		const { imported } = importText(
			[
				'# Drill handbook',
				'## Who to call',
				'Call in this order.',
				'| Role | Name | Phone |\n| --- | --- | --- |\n| Database lead | Ada Byrne | +44 20 7946 0001 |\n| Network lead | Bo Chen | +44 20 7946 0002 |',
				'Then log the call.',
			].join('\n\n')
		);
		expect(imported.contacts).toHaveLength(1);
		const body = (slug: string) => imported.pages.find((page) => page.slug === slug)?.body;
		expect(body('who-to-call')).toBe(
			['Call in this order.', '[Contacts](/demo/escalation/#contacts)', 'Then log the call.'].join(
				'\n\n'
			)
		);
		expect(body('source-outline')).toBe(
			['- [Drill handbook](/demo/)', '  - [Who to call](/demo/who-to-call/)'].join('\n')
		);
	});

	test('sections typed as scenarios keep their headings in the page, each over the link to its scenario', () => {
		const { imported } = importText(
			[
				'# Drill handbook',
				'## Runbooks',
				'Start with the one that matches.',
				'### Disk full',
				'**Symptoms**: writes fail with "no space left on device".',
				'**Mitigation**:',
				'1. Free space on the volume.\n2. Restart the writer.',
				'### Queue stuck',
				'**Symptoms**: the queue depth grows for ten minutes.',
				'**Mitigation**:',
				'1. Restart the consumer.\n2. Drain the dead letters.',
			].join('\n\n')
		);
		expect(imported.scenarios.map((scenario) => scenario.slug)).toEqual([
			'disk-full',
			'queue-stuck',
		]);
		expect(imported.pages.find((page) => page.slug === 'runbooks')?.body).toBe(
			[
				'Start with the one that matches.',
				'## Disk full',
				'[Scenario: Disk full](/demo/scenarios/disk-full/)',
				'## Queue stuck',
				'[Scenario: Queue stuck](/demo/scenarios/queue-stuck/)',
			].join('\n\n')
		);
	});

	test('text left under typed role headings stays under its own heading', () => {
		const { imported } = importText(
			[
				'# Drill handbook',
				'## Roles',
				'Every drill names these people.',
				'### Drill Lead',
				'- The drill lead is by default the person who noticed the fault.',
				'#### Drill Lead Duties',
				'- Runs the bridge call\n- Decides when the drill ends',
				'### Note Taker',
				'A note taker joins when the lead asks for one.',
				'#### Note Taker Duties',
				'- Writes down every decision with its time\n- Shares the notes after the drill',
				'### Severity levels',
				'| Level | Name | Respond within |\n| --- | --- | --- |\n| SEV1 | Critical | 15 minutes |\n| SEV2 | High | 1 hour |',
				'### Paging',
				'#### SEV1',
				'| Level | Name | Respond within |\n| --- | --- | --- |\n| SEV3 | Low | 1 day |',
			].join('\n\n')
		);
		expect(imported.roles.map((role) => role.data.name)).toEqual(['Drill Lead', 'Note Taker']);
		// Each heading keeps its own text under it (the link goes in once); a heading whose sub-headings
		// all emptied is dropped with them.
		expect(imported.pages.find((page) => page.slug === 'roles-2')?.body).toBe(
			[
				'Every drill names these people.',
				'## Drill Lead',
				'[Roles](/demo/escalation/#roles)',
				'- The drill lead is by default the person who noticed the fault.',
				'## Note Taker',
				'A note taker joins when the lead asks for one.',
				'## Severity levels',
				'[Severity levels](/demo/severities/)',
			].join('\n\n')
		);
	});
});
