import type { z } from 'astro/zod';

/**
 * Reading a zod schema's shape, to word messages from what the schema really accepts: the known
 * field names of an object (for "did you mean"), the members of a union ("a string or a list of
 * strings").
 */

type Def = {
	type: string;
	shape?: Record<string, z.ZodType>;
	element?: z.ZodType;
	innerType?: z.ZodType;
	in?: z.ZodType;
	out?: z.ZodType;
	options?: z.ZodType[];
	valueType?: z.ZodType;
	entries?: Record<string, unknown>;
	values?: unknown[];
	getter?: () => z.ZodType;
};

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The schema without optional/default/pipe wrappers. */
function unwrap(schema: z.ZodType): z.ZodType {
	for (let i = 0; i < 20; i++) {
		const def = defOf(schema);
		if (def.innerType) schema = def.innerType;
		else if (def.type === 'pipe' && def.in) schema = def.in;
		else if (def.type === 'lazy' && def.getter) schema = def.getter();
		else return schema;
	}
	return schema;
}

/** The schema that reads the value at `path`, following objects, lists and union members. */
export function schemaAt(
	schema: z.ZodType,
	path: PropertyKey[],
	data: unknown
): z.ZodType | undefined {
	let current: z.ZodType | undefined = unwrap(schema);
	let value = data;
	for (const key of path) {
		if (!current) return undefined;
		current = child(current, key, value);
		value = (value as Record<PropertyKey, unknown> | undefined)?.[key];
		current = current && unwrap(current);
	}
	return current;
}

function child(schema: z.ZodType, key: PropertyKey, value: unknown): z.ZodType | undefined {
	const def = defOf(schema);
	switch (def.type) {
		case 'object':
			return def.shape?.[String(key)];
		case 'array':
			return def.element;
		case 'record':
			return def.valueType;
		case 'union': {
			// The member that matches the value's kind (a list, a mapping…).
			const members = (def.options ?? []).map(unwrap);
			const fitting = members.find((member) => kindOf(member) === valueKind(value));
			return fitting ? child(fitting, key, value) : undefined;
		}
		default:
			return undefined;
	}
}

const valueKind = (value: unknown) =>
	Array.isArray(value) ? 'array' : value !== null && typeof value === 'object' ? 'object' : 'other';

const kindOf = (schema: z.ZodType) => {
	const type = defOf(schema).type;
	return type === 'array' ? 'array' : type === 'object' || type === 'record' ? 'object' : 'other';
};

/** Field names an object schema (or the object member of a union) accepts at `path`. */
export function knownKeys(schema: z.ZodType, path: PropertyKey[], data: unknown): string[] {
	const at = schemaAt(schema, path, data);
	if (!at) return [];
	const def = defOf(at);
	if (def.type === 'object') return Object.keys(def.shape ?? {});
	if (def.type === 'union')
		return (def.options ?? [])
			.map(unwrap)
			.flatMap((member) =>
				defOf(member).type === 'object' ? Object.keys(defOf(member).shape ?? {}) : []
			);
	return [];
}

/** "a string", "a list of strings", "a mapping with `text`, `id`": what a schema accepts. */
export function describeSchema(schema: z.ZodType, depth = 0): string {
	const inner = unwrap(schema);
	const def = defOf(inner);
	switch (def.type) {
		case 'string':
			return 'a string';
		case 'number':
			return 'a number';
		case 'boolean':
			return '`true` or `false`';
		case 'date':
			return 'a date';
		case 'enum':
			return `one of ${Object.values(def.entries ?? {})
				.map((v) => `\`${String(v)}\``)
				.join(', ')}`;
		case 'literal':
			return (def.values ?? []).map((v) => `\`${String(v)}\``).join(' or ');
		case 'array':
			return depth > 1 || !def.element
				? 'a list'
				: `a list of ${describeSchema(def.element, depth + 1).replace(/^an? (\w+)$/, '$1s')}`;
		case 'object': {
			const keys = Object.keys(def.shape ?? {});
			return `a mapping with ${keys.map((k) => `\`${k}\``).join(', ')}`;
		}
		case 'record':
			return 'a mapping';
		case 'union':
			return unionWords((def.options ?? []).map((member) => describeSchema(member, depth + 1)));
		default:
			return `a value of type ${def.type}`;
	}
}

const unionWords = (words: string[]) => {
	const unique = [...new Set(words)];
	return unique.length <= 1
		? (unique[0] ?? 'a value')
		: `${unique.slice(0, -1).join(', ')} or ${unique.at(-1)}`;
};
