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
});
