/**
 * A tiny element builder for the incident components. Strings always become text nodes, so user
 * text is never read as HTML.
 */
type Child = Node | string | null | undefined | false;
type Attributes = Record<string, string | boolean | undefined | ((event: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	attributes: Attributes = {},
	...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
	const element = document.createElement(tag);
	for (const [name, value] of Object.entries(attributes)) {
		if (value === undefined || value === false) continue;
		if (typeof value === 'function') element.addEventListener(name.replace(/^on/, ''), value);
		else if (value === true) element.setAttribute(name, '');
		else if (name === 'value' && 'value' in element) (element as HTMLInputElement).value = value;
		else element.setAttribute(name, value);
	}
	for (const child of children.flat()) {
		if (child === null || child === undefined || child === false) continue;
		element.append(typeof child === 'string' ? document.createTextNode(child) : child);
	}
	return element;
}

/**
 * Keeps `parent`'s children in step with `items`, one element per key: new keys get `create`,
 * kept ones get `update` (which may skip when nothing changed) and are moved only when out of
 * order, and gone ones are removed. Elements that stay keep their focus, selection and open edits.
 */
export function syncChildren<T>(
	parent: HTMLElement,
	items: readonly T[],
	key: (item: T) => string,
	create: (item: T) => HTMLElement,
	update: (element: HTMLElement, item: T) => void
): void {
	const existing = new Map<string, HTMLElement>();
	for (const child of [...parent.children])
		if (child instanceof HTMLElement && child.dataset.key) existing.set(child.dataset.key, child);
	const wanted = items.map((item) => {
		const id = key(item);
		let element = existing.get(id);
		existing.delete(id);
		if (element) update(element, item);
		else {
			element = create(item);
			element.dataset.key = id;
		}
		return element;
	});
	for (const gone of existing.values()) gone.remove();
	wanted.forEach((element, index) => {
		if (parent.children[index] !== element)
			parent.insertBefore(element, parent.children[index] ?? null);
	});
}
