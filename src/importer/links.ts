import type { Link, ListItem, Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import {
	allSections,
	claimNode,
	endOf,
	inlineText,
	isClaimed,
	itemSource,
	labelLine,
	startOf,
	stripEmoji,
	type Section,
} from './markdown.ts';
import type { Context, LinkInput } from './model.ts';

/**
 * Links a responder opens: list items such as `**Backend Health:** https://…`, `Stripe Status:
 * [status.stripe.com](https://status.stripe.com)`, `[Railway Documentation](https://…)`, in
 * sections about tools, resources, status pages, dashboards, health checks or documentation.
 */

const LINK_SECTION =
	/tool|resource|link|status|monitor|health|dashboard|documentation|docs|reference|support|logs|access|observability/i;
const BARE_URL = /^(?:https?:\/\/)?[\w-]+(?:\.[\w-]+)+(?::\d+)?(?:\/\S*)?$/;
const PLACEHOLDER = /^\[[^\]]+\]$/;

export function linkKind(text: string): NonNullable<LinkInput['kind']> {
	if (/status/i.test(text)) return 'status';
	if (/health|ready|readiness/i.test(text)) return 'health';
	if (/\blogs?\b/i.test(text)) return 'logs';
	if (/support|help/i.test(text)) return 'support';
	if (/doc|guide|runbook|\.md\b|readme|procedure|playbook/i.test(text)) return 'docs';
	if (/dashboard|monitor|metrics|grafana|console|sentry/i.test(text)) return 'dashboard';
	return 'other';
}

/** Reads one list item as a link, or returns undefined when it is not one. */
export function parseLinkItem(
	context: Context,
	item: ListItem,
	where: string
): LinkInput | undefined {
	if (item.children.length !== 1 || item.children[0]!.type !== 'paragraph') return undefined;
	const paragraph = item.children[0]!;
	const source = itemSource(context.doc, item);
	const links: Link[] = [];
	visit(paragraph, 'link', (node: Link) => void links.push(node));
	const label = labelLine(source) ?? splitColon(source);
	let result: LinkInput | undefined;
	if (links.length === 1) {
		const link = links[0]!;
		const linkText = stripEmoji(toString(link));
		const linkIsUrl = link.url.includes(linkText.replace(/^www\./, ''));
		if (label?.value) {
			// `Label: [text](url) and more words`: the words after the label are the note, unless
			// they are only the URL again.
			const valueText = inlineText(label.value);
			const note = valueText === linkText ? (linkIsUrl ? '' : linkText) : valueText;
			result = { label: label.label, url: link.url, ...(note ? { note } : {}) };
		} else {
			const written = context.doc.source.slice(startOf(link as Nodes), endOf(link as Nodes));
			// `In [Kibana](…) go to the index …`: a sentence with a link in it is a step, not a link.
			const before = source.slice(0, source.indexOf(written));
			if (stripEmoji(inlineText(before)).replace(/[*_\s]/g, '')) return undefined;
			const rest = inlineText(source.replace(written, '').replace(/\s*[-–—:]\s*$/, '')).replace(
				/^[-–—:]\s*/,
				''
			);
			result = { label: linkText || link.url, url: link.url, ...(rest ? { note: rest } : {}) };
		}
	} else if (links.length === 0 && label?.value) {
		const value = inlineText(label.value);
		if (!BARE_URL.test(value) && !PLACEHOLDER.test(label.value.trim())) return undefined;
		result = {
			label: label.label,
			url: PLACEHOLDER.test(label.value.trim()) ? label.value.trim() : value,
		};
	}
	if (!result) return undefined;
	return { ...result, kind: linkKind(`${where} ${result.label} ${result.url}`) };
}

function splitColon(source: string) {
	const match = /^(?:\*\*)?([^:*[\]]{2,60}?)(?:\*\*)?\s*:\s*(?:\*\*)?\s*(.+)$/.exec(source);
	return match ? { label: stripEmoji(match[1]!).trim(), value: match[2]!.trim() } : undefined;
}

function contextOf(section: Section): string {
	return [section.title, section.parent?.title ?? ''].join(' ');
}

export function recogniseLinks(context: Context): void {
	for (const section of allSections(context.doc.outline)) {
		const where = contextOf(section);
		section.nodes.forEach((node, index) => {
			if (node.type !== 'list' || isClaimed(context.doc, startOf(node), endOf(node))) return;
			// A bold label above the list ("**Status Pages:**") says what kind the links are.
			const previous = section.nodes[index - 1];
			const heading =
				previous?.type === 'paragraph'
					? (labelLine(
							context.doc.source.slice(startOf(previous), endOf(previous)).split('\n').pop()!
						)?.label ?? '')
					: '';
			if (!LINK_SECTION.test(`${where} ${heading}`)) return;
			const parsed = node.children.map((item) => ({
				item,
				link: parseLinkItem(context, item, `${heading || section.title}`),
			}));
			if (parsed.filter((p) => p.link).length * 2 < parsed.length) return;
			for (const { item, link } of parsed) {
				if (!link) continue;
				context.links.push(link);
				claimNode(context.doc, item, `/${context.playbook}/`);
			}
		});
	}
}
