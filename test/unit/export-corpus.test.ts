/**
 * Every hostile string, as an incident id, title, role, note, checklist page and tick, through
 * every export: the incident record and post-mortem in Markdown (the playbook's templates and
 * Responder's own), parsed with remark + GFM; the post-mortem MDX, compiled and run; the JSON
 * export and the hand-over link, read back.
 */
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { PlaybookData } from '../../src/incident/data.ts';
import {
	renderDocument,
	renderPostMortemMdx,
	type ChecklistTicks,
	type ExportContext,
} from '../../src/incident/export.ts';
import type { Incident } from '../../src/incident/model.ts';
import { parseIncidentFile, toIncidentFile } from '../../src/incident/file.ts';
import { decodeHandover, encodeHandover } from '../../src/incident/handover.ts';
import { PostMortemSchema } from '../../src/schemas/post-mortem.ts';
import { HOSTILE_STRINGS } from '../fixtures/hostile-strings.ts';
import { isVisibleAddress, parseMarkdown, renderMdx } from './compile-output.ts';
import { playbook, severities } from './incident-fixture.ts';

const at = (time: string) => `2025-11-19T${time}:00.000Z`;

/** An imported or handed-over incident carrying `value` everywhere a person can type. */
function incident(value: string): Incident {
	return {
		id: value,
		title: value,
		playbook: 'ros',
		severity: 'ros/p1',
		status: 'resolved',
		startedAt: at('03:42'),
		closedAt: at('04:47'),
		roles: { 'Incident commander': value, [value]: value },
		timeline: [
			{ id: 't1', at: at('03:42'), type: 'declared', severity: value, level: value, title: value },
			{ id: 't2', at: at('03:43'), type: 'role-assigned', role: value, person: value },
			{
				id: 't3',
				at: at('03:44'),
				type: 'step-ticked',
				checklist: value,
				item: value,
				text: value,
			},
			{ id: 't4', at: at('03:50'), type: 'note', text: value },
			{ id: 't5', at: at('03:51'), type: 'note', text: 'typed', edited: value },
			{
				id: 't6',
				at: at('03:52'),
				type: 'message-sent',
				template: value,
				title: value,
				kind: value,
				channel: value,
				update: true,
			},
			{ id: 't7', at: at('04:47'), type: 'status-changed', from: 'monitoring', to: 'resolved' },
		],
	};
}

const checklists = (value: string): ChecklistTicks[] => [
	{
		document: value,
		ticks: [
			{ text: value, at: at('03:44'), removed: false },
			{ text: `${value} (old)`, at: at('03:45'), removed: true },
		],
	},
];

const PLAYBOOKS: [string, PlaybookData][] = [
	['the playbook’s templates', playbook],
	['Responder’s templates', { ...playbook, templates: [] }],
];

/** What inline Markdown shows for a value: one line; NUL is U+FFFD in CommonMark. */
const shown = (text: string) =>
	text
		.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ')
		.trim()
		.replace(/\0/g, '\uFFFD');

describe.each(PLAYBOOKS)('exports with %s', (_, book) => {
	const context = (value: string): ExportContext => ({
		playbook: book,
		severity: severities[1]!,
		now: new Date(at('05:00')),
		checklists: checklists(value),
	});

	it.each(HOSTILE_STRINGS)('keeps %j text in the Markdown exports', (value) => {
		for (const kind of ['incident-record', 'post-mortem'] as const) {
			const plain = parseMarkdown(renderDocument(incident('plain'), kind, context('plain')));
			const markdown = renderDocument(incident(value), kind, context(value));
			const parsed = parseMarkdown(markdown);
			if (parsed.links.length) plain.types.add('link');
			expect([...parsed.types].sort(), markdown).toEqual([...plain.types].sort());
			expect(parsed.links.filter((link) => !isVisibleAddress(link))).toEqual([]);
			expect(parsed.text).toContain(shown(value));
		}
	});

	it.each(HOSTILE_STRINGS)(
		'keeps %j text in the compiled and run MDX post-mortem',
		async (value) => {
			delete (globalThis as { pwned?: unknown }).pwned;
			const split = (mdx: string) => /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(mdx)!;
			const [, frontmatter, body] = split(renderPostMortemMdx(incident(value), context(value)));
			const data = PostMortemSchema().parse(parseYaml(frontmatter!));
			expect(data.title).toBe(`Post-incident review: ${value}`);
			expect(data.incident).toBe(value);
			// zod's records drop a `__proto__` key (their guard against prototype pollution).
			if (value !== '__proto__') expect(Object.entries(data.roles)).toContainEqual([value, value]);

			const plain = await renderMdx(
				split(renderPostMortemMdx(incident('plain'), context('plain')))[2]!
			);
			const rendered = await renderMdx(body!);
			expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
			expect(rendered.exports).toEqual([]);
			expect([...rendered.elements].sort()).toEqual([...plain.elements].sort());
			expect(rendered.links.filter((link) => !isVisibleAddress(link))).toEqual([]);
			expect(rendered.text).toContain(shown(value));
		}
	);
});

describe('the JSON export and the hand-over link', () => {
	it.each(HOSTILE_STRINGS)('carry %j as data, read back unchanged', async (value) => {
		const exported = JSON.stringify(toIncidentFile(incident(value)), null, 2);
		expect(parseIncidentFile(exported)).toEqual({ ok: true, incident: incident(value) });
		const values = { [value]: value };
		expect(await decodeHandover(`#${await encodeHandover(incident(value), values)}`)).toEqual({
			incident: incident(value),
			values,
		});
	});
});
