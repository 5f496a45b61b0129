import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { IMAGE_EXTENSIONS, imageProblem } from '../../../src/validation/images.ts';

/** The `images` bad-content fixture: `lb.png` and `images/queue.png` exist beside the scenario. */
const root = 'test/fixtures/validation/bad-content/images/content';
const page = 'fx/scenarios/outage.mdx';
const check = (src: string, syntax: 'markdown' | 'img' = 'markdown') =>
	imageProblem(root, page, src, syntax);

describe('an image of an MDX body', () => {
	test.each([
		'./lb.png',
		'lb.png',
		'images/queue.png',
		'./images/../lb.png',
		'../scenarios/lb.png',
	])('%s, a file beside the page, is included by the build', (src) =>
		expect(check(src)).toBeUndefined()
	);

	test.each(['https://example.com/x.png', '//cdn.example.com/x.png', 'data:image/png;base64,AAAA'])(
		'%s is a URL for the browser, not a file for the build',
		(src) => expect(check(src)).toBeUndefined()
	);

	test('a path written with URL escapes is looked for decoded, and a query or fragment is ignored', () => {
		expect(check('./images/qu%65ue.png')).toBeUndefined();
		expect(check('./lb.png?v=2#top')).toBeUndefined();
		expect(check('./l%zz.png')).toMatch(/whose address is not valid/);
	});

	test.each(['/etc/passwd.png', 'file:///etc/passwd.png', 'C:\\Users\\x.png', 'c:/x.png'])(
		'%s is an absolute path, refused before anything is looked at',
		(src) => expect(check(src)).toMatch(/by an absolute path.*it is not read/)
	);

	test.each(['../../../x.png', '../../..', './images/../../../../x.png'])(
		'%s climbs out of the content folder',
		(src) => expect(check(src)).toMatch(/outside the content folder; it is not read/)
	);

	test('a missing file, a folder and a file that is not an image are named with what was expected', () => {
		expect(check('./nope.png')).toMatch(
			/does not exist, so the page cannot be built \(expected the image file at `fx\/scenarios\/nope\.png`/
		);
		expect(check('./images')).toMatch(/is a folder/);
		expect(check('./outage.mdx')).toMatch(/not an image the build can include/);
	});

	test('an HTML <img> is refused even when its file exists: the build leaves it broken', () => {
		expect(check('./lb.png', 'img')).toMatch(/expected Markdown `!\[description\]\(\.\/lb\.png\)`/);
		expect(check('https://example.com/x.png', 'img')).toBeUndefined();
	});
});

test("the image types are Astro's own", () => {
	const consts = readFileSync('node_modules/astro/dist/assets/consts.js', 'utf8');
	const astro = /VALID_INPUT_FORMATS = \[([^\]]*)\]/.exec(consts)?.[1];
	expect(astro).toBeDefined();
	expect([...astro!.matchAll(/"(\w+)"/g)].map((m) => m[1])).toEqual([...IMAGE_EXTENSIONS]);
});
