import { lstatSync } from 'node:fs';
import { extname, join, posix, resolve } from 'node:path';
import { safeToRead } from './load.ts';

/**
 * The image files Astro's build can import (`VALID_INPUT_FORMATS` of `astro/dist/assets/consts.js`,
 * which Astro does not export; a test compares the two). Any other file imported as an image fails
 * the build.
 */
export const IMAGE_EXTENSIONS = [
	'jpeg',
	'jpg',
	'png',
	'apng',
	'tiff',
	'webp',
	'gif',
	'svg',
	'avif',
] as const;

/** How an image appears in an MDX body: Markdown `![alt](src)` or a JSX `<img src="…">`. */
export type ImageSyntax = 'markdown' | 'img';

/**
 * What is wrong with an image of a body, or undefined when the build can include it.
 *
 * The build (Astro's MDX, `collect-images`) turns every Markdown image whose address is neither a
 * URL nor a `/path` into an import of a file beside the page, so a missing file, a folder or a
 * non-image file stops the build with a bundler stack trace, and `../../etc/x.png` would read a
 * file outside the content folder. A JSX `<img src="./x.png">` is left as it stands, so the page
 * shows a broken image. Paths are checked as written, before anything is read: a path leaving the
 * content folder is never looked at.
 *
 * `page` is the page's path relative to `root`, `/`-separated.
 */
export function imageProblem(
	root: string,
	page: string,
	src: string,
	syntax: ImageSyntax
): string | undefined {
	const shown = syntax === 'img' ? `<img src="${src}">` : `![…](${src})`;
	let path: string;
	try {
		path = decodeURI(src).replace(/[?#].*$/, '');
	} catch {
		return `shows the image \`${shown}\`, whose address is not valid (expected a path such as \`./diagram.png\`, with \`%\` written \`%25\`)`;
	}
	if (/^(file:|\/(?!\/)|[a-z]:[\\/])/i.test(path))
		return `shows the image \`${shown}\` by an absolute path, which the site cannot include; it is not read (expected a path relative to this file, inside the content folder, such as \`./diagram.png\`)`;
	// Other URLs (`https:`, `data:`, `//host/…`) are the browser's to load, not the build's.
	if (URL.canParse(path) || path.startsWith('//') || path === '') return undefined;
	const folder = posix.dirname(page);
	const target = posix.normalize(posix.join(folder, path));
	if (target === '..' || target.startsWith('../'))
		return `shows the image \`${shown}\`, which is outside the content folder; it is not read or published (expected an image inside the content folder, such as one beside this file)`;
	const absolute = join(resolve(root), ...target.split('/'));
	if (!safeToRead(root, absolute)) {
		let found: ReturnType<typeof lstatSync> | undefined;
		try {
			found = lstatSync(absolute);
		} catch {
			// Nothing there: reported below.
		}
		// A symlink leading out of the folder is reported by the `symlink` rule, once.
		if (found?.isSymbolicLink()) return undefined;
		if (found?.isDirectory())
			return `shows the image \`${shown}\`, which is a folder (expected an image file, such as \`${posix.join(path, 'diagram.png')}\`)`;
		return `shows the image \`${shown}\`, which does not exist, so ${syntax === 'img' ? 'the page would show a broken image' : 'the page cannot be built'} (expected the image file at \`${target}\` in the content folder; add it, fix the path, or remove the image)`;
	}
	const extension = extname(target).slice(1).toLowerCase();
	if (!(IMAGE_EXTENSIONS as readonly string[]).includes(extension))
		return `shows \`${shown}\`, which is not an image the build can include (expected a file ending in ${IMAGE_EXTENSIONS.map((e) => `\`.${e}\``).join(', ')})`;
	if (syntax === 'img')
		return `shows the image \`${shown}\` with an HTML \`<img>\`, which the build leaves as it stands, so the page would show a broken image (expected Markdown \`![description](${src})\`, which the build includes)`;
	return undefined;
}
