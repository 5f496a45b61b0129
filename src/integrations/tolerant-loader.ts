import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { entryId } from '../lib/entry-ids.ts';
import { COLLECTIONS, type CollectionName } from '../schemas/collections.ts';
import { readEntry, safeToRead, unsafeLinks } from '../validation/load.ts';
import { checkMdx } from '../validation/mdx.ts';

/** Marks a file that did not parse or match its schema; never stored, and its old entry dropped. */
const INVALID = Symbol('responder:invalid-entry');

type EntryType = { getEntryInfo: (params: { fileUrl: URL; contents: string }) => unknown };

/**
 * The files of one collection, found with the glob of `schemas/collections.ts` (the table
 * the validator reads too), ids `<playbook>/<file>`, read as safely as the validator reads them:
 *
 * - A symlink that leaves the content folder, loops or dangles is left out of the glob, and a file
 *   that resolves outside the folder is never stored, so its text cannot reach a page.
 * - In `astro dev` (`tolerant`), a file the validator cannot read (encoding, YAML alias bomb,
 *   unknown tag, MDX that does not compile or shows a missing image) or that does not match its schema is left out instead
 *   of stopping the server: Astro throws on the first such file (at start-up it exits). The
 *   validation integration prints every problem in the validator's format instead, and the file
 *   comes back as soon as it is fixed. Builds stop at the validator before any loader runs.
 */
export function contentLoader(
	name: CollectionName,
	options: { root: string; tolerant: boolean }
): Loader {
	const source = COLLECTIONS[name];
	const root = resolve(options.root);
	return {
		name: 'responder:content-loader',
		load: (context) => {
			// Links found now are kept out of the glob, so their targets are not even read.
			const skipped = [...unsafeLinks(root).keys()].flatMap((link) => {
				const path = relative(root, link).split(sep).join('/');
				return [`!${path}`, `!${path}/**`];
			});
			const files = glob({
				pattern: [source.pattern, ...skipped],
				base: root,
				generateId: ({ entry }) => entryId(name, entry),
			});
			return files.load(guard(context, root, name, options.tolerant));
		},
	};
}

/** The loader context with entry reading checked (and, when tolerant, failures left out). */
function guard(
	context: LoaderContext,
	root: string,
	collection: CollectionName,
	tolerant: boolean
): LoaderContext {
	const { entryTypes } = context as LoaderContext & { entryTypes?: Map<string, EntryType> };
	/** Whether a file may be published: inside the content folder and, in dev, readable. */
	const readable = (fileUrl: URL): boolean => {
		const path = fileURLToPath(fileUrl);
		// Links added while the dev server runs are caught here: the file resolves outside.
		if (!safeToRead(root, path)) return false;
		if (!tolerant) return true;
		const relativePath = relative(root, path).split(sep).join('/');
		const { entry, diagnostics } = readEntry(root, relativePath, collection, relativePath);
		if (!entry || diagnostics.some((d) => d.severity === 'error')) return false;
		return COLLECTIONS[collection].format !== 'mdx' || checkMdx(root, [entry]).length === 0;
	};
	const invalid = { data: { [INVALID]: true }, body: '' };
	const wrapped = {
		...context,
		entryTypes:
			entryTypes &&
			new Map(
				[...entryTypes].map(([extension, type]) => [
					extension,
					{
						...type,
						getEntryInfo: async (params: { fileUrl: URL; contents: string }) => {
							if (!readable(params.fileUrl)) return invalid;
							if (!tolerant) return type.getEntryInfo(params);
							try {
								return await type.getEntryInfo(params);
							} catch {
								return invalid;
							}
						},
					},
				])
			),
		parseData: ((props: { data: Record<PropertyKey, unknown> }) =>
			INVALID in props.data
				? Promise.resolve(props.data)
				: tolerant
					? context.parseData(props as never).catch(() => ({ [INVALID]: true }))
					: context.parseData(props as never)) as LoaderContext['parseData'],
		store: new Proxy(context.store, {
			get(target, key, receiver) {
				// A file broken after it was stored must leave the site too: keeping its last good entry
				// would render the broken file's module (or a deleted file's, when the watcher reports a
				// delete and re-create as one change).
				if (key === 'set')
					return (entry: { id: string; data: Record<PropertyKey, unknown> }) => {
						if (!(INVALID in entry.data)) return target.set(entry as never);
						target.delete(entry.id);
						return false;
					};
				const value = Reflect.get(target, key, receiver);
				return typeof value === 'function' ? value.bind(target) : value;
			},
		}),
	};
	return wrapped as LoaderContext;
}
