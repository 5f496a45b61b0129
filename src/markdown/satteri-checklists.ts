/**
 * Sätteri hast plugin: turns GFM task lists (`- [ ] step`) into checklists that `rb-checklist`
 * makes executable. Each top-level task list becomes one checklist with labelled checkboxes; item
 * ids come from the text or a trailing `{#my-id}` (write `\{#my-id}` in MDX), unique across the
 * document. Sets `checklists` (a count) in the page's frontmatter so pages load the client only
 * when they need it.
 *
 * In a document of steps (a scenario), the steps are tickable where they stand: every ordered
 * list that is not inside another list becomes a checklist too, and so does a code block whose
 * comments number its steps (`# 1. Check status`, see `lib/numbered-steps.ts`), one item per
 * numbered comment with its commands below it. A list inside `<div class="not-steps">` stays a
 * plain list.
 */
import { fileURLToPath } from 'node:url';
import type { Element, ElementContent, RootContent } from 'hast';
import type {
	HastPluginDefinition,
	HastPluginEntry,
	MdxJsxFlowElementHast,
	PluginFactoryContext,
} from 'satteri';
import { assignItemIds, splitExplicitId } from '../lib/checklist-ids.ts';
import {
	checklistList,
	checklistRoot,
	element,
	NOT_STEPS_CLASS,
	type ChecklistItemMarkup,
} from '../lib/checklist-markup.ts';
import { commandStep, isCommandLanguage, numberedCodeSteps } from '../lib/numbered-steps.ts';

export interface ChecklistPluginOptions {
	/**
	 * The storage name of a document's checklists. Default: `<playbook>/<collection>/<slug>` from
	 * the file's last three path parts, e.g. `servio/scenarios/database-connection-exhaustion`.
	 */
	document?: (fileURL: URL | undefined) => string;
	/**
	 * Whether the document's ordered lists and numbered code blocks are steps to tick. Default:
	 * files in a `scenarios` folder.
	 */
	steps?: (fileURL: URL | undefined) => boolean;
}

export const isStepsDocument = (fileURL: URL | undefined): boolean =>
	documentFromFile(fileURL).split('/').at(-2) === 'scenarios';

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
	/** The text the id comes from when not `text` (see `commandStep`). */
	idText?: string;
	label: ElementContent[];
	rest: ElementContent[];
}

/** Splits phrasing content at its first block: the label, then the rest. */
function splitLabel(children: ElementContent[]): {
	label: ElementContent[];
	rest: ElementContent[];
} {
	const blockAt = children.findIndex((child) => isElement(child) && BLOCK.has(child.tagName));
	return blockAt === -1
		? { label: [...children], rest: [] }
		: { label: children.slice(0, blockAt), rest: children.slice(blockAt) };
}

/** The item's label trimmed, its `{#id}` marker taken off; `undefined` when it has no text. */
function finishItem(label: ElementContent[], rest: ElementContent[]): ParsedItem | undefined {
	const first = label[0];
	if (first?.type === 'text') label[0] = { ...first, value: first.value.trimStart() };
	const last = label.at(-1);
	let explicitId: string | undefined;
	if (last?.type === 'text') {
		const split = splitExplicitId(last.value);
		explicitId = split.id;
		label[label.length - 1] = { ...last, value: split.id ? split.text : last.value.trimEnd() };
	}
	const text = textOf(label).trim();
	if (!text) return undefined;
	return { text, ...(explicitId ? { explicitId } : {}), label, rest };
}

const firstContent = (children: ElementContent[]) =>
	children.find((child) => child.type !== 'text' || child.value.trim() !== '');

function parseItem(li: Element): ParsedItem | undefined {
	let children = li.children;
	let rest: ElementContent[] = [];
	const paragraph = firstContent(children);
	if (isElement(paragraph, 'p') && isCheckbox(paragraph.children[0])) {
		rest = children.slice(children.indexOf(paragraph) + 1);
		children = paragraph.children;
	}
	if (!isCheckbox(children[0])) return undefined;
	const split = splitLabel(children.slice(1));
	return finishItem(split.label, [...split.rest, ...rest]);
}

/** The id texts of the steps made from lone command blocks (their headings), by item. */
const idTexts = new WeakMap<Element, string>();

/** A step of an ordered list: its first paragraph (or text up to the first block) is the label. */
function parseStep(li: Element): ParsedItem | undefined {
	const paragraph = firstContent(li.children);
	const split = isElement(paragraph, 'p')
		? {
				label: [...paragraph.children],
				rest: li.children.slice(li.children.indexOf(paragraph) + 1),
			}
		: splitLabel(li.children);
	const item = finishItem(split.label, split.rest);
	const idText = idTexts.get(li);
	return item && idText ? { ...item, idText } : item;
}

/**
 * A command block as an ordered list: one item per numbered comment with its code below, or else
 * one item with the whole block, named after the heading above and what the block does; its id
 * still comes from the heading alone.
 */
function codeStepsList(pre: Element, heading: string | undefined): Element | undefined {
	const code = pre.children.find((child) => isElement(child, 'code'));
	if (!isElement(code, 'code')) return undefined;
	const text = textOf(code.children);
	const language = /(?:^|\s)language-(\S+)/.exec(
		[code.properties['className'] ?? ''].flat().join(' ')
	)?.[1];
	const steps: { text: string; code: string; idText?: string }[] | undefined =
		numberedCodeSteps(text) ??
		(isCommandLanguage(language)
			? [{ ...commandStep(heading, text), code: text.trimEnd() }]
			: undefined);
	if (!steps) return undefined;
	return element(
		'ol',
		{},
		steps.map((step) => {
			const li = element('li', {}, [
				{ type: 'text', value: step.text },
				...(step.code
					? [
							element('pre', { ...pre.properties }, [
								element('code', { ...code.properties }, [{ type: 'text', value: step.code }]),
							]),
						]
					: []),
			]);
			if (step.idText) idTexts.set(li, step.idText);
			return li;
		})
	);
}

const hasClass = (node: { properties?: Element['properties'] }, name: string) =>
	String(node.properties?.['className'] ?? '')
		.split(/[\s,]+/)
		.includes(name);

/** An MDX `<div class="not-steps">` (or a `div` with that class in HTML). */
function isNotSteps(node: { type: string }): boolean {
	if (node.type === 'element')
		return isElement(node as Element, 'div') && hasClass(node as Element, NOT_STEPS_CLASS);
	if (node.type !== 'mdxJsxFlowElement') return false;
	const jsx = node as unknown as MdxJsxFlowElementHast;
	return (
		jsx.name === 'div' &&
		jsx.attributes.some(
			(attribute) =>
				attribute.type === 'mdxJsxAttribute' &&
				(attribute.name === 'class' || attribute.name === 'className') &&
				typeof attribute.value === 'string' &&
				attribute.value.split(/\s+/).includes(NOT_STEPS_CLASS)
		)
	);
}

/** One checklist, its nested task lists included, with items still waiting for their ids. */
interface PendingList {
	ordered: boolean;
	start?: number;
	entries: (Element | (ParsedItem & { index: number }))[];
}

/** A list that becomes a checklist: the node it replaces and the list its items come from. */
interface TopLevel {
	node: Element;
	list: Element;
	steps: boolean;
}

/** A line that may start an ordered list item or a code block: steps may follow. */
const STEP_LINE = /^[ \t>]*(?:\d+[.)][ \t]|```|~~~)/m;

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

export default function satteriChecklists(options: ChecklistPluginOptions = {}): HastPluginEntry {
	const documentOf = options.document ?? documentFromFile;
	const stepsIn = options.steps ?? isStepsDocument;
	return (factory: PluginFactoryContext): HastPluginDefinition | null => {
		const steps = stepsIn(factory.fileURL) && STEP_LINE.test(factory.source);
		if (!steps && !TASK_ITEM.test(factory.source)) return null;
		/**
		 * Lists that become checklists, not inside another one, in document order. The visitor only
		 * notes them (Rust filters `ul`/`ol`/`pre`, so other nodes never cross into JS); `after`
		 * replaces them once the ids of the whole document are known.
		 */
		const topLevel: TopLevel[] = [];
		const noted = new Set<Element>();
		/** The text of the last heading visited, which names a command block standing under it. */
		let heading: string | undefined;
		return {
			name: 'responder-checklists',
			element: {
				filter: steps ? ['ul', 'ol', 'pre', ...HEADINGS] : ['ul', 'ol'],
				visit(node, ctx) {
					if (HEADINGS.includes(node.tagName)) {
						heading = textOf(node.children);
						return;
					}
					const task = isTaskList(node);
					if (!task && !steps) return;
					if (!task && node.tagName === 'ul') return;
					// A list inside a noted one is built with it; a step inside a list item or an opted-out
					// wrapper is not a step.
					for (let parent = ctx.parent(node); parent && parent.type !== 'root';) {
						if (parent.type === 'element' && noted.has(parent)) return;
						if (parent.type === 'element' && isTaskList(parent)) return;
						if (!task && (isElement(parent as Element, 'li') || isNotSteps(parent))) return;
						parent = ctx.parent(parent as Element);
					}
					const list = node.tagName === 'pre' ? codeStepsList(node, heading) : node;
					if (!list) return;
					noted.add(node);
					topLevel.push({ node, list, steps: !task });
				},
			},
			after(_, ctx) {
				if (topLevel.length === 0) return;
				const items: ParsedItem[] = [];
				const lists = new Map<Element, PendingList>();
				const collect = (list: Element, asSteps: boolean) => {
					const start = Number(list.properties['start']);
					const pending: PendingList = {
						ordered: list.tagName === 'ol',
						...(start > 1 ? { start } : {}),
						entries: [],
					};
					for (const child of list.children) {
						if (!isElement(child, 'li')) continue;
						const item = (asSteps ? parseStep : parseItem)(child);
						if (!item) {
							pending.entries.push(child);
							continue;
						}
						pending.entries.push({ ...item, index: items.length });
						items.push(item);
						for (const node of item.rest)
							if (isElement(node) && isTaskList(node)) collect(node, false);
					}
					lists.set(list, pending);
				};
				for (const { list, steps: asSteps } of topLevel) collect(list, asSteps);

				const ids = assignItemIds(
					items.map((item) => ({ text: item.text, id: item.explicitId, idText: item.idText }))
				);
				const build = (list: Element): Element => {
					const pending = lists.get(list)!;
					return checklistList(
						pending.ordered,
						pending.entries.map((entry): ChecklistItemMarkup | Element => {
							if ('type' in entry) return entry;
							const rest = entry.rest.map((node) =>
								isElement(node) && isTaskList(node) ? build(node) : node
							);
							return { id: ids[entry.index]!, label: entry.label, rest };
						}),
						pending.start
					);
				};
				const document = documentOf(factory.fileURL);
				for (const { node, list } of topLevel)
					ctx.replaceNode(node, checklistRoot(document, [build(list)]));
				const astro = ctx.data['astro'] as { frontmatter?: Record<string, unknown> } | undefined;
				if (astro?.frontmatter) astro.frontmatter['checklists'] = topLevel.length;
			},
		};
	};
}
