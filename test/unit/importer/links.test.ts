import { describe, expect, it } from 'vitest';
import { siteUrls } from '../../../src/lib/urls.ts';
import { serialise } from '../../../src/importer/writer.ts';
import { importText } from './helpers.ts';
import { fixtureNames, importFixture } from './shapes.ts';

describe('link recogniser', () => {
	it('reads status pages, health checks, docs and placeholders from tool sections', () => {
		const { imported } = importText(`## Tools
### Status Pages
- **Stripe:** https://status.stripe.com
- Supabase Status: [status.supabase.com](https://status.supabase.com)
### Health Checks
- **Backend Health:** https://api.example.com/health
### Documentation
- [Deploy guide](./DEPLOY.md) - How we ship
- **Sentry:** [Your Sentry URL]
`);
		expect(imported.playbook.links).toEqual([
			{ label: 'Stripe', url: 'https://status.stripe.com', kind: 'status' },
			{ label: 'Supabase Status', url: 'https://status.supabase.com', kind: 'status' },
			{ label: 'Backend Health', url: 'https://api.example.com/health', kind: 'health' },
			{ label: 'Deploy guide', url: './DEPLOY.md', note: 'How we ship', kind: 'docs' },
			{ label: 'Sentry', url: '[Your Sentry URL]', kind: 'docs' },
		]);
		expect(imported.pages.filter((p) => p.slug !== 'source-outline')).toEqual([]);
	});

	it('keeps links in their page when text around them needs them', () => {
		const { imported } = importText(`## Monitoring
### Weekly check-ins
Every missing check-in on production gets fixed. The check-ins we run now:
- [Nightly export](https://checks.example.net/export)
- [Mailer queue](https://checks.example.net/mailer)

Check-in alerts also go to the team channel.
`);
		expect(imported.playbook.links?.map((link) => link.label)).toEqual([
			'Nightly export',
			'Mailer queue',
		]);
		const page = imported.pages.find((p) => p.slug === 'monitoring')!;
		expect(page.body).toContain(
			'The check-ins we run now:\n- [Nightly export](https://checks.example.net/export)\n- [Mailer queue]'
		);
	});

	it('names a numbered reference link by its text, and leaves links into the document out', () => {
		const { imported } = importText(
			[
				'# Depot handbook',
				'- [1. Paging][1]\n- [2. Rota][2]',
				'Tickets go to [the depot board][3]; see also [Grafana].',
				'## Paging',
				'Page the lead.',
				'[1]: #paging',
				'[2]: ./rota.md',
				'[3]: https://board.example.com/depot',
				'[Grafana]: https://grafana.example.com',
			].join('\n\n')
		);
		expect(imported.playbook.links).toEqual([
			{ label: 'the depot board', url: 'https://board.example.com/depot', kind: 'other' },
			{ label: 'Grafana', url: 'https://grafana.example.com', kind: 'dashboard' },
		]);
	});

	it('leaves lists that are mostly not links where they are', () => {
		const { imported } = importText(
			'## Resources\n- Ask the owner\n- Read the logs\n- [Docs](https://docs.example.com)\n'
		);
		expect(imported.playbook.links).toBeUndefined();
		expect(imported.pages[0]!.body).toContain('- Ask the owner');
	});

	it('leaves steps with a link inside a sentence as steps, link text and order kept', () => {
		const { imported } = importText(`## Answering support questions about sign-in mail
1. In [Log search](https://logs.example.com/mail) open the \`mail-events\` index and look up the address.
2. If the address bounced, open [the bounce list](https://mail.example.com/bounces) and remove it.
`);
		expect(imported.playbook.links).toBeUndefined();
		const body = imported.pages.find((page) => page.slug !== 'source-outline')!.body;
		expect(body).toContain('1. In [Log search](https://logs.example.com/mail) open');
		expect(body).toContain('2. If the address bounced, open [the bounce list]');
	});
});

describe('links to a part of the imported file', () => {
	const bodyOf = (imported: ReturnType<typeof importText>['imported'], slug: string) =>
		imported.pages.find((page) => page.slug === slug)!.body!;

	it('titles a heading by its words, and follows its HTML anchor and its GitHub anchor', () => {
		const { imported } = importText(`# Glassworks operations

1. [Furnace care](#furnace)
2. [Annealing schedule](#annealing-schedule)

## <a name="furnace"></a> Furnace <code>care</code>

Check the crown temperature every shift.

### Relining

Reline the tank every spring.

## Annealing schedule

Ramp the lehr down over six hours; see [relining](#relining).

## Replace <part number> on the burner

Order it from the supplier first.
`);
		const pages = imported.pages.map((page) => [page.slug, page.data.title]);
		expect(pages).toContainEqual(['furnace-care', 'Furnace care']);
		expect(pages).toContainEqual(['annealing-schedule', 'Annealing schedule']);
		// Near miss: a placeholder that reads as a tag is words of the heading, kept as written.
		expect(pages).toContainEqual([
			'replace-part-number-on-the-burner',
			'Replace <part number> on the burner',
		]);
		const overview = bodyOf(imported, 'overview');
		expect(overview).toContain('1. [Furnace care](/demo/furnace-care/)');
		expect(overview).toContain('2. [Annealing schedule](/demo/annealing-schedule/)');
		// A sub-heading left in its page is linked at its anchor there.
		expect(bodyOf(imported, 'annealing-schedule')).toContain(
			'see [relining](/demo/furnace-care/#relining).'
		);
	});

	it('follows an id written as a heading attribute, which is no word of the title', () => {
		const { imported } = importText(`# Glassworks operations

Start with [the crown check](#crown-check), then [anneal](#lehr).

## Furnace care {#furnace .tabbed}

### Check the crown temperature {#crown-check}

Every shift.

## Annealing schedule {data-toc=false #lehr}

Ramp the lehr down over six hours; back to [the furnace](#furnace).

## Use {braces} in templates

Near miss: braces that are no attributes stay words of the heading.
`);
		const titles = imported.pages.map((page) => page.data.title);
		expect(titles).toContain('Furnace care');
		expect(titles).toContain('Annealing schedule');
		expect(titles).toContain('Use {braces} in templates');
		expect(JSON.stringify(imported)).not.toMatch(/\{#|\.tabbed|data-toc/);
		expect(bodyOf(imported, 'overview')).toContain(
			'[the crown check](/demo/furnace-care/#check-the-crown-temperature)'
		);
		expect(bodyOf(imported, 'overview')).toContain('[anneal](/demo/annealing-schedule/)');
		expect(bodyOf(imported, 'annealing-schedule')).toContain('[the furnace](/demo/furnace-care/)');
	});

	it('points an anchor in one of several joined parts at that part, before an earlier namesake', () => {
		const { imported } = importText(`# Kiln too hot

## Diagnosis

Read the crown thermocouple.

## Notes

Cool slowly; see [Diagnosis](#diagnosis).

# Kiln too cold

## Diagnosis

Check the gas valve.

## Notes

Relight first; see [Diagnosis](#diagnosis) and [Kiln too hot](#kiln-too-hot).
`);
		expect(bodyOf(imported, 'kiln-too-hot')).toContain(
			'see [Diagnosis](/demo/kiln-too-hot/#diagnosis).'
		);
		// Its own part first; an anchor its part lacks is looked up in the whole file.
		expect(bodyOf(imported, 'kiln-too-cold')).toContain(
			'see [Diagnosis](/demo/kiln-too-cold/#diagnosis) and [Kiln too hot](/demo/kiln-too-hot/).'
		);
	});

	it('points links to files joined into the import where their part went, and lists the rest', () => {
		const { imported, check } = importText(`# Kiln room handbook

- [Kiln Door Will Not Seal](./faults/door-seal.md)
- [Cooling Log](cooling_log.md#night-shift)
- [Glaze recipes](./glaze-recipes.md)

# Kiln Door Will Not Seal

Check the gasket for cracks, then see [Cooling Log](cooling_log.md) or write to
[kilns@example.org](kilns@example.org).

### Glaze recipes

Only the two house glazes are fired in this kiln.

# Cooling Log

## Day shift

Note the door temperature every hour.

## Night shift

Note it every two hours, and see [the gone part](#old-cooling-rules).
Ask [the glaze lab](www.glaze.example), read [the firing guide](/guides/firing.md), or go back to
[Kiln Door Will Not Seal](/faults/door-seal.md).
`);
		const handbook = bodyOf(imported, 'kiln-room-handbook');
		// The file is named by the link's words or by its file name; its anchor leads inside it.
		expect(handbook).toContain('- [Kiln Door Will Not Seal](/demo/kiln-door-will-not-seal/)');
		expect(handbook).toContain('- [Cooling Log](/demo/cooling-log/#night-shift)');
		// Near miss: a sub-heading named like a file is not that file; the words stay, listed.
		expect(handbook).toMatch(/^- Glaze recipes$/m);
		expect(bodyOf(imported, 'kiln-door-will-not-seal')).toContain(
			'then see [Cooling Log](/demo/cooling-log/) or write to\n[kilns@example.org](mailto:kilns@example.org).'
		);
		expect(bodyOf(imported, 'cooling-log')).toContain('and see the gone part.');
		// A root path is a page of the source's site: found among the joined files, or words.
		expect(bodyOf(imported, 'cooling-log')).toContain(
			'Ask the glaze lab, read the firing guide, or go back to\n[Kiln Door Will Not Seal](/demo/kiln-door-will-not-seal/).'
		);
		expect(check.filter((item) => item.kind === 'link')).toEqual([
			{
				kind: 'link',
				heading: 'Kiln room handbook',
				line: 5,
				leftAs: "the link's words without the link, in pages/kiln-room-handbook.mdx",
				reason: 'it pointed to `./glaze-recipes.md`, a file that is not part of the import',
			},
			{
				kind: 'link',
				heading: 'Night shift',
				line: 24,
				leftAs: "the link's words without the link, in pages/cooling-log.mdx",
				reason: 'it pointed to `#old-cooling-rules`, an anchor no heading of the file has',
			},
			{
				kind: 'link',
				heading: 'Night shift',
				line: 25,
				leftAs: "the link's words without the link, in pages/cooling-log.mdx",
				reason:
					'it pointed to `www.glaze.example`, a web address written without `https://`, which leads nowhere as written',
			},
			{
				kind: 'link',
				heading: 'Night shift',
				line: 25,
				leftAs: "the link's words without the link, in pages/cooling-log.mdx",
				reason:
					"it pointed to `/guides/firing.md`, a page of the source's own site that is not part of the import",
			},
		]);
	});
});

describe('links the import writes into its pages', () => {
	it('lead to a page of the site in every shape fixture (an entry renamed since is found in its list)', () => {
		for (const name of fixtureNames()) {
			const files = serialise('demo', importFixture(name).imported);
			const entries = [...files.keys()].map((path) => {
				const [, folder, file] = path.split('/') as [string, string, string?];
				const slug = file?.replace(/\.[a-z]+$/, '');
				if (!slug) return { collection: 'playbooks' as const, id: 'demo' };
				const collection = folder === 'escalation' ? 'escalations' : folder;
				return { collection: collection as 'pages', id: `demo/${slug}` };
			});
			const site = siteUrls(entries);
			for (const [path, text] of files)
				for (const [, href] of text.matchAll(/\]\((\/demo\/[^)#\s]*)/g))
					expect(site.has(href!), `${name}: ${path} links to ${href}`).toBe(true);
		}
	});
});
