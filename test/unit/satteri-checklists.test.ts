import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { mdxToJs } from 'satteri';
import { describe, expect, test } from 'vitest';
import satteriChecklists, { documentFromFile } from '../../src/markdown/satteri-checklists.ts';

const fixtures = new URL('./fixtures/checklists/', import.meta.url);
const fileURL = new URL('file:///site/content/servio/scenarios/db-exhaustion.mdx');

/**
 * Astro's own Sätteri pipeline for `.md`, with the plugin as the site configures it. The file is a
 * scenario; `steps: false` renders it as a document whose ordered lists are not steps.
 */
async function render(markdown: string, { steps = true } = {}) {
	const processor = await createSatteriMarkdownProcessor({
		syntaxHighlight: false,
		hastPlugins: [satteriChecklists(steps ? {} : { steps: () => false })],
	});
	return processor.render(markdown, { fileURL, frontmatter: {} });
}

describe('satteri-checklists on fixtures (input.md → output.html)', () => {
	// `steps-*` fixtures are scenarios; the others show task lists alone.
	for (const name of readdirSync(fixtures)) {
		test(name, async () => {
			const input = readFileSync(new URL(`${name}/input.md`, fixtures), 'utf8');
			const { code } = await render(input, { steps: name.startsWith('steps-') });
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

	test('in a scenario, an ordered list inside <div class="not-steps"> stays a plain list (MDX)', async () => {
		const source =
			'1. Restart the worker\n2. Check the queue\n\n<div class="not-steps">\n\n1. The cache filled up\n2. Sessions dropped\n\n</div>\n';
		const { code } = await mdxToJs(source, { hastPlugins: [satteriChecklists()], fileURL });
		expect([...code.matchAll(/"data-item": "([^"]+)"/g)].map((match) => match[1])).toEqual([
			'restart-the-worker',
			'check-the-queue',
		]);
		expect(code).toContain('"The cache filled up"');
	});

	test('outside scenarios, ordered lists without boxes are not steps', async () => {
		const processor = await createSatteriMarkdownProcessor({
			syntaxHighlight: false,
			hastPlugins: [satteriChecklists()],
		});
		const { code } = await processor.render('1. one\n2. two\n', {
			fileURL: new URL('file:///site/content/servio/pages/guide.mdx'),
			frontmatter: {},
		});
		expect(code).not.toContain('rb-checklist');
	});

	test('names the document after the entry file', () => {
		expect(documentFromFile(fileURL)).toBe('servio/scenarios/db-exhaustion');
	});
});
