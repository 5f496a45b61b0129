import { describe, expect, test } from 'vitest';
import { copyVariants, renderSegments, toPlain, toSlack } from '../../src/lib/message-format.ts';
import { fillTemplate } from '../../src/lib/placeholders.ts';

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
