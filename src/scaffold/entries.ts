/**
 * Text of a new entry for each kind, with every required field present and short comments saying
 * what to fill. Values an author must still write are `[bracketed]` blanks, so `npm run validate`
 * lists each one as a `blank` warning with its file and field until it is filled.
 */

export const KINDS = [
	'playbook',
	'severity',
	'scenario',
	'template',
	'escalation',
	'checklist',
	'page',
] as const;
export type Kind = (typeof KINDS)[number];

/** What the new entry needs to know about its playbook. */
export interface ScaffoldInput {
	kind: Kind;
	playbook: string;
	title: string;
	/** File name without extension (for a severity: the level, lower-cased). */
	slug: string;
	/** Severity level id (`P2`, `SEV-3`); severities only. */
	level?: string;
	/** Today, YYYY-MM-DD: a new entry counts as just reviewed. */
	today: string;
	/** The playbook's existing severity ids, most severe first, and the next free rank. */
	severities: string[];
	nextRank: number;
	/** Existing template and escalation ids, named in comments so authors can copy them. */
	templates: string[];
	escalations: string[];
}

/** Where each kind lives under the content root. */
export function entryPath(kind: Kind, playbook: string, slug: string): string {
	const folder: Record<Kind, string> = {
		playbook: '',
		severity: 'severities/',
		scenario: 'scenarios/',
		template: 'templates/',
		escalation: 'escalation/',
		checklist: 'checklists/',
		page: 'pages/',
	};
	if (kind === 'playbook') return `${playbook}/playbook.yaml`;
	return `${playbook}/${folder[kind]}${slug}.${kind === 'scenario' || kind === 'page' ? 'mdx' : 'yaml'}`;
}

/** A YAML string scalar; JSON's double-quoted strings are valid YAML. */
const q = (text: string) => JSON.stringify(text);

/** `one of a, b` for comments, or a hint when there is nothing yet. */
const oneOf = (ids: string[], create: string) =>
	ids.length ? `one of ${ids.join(', ')}` : `none yet: ${create}`;

export function entryText(input: ScaffoldInput): string {
	const { playbook, title, today } = input;
	switch (input.kind) {
		case 'playbook':
			return `# The ${title} playbook. Every field is described in src/schemas/playbook.ts.
name: ${q(title)}
# One or two sentences: what this playbook covers and when a responder opens it.
summary: "[What this playbook covers and when to use it]"
# The team or person who keeps this playbook true; shown on every page.
owner: "[Owning team]"
# When someone last checked it against reality, and how often to check again
# (weekly, monthly, quarterly, yearly). \`nextReview: YYYY-MM-DD\` sets the date directly.
lastReviewed: ${today}
reviewCycle: monthly
# The severity scale in your team's words, e.g. P0–P3. Add levels with
# \`npm run new -- severity --playbook ${playbook} --level P0 --title Critical\`.
# severityScale: P0–P3
# Dashboards, health checks, status pages and logs, in the order a responder needs them:
#   - label: Production dashboard
#     url: https://grafana.example.com/d/production
#     kind: dashboard
links: []
`;
		case 'severity':
			return `# Severity ${input.level} of ${playbook}. Every field is described in src/schemas/severity.ts.
# The id responders say out loud.
level: ${q(input.level!)}
# Place on the ladder: 0 is the most severe; each rank once per playbook.
rank: ${input.nextRank}
# Short name, e.g. Critical, High.
name: ${q(title)}
# What makes an incident this severe, one line each.
definition:
  - "[What makes an incident this severe]"
# Who and what is hurt at this level.
impact:
  - "[Who is affected, and how badly]"
# Targets as durations: "15 minutes", "1h", "1 business day", "Immediate", "Best effort".
targets: {}
#   acknowledge: 15 minutes
#   response: 30 minutes
#   update: 30 minutes
#   resolution: 4 hours
# Who gets pulled in, and when.
escalation:
  - "[Who is paged at this level]"
`;
		case 'scenario':
			return `---
# A scenario of ${playbook}. Frontmatter fields are described in src/schemas/scenario.ts;
# the steps go in the Markdown body below the closing ---.
title: ${q(title)}
# One line that tells a responder whether this is their incident.
summary: "[How a responder knows this is their incident]"
# Typical severity, ${oneOf(input.severities, `add one with \`npm run new -- severity\``)}.
# severity: ${input.severities[0] ?? `${playbook}/p1`}
# What responders and users see; search matches these first.
symptoms:
  - "[What a responder or user sees]"
# Alert names that page for this scenario, without spaces: [HighErrorRate].
alerts: []
# Likely causes, most common first.
causes:
  - "[Most common cause]"
# Templates to send, ${oneOf(input.templates, `add one with \`npm run new -- template\``)}.
templates: []
# Escalation path, ${oneOf(input.escalations, `add one with \`npm run new -- escalation\``)}.
# escalation: ${input.escalations[0] ?? `${playbook}/escalation-policy`}
# Who keeps this scenario true, if not the playbook's owner.
# owner: "[Owning team]"
# When these steps were last checked; the playbook's review cycle applies unless you set one.
lastReviewed: ${today}
---

## Investigation

1. [First thing to check, with the command or dashboard]

## Mitigation

1. [What stops the damage]

## Recovery

- [ ] [How to confirm the service is healthy again]
`;
		case 'template':
			return `# A message template of ${playbook}. Every field is described in src/schemas/template.ts.
title: ${q(title)}
# One of: internal, external, status-page, incident-record, post-mortem, handoff, timeline, message.
kind: internal
# Where it goes: slack, email, status-page, file, chat.
channels: [slack]
# When to send it, as the playbook says ("within 15 min", "every 30 min").
# when: within 15 minutes
# The message. Write each blank exactly as a responder sees it, then declare it under \`fields\`.
body: |
  Incident update: [Service]
  Impact: [Brief description]
  Next update: [Time]
# One field per blank: \`tokens\` are the exact blanks in the body that the field fills.
# \`derive\` fills a field from the active incident (now, incident-id, severity, next-update, …).
fields:
  - name: service
    label: Affected service
    tokens: ["[Service]"]
  - name: impact
    label: Impact
    type: multiline
    tokens: ["[Brief description]"]
  - name: next-update
    label: Next update
    derive: next-update
    tokens: ["[Time]"]
`;
		case 'escalation':
			return `# An escalation path of ${playbook}. Every field is described in src/schemas/escalation.ts.
title: ${q(title)}
# levels: L1, L2… with authority; time: engaged by elapsed time; severity: one row per severity.
style: levels
# When this path applies.
summary: "[When to follow this path]"
levels:
  - id: L1
    # Who is engaged: a role or a person.
    who: "[First responder, e.g. the on-call engineer]"
    # Time since the incident started when this level is engaged ("Immediate", "30 minutes").
    after: Immediate
    responsibilities:
      - "[What this level does]"
    # Conditions that send the incident to the next level.
    escalateIf:
      - "[When to escalate to L2]"
  - id: L2
    who: "[Next level, e.g. the engineering lead]"
    after: 30 minutes
    responsibilities:
      - "[What this level does]"
`;
		case 'checklist':
			return `# A checklist of ${playbook}. Every field is described in src/schemas/checklist.ts.
title: ${q(title)}
# When to run it ("During active incidents", "First 5 minutes").
when: "[When to run this checklist]"
# Where it sits in the sidebar: process, post-incident or reference.
section: process
groups:
  - title: "[Group of steps]"
    # One step to tick per line; give a step \`id:\` to keep its tick when you reword it.
    items:
      - "[First step to tick]"
      - "[Second step to tick]"
`;
		case 'page':
			return `---
# A prose page of ${playbook}. Fields are described in src/schemas/page.ts.
title: ${q(title)}
# One line shown under the title and in search results.
description: "[What this page is for]"
# Where it sits in the sidebar: overview, process, communication, escalation, post-incident, reference.
section: reference
---

[Write the page in Markdown.]
`;
	}
}
