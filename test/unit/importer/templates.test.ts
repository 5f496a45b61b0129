import { describe, expect, it } from 'vitest';
import {
	blankTokens,
	fieldFor,
	ownTitle,
	plainTitle,
	valueFields,
} from '../../../src/importer/templates.ts';
import { fillTemplate, segmentsToText } from '../../../src/lib/placeholders.ts';
import { parseMarkdown } from '../compile-output.ts';
import { importText } from './helpers.ts';
import { importFixture } from './shapes.ts';

const templates = (markdown: string) => importText(markdown).imported.templates;

describe('template recogniser', () => {
	it('makes every title plain text: no emphasis, no blank joined to its end, blanks read as words', () => {
		expect(plainTitle('**[*Team Name*]** Outage Plan')).toBe('Team Name Outage Plan');
		expect(plainTitle('Kiteworks Working Notes - date')).toBe('Kiteworks Working Notes');
		expect(plainTitle('Shift handover — [DATE]')).toBe('Shift handover');
		expect(plainTitle('[case-id] {system} is down')).toBe('case-id system is down');
		expect(plainTitle('`Status` update: _first_ post')).toBe('Status update: first post');
		expect(plainTitle('Status Page Update (P0/P1)')).toBe('Status Page Update (P0/P1)');
		// The date it is filled with opens the title; the name is what follows.
		expect(plainTitle('<Month> <Date>, <Year> incident report')).toBe('Incident report');
		expect(plainTitle('[YYYY-MM-DD] - Outage review')).toBe('Outage review');
	});

	it('sends messages to a status page only where their own page names one', () => {
		const typed = templates(`# Status notes

We post these messages on our status site.

## Messages per outage type

### Slow tiles

We are looking into slow map tiles in [region] and what else it touches.

We are sorry for the wait.

# Support letters

We answer each customer by email.

## Messages per case

### Storage nearly full

Your storage for [account] is nearly full.

Delete old exports to free space.

## Status updates

### Investigating

> We are investigating reports of [problem]. Next update in [30] minutes.
`);
		expect(typed.map((t) => [t.slug, t.data.kind, t.data.channels ?? []])).toEqual([
			['slow-tiles', 'status-page', ['status-page']],
			// The page before it speaks of its own messages; "status updates" may go anywhere, to
			// readers the headings do not name.
			['storage-nearly-full', 'message', []],
			['investigating', 'message', []],
		]);
	});

	it('turns {{service}}, <affected_feature>, P[0-4], @[name] and [15/30] blanks into declared fields', () => {
		const [template] = templates(`## Communication
### Customer email
\`\`\`
Subject: {{service}} degraded
We see errors in <affected_feature> (severity P[0-4]).
Owner: @[name]. Next update in [15/30] minutes.
\`\`\`
`);
		expect(template!.data).toMatchObject({
			title: 'Customer email',
			kind: 'external',
			subject: '{{service}} degraded',
			channels: ['email'],
		});
		expect(template!.data.body).toBe(
			'We see errors in <affected_feature> (severity P[0-4]).\nOwner: @[name]. Next update in [15/30] minutes.'
		);
		expect(template!.data.fields!.map((f) => [f.name, f.label, f.tokens, f.type])).toEqual([
			['service', 'Service', ['{{service}}'], 'text'],
			['affected-feature', 'Affected feature', ['<affected_feature>'], 'text'],
			['severity', 'Severity', ['P[0-4]'], 'severity'],
			['name', 'Name', ['@[name]'], 'text'],
			['field-15-30', '15/30', ['[15/30]'], 'choice'],
		]);
	});

	it('counts label lines as prompts, but not ones that describe the template', () => {
		const about = `## Overview

**Purpose:** Give every audience the same clear updates.

**When to use:** Any incident that people outside the team notice.

**Skills:** [Writing for customers](../skills.md#writing)
`;
		expect(templates(`# Outage notice template\n\n${about}`)).toEqual([]);
		const form = `# Outage notice template\n\n${about}\n## Form\n\n- **Service**: which one is down\n- **Since**: when it started\n- **Next update**: when you will write again\n`;
		expect(templates(form).map((t) => t.data.title)).toEqual(['Outage notice template']);
	});

	it('names a block by its bold label and keeps the label’s parenthetical as when', () => {
		const [template] = templates(`## Phase 4: Communication
**Initial Notification (within 15 min):**
\`\`\`
We are investigating [Brief description].
Status: [Investigating/Identified/Monitoring]
\`\`\`
`);
		expect(template!.data).toMatchObject({ title: 'Initial Notification', when: 'within 15 min' });
		expect(
			template!.data.fields!.find((f) => f.name === 'investigating-identified-monitoring')
		).toMatchObject({ type: 'status', derive: 'status' });
	});

	it('leaves shell blocks and prose blocks without blanks under other headings alone', () => {
		expect(
			templates('## Communication\n```bash\necho [x]\n```\n## Notes\n```\nplain text\n```\n')
		).toEqual([]);
	});

	it('keeps P[0-4] and @[name] whole but not a bracketed word after a letter', () => {
		expect(blankTokens('P[0-4] SEV-[1/2/3] @[name] S[abc] [Yes/No]')).toEqual([
			'P[0-4]',
			'SEV-[1/2/3]',
			'@[name]',
			'[abc]',
			'[Yes/No]',
		]);
		expect(fieldFor('[Brief description]')).toEqual({
			name: 'brief-description',
			label: 'Brief description',
		});
		expect(fieldFor('[Timestamp]')).toMatchObject({ type: 'datetime', derive: 'now' });
	});

	it('reads a one-word <blank> but not an HTML tag or a closed element', () => {
		expect(blankTokens('Back since <time> on <date>.<br>See <b>x</b> and <span>y</span>')).toEqual([
			'<time>',
			'<date>',
		]);
		expect(blankTokens('<Month> <Year>: <Result>, <Br> and <Note>x</Note>')).toEqual([
			'<Month>',
			'<Year>',
			'<Result>',
		]);
	});

	it('reads a date blank beside a month or a year blank as the day, never the whole date', () => {
		const [report] = templates(
			'# Notes\n\nText.\n\n# <Month> <Date>, <Year> review\n\n## What broke\n\n<Describe it>\n'
		);
		expect(report?.data.fields?.find((field) => field.name === 'date')?.derive).toBeUndefined();
	});

	it("fills a start or end time from the incident's own times, never from now", () => {
		expect(fieldFor('<start_time>')).toMatchObject({ type: 'datetime', derive: 'incident-start' });
		expect(fieldFor('[Start time]')).toMatchObject({ derive: 'incident-start' });
		expect(fieldFor('{{END_TIME}}')).toMatchObject({ type: 'datetime', derive: 'incident-end' });
		expect(fieldFor('[Time]')).toMatchObject({ derive: 'now' });
	});
});

describe('a blank reused for two meanings', () => {
	const fields = (slug: string) =>
		importFixture('templates-reused-blanks').imported.templates.find((t) => t.slug === slug)!.data
			.fields;

	it('becomes one field per place, labelled from its line and derived where the label says', () => {
		expect(fields('incident-declared')).toEqual([
			{ name: 'service', label: 'Service', type: 'text', tokens: ['[Service]'] },
			{
				name: 'incident-start',
				label: 'Started (Time)',
				type: 'datetime',
				derive: 'incident-start',
				tokens: ['[Time]#1'],
			},
			{
				name: 'next-update',
				label: 'Next update (Time)',
				type: 'datetime',
				derive: 'next-update',
				tokens: ['[Time]#2'],
			},
			{ name: 'impact', label: 'Impact', type: 'text', tokens: ['[Impact]'] },
		]);
		// `Resolved at` names no time the incident knows: its field stays for the responder.
		expect(fields('resolved')).toEqual([
			{ name: 'service', label: 'Service', type: 'text', tokens: ['[Service]'] },
			{
				name: 'incident-start',
				label: 'Detected at (Time)',
				type: 'datetime',
				derive: 'incident-start',
				tokens: ['[Time]#1'],
			},
			{ name: 'resolved-at', label: 'Resolved at (Time)', type: 'datetime', tokens: ['[Time]#2'] },
		]);
	});

	it('stays one field, reported, where the places cannot be told apart', () => {
		const one = {
			name: 'timestamp',
			label: 'Timestamp',
			type: 'datetime',
			derive: 'now',
			tokens: ['[timestamp]'],
		};
		// In the subject too, `[timestamp]#1` would name a place in each.
		expect(fields('hourly-update')).toContainEqual(one);
		expect(fields('timeline-entry')).toContainEqual(one);
	});

	it('fills each place with its own value', () => {
		const template = importFixture('templates-reused-blanks').imported.templates[0]!.data;
		const filled = segmentsToText(
			fillTemplate(template.body, template.fields!, {
				'incident-start': '09:12 UTC',
				'next-update': '10:00 UTC',
			})
		);
		expect(filled).toContain('Started: 09:12 UTC\n');
		expect(filled).toContain('Next update: 10:00 UTC');
	});

	it('gives a blank with no name a field at each place, so one value never fills two', () => {
		const [notice] = templates(`## Status messages
### Repair under way
We are repairing a fault in (...) which also slows (...). Next check: ___ and ___.
`);
		expect(notice!.data.fields).toEqual([
			{ name: 'blank-1', label: 'Blank 1', type: 'text', tokens: ['(...)#1'] },
			{ name: 'blank-2', label: 'Blank 2', type: 'text', tokens: ['(...)#2'] },
			{ name: 'next-check', label: 'Next check (Blank)', type: 'text', tokens: ['___#1'] },
			{ name: 'blank-3', label: 'Blank 3', type: 'text', tokens: ['___#2'] },
		]);
		const filled = segmentsToText(
			fillTemplate(notice!.data.body, notice!.data.fields!, {
				'blank-1': 'search',
				'blank-2': 'checkout',
			})
		);
		expect(filled).toContain('a fault in search which also slows checkout.');
	});

	it('fills in the time of writing only where the line asks for it, never for a later time', () => {
		const [notice] = templates(`## Notifications
### Embargo notice
Sent to: $LIST on $DATE at $TIME

**Public disclosure date: $DISCLOSED $WHEN $ZONE**
`);
		const fields = notice!.data.fields!;
		expect(fields.find((f) => f.name === 'date')).toMatchObject({ derive: 'date' });
		expect(fields.find((f) => f.name === 'time')).toMatchObject({ derive: 'now' });
		const [later] = templates(`## Notifications
### Embargo notice
Sent to: $LIST

**Public disclosure date: $DATE $TIME $TIMEZONE**
`);
		const laterFields = later!.data.fields!;
		expect(laterFields.map((f) => f.name)).toEqual(['list', 'date', 'time', 'timezone']);
		expect(laterFields.filter((f) => f.derive)).toEqual([]);
	});

	it('takes a file to save a message as from the text above it, never from a site generator tag', () => {
		const [saved] = templates(`## Record
Save the record as incidents/YYYY-MM-DD-summary.md:

\`\`\`markdown
# Incident [title]
\`\`\`
`);
		expect(saved?.data.file).toBe('incidents/YYYY-MM-DD-summary.md');
		const linked = importFixture('templates-lead-in').imported.templates;
		expect(linked.map((template) => template.data.file)).toEqual([undefined, undefined]);
	});

	it('titles a message in a step by its own first line, and leaves a message that starts at once', () => {
		expect(ownTitle('# Shift Handover - [DATE]\n\n## Open problems\n- [Problem]')).toBe(
			'Shift Handover'
		);
		expect(ownTitle('🔁 Shift handed over\nNow on call: @[name]\nBackup: @[backup]')).toBe(
			'Shift handed over'
		);
		expect(ownTitle('@here SEV2 search is stale since [time]\nNext update soon\nThanks')).toBe(
			undefined
		);
		expect(ownTitle('Hi team,\nThe site is down.\nMore soon.')).toBe(undefined);
	});
});

describe('a template kept as Markdown', () => {
	it('keeps the escapes of its source, so `\\*` is no emphasis and `\\<img …\\>` no markup', () => {
		const [form, notice] = importFixture('templates-escaped-markdown').imported.templates;
		expect(form!.data.format).toBe('markdown');
		expect(form!.data.body).toContain('without \\*blame\\* or guesses');
		expect(form!.data.body).toContain('\\<img src=x onerror=alert(document.cookie)\\>');
		const { types } = parseMarkdown(form!.data.body);
		expect(types.has('html')).toBe(false);
		expect(types.has('emphasis')).toBe(false);
		// A plain message is read as its reader gets it: the escapes undone, the brackets blanks.
		expect(notice!.data.format).toBe('plain');
		expect(notice!.data.body).toContain('on [Product] for some of your users, and *only* those');
	});
});

describe('messages under `For:` headings', () => {
	const templates = importFixture('templates-for-headings').imported.templates.map((t) => t.data);
	const byTitle = (title: string) => templates.find((t) => t.title === title)!;

	it('keeps the `For:` line as the audience, or as when when it names no reader', () => {
		expect(byTitle('Sync Paused').audience).toBe('Mastodon, Matrix announcement');
		expect(byTitle('Service Restored').when).toBe('Closing an incident');
		expect(byTitle('Service Restored').audience).toBeUndefined();
	});

	it('reads a blank wrapped at the end of a quoted line as one blank', () => {
		expect(byTitle('App Listing Removed').body).toContain('named [app name] until');
	});
});

describe('an email fenced as Markdown but written as text', () => {
	const [escalation, followUp, customer] =
		importFixture('templates-text-emails').imported.templates;

	it('takes `# Subject:` as the subject and keeps an underlined body as written', () => {
		expect(escalation!.data.subject).toBe('Payments incident escalation');
		expect(escalation!.data.format).toBe('plain');
		expect(escalation!.data.body).toMatch(/^Impact Summary\n-{14}\n/);
		expect(followUp!.data.format).toBe('plain');
	});

	it('keeps an email that uses Markdown as Markdown', () => {
		expect(customer!.data.subject).toBe('[Service] is degraded');
		expect(customer!.data.format).toBe('markdown');
	});
});

describe('a message outlined as its parts', () => {
	it('keeps blanks as written and a part’s hint or note as the field’s help', () => {
		const templates = importFixture('templates-outlines').imported.templates;
		const report = templates.find((t) => t.data.title === 'Service Disruption report');
		const notice = templates.find((t) => t.data.title === 'Customer notice');
		expect(report!.data.body).toContain(
			'Customer Segment (retail/wholesale/marketplace): [Customer Segment]'
		);
		expect(report!.data.fields!.find((f) => f.name === 'customer-segment')!.help).toBe(
			'retail/wholesale/marketplace'
		);
		expect(notice!.data.body).toMatch(
			/^Headline: \{Product\} \{release with the fix\} \{short description\}\nWhat happened: \[What happened\]/
		);
		expect(notice!.data.fields!.find((f) => f.name === 'what-happened')!.help).toBe(
			'one paragraph for customers'
		);
	});
});

describe('a line that is only a prompt in angle brackets', () => {
	it('is one blank however long, and a tag is none', () => {
		expect(
			blankTokens('Hello,\n\n<Say what broke, for whom, and since when. Be specific!>\n\nThanks')
		).toEqual(['<Say what broke, for whom, and since when. Be specific!>']);
		expect(blankTokens('<div class="note">\n<details>\n</details>\n</div>')).toEqual([]);
		expect(
			blankTokens('We saw <Say what broke, for whom, and since when. Be specific!> today')
		).toEqual([]);
	});
});

describe('blanks written in capitals in angle brackets', () => {
	it('fills each blank, a forgotten `>` included, and leaves a leading tag as written', () => {
		const [template] = templates(`## Message templates
### Outage opener
\`\`\`text
Title/Subject: [OUTAGE][<REGION/<APP>] - <ONE LINE SUMMARY>

We are looking into <APP> in <REGION>.

Who is affected: <Say which customers
are hit>

<Optional: what may linger
\`\`\`
`);
		const { subject, body, fields } = template!.data;
		expect(subject).toBe('[OUTAGE][<REGION/<APP>] - <ONE LINE SUMMARY>');
		expect(fields!.map((f) => [f.name, f.tokens])).toEqual([
			['region', ['<REGION', '<REGION>']],
			['app', ['<APP>']],
			['one-line-summary', ['<ONE LINE SUMMARY>']],
			['say-which-customers-are-hit', ['<Say which customers\nare hit>']],
			['optional-what-may-linger', ['<Optional: what may linger']],
		]);
		const values = {
			region: 'eu-west',
			app: 'Billing',
			'one-line-summary': 'Invoices fail',
			'say-which-customers-are-hit': 'All EU customers',
			'optional-what-may-linger': '',
		};
		expect(segmentsToText(fillTemplate(subject!, fields!, values))).toBe(
			'[OUTAGE][eu-west/Billing] - Invoices fail'
		);
		expect(segmentsToText(fillTemplate(body, fields!, values))).toContain(
			'Who is affected: All EU customers'
		);
	});

	it('keeps a bracketed word a blank when the text writes its blanks that way', () => {
		expect(blankTokens('Subject: [Service] is slow since [time]')).toEqual(['[Service]', '[time]']);
		expect(blankTokens('Subject: [ops-news] <APP> is slow')).toEqual(['<APP>']);
	});

	it('does not derive a planned time from the clock or the incident', () => {
		const [template] = templates(`## Message templates
### Maintenance email
\`\`\`text
Subject: Maintenance on <DATE>

We will upgrade <APP> on <DATE>. We expect to start around <START_TIME>.
\`\`\`
`);
		expect(template!.data.fields!.map((f) => [f.name, f.derive])).toEqual([
			['date', undefined],
			['app', undefined],
			['start-time', undefined],
		]);
	});

	it('makes a labelled date-and-time format a time field, derived from its label', () => {
		const [record] = templates(`## Incident record template
\`\`\`markdown
**Opened:** YYYY-MM-DD HH:MM UTC
**Cause:** [What broke]
**Resolved:** YYYY-MM-DD HH:MM UTC
\`\`\`
`);
		expect(record!.data.fields!.map((f) => [f.name, f.type, f.derive, f.tokens])).toEqual([
			['opened', 'datetime', undefined, ['YYYY-MM-DD HH:MM UTC#1']],
			['what-broke', 'text', undefined, ['[What broke]']],
			['resolved', 'datetime', 'incident-end', ['YYYY-MM-DD HH:MM UTC#2']],
		]);
		// Written again without a label (a timeline's stamps), the format stays text.
		const [log] = templates(`## Incident log template
\`\`\`
Started: YYYY-MM-DD HH:MM UTC
YYYY-MM-DD HH:MM UTC  first alert [name]
\`\`\`
`);
		expect(log!.data.fields!.map((f) => f.name)).toEqual(['name']);
	});

	it('makes a bracketed date-and-time format a time blank, the time of writing only where its line says so', () => {
		const [update] = templates(`## Status update template
\`\`\`
Time: [YYYY-MM-DD HH:MM]
Status: [status]
Next update: [HH:MM UTC]
\`\`\`
`);
		expect(update!.data.fields!.map((f) => [f.name, f.type, f.derive])).toEqual([
			['yyyy-mm-dd-hh-mm', 'datetime', 'now'],
			['status', 'text', undefined],
			// After `Next update:`, the time is the next update's (from the update clock), never now.
			['hh-mm-utc', 'datetime', 'next-update'],
		]);
		// One field for a log's times (`- [HH:MM] - …` on each line) fills none from the clock.
		const [log] = templates(`## Log template
\`\`\`
- [HH:MM] - [what happened]
- [HH:MM] - [what happened next]
\`\`\`
`);
		expect(log!.data.fields![0]).toMatchObject({ name: 'hh-mm', type: 'datetime' });
		expect(log!.data.fields![0]!.derive).toBeUndefined();
	});
});

describe('values a message writes in that the incident decides', () => {
	const byTitle = (name: string, title: string) =>
		importFixture(name).imported.templates.find((t) => t.data.title === title)!.data;

	it('makes a status, the next update and a number left as a letter fields', () => {
		const outage = byTitle('templates-value-blanks', 'Outage notice');
		expect(outage.fields).toEqual([
			{ name: 'affected', label: 'Affected (share of checkouts)', type: 'text', tokens: ['~X%'] },
			{
				name: 'status',
				label: 'Status',
				type: 'status',
				derive: 'status',
				tokens: ['Investigating'],
			},
			{
				name: 'next-update',
				label: 'Next update (the source writes "30 minutes")',
				type: 'text',
				derive: 'next-update',
				tokens: ['30 minutes'],
			},
		]);
		const recovery = byTitle('templates-value-blanks', 'Recovery notice');
		expect(recovery.fields!.map((f) => [f.tokens[0], f.derive])).toEqual([
			['Monitoring', 'status'],
			['XX:XX UTC', 'next-update'],
			['N minutes', undefined],
		]);
	});

	it('reads a choice of statuses as one status field and a duration as the incident’s', () => {
		const slow = byTitle('templates-value-blanks-other', 'Slow search');
		expect(slow.fields!.map((f) => [f.name, f.type, f.tokens[0]])).toEqual([
			['share-of-people', 'text', 'XX%'],
			['status', 'status', 'Identified / Monitoring / Resolved'],
			['next-update', 'text', 'within 20 min'],
			['expected-wait', 'text', 'X hours Y minutes'],
		]);
		const record = byTitle('templates-value-blanks-other', 'Wrap-up record');
		// `[Duration]` and `X hours Y minutes` are the same length of the incident: one field.
		expect(record.fields!.find((f) => f.derive === 'duration')!.tokens).toEqual([
			'[Duration]',
			'X hours Y minutes',
		]);
	});

	it('leaves a status that is no incident status, a next update in words and X-ray as text', () => {
		expect(byTitle('templates-value-blanks-near', 'Weekly digest').fields).toEqual([]);
	});

	it('keeps the `Resolved` a resolution notice announces as written', () => {
		expect(valueFields('The fault is fixed.\nStatus: Resolved\n', '', [])).toEqual([]);
		expect(valueFields('Status: Monitoring\n', '', []).map((f) => f.derive)).toEqual(['status']);
	});

	it('fills the unfilled status and next update with visible blanks, never the example', () => {
		const outage = byTitle('templates-value-blanks', 'Outage notice');
		const text = segmentsToText(fillTemplate(outage.body, outage.fields!, {}));
		expect(text).toContain('Status: [Status]');
		expect(text).toContain('Next update: [Next update]');
		expect(text).toContain('roughly ~X% of checkouts');
	});

	it('takes the two ends of an `X to Y` range as blanks, each at its own place', () => {
		const swap = byTitle('templates-example-quotes', 'Ask someone to swap');
		expect(swap.fields!.filter((f) => f.name.startsWith('range'))).toEqual([
			{ name: 'range-start', label: 'Start of the range (X)', type: 'text', tokens: ['X#1'] },
			{ name: 'range-end', label: 'End of the range (Y)', type: 'text', tokens: ['Y#2'] },
		]);
		const text = segmentsToText(
			fillTemplate(swap.body, swap.fields!, { 'range-start': '3 May', 'range-end': '10 May' })
		);
		// `Your` holds the first capital Y: only the letter that ends the range is the blank.
		expect(text).toContain('Your shift would then run from 3 May to 10 May.');
	});
});

describe('a text escaped twice in Markdown', () => {
	it('reads `\\\\\\[region\\\\\\]` as the blank `[region]` in subject and body', () => {
		const [degraded] = importFixture('templates-double-escaped').imported.templates;
		expect(degraded!.data.subject).toBe('Slow dashboards in [region]');
		expect(degraded!.data.body).toContain('Dashboards in [region] are loading slowly.');
		expect(degraded!.data.fields!.find((f) => f.name === 'region')).toEqual({
			name: 'region',
			label: 'Region',
			type: 'text',
			tokens: ['[region]'],
		});
	});
});
