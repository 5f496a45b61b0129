/**
 * Merge conflicts left in a text by Git (`<<<<<<< HEAD` … `=======` … `>>>>>>> main`, with diff3's
 * `||||||| base` between): each is damage, never content. Only whole conflicts outside fenced code
 * count, so a runbook that shows a conflict in a code block, or a `=======` heading underline, is
 * not one. Shared by the importer (which drops the markers) and the validator (which refuses them).
 */

export interface MergeConflict {
	/** 1-based lines of the markers: the opening one first, the closing one last. */
	lines: number[];
	/** The opening marker as written (`<<<<<<< HEAD`). */
	marker: string;
}

const OPEN = /^<{7}(?:[ \t].*)?$/;
const MIDDLE = /^(?:={7}|\|{7}(?:[ \t].*)?)[ \t]*$/;
const CLOSE = /^>{7}(?:[ \t].*)?$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

export function mergeConflicts(text: string): MergeConflict[] {
	if (!text.includes('<<<<<<<')) return [];
	const conflicts: MergeConflict[] = [];
	let fence: string | undefined;
	let open: MergeConflict | undefined;
	text.split(/\r?\n/).forEach((line, index) => {
		const mark = FENCE.exec(line)?.[1];
		if (mark && (!fence || (mark[0] === fence[0] && mark.length >= fence.length))) {
			fence = fence ? undefined : mark;
			return;
		}
		if (fence) return;
		if (OPEN.test(line)) open = { lines: [index + 1], marker: line.trimEnd() };
		else if (open && MIDDLE.test(line)) open.lines.push(index + 1);
		else if (open && CLOSE.test(line)) {
			// A conflict has its `=======` between the two sides; without one it is not Git's.
			if (open.lines.length > 1) conflicts.push({ ...open, lines: [...open.lines, index + 1] });
			open = undefined;
		}
	});
	return conflicts;
}
