// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import responderValidation from './src/integrations/validation.ts';

export default defineConfig({
	site: process.env.RESPONDER_SITE ?? 'http://localhost:4321',
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
		}),
	],
});
