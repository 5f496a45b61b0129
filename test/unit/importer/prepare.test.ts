import { describe, expect, it } from 'vitest';
import { DAMAGE_MARKERS, repairEncoding } from '../../../src/lib/encoding.ts';
import { prepareSource } from '../../../src/importer/prepare.ts';
import { formatImportReport, importReportData } from '../../../src/importer/report.ts';
import { importText } from './helpers.ts';

/** UTF-8 bytes read as Windows-1252, undefined bytes kept as C1 controls (as browsers decode). */
const CP1252 = [
	0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152,
	0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
	0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];
const asWindows1252 = (text: string) =>
	[...Buffer.from(text, 'utf8')]
		.map((b) => String.fromCodePoint(b >= 0x80 && b < 0xa0 ? CP1252[b - 0x80]! : b))
		.join('');

describe('Windows-1252 damage', () => {
	it('repairs `â€` followed by the undefined byte U+009D, and `â€` whose byte was dropped', () => {
		const damaged = asWindows1252('Say “done” — then “rest”.');
		expect(damaged).toContain('â€\u009d');
		expect(repairEncoding(damaged).text).toBe('Say “done” — then “rest”.');
		const dropped = damaged.replace('\u009d', '');
		expect(repairEncoding(dropped).text).toBe('Say “done” — then “rest”.');
	});

	it('counts the C1 control of an undefined byte as damage', () => {
		expect(DAMAGE_MARKERS.test('quote\u009d')).toBe(true);
		expect(DAMAGE_MARKERS.test('Café “fine”')).toBe(false);
	});
});

describe('source preparation keeps every line where it was', () => {
	it('reads an HTML table as a pipe table on the same lines', () => {
		const source =
			'# T\n\n<table>\n<tr><th>Sev</th><th>Respond within</th></tr>\n<tr><td>Sev 1</td><td>15 min</td></tr>\n</table>\n\nAfter.\n';
		const { text } = prepareSource(source);
		expect(text.split('\n')).toHaveLength(source.split('\n').length);
		expect(text).toContain('| Sev | Respond within |\n| --- | --- |\n| Sev 1 | 15 min |');
		expect(text.split('\n')[7]).toBe('After.');
	});

	it('turns reference links into inline links and blanks their definitions', () => {
		const source =
			'# T\n\nSee the [runbook][rb] and [Status].\n\n[rb]: https://example.com/rb\n[status]: https://status.example.com\n';
		const prepared = prepareSource(source);
		expect(prepared.text).toBe(
			'# T\n\nSee the [runbook](https://example.com/rb) and [Status](https://status.example.com).\n\n\n\n'
		);
		expect(prepared.definitions.map((d) => d.url)).toEqual([
			'https://example.com/rb',
			'https://status.example.com',
		]);
	});

	it('reads front matter as playbook metadata', () => {
		const { imported } = importText(
			'---\nowner: Platform\nlast_reviewed: 2026-01-10\n---\n# Playbook\n\nText long enough to be a summary of the playbook.\n'
		);
		expect(imported.playbook).toMatchObject({ owner: 'Platform', lastReviewed: '2026-01-10' });
	});
});

describe('import report', () => {
	const source = `# Shop
## Severity levels
### Critical (P0)
- Acknowledge: 5 minutes
## Runbooks
### Cart empty
**Symptoms**
- Carts lose items.
## More
??? info "Coupons"
    TBD
`;
	const input = {
		source: 'shop.md',
		playbook: 'shop',
		result: importText(source, { playbook: 'shop' }),
		repairs: { macintosh: 0, windows1252: 0 },
		files: [],
		verb: 'written',
	};

	it('names each typed entry with its source heading and line, and what to check', () => {
		const report = formatImportReport(input);
		expect(report).toContain('    shop/p0 (P0 Critical) ← "Critical (P0)", line 3');
		expect(report).toContain('    shop/cart-empty (Cart empty) ← "Cart empty", line 6');
		expect(report).toContain(
			'  line 10 "Coupons": looked like a scenario, but its body is only `TBD`: a placeholder, not a runbook'
		);
	});

	it('gives the same facts as JSON', () => {
		const data = importReportData(input);
		expect(data.typed.scenarios).toEqual([
			{ id: 'shop/cart-empty', title: 'Cart empty', heading: 'Cart empty', line: 6 },
		]);
		expect(data.check).toEqual([
			expect.objectContaining({ kind: 'scenario', heading: 'Coupons', line: 10 }),
		]);
	});
});
