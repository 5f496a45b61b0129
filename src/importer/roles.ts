import type { RoleSchema } from '../schemas/index.ts';
import type { z } from 'astro/zod';
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
	startOf,
	stripEmoji,
	uniqueSlug,
	type Part,
	type Section,
} from './markdown.ts';
import { fromOffset, fromSection, itemLines, lineAt, takenIn, type Context } from './model.ts';
import { toString } from 'mdast-util-to-string';

/**
 * Roles: the sub-sections of an "Incident Roles" heading, each with Responsibilities, Authority,
 * Tools, and DO / DON'T lists (as lists, or as a fenced block of `✅ DO:` / `❌ DON'T:` lines).
 */

type RoleInput = z.input<ReturnType<typeof RoleSchema>>;

const ROLES_PARENT = /\broles?\b|responders|who does what|on-?call responsibilities/i;

/** Words that name a person's function: a heading without one needs a duties label to be a role. */
const ROLE_NOUN =
	/\b(commander|lead|leader|manager|engineer|liaison|scribe|expert|owner|responder|officer|on-?call|coordinator|operator|deputy|communications?|comms|analyst|support|participants?|director|executive|specialist|representative|primary|secondary|administrator|supervisor|captain|chief|head|member|counsel|writer|controller|observer|sme|ic)\b/i;

/** Headings of a role's own fields, never roles themselves. */
const ROLE_FIELD =
	/^(description|duties|responsibilities|training|prerequisites|overview|summary|what is it\??|why have one\??|who are they\??|how can i become one\??)$/i;

/** `Role: Incident Commander (IC)` → `Incident Commander (IC)`. */
const roleName = (title: string): string => title.replace(/^role\s*[:–—-]\s*/i, '').trim();

/** List items of every list in a section and its sub-sections, as lines. */
function subtreeItems(context: Context, section: Section): string[] {
	const items = section.nodes.flatMap((node) =>
		node.type === 'list' ? node.children.flatMap((item) => itemLines(context.doc, item)) : []
	);
	return [...items, ...section.children.flatMap((child) => subtreeItems(context, child))];
}

/** A paragraph ending `… is responsible for:` or `Duties:` introduces the list after it. */
const DUTIES_LEAD = /\b(responsible for|responsibilities|duties|expected to)\s*:$/i;

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
			claim(context.doc, part.start, part.end, `/${context.playbook}/`);
		}
	}
}

export function recogniseRoles(context: Context): void {
	const taken = takenIn(context, 'roles');
	const typed = new Set<Section>();
	for (const parent of allSections(context.doc.outline)) {
		// A role's own sub-sections (Description, Duties) are not roles.
		if (!ROLES_PARENT.test(parent.title) || typed.has(parent)) continue;
		for (const section of parent.children) {
			if (isClaimed(context.doc, section.start, section.end)) continue;
			const name = roleName(section.title);
			if (ROLE_FIELD.test(name) || ROLES_PARENT.test(name)) continue;
			const parts = partsOf(context.doc, section);
			// Under a roles heading, a sub-section that is only a bullet list is a role and its duties
			// when its heading names a function ("Scribe", "Primary On-Call Engineer"). An optional
			// sentence before the list is the role's summary.
			const lead = parts.length === 1 && !parts[0]!.label ? parts[0]!.nodes : [];
			const intro = lead.length === 2 && lead[0]!.type === 'paragraph' ? lead[0] : undefined;
			const short = /\(([A-Z][A-Za-z]{0,5})\)\s*$/.exec(name)?.[1];
			const list = lead.length > 0 && listItemsOf(intro ? lead.slice(1) : lead) !== undefined;
			const bare = list && (ROLE_NOUN.test(name) || short !== undefined);
			if (!bare && !parts.some((part) => /responsib|duties/i.test(part.label))) {
				// Stays verbatim; dropped from the report if another recogniser types it.
				context.check.push({
					kind: 'role',
					heading: section.title,
					start: section.start,
					end: section.end,
					reason: list
						? 'it sits under a roles heading with a list, but its heading names no role (lead, commander, engineer, scribe …), so the list is not read as duties'
						: 'it sits under a roles heading but has no list of duties (expected a bullet list or a Responsibilities label)',
				});
				continue;
			}
			typed.add(section);
			const role: RoleInput = {
				name,
				...(short ? { short } : {}),
				order: (context.out.roles.length + 1) * 10,
			};
			const used: Part[] = [];
			if (bare) {
				if (intro)
					role.summary = inlineText(
						context.doc.source.slice(intro.position!.start.offset!, intro.position!.end.offset!)
					);
				role.responsibilities = listItemsOf(intro ? lead.slice(1) : lead)!.flatMap((item) =>
					itemLines(context.doc, item)
				);
				used.push(parts[0]!);
			}
			for (const part of parts) {
				// `### Duties` under the role: its lists are the duties; the text stays in the page
				// unless the sub-section is nothing but lists.
				if (part.section && /responsib|duties/i.test(part.label) && !role.responsibilities) {
					const items = subtreeItems(context, part.section);
					if (items.length) role.responsibilities = items;
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
			for (const part of used) claim(context.doc, part.start, part.end, `/${context.playbook}/`);
			if (section.heading)
				claim(
					context.doc,
					section.heading.position!.start.offset!,
					section.heading.position!.end.offset!,
					`/${context.playbook}/`
				);
		}
	}
	recogniseDutyLeads(context, typed);
	recogniseInitialledRoles(context, typed);
	recogniseRoleTables(context);
	recogniseRoleLists(context);
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

/**
 * Anywhere in the document, a heading that names a function (`# Incident Commander`) over a
 * sentence ending "… is responsible for:" and a list: the role and its duties. The rest of the
 * section (its story, its sub-sections) stays in the page.
 */
function recogniseDutyLeads(context: Context, typed: Set<Section>): void {
	const taken = takenIn(context, 'roles');
	for (const section of allSections(context.doc.outline)) {
		const name = roleName(section.title);
		if (typed.has(section) || !ROLE_NOUN.test(name) || ROLE_FIELD.test(name)) continue;
		if (section.parent && typed.has(section.parent)) continue;
		const index = section.nodes.findIndex(
			(node, i) =>
				node.type === 'paragraph' &&
				DUTIES_LEAD.test(toString(node).trim()) &&
				section.nodes[i + 1]?.type === 'list'
		);
		if (index < 0) continue;
		const lead = section.nodes[index]!;
		const list = section.nodes[index + 1]!;
		if (list.type !== 'list' || isClaimed(context.doc, startOf(lead), endOf(list))) continue;
		const short = /\(([A-Z][A-Za-z]{0,5})\)\s*$/.exec(name)?.[1];
		typed.add(section);
		context.out.roles.push({
			slug: uniqueSlug(slugify(short ?? name), taken),
			data: {
				name,
				...(short ? { short } : {}),
				responsibilities: list.children.flatMap((item) => itemLines(context.doc, item)),
				order: (context.out.roles.length + 1) * 10,
			},
			from: fromSection(context.doc, section),
		});
		claim(context.doc, startOf(list), endOf(list), `/${context.playbook}/`);
	}
}

const RACI: Record<string, string> = {
	R: 'Responsible',
	A: 'Accountable',
	C: 'Consulted',
	I: 'Informed',
};

/**
 * Role tables: a RACI matrix (rows are roles, cells R/A/C/I per activity) anywhere, and under a
 * roles heading a two-column table of role and duty, with or without a header row.
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
			const headerless = head!.every((cell) => !cell);
			const duties =
				ROLES_PARENT.test(`${section.title} ${section.parent?.title ?? ''}`) &&
				head!.length === 2 &&
				(headerless || /^(role|who)$/i.test(head![0]!));
			if (!raci && !duties) continue;
			const roles = body.map((cells, index) => ({
				name: cells[0]!,
				responsibilities: raci
					? cells.slice(1).flatMap((cell, i) =>
							cell
								.split(/\s*[/,]\s*/)
								.filter((letter) => RACI[letter])
								.map((letter) => `${RACI[letter]}: ${head![i + 1]}`)
						)
					: [cells[1]!].filter(Boolean),
				line: lineAt(context.doc, startOf(node.children[index + 1]!)),
			}));
			if (roles.some((role) => !role.name)) continue;
			for (const role of roles) {
				const short = /\(([A-Z][A-Za-z]{0,5})\)\s*$/.exec(role.name)?.[1];
				context.out.roles.push({
					slug: uniqueSlug(slugify(short ?? role.name), taken),
					data: {
						name: role.name,
						...(short ? { short } : {}),
						responsibilities: role.responsibilities,
						order: (context.out.roles.length + 1) * 10,
					},
					from: { heading: role.name, line: role.line },
				});
			}
			claim(context.doc, startOf(node), endOf(node), `/${context.playbook}/`);
		}
	}
}
