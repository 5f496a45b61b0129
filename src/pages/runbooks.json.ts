/** `/runbooks.json`: the machine-readable index of all playbooks (shape: `src/schemas/runbooks-index.ts`). */
import type { APIRoute } from 'astro';
import { loadPlaybooks } from '../lib/content.ts';
import { buildRunbooksIndex } from '../lib/runbooks-index.ts';
import { RunbooksIndexSchema } from '../schemas/runbooks-index.ts';

export const GET: APIRoute = async () => {
	// Parsing here fails the build, not the bots, when the index drifts from its documented shape.
	const index = RunbooksIndexSchema().parse(
		buildRunbooksIndex([...(await loadPlaybooks()).values()])
	);
	return new Response(JSON.stringify(index, null, '\t'), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
};
