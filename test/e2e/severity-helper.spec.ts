import { expect, test } from './incident-fixtures.ts';
import type { SeverityData } from '../../src/lib/incident-data.ts';

/** The seed playbooks (see the brief); each must let the helper suggest every level it defines. */
const SEED_PLAYBOOKS = ['restaurant-os', 'sentia', 'stolentee', 'servio', 'maidconnect'];

/** A share of users that falls in `severity`'s range and in no more severe level's range. */
function shareFor(severity: SeverityData, all: SeverityData[]): number | undefined {
	const [low, high] = severity.criteria!.usersAffectedRange!;
	const candidates = [high, (low + high) / 2, low];
	return candidates.find((value) => !all.some((other) => other.rank < severity.rank && other.criteria?.usersAffectedRange && value >= other.criteria.usersAffectedRange[0] && value <= other.criteria.usersAffectedRange[1]));
}

for (const playbookId of SEED_PLAYBOOKS) {
	test(`the severity helper suggests and applies each level of ${playbookId} from its criteria`, async ({ page, incident }) => {
		await page.goto('/incident/');
		const playbook = (await incident.data()).playbooks.find((entry) => entry.id === playbookId);
		expect(playbook, `playbook ${playbookId} is in the site`).toBeDefined();
		const severities = playbook!.severities;
		const least = severities.at(-1)!;
		await incident.declare({ playbook: playbookId, severity: least.level, title: 'Helper drill' });
		let checked = 0;
		for (const severity of severities) {
			await page.reload();
			await page.getByText('Severity helper').click();
			const helper = page.locator('.rb-severity-helper');
			const share = severity.criteria?.usersAffectedRange && shareFor(severity, severities);
			if (share !== undefined) await helper.getByLabel('Share of users affected (%)').fill(String(share));
			else {
				const statement = severity.definition[0];
				if (!statement) continue;
				await helper.getByLabel(statement, { exact: true }).first().check();
			}
			await expect(helper.locator('.rb-suggested')).toHaveText(`${severity.level} ${severity.name}`);
			const current = await page.getByLabel('Severity', { exact: true }).inputValue();
			if (current !== severity.id) {
				await helper.getByRole('button', { name: `Apply ${severity.level}` }).click();
				await expect(page.getByLabel('Severity', { exact: true })).toHaveValue(severity.id);
			}
			checked += 1;
		}
		expect(checked).toBe(severities.length);
	});
}
