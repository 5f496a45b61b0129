import { describe, expect, it } from 'vitest';
import { importText } from './helpers.ts';

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
