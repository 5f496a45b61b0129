// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { satteri } from '@astrojs/markdown-satteri';
import responderValidation from './src/integrations/validation.ts';
import satteriChecklists from './src/markdown/satteri-checklists.ts';

export default defineConfig({
	site: process.env.RESPONDER_SITE ?? 'http://localhost:4321',
	// MDX inherits this processor (Starlight's MDX integration extends the Markdown config).
	markdown: { processor: satteri({ hastPlugins: [satteriChecklists()] }) },
	integrations: [
		responderValidation(),
		starlight({
			title: 'Responder',
			description: 'Incident-response runbooks: find the scenario, tick the checklist, send the message.',
			// Pages pass their own playbook's sidebar; a global one would be embedded in every page.
			sidebar: [],
			pagefind: true,
			// src/pages/404.astro replaces Starlight's: it recognises unknown `/alerts/<name>/` links.
			disable404Route: true,
			lastUpdated: false,
			// Runbook commands and decision trees must be readable on a phone without sideways scrolling.
			expressiveCode: { defaultProps: { wrap: true } },
		}),
	],
});
