import type { Loader, LoaderContext } from 'astro/loaders';

/** Marks a file that did not parse or match its schema; never stored. */
const INVALID = Symbol('responder:invalid-entry');

type EntryType = { getEntryInfo: (params: unknown) => unknown };

/**
 * Wraps a loader for `astro dev` so a broken content file is left out instead of stopping the
 * server: Astro throws on the first file that does not parse or match its schema (at start-up it
 * exits). The validation integration prints every problem in the validator's format instead, and
 * the file comes back as soon as it is fixed. Builds use the strict loader.
 */
export function tolerant(loader: Loader): Loader {
	return {
		...loader,
		load: (context) => {
			const { entryTypes } = context as LoaderContext & { entryTypes?: Map<string, EntryType> };
			const wrapped = {
				...context,
				entryTypes:
					entryTypes &&
					new Map(
						[...entryTypes].map(([extension, type]) => [
							extension,
							{
								...type,
								getEntryInfo: async (params: unknown) => {
									try {
										return await type.getEntryInfo(params);
									} catch {
										return { data: { [INVALID]: true }, body: '' };
									}
								},
							},
						])
					),
				parseData: ((props: { data: Record<PropertyKey, unknown> }) =>
					INVALID in props.data
						? Promise.resolve(props.data)
						: context
								.parseData(props as never)
								.catch(() => ({ [INVALID]: true }))) as LoaderContext['parseData'],
				store: new Proxy(context.store, {
					get(target, key, receiver) {
						if (key === 'set')
							return (entry: { data: Record<PropertyKey, unknown> }) =>
								INVALID in entry.data ? false : target.set(entry as never);
						const value = Reflect.get(target, key, receiver);
						return typeof value === 'function' ? value.bind(target) : value;
					},
				}),
			};
			return loader.load(wrapped as LoaderContext);
		},
	};
}
