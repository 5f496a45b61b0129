import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { importMarkdown } from '../../../src/importer/import.ts';
import { FIXTURES, fixtureFile, fixtureNames } from './shapes.ts';

/**
 * Every shape fixture with its structure hollowed out: the shapes a recogniser reads, with
 * nothing in them. Real playbooks hold empty bullets (`*` alone), empty cells and bare headings
 * (an unseen one's empty `*` lines once made the import fail); no recogniser may throw on them.
 */
const HOLLOW: [what: string, hollow: (text: string) => string][] = [
	['items', (text) => text.replace(/^(\s*(?:[-*+]|\d+[.)]))[ \t].*$/gm, '$1')],
	['cells', (text) => text.replace(/^(\|?).*\|.*$/gm, (row) => row.replace(/[^|\n]+/g, ' '))],
	['headings', (text) => text.replace(/^(#{1,6})[ \t].*$/gm, '$1')],
];

describe('an import never fails on empty structure', () => {
	for (const [what, hollow] of HOLLOW)
		test(`every fixture with its ${what} emptied imports`, () => {
			for (const name of fixtureNames()) {
				const text = hollow(readFileSync(join(FIXTURES, fixtureFile(name)), 'utf8'));
				expect(
					() => importMarkdown(text, { playbook: 'demo', sourceName: `${name}.md` }),
					`${name} with ${what} emptied`
				).not.toThrow();
			}
		});
});
