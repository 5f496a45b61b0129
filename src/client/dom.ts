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
