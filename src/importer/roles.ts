import { escapeRegExp } from '../lib/escape.ts';
import type { RoleSchema } from '../schemas/index.ts';
import type { z } from 'astro/zod';
import type { ListItem, Paragraph, RootContent } from 'mdast';
import {
	allSections,
	claim,
	endOf,
	inlineText,
	isClaimed,
	itemSource,
	labelLine,
	listItemsOf,
	partsOf,
	slugify,
	sourceOf,
	startOf,
	stripEmoji,
	uniqueSlug,
	withoutSectionNumber,
	type Part,
	type Section,
} from './markdown.ts';
import {
	fromOffset,
	fromSection,
	hrefOf,
	itemLines,
	lineAt,
	takenIn,
	type Context,
	type SourceRef,
} from './model.ts';

/** Where roles are shown: the escalation page's Roles section. */
const rolesHref = (context: Context): string => `${hrefOf(context, 'escalation', '')}#roles`;
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';

/**
 * Roles: the sub-sections of an "Incident Roles" heading, each with Responsibilities, Authority,
 * Tools, and DO / DON'T lists (as lists, or as a fenced block of `✅ DO:` / `❌ DON'T:` lines).
 */

type RoleInput = z.input<ReturnType<typeof RoleSchema>>;

const ROLES_PARENT = /\broles?\b|responders|who does what|on-?call responsibilities/i;

/** Words that name a person's function: a heading without one needs a duties label to be a role. */
const ROLE_NOUN =
	/\b(commander|lead|leader|manager|engineer|liaison|scribe|expert|messenger|owner|responder|officer|on-?call|coordinator|operator|deputy|communications?|comms|communicator|reporter|facilitator|spokesperson|investigator|note-?taker|analyst|support|participants?|handler|director|executive|specialist|representative|primary|secondary|administrator|supervisor|captain|chief|head|member|colleague|helper|assistant|counsel|writer|controller|observer|sme|ic)s?\b/i;

/** Headings of a role's own fields, never roles themselves. */
const ROLE_FIELD =
	/^(description|duties|responsibilities|training|prerequisites|overview|summary|what is it\??|why have one\??|who are they\??|how can i become one\??)$/i;

/**
 * `Role: Incident Commander (IC)`, `3.1 Incident Commander (IC)` → `Incident Commander (IC)`;
 * `The Incident Commander` → `Incident Commander` (the article only before a name or a function).
 */
function roleName(title: string): string {
	const name = forWhom(
		withoutSectionNumber(title)
			.replace(/^role\s*[:–—-]\s*/i, '')
			.trim()
	);
	const bare = name.replace(/^the\s+/i, '');
	const named = bare !== name && (ROLE_NOUN.test(bare) || /^[A-Z]/.test(bare)) ? bare : name;
	// `The Incident Commander Role`, `Scribe role`: the word for a role after a function's name.
	const role = /^(.+?)\s+role$/i.exec(named)?.[1];
	return role && AGENT.test(role) ? role : named;
}

/** `Guide for the …`, `Handbook for …`: a heading naming whom a guide is for. */
const GUIDE_FOR =
	/^(?:(?:a|the|our)\s+)?(?:guide|handbook|manual|primer|playbook|runbook|instructions)\s+(?:for|to)\s+(?:the\s+|an?\s+)?(.+)$/i;

/**
 * `Guide for Infrastructure Team First Responder` → `First Responder`: whom a guide is for is its
 * subject, a person's function after the name of the team they serve. Other titles are unchanged.
 */
function forWhom(title: string): string {
	const whom = GUIDE_FOR.exec(title)?.[1];
	if (!whom || !AGENT.test(whom)) return title;
	return /^(?:[\w-]+\s+){1,3}?team\s+(.+)$/i.exec(whom)?.[1] ?? whom;
}

/**
 * `On-Call Manager (Optional for small teams)` → the name and its qualifier, kept as a note; an
 * abbreviation in parentheses (`Incident Commander (IC)`) is part of the name.
 */
function qualified(name: string): { name: string; qualifier?: string } {
	const match = /^(.+?)\s*\(([^)]+)\)$/.exec(name);
	if (!match || /^[A-Z][A-Za-z]{0,5}$/.test(match[2]!.trim())) return { name };
	return { name: match[1]!.trim(), qualifier: match[2]!.trim() };
}

/**
 * `Coordinator: The person in charge of the response` → the name before the colon and the duty
 * after it; `Backup Coordinator:` → the name alone. Undefined when the part before the colon names
 * no function.
 */
function describedTitle(title: string): { name: string; duty?: string } | undefined {
	const match = /^([^:]{2,50}?)\s*:\s*(.*)$/.exec(title);
	if (!match || !ROLE_NOUN.test(match[1]!) || !roleShaped(match[1]!)) return undefined;
	return { name: match[1]!, ...(match[2] ? { duty: match[2].replace(/\.$/, '') } : {}) };
}

/**
 * `Incident Commander responsibilities`, `Task Force members duties:` → the role whose duties the
 * heading lists; a phase (`… responsibilities during recovery`) keeps the heading, so it is refused
 * as one role's duties at that phase.
 */
function ownDutiesTitle(title: string): string {
	const match = /^(.+?)\s+(?:responsibilities|duties)\s*:?$/i.exec(title);
	return match && ROLE_NOUN.test(match[1]!) ? match[1]!.trim() : title;
}

/** A list item that is a way to reach someone (`Slack: @db-lead`, `Phone: …`), not a duty. */
const CONTACT_ITEM =
	/^(slack|page|pager(duty)?|phone|mobile|tel(ephone)?|e-?mail|sms|teams|contact|estimated response|response time|hours|availability|time ?zone|location)\b[^:]{0,20}:|@[\w-]+|\+?\d[\d ()-]{7,}\d/i;

/** A list item naming who holds a role or how to reach them (`Name: Dana Ruiz`, `Slack: @dana`). */
const HOLDER_ITEM = new RegExp(
	String.raw`^(?:(?:name|person|holder|primary|backup|deputy)\s*:|${CONTACT_ITEM.source})`,
	'i'
);

/** List items of every list in a section and its sub-sections, as lines. */
function subtreeItems(context: Context, section: Section): string[] {
	const items = section.nodes.flatMap((node) =>
		node.type === 'list' ? node.children.flatMap((item) => itemLines(context.doc, item)) : []
	);
	return [...items, ...section.children.flatMap((child) => subtreeItems(context, child))];
}

/**
 * `Pre-incident`, `During an incident`, `When your shift starts`, `At the end of the shift`: a phase
 * of the incident or of a shift, as a heading or a label over a list.
 */
const PHASE_HEADING =
	/^(?:(?:pre|post|during|before|after|while|throughout)\b[\w -]{0,30}|(?:when|once|as soon as|at the (?:start|end|beginning) of|(?:start|end|beginning) of)\b[\w -]{0,30}?\b(?:shift|incident|watch|week|rotation|hand-?over|hand-?off)s?\b[\w -]{0,15})$/i;

/** A phase and its list of duties: a sub-section that is only the list, or a label over it. */
interface Phase {
	title: string;
	items: ListItem[];
	part: Part;
}

/**
 * `### On-call Engineer` over `#### Pre-incident` / `#### During incident` / `#### Post incident`,
 * each only a list, or over `**Before an incident**` / `When your shift ends:` labels each over a
 * list: a role's duties split by phase. Returns the phases (two or more), or undefined.
 */
function phaseLists(section: Section, parts: Part[]): Phase[] | undefined {
	const phases = section.children;
	const headed =
		phases.length >= 2 &&
		section.nodes.every((node) => node.type === 'paragraph') &&
		phases.every(
			(child) =>
				PHASE_HEADING.test(withoutSectionNumber(child.title)) &&
				!child.children.length &&
				listItemsOf(child.nodes) !== undefined
		);
	if (headed)
		return parts.flatMap((part) =>
			part.section && phases.includes(part.section)
				? [{ title: part.section.title, items: listItemsOf(part.section.nodes)!, part }]
				: []
		);
	// A label's list is the first thing after it; what follows the list stays in the page.
	const labelled = parts.flatMap((part) => {
		const [list] = part.nodes;
		if (part.section || part.value || !PHASE_HEADING.test(part.label) || list?.type !== 'list')
			return [];
		const items = listItemsOf([list]);
		return items ? [{ title: part.label, items, part: { ...part, end: endOf(list) } }] : [];
	});
	return labelled.length >= 2 ? labelled : undefined;
}

/**
 * `On-call rotation`, `Support rota`: a heading over a rota whose labels say what whoever is on
 * shift does at each phase names that person's function in the words before `rotation`.
 */
const ROTA_HEADING = /^(.+?)\s+(?:rotation|rota|shifts?)$/i;

/** A role's sub-section of duties: `Responsibilities`, `Key duties`, `What are the responsibilities?`. */
const DUTIES_FIELD =
	/^(?:(?:key|main|core|primary|specific|general|daily|weekly|other|additional) )?(?:responsibilities|duties)$|^what are (?:the|its|their|my) (?:responsibilities|duties)\??$/i;

/** `## Deputy` over `### What are the responsibilities?`: a function's heading over its own duties. */
const ownDuties = (section: Section, name: string): boolean =>
	AGENT.test(name.replace(/\s*\([^)]*\)$/, '')) &&
	roleShaped(name) &&
	!GROUP.test(name) &&
	section.children.some((child) => DUTIES_FIELD.test(withoutSectionNumber(child.title)));

/**
 * `Responsibilities`, `Duties:`: a label of the duties of the role `name`; `Lead duties during
 * recovery` under another heading are the Lead's.
 */
function ownDutiesLabel(label: string, name: string): boolean {
	const named = PHASE_DUTIES.exec(label)?.[1] ?? checklistRole(label);
	const bare = (text: string) => text.replace(/\s*\([^)]*\)$/, '').toLowerCase();
	// `Technical Lead Responsibilities` under `Incident Technical Lead` names it by its shorter form.
	const same = (a: string, b: string) => bare(a) === bare(b) || bare(a).endsWith(` ${bare(b)}`);
	return /responsib|duties/i.test(label) && !(named && AGENT.test(named) && !same(name, named));
}

/**
 * `Primary Responsibilities`, `Responsibilities for Secondary Engineers`, `Scribe duties`: a duties
 * label that names whose duties they are.
 */
function namesSomeone(label: string): boolean {
	const before = /^(.+?)\s+(?:responsibilities|duties)\s*:?$/i.exec(label)?.[1];
	const after = /^(?:responsibilities|duties)\s+(?:of|for)\s+(.+?)\s*:?$/i.exec(label)?.[1];
	return [before, after].some((words) => !!words && ROLE_NOUN.test(words));
}

/** `Responsibilities`, `Team Duties`: a heading whose sub-sections may each be a role. */
const DUTIES_PARENT = /^((?:[\w-]+ ){0,2}?)(?:responsibilities|duties)$/i;
/** `Incident team`, `The response team`: a heading whose sub-sections may each be a member's role. */
const TEAM_PARENT = /^(?:the |our )?(?:(?:major )?incident|response|on-?call|emergency) team$/i;

/**
 * `## Team Structure` over `### Incident Commander` and `### Operations Lead`: whatever the heading
 * says, two or more sub-sections that are all named after a person's function, each with a list or
 * a sentence saying what that person does, are that many roles. A heading about people to contact
 * (`Contacts` › `Security Officer`) is not.
 */
function functionsParent(context: Context, parent: Section): boolean {
	if (parent.children.length < 2 || CONTACT_CONTEXT.test(parent.title)) return false;
	return parent.children.every((child) => {
		const name = qualified(roleName(child.title)).name;
		if (!AGENT.test(name) || !roleShaped(name) || GROUP.test(name)) return false;
		if (child.nodes.some((node) => node.type === 'list')) return true;
		const paragraphs = child.nodes.flatMap((node) =>
			node.type === 'paragraph' ? [inlineText(sourceOf(context.doc, node))] : []
		);
		return proseDuties(paragraphs, name, shortOf(name)).responsibilities.length > 0;
	});
}

/**
 * A paragraph ending `… is responsible for:`, `Duties:` or `Responders do the following:`
 * introduces the list after it.
 */
const DUTIES_LEAD =
	/\b(responsible for|responsibilities|duties|expected to|(do|does|perform|performs|handle|handles|take on|takes on) the following)\s*:$/i;

/** `In charge of coordinating comms …:`, `Responsible for …:`: a charge opening a role's list. */
const CHARGE_LEAD = /^(?:responsible for|in charge of|accountable for|tasked with)\b[^.!?]*:$/i;

/** `✅ DO:` … `❌ DON'T:` lines of a fenced block; undefined when the block is something else. */
export function parseDoDont(value: string): { do: string[]; dont: string[] } | undefined {
	const lists = { do: [] as string[], dont: [] as string[] };
	let current: string[] | undefined;
	for (const raw of value.split('\n')) {
		const line = raw.replace(/[\p{Extended_Pictographic}\uFE0F]/gu, '').trim();
		if (!line) continue;
		if (/^do:?$/i.test(line)) current = lists.do;
		else if (/^don'?t:?$/i.test(line)) current = lists.dont;
		else if (current && /^[-*]\s+/.test(line)) current.push(line.replace(/^[-*]\s+/, ''));
		else return undefined;
	}
	return lists.do.length || lists.dont.length ? lists : undefined;
}

function lines(context: Context, part: Part): string[] | undefined {
	const items = part.nodes.length ? listItemsOf(part.nodes) : [];
	if (!items) return undefined;
	return [
		...(part.value ? [inlineText(part.value)] : []),
		...items.flatMap((item) => itemLines(context.doc, item)),
	];
}

/** Puts `label`'s lines into the matching role field; false when the label is not one. */
function applyList(role: RoleInput, label: string, list: string[]): boolean {
	const l = label.toLowerCase();
	if (/responsib|duties/.test(l)) role.responsibilities = list;
	else if (/authority/.test(l)) role.authority = list;
	else if (/^tools?$/.test(l)) role.tools = list;
	else if (/^do$/.test(l)) role.do = list;
	else if (/^don'?t$/.test(l)) role.dont = list;
	else return false;
	return true;
}

/**
 * On-call rotations: `**Primary On-Call:** Ada` over a list whose items are `**Responsibilities:**`
 * (or Authority, Tools) with the duties nested under them.
 */
export function recogniseRoleLists(context: Context): void {
	const taken = takenIn(context, 'roles');
	for (const section of allSections(context.doc.outline)) {
		if (
			!/on-?call|rotation|\broles?\b|responders/i.test(
				`${section.title} ${section.parent?.title ?? ''}`
			)
		)
			continue;
		for (const part of partsOf(context.doc, section)) {
			if (
				!part.label ||
				!part.value ||
				part.section ||
				part.nodes.length !== 1 ||
				part.nodes[0]!.type !== 'list'
			)
				continue;
			if (isClaimed(context.doc, part.start, part.end)) continue;
			const role: RoleInput = {
				name: part.label,
				summary: inlineText(part.value),
				order: (context.out.roles.length + 1) * 10,
			};
			const ok = part.nodes[0]!.children.every((item) => {
				const label = labelLine(itemSource(context.doc, item));
				const nested = item.children[1];
				if (!label || label.value || item.children.length !== 2 || nested?.type !== 'list')
					return false;
				return applyList(
					role,
					label.label,
					nested.children.flatMap((sub) => itemLines(context.doc, sub))
				);
			});
			if (!ok) continue;
			context.out.roles.push({
				slug: uniqueSlug(slugify(part.label), taken),
				data: role,
				from: fromOffset(context.doc, part.label, part.start),
			});
			claim(context.doc, part.start, part.end, rolesHref(context));
		}
	}
}

/** Where a "check these" item points: its section's heading and that section's lines, or one node's. */
function sectionCheck(section: Section, node?: RootContent) {
	return {
		kind: 'role' as const,
		heading: section.title,
		start: node ? startOf(node) : section.start,
		end: node ? endOf(node) : section.end,
	};
}

export function recogniseRoles(context: Context): void {
	const taken = takenIn(context, 'roles');
	const typed = new Set<Section>();
	// Sections that are not one role's (`Role: All Participants`): their Duties are no roles either.
	const refused = new Set<Section>();
	const prose: Section[] = [];
	for (const parent of [context.doc.outline, ...allSections(context.doc.outline)]) {
		// A role's own sub-sections (Description, Duties) are not roles.
		const duties = ROLES_PARENT.test(parent.title)
			? null
			: DUTIES_PARENT.exec(withoutSectionNumber(parent.title));
		// `Incident Lead` › `Responsibilities` is one role's field, and `Scribe Duties` one role's.
		const fieldOfRole =
			duties &&
			((parent.parent && (typed.has(parent.parent) || refused.has(parent.parent))) ||
				AGENT.test(duties[1] ?? ''));
		const team =
			TEAM_PARENT.test(withoutSectionNumber(parent.title)) || functionsParent(context, parent);
		const rolesParent = ROLES_PARENT.test(parent.title) || (duties && !fieldOfRole) || team;
		if (typed.has(parent)) continue;
		for (const section of parent.children) {
			if (isClaimed(context.doc, section.start, section.end)) continue;
			const title = ownDutiesTitle(roleName(section.title));
			const described = describedTitle(title);
			// Elsewhere, `On-call rotation` over `When your shift starts:` and its list (and the
			// other phases of a shift) is the on-call's role, named without the word for the rota.
			const rota = rolesParent ? undefined : ROTA_HEADING.exec(title)?.[1];
			const rotaPhases =
				rota && ROLE_NOUN.test(rota) && roleShaped(rota)
					? phaseLists(section, partsOf(context.doc, section))
					: undefined;
			const { name, qualifier } = qualified(rotaPhases ? rota! : (described?.name ?? title));
			if (ROLE_FIELD.test(name) || ROLES_PARENT.test(name)) continue;
			// Elsewhere, a heading named after a person's function over its own `What are the
			// responsibilities?` (or `Duties`) sub-section is a role.
			if (!rolesParent && !rotaPhases && !ownDuties(section, name)) continue;
			// `Role: All Participants` is everyone; `Lead duties during recovery` one role at a phase.
			// `IC Handoff`, `Scribe Rotation` under `Role Handoff Procedures`: about a role, not one.
			const unshaped =
				notOneRole(name) ??
				between(section) ??
				afterPreposition(name) ??
				(aboutARole(name)
					? 'its heading is about a role (its hand-off, training, rotation …), not the name of one'
					: undefined);
			if (unshaped) {
				refused.add(section);
				context.check.push({ ...sectionCheck(section), reason: unshaped });
				continue;
			}
			// A second `Technical Lead` under another group's roles heading is that group's post; one
			// name typed twice would merge two people's duties.
			if (knownRole(context, name)) {
				context.check.push({
					...sectionCheck(section),
					reason:
						'a role of this name is typed already from an earlier section, so this one is left as it is',
				});
				continue;
			}
			// Under a heading of responsibilities or of a team, only sub-sections named after a
			// person's function are roles (`On Call Responder`, not `Communication` or `Tooling`).
			if ((duties || team) && !AGENT.test(name.replace(/\s*\([^)]*\)$/, ''))) continue;
			const parts = partsOf(context.doc, section);
			// Under a roles heading, a sub-section that is only a bullet list is a role and its duties
			// when its heading names a function ("Scribe", "Primary On-Call Engineer"). An optional
			// sentence before the list is the role's summary.
			const lead = parts.length === 1 && !parts[0]!.label ? parts[0]!.nodes : [];
			const intro = lead.length === 2 && lead[0]!.type === 'paragraph' ? lead[0] : undefined;
			const short = shortOf(name);
			const list = lead.length > 0 && listItemsOf(intro ? lead.slice(1) : lead) !== undefined;
			// A team's heading (`Response Team`) too, when its sentence says what its members do.
			const bare =
				list &&
				(ROLE_NOUN.test(name) ||
					short !== undefined ||
					(GROUP.test(name) && intro !== undefined && DUTIES_LEAD.test(toString(intro).trim())) ||
					// `Ops` over `In charge of coordinating comms:` and its list: the sentence says
					// it is someone's charge, so the heading names whoever holds it.
					(intro !== undefined &&
						!ABOUT_ROLES.test(name) &&
						CHARGE_LEAD.test(toString(intro).trim())));
			// `- Name: Dana Ruiz` / `- Slack: @dana`: the list says who holds the role, not what it does;
			// the heading's description (`Coordinator: The person in charge of …`) is then its duty.
			const holders =
				bare &&
				listItemsOf(intro ? lead.slice(1) : lead)!.every((item) =>
					HOLDER_ITEM.test(itemSource(context.doc, item))
				);
			if (holders && !described?.duty) {
				context.check.push({
					...sectionCheck(section),
					reason:
						'its list only says who holds it (name, contact), not what it does, so it is not typed as a role',
				});
				continue;
			}
			// Duties by phase need a heading that names a function, as a bare list does.
			const phases =
				!bare && (ROLE_NOUN.test(name) || short !== undefined)
					? phaseLists(section, parts)
					: undefined;
			// `Practice and Process` over `Primary Responsibilities` and `Responsibilities for
			// Secondary Engineers`: duties sections named after someone are that someone's, and a
			// heading that names no function is no role of theirs.
			const dutyLabels = parts.filter((part) => ownDutiesLabel(part.label, name));
			if (
				!bare &&
				!phases &&
				dutyLabels.length &&
				!ROLE_NOUN.test(name) &&
				short === undefined &&
				dutyLabels.some((part) => namesSomeone(part.label))
			) {
				context.check.push({
					...sectionCheck(section),
					reason: `its duties sections are named after someone (${dutyLabels
						.filter((part) => namesSomeone(part.label))
						.map((part) => `\`${part.label}\``)
						.join(', ')}), and its own heading names no role, so it is not typed`,
				});
				continue;
			}
			if (!bare && !phases && !dutyLabels.length) {
				// Without a list, the prose pass below decides once the other shapes have had their turn.
				if (!list) prose.push(section);
				// Stays verbatim; dropped from the report if another recogniser types it.
				else
					context.check.push({
						...sectionCheck(section),
						reason:
							'it sits under a roles heading with a list, but its heading names no role (lead, commander, engineer, scribe …), so the list is not read as duties',
					});
				continue;
			}
			typed.add(section);
			const role: RoleInput = {
				name,
				...(short ? { short } : {}),
				...(qualifier ? { notes: [qualifier] } : {}),
				order: (context.out.roles.length + 1) * 10,
			};
			const used: Part[] = [];
			// Whether the duties so far are the headings of duties sections, which may be several.
			let headed = false;
			const shaped = holders || bare || phases !== undefined;
			if (holders) role.responsibilities = [described!.duty!];
			else if (bare) {
				if (intro)
					role.summary = inlineText(
						context.doc.source.slice(intro.position!.start.offset!, intro.position!.end.offset!)
					);
				role.responsibilities = listItemsOf(intro ? lead.slice(1) : lead)!.flatMap((item) =>
					itemLines(context.doc, item)
				);
				used.push(parts[0]!);
			} else if (phases) {
				// Each duty keeps its phase, since the same duty may come at another phase.
				role.responsibilities = phases.flatMap((phase) =>
					phase.items.flatMap((item) =>
						itemLines(context.doc, item).map((line) => `${phase.title}: ${line}`)
					)
				);
				used.push(...phases.map((phase) => phase.part));
			}
			for (const part of parts) {
				// `### Duties` under the role: its lists are the duties; the text stays in the page
				// unless the sub-section is nothing but lists. `## Daily duties` over only `### Check
				// the queues` and `### Rotate the keys`: each heading names one duty, its text says how.
				// Several duties sections (`Specific …`, `General responsibilities`) add up.
				if (part.section && ownDutiesLabel(part.label, name) && !shaped) {
					// With a list of its own, its sub-sections' lists add to it (`Closing the call`).
					const own =
						part.section.children.length > 0 &&
						!subtreeItems(context, { ...part.section, children: [] }).length;
					const items = own
						? part.section.children.map((child) => withoutSectionNumber(child.title))
						: subtreeItems(context, part.section);
					headed ||= own;
					if (items.length) role.responsibilities = [...(role.responsibilities ?? []), ...items];
					if (part.section.children.length === 0 && listItemsOf(part.nodes)) used.push(part);
					continue;
				}
				if (!part.label || part.section) continue;
				const list = lines(context, part);
				const code =
					part.nodes.length === 1 && part.nodes[0]!.type === 'code'
						? parseDoDont(part.nodes[0]!.value)
						: undefined;
				const note =
					part.value && part.nodes.length === 0
						? `${part.label}: ${inlineText(part.value)}`
						: undefined;
				if (list && applyList(role, part.label, list)) used.push(part);
				else if (code || note) {
					// A DO/DON'T block keeps its label as a note; a `Label: value` line is the note.
					Object.assign(role, { notes: [...(role.notes ?? []), note ?? part.label] }, code ?? {});
					used.push(part);
				}
			}
			const slug = uniqueSlug(slugify(short ?? name), taken);
			context.out.roles.push({ slug, data: role, from: fromSection(context.doc, section) });
			if (rotaPhases)
				context.check.push({
					...sectionCheck(section),
					leftAs: `role ${context.playbook}/${slug}`,
					reason: `its lists say what whoever is on shift does at each phase: typed as the role \`${name}\`, named from its heading without the word for the rota, so check the name`,
				});
			// A guide for one role, its duties the headings of its duties sections.
			const guide = GUIDE_FOR.test(withoutSectionNumber(section.title));
			if (guide || headed)
				context.check.push({
					...sectionCheck(section),
					leftAs: `role ${context.playbook}/${slug}`,
					reason: `${guide ? `it is a guide for whoever holds one role: typed as the role \`${name}\`, named from whom its heading says it is for, so check the name; ` : ''}${headed ? 'each heading under its duties sections is read as one duty, and the text under them stays in its page' : 'its duties lists are read as its duties'}`,
				});
			for (const part of used) claim(context.doc, part.start, part.end, rolesHref(context));
			if (section.heading)
				claim(
					context.doc,
					section.heading.position!.start.offset!,
					section.heading.position!.end.offset!,
					rolesHref(context)
				);
		}
	}
	const following = followingRoles(context, typed);
	recogniseDutyLeads(context, typed, new Set(following));
	recogniseFunctionLists(context, typed);
	const beside = [...besideTypedRoles(context, typed), ...functionRuns(context, typed)].filter(
		(section, i, all) =>
			!prose.includes(section) && !following.includes(section) && all.indexOf(section) === i
	);
	recogniseProseRoles(
		context,
		typed,
		[...prose, ...following, ...beside].sort((a, b) => a.start - b.start)
	);
	recogniseInitialledRoles(context, typed);
	recogniseChecklistRoles(context, typed);
	recogniseDutyLabels(context, typed);
	// A roles heading's own list defines its roles before a table elsewhere (a contact table's
	// `Role | Email | Description` row) names them again.
	recogniseRoleBullets(context);
	recogniseInitialsGlossary(context);
	recogniseRoleTables(context);
	recogniseRoleLists(context);
	recogniseRoleParagraphs(context);
	recogniseGlossaryRoles(context);
	recogniseDefinedTerms(context);
	recogniseSentenceRoles(context);
	recogniseStepRoles(context);
	recogniseFootnotedRoles(context);
	recogniseShortForms(context);
}

/**
 * `- On Call Communicator (OCC) - the person that is responsible for sending out notifications`
 * in one file's list, after `### On Call Communicator` typed the role from another's prose: the
 * list gives the role's short form, and when nothing gave it a duty, a duty that says it is one.
 * Only a role of exactly that name, and only what it lacks.
 */
function recogniseShortForms(context: Context): void {
	const typed = (name: string) =>
		context.out.roles.filter(
			(role) => role.data.name.replace(/\s*\([^)]*\)$/, '').toLowerCase() === name.toLowerCase()
		);
	visit(context.doc.root, 'listItem', (item: ListItem) => {
		const found = listRole(context, item);
		if (!found?.short) return;
		const [role, ...more] = typed(found.name);
		if (!role || more.length) return;
		if (context.out.roles.some((other) => other.data.short === found.short)) return;
		if (!role.data.short) role.data.short = found.short;
		const duty = found.duty?.replace(/\.$/, '');
		if (duty && STATED_DUTY.test(duty) && !role.data.responsibilities?.length) {
			role.data.responsibilities = [duty];
			// The report said it had no duties: say where its one duty came from.
			for (const item of context.check)
				if (item.leftAs === `role ${context.playbook}/${role.slug}`)
					item.reason += `; a later list naming it with its initials (\`${found.short}\`) gave it its duty`;
		}
	});
}

/** The marks a team puts after a word to point at a note below: `^`, `*`, `†`, `‡`, `¹`. */
const NOTE_MARK = String.raw`[\^*†‡¹²³]`;
/** `Incident Commander^ - Send the first update:`: a step led by a marked name and a dash or colon. */
const MARKED_STEP = new RegExp(
	String.raw`^[ \t]*(?:[-*+]|\d+[.)])[ \t]+([A-Z][\w-]*(?: [A-Z][\w-]*){0,3})(${NOTE_MARK})[ \t]*(?:[-–—:])[ \t]+(\S.*)$`,
	'gm'
);
/** `^: the Incident Commander will be a product manager …`: the note under the steps. */
const NOTE_LINE = new RegExp(String.raw`^[ \t]*(${NOTE_MARK})[ \t]*:[ \t]+(\S.*)$`, 'gm');

/**
 * `Incident Commander^ - Send multi-channel notifications:` in the steps, and under them `^: the
 * Incident Commander will be a product manager or engineering manager`: a function named in steps
 * with a mark pointing at a note that says who holds it is a role. The note is its summary, and
 * what each marked step gives it to do its duties. The name must be a function's (`… Owner`,
 * `… Commander`) and the note must start with that name and say who it is (`will be`, `is`).
 */
function recogniseFootnotedRoles(context: Context): void {
	const taken = takenIn(context, 'roles');
	const source = context.doc.source;
	const notes = [...source.matchAll(NOTE_LINE)].map((m) => ({
		mark: m[1]!,
		text: inlineText(m[2]!),
	}));
	if (notes.length === 0) return;
	const steps = new Map<string, { mark: string; at: number; duties: string[] }>();
	for (const match of source.matchAll(MARKED_STEP)) {
		const [, name, mark, rest] = match;
		if (!AGENT.test(name!) || !roleShaped(name!)) continue;
		const duty = inlineText(rest!).replace(/\s*:$/, '').trim();
		const known = steps.get(name!);
		if (known && known.mark !== mark) continue;
		const entry = known ?? { mark: mark!, at: match.index!, duties: [] };
		if (duty && !entry.duties.includes(duty)) entry.duties.push(duty);
		steps.set(name!, entry);
	}
	for (const [name, { mark, at, duties }] of steps) {
		const escaped = escapeRegExp(name);
		const holder = new RegExp(
			String.raw`^(?:the\s+)?${escaped}\s+(?:will be|is|are|should be|must be|can be|means)\b`,
			'i'
		);
		const note = notes.find((entry) => entry.mark === mark && holder.test(entry.text));
		if (!note || !duties.length || knownRole(context, name)) continue;
		addRole(context, taken, name, duties, fromOffset(context.doc, name, at), {
			summary: note.text,
		});
	}
}

/**
 * `The incident lead (IL) is …`, `… assigned to a Support Engineer (SE) who …`: a plain name with
 * its initials in parentheses, as what a sentence defines or describes; `Assign an Incident
 * Commander (IC)`: as what a step hands out; `… will act as the Incident Commander (IC)`, `… is the
 * initial "Incident Commander" [IC]`: as what someone becomes.
 */
const DEFINED =
	/\b(?:the|an?)\s+((?:[A-Za-z][\w-]*\s+){1,5})\(([A-Z]{2,6})\)\s+(?:is|who)\b|\b(?:assign|appoint|designate|nominate)s?\s+(?:the|an?)\s+((?:[A-Za-z][\w-]*\s+){1,5})\(([A-Z]{2,6})\)|\b(?:is|becomes?|acts? as|serves? as|will (?:act|serve) as)\s+the\s+(?:initial\s+|first\s+)?["“]?((?:[A-Za-z][\w-]*\s+){0,4}[A-Za-z][\w-]*)["”]?\s*[([]([A-Z]{2,6})[)\]]/gi;
/** `Designate `, `Identify an `: the opening of a step that hands out a role. */
const HANDS_OUT =
	/^(?:identify|designate|appoint|assign|nominate|pick|choose|select)\s+(?:(?:the|an?)\s+)?$/i;
/** `This lead will be referred to as the Fix Lead`: a title-case name a sentence gives a role. */
const CALLED = /\b(?:referred to|known) as (?:the |an? )?((?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*)/g;

/**
 * A role defined in passing: `… becomes the initial *Incident Commander* (IC).` An italic term that
 * names a function, followed by its initials in parentheses, is a role wherever it stands; so is a
 * plain one ending in a person's function (`lead`, `engineer`) that a sentence defines (`The
 * incident lead (IL) is …`). The sentence is its summary. Its duties are spread over the text, so
 * none are read, and the report lists it. Once per role, and not when another shape typed it already.
 */
function recogniseDefinedTerms(context: Context): void {
	const taken = takenIn(context, 'roles');
	visit(context.doc.root, 'paragraph', (paragraph: Paragraph) => {
		if (readRoles(context, paragraph, ['checklists'])) return;
		const text = inlineText(sourceOf(context.doc, paragraph));
		// `*Incident Commander* (IC)`, `**Operations Lead (OL)**`: the initials after the term or in it.
		const italic = paragraph.children.flatMap((node, index) => {
			if (node.type !== 'emphasis' && node.type !== 'strong') return [];
			const next = paragraph.children[index + 1];
			const inner = /^(.+?)\s*\(([A-Z]{2,6})\)$/.exec(toString(node).trim());
			const after =
				next?.type === 'text' ? /^\s*\(([A-Z]{2,6})\)/.exec(next.value)?.[1] : undefined;
			const [name, short] = inner ? [inner[1]!, inner[2]!] : [toString(node).trim(), after];
			const term = node.type === 'strong' ? 'bold term' : 'italic term';
			// `A staff member (the *reporter*) notices …`, `forms a team (*responders*)`: an italic
			// word in parentheses names whoever the words before it describe.
			const prev = paragraph.children[index - 1];
			const named =
				node.type === 'emphasis' &&
				prev?.type === 'text' &&
				/\((?:the |an? )?$/i.test(prev.value) &&
				next?.type === 'text' &&
				next.value.startsWith(')');
			return short || named ? [{ name, short, at: startOf(node), term }] : [];
		});
		// `Designate **communication lead**`: a step that hands out a role by its bold name.
		const [opening, bold] = paragraph.children;
		const handed =
			opening?.type === 'text' && HANDS_OUT.test(opening.value) && bold?.type === 'strong'
				? [
						{
							name: toString(bold)
								.trim()
								.replace(/^(?:the|an?)\s+/i, ''),
							short: undefined,
							at: startOf(bold),
							term: 'bold name',
						},
					]
				: [];
		const at = startOf(paragraph);
		const plain = [...text.matchAll(DEFINED)].flatMap((match) => {
			// The name is as many words as its initials: `The on-call incident lead (IL)` → `incident lead`.
			const words = (match[1] ?? match[3] ?? match[5])!.trim().split(/\s+/);
			const short = (match[2] ?? match[4] ?? match[6])!;
			const name = words.slice(-short.length).join(' ');
			return AGENT.test(name) ? [{ name, short, at, term: 'term' }] : [];
		});
		// `… are known as Build Helpers`: a plural name is one person's role in the singular.
		const called = [...text.matchAll(CALLED)].flatMap((match) => {
			const name = [match[1]!, match[1]!.replace(/s$/, '')].find((words) => AGENT.test(words));
			return name ? [{ name, short: undefined, at, term: 'name' }] : [];
		});
		for (const { name, short, at, term: kind } of [...italic, ...handed, ...plain, ...called]) {
			if (short && initialled(`${name} (${short})`) !== short) continue;
			if (!ROLE_NOUN.test(name) || !roleShaped(name)) continue;
			if (kind.startsWith('bold') && (!AGENT.test(name) || GROUP.test(name))) continue;
			const known = (text: string) =>
				context.out.roles.some(
					(role) =>
						role.data.short === text ||
						role.data.name.replace(/\s*\([^)]*\)$/, '').toLowerCase() === text.toLowerCase()
				);
			if (known(name) || (short && known(short))) continue;
			const term = short ? `${name} (${short})` : name;
			const sentence = text.split(SENTENCE_BREAK).find((line) => line.includes(name));
			const title = name[0]!.toUpperCase() + name.slice(1);
			const slug = uniqueSlug(slugify(short ?? name), taken);
			context.out.roles.push({
				slug,
				data: {
					name: title,
					...(short ? { short } : {}),
					...(sentence ? { summary: sentence } : {}),
					order: (context.out.roles.length + 1) * 10,
				},
				from: fromOffset(context.doc, title, at),
			});
			context.check.push({
				kind: 'role',
				heading: title,
				start: startOf(paragraph),
				end: endOf(paragraph),
				at,
				leftAs: `role ${context.playbook}/${slug}`,
				reason: `it is defined in passing, by the ${kind} \`${term}\` in a sentence: typed by its name only, since its duties are spread over the text, which stays in its page`,
			});
		}
	});
}

/**
 * Whether `paragraph` was typed as something other than the `readable` kinds: a checklist's step
 * still names a role (`- [ ] Assign an Incident Commander (IC)`), as does a scenario's; other typed
 * text has had its roles read.
 */
function readRoles(
	context: Context,
	paragraph: Paragraph,
	readable: ('checklists' | 'scenarios')[]
): boolean {
	const [start, end] = [startOf(paragraph), endOf(paragraph)];
	const hrefs = readable.map((kind) => hrefOf(context, kind, ''));
	return context.doc.claims.some(
		(c) => c.start <= start && end <= c.end && !hrefs.some((href) => c.href?.startsWith(href))
	);
}

/** `Engineer On Call (EOC)`: the abbreviation is the initials of the words before it. */
function initialled(name: string): string | undefined {
	const match = /^(.+?)\s*\(([A-Z]{2,6})\)$/.exec(name);
	if (!match) return undefined;
	const initials = match[1]!
		.split(/[\s-]+/)
		.filter(Boolean)
		.map((word) => word[0]!.toUpperCase())
		.join('');
	return initials === match[2] ? match[2] : undefined;
}

/**
 * A heading anywhere that names a function and carries its initials (`# Incident Manager On Call
 * (IMOC)`) is a role even without a duties list: its first paragraph, if any, is the summary and
 * the section stays in the page.
 */
function recogniseInitialledRoles(context: Context, typed: Set<Section>): void {
	const taken = takenIn(context, 'roles');
	for (const section of allSections(context.doc.outline)) {
		const name = roleName(section.title);
		const short = initialled(name);
		if (!short || typed.has(section) || !ROLE_NOUN.test(name)) continue;
		if (context.out.roles.some((role) => role.data.name === name)) continue;
		if (isClaimed(context.doc, section.start, section.end)) continue;
		typed.add(section);
		const first = section.nodes.find((node) => node.type === 'paragraph');
		context.out.roles.push({
			slug: uniqueSlug(slugify(short), taken),
			data: {
				name,
				short,
				...(first
					? { summary: inlineText(context.doc.source.slice(startOf(first), endOf(first))) }
					: {}),
				order: (context.out.roles.length + 1) * 10,
			},
			from: fromSection(context.doc, section),
		});
	}
}

/** The paragraph ending "… is responsible for:" (or "do the following:") before a list in `section`. */
const dutyLeadIndex = (section: Section): number =>
	section.nodes.findIndex(
		(node, i) =>
			node.type === 'paragraph' &&
			DUTIES_LEAD.test(toString(node).trim()) &&
			// `The Comms Lead is not responsible for:` lists what the role leaves to others.
			!/\bnot\s+(\w+\s+)?(responsible|expected)\b/i.test(toString(node)) &&
			section.nodes[i + 1]?.type === 'list'
	);

/**
 * `**Incident Commander** manages the incident:`, `**Scribe:**`: a paragraph that opens with a
 * bold name ending in a person's function and ends with a colon introduces that role's duties.
 * Returns the name, or undefined when the paragraph is something else.
 */
function boldLeadName(node: RootContent): string | undefined {
	if (node.type !== 'paragraph' || node.children[0]?.type !== 'strong') return undefined;
	const bold = stripEmoji(toString(node.children[0])).trim();
	const rest = toString({ ...node, children: node.children.slice(1) }).trim();
	const lead = bold.endsWith(':') ? !rest : /:$/.test(rest) && !SENTENCE_BREAK.test(rest);
	const name = bold.replace(/:$/, '').trim();
	const base = name.replace(/\s*\([A-Z]{2,6}\)$/, '');
	return lead && AGENT.test(base) && roleShaped(name) && !GROUP.test(base) ? name : undefined;
}

/** A heading that says it holds roles: `Roles & Responsibilities`, `Who does what`, `Rôles`, `Roles`. */
const SAYS_ROLES = /\br[oô]l(?:es?)?\b|who does what/i;

/**
 * `### Roles & Responsibilities` holding only `**Security Lead**` lines, each over a list (after an
 * optional sentence or two of introduction): every bold line names a role (`Legal & PR` too), since
 * the heading says so and nothing else sits there. At least one must name a function, and none a
 * phase (`**Before you hand over**` under `Role handover` is a step). Returns each name by its
 * paragraph; empty when the section holds anything else.
 */
function boldNamedBlocks(section: Section): Map<RootContent, string> {
	const named = new Map<RootContent, string>();
	// `## Incident Response Team`, `## Responders` over `**Incident Commander**` and its list: a
	// heading about the people of the response, when every bold line names a function.
	const team =
		!SAYS_ROLES.test(section.title) &&
		/\b(?:team|responders|org(?:ani[sz]ation(?:al)?)? chart|staffing)\b/i.test(section.title) &&
		!CONTACT_CONTEXT.test(section.title);
	if (!SAYS_ROLES.test(section.title) && !team) return named;
	const alone = (node: RootContent | undefined) =>
		node?.type === 'paragraph' &&
		node.children[0]?.type === 'strong' &&
		node.children.slice(1).every((child) => child.type === 'break' || !toString(child).trim());
	const nodes = section.nodes;
	let i = 0;
	while (nodes[i]?.type === 'paragraph' && !alone(nodes[i])) i++;
	for (; i < nodes.length; i += 2) {
		const node = nodes[i]!;
		if (!alone(node) || nodes[i + 1]?.type !== 'list') return new Map();
		const name = stripEmoji(toString((node as Paragraph).children[0]!)).trim();
		// `Lead / Security Lead`: either title may be the role's, so each must read as a name.
		const titles = qualified(name).name.split(/\s+\/\s+/);
		if (!titles.every(roleShaped) || PHASE_HEADING.test(name)) return new Map();
		const base = qualified(name).name.replace(/\s*\([^)]*\)$/, '');
		if (team && (!AGENT.test(base) || GROUP.test(base))) return new Map();
		named.set(node, name);
	}
	if (team && named.size < 2) return new Map();
	return [...named.values()].some((name) => ROLE_NOUN.test(name)) ? named : new Map();
}

/**
 * `The IRT is responsible for the following:`, or only `The owner:` (its list then says what the
 * subject does, each item a verb): a sentence whose subject owns the list after it.
 */
const SUBJECT_LEAD =
	/(?:^|[.!?]\s+)(?:the|our)\s+([A-Za-z][\w ()-]{0,60}?)(\s+(?:is|are|will be)\s+(?:responsible|accountable)\s+for(?:\s+the\s+following)?)?\s*:$/i;
/** `Checks the logs`, `Leads the response`: a list item that is what its lead's subject does. */
const PREDICATE_ITEM = (text: string): boolean => {
	const [first, second] = text.split(/\s+/);
	return (
		/^[A-Z][a-z]{2,}s$/.test(first ?? '') &&
		!NOT_A_VERB.test(first!) &&
		!AUXILIARY.test(second ?? '')
	);
};
const PRONOUN = /^(?:we|you|they|it|this|that|there|who|which|each|every|one|he|she)$/i;
/**
 * `Incidents must have one clearly named owner. The owner:`: a one-word function takes the noun of
 * the sentence that says what has one (`Incident owner`).
 */
const HAS_ONE = (name: string) =>
	new RegExp(
		String.raw`\b([A-Za-z]+?)s?\s+(?:(?:must|should|will)\s+)?(?:always\s+)?(?:ha(?:s|ve)|needs?|gets?)\s+(?:one|an?|exactly one|a single)\s+(?:[\w-]+\s+){0,3}?${RegExp.escape(name)}\b`,
		'i'
	);
/**
 * `Being on the rota for the day entails responsibilities such as:`, `Whoever is on the support
 * rotation is responsible for:`: the duties of the person on a rota, named by the rota (or by the
 * heading over it: `A weekday rota`).
 */
const ROTA_LEAD =
	/^(?:being|whoever is|the person|anyone) on (?:the )?(?:([\w-]+) )?(rota|rotation)\b[^:.]*\b(?:responsib\w*|duties)\b[^:.]*:$/i;
/** Words of a team formed to respond to incidents or to reports of vulnerabilities. */
const RESPONDING = '(?:incident|response|emergency|security|vulnerability)';
/** `Security Incident Response Team`, `Vulnerability management team`, unlike `Platform team`. */
const RESPONSE_TEAM = new RegExp(String.raw`\b${RESPONDING}\b[\w -]*\bteam$`, 'i');

/**
 * The role a paragraph ending `The Incident Response Team (IRT) is responsible for:` gives the list
 * after it: a name ending in a person's function, or a team formed to respond. Initials alone
 * (`The IRT …`) stand for the name the text spells out before them (`Incident Response Team (IRT)`).
 */
function subjectLeadName(
	context: Context,
	node: RootContent,
	next: RootContent | undefined,
	heading: string
): { name: string; at: number; said?: string } | undefined {
	if (node.type !== 'paragraph') return undefined;
	const text = inlineText(sourceOf(context.doc, node));
	// `Being on the rota for the day entails responsibilities such as:` under `A weekday rota`.
	const rota = ROTA_LEAD.exec(text);
	if (rota) {
		const kind = rota[1] ?? ROTA_HEADING.exec(heading)?.[1]?.replace(/^(?:an?|the|our)\s+/i, '');
		const words = kind && /^[\w-]+$/.test(kind) ? `${kind} ${rota[2]}` : rota[2];
		return { name: `Person on the ${words!.toLowerCase()}`, at: startOf(node), said: rota[2]! };
	}
	const lead = SUBJECT_LEAD.exec(text);
	const bare = lead && !lead[2];
	// `The owner:` over a list of anything else (`The tools:`) is a heading for that list.
	if (
		bare &&
		!(
			next?.type === 'list' &&
			next.children.every((item) => PREDICATE_ITEM(inlineText(toString(item))))
		)
	)
		return undefined;
	const word = lead?.[1]?.trim();
	const noun = word && bare && !/\s/.test(word) ? HAS_ONE(word).exec(text)?.[1] : undefined;
	const said = noun && !PRONOUN.test(noun) ? `${noun} ${word}` : word;
	// A name built from two places is pointed at by the word its line holds.
	if (noun && !PRONOUN.test(noun) && word && AGENT.test(word) && !GROUP.test(word))
		return { name: said![0]!.toUpperCase() + said!.slice(1), at: startOf(node), said: word };
	// Initials point at the line that spells them out, where the name is read.
	const spelt =
		said && /^[A-Z]{2,6}$/.test(said)
			? [
					...context.doc.source.matchAll(
						new RegExp(String.raw`((?:[A-Z][\w-]*\s+){1,6})\(${said}\)`, 'g')
					),
				]
					.map((match) => ({
						name: `${match[1]!.trim().split(/\s+/).slice(-said.length).join(' ')} (${said})`,
						at: match.index,
					}))
					.find(({ name }) => initialled(name) === said)
			: said
				? { name: said, at: startOf(node) }
				: undefined;
	const base = spelt?.name.replace(/\s*\([A-Z]{2,6}\)$/, '');
	if (!spelt || !base || !roleShaped(spelt.name)) return undefined;
	const role = RESPONSE_TEAM.test(base) || (AGENT.test(base) && !GROUP.test(base));
	return role ? { ...spelt, name: spelt.name[0]!.toUpperCase() + spelt.name.slice(1) } : undefined;
}

/** `Customer Liaison (CL)`: the initials a role's name ends with, as its short name. */
const shortOf = (name: string): string | undefined =>
	/\(([A-Z][A-Za-z]{0,5})\)\s*$/.exec(name)?.[1];

/** Types a role by its name and duties, its short name read from the name's trailing initials. */
function addRole(
	context: Context,
	taken: Set<string>,
	name: string,
	responsibilities: string[],
	from: SourceRef,
	more: { notes?: string[] | undefined; summary?: string } = {}
): void {
	const short = shortOf(name);
	context.out.roles.push({
		slug: uniqueSlug(slugify(short ?? name), taken),
		data: {
			name,
			...(short ? { short } : {}),
			...(more.summary ? { summary: more.summary } : {}),
			...(more.notes ? { notes: more.notes } : {}),
			responsibilities,
			order: (context.out.roles.length + 1) * 10,
		},
		from,
	});
}

/**
 * Anywhere in the document, a heading that names a function (`# Incident Commander`) over a
 * sentence ending "… is responsible for:" and a list, or a bold name over a list of what it does
 * (`**Incident Commander** owns the incident:`): the role and its duties. Under or after a roles
 * heading a team's heading counts too (`The Response Team` › `Responders do the following:`). The
 * rest of the section (its story, its sub-sections) stays in the page.
 */
function recogniseDutyLeads(context: Context, typed: Set<Section>, following: Set<Section>): void {
	const taken = takenIn(context, 'roles');
	const add = (name: string, list: RootContent, from: SourceRef, qualifier?: string) => {
		if (list.type !== 'list') return;
		addRole(
			context,
			taken,
			name,
			list.children.flatMap((item) => itemLines(context.doc, item)),
			from,
			{ notes: qualifier ? [qualifier] : undefined }
		);
		claim(context.doc, startOf(list), endOf(list), rolesHref(context));
	};
	for (const section of allSections(context.doc.outline)) {
		if (typed.has(section) || (section.parent && typed.has(section.parent))) continue;
		const name = roleName(section.title);
		const index =
			(ROLE_NOUN.test(name) || following.has(section)) && roleShaped(name)
				? dutyLeadIndex(section)
				: -1;
		const lead = section.nodes[index];
		const list = section.nodes[index + 1];
		if (lead && list && !isClaimed(context.doc, startOf(lead), endOf(list))) {
			typed.add(section);
			add(name, list, fromSection(context.doc, section));
			continue;
		}
		const named = boldNamedBlocks(section);
		section.nodes.forEach((node, i) => {
			const bold = boldLeadName(node) ?? named.get(node);
			// `**Compliance Officer (if applicable)**`: the parenthesis qualifies the name, kept as a note.
			const { name, qualifier } = qualified(bold ?? '');
			const lead = bold
				? { name, at: startOf(node) }
				: subjectLeadName(context, node, section.nodes[i + 1], section.title);
			const next = section.nodes[i + 1];
			if (!lead || next?.type !== 'list' || knownRole(context, lead.name)) return;
			if (isClaimed(context.doc, startOf(node), endOf(next))) return;
			if (next.children.some((item) => CONTACT_ITEM.test(itemSource(context.doc, item)))) return;
			const said = lead && 'said' in lead ? lead.said : undefined;
			add(lead.name, next, fromOffset(context.doc, said ?? lead.name, lead.at), qualifier);
		});
	}
}

/** Words for what a role does, and the phase a heading may limit them to (`… during recovery`). */
const DUTY_WORDS = 'responsibilit(?:y|ies)|duties|tasks|steps|actions';
const PHASE = String.raw`(?:during|in|at|after|before|while|when|on|for)\b`;
/** `All Participants`, `Everyone`: a heading about everyone taking part, not one role. */
const EVERYONE = /^(?:all|every|everyone|everybody|any|anyone)\b/i;
/**
 * `Incident Commander responsibilities during remediation`: a role's duties at one phase, not a
 * role of its own; the group names the role.
 */
const PHASE_DUTIES = new RegExp(String.raw`^(.+?)\s+(?:${DUTY_WORDS})\s+${PHASE}`, 'i');

/** Why a name is not one role's (everyone at once, one role's duties at a phase), or undefined. */
function notOneRole(name: string): string | undefined {
	if (EVERYONE.test(name)) return 'its heading speaks of everyone taking part, not of one role';
	const phase = PHASE_DUTIES.exec(name);
	if (phase)
		return `its heading names what \`${phase[1]}\` does at one phase, not a role of its own`;
	return undefined;
}

/** `Members to Staff`, `Vendor towards Customer`: what one party owes another. */
const RELATION = /^(.+?)\s+(?:to|towards|→|->)\s+(.+)$/i;

/**
 * Why `section` is not a role when its heading and a sibling's each name two parties (`Staff to
 * Members` beside `Members to Staff`): the duties one party owes the other. A function before the
 * `to` (`Liaison to Legal`) is a role's name.
 */
function between(section: Section): string | undefined {
	const relation = (title: string) => {
		const match = RELATION.exec(withoutSectionNumber(title));
		return match !== null && !AGENT.test(match[1]!) && /^[A-Z]/.test(match[2]!);
	};
	const siblings = section.parent?.children ?? [];
	if (!relation(section.title) || !siblings.some((s) => s !== section && relation(s.title)))
		return undefined;
	return 'its heading and a sibling heading each name two parties (`… to …`): what one party owes the other, not a role';
}

/**
 * Why a heading does not read as a role's name (`Scribe`, `Customer Communications`), or undefined
 * when it does: not one role's, or a question or a task.
 */
function notRoleShaped(name: string): string | undefined {
	const task =
		name.split(/\s+/).length > 6 ||
		/[?:.!]$/.test(name) ||
		/^(how|what|why|when|where|which|who|is|are|do|does|can|should|the|a|an|step|phase|your|my)\b/i.test(
			name
		) ||
		/^\w+ing\s+(the|a|an|tasks?|decisions?|with|to|for|of|on|in|up|out|off|over|back|down)\b/i.test(
			name
		) ||
		/^\d/.test(name) ||
		ROLE_FIELD.test(name);
	return (
		notOneRole(name) ??
		(task ? 'its heading reads as a question or a task, not the name of a role' : undefined) ??
		afterPreposition(name)
	);
}

const roleShaped = (name: string): boolean => notRoleShaped(name) === undefined;

/**
 * `To Incident Commander` (where to escalate), `Maximum load per engineer` (a limit on each one):
 * a function after a preposition is whom the text is about, not the name of a role.
 */
const afterPreposition = (name: string): string | undefined =>
	/^(?:to|towards|per|via|from|into)\s|\sper\s/i.test(name)
		? 'its heading names a function after a preposition (`to …`, `per …`): whom the text is about, not a role'
		: undefined;

/**
 * A roles heading with nothing under it (`# Incident Response Roles` in a post whose roles are
 * headings of the same level) introduces the headings after it, as long as each names a function
 * or is itself a roles heading.
 */
function followingRoles(context: Context, typed: Set<Section>): Section[] {
	const found: Section[] = [];
	for (const section of allSections(context.doc.outline)) {
		// A roles heading whose own list is its roles introduces nothing after it.
		const own = bulletRoles(context, section).length > 0;
		// A heading that says roles: `Keep Track of Responders` is a task.
		const says = /\broles?\b|who does what/i.test(section.title);
		if (!says || section.children.length || own || !section.parent) continue;
		const siblings = section.parent.children;
		for (const next of siblings.slice(siblings.indexOf(section) + 1)) {
			if (ROLES_PARENT.test(next.title)) continue;
			const name = roleName(next.title);
			// A team whose text says what its members do (`Responders do the following:`) is one too.
			const team = GROUP.test(name) && dutyLeadIndex(next) >= 0;
			if (!(ROLE_NOUN.test(name) || team) || !roleShaped(name)) break;
			if (!typed.has(next) && !found.includes(next)) found.push(next);
		}
	}
	return found;
}

/**
 * `# Incident Commander` typed as a role, then `# Operator` and `# Scribe` beside it written as
 * prose (`The operator is the most obvious role …`): with no roles heading over them, a heading of
 * the same parent as a role typed from its heading is one too when it is only a function's name
 * (`Scribe`, `Tech Lead`, not `Escalating to the lead`) and its text calls it a role.
 */
function besideTypedRoles(context: Context, typed: Set<Section>): Section[] {
	const found: Section[] = [];
	for (const section of allSections(context.doc.outline)) {
		const parent = section.parent;
		if (!parent || typed.has(section) || !parent.children.some((s) => typed.has(s))) continue;
		if (typed.has(parent) || ROLES_PARENT.test(parent.title)) continue;
		const name = qualified(roleName(section.title)).name;
		if (!BARE_NAME.test(name) || !AGENT.test(name) || !roleShaped(name) || GROUP.test(name))
			continue;
		const text = section.nodes
			.filter((node) => node.type === 'paragraph')
			.map((node) => toString(node))
			.join(' ');
		// `There is no separate role for this`: the text says it is none.
		const denied =
			NOT_A_ROLE.test(text) || /\bno (?:separate |dedicated |formal )?role\b/i.test(text);
		if (/\brole\b/i.test(text) && !denied) found.push(section);
	}
	return found;
}

/**
 * A folder of pages, one per role (`# Incident Commander`, `# Scribe`), or headings side by side
 * under a heading that does not say roles (`## Incident Response Team` › `### Incident Commander
 * (IC)`, `### Communications Officer`): a run of adjacent sibling headings that are each only a
 * function's name over text, two or more of them with sentences saying what that function does
 * (`The scribe keeps the timeline.`, `Writes the customer updates.`), are roles written as prose,
 * all of the run. A heading that names no function ends the run.
 */
function functionRuns(context: Context, typed: Set<Section>): Section[] {
	const found: Section[] = [];
	for (const parent of [context.doc.outline, ...allSections(context.doc.outline)]) {
		// People to contact (`Who to contact` › `Privacy Officer`) are no roles of the response.
		if (typed.has(parent) || ROLES_PARENT.test(parent.title) || CONTACT_CONTEXT.test(parent.title))
			continue;
		let run: Section[] = [];
		let read = 0;
		const close = () => {
			if (run.length >= 2 && read >= 2) found.push(...run);
			[run, read] = [[], 0];
		};
		for (const section of parent.children) {
			const name = qualified(roleName(section.title)).name;
			const base = name.replace(/\s*\([^)]*\)$/, '');
			const paragraphs = section.nodes.flatMap((node) =>
				node.type === 'paragraph' && !isClaimed(context.doc, startOf(node), endOf(node))
					? [inlineText(sourceOf(context.doc, node))]
					: []
			);
			const named =
				!typed.has(section) &&
				base.split(/\s+/).length <= 4 &&
				AGENT.test(base) &&
				roleShaped(name) &&
				!GROUP.test(base) &&
				paragraphs.length > 0 &&
				!NOT_A_ROLE.test(paragraphs.join(' ')) &&
				// `Reach them at privacy@…`, `Call 020 …`: a contact's card.
				!/@[\w-]+|\+?\d[\d ()-]{7,}\d/.test(paragraphs.join(' '));
			if (!named) {
				close();
				continue;
			}
			run.push(section);
			if (proseDuties(paragraphs, name, shortOf(name)).responsibilities.length) read++;
		}
		close();
	}
	return found;
}

/** `Chairs the bridge call`, `logs every call`: a list item that is what the heading's function does. */
const DOES = (text: string): boolean => {
	const [first, second] = text.split(/\s+/);
	return (
		/^[A-Za-z][a-z]{2,}s$/.test(first ?? '') &&
		!NOT_A_VERB.test(first!) &&
		!AUXILIARY.test(second ?? '')
	);
};

/**
 * `## Major Incident Manager` over `- Declares the major incident` and `## Service Desk Analyst`
 * over `- Logs every call`, among other headings (`## Declaring`, `## Closing`) and under no roles
 * heading: two adjacent headings or more that are each only a function's name over one list (after
 * a sentence or none) whose every item says what that function does are roles, the lists their
 * duties and the sentence their summary. Steps (`- Page the lead`) and contacts are not.
 */
function recogniseFunctionLists(context: Context, typed: Set<Section>): void {
	const taken = takenIn(context, 'roles');
	for (const parent of [context.doc.outline, ...allSections(context.doc.outline)]) {
		if (typed.has(parent) || ROLES_PARENT.test(parent.title) || CONTACT_CONTEXT.test(parent.title))
			continue;
		const runs: { section: Section; intro: RootContent | undefined; list: RootContent }[][] = [[]];
		for (const section of parent.children) {
			const name = qualified(roleName(section.title)).name;
			const base = name.replace(/\s*\([^)]*\)$/, '');
			const [first, second, ...more] = section.nodes;
			const intro = first?.type === 'paragraph' && second ? first : undefined;
			const list = intro ? second : first;
			const items =
				list && !more.length && !(intro ? false : second) ? listItemsOf([list]) : undefined;
			const fits =
				!typed.has(section) &&
				!isClaimed(context.doc, section.start, section.end) &&
				base.split(/\s+/).length <= 4 &&
				AGENT.test(base) &&
				roleShaped(name) &&
				!GROUP.test(base) &&
				!knownRole(context, name) &&
				items !== undefined &&
				items.every((item) => {
					const text = itemSource(context.doc, item);
					return DOES(inlineText(text)) && !CONTACT_ITEM.test(text);
				});
			if (fits) runs[runs.length - 1]!.push({ section, intro, list: list! });
			else runs.push([]);
		}
		for (const run of runs) {
			if (run.length < 2) continue;
			for (const { section, intro, list } of run) {
				const name = qualified(roleName(section.title)).name;
				const short = shortOf(name);
				typed.add(section);
				context.out.roles.push({
					slug: uniqueSlug(slugify(short ?? name), taken),
					data: {
						name,
						...(short ? { short } : {}),
						...(intro ? { summary: inlineText(sourceOf(context.doc, intro)) } : {}),
						responsibilities: listItemsOf([list])!.flatMap((item) => itemLines(context.doc, item)),
						order: (context.out.roles.length + 1) * 10,
					},
					from: fromSection(context.doc, section),
				});
				claim(context.doc, startOf(list), endOf(list), rolesHref(context));
				if (section.heading)
					claim(context.doc, startOf(section.heading), endOf(section.heading), rolesHref(context));
			}
		}
	}
}

/** Headings under a roles heading that are about the roles, not one of them. */
const ABOUT_ROLES =
	/\b(general|expectations?|principles?|guidelines?|rules?|polic(y|ies)|process|procedures?|overview|introduction|background|summary|notes?|examples?|faq|references?|resources|schedule|rotation|rota|escalation|contacts?|tools?|training|hand-?overs?|hand-?offs?|transfers?|transitions?|expansion|structure|hierarchy|timeline|checklists?|matri(?:x|ces)|raci)\b/i;
/**
 * `IC Handoff`, `Communications Lead Training`, `On-call Rotation`: a heading that names a role
 * (its initials, a function) and then something about it; a name ending in a function
 * (`Escalation Manager`) is a role's.
 */
const aboutARole = (name: string): boolean =>
	ROLE_NOUN.test(name) &&
	!AGENT.test(name.replace(/\s*\([^)]*\)$/, '')) &&
	ABOUT_ROLES.test(name.split(/\s+/).pop() ?? '');

/** Words in a text that speak of someone doing it. */
const PERSON = /\b(role|person|people|someone|whoever|anyone|they|responsible)\b/i;
const NOT_A_ROLE = /\bnot (a|an) (separate |dedicated |formal )?role\b/i;
const SENTENCE_BREAK = /(?<=[.!?])\s+(?=[A-Z"“‘(])/;
/** What follows the role as a subject when the sentence says what it does. */
const DUTY =
	/^((is|are)\s+(responsible|accountable|in charge|there to|the (one|person|people) who|expected to|tasked with|charged with)|(should|must|will|shall|needs? to|has to|have to)\b|(?!(is|was|does|has been)\b)[a-z]+s\b)/i;
/** `If any issue is reported,`, `Once paged,`: a clause before a sentence's subject. */
const OPENING_CLAUSE =
	/^(?:if|when|whenever|once|after|before|during|while|until|as soon as)\b[^,]{1,80},\s*/i;
/** What a role must not do; `doesn't need to …` and `is not required to …` free it, they forbid nothing. */
const NEGATED =
	/^(?:(?:should|must|will|shall|does|do|can)(?:\s+not|n't)\b|never\b|(?:is|are)\s+not\b)(?!\s+(?:need|have|has|required|obliged)\b)/i;
/**
 * Openings ending in s that are not a verb of the role (`Always`, `This`, `Users are`), nor where
 * a contact list's item starts (`Ops rota`, `Teams call`, `15 minutes`).
 */
const NOT_A_VERB =
	/^(always|sometimes|perhaps|thus|unless|besides|whereas|as|us|yes|this|its|is|was|does|plus|less|regardless|nevertheless|afterwards|towards|various|numerous|previous|obvious|serious|ops|devops|secops|teams|sms|docs|status|details|contacts|hours|minutes|days|weeks)$/i;
const AUXILIARY =
	/^(are|were|is|was|should|must|will|would|can|could|may|might|have|had|do|did|don't|often|usually|also|need|tend|see|get|and|or|of|from)$/i;

/** `Their responsibilities are:`, `Its main duties include:`: a sentence that opens a list of duties. */
const DUTIES_INTRO =
	/^(?:their|its|his|her|the role's)\s+(?:main\s+|key\s+|core\s+)?(?:respons\w*|duties|tasks|jobs)\s+(?:are|include)\s*:$/i;

/** `These are the people responsible for …`, `This will be the person who …`: a duty by pronoun. */
const PRONOUN_DUTY =
	/^(?:this|these)\s+(?:is|are|will be)\s+the\s+(?:one|ones|person|people)\s+(?:who|that|responsible)\b/i;

/**
 * Duties written as sentences: those whose subject is the role (its name, its short form, "they",
 * "this person") followed by what it does (`is responsible for`, `should`, `keeps`), and those that
 * start with the verb, the heading being their subject (`Keeps the notes.`). Negated ones (`should
 * not`) are its don'ts; `The scribe is …` is its summary.
 */
export function proseDuties(
	paragraphs: string[],
	name: string,
	short?: string
): { summary?: string; responsibilities: string[]; dont: string[] } {
	const base = name.replace(/\s*\([^)]*\)\s*$/, '').trim();
	const words = base.split(/\s+/);
	const refs = [base, ...(short ? [short] : [])];
	if (words.length > 1 && ROLE_NOUN.test(words[words.length - 1]!))
		refs.push(words[words.length - 1]!);
	// `Technical Lead/Investigator`: either name is the role, and so is `the investigator(s)`.
	const joined = base.split(/\s*\/\s*/);
	if (joined.length === 2 && joined.every((part) => /^[A-Za-z][\w -]*$/.test(part)))
		refs.push(
			...joined.filter((part) => ROLE_NOUN.test(part)).map((part) => `${part}(?:\\(s\\)|s)?`)
		);
	// `On Call Responder` is also written `on-call responder`.
	const loose = (ref: string) =>
		ref
			.split(/[\s-]+/)
			.map((word) => (word.endsWith('(?:\\(s\\)|s)?') ? word : RegExp.escape(word)))
			.join('[\\s-]+');
	const names = refs.map(loose).join('|');
	const subject = new RegExp(
		`^(?:(?:the|this|a|an|our|your)\\s+)?(${names}|they|he or she|he|she|this person|the person|this role|the role)\\s+(?:(?:\\w+ly|also|then|often|always|usually)\\s+)*(.*)$`,
		'i'
	);
	// `The scribe is …`, `This is whoever …`: what the role is.
	const defines = new RegExp(
		`^(?:(?:(?:the|an?)\\s+)?${loose(base)}|this|this person|this role|they)\\s+(?:is|are)\\s+`,
		'i'
	);
	const out: { summary?: string; responsibilities: string[]; dont: string[] } = {
		responsibilities: [],
		dont: [],
	};
	// `The responsibility of the scribe is to keep …`: the duty is named as the role's.
	const dutyOf = new RegExp(
		`^the\\s+(?:main\\s+|primary\\s+|first\\s+)?(?:responsibilit(?:y|ies)|role|job|duty|task)\\s+of\\s+(?:the\\s+|an?\\s+)?(?:${names})\\s+(?:is|are)\\s+to\\b`,
		'i'
	);
	const sentences = paragraphs.flatMap((text) => text.split(SENTENCE_BREAK)).map((s) => s.trim());
	// `This is whoever …` says what the role is only as the text's first words; later, `This is
	// imperative …` speaks of the sentence before it.
	const pronoun = /^(?:this|this person|this role|they)\s+(?:is|are)\s+/i;
	for (const [index, sentence] of sentences.entries()) {
		if (!sentence || sentence.endsWith('?')) continue;
		// `These are the people responsible for …`, `This will be the person who reports to …`.
		if (PRONOUN_DUTY.test(sentence)) {
			out.responsibilities.push(sentence);
			continue;
		}
		if (dutyOf.test(sentence)) {
			out.responsibilities.push(sentence);
			continue;
		}
		// `If a page comes in, the responder …`: the role is the subject after an opening clause.
		const clause = sentence.replace(OPENING_CLAUSE, '');
		const [, who, rest] = subject.exec(sentence) ?? subject.exec(clause) ?? [];
		// `They record the facts`: after a plural subject the verb has no s.
		const plural =
			rest !== undefined &&
			/^they$/i.test(who!) &&
			/^[a-z]+\b/.test(rest) &&
			!AUXILIARY.test(rest.split(/\s+/)[0]!);
		if (rest !== undefined && NEGATED.test(rest)) out.dont.push(sentence);
		else if (rest !== undefined && (DUTY.test(rest) || plural)) out.responsibilities.push(sentence);
		else if (!out.summary && defines.test(sentence) && (index === 0 || !pronoun.test(sentence)))
			out.summary = sentence;
		else {
			const [first, second] = sentence.split(/\s+/);
			if (
				/^[A-Z][a-z]{2,}s$/.test(first ?? '') &&
				!NOT_A_VERB.test(first!) &&
				!AUXILIARY.test(second ?? '')
			)
				out.responsibilities.push(sentence);
		}
	}
	return out;
}

/**
 * Roles written as prose: a section under a roles heading, or after an empty one, whose heading
 * names a function (or, under a heading that calls its sub-sections roles, whose text speaks of
 * someone doing it). Duties come from its sentences; the text stays in its page too, and the report
 * lists the role so an author can check what was read.
 */
function recogniseProseRoles(context: Context, typed: Set<Section>, sections: Section[]): void {
	const taken = takenIn(context, 'roles');
	for (const section of sections) {
		if (typed.has(section) || isClaimed(context.doc, section.start, section.end)) continue;
		const name = roleName(section.title);
		const free = (node: RootContent) => !isClaimed(context.doc, startOf(node), endOf(node));
		// A paragraph ending `Their responsibilities are:` over a list: the items are the duties.
		// One whose last sentence ends `…, such as:` over a list: the sentence goes on in the items.
		const listed: string[] = [];
		const led = new Set<RootContent>();
		const paragraphs = section.nodes.flatMap((node, index) => {
			if (node.type !== 'paragraph' || !free(node)) return [];
			const text = inlineText(context.doc.source.slice(startOf(node), endOf(node)));
			const next = section.nodes[index + 1];
			if (!text.endsWith(':') || next?.type !== 'list' || !free(next)) return [text];
			const items = next.children.map((item) =>
				item.children.map((child) => inlineText(sourceOf(context.doc, child))).join(' ')
			);
			const last = text.split(SENTENCE_BREAK).at(-1)!;
			if (DUTIES_INTRO.test(last)) {
				led.add(next);
				listed.push(...items);
				return [text.slice(0, text.length - last.length).trim()].filter(Boolean);
			}
			if (!/\b(?:such as|including|like|for example|e\.g\.)\s*:$/i.test(last)) return [text];
			led.add(next);
			return [`${text} ${items.map((item) => item.replace(/[.;]$/, '')).join('; ')}.`];
		});
		// `* The Problem Manager is accountable for …`: bullets written as sentences about the role.
		const bullets = section.nodes.flatMap((node) =>
			node.type === 'list' && free(node) && !led.has(node)
				? node.children.map((item) => inlineText(toString(item.children[0] ?? item)))
				: []
		);
		const text = paragraphs.join(' ');
		const where = sectionCheck(section);
		const calledRoles = /\broles\b/i.test(section.parent?.title ?? '');
		const reason = !paragraphs.length
			? 'it sits under a roles heading but has no text to read duties from'
			: NOT_A_ROLE.test(text)
				? 'its text says it is not a role'
				: (notRoleShaped(name) ??
					(aboutARole(name)
						? 'its heading is about a role (its hand-off, training, rotation …), not the name of one'
						: ROLE_NOUN.test(name)
							? undefined
							: ABOUT_ROLES.test(name)
								? 'its heading is about the roles (overview, rotation, expectations …), not the name of one'
								: !(calledRoles && PERSON.test(text))
									? 'its heading names no role (lead, commander, engineer, scribe …) and its text speaks of no one doing it'
									: undefined));
		if (reason) {
			context.check.push({ ...where, reason });
			continue;
		}
		typed.add(section);
		const short = shortOf(name);
		const duties = proseDuties([...paragraphs, ...bullets], name, short);
		duties.responsibilities.push(...listed);
		const slug = uniqueSlug(slugify(short ?? name), taken);
		context.out.roles.push({
			slug,
			data: {
				name,
				...(short ? { short } : {}),
				...(duties.summary ? { summary: duties.summary } : {}),
				...(duties.responsibilities.length ? { responsibilities: duties.responsibilities } : {}),
				...(duties.dont.length ? { dont: duties.dont } : {}),
				order: (context.out.roles.length + 1) * 10,
			},
			from: fromSection(context.doc, section),
		});
		const read = duties.responsibilities.length + duties.dont.length;
		// Lists and sub-sections may hold duties no sentence above them names, so say only what was read.
		const more = bullets.length > 0 || section.children.length > 0;
		const typedAs = duties.summary
			? 'typed with its defining sentence as the summary and no duties'
			: 'typed by its name only';
		context.check.push({
			...where,
			leftAs: `role ${context.playbook}/${slug}`,
			reason: read
				? `it is written as prose, not a list: its duties were read from ${read} sentence${read === 1 ? '' : 's'}, and its text also stays in its page`
				: more
					? `no sentence of its text was read as a duty, and its lists or sub-sections are not read as duties: ${typedAs}, and its text stays in its page`
					: `it is written as prose and no sentence of it was read as a duty: ${typedAs}, and its text stays in its page`,
		});
	}
}

/**
 * `Duty Officer Checklist`, `CMOC Checklist`, `Incident Commander Responsibilities` (perhaps `…
 * during remediation`), `Steps for Scribe`: the checklist or duty list of one role names the role.
 */
const ROLE_CHECKLIST = new RegExp(
	String.raw`^(?:(?:${DUTY_WORDS}|check-?list) for (?:the |an? )?(.+)|(.+?)\s+(?:check-?list|responsibilities|duties)(?:\s+${PHASE}.*)?)$`,
	'i'
);
/** The role a checklist's or duty list's heading names, or undefined. */
function checklistRole(title: string): string | undefined {
	const match = ROLE_CHECKLIST.exec(title);
	return (match?.[1] ?? match?.[2])?.trim();
}

/** Names of a person doing something: the last word of a role's name. */
const AGENT_WORDS =
	'commander|lead|leader|manager|engineer|liaison|scribe|expert|officer|coordinator|operator|deputy|analyst|director|executive|specialist|representative|administrator|supervisor|captain|chief|head|counsel|writer|controller|observer|responder|owner|communicator|reporter|facilitator|spokesperson|investigator|note-?taker|helper|handler';
const AGENT = new RegExp(String.raw`\b(${AGENT_WORDS})$`, 'i');

/**
 * A role's own checklist (`# Duty Officer Checklist`, `## Incident Commander Responsibilities` over
 * `During Incident` / `After Resolution` lists) types the role by name; the checklist stays where it
 * is. An abbreviation (`RM Checklist`) needs its text to speak of it as a person (`you are
 * the RM`, `as the RM`), since `DNS Checklist` names no one.
 */
function recogniseChecklistRoles(context: Context, typed: Set<Section>): void {
	const taken = takenIn(context, 'roles');
	for (const section of allSections(context.doc.outline)) {
		const name = checklistRole(roleName(section.title));
		// `Technical Lead Responsibilities` under a typed `Incident Technical Lead` are its duties.
		if (!name || typed.has(section) || (section.parent && typed.has(section.parent))) continue;
		if (knownRole(context, name)) continue;
		const abbreviation = /^[A-Z]{2,6}$/.test(name);
		const text = context.doc.source.slice(section.start, section.end);
		const spoken =
			abbreviation &&
			new RegExp(`\\b(you are|as) the ${name}\\b|\\bthe ${name} is responsible\\b`).test(text);
		if (!spoken && !(AGENT.test(name) && roleShaped(name))) continue;
		typed.add(section);
		context.out.roles.push({
			slug: uniqueSlug(slugify(name), taken),
			data: {
				name,
				...(abbreviation ? { short: name } : {}),
				order: (context.out.roles.length + 1) * 10,
			},
			from: fromSection(context.doc, section),
		});
	}
}

/** A tier of an escalation path (`Level 1 - Duty engineer`, `L2 – Team lead`) or a heading over them. */
const TIER = /^(level|tier|stage|step|[lt])\s*\d|escalat/i;

/**
 * `### Engineering On-Call` over `**Responsibilities**: First response to every page` and a rota
 * table whose Role column names one role (`On-Call Engineer | Ada | Grace`): the label states that
 * role's duties. Without such a table the heading is the role's name if it ends in a function
 * (`### Primary Responder`). The section stays in its page; its table is a rota, not duties.
 */
function recogniseDutyLabels(context: Context, typed: Set<Section>): void {
	const taken = takenIn(context, 'roles');
	for (const section of allSections(context.doc.outline)) {
		if (typed.has(section) || isClaimed(context.doc, section.start, section.end)) continue;
		// A tier's duties belong to its path.
		if (TIER.test(section.title) || TIER.test(section.parent?.title ?? '')) continue;
		const part = partsOf(context.doc, section).find(
			(p) => !p.section && /^(responsibilit(y|ies)|duties)$/i.test(p.label)
		);
		const first = part?.nodes[0];
		const duties = part?.value
			? inlineText(part.value).split(SENTENCE_BREAK)
			: first?.type === 'list'
				? first.children.flatMap((item) => itemLines(context.doc, item))
				: [];
		if (!part || !duties.length) continue;
		const named = section.nodes.flatMap((node) => {
			if (node.type !== 'table') return [];
			const [head, ...body] = node.children.map((row) => ({
				at: startOf(row),
				cells: row.children.map((cell) => stripEmoji(toString(cell)).trim()),
			}));
			const column = head!.cells.findIndex((cell) => ROLE_COLUMN.test(cell));
			return column < 0 ? [] : body.map(({ at, cells }) => ({ at, name: cells[column] ?? '' }));
		});
		const heading = qualified(roleName(section.title)).name;
		const row = named.length === 1 ? named[0] : undefined;
		const name = row ? row.name : AGENT.test(heading) ? heading : undefined;
		if (!name || !ROLE_NOUN.test(name) || !roleShaped(name) || GROUP.test(name)) continue;
		if (knownRole(context, name)) continue;
		typed.add(section);
		addRole(
			context,
			taken,
			name,
			duties,
			row ? fromOffset(context.doc, name, row.at) : fromSection(context.doc, section)
		);
	}
}

/** A table column that holds a role's duties. */
const DUTIES_COLUMN =
	/responsibilit|responsabili|missions?\b|duties|tasks|what (they|it|you) do|does what|description|purpose|remit|accountab|focus/i;
/** A table column of role names: `Role`, `Incident role`, `Position`, `Hat`. */
const ROLE_COLUMN =
	/^((incident|response|team|on-?call) )?(r[oô]les?|rol(?:es)?|role names?|positions?|hats?|who)$/i;
/** A column of levels, tiers or times makes the table an escalation or a severity ladder. */
const LEVEL_COLUMN =
	/^(levels?|tiers?|steps?|stages?|order|#|severity|sev|priority|escalat\w*|after|time|when|response time)$/i;

/** Items of one duties cell: `Runs the call<br>Decides the severity`, `Drafts updates; Sends them`. */
const CELL_ITEMS = /\s*(?:<br\s*\/?>|;)\s*/i;

const RACI: Record<string, string> = {
	R: 'Responsible',
	A: 'Accountable',
	C: 'Consulted',
	I: 'Informed',
};

/** The first column of a table of steps: `Process Step`, `Activity`, `Task`, `Deliverable`. */
const STEP_COLUMN =
	/\b(steps?|activit(y|ies)|tasks?|process|phases?|actions?|deliverables?|decisions?)$/i;

/** A RACI matrix read across: its first column holds steps, its header the roles. */
const stepRows = (head: string[], body: string[][]): boolean =>
	STEP_COLUMN.test(head[0] ?? '') ||
	(body.every((cells) => !ROLE_NOUN.test(cells[0] ?? '')) &&
		head.slice(1).some((cell) => ROLE_NOUN.test(cell)));

/**
 * Role tables: a RACI matrix (rows are roles, cells R/A/C/I per activity) anywhere, a table with
 * a column headed Role (Incident role, Position, Hat) and one of duties (Responsibilities, What
 * they do, Purpose …) anywhere, and under a roles heading a two-column table of role and duty,
 * with or without a header row.
 */
export function recogniseRoleTables(context: Context): void {
	const taken = takenIn(context, 'roles');
	for (const section of allSections(context.doc.outline)) {
		for (const node of section.nodes) {
			if (node.type !== 'table' || node.children.length < 2) continue;
			if (isClaimed(context.doc, startOf(node), endOf(node))) continue;
			const rows = node.children.map((row) =>
				row.children.map((cell) => stripEmoji(toString(cell)).trim())
			);
			const [head, ...body] = rows;
			const raci =
				head!.length >= 3 &&
				body.every((cells) =>
					cells.slice(1).every((cell) => /^([RACI](\s*[/,]\s*[RACI])*|-|—)?$/.test(cell))
				) &&
				body.some((cells) => cells.slice(1).some((cell) => /[RACI]/.test(cell)));
			// `Process Step | Reporter | Coordinator`: a RACI matrix whose rows are steps and whose
			// columns are the roles; those roles' duties live in their own sections, so none is typed.
			if (raci && stepRows(head!, body)) {
				context.check.push({
					...sectionCheck(section, node),
					reason:
						'it is a RACI matrix whose rows are steps and whose columns are roles, so its rows are not read as roles',
				});
				continue;
			}
			const headerless = head!.every((cell) => !cell);
			// `Role | … | Responsibilities` anywhere names its columns; under a roles heading two
			// columns of role and duty need no header.
			// The role column may stand anywhere (`Person | Role | Duties`) when no column orders the
			// rows as levels or times.
			const roleColumn = head!.every((cell) => !LEVEL_COLUMN.test(cell))
				? head!.findIndex((cell) => ROLE_COLUMN.test(cell))
				: -1;
			const named =
				roleColumn < 0
					? -1
					: head!.findIndex((cell, i) => i !== roleColumn && DUTIES_COLUMN.test(cell));
			const under =
				ROLES_PARENT.test(`${section.title} ${section.parent?.title ?? ''}`) &&
				head!.length === 2 &&
				(headerless || /^(role|who)$/i.test(head![0]!));
			// `Information for responders` over `Chat room | #case-1`: a heading that only mentions
			// responders needs every row to name a function; one that says "roles" does not.
			const namesRoles =
				/\broles?\b|who does what|personas?\b/i.test(
					`${section.title} ${section.parent?.title ?? ''}`
				) || body.every((cells) => ROLE_NOUN.test(cells[0] ?? ''));
			if (under && !namesRoles && named < 0 && !raci) {
				context.check.push({
					...sectionCheck(section, node),
					reason:
						'it is a two-column table under a heading about responders, but its first column names no role (lead, commander, engineer …), so its rows are not read as roles',
				});
				continue;
			}
			const duties = named >= 0 || under;
			if (!raci && !duties) continue;
			// `Role Name | System | Permissions`: who may do what in a system, not in an incident.
			if (head!.some((cell) => ACCESS_COLUMN.test(cell))) {
				context.check.push({
					...sectionCheck(section, node),
					reason:
						'it is an access table (it has a permissions column): its roles are accounts in a system, not incident roles, so its rows are not read as roles',
				});
				continue;
			}
			const column = named >= 0 ? named : 1;
			const nameColumn = named >= 0 ? roleColumn : 0;
			const roles = body.map((cells, index) => ({
				name: cells[nameColumn]!,
				responsibilities: raci
					? cells.slice(1).flatMap((cell, i) =>
							cell
								.split(/\s*[/,]\s*/)
								.filter((letter) => RACI[letter])
								.map((letter) => `${RACI[letter]}: ${head![i + 1]}`)
						)
					: (cells[column] ?? '').split(CELL_ITEMS).filter(Boolean),
				line: lineAt(context.doc, startOf(node.children[index + 1]!)),
			}));
			if (roles.some((role) => !role.name)) continue;
			const fresh = roles.filter((role) => !knownRole(context, role.name));
			// A named column of teams or systems (`Database team`, `Checkout API`) holds no roles; a
			// `Who` column may hold people, so there every name must name a function.
			const functions = roles.filter(
				(role) => ROLE_NOUN.test(role.name) && !GROUP.test(role.name)
			).length;
			const who = /^who$/i.test(head![roleColumn] ?? '');
			// Under a heading that says roles (`Rôles et responsabilités`) the rows are its roles,
			// whatever words name them (`Exploitant`, `DevOps`).
			const said = !who && SAYS_ROLES.test(section.title);
			if (named >= 0 && !said && (who ? functions < roles.length : functions * 2 < roles.length))
				continue;
			for (const role of fresh) {
				addRole(context, taken, role.name, role.responsibilities, {
					heading: role.name,
					line: role.line,
				});
			}
			// Columns the roles do not hold (who, contact) keep the table in its page.
			if (raci || head!.length === 2)
				claim(context.doc, startOf(node), endOf(node), rolesHref(context));
		}
	}
}

/** A column of what an account may do: `Permissions`, `Access level`, `IAM group`, `Scopes`. */
const ACCESS_COLUMN =
	/^(permissions?|privileges?|access(?: levels?| rights)?|scopes?|iam(?: roles?| groups?)?|grants?)$/i;

/**
 * A heading that is only about roles: `Roles`, `Incident Response Roles`, `Mandatory Roles
 * (Sev1/Sev2)`, `Roles and Responsibilities`; a note in parentheses says when they apply.
 */
const ROLES_HEADING =
	/^((incident|response|on-?call|key|team|core|mandatory|required|primary|additional|other|optional|supporting|extra|further) ){0,2}(roles|personas)( (and|&) responsibilities)?( \([^)]*\))?$|^who does what$/i;
/** `Incident Commander`, `Engineering SME`: a short title-case name, no verb or sentence mark. */
const BARE_NAME = /^[A-Z][\w&/-]*(?: (?:[A-Z(][\w&/()-]*|of|and|&)){0,3}$/;
/** `Comms lead.`: a name in sentence case (a full stop allowed) ending in a person's function. */
const SENTENCE_NAME = /^[A-Z][a-z]*(?: [a-z]+){0,2} [a-z]+\.?$/;

/** A list item that is only a role's name, without its full stop; undefined when it is more. */
function bareRoleName(text: string): string | undefined {
	if (BARE_NAME.test(text)) return text;
	const name = text.replace(/\.$/, '');
	if (BARE_NAME.test(name) && AGENT.test(name)) return name;
	// `Call the duty lead.` is a step: a name has no article, preposition or conjunction.
	if (/\b(the|a|an|to|of|for|if|when|with|and|or|on|in|by)\b/i.test(name)) return undefined;
	return SENTENCE_NAME.test(text) && AGENT.test(name) ? name : undefined;
}

/** Words of a heading, or of the sentence before a list, about forming a team or handing out roles. */
const TEAM_CONTEXT =
	/\b(roles?|team|responders|who does what|appoint|assign|nominate|designate)\b/i;
/** A list of people to tell, call or escalate to holds contacts, not roles (`on-call` is a duty). */
const CONTACT_CONTEXT =
	/\b(inform|informed|notify|notified|contacts?|escalat\w*|stakeholders?|(?<!on-)call|page|phone|emails?)\b/i;
/** A duty that says it is one: `(responsible for …)`, `The role of the scribe is to …`. */
const STATED_DUTY =
	/\b(responsible|accountable|in charge of|role (of|is)|tasked with|charged with|job is)\b/i;
/** The name of a group (`Support team`, `Service support staff`), not a hat one person wears. */
const GROUP =
	/\b(team|teams|group|groups|department|staff|squad|committee|board|users|customers)$/i;
/**
 * `Stakeholders`, `Customers`, or a persona described as receiving news (`they receive updates`,
 * `everyone who waits for news`): an audience the response informs, not a role that responds.
 */
const AUDIENCE_NAME =
	/^(?:(?:internal|external|key|other|affected)\s+)?(?:stakeholders?|audiences?|customers?|clients?|users|subscribers|recipients|public)$/i;
const AUDIENCE_TEXT =
	/\b(?:receives?|gets?|waits? for) (?:information|news|updates?|notifications?)\b|\b(?:is|are) (?:kept )?(?:informed|notified|updated)\b/i;
const audience = (name: string, text: string): boolean =>
	AUDIENCE_NAME.test(name) || (AUDIENCE_TEXT.test(text) && !STATED_DUTY.test(text));

/** `the **Incident comms lead** (responsible for …)`, `**Scribe**: …`, `**Actor** – …`. */
const BOLD_NAME = /^(?:(?:the|an?|one|our)\s+)?(\*\*|__)([^*_]+?)\1\s*(.*)$/i;
/** `the person that reported it`, `whoever holds the pager`: what a role's description starts with. */
const DESCRIBES_PERSON =
	/^(?:(?:the|a|an|one)\s+(?:person|people|individual|one|team member|member)\b|(?:whoever|someone|anyone)\b)/i;
/** `Incident lead: …`, `Scribe – …`: a plain name before a colon or a spaced dash. */
const PLAIN_NAME = /^([A-Z][\w &/'()-]{1,40}?)\s*(?::|\s[–—-])\s+(\S.*)$/;

interface ListRole {
	item: ListItem;
	name: string;
	short?: string;
	duty?: string;
	about?: string[];
	/** Lines nested under a name that came with its duty: details (access it needs, when). */
	notes?: string[];
	/** `**Legal**: Dana Ruiz (Head of Operations)` over `Responsible for …` lines: who holds it. */
	holder?: string;
	/** The duties nested under such a line. */
	held?: string[];
}

/**
 * `**Legal**: Dana Ruiz (Head of Operations)` over nested `Responsible for …` lines: an area (one
 * word, `Legal`, `HR`, `C-Suite`) or a function, who holds it after the colon, and what it does in
 * the lines under it, the first of which says it is a duty. Two or more such items, every item of
 * the list; the holder is a name and perhaps a title, never itself a duty.
 */
function heldRoles(roles: ListRole[]): ListRole[] | undefined {
	if (roles.length < 2) return undefined;
	const held = roles.map((role) => {
		const holder = role.duty?.replace(/\s*:$/, '').trim();
		const [first] = role.notes ?? [];
		if (!holder || !first || !STATED_DUTY.test(first) || !/^[A-Z]/.test(first)) return undefined;
		if (!/^[A-Z][\w&/-]*$/.test(role.name) && !ROLE_NOUN.test(role.name)) return undefined;
		if (STATED_DUTY.test(holder) || acts(holder) || holder.split(/\s+/).length > 8)
			return undefined;
		if (/[.!?]$/.test(holder) || !/^[A-Z]/.test(holder)) return undefined;
		const { duty: _, notes, ...rest } = role;
		return { ...rest, holder, held: notes! };
	});
	return held.every(Boolean) ? (held as ListRole[]) : undefined;
}

/**
 * One line as a role's name and duty: a bold name (after an article, with its initials) and a duty
 * after a colon, a dash or in parentheses; a plain name before a colon or dash; a bare name.
 * Undefined when the line is something else (a sentence, a step).
 */
function nameAndDuty(
	text: string,
	groups = false
): { name: string; short?: string; duty?: string } | undefined {
	const bold = BOLD_NAME.exec(text);
	let name: string | undefined;
	let short: string | undefined;
	let duty: string | undefined;
	if (bold) {
		name = stripEmoji(bold[2]!);
		let tail = bold[3]!.trim();
		if (name.endsWith(':')) [name, tail] = [name.slice(0, -1).trim(), `: ${tail}`];
		const initials = /^\(([A-Z]{2,6})\)\s*(.*)$/.exec(tail);
		if (initials) [short, tail] = [initials[1], initials[2]!.trim()];
		const parenthesised = /^\((.+)\)\.?$/.exec(tail)?.[1];
		if (parenthesised) {
			// `(optional)`, `(for P1 incidents)`: a note on the name, not what the role does.
			if (!STATED_DUTY.test(parenthesised)) return undefined;
			duty = parenthesised;
		} else if (/^[:–—-]/.test(tail)) duty = tail.replace(/^[:–—-]\s*/, '');
		else if (tail) return undefined;
	} else {
		const plain = inlineText(text);
		const pair = PLAIN_NAME.exec(plain);
		// `Driver - the person who …`: a description of a person makes any name a role's.
		if (
			pair &&
			(ROLE_NOUN.test(pair[1]!) || AGENT.test(pair[1]!) || DESCRIBES_PERSON.test(pair[2]!))
		) {
			[name, duty] = [pair[1]!.trim(), pair[2]!];
			const initials = /^(.+?)\s*\(([A-Z]{2,6})\)$/.exec(name);
			if (initials) [name, short] = [initials[1]!, initials[2]];
		} else name = bareRoleName(plain);
	}
	if (!name || !roleShaped(name) || (GROUP.test(name) && !groups)) return undefined;
	if (duty !== undefined && !(duty = inlineText(duty))) return undefined;
	return { name, ...(short ? { short } : {}), ...(duty !== undefined ? { duty } : {}) };
}

/** A bold term alone on its line, its definition on the lines under it. */
const TERM_OVER_DEFINITION = /^((\*\*|__)[^*_\n]+?\2)[ \t]*\n[ \t]*(\S[\s\S]*)$/;

/**
 * `**Incident commander**` over `Coordinates the response.` (a reStructuredText definition list,
 * or a bold line over its sentence): the term and its definition as one line, `**Term**: …`, when
 * the definition reads as a duty (what the role does, a description of a person, or a sentence of
 * four words or more that is no way to reach someone); otherwise the lines as one, as before.
 */
function definitionText(source: string): string {
	const joined = source.replace(/\s*\n\s*/g, ' ').trim();
	const match = TERM_OVER_DEFINITION.exec(source.trim());
	if (!match) return joined;
	const definition = match[3]!.replace(/\s*\n\s*/g, ' ').trim();
	const plain = inlineText(definition);
	const duty =
		acts(plain) ||
		STATED_DUTY.test(plain) ||
		DESCRIBES_PERSON.test(plain) ||
		(plain.split(/\s+/).length >= 4 && !CONTACT_ITEM.test(plain));
	return duty && !match[1]!.replace(/[*_]/g, '').trim().endsWith(':')
		? `${match[1]}: ${definition}`
		: duty
			? `${match[1]} ${definition}`
			: joined;
}

/**
 * One list item as a role (`nameAndDuty`), perhaps over nested lines; undefined when it is not.
 * `groups`: the list is a roles heading's own, so a group with a duty (`**Oversight Board**: …`)
 * is one of its roles.
 */
function listRole(context: Context, item: ListItem, groups = false): ListRole | undefined {
	const [first, nested, ...rest] = item.children;
	if (first?.type !== 'paragraph' || rest.length || (nested && nested.type !== 'list'))
		return undefined;
	const lines =
		nested?.type === 'list' ? nested.children.flatMap((sub) => itemLines(context.doc, sub)) : [];
	const found = nameAndDuty(definitionText(sourceOf(context.doc, first)), groups);
	if (!found) return undefined;
	const { name, short, duty } = found;
	// A group is a role only by what it does: a duty after its name or nested under it.
	if (GROUP.test(name) && !duty && !lines.length) return undefined;
	const role: ListRole = { item, name, ...(short ? { short } : {}) };
	if (duty) return { ...role, duty, ...(lines.length ? { notes: lines } : {}) };
	if (nested) return lines.length ? { ...role, about: lines } : undefined;
	return role;
}

/**
 * Lists of roles: `- **Incident Commander** – leads the response` items (a bold or plain name
 * with one duty after a dash, a colon or in parentheses, perhaps with details nested under it),
 * names described by nested lines, or bare short names. Straight under a roles heading any of
 * these; under a heading or a sentence about forming a team (`Self-organise to appoint:`) names,
 * most naming a function, with their duties; anywhere, names that all name a function and whose
 * every duty says it is one (`responsible for …`). Lists of people to inform or call are not roles. Items of any other shape leave the whole list in its page.
 */
export function recogniseRoleBullets(context: Context): void {
	const taken = takenIn(context, 'roles');
	// The shape of the list of roles under each team's heading, for the next team's list.
	const shapes = new Map<Section, string>();
	for (const section of allSections(context.doc.outline)) {
		const siblings = section.parent?.children ?? [];
		const before = siblings.slice(0, siblings.indexOf(section));
		const siblingShapes = new Set(before.map((sibling) => shapes.get(sibling)));
		for (const found of bulletRoles(context, section, siblingShapes)) {
			if (GROUP.test(withoutSectionNumber(section.title))) shapes.set(section, found.shape);
			let audiences = 0;
			for (const { item, name, short, duty, about, notes, holder, held } of found.roles) {
				// An audience among the personas stays in its page, and so does its list.
				if (audience(name, [duty ?? '', ...(about ?? [])].join(' '))) {
					audiences++;
					context.check.push({
						...sectionCheck(section, item),
						reason:
							'it names an audience the response keeps informed (stakeholders, customers), not a role that responds, so it is not typed',
					});
					continue;
				}
				// One line under the name says what the role is, as does a duty that describes the
				// person (`the person who …`); several lines are its duties, as are the sentences of a
				// duty written as a paragraph.
				const described = duty && DESCRIBES_PERSON.test(duty) ? duty : undefined;
				const [summary] = described ? [described] : about?.length === 1 ? about : [];
				const duties = held
					? held
					: duty && !described
						? duty.split(SENTENCE_BREAK)
						: about && about.length > 1
							? about
							: undefined;
				const kept = holder ? [holder] : notes;
				context.out.roles.push({
					slug: uniqueSlug(slugify(short ?? name), taken),
					data: {
						name,
						...(short ? { short } : {}),
						...(summary ? { summary } : {}),
						...(duties ? { responsibilities: duties } : {}),
						...(kept ? { notes: kept } : {}),
						order: (context.out.roles.length + 1) * 10,
					},
					from: fromOffset(context.doc, name, startOf(item)),
				});
			}
			if (!audiences && !found.partial)
				claim(context.doc, startOf(found.list), endOf(found.list), rolesHref(context));
		}
	}
}

/** `**IC** - Incident Commander`, `**TL** – Tech Lead (keeps the SMEs in step)`: a bold line. */
const BOLD_LINE = /^(\*\*|__)([^*_]+?)\1\s*(?:[:–—-]\s*(.*))?$/;

/** The words at the start of `text` whose initials are `initials`, and what follows them. */
function spelledFrom(text: string, initials: string): { name: string; rest: string } | undefined {
	const words = text.split(/\s+/);
	const name = words.slice(0, initials.length);
	if (name.length < initials.length || !name.every((word) => /^[A-Z][\w-]*$/.test(word)))
		return undefined;
	const letters = name.map((word) => word[0]).join('');
	if (letters !== initials) return undefined;
	return { name: name.join(' '), rest: words.slice(initials.length).join(' ') };
}

/**
 * An org chart written as a glossary of its posts: `- **IC** - Incident Commander`, `- **TL** -
 * Tech Lead (coordinates the SMEs)`, `- **Deputy**`, `- **Scribe** - keeps the log`, each over
 * its nested duties. Two items or more whose bold initials are spelled out by a name ending in a
 * person's function say the list names posts; then every item must be a bold name that names a
 * function, or the whole list stays in its page. A name spelled out is the role's name and its
 * initials its short form; a duty after the dash and the nested lines are its duties; a short
 * aside in parentheses (`(firefighter)`) is a note, a longer one a duty.
 */
function recogniseInitialsGlossary(context: Context): void {
	const taken = takenIn(context, 'roles');
	for (const section of allSections(context.doc.outline)) {
		for (const list of section.nodes) {
			if (list.type !== 'list' || isClaimed(context.doc, startOf(list), endOf(list))) continue;
			let spelled = 0;
			const roles = list.children.map((item) => {
				const [first, nested, ...rest] = item.children;
				if (first?.type !== 'paragraph' || rest.length || (nested && nested.type !== 'list'))
					return undefined;
				const bold = BOLD_LINE.exec(itemSource(context.doc, item));
				if (!bold) return undefined;
				const label = stripEmoji(bold[2]!).trim();
				const tail = inlineText(bold[3] ?? '');
				const lines =
					nested?.type === 'list'
						? nested.children.flatMap((sub) => itemLines(context.doc, sub))
						: [];
				const initials = /^[A-Z]{2,6}$/.test(label) ? spelledFrom(tail, label) : undefined;
				let name = label;
				let short: string | undefined;
				let duty: string | undefined;
				let note: string | undefined;
				if (initials && AGENT.test(initials.name)) {
					spelled++;
					[name, short] = [initials.name, label];
					const aside = /^\((.+)\)\.?$/.exec(initials.rest)?.[1];
					if (aside && aside.split(/\s+/).length >= 3) duty = aside;
					else if (aside) note = aside;
					else if (initials.rest) return undefined;
				} else if (tail && BARE_NAME.test(tail) && AGENT.test(tail)) note = `Also called ${tail}`;
				else if (tail) duty = tail;
				if (!ROLE_NOUN.test(name) || !roleShaped(name) || GROUP.test(name)) return undefined;
				return {
					item,
					name,
					short,
					responsibilities: [...(duty ? [duty] : []), ...lines],
					note,
				};
			});
			if (spelled < 2 || roles.some((role) => !role)) continue;
			for (const role of roles) {
				const { item, name, short, responsibilities, note } = role!;
				if (knownRole(context, short ?? name) || knownRole(context, name)) continue;
				context.out.roles.push({
					slug: uniqueSlug(slugify(short ?? name), taken),
					data: {
						name,
						...(short ? { short } : {}),
						...(responsibilities.length ? { responsibilities } : {}),
						...(note ? { notes: [note] } : {}),
						order: (context.out.roles.length + 1) * 10,
					},
					from: fromOffset(context.doc, short ?? name, startOf(item)),
				});
			}
			claim(context.doc, startOf(list), endOf(list), rolesHref(context));
		}
	}
}

/**
 * Roles as paragraphs straight under a roles heading: `**Scribe** – keeps the log.` one per
 * paragraph or line, or a definition list (`Incident Lead` then `: Runs the call.`). At least two,
 * each with its duty, most named after a function; other paragraphs (an intro, a note) stay.
 */
function recogniseRoleParagraphs(context: Context): void {
	const taken = takenIn(context, 'roles');
	for (const section of allSections(context.doc.outline)) {
		if (!ROLES_HEADING.test(withoutSectionNumber(section.title))) continue;
		const found = section.nodes.flatMap((node) => {
			if (node.type !== 'paragraph' || isClaimed(context.doc, startOf(node), endOf(node)))
				return [];
			// A definition's `: …` line belongs to the name on the line before it.
			const lines = sourceOf(context.doc, node)
				.replace(/\n\s*:\s+/g, ': ')
				.split(/\n(?=(?:\*\*|__))/)
				.map(definitionText)
				.join('\n')
				.split('\n');
			const roles = lines.map((line) => nameAndDuty(line));
			if (!roles.every((role) => role?.duty)) return [];
			return [{ node, roles: roles as { name: string; short?: string; duty: string }[] }];
		});
		const roles = found.flatMap((paragraph) => paragraph.roles);
		const named = roles.filter(
			(role) => ROLE_NOUN.test(role.name) || DESCRIBES_PERSON.test(role.duty)
		).length;
		if (roles.length < 2 || named * 2 < roles.length) continue;
		for (const { node, roles: own } of found) {
			for (const { name, short, duty } of own) {
				if (knownRole(context, name)) continue;
				context.out.roles.push({
					slug: uniqueSlug(slugify(short ?? name), taken),
					data: {
						name,
						...(short ? { short } : {}),
						responsibilities: duty.split(SENTENCE_BREAK),
						order: (context.out.roles.length + 1) * 10,
					},
					from: fromOffset(context.doc, name, startOf(node)),
				});
			}
			claim(context.doc, startOf(node), endOf(node), rolesHref(context));
		}
	}
}

/** A MyST cross-reference (`{term}\`Incident Report\``, `{term}\`text <target>\``) as its text. */
const mystTerms = (text: string): string =>
	text.replace(/\{term\}`([^`<]+?)\s*(?:<[^>]*>)?`/g, '$1');

/**
 * A MyST `{glossary}` block under a roles heading: each term line over its indented `: definition`
 * is a role when it lists duties, the term names a function or the definition describes a person. The definition's
 * sentences are its summary and its bullets its duties; a lead-in ending `:` and a definition that
 * only points at another term (`See …`) are not. Anywhere else a glossary defines words, not roles.
 */
function recogniseGlossaryRoles(context: Context): void {
	const taken = takenIn(context, 'roles');
	for (const section of allSections(context.doc.outline)) {
		if (!ROLES_HEADING.test(withoutSectionNumber(section.title))) continue;
		for (const node of section.nodes) {
			if (node.type !== 'code' || !/^\{glossary\}$/.test(node.lang ?? '')) continue;
			for (const entry of node.value.split(/\n\s*\n/)) {
				const [term, ...rest] = entry.split('\n');
				if (!term || /^\s|^:/.test(term) || !/^:\s/.test(rest[0] ?? '')) continue;
				const name = term.trim();
				const body = rest.map((line) => mystTerms(line.replace(/^:\s/, '').trim()));
				const duties = body
					.filter((line) => /^[-*]\s/.test(line))
					.map((line) => inlineText(line.replace(/^[-*]\s+/, '')));
				const prose = inlineText(
					body.filter((line) => line && !/^[-*]\s/.test(line) && !/:$/.test(line)).join(' ')
				);
				if (/^see\b/i.test(prose) && !duties.length) continue;
				// A term with its own duties, or one naming a function or described as a person.
				const role = duties.length > 0 || ROLE_NOUN.test(name) || DESCRIBES_PERSON.test(prose);
				if (!roleShaped(name) || !role) {
					context.check.push({
						...sectionCheck(section, node),
						reason:
							'a glossary term under a roles heading that names no function and lists no duties, so it is not typed',
					});
					continue;
				}
				if (knownRole(context, name)) continue;
				context.out.roles.push({
					slug: uniqueSlug(slugify(name), taken),
					data: {
						name,
						...(prose ? { summary: prose } : {}),
						...(duties.length ? { responsibilities: duties } : {}),
						order: (context.out.roles.length + 1) * 10,
					},
					from: fromOffset(context.doc, name, context.doc.source.indexOf(term, startOf(node))),
				});
			}
		}
	}
}

/** A name typed already by another shape (a heading, a table), by its name or its short form. */
const knownRole = (context: Context, name: string): boolean =>
	context.out.roles.some(
		(role) =>
			role.data.short === name ||
			// `SPOC (DPO)` after `Data Protection Officer (DPO)`: the same initials, the same person.
			(shortOf(name) !== undefined && role.data.name.includes(`(${shortOf(name)})`)) ||
			role.data.name.replace(/\s*\([^)]*\)$/, '').toLowerCase() ===
				name.replace(/\s*\([^)]*\)$/, '').toLowerCase()
	);

/** The lists of `section` that are lists of roles, each with its roles. */
function bulletRoles(
	context: Context,
	section: Section,
	siblingShapes: Set<string | undefined> = new Set()
): { list: RootContent; roles: ListRole[]; shape: string; partial?: boolean }[] {
	const title = withoutSectionNumber(section.title);
	const lists = section.nodes.filter((node) => node.type === 'list');
	// Straight under a roles heading: its one list, paragraphs around it (an intro, a footer).
	const own =
		ROLES_HEADING.test(title) &&
		!section.children.length &&
		lists.length === 1 &&
		section.nodes.every((node) => node.type === 'list' || node.type === 'paragraph');
	const found: { list: RootContent; roles: ListRole[]; shape: string; partial?: boolean }[] = [];
	for (const list of lists) {
		const items = listItemsOf([list]);
		if (!items || items.length < 2 || isClaimed(context.doc, startOf(list), endOf(list))) continue;
		const before = section.nodes[section.nodes.indexOf(list) - 1];
		const lead =
			before?.type === 'paragraph' && /:\s*$/.test(toString(before)) ? toString(before) : '';
		const contacts = CONTACT_CONTEXT.test(`${title} ${lead}`);
		const team = !contacts && TEAM_CONTEXT.test(`${title} ${lead}`);
		const roles = items.map((item) => listRole(context, item, own));
		// `… is restricted to the following roles:` over `* Event Coordinator,` lines: the sentence
		// says the items are roles, so those named after a function are; a list with any other item
		// (`Majority decision from Trustees.`) stays in its page.
		const bare = roles.every((role) => !role || (!role.duty && !role.about));
		if (!contacts && /\broles\b[^.!?]*:\s*$/i.test(lead) && bare) {
			const named = items.flatMap((item) => {
				const name = inlineText(itemSource(context.doc, item)).replace(/\s*[,;.]$/, '');
				return item.children.length === 1 &&
					/^[A-Z]/.test(name) &&
					(AGENT.test(name) || ROLE_NOUN.test(name)) &&
					roleShaped(name) &&
					!knownRole(context, name)
					? [{ item, name }]
					: [];
			});
			if (named.length >= 2 && named.length * 2 > items.length)
				found.push({ list, roles: named, shape: 'bare', partial: named.length < items.length });
			continue;
		}
		if (roles.some((role) => !role)) continue;
		const sure = roles as ListRole[];
		// Areas over who holds them and what they do: the nested duties say they are roles.
		const held = contacts ? undefined : heldRoles(sure);
		if (held) {
			const fresh = held.filter((role) => !knownRole(context, role.name));
			if (fresh.length) found.push({ list, roles: fresh, shape: 'held' });
			continue;
		}
		// One shape for the whole list: all with duties, all described, or all bare names.
		const shapes = new Set(
			sure.map((role) => (role.duty ? 'duty' : role.about ? 'about' : 'bare'))
		);
		// Straight under a roles heading, a name over nested duties may sit among names with one
		// duty after a colon or a dash: both say what the role does.
		const described = own && !shapes.has('bare') && shapes.size === 2;
		if (shapes.size > 1 && !described) continue;
		const shape = described ? 'duty' : [...shapes][0]!;
		// Names of people or tools: a list of roles has most of its names name a function (`Runner`
		// and `Note keeper` beside two leads), and without a heading about roles or a team, all.
		// Straight under a roles heading, a name described as a person (`Spotter - the person who …`)
		// counts as one; elsewhere that could be a person's own name. A second team's list of the
		// same shape (`Extended team` after `Core team`, both headings naming a team) is read as the first.
		const named = sure.filter(
			(role) => ROLE_NOUN.test(role.name) || (own && DESCRIBES_PERSON.test(role.duty ?? ''))
		).length;
		const second = team && GROUP.test(title) && siblingShapes.has(shape);
		if (shape !== 'bare' && named * 2 < sure.length && !second) continue;
		const every = named === sure.length;
		// Anywhere, duties that say they are (`responsible for …`), or that start with what the role
		// does (`acknowledges the page`) even on an escalation page; never a way to reach someone.
		// `**Backup engineer:** The backup engineer acts as …`: the duty may name its role first.
		const duties = sure.every(({ name, duty }) => {
			if (duty === undefined || CONTACT_ITEM.test(duty)) return false;
			const subject = [`the ${name} `, `${name} `].find((words) =>
				duty.toLowerCase().startsWith(words.toLowerCase())
			);
			const own = subject ? duty.slice(subject.length) : duty;
			return (!contacts && STATED_DUTY.test(duty)) || acts(own);
		});
		const accepted = own || (team && shape !== 'bare') || (every && shape === 'duty' && duties);
		if (!accepted) continue;
		const fresh = sure.filter((role) => !knownRole(context, role.name));
		if (fresh.length) found.push({ list, roles: fresh, shape });
	}
	return found;
}

/**
 * `acknowledges the page`, `is responsible for …`: what follows a role that says what it does,
 * starting with a whole word (`https://…` is an address).
 */
const acts = (duty: string): boolean => {
	const first = duty.split(/\s+/)[0]!;
	return (
		/^[a-z]+$/i.test(first) &&
		DUTY.test(duty) &&
		!NEGATED.test(duty) &&
		(STATED_DUTY.test(duty) || !NOT_A_VERB.test(first))
	);
};

/** A heading over text about who is on the incident team: `Assembling a team`, `Roles`, `People`. */
const TEAM_SECTION =
	/\b(roles?|team|responders|who does what|people|staffing|assembl\w*|appoint\w*|assign\w*)\b/i;
/** A role's name in a sentence: up to three words before a person's function (`client comms manager`). */
const NAME = String.raw`((?:[A-Za-z][\w-]*\s+){0,3}?(?:${AGENT_WORDS}))`;
/**
 * Sentences that name a role: `The role of the incident lead is to …`, `The scribe is responsible
 * for …`, `An incident should always have an incident lead`, `Every incident needs a scribe`, `a client
 * comms manager should also be appointed`, `take the role of Incident Commander`. The first two say
 * what the role does.
 */
const NAMING = [
	new RegExp(String.raw`\bthe role of (?:the |an? )?${NAME} is\b`, 'i'),
	new RegExp(
		String.raw`^(?:the |an? )${NAME} (?:is|are) (?:responsible|accountable|in charge)\b`,
		'i'
	),
	// The name ends the clause: `have a lead time` names no one.
	new RegExp(
		String.raw`\b(?:have|needs?|appoint|assign|nominate|designate) (?:a|an|one) ${NAME}(?=\s*(?:[.,;:(]|$)|\s(?:who|to|and|or|for|with)\b)`,
		'i'
	),
	new RegExp(
		String.raw`\b(?:a|an|the) ${NAME} (?:should|must|will|can|may|is|are)(?: also| then| always)? (?:be )?(?:appointed|assigned|nominated|designated)\b`,
		'i'
	),
	new RegExp(String.raw`\b(?:take|takes|taking|assume|assumes) (?:on )?the role of ${NAME}\b`, 'i'),
];

/**
 * `It is the responsibility of the on-call support person to deal with an incident`: a sentence
 * handing one function a duty names that role wherever it stands.
 */
const OWN_DUTY = new RegExp(
	String.raw`\bit is the (?:responsibility|job|duty) of (?:the |an? )((?:[A-Za-z][\w-]*\s+){0,3}?(?:${AGENT_WORDS}|person)) to\b`,
	'i'
);
/**
 * `For all of these instructions the oncall is the ultimate fallback and owner of all issues`: in
 * the introduction of a heading over the procedures, a function made the owner of (or responsible
 * for) what follows is the role those procedures are for; in a step (`The database engineer is
 * responsible for restores.`) it is only who does that step.
 */
const OWNER = new RegExp(
	String.raw`\b(?:the|an?) ((?:[A-Za-z][\w-]*\s+){0,3}?(?:${AGENT_WORDS}|on-?call)) (?:is|are) (?:the (?:[\w-]+\s+){0,3}?owners? of|responsible for|accountable for|in charge of)\b`,
	'i'
);

/**
 * `The **Incident Manager** coordinates the response.`: a bold name of a function as the subject
 * of a sentence saying what it does; the name, or undefined when the sentence is something else.
 */
function boldSubject(sentence: string, bold: string[]): string | undefined {
	return bold.find((name) => {
		const rest = new RegExp(
			String.raw`^(?:(?:the|an?|our)\s+)?${RegExp.escape(name)}\s+(.*)$`,
			'i'
		).exec(sentence)?.[1];
		return rest !== undefined && acts(rest);
	});
}

/**
 * `… it is assigned a primary handler`, `Each app has an assigned support engineer`, `An incident
 * owner is appointed for every outage`, `A scribe is highly recommended to keep notes`: a sentence
 * handing out a function (and, with `to …`, saying what for).
 */
const ASSIGNED = [
	new RegExp(
		String.raw`\b(?:is|are|gets?|get|be)\s+(?:assigned|appointed|designated|nominated|given)\s+(?:a|an|one)\s+${NAME}\b`,
		'i'
	),
	new RegExp(
		String.raw`\b(?:has|have|gets?)\s+(?:a|an|one|its own|their own)\s+(?:assigned|appointed|designated|dedicated|named)\s+${NAME}\b`,
		'i'
	),
	new RegExp(
		String.raw`(?:^|\bthen\s+|,\s*)(?:an?|one|only one)\s+${NAME}(?:\s+(?:for|per|on)\s+[^,.;]{1,60}?)?\s+(?:is|are|gets|(?:will|should|must) be)\s+(?:(?:highly|strongly|also)\s+)?(?:assigned|appointed|designated|nominated|recommended|required|needed)\b(\s+to\s+[a-z])?`,
		'i'
	),
	// `Once someone is assigned the role of scribe, they keep …`: the same sentence may say what for.
	new RegExp(
		String.raw`\b(?:assigned|given|takes?|taking|assumes?|assuming)\s+(?:on\s+)?the role of\s+(?:the\s+|an?\s+)?${NAME}(?=(?:(?:\s*,)?\s+(?:they|he or she|this person)\s+([a-z].*)$)?)`,
		'i'
	),
];

/**
 * A function's name that may end in `on-call` (`primary on-call`), as `NAME` does, and runs on
 * to the last function word (`liaison officer`, not `liaison`).
 */
const FUNCTION = String.raw`((?:[A-Za-z][\w-]*\s+){0,3}?(?:${AGENT_WORDS}|on-?call)(?!\s+(?:${AGENT_WORDS}|on-?call)\b))`;
/**
 * Sentences that hand out a function while saying what it does: `We will appoint an Incident
 * Commander to run the incident`, `alert the primary on-call, who will triage it` (a clause set
 * off by a comma, not `the Head of Ops or the Director who will …`, a choice of contacts). A
 * one-word name (`assign an owner to fix it`) is whoever takes one task, so these need two words.
 */
const HANDED = [
	new RegExp(
		String.raw`\b(?:appoint|assign|nominate|designate)s?\s+(?:a|an|one)\s+${FUNCTION}(?:\s+(to\s+[a-z].*))?`,
		'i'
	),
	new RegExp(
		String.raw`(?<!\bor\s+)\b(?:the|an?)\s+${FUNCTION}(?:\s+(?:for|of|on)\s+[\w.-]+)?,\s+who\s+((?:will|must|should|shall)\s+[a-z].*)`,
		'i'
	),
];
/** `It is first investigated by the duty engineer`: what it does is then said by a later sentence. */
const PASSIVE_AGENT = new RegExp(
	String.raw`\b(?:is|are|was|were)\s+(?:(?:first|then|initially|always|usually|normally)\s+)?[a-z]+ed\s+by\s+(?:the|an?)\s+${FUNCTION}\b`,
	'i'
);
/**
 * `… form a team consisting of a developer lead who fixes it, a response manager who …, and a
 * support lead to handle comms`, `a team with both an incident lead and a comms lead`: the
 * members a team is made of, each with what the sentence says it does.
 */
const COMPOSED =
	/\bteam\b[^.;:]*?\b(?:consisting of|made up of|composed of|comprising|with)\s+(.*)$/i;
const MEMBER = new RegExp(
	String.raw`(?:^|,\s*|\s(?:and|both|plus)\s+)(?:(?:both|and)\s+)?(?:an?\s+)?${FUNCTION}\b`,
	'gi'
);
function members(text: string): { name: string; clause?: string }[] {
	const tail = COMPOSED.exec(text)?.[1];
	if (!tail) return [];
	const found = [...tail.matchAll(MEMBER)];
	return found.map((match, i) => {
		const after = tail
			.slice(match.index + match[0].length, found[i + 1]?.index ?? tail.length)
			.replace(/[,.]\s*$/, '')
			.trim();
		const clause = /^(?:who|to)\s+([a-z].*)$/i.exec(after)?.[1];
		return { name: match[1]!, ...(clause ? { clause } : {}) };
	});
}

/**
 * A function handed out by one sentence (`ASSIGNED`, `HANDED`, a team's members) and said to do
 * something by that sentence or a later one in the same section, lists and all: `This person
 * coordinates the fix.` right after it, or `The support engineer will troubleshoot …` anywhere
 * after it. Without such a sentence the name is only mentioned, and nothing is returned for it.
 */
function assignedRoles(
	context: Context,
	section: Section
): { name: string; at: number; sentence: string; duties: string[] }[] {
	const sentences: { at: number; text: string }[] = [];
	for (const node of section.nodes)
		visit(node, 'paragraph', (paragraph: Paragraph) => {
			if (isClaimed(context.doc, startOf(paragraph), endOf(paragraph))) return;
			for (const text of inlineText(sourceOf(context.doc, paragraph)).split(SENTENCE_BREAK))
				sentences.push({ at: startOf(paragraph), text });
		});
	// `They are entirely responsible for …`: an adverb after `is` or `are` still says what it does.
	// After `they` the verb has no s: `they post the updates`.
	const does = (rest: string, plural = false) =>
		acts(rest.replace(/^((?:is|are)\s+)\w+ly\s+/i, '$1')) ||
		(plural &&
			/^[a-z]+\s/.test(rest) &&
			!AUXILIARY.test(rest.split(/\s+/)[0]!) &&
			!NEGATED.test(rest));
	// One function handed out twice keeps its sentences once, in the order of the text.
	const found = new Map<
		string,
		{ name: string; at: number; sentence: string; duties: Map<number, string> }
	>();
	sentences.forEach(({ at, text }, index) => {
		const matches = [...ASSIGNED, ...HANDED].map((pattern) => pattern.exec(text));
		const which = matches.findIndex(Boolean);
		const match = matches[which];
		const passive = match ? undefined : PASSIVE_AGENT.exec(text);
		const handed = [
			...(match?.[1] && (which < ASSIGNED.length || /\s/.test(match[1].trim()))
				? [{ name: match[1], clause: match[2], own: true }]
				: []),
			...(passive ? [{ name: passive[1]!, clause: undefined, own: false }] : []),
			...members(text).map((member) => ({ ...member, own: false })),
		];
		for (const { name: words, clause, own: stated } of handed) {
			const name = words.trim().replace(/\s+/g, ' ');
			if (GROUP.test(name) || !roleShaped(name) || /^(the|an?|this|our|your)\b/i.test(name))
				continue;
			const last = name.split(' ').pop()!;
			const named = new RegExp(
				String.raw`^(?:(?:the|this|that|our|your)\s+)?(?:${RegExp.escape(name)}|${RegExp.escape(last)})\s+(.*)$`,
				'i'
			);
			const duties = new Map<number, string>();
			sentences.forEach(({ text: later }, at) => {
				if (at <= index) return;
				const bare = later.replace(OPENING_CLAUSE, '');
				const own = named.exec(bare)?.[1];
				// `This person …`, `They …`, `This is often the person who …` speak of the function
				// only straight after it.
				const next =
					at === index + 1
						? (/^(?:this|they|he or she)\s+(?:\w+\s+)?(?:is|are)\s+(?:\w+\s+)?(?:the|a)\s+(?:person|one|people)\s+who\s+(.*)$/i.exec(
								bare
							)?.[1] ??
							/^(?:this (?:person|individual)|they|he or she|she|he)\s+(.*)$/i.exec(bare)?.[1])
						: undefined;
				const rest = own ?? next;
				if (rest !== undefined && does(rest, own === undefined)) duties.set(at, later);
			});
			// `A scribe is needed to keep notes`, `… the role of scribe, they keep notes`: the sentence
			// says what the function is for; a team's member has its own clause of it.
			if (stated && clause && (/^\s*to\b/.test(clause) || does(clause, true)))
				duties.set(index, text);
			else if (!stated && clause)
				duties.set(index, clause.charAt(0).toUpperCase() + clause.slice(1));
			// `It is first investigated by the duty engineer.` is a duty when a later one says more.
			else if (passive && duties.size) duties.set(index, text);
			const role = found.get(name.toLowerCase()) ?? {
				name: name.charAt(0).toUpperCase() + name.slice(1),
				at,
				sentence: text,
				duties: new Map<number, string>(),
			};
			duties.forEach((duty, i) => role.duties.set(i, duty));
			found.set(name.toLowerCase(), role);
		}
	});
	return [...found.values()].flatMap(({ duties, ...role }) =>
		duties.size
			? [{ ...role, duties: [...duties].sort(([a], [b]) => a - b).map(([, duty]) => duty) }]
			: []
	);
}

/**
 * Roles named in the prose of a section about the team (`### Assembling a team`): each role a
 * sentence names as such, once, by the words the text uses. Sentences saying what it does are its
 * duties; otherwise the sentence naming it is its summary. In any other section, two or more bold
 * names each the subject of what it does (`The **Technical Lead** directs the investigation.`)
 * define roles the same way. The text stays in its page, and the report lists each role so an
 * author can check the name that was read.
 */
function recogniseSentenceRoles(context: Context): void {
	const taken = takenIn(context, 'roles');
	for (const section of allSections(context.doc.outline)) {
		const title = withoutSectionNumber(section.title);
		const team = TEAM_SECTION.test(title) && !CONTACT_CONTEXT.test(title);
		const found = new Map<
			string,
			{ name: string; at: number; sentences: string[]; duties: string[]; sure?: boolean }
		>();
		const add = (name: string, at: number, sentence: string, duty: boolean, sure = false) => {
			if (knownRole(context, name)) return;
			const role = found.get(name.toLowerCase()) ?? { name, at, sentences: [], duties: [] };
			role.sure ||= sure;
			found.set(name.toLowerCase(), role);
			if (!role.sentences.includes(sentence)) role.sentences.push(sentence);
			if (duty && !role.duties.includes(sentence)) role.duties.push(sentence);
		};
		assignedRoles(context, section).forEach(({ name, at, sentence, duties }) => {
			add(name, at, sentence, false, true);
			for (const duty of duties) add(name, at, duty, true, true);
		});
		for (const node of section.nodes) {
			if (node.type !== 'paragraph' || isClaimed(context.doc, startOf(node), endOf(node))) continue;
			const bold = node.children.flatMap((child) => {
				const name = child.type === 'strong' ? stripEmoji(toString(child)).trim() : '';
				return ROLE_NOUN.test(name) && roleShaped(name) && !GROUP.test(name) ? [name] : [];
			});
			for (const sentence of inlineText(sourceOf(context.doc, node)).split(SENTENCE_BREAK)) {
				const subject = boldSubject(sentence, bold);
				if (subject) add(subject, startOf(node), sentence, true);
				const owner = (OWN_DUTY.exec(sentence) ??
					(section.children.length ? OWNER.exec(sentence) : null))?.[1]?.replace(/\s+/g, ' ');
				if (owner && !GROUP.test(owner)) {
					// Its line is where the name stands, which may be below the paragraph's first line.
					const words = owner.split(' ').map((word) => RegExp.escape(word));
					const match = new RegExp(words.join('\\s+'), 'i').exec(sourceOf(context.doc, node));
					const at = startOf(node) + (match?.index ?? 0);
					add(owner.charAt(0).toUpperCase() + owner.slice(1), at, sentence, true, true);
				}
				if (!team) continue;
				NAMING.forEach((pattern, index) => {
					const words = pattern.exec(sentence)?.[1]?.replace(/\s+/g, ' ');
					if (!words || GROUP.test(words) || /^(the|an?|this|that|our|your)\b/i.test(words)) return;
					add(words.charAt(0).toUpperCase() + words.slice(1), startOf(node), sentence, index < 2);
				});
			}
		}
		// One bold name doing something outside a team section may be a step (`The **on-call
		// engineer** restarts it.`); two or more define the roles of a plan.
		// A duty handed to a function by name (`OWN_DUTY`) is one anywhere.
		const few = !team && found.size < 2;
		for (const { name, at, sentences, duties, sure } of found.values()) {
			if (few && !sure) continue;
			const slug = uniqueSlug(slugify(name), taken);
			context.out.roles.push({
				slug,
				data: {
					name,
					...(duties.length ? { responsibilities: duties } : { summary: sentences[0]! }),
					order: (context.out.roles.length + 1) * 10,
				},
				from: fromOffset(context.doc, name, at),
			});
			context.check.push({
				kind: 'role',
				heading: section.title,
				start: section.start,
				end: section.end,
				at,
				leftAs: `role ${context.playbook}/${slug}`,
				reason: `it names the role \`${name}\` in a sentence of prose: typed by the words the text uses, with ${duties.length ? 'the sentences that say what it does' : 'no duties, since no sentence says what it does'}; the text stays in its page`,
			});
		}
	}
}

/**
 * `The SEV owner creates …`, `In the channel, the on-call …`, `If it is an incident the officer
 * …`: a person's function as the subject, after an opening clause with or without its comma.
 */
const STEP_SUBJECT = new RegExp(
	String.raw`^(?:(?:if|when|once|after|in|at|on|within|from)\s[^,]{1,80}?,?\s+)?(?:the|our|your)\s+((?:[A-Za-z][\w-]*\s+){0,2}(?:${AGENT_WORDS}|on-?call)(?:\s+member)?|(?:[A-Za-z][\w-]*\s+)?${RESPONDING}(?:\s+[\w-]+){0,2}\s+team)\s+(.*)$`,
	'i'
);
/** `The VMT receives …`: a step whose subject is initials, read as the name they stand for. */
const STEP_INITIALS = /^(?:[Tt]he|[Oo]ur)\s+([A-Z]{2,6})\s+(.*)$/;

/**
 * `vulnerability management team` for `VMT`: the words in `source` whose initials these are,
 * when they end in a person's function or a team formed to respond; undefined otherwise.
 */
function spelledOut(source: string, initials: string): string | undefined {
	const words = [...initials].map((letter) => String.raw`${letter}[\w-]*`).join(String.raw`\s+`);
	for (const match of source.matchAll(new RegExp(String.raw`\b${words}\b`, 'gi'))) {
		const phrase = match[0].replace(/\s+/g, ' ');
		if (AGENT.test(phrase) || RESPONSE_TEAM.test(phrase))
			return `${phrase[0]!.toUpperCase()}${phrase.slice(1)} (${initials})`;
	}
	return undefined;
}

/**
 * Roles named by the steps of a process: a list (numbered or not, its nested steps too) whose
 * sentences make the same person's function, or the same team formed to respond (`The security
 * team investigates …`, `The VMT replies …`), their subject, saying what it does, in two steps or
 * more (`4. The SEV owner creates a channel.` … `6. The SEV owner is responsible for …`). A
 * section's paragraphs are read the same way, two sentences or more (`The duty manager opens the
 * bridge. … the duty manager calls the vendor.`). Those sentences are its duties; a shorter
 * name (`the on-call`) is the longer one named before or after it (`the engineering on-call
 * member`). The text stays in its page, and the report lists the role.
 */
function recogniseStepRoles(context: Context): void {
	const taken = takenIn(context, 'roles');
	for (const section of allSections(context.doc.outline)) {
		// Each list is one process; the section's own paragraphs, not typed as anything, are another.
		const prose = section.nodes.filter(
			(node): node is Paragraph =>
				node.type === 'paragraph' && !isClaimed(context.doc, startOf(node), endOf(node))
		);
		const units: { node?: RootContent; paragraphs: Paragraph[]; steps: Map<Paragraph, unknown> }[] =
			[];
		for (const list of section.nodes) {
			if (list.type !== 'list') continue;
			const steps = new Map<Paragraph, unknown>();
			visit(list, 'listItem', (item: ListItem) => {
				for (const paragraph of item.children)
					if (
						paragraph.type === 'paragraph' &&
						!readRoles(context, paragraph, ['checklists', 'scenarios'])
					)
						steps.set(paragraph, item);
			});
			units.push({ node: list, paragraphs: [...steps.keys()], steps });
		}
		if (prose.length) units.push({ paragraphs: prose, steps: new Map() });
		for (const { node, paragraphs, steps: itemOf } of units) {
			const found = new Map<
				string,
				{
					name: string;
					at: number;
					steps: Set<unknown>;
					duties: { at: number; sentence: string }[];
				}
			>();
			for (const paragraph of paragraphs) {
				const text = inlineText(sourceOf(context.doc, paragraph));
				for (const sentence of text.split(SENTENCE_BREAK)) {
					const bare = sentence.replace(OPENING_CLAUSE, '');
					const initials = STEP_INITIALS.exec(bare);
					const spelled = initials && spelledOut(context.doc.source, initials[1]!);
					const match = spelled ? [bare, spelled, initials[2]!] : STEP_SUBJECT.exec(bare);
					// `The duty manager also posts …`: an adverb before the verb still says what it does.
					if (!match || !acts(match[2]!.replace(/^(?:also|then|always|usually|\w+ly)\s+/i, '')))
						continue;
					const words = match[1]!.replace(/\s+member$/i, '').replace(/\s+/g, ' ');
					const key = words.toLowerCase();
					const role = found.get(key) ?? {
						name: words.replace(/^\w/, (first) => first.toUpperCase()),
						at: startOf(paragraph),
						steps: new Set(),
						duties: [],
					};
					found.set(key, role);
					// A step is its list item; in paragraphs each sentence counts.
					role.steps.add(itemOf.get(paragraph) ?? `${startOf(paragraph)}:${sentence}`);
					role.duties.push({ at: startOf(paragraph), sentence });
				}
			}
			// `on-call` is `engineering on-call` when the longer name is in the same steps.
			for (const [key, role] of found) {
				const longer = [...found.keys()].find((other) => other.endsWith(` ${key}`));
				if (!longer) continue;
				const into = found.get(longer)!;
				role.steps.forEach((step) => into.steps.add(step));
				into.duties.push(...role.duties);
				into.at = Math.min(into.at, role.at);
				found.delete(key);
			}
			for (const { name, at, steps, duties } of found.values()) {
				if (steps.size < 2 || notOneRole(name) || knownRole(context, name)) continue;
				const short = shortOf(name);
				const slug = uniqueSlug(slugify(short ?? name), taken);
				// In the order of the steps, the shorter name's sentences among the longer one's.
				const ordered = duties.sort((a, b) => a.at - b.at).map((duty) => duty.sentence);
				context.out.roles.push({
					slug,
					data: {
						name,
						...(short ? { short } : {}),
						responsibilities: ordered,
						order: (context.out.roles.length + 1) * 10,
					},
					// A spelled-out name stands in the steps by its initials.
					from: fromOffset(context.doc, short ?? name, at),
				});
				context.check.push({
					kind: 'role',
					heading: section.title,
					start: node ? startOf(node) : startOf(paragraphs[0]!),
					end: node ? endOf(node) : endOf(paragraphs[paragraphs.length - 1]!),
					at,
					leftAs: `role ${context.playbook}/${slug}`,
					reason: node
						? `it names the role \`${name}\` as the subject of ${steps.size} steps of a process: typed by the words the text uses, with those sentences as its duties; the steps stay in their page`
						: `it names the role \`${name}\` as the subject of ${steps.size} sentences of its section's text: typed by the words the text uses, with those sentences as its duties; the text stays in its page`,
				});
			}
		}
	}
}
