/**
 * `/incident-data.json`: the playbook data the incident workspace computes with in the browser
 * (severity targets and criteria, id patterns, templates), built once with the site.
 */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { loadPlaybooks, playbookOf, urls } from '../lib/content.ts';
import type { IncidentData } from '../incident/data.ts';
import { derivationOf } from '../incident/template-values.ts';

export const GET: APIRoute = async () => {
	const decisions = await getCollection('decisions');
	const data: IncidentData = {
		playbooks: [...(await loadPlaybooks()).values()].map(
			({ playbook, severities, scenarios, templates }) => ({
				id: playbook.id,
				name: playbook.data.name,
				incidentId: playbook.data.incidentId,
				targetLabels: playbook.data.targetLabels,
				severities: severities.map(({ id, data }) => ({
					id,
					level: data.level,
					rank: data.rank,
					name: data.name,
					...(data.label ? { label: data.label } : {}),
					definition: data.definition,
					impact: data.impact,
					examples: data.examples,
					targets: data.targets,
					...(data.criteria ? { criteria: data.criteria } : {}),
					...(data.postMortem ? { postMortem: data.postMortem } : {}),
				})),
				scenarios: scenarios.map(({ id, data }) => ({
					id,
					title: data.title,
					...(data.severity ? { severity: (data.severity as { id: string }).id } : {}),
				})),
				templates: templates.map(({ id, data }) => ({
					id,
					title: data.title,
					kind: data.kind,
					body: data.body,
					...(data.file ? { file: data.file } : {}),
					...(data.update ? { update: true } : {}),
					fields: data.fields.map((field) => {
						// Severity and status fields follow the incident without a `derive`, here too.
						const derive = derivationOf(field);
						return { name: field.name, tokens: field.tokens, ...(derive ? { derive } : {}) };
					}),
				})),
				decisions: decisions
					.filter((entry) => playbookOf(entry.id) === playbook.id)
					.sort((a, b) => a.data.order - b.data.order)
					.map((entry) => ({ title: entry.data.title, url: urls.decision(entry.id) })),
			})
		),
	};
	return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json' } });
};
