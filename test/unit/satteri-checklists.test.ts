import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { describe, expect, test } from 'vitest';
import satteriChecklists, { documentFromFile } from '../../src/markdown/satteri-checklists.ts';

const fixtures = new URL('./fixtures/checklists/', import.meta.url);
const fileURL = new URL('file:///site/content/servio/scenarios/db-exhaustion.mdx');

/** Astro's own Sätteri pipeline for `.md`, with the plugin as the site configures it. */
async function render(markdown: string) {
	const processor = await createSatteriMarkdownProcessor({
		syntaxHighlight: false,
		hastPlugins: [satteriChecklists()],
	});
	return processor.render(markdown, { fileURL, frontmatter: {} });
}

describe('satteri-checklists on fixtures (input.md → output.html)', () => {
	for (const name of readdirSync(fixtures)) {
		test(name, async () => {
			const input = readFileSync(new URL(`${name}/input.md`, fixtures), 'utf8');
			const { code } = await render(input);
			const expectedFile = new URL(`${name}/output.html`, fixtures);
			// UPDATE=1 rewrites the expected files; review the diff before committing.
			if (process.env.UPDATE) writeFileSync(expectedFile, `${code.trim()}\n`);
			expect(code.trim()).toBe(readFileSync(expectedFile, 'utf8').trim());
		});
	}
});

describe('satteri-checklists', () => {
	test('labels every checkbox with its text and keeps the boxes disabled until the client upgrades them', async () => {
		const { code } = await render('- [ ] First\n- [x] Second\n');
		expect(
			code.match(
				/<label class="rb-checklist__label"><input type="checkbox" class="rb-checklist__box" disabled> <span class="rb-checklist__text">/g
			)
		).toHaveLength(2);
		expect(code).not.toContain('checked');
	});

	test('counts the checklists in the frontmatter so pages load the client only when needed', async () => {
		expect((await render('- [ ] a\n\ntext\n\n- [ ] b\n')).metadata.frontmatter).toEqual({
			checklists: 2,
		});
		expect((await render('- a\n')).metadata.frontmatter).toEqual({});
	});

	test('keeps ids unique across the lists of one document', async () => {
		const { code } = await render('- [ ] Notify\n\n## Later\n\n- [ ] Notify\n');
		expect([...code.matchAll(/data-item="([^"]+)"/g)].map((match) => match[1])).toEqual([
			'notify',
			'notify-2',
		]);
	});

	test('names the document after the entry file', () => {
		expect(documentFromFile(fileURL)).toBe('servio/scenarios/db-exhaustion');
	});
});
