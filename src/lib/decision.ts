/** Pure helpers for decision trees: the anchors of their question and action sections. */

const slug = (text: string) =>
	text
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');

/** Anchor of the section a leaf answer leads to, unique per question and answer. */
export const actionAnchor = (questionId: string, label: string): string =>
	`do-${questionId}-${slug(label)}`;

/** Anchor of a question's section. */
export const questionAnchor = (questionId: string): string => `ask-${questionId}`;
