import type { List, RootContent } from 'mdast';
import type { ChecklistItem } from '../schemas/index.ts';
import {
	claim,
	claimNode,
	endOf,
	entryLink,
	isClaimed,
	labelLine,
	slugify,
	sourceOf,
	startOf,
	stripEmoji,
	uniqueSlug,
	type Section,
	allSections,
} from './markdown.ts';
import { hrefOf, itemTexts, takenIn, type Context } from './model.ts';
import { codeBlocks, isChecklistBlock } from './templates.ts';

/**
 * Checklists: GFM task lists (`- [ ] Incident file created`), grouped by the sub-headings or bold
 * labels above them, and `[ ]` lines inside a fenced block (the indented lines under a box are its
 * details).
 */

const isTaskList = (node: RootContent): node is List =>
	node.type === 'list' &&
	node.children.length > 0 &&
	node.children.every((item) => typeof item.checked === 'boolean');

function sectionKind(title: string): 'process' | 'post-incident' | 'reference' {
	if (/post|review|follow|after/i.test(title)) return 'post-incident';
	if (/access|onboard|training|tools|drill/i.test(title)) return 'reference';
	return 'process';
}

function toItems(context: Context, list: List): ChecklistItem[] {
	return list.children.map((item) => {
		const { text, details } = itemTexts(context.doc, item);
		return details.length ? { text: text || '(untitled)', details } : text || '(untitled)';
	});
}

/** A bold label paragraph right before the list (`**All Engineers:**`), if that is all it holds. */
function labelBefore(context: Context, nodes: RootContent[], index: number) {
	const previous = nodes[index - 1];
	if (previous?.type !== 'paragraph') return undefined;
	const label = labelLine(sourceOf(context.doc, previous));
	return label && !label.value && !sourceOf(context.doc, previous).includes('\n')
		? { label: label.label, node: previous }
		: undefined;
}

const onlyTaskLists = (context: Context, section: Section) =>
	section.children.length === 0 &&
	section.nodes.length > 0 &&
	section.nodes.every(
		(node, index) =>
			isTaskList(node) ||
			(node.type === 'paragraph' && labelBefore(context, section.nodes, index + 1))
	);

function addChecklist(
	context: Context,
	title: string,
	groups: { title?: string; items: ChecklistItem[] }[],
	when?: string
): string {
	const slug = uniqueSlug(slugify(title), takenIn(context, 'checklists'));
	context.out.checklists.push({
		slug,
		data: {
			title,
			...(when ? { when } : {}),
			section: sectionKind(title),
			groups,
			order: (context.out.checklists.length + 1) * 10,
		},
	});
	return hrefOf(context, 'checklists', slug);
}

export function recogniseChecklists(context: Context): void {
	const done = new Set<Section>();
	for (const section of allSections(context.doc.outline)) {
		if (done.has(section)) continue;
		const parent = section.parent;
		// A heading whose sub-sections are each one task list: one checklist, a group per sub-section.
		if (
			parent &&
			parent.depth > 0 &&
			!done.has(parent) &&
			parent.children.length > 0 &&
			parent.children.every(
				(child) => onlyTaskLists(context, child) && !isClaimed(context.doc, child.start, child.end)
			)
		) {
			const intro =
				parent.nodes.length === 1 && parent.nodes[0]!.type === 'paragraph'
					? parent.nodes[0]
					: undefined;
			const groups = parent.children.map((child) => ({
				title: child.title,
				items: child.nodes.filter(isTaskList).flatMap((list) => toItems(context, list)),
			}));
			const href = addChecklist(
				context,
				parent.title,
				groups,
				intro ? stripEmoji(sourceOf(context.doc, intro)).replace(/\s*\n\s*/g, ' ') : undefined
			);
			for (const child of parent.children) {
				claim(context.doc, child.start, child.end, href);
				done.add(child);
			}
			if (intro) claimNode(context.doc, intro, href);
			if (parent.heading) claimNode(context.doc, parent.heading, href);
			done.add(parent);
			continue;
		}
		const lists = section.nodes
			.map((node, index) => ({ node, index }))
			.filter(
				({ node }) => isTaskList(node) && !isClaimed(context.doc, startOf(node), endOf(node))
			);
		if (lists.length === 0) continue;
		const found = lists.map(({ node, index }) => ({
			node,
			label: labelBefore(context, section.nodes, index),
		}));
		const href = addChecklist(
			context,
			section.title,
			found.map(({ node, label }) => ({
				...(label ? { title: label.label } : {}),
				items: toItems(context, node as List),
			}))
		);
		for (const { node, label } of found) {
			if (label) claimNode(context.doc, label.node, href);
			claimNode(context.doc, node, href);
		}
		done.add(section);
	}
	recogniseChecklistBlocks(context);
}

/** Reads `[ ]` lines of a fenced block: the lines before the first box say when to use it. */
export function parseChecklistBlock(value: string): { when?: string; items: ChecklistItem[] } {
	const items: { text: string; details: string[] }[] = [];
	const lead: string[] = [];
	for (const line of value.split('\n')) {
		const box = /^\s*(?:[-*]\s*)?\[[ xX]\]\s*(.*)$/.exec(line);
		if (box) items.push({ text: box[1]!.trim() || '(untitled)', details: [] });
		else if (line.trim() && items.length)
			items[items.length - 1]!.details.push(line.trim().replace(/^[-*]\s+/, ''));
		else if (line.trim()) lead.push(stripEmoji(line.trim()).replace(/:$/, ''));
	}
	return {
		...(lead.length ? { when: lead.join(' ') } : {}),
		items: items.map((item) => (item.details.length ? item : item.text)),
	};
}

export function recogniseChecklistBlocks(context: Context): void {
	for (const code of codeBlocks(context)) {
		if (!isChecklistBlock(code) || isClaimed(context.doc, startOf(code.node), endOf(code.node)))
			continue;
		const { when, items } = parseChecklistBlock(code.node.value);
		if (items.length === 0) continue;
		const title =
			code.label && !/checklist/i.test(code.section.title) ? code.label : code.section.title;
		const href = addChecklist(context, title, [{ items }], when);
		claim(
			context.doc,
			startOf(code.node),
			endOf(code.node),
			href,
			entryLink('Checklist', title, href)
		);
	}
}
