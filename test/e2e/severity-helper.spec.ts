import { expect, test } from './incident-fixtures.ts';
import type { SeverityData } from '../../src/incident/data.ts';

/** The seed playbooks (see the brief); the helper must suggest every level their typed data describes. */
const SEED_PLAYBOOKS = ['restaurant-os', 'sentia', 'stolentee', 'servio', 'maidconnect'];

/** A share of users that falls in `severity`'s range and in no more severe level's range. */
function shareFor(severity: SeverityData, all: SeverityData[]): number | undefined {
	const [low, high] = severity.criteria!.usersAffectedRange!;
	const inMoreSevere = (value: number) =>
		all.some(
			(other) =>
				other.rank < severity.rank &&
				other.criteria?.usersAffectedRange &&
				value >= other.criteria.usersAffectedRange[0] &&
				value <= other.criteria.usersAffectedRange[1]
		);
	return [high, (low + high) / 2, low].find((value) => !inMoreSevere(value));
}

for (const playbookId of SEED_PLAYBOOKS) {
	test(`the severity helper suggests and applies each level of ${playbookId} from its typed data`, async ({
		page,
		incident,
	}) => {
		await page.goto('/incident/');
		const playbook = (await incident.data()).playbooks.find((entry) => entry.id === playbookId);
		expect(playbook, `playbook ${playbookId} is in the site`).toBeDefined();
		const severities = playbook!.severities;
		await incident.declare({
			playbook: playbookId,
			severity: severities.at(-1)!.level,
			title: 'Helper drill',
		});
		const suggested: string[] = [];
		const unreachable: string[] = [];
		for (const severity of severities) {
			await page.reload();
			await page.getByText('Severity helper').click();
			const helper = page.locator('.rb-severity-helper');
			const share = severity.criteria?.usersAffectedRange && shareFor(severity, severities);
			const statement = helper.locator(`input[name="statement"][value^="${severity.id}#"]`).first();
			if (share !== undefined)
				await helper.getByLabel('Share of users affected (%)').fill(String(share));
			else if (await statement.count()) await statement.check();
			else {
				await expect(helper.locator('.rb-unreachable')).toContainText(severity.level);
				unreachable.push(severity.level);
				continue;
			}
			await expect(helper.locator('.rb-suggested')).toHaveText(
				`${severity.level} ${severity.name}`
			);
			if ((await page.getByLabel('Severity', { exact: true }).inputValue()) !== severity.id) {
				await helper.getByRole('button', { name: `Apply ${severity.level}` }).click();
				await expect(page.getByLabel('Severity', { exact: true })).toHaveValue(severity.id);
				await expect(page.locator('.rb-timeline li').first()).toContainText(`→ ${severity.level}`);
			}
			suggested.push(severity.level);
		}
		expect(suggested.length).toBeGreaterThan(severities.length / 2);
		expect([...suggested, ...unreachable].sort()).toEqual(
			severities.map((severity) => severity.level).sort()
		);
	});
}
