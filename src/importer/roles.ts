import type { RoleSchema } from '../schemas/index.ts';
import type { z } from 'astro/zod';
import { allSections, claim, inlineText, isClaimed, listItemsOf, partsOf, slugify, uniqueSlug, type Part } from './markdown.ts';
import { itemLines, takenIn, type Context } from './model.ts';

/**
 * Roles: the sub-sections of an "Incident Roles" heading, each with Responsibilities, Authority,
 * Tools, and DO / DON'T lists (as lists, or as a fenced block of `✅ DO:` / `❌ DON'T:` lines).
 */

type RoleInput = z.input<ReturnType<typeof RoleSchema>>;

const ROLES_PARENT = /\broles?\b|responders|who does what/i;

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
	return [...(part.value ? [inlineText(part.value)] : []), ...items.flatMap((item) => itemLines(context.doc, item))];
}

export function recogniseRoles(context: Context): void {
	const taken = takenIn(context, 'roles');
	for (const parent of allSections(context.doc.outline)) {
		if (!ROLES_PARENT.test(parent.title)) continue;
		for (const section of parent.children) {
			if (isClaimed(context.doc, section.start, section.end)) continue;
			const parts = partsOf(context.doc, section);
			if (!parts.some((part) => /responsib/i.test(part.label))) continue;
			const short = /\(([A-Z][A-Za-z]{0,5})\)\s*$/.exec(section.title)?.[1];
			const role: RoleInput = { name: section.title, ...(short ? { short } : {}), order: (context.out.roles.length + 1) * 10 };
			const used: Part[] = [];
			for (const part of parts) {
				if (!part.label || part.section) continue;
				const label = part.label.toLowerCase();
				const list = lines(context, part);
				const code = part.nodes.length === 1 && part.nodes[0]!.type === 'code' ? parseDoDont(part.nodes[0]!.value) : undefined;
				if (/responsib/.test(label) && list) role.responsibilities = list;
				else if (/authority/.test(label) && list) role.authority = list;
				else if (/^tools?$/.test(label) && list) role.tools = list;
				else if (/^do$/.test(label) && list) role.do = list;
				else if (/^don'?t$/.test(label) && list) role.dont = list;
				else if (code) Object.assign(role, { notes: [...(role.notes ?? []), part.label] }, code);
				else if (part.value && part.nodes.length === 0) role.notes = [...(role.notes ?? []), `${part.label}: ${inlineText(part.value)}`];
				else continue;
				used.push(part);
			}
			const slug = uniqueSlug(slugify(short ?? section.title), taken);
			context.out.roles.push({ slug, data: role });
			for (const part of used) claim(context.doc, part.start, part.end, `/${context.playbook}/`);
			if (section.heading) claim(context.doc, section.heading.position!.start.offset!, section.heading.position!.end.offset!, `/${context.playbook}/`);
		}
	}
}
