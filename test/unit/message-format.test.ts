import { describe, expect, test } from 'vitest';
import {
	copyVariants,
	distinctVariants,
	renderSegments,
	toPlain,
	toSlack,
} from '../../src/lib/message-format.ts';
import { fillTemplate } from '../../src/lib/placeholders.ts';
import { escapeSlack } from '../../src/lib/escape.ts';
import { HOSTILE_STRINGS } from '../fixtures/hostile-strings.ts';

describe('toSlack', () => {
	test('turns Markdown markup into Slack mrkdwn', () => {
		expect(
			toSlack(
				'**Issue:** down\n__Impact__ ~~none~~\n# Title\nSee [the doc](https://example.com/doc)'
			)
		).toBe('*Issue:* down\n*Impact* ~none~\n*Title*\nSee <https://example.com/doc|the doc>');
	});

	test('leaves text that is already mrkdwn, emoji codes and lists alone', () => {
		const text = ':rotating_light: *INCIDENT* _now_\n- [What we are doing]\n- item';
		expect(toSlack(text)).toBe(text);
	});
});

describe('toPlain', () => {
	test('drops markup and writes links out', () => {
		expect(toPlain('## Update\n**Status:** ok, ~~bad~~ [status](https://status.example.com)')).toBe(
			'Update\nStatus: ok, bad status (https://status.example.com)'
		);
	});
});

describe('renderSegments', () => {
	const fields = [{ name: 'impact', tokens: ['[Impact]'] }];

	test('converts markup around a value and keeps the value as typed', () => {
		const segments = fillTemplate('**Impact:** **[Impact]**', fields, {
			impact: '**not bold** <b>x</b> [a](b)',
		});
		expect(renderSegments(segments, 'markdown', 'slack')).toBe(
			'*Impact:* ***not bold** <b>x</b> [a](b)*'
		);
		expect(renderSegments(segments, 'markdown', 'plain')).toBe(
			'Impact: **not bold** <b>x</b> [a](b)'
		);
		expect(renderSegments(segments, 'markdown', 'markdown')).toBe(
			'**Impact:** ****not bold** <b>x</b> [a](b)**'
		);
	});

	test('copies a plain body exactly, whatever the button', () => {
		const segments = fillTemplate('**[Impact]**', fields, {});
		expect(renderSegments(segments, 'plain', 'slack')).toBe('**[Impact]**');
	});

	test.each(['plain', 'markdown', 'slack'] as const)(
		'a Slack copy of a %s body keeps a broadcast in a value from notifying; the template’s own stays',
		(body) => {
			const segments = fillTemplate('@here [Impact]', fields, {
				impact: '@channel <!channel> <@U1>',
			});
			expect(renderSegments(segments, body, 'slack')).toBe('@here @\u2060channel <!channel> <@U1>');
			expect(renderSegments(segments, body, 'plain')).toBe('@here @channel <!channel> <@U1>');
		}
	);
});

describe('every copy of a hostile value', () => {
	const fields = [{ name: 'impact', tokens: ['[Impact]'] }];
	const bodies = ['plain', 'markdown', 'slack'] as const;

	test.each(HOSTILE_STRINGS)(
		'carries %j as text: as typed, in Slack without a broadcast',
		(value) => {
			const segments = fillTemplate(
				'## Update\n**Impact:** [Impact] (see [status](https://s.example))',
				fields,
				{
					impact: value,
				}
			);
			for (const body of bodies) {
				expect(renderSegments(segments, body, 'plain')).toContain(value);
				expect(renderSegments(segments, body, 'markdown')).toContain(value);
				const slack = renderSegments(segments, body, 'slack');
				expect(slack).toContain(escapeSlack(value));
				expect(slack).not.toMatch(/@(channel|here|everyone)\b/i);
			}
		}
	);
});

describe('copyVariants', () => {
	const ids = (template: Parameters<typeof copyVariants>[0]) =>
		copyVariants(template).map((variant) => variant.id);

	test('gives plain text always', () => {
		expect(ids({ format: 'plain', channels: [] })).toEqual(['plain']);
	});

	test('adds the subject on its own for email templates', () => {
		expect(
			copyVariants({ format: 'plain', subject: 'S', channels: ['email'] }).map((v) => v.label)
		).toEqual(['Copy subject', 'Copy body']);
	});

	test('adds Markdown, and Slack when a Markdown body goes to Slack', () => {
		expect(ids({ format: 'markdown', channels: ['email'] })).toEqual(['plain', 'markdown']);
		expect(ids({ format: 'markdown', channels: ['slack'] })).toEqual([
			'plain',
			'markdown',
			'slack',
		]);
		expect(ids({ format: 'slack', channels: [] })).toEqual(['plain', 'slack']);
	});
});

describe('distinctVariants', () => {
	const fields = [{ name: 'impact', tokens: ['[Impact]'] }];
	const slackTemplate = { format: 'slack' as const, channels: ['slack'] };

	test('offers one copy when the Slack text equals the plain text', () => {
		const body = fillTemplate(':rotating_light: Impact: [Impact]', fields, { impact: 'all' });
		expect(
			distinctVariants(copyVariants(slackTemplate), body, 'slack').map((v) => v.label)
		).toEqual(['Copy text']);
	});

	test('offers each variant whose text differs', () => {
		const body = fillTemplate('**Impact:** [Impact]', fields, { impact: 'all' });
		const template = { format: 'markdown' as const, channels: ['slack'] };
		expect(distinctVariants(copyVariants(template), body, 'markdown').map((v) => v.id)).toEqual([
			'plain',
			'markdown',
			'slack',
		]);
	});

	test('hides only the variant equal to another, for the current values', () => {
		// Plain drops `**`, Slack writes `*`: all differ. Without markup Markdown = plain = Slack.
		const template = { format: 'markdown' as const, channels: ['slack'] };
		const plainBody = fillTemplate('Impact: [Impact]', fields, { impact: 'all' });
		expect(
			distinctVariants(copyVariants(template), plainBody, 'markdown').map((v) => v.id)
		).toEqual(['plain']);
		const linkBody = fillTemplate('[doc](https://x.example) [Impact]', fields, { impact: 'all' });
		expect(distinctVariants(copyVariants(template), linkBody, 'markdown').map((v) => v.id)).toEqual(
			['plain', 'markdown', 'slack']
		);
	});

	test('always offers the subject of an email', () => {
		const template = { format: 'plain' as const, channels: ['email'], subject: 'S' };
		const body = fillTemplate('[Impact]', fields, {});
		expect(distinctVariants(copyVariants(template), body, 'plain').map((v) => v.id)).toEqual([
			'subject',
			'plain',
		]);
	});
});

describe('list values', () => {
	const fields = [{ name: 'actions', tokens: ['[Actions]'] }];

	test('a value typed as "- item" after a template bullet is not double-bulleted', () => {
		const body = fillTemplate('Now:\n- [Actions]\nEnd', fields, {
			actions: '- restart db\n- page DBA',
		});
		expect(renderSegments(body, 'slack', 'slack')).toBe('Now:\n- restart db\n- page DBA\nEnd');
		expect(renderSegments(body, 'slack', 'plain')).toBe('Now:\n- restart db\n- page DBA\nEnd');
	});

	/** The plain copy of `template` with `value` typed for `[Actions]`. */
	const plain = (template: string, value: string) =>
		renderSegments(fillTemplate(template, fields, { actions: value }), 'plain', 'plain');

	test('other bullets (* and •) are recognised; a value without a bullet is kept', () => {
		expect(plain('* [Actions]', '* a')).toBe('* a');
		expect(plain('• [Actions]', '- a')).toBe('• a');
		expect(plain('- [Actions]', 'a')).toBe('- a');
	});

	test('a value mid-line or without a template bullet stays as typed', () => {
		expect(plain('Do: [Actions]', '- a')).toBe('Do: - a');
		expect(plain('[Actions]', '- a')).toBe('- a');
	});
});
