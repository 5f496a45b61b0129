/**
 * Sätteri hast plugin: turns GFM task lists (`- [ ] step`) into checklists that `rb-checklist`
 * makes executable. Each top-level task list becomes one checklist with labelled checkboxes; item
 * ids come from the text or a trailing `{#my-id}` (write `\{#my-id}` in MDX), unique across the
 * document. Sets `checklists` (a count) in the page's frontmatter so pages load the client only
 * when they need it.
 */
import { fileURLToPath } from 'node:url';
import type { Element, ElementContent, RootContent } from 'hast';
import type { HastPluginDefinition, HastPluginEntry, PluginFactoryContext } from 'satteri';
import { assignItemIds, splitExplicitId } from '../lib/checklist-ids.ts';
import { checklistList, checklistRoot, type ChecklistItemMarkup } from '../lib/checklist-markup.ts';

export interface ChecklistPluginOptions {
	/**
	 * The storage name of a document's checklists. Default: `<playbook>/<collection>/<slug>` from
	 * the file's last three path parts, e.g. `servio/scenarios/database-connection-exhaustion`.
	 */
	document?: (fileURL: URL | undefined) => string;
}

/** A line that may start a task item; documents without one skip the plugin. */
const TASK_ITEM = /^[ \t>]*(?:[-*+]|\d+[.)])[ \t]+\[[ xX]\]/m;

const BLOCK = new Set([
	'ul',
	'ol',
	'p',
	'div',
	'pre',
	'blockquote',
	'table',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'hr',
]);

export function documentFromFile(fileURL: URL | undefined): string {
	if (!fileURL) return 'document';
	return fileURLToPath(fileURL)
		.replace(/\.[^./\\]+$/, '')
		.split(/[/\\]/)
		.slice(-3)
		.join('/');
}

const isElement = (
	node: RootContent | ElementContent | undefined,
	...tags: string[]
): node is Element =>
	node?.type === 'element' && (tags.length === 0 || tags.includes(node.tagName));

const isTaskList = (node: RootContent | ElementContent): boolean =>
	isElement(node, 'ul', 'ol') &&
	String(node.properties['className'] ?? '').includes('contains-task-list');

const isCheckbox = (node: ElementContent | undefined): boolean =>
	isElement(node, 'input') && node.properties?.['type'] === 'checkbox';

/** Text content, including that of MDX JSX elements; expressions are not text. */
function textOf(nodes: readonly (RootContent | ElementContent)[]): string {
	let text = '';
	for (const node of nodes) {
		if (node.type === 'text') text += node.value;
		else if ('children' in node) text += textOf(node.children as ElementContent[]);
	}
	return text;
}

/** A task item split into its label and the rest, with the `{#id}` marker taken off the label. */
interface ParsedItem {
	text: string;
	explicitId?: string;
	label: ElementContent[];
	rest: ElementContent[];
}

function parseItem(li: Element): ParsedItem | undefined {
	let children = li.children;
	let rest: ElementContent[] = [];
	const paragraph = children.find((child) => child.type !== 'text' || child.value.trim() !== '');
	if (isElement(paragraph, 'p') && isCheckbox(paragraph.children[0])) {
		rest = children.slice(children.indexOf(paragraph) + 1);
		children = paragraph.children;
	}
	if (!isCheckbox(children[0])) return undefined;
	const after = children.slice(1);
	const blockAt = after.findIndex((child) => isElement(child) && BLOCK.has(child.tagName));
	const label = blockAt === -1 ? after : after.slice(0, blockAt);
	if (blockAt !== -1) rest = [...after.slice(blockAt), ...rest];
	const first = label[0];
	if (first?.type === 'text') label[0] = { ...first, value: first.value.trimStart() };
	const last = label.at(-1);
	let explicitId: string | undefined;
	if (last?.type === 'text') {
		const split = splitExplicitId(last.value);
		explicitId = split.id;
		label[label.length - 1] = { ...last, value: split.id ? split.text : last.value.trimEnd() };
	}
	return { text: textOf(label).trim(), ...(explicitId ? { explicitId } : {}), label, rest };
}

/** One task list, its nested task lists included, with items still waiting for their ids. */
interface PendingList {
	ordered: boolean;
	entries: (Element | (ParsedItem & { index: number }))[];
}

export default function satteriChecklists(options: ChecklistPluginOptions = {}): HastPluginEntry {
	const documentOf = options.document ?? documentFromFile;
	return (factory: PluginFactoryContext): HastPluginDefinition | null => {
		if (!TASK_ITEM.test(factory.source)) return null;
		/**
		 * Task lists not inside another task list, in document order. The visitor only notes them
		 * (Rust filters `ul`/`ol`, so other nodes never cross into JS); `after` replaces them once
		 * the ids of the whole document are known.
		 */
		const topLevel: Element[] = [];
		return {
			name: 'responder-checklists',
			element: {
				filter: ['ul', 'ol'],
				visit(node, ctx) {
					if (!isTaskList(node)) return;
					for (
						let parent = ctx.parent(node);
						parent && parent.type === 'element';
						parent = ctx.parent(parent)
					)
						if (isTaskList(parent)) return;
					topLevel.push(node);
				},
			},
			after(_, ctx) {
				if (topLevel.length === 0) return;
				const items: ParsedItem[] = [];
				const lists = new Map<Element, PendingList>();
				const collect = (list: Element) => {
					const pending: PendingList = { ordered: list.tagName === 'ol', entries: [] };
					for (const child of list.children) {
						if (!isElement(child, 'li')) continue;
						const item = parseItem(child);
						if (!item) {
							pending.entries.push(child);
							continue;
						}
						pending.entries.push({ ...item, index: items.length });
						items.push(item);
						for (const node of item.rest) if (isElement(node) && isTaskList(node)) collect(node);
					}
					lists.set(list, pending);
				};
				for (const list of topLevel) collect(list);

				const ids = assignItemIds(items.map((item) => ({ text: item.text, id: item.explicitId })));
				const build = (list: Element): Element =>
					checklistList(
						lists.get(list)!.ordered,
						lists.get(list)!.entries.map((entry): ChecklistItemMarkup | Element => {
							if ('type' in entry) return entry;
							const rest = entry.rest.map((node) =>
								isElement(node) && isTaskList(node) ? build(node) : node
							);
							return { id: ids[entry.index]!, label: entry.label, rest };
						})
					);
				const document = documentOf(factory.fileURL);
				for (const list of topLevel) ctx.replaceNode(list, checklistRoot(document, [build(list)]));
				const astro = ctx.data['astro'] as { frontmatter?: Record<string, unknown> } | undefined;
				if (astro?.frontmatter) astro.frontmatter['checklists'] = topLevel.length;
			},
		};
	};
}
