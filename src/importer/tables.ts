import type { Link, Table, TableCell } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import {
	allSections,
	claim,
	claimNode,
	endOf,
	isClaimed,
	listItemsOf,
	partsOf,
	slugify,
	startOf,
	stripEmoji,
	uniqueSlug,
} from './markdown.ts';
import { hrefOf, takenIn, type Context } from './model.ts';
import { linkKind } from './links.ts';
import { parseLevel, splitLabel } from './severities.ts';

/**
 * Contact and access tables (`| Role | Name | Phone | Email |`, `| Service | Dashboard URL |
 * Admin Access |`), link tables (`| Dashboard | URL | Purpose |`), and contact lists (a bold role
 * label over `Email: …` / `Phone: …` lines).
 */

const CONTACT_COLUMN = /role|name|person|email|phone|contact|slack|access|owner|team|who|pager/i;
/**
 * `| Incident name | Severity | Description |`: a first column naming kinds of incident lists
 * incidents, and its `name` is no person's; only another column (`Owner`) makes it a contact table.
 */
const KIND_COLUMN =
	/^(?:incident|alert|alarm|outage|failure|scenario)s?(?:\s+(?:names?|types?|kinds?|modes?))?$/i;
const URL_COLUMN = /url|link|dashboard|address|endpoint|site/i;
const LOOKS_LIKE_URL = /^(?:https?:\/\/)?[\w-]+(?:\.[\w-]+)+(?:\/\S*)?$/;

/** A cell as text; a link's URL follows its text when the text is not the URL itself. */
function cellText(cell: TableCell): string {
	const urls: string[] = [];
	visit(cell, 'link', (link: Link) => {
		const text = toString(link).trim();
		if (
			!link.url
				.replace(/^(https?:\/\/|mailto:)/, '')
				.startsWith(text.replace(/^(https?:\/\/|mailto:)/, '')) &&
			!link.url.startsWith('#')
		)
			urls.push(link.url);
	});
	const text = toString(cell).trim();
	return urls.length ? `${text} (${urls.join(', ')})` : text;
}

function cells(table: Table): {
	headers: string[];
	rows: { text: string[]; urls: (string | undefined)[] }[];
} {
	const [head, ...body] = table.children;
	const headers = head!.children.map(
		(cell, i) => stripEmoji(toString(cell)).trim() || `Column ${i + 1}`
	);
	const rows = body.map((row) => ({
		text: headers.map((_, i) => (row.children[i] ? cellText(row.children[i]!) : '')),
		urls: headers.map((_, i) => {
			let url: string | undefined;
			if (row.children[i]) visit(row.children[i]!, 'link', (link: Link) => void (url ??= link.url));
			return url;
		}),
	}));
	return { headers, rows };
}

export function recogniseTables(context: Context): void {
	for (const section of [context.doc.outline, ...allSections(context.doc.outline)]) {
		for (const node of section.nodes) {
			if (
				node.type !== 'table' ||
				node.children.length < 2 ||
				isClaimed(context.doc, startOf(node), endOf(node))
			)
				continue;
			const { headers, rows } = cells(node);
			// A table whose rows are severity levels is a ladder, never a contact list.
			if (rows.every((row) => parseLevel(row.text[0] ?? ''))) continue;
			const urlColumn = headers.findIndex(
				(h, i) =>
					URL_COLUMN.test(h) && rows.some((row) => row.urls[i] || LOOKS_LIKE_URL.test(row.text[i]!))
			);
			const contact = (KIND_COLUMN.test(headers[0]!) ? headers.slice(1) : headers).some((h) =>
				CONTACT_COLUMN.test(h)
			);
			if (!contact && urlColumn < 0) continue;
			const title = section.title || 'Contacts';
			if (urlColumn >= 0) {
				for (const row of rows) {
					const url = row.urls[urlColumn] ?? row.text[urlColumn]!;
					if (!url) continue;
					const label = urlColumn === 0 ? url : row.text[0]!;
					const note = row.text
						.map((cell, i) => (i !== 0 && i !== urlColumn && cell ? `${headers[i]}: ${cell}` : ''))
						.filter(Boolean)
						.join('; ');
					context.links.push({
						label,
						url,
						kind: linkKind(`${title} ${headers.join(' ')} ${label} ${url}`),
						...(note ? { note } : {}),
					});
				}
			}
			if (contact) {
				const unique = headers.map((h, i) => (headers.indexOf(h) === i ? h : `${h} ${i + 1}`));
				const slug = uniqueSlug(slugify(title), takenIn(context, 'contacts'));
				context.out.contacts.push({
					slug,
					data: {
						title,
						columns: unique,
						entries: rows.map((row) =>
							Object.fromEntries(unique.map((h, i) => [h, row.text[i] ?? '']))
						),
						order: (context.out.contacts.length + 1) * 10,
					},
				});
			}
			claimNode(context.doc, node, `${hrefOf(context, 'escalation', '')}#contacts`);
		}
	}
	recogniseContactLists(context);
}

/**
 * `**On-Call Engineer:**` then `- Email: …`, `- Phone: …`: a row per label, a column per key.
 * Lists whose values are links are left to the links recogniser.
 */
export function recogniseContactLists(context: Context): void {
	for (const section of allSections(context.doc.outline)) {
		if (!/contact|on-call|people|who to call/i.test(section.title)) continue;
		const rows: { role: string; values: Record<string, string>; start: number; end: number }[] = [];
		for (const part of partsOf(context.doc, section)) {
			if (!part.label || part.value || part.section || isClaimed(context.doc, part.start, part.end))
				continue;
			const items = part.nodes.length ? listItemsOf(part.nodes) : undefined;
			if (!items) continue;
			const pairs = items.map((item) => splitLabel(toString(item).trim()));
			if (pairs.some((pair) => !pair) || pairs.some((pair) => /^https?:/.test(pair!.value)))
				continue;
			rows.push({
				role: part.label,
				values: Object.fromEntries(pairs.map((pair) => [pair!.label, pair!.value])),
				start: part.start,
				end: part.end,
			});
		}
		if (rows.length === 0) continue;
		const columns = ['Role', ...new Set(rows.flatMap((row) => Object.keys(row.values)))];
		const slug = uniqueSlug(slugify(section.title), takenIn(context, 'contacts'));
		context.out.contacts.push({
			slug,
			data: {
				title: section.title,
				columns,
				entries: rows.map((row) =>
					Object.fromEntries(
						columns.map((c) => [c, c === 'Role' ? row.role : (row.values[c] ?? '')])
					)
				),
				order: (context.out.contacts.length + 1) * 10,
			},
		});
		for (const row of rows)
			claim(context.doc, row.start, row.end, `${hrefOf(context, 'escalation', '')}#contacts`);
	}
}
