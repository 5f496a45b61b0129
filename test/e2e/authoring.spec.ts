import { expect, test } from '@playwright/test';

test('a scenario shows its owner and last review, and "Edit page" opens its source file', async ({
	page,
}) => {
	await page.goto('/servio/scenarios/database-connection-exhaustion/');
	await expect(page.locator('.rb-review')).toContainText('Owner:');
	await expect(page.locator('.rb-review')).toContainText('Last reviewed:');
	const edit = page.getByRole('link', { name: 'Edit page' });
	await expect(edit).toHaveAttribute(
		'href',
		/\/content\/servio\/scenarios\/database-connection-exhaustion\.mdx$/
	);
});

test('/review.json lists the scenario with its owner and review state', async ({ request }) => {
	const response = await request.get('/review.json');
	expect(response.ok()).toBe(true);
	const review = (await response.json()) as {
		entries: { id: string; owner: string | null; overdue: boolean }[];
	};
	const scenario = review.entries.find(
		(entry) => entry.id === 'servio/database-connection-exhaustion'
	);
	expect(scenario).toMatchObject({ owner: expect.any(String), overdue: expect.any(Boolean) });
});
