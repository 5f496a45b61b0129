/**
 * Sätteri hast plugin: turns GFM task lists (`- [ ] step`) into checklists that `rb-checklist`
 * makes executable. Each top-level task list becomes one checklist with labelled checkboxes; item
 * ids come from the text or a trailing `{#my-id}` (write `\{#my-id}` in MDX), unique across the
 * document. Sets `checklists` (a count) in the page's frontmatter so pages load the client only
 * when they need it.
 */
import { fileURLToPath } from 'node:url';
import type { Element, ElementContent, Root, RootContent } from 'hast';
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

const BLOCK = new Set(['ul', 'ol', 'p', 'div', 'pre', 'blockquote', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr']);

export function documentFromFile(fileURL: URL | undefined): string {
	if (!fileURL) return 'document';
	return fileURLToPath(fileURL).replace(/\.[^./\\]+$/, '').split(/[/\\]/).slice(-3).join('/');
}

const isElement = (node: RootContent | ElementContent | undefined, ...tags: string[]): node is Element =>
	node?.type === 'element' && (tags.length === 0 || tags.includes(node.tagName));

const isTaskList = (node: RootContent | ElementContent): node is Element =>
	isElement(node, 'ul', 'ol') && String(node.properties?.['className'] ?? '').includes('contains-task-list');

const isCheckbox = (node: ElementContent | undefined): boolean => isElement(node, 'input') && node.properties?.['type'] === 'checkbox';

function textOf(nodes: readonly (RootContent | ElementContent)[]): string {
	return nodes.map((node) => (node.type === 'text' ? node.value : 'children' in node ? textOf(node.children as ElementContent[]) : '')).join('');
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
	return (factory: PluginFactoryContext): HastPluginDefinition => ({
		name: 'responder-checklists',
		before(root, ctx) {
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
					for (const node of item.rest) if (isTaskList(node)) collect(node);
				}
				lists.set(list, pending);
			};
			const topLevel: Element[] = [];
			const walk = (nodes: readonly (RootContent | ElementContent)[]) => {
				for (const node of nodes) {
					if (isTaskList(node)) {
						topLevel.push(node);
						collect(node);
					} else if (node.type === 'element') walk(node.children);
				}
			};
			walk((root as Root).children);
			if (topLevel.length === 0) return;

			const ids = assignItemIds(items.map((item) => ({ text: item.text, id: item.explicitId })));
			const build = (list: Element): Element =>
				checklistList(
					lists.get(list)!.ordered,
					lists.get(list)!.entries.map((entry): ChecklistItemMarkup | Element => {
						if ('type' in entry) return entry;
						const rest = entry.rest.map((node) => (isTaskList(node) ? build(node) : node));
						return { id: ids[entry.index]!, label: entry.label, rest };
					}),
				);
			const document = documentOf(factory.fileURL);
			for (const list of topLevel) ctx.replaceNode(list, checklistRoot(document, [build(list)]));
			const astro = ctx.data['astro'] as { frontmatter?: Record<string, unknown> } | undefined;
			if (astro?.frontmatter) astro.frontmatter['checklists'] = topLevel.length;
		},
	});
}
