/**
 * A tiny element builder for the incident components. Strings always become text nodes, so user
 * text is never read as HTML.
 */
type Child = Node | string | null | undefined | false;
type Attributes = Record<string, string | boolean | undefined | ((event: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
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

/** Saves text as a file through a temporary object URL (no request leaves the page). */
export function download(name: string, text: string, type: string): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const link = h('a', { href: url, download: name });
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Copies text; `false` when the browser refuses (the caller then selects it for Ctrl/Cmd+C). */
export async function copyText(text: string): Promise<boolean> {
	try {
		await navigator.clipboard.writeText(text);
		return true;
	} catch {
		return false;
	}
}
