import { describe, expect, test } from 'vitest';
import {
	assignItemIds,
	duplicateItems,
	normaliseItemText,
	splitExplicitId,
} from '../../src/lib/checklist-ids.ts';

describe('normaliseItemText', () => {
	test('ignores case, accents, punctuation and Markdown code marks', () => {
		expect(normaliseItemText('Check `pg_stat_activity`!')).toBe('check-pg-stat-activity');
		expect(normaliseItemText('  check PG stat   activity ')).toBe('check-pg-stat-activity');
		expect(normaliseItemText('Prévenir l’équipe')).toBe('prevenir-l-equipe');
	});

	test('gives text without letters or digits a fallback id', () => {
		expect(normaliseItemText('—')).toBe('item');
	});

	test('keeps long ids bounded without a trailing dash', () => {
		const id = normaliseItemText(`${'word '.repeat(40)}end`);
		expect(id.length).toBeLessThanOrEqual(80);
		expect(id.endsWith('-')).toBe(false);
	});
});

describe('splitExplicitId', () => {
	test('takes a trailing {#id} off the text', () => {
		expect(splitExplicitId('Page the DBA {#page-dba}')).toEqual({
			text: 'Page the DBA',
			id: 'page-dba',
		});
	});

	test('leaves text without a marker, or with one in the middle, alone', () => {
		expect(splitExplicitId('Page the DBA')).toEqual({ text: 'Page the DBA' });
		expect(splitExplicitId('Use {#x} here')).toEqual({ text: 'Use {#x} here' });
	});
});

describe('assignItemIds', () => {
	test('derives ids from text, not position, so reordering keeps them', () => {
		const items = [
			{ text: 'Notify on-call' },
			{ text: 'Check dashboards' },
			{ text: 'Open incident' },
		];
		const ids = assignItemIds(items);
		expect(ids).toEqual(['notify-on-call', 'check-dashboards', 'open-incident']);
		expect(assignItemIds([items[2]!, { text: 'New step' }, items[0]!, items[1]!])).toEqual([
			'open-incident',
			'new-step',
			'notify-on-call',
			'check-dashboards',
		]);
	});

	test('gives duplicate texts distinct ids in document order', () => {
		expect(
			assignItemIds([{ text: 'Notify' }, { text: 'Wait' }, { text: 'notify!' }, { text: 'Notify' }])
		).toEqual(['notify', 'wait', 'notify-2', 'notify-3']);
	});

	test('uses explicit ids first and never hands them to a derived duplicate', () => {
		expect(
			assignItemIds([
				{ text: 'Notify' },
				{ text: 'Notify' },
				{ text: 'Call someone', id: 'notify-2' },
			])
		).toEqual(['notify', 'notify-3', 'notify-2']);
		expect(assignItemIds([{ text: 'Reworded step', id: 'step' }, { text: 'Step' }])).toEqual([
			'step',
			'step-2',
		]);
	});

	test('de-duplicates a repeated explicit id', () => {
		expect(
			assignItemIds([
				{ text: 'A', id: 'x' },
				{ text: 'B', id: 'x' },
			])
		).toEqual(['x', 'x-2']);
	});
});

describe('id text', () => {
	test('an item with its own id text keeps that id whatever its label says', () => {
		expect(
			assignItemIds([
				{ text: 'Diagnosis: Check DNS', idText: 'Diagnosis' },
				{ text: 'Diagnosis: Check logs', idText: 'Diagnosis' },
			])
		).toEqual(['diagnosis', 'diagnosis-2']);
		expect(
			duplicateItems([
				{ text: 'A: x', idText: 'A' },
				{ text: 'A: y', idText: 'A' },
			])
		).toEqual([[0, 1]]);
	});
});

describe('duplicateItems', () => {
	test('groups items whose texts yield the same id', () => {
		expect(
			duplicateItems([
				{ text: 'Notify' },
				{ text: 'Wait' },
				{ text: 'notify.' },
				{ text: 'Other', id: 'wait' },
			])
		).toEqual([
			[0, 2],
			[1, 3],
		]);
		expect(duplicateItems([{ text: 'A' }, { text: 'B' }])).toEqual([]);
	});
});
