import { compileSync } from '@mdx-js/mdx';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import { visit } from 'unist-util-visit';
import type { Diagnostic } from './diagnostic.ts';
import { addressProblems, type AddressProblem } from './addresses.ts';
import { imageProblem, type ImageSyntax } from './images.ts';
import type { RawEntry } from './load.ts';
import { severityOf } from './rules.ts';

/**
 * MDX bodies compiled as the build compiles them, so a syntax error, a component used without
 * an import, an image the build cannot include or an unsafe address (`addresses.ts`) is reported by `npm run validate` with its line,
 * not found by the build as a stack trace. Images are looked for under `root`, the content folder.
 */
export function checkMdx(root: string, entries: RawEntry[]): Diagnostic[] {
	const diagnostics: Diagnostic[] = [];
	for (const entry of entries) {
		if (!entry.body.trim()) continue;
		const used: { name: string; line: number | undefined }[] = [];
		const declared = new Set<string>();
		const images: { src: string; syntax: ImageSyntax; line: number | undefined }[] = [];
		const definitions = new Map<string, string>();
		let addresses: AddressProblem[] = [];
		const collect = () => (tree: Root) => {
			addresses = addressProblems(tree);
			visit(tree, 'definition', (node) => {
				definitions.set(node.identifier, node.url);
			});
			visit(tree, (node) => {
				const line = node.position?.start.line;
				if (node.type === 'image') images.push({ src: node.url, syntax: 'markdown', line });
				if (node.type === 'imageReference') {
					const src = definitions.get(node.identifier);
					if (src !== undefined) images.push({ src, syntax: 'markdown', line });
				}
				if (
					(node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') &&
					node.name === 'img'
				) {
					// Only a written-out address can be checked; `src={…}` is the author's code.
					const src = node.attributes.find(
						(attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'src'
					)?.value;
					if (typeof src === 'string') images.push({ src, syntax: 'img', line });
				}
				if (node.type === 'mdxjsEsm') {
					for (const name of declaredNames((node.data as { estree?: unknown } | undefined)?.estree))
						declared.add(name);
				}
				if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
					const name = node.name ?? '';
					const base = name.split('.')[0]!;
					// Lower-case names are HTML elements; capitalised and dotted ones are components.
					if (/^[A-Z]/.test(base) || name.includes('.'))
						used.push({ name: base, line: node.position?.start.line });
				}
			});
		};
		try {
			compileSync(entry.body, { remarkPlugins: [remarkGfm, collect] });
		} catch (error) {
			const place = error as { line?: number; reason?: string; message?: string };
			diagnostics.push({
				file: entry.file,
				field: 'body',
				message: `does not compile as MDX: ${(place.reason ?? place.message ?? String(error)).split('\n')[0]} (expected valid MDX; write \`\\{\`, \`\\<\` or \`&lt;\` for a literal brace or angle bracket, and close every tag)`,
				rule: 'mdx',
				severity: severityOf('mdx'),
				line: place.line ? place.line + entry.bodyLine - 1 : entry.bodyLine || undefined,
			});
			continue;
		}
		for (const { src, syntax, line } of images) {
			const problem = imageProblem(root, entry.path, src, syntax);
			if (problem === undefined) continue;
			diagnostics.push({
				file: entry.file,
				field: 'body',
				message: problem,
				rule: 'image',
				severity: severityOf('image'),
				line: line ? line + entry.bodyLine - 1 : undefined,
			});
		}
		for (const { rule, message, line } of addresses)
			diagnostics.push({
				file: entry.file,
				field: 'body',
				message,
				rule,
				severity: severityOf(rule),
				line: line ? line + entry.bodyLine - 1 : undefined,
			});
		const reported = new Set<string>();
		for (const { name, line } of used) {
			if (declared.has(name) || reported.has(name)) continue;
			reported.add(name);
			diagnostics.push({
				file: entry.file,
				field: 'body',
				message: `uses the component \`<${name}>\`, which the body neither imports nor defines, so the page fails to build (expected an \`import { ${name} } from '…'\` line at the top of the body, or plain Markdown)`,
				rule: 'mdx-component',
				severity: severityOf('mdx-component'),
				line: line ? line + entry.bodyLine - 1 : undefined,
			});
		}
	}
	return diagnostics;
}

interface EsNode {
	type: string;
	body?: EsNode[];
	specifiers?: { local: { name: string } }[];
	declaration?: EsNode | null;
	declarations?: { id: { type: string; name?: string } }[];
	id?: { name: string } | null;
}

/** Names an MDX `import`/`export` block brings into scope. */
function declaredNames(program: unknown): string[] {
	const names: string[] = [];
	for (const statement of (program as EsNode | undefined)?.body ?? []) {
		for (const specifier of statement.specifiers ?? []) names.push(specifier.local.name);
		const declaration = statement.declaration;
		if (declaration?.id) names.push(declaration.id.name);
		for (const item of declaration?.declarations ?? [])
			if (item.id.type === 'Identifier' && item.id.name) names.push(item.id.name);
	}
	return names;
}
