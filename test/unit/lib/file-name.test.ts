import { describe, expect, test } from 'vitest';
import { MAX_FILE_NAME_BYTES, safeFileName } from '../../../src/lib/file-name.ts';
import { exportFileName } from '../../../src/incident/export.ts';
import { HOSTILE_STRINGS } from '../../fixtures/hostile-strings.ts';
import type { Incident } from '../../../src/incident/model.ts';

const NAMES = [
	...HOSTILE_STRINGS,
	'../../etc/passwd',
	'..\\..\\Windows\\win.ini',
	'/absolute',
	'.',
	'..',
	'',
	'   ',
	'.hidden',
	'CON',
	'nul',
	'Com1',
	'lpt¹',
	'aux.tar',
	'name. ',
	'a'.repeat(1000),
	'中文'.repeat(200),
	'😀'.repeat(200),
	'e\u0301'.repeat(200),
	'zero\u200Bwidth\uFEFFbom\u00ADsoft',
	'line\u2028separator\u2029paragraph',
	'\uD800lone surrogate',
];

const bytes = (text: string) => new TextEncoder().encode(text).length;

describe('safeFileName', () => {
	test.each(NAMES.map((name) => [JSON.stringify(name).slice(0, 60), name]))(
		'%s gives a name safe on every system',
		(_, name) => {
			for (const extension of ['.md', '.incident.json']) {
				const file = safeFileName(name!, extension);
				expect(file.endsWith(extension)).toBe(true);
				const stem = file.slice(0, -extension.length);
				expect(stem).toMatch(/^[\p{L}\p{N}_][\p{L}\p{N}\p{M}._-]*$/u);
				expect(stem).not.toMatch(/[.\-_]$/);
				expect(stem.split('.')[0]).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/i);
				expect(bytes(file)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
				expect(file.isWellFormed()).toBe(true);
			}
		}
	);

	test('keeps an ordinary id as it is', () => {
		expect(safeFileName('INC-20251119-1320', '.md')).toBe('INC-20251119-1320.md');
		expect(safeFileName('Störung_Kasse.2', '.md')).toBe('Störung_Kasse.2.md');
	});

	test('writes separators, controls and spaces as one hyphen, and reserved names with `_`', () => {
		expect(safeFileName('../../etc/passwd', '.md')).toBe('etc-passwd.md');
		expect(safeFileName('alert\u202Egnp.exe', '.md')).toBe('alert-gnp.exe.md');
		expect(safeFileName('INC 1: db/down', '.md')).toBe('INC-1-db-down.md');
		expect(safeFileName('CON', '.md')).toBe('_CON.md');
		expect(safeFileName('nul.tar', '.md')).toBe('_nul.tar.md');
		expect(safeFileName('..', '.md')).toBe('incident.md');
	});

	test('cuts a long id at a character, within the byte limit', () => {
		const file = safeFileName('中'.repeat(200), '.md');
		expect(bytes(file)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
		expect(file).toBe(`${'中'.repeat(39)}.md`);
		expect(safeFileName(`${'a'.repeat(116)}-b`, '.md')).toBe(`${'a'.repeat(116)}.md`);
	});
});

test('every export of a hostile incident id has a safe file name', () => {
	for (const id of NAMES) {
		const incident = { id } as Incident;
		for (const kind of ['incident-record', 'post-mortem', 'post-mortem-mdx', 'json'] as const) {
			const file = exportFileName(incident, kind);
			expect(file).toMatch(/^[\p{L}\p{N}_][\p{L}\p{N}\p{M}._-]*\.(md|mdx|incident\.json)$/u);
			expect(bytes(file)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
		}
	}
	expect(exportFileName({ id: 'INC-1' } as Incident, 'post-mortem-mdx')).toBe('PIR-INC-1.mdx');
});
