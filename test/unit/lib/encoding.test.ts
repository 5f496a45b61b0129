import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DAMAGE_MARKERS, repairEncoding } from '../../../src/lib/encoding.ts';

describe('repairEncoding', () => {
	test('undoes UTF-8 read as Mac Roman, emoji included', () => {
		const damaged = 'Go to Stripe Dashboard \u201aÜí Developers \uF8FFüö® ‚ö†Ô∏è';
		expect(repairEncoding(damaged)).toEqual({
			text: 'Go to Stripe Dashboard → Developers 🚨 ⚠️',
			counts: { macintosh: 3, windows1252: 0 },
		});
	});

	test('undoes UTF-8 read as Windows-1252', () => {
		expect(repairEncoding('Caf\u00c3\u00a9 \u00e2\u20ac\u201d done')).toEqual({
			text: 'Café — done',
			counts: { macintosh: 0, windows1252: 2 },
		});
	});

	test('leaves text that is already right alone', () => {
		const text = 'naïve café → 🚨 ├─ YES';
		expect(repairEncoding(text)).toEqual({ text, counts: { macintosh: 0, windows1252: 0 } });
	});

	test.each(['001_1ac355e6de50474e', '003_6a78e8cd30b220c8', '004_8e4854959edf4d44'])(
		'repairs every damaged sequence of seed %s',
		(seed) => {
			const source = readFileSync(`test/fixtures/seeds/${seed}.txt`, 'utf8');
			expect(DAMAGE_MARKERS.test(source)).toBe(true);
			expect(DAMAGE_MARKERS.test(repairEncoding(source).text)).toBe(false);
		}
	);
});

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
	test('repairs `â€` followed by the undefined byte U+009D, and `â€` whose byte was dropped', () => {
		const damaged = asWindows1252('Say “done” — then “rest”.');
		expect(damaged).toContain('â€\u009d');
		expect(repairEncoding(damaged).text).toBe('Say “done” — then “rest”.');
		const dropped = damaged.replace('\u009d', '');
		expect(repairEncoding(dropped).text).toBe('Say “done” — then “rest”.');
	});

	test('counts the C1 control of an undefined byte as damage', () => {
		expect(DAMAGE_MARKERS.test('quote\u009d')).toBe(true);
		expect(DAMAGE_MARKERS.test('Café “fine”')).toBe(false);
	});
});
