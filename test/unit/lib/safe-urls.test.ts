import { describe, expect, test } from 'vitest';
import {
	loadsFromElsewhere,
	playbookLinkHref,
	unsafeLinkScheme,
	urlScheme,
} from '../../../src/lib/safe-urls.ts';

describe('links content may use', () => {
	test.each([
		'https://status.example.com',
		'HTTP://EXAMPLE.COM',
		'mailto:oncall@example.com',
		'tel:+15550100',
		'/servio/scenarios/outage/',
		'./other/',
		'../',
		'#step-2',
		'?q=outage',
		'//cdn.example.com/x',
		'',
		// A colon after a slash, `?` or `#` is no scheme: the address is a path.
		'./a:b',
		'notes/10:30',
		'#x:y',
	])('%j is followed', (href) => expect(unsafeLinkScheme(href)).toBeUndefined());

	test.each([
		['javascript:alert(3)', 'javascript'],
		['JaVaScRiPt:alert(1)', 'javascript'],
		['java\tscript:alert(1)', 'javascript'],
		['java\nscr\ript:alert(1)', 'javascript'],
		['  javascript:alert(1)', 'javascript'],
		['\u0001\u001f javascript:alert(1)', 'javascript'],
		['javascript:alert(1)\u0000 ', 'javascript'],
		['vbscript:msgbox(1)', 'vbscript'],
		['data:text/html;base64,PHNjcmlwdD4=', 'data'],
		['file:///etc/passwd', 'file'],
		['ftp://example.com', 'ftp'],
	])('%j is refused for its scheme %s', (href, scheme) => {
		expect(urlScheme(href)).toBe(scheme);
		expect(unsafeLinkScheme(href)).toBe(scheme);
	});

	test('a scheme the parser would not read (a character reference still encoded) is a path', () => {
		// The Markdown and MDX parsers decode `&#x09;` before an address reaches the check.
		expect(urlScheme('java&#x09;script:alert(1)')).toBeUndefined();
	});
});

describe('resources a page may load', () => {
	test.each(['./diagram.png', 'images/x.png', '../x.png', '/fx/x.png', '#icon'])(
		'%j is a file of the site',
		(src) => expect(loadsFromElsewhere(src)).toBe(false)
	);

	test.each([
		'https://evil.example/pixel.png',
		'HTTP://evil.example/x.png',
		'//evil.example/x.png',
		'\\\\evil.example/x.png',
		'/\\evil.example/x.png',
		' //evil.example/x.png',
		'data:image/png;base64,AAAA',
		'javascript:alert(1)',
	])('%j would load from elsewhere', (src) => expect(loadsFromElsewhere(src)).toBe(true));
});

describe("a playbook's links", () => {
	test.each([
		['https://status.stripe.com', 'https://status.stripe.com'],
		['status.stripe.com', 'https://status.stripe.com'],
		['grafana.example.org/d/abc', 'https://grafana.example.org/d/abc'],
		['/kestrel/scenarios/disk-full/', '/kestrel/scenarios/disk-full/'],
	])('%j opens %j', (url, href) => expect(playbookLinkHref(url, 'kestrel')).toBe(href));

	test.each([
		'runbook.md',
		'DEPLOY.md#steps',
		'./DEPLOY.md',
		'overview/#node-voting',
		'/docs/start',
		'/other/scenarios/x/',
		'[Your Sentry URL]',
		'javascript:alert(1)',
	])('%j opens nothing and shows as text', (url) =>
		expect(playbookLinkHref(url, 'kestrel')).toBeUndefined()
	);
});
