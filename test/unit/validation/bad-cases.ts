import type { RuleId } from '../../../src/validation/rules.ts';

/**
 * The bad-content cases of issue 16, one fixture each under
 * `test/fixtures/validation/bad-content/<name>/content`, with the diagnostic each must produce.
 * Read by the validator test and by the dev-server test (which must keep running through each).
 */
export interface BadCase {
	name: string;
	/** File relative to the content root, field and rule of the expected diagnostic. */
	file: string;
	field: string;
	rule: RuleId;
	message: RegExp;
	line?: number;
}

export const BAD_CASES: BadCase[] = [
	{
		name: 'date-impossible',
		file: 'fx/playbook.yaml',
		field: 'lastReviewed',
		rule: 'date',
		message: /`2025-13-45` is not a real date/,
		line: 3,
	},
	{
		name: 'yaml-alias-bomb',
		file: 'fx/severities/p1.yaml',
		field: '(file)',
		rule: 'parse',
		message: /alias bomb/,
	},
	{
		name: 'yaml-unknown-tag',
		file: 'fx/severities/p1.yaml',
		field: '(file)',
		rule: 'parse',
		message: /YAML tag that is not understood: .*!shell/,
		line: 3,
	},
	{
		name: 'symlink-loop',
		file: 'fx/scenarios/loop.mdx',
		field: '(file)',
		rule: 'symlink',
		message: /loops back on itself/,
	},
	{
		name: 'symlink-dangling',
		file: 'fx/scenarios/gone.mdx',
		field: '(file)',
		rule: 'symlink',
		message: /`missing\.mdx`, which does not exist/,
	},
	{
		name: 'symlink-outside-file',
		file: 'fx/scenarios/leak.mdx',
		field: '(file)',
		rule: 'symlink',
		message: /outside the content folder; it is not read or published/,
	},
	{
		name: 'symlink-outside-folder',
		file: 'fx/pages',
		field: '(file)',
		rule: 'symlink',
		message: /outside the content folder; it is not read or published/,
	},
	{
		name: 'folder-named-mdx',
		file: 'fx/scenarios/x.mdx',
		field: '(file)',
		rule: 'file-unreadable',
		message: /is a folder, not a file/,
	},
	{
		name: 'unknown-field',
		file: 'fx/scenarios/outage.mdx',
		field: 'symtoms',
		rule: 'unknown-field',
		message: /did you mean `symptoms`\?/,
		line: 3,
	},
	{
		name: 'unknown-field',
		file: 'fx/severities/p1.yaml',
		field: 'defintion',
		rule: 'unknown-field',
		message: /did you mean `definition`\?/,
		line: 8,
	},
	{
		name: 'utf8-invalid-body',
		file: 'fx/scenarios/outage.mdx',
		field: 'body',
		rule: 'encoding',
		message: /not valid UTF-8: the bytes E9 .* line 8 in the body/,
		line: 8,
	},
	{
		name: 'utf8-invalid-frontmatter',
		file: 'fx/scenarios/outage.mdx',
		field: 'title',
		rule: 'encoding',
		message: /not valid UTF-8: .* line 2 in the frontmatter/,
		line: 2,
	},
	{
		name: 'mojibake',
		file: 'fx/scenarios/outage.mdx',
		field: 'body',
		rule: 'mojibake',
		message: /`â€™`.*Windows-1252.*expected `’`/,
		line: 8,
	},
	{
		name: 'mojibake',
		file: 'fx/scenarios/outage.mdx',
		field: 'body',
		rule: 'mojibake',
		message: /`â€œ`.*expected `“`/,
		line: 9,
	},
	{
		name: 'mojibake',
		file: 'fx/scenarios/outage.mdx',
		field: 'body',
		rule: 'mojibake',
		message: /`â€\u009d`.*expected `”`/,
		line: 10,
	},
	{
		name: 'merge-conflict',
		file: 'fx/scenarios/outage.mdx',
		field: 'body',
		rule: 'merge-conflict',
		message:
			/merge conflict left by Git in the body: `<<<<<<< HEAD` on line 8 to line 12 \(expected/,
		line: 8,
	},
	{
		name: 'merge-conflict',
		file: 'fx/severities/p1.yaml',
		field: 'level',
		rule: 'merge-conflict',
		message: /`<<<<<<< HEAD` on line 2 to line 8/,
		line: 2,
	},
	{
		name: 'mojibake-yaml',
		file: 'fx/severities/p1.yaml',
		field: 'name',
		rule: 'mojibake',
		message: /`ðŸ”´`.*Windows-1252.*expected `🔴`/,
		line: 3,
	},
	{
		name: 'mojibake-yaml',
		file: 'fx/severities/p1.yaml',
		field: 'definition',
		rule: 'mojibake',
		message: /`â€œ`.*expected `“`/,
		line: 5,
	},
	{
		// The undefined byte of `”` (E2 80 9D) dropped altogether: `â€` alone at the end of a run.
		name: 'mojibake-yaml',
		file: 'fx/severities/p1.yaml',
		field: 'definition',
		rule: 'mojibake',
		message: /`â€`.*expected `”`/,
		line: 6,
	},
	{
		name: 'mojibake-mac-roman',
		file: 'fx/scenarios/outage.mdx',
		field: 'body',
		rule: 'mojibake',
		message: /`‚Üí`.*Mac Roman.*expected `→`/,
		line: 8,
	},
	{
		name: 'binary',
		file: 'fx/scenarios/outage.mdx',
		field: 'body',
		rule: 'encoding',
		message: /NUL bytes in the body/,
		line: 8,
	},
	{
		name: 'terminal-escapes',
		file: 'fx/scenarios/outage.mdx',
		field: 'alerts.0',
		rule: 'alert-name',
		message: /not an alert name/,
		line: 4,
	},
	{
		name: 'mdx-syntax',
		file: 'fx/scenarios/outage.mdx',
		field: 'body',
		rule: 'mdx',
		message: /does not compile as MDX/,
		line: 10,
	},
	{
		name: 'mdx-component',
		file: 'fx/scenarios/outage.mdx',
		field: 'body',
		rule: 'mdx-component',
		message: /`<Callout>`, which the body neither imports nor defines/,
		line: 10,
	},
	{
		name: 'alert-dots',
		file: 'fx/scenarios/outage.mdx',
		field: 'alerts.0',
		rule: 'alert-name',
		message: /^`\.` is not an alert name/,
	},
	{
		name: 'alert-dots',
		file: 'fx/scenarios/outage.mdx',
		field: 'alerts.1',
		rule: 'alert-name',
		message: /^`\.\.` is not an alert name/,
	},
	{
		name: 'duplicate-pinned-id',
		file: 'fx/scenarios/outage.mdx',
		field: 'body',
		rule: 'duplicate-checklist-id',
		message: /pins the checklist id `same`, which the step of line 8 pins too/,
		line: 9,
	},
	{
		name: 'images',
		file: 'fx/scenarios/outage.mdx',
		field: 'body',
		rule: 'image',
		message:
			/`!\[…\]\(\.\/arch\.png\)`, which does not exist, so the page cannot be built \(expected the image file at `fx\/scenarios\/arch\.png`/,
		line: 10,
	},
	{
		name: 'images',
		file: 'fx/scenarios/outage.mdx',
		field: 'body',
		rule: 'image',
		message:
			/`!\[…\]\(images\/dashboard\.png\)`, which does not exist, .*`fx\/scenarios\/images\/dashboard\.png`/,
		line: 12,
	},
	{
		name: 'images',
		file: 'fx/scenarios/outage.mdx',
		field: 'body',
		rule: 'image',
		message:
			/`<img src="\.\/graph\.png">`, which does not exist, so the page would show a broken image/,
		line: 14,
	},
	{
		name: 'images',
		file: 'fx/scenarios/outage.mdx',
		field: 'body',
		rule: 'image',
		message:
			/`!\[…\]\(\.\.\/\.\.\/\.\.\/outside\.png\)`, which is outside the content folder; it is not read/,
		line: 16,
	},
	{
		name: 'images',
		file: 'fx/scenarios/outage.mdx',
		field: 'body',
		rule: 'image',
		message: /`!\[…\]\(\/etc\/passwd\.png\)` by an absolute path.*it is not read/,
		line: 18,
	},
	{
		name: 'images',
		file: 'fx/scenarios/outage.mdx',
		field: 'body',
		rule: 'image',
		message:
			/`<img src="\.\/lb\.png">` with an HTML `<img>`.*expected Markdown `!\[description\]\(\.\/lb\.png\)`/,
		line: 20,
	},
	// Every unsafe address at once, each on its line, each way of writing a scheme.
	...(
		[
			[10, 'link-scheme', /^links to `javascript:alert\(3\)`: a `javascript:` address runs code/],
			[10, 'link-scheme', /^links to `JaVaScRiPt:alert\(1\)`: a `javascript:` address/],
			[12, 'link-scheme', /^links to `java\\tscript:alert\(1\)`: a `javascript:` address/],
			[12, 'link-scheme', /^links to ` {2}javascript:alert\(1\)`/],
			[14, 'link-scheme', /^links to `data:text\/html;base64,[\w=]+`: a `data:` address/],
			[14, 'link-scheme', /^links to `vbscript:msgbox\(1\)`: a `vbscript:` address/],
			[18, 'link-scheme', /^defines the link `javascript:alert\(2\)`/],
			[20, 'link-scheme', /^has `<a href>` linking to ` javascript:alert\(4\)`/],
			[20, 'link-scheme', /^has `<a href>` linking to `java\\nscript:alert\(5\)`/],
			[
				22,
				'remote-resource',
				/^shows the image `https:\/\/evil\.example\/pixel\.png` from outside/,
			],
			[24, 'remote-resource', /^has `<img src>` loading `\/\/evil\.example\/x\.png` from outside/],
			[26, 'remote-resource', /^has `<iframe src>` loading `https:\/\/evil\.example\/frame`/],
		] as const
	).map(([line, rule, message]) => ({
		name: 'unsafe-urls',
		file: 'fx/scenarios/outage.mdx',
		field: 'body',
		rule,
		message,
		line,
	})),
	{
		name: 'union-type',
		file: 'fx/severities/p1.yaml',
		field: 'definition',
		rule: 'schema',
		message: /expected a string or a list of strings, got a mapping/,
		line: 8,
	},
	{
		name: 'reference-to-failed',
		file: 'fx/severities/p1.yaml',
		field: 'rank',
		rule: 'schema',
		message: /expected number/,
	},
];
