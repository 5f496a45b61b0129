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
