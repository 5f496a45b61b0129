/**
 * The one way Responder copies text: the Clipboard API, reporting `false` when the browser refuses
 * or lacks it (insecure page, old browser, denied permission). Every caller then shows the text
 * selected in a box for Ctrl/Cmd+C, so a refused copy never loses the text.
 */
export async function copyText(text: string): Promise<boolean> {
	try {
		await navigator.clipboard.writeText(text);
		return true;
	} catch {
		return false;
	}
}
