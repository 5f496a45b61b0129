import { expect, test } from 'vitest';
import { editBase, editUrl } from '../../src/config.ts';

test('the edit link is the configured repository URL plus the source path', () => {
	expect(editUrl('content/servio/scenarios/high-latency.mdx')).toBe(
		`${editBase}content/servio/scenarios/high-latency.mdx`
	);
	expect(editUrl('./content/servio/playbook.yaml')).toBe(`${editBase}content/servio/playbook.yaml`);
});

test('no edit link for pages without a source file or with one outside the repository', () => {
	expect(editUrl(undefined)).toBeUndefined();
	expect(editUrl('../../tmp/content/acme/playbook.yaml')).toBeUndefined();
	expect(editUrl('/tmp/content/acme/playbook.yaml')).toBeUndefined();
});
