/**
 * Every rule the validator reports, in one typed table: a diagnostic's `rule` is a key of
 * `RULES`, so a misspelt id does not compile. Each rule has a row in CONTRIBUTING.md's table,
 * anchored `rule-<id>` (a test checks both ways). Adding a rule is one line here and one row there.
 */

export type Severity = 'error' | 'warning';

export interface RuleInfo {
	/** Errors fail validate, the build and CI; warnings are printed (and fail with `--strict`). */
	severity: Severity;
	/** What the rule catches, in one sentence (CONTRIBUTING's "what it means" says it at length). */
	message: string;
}

const error = (message: string): RuleInfo => ({ severity: 'error', message });
const warning = (message: string): RuleInfo => ({ severity: 'warning', message });

export const RULES = {
	// Reading files
	parse: error('The file is not valid YAML, or an MDX file has no frontmatter.'),
	'file-unreadable': error(
		'A content path is not a regular file (a folder named `x.mdx`) or cannot be read.'
	),
	symlink: error('A symlink leads outside content/, loops or dangles; it is not published.'),
	encoding: error('The file is not valid UTF-8, or starts with a byte-order mark.'),
	mojibake: error(
		'Text was damaged by a wrong encoding (`â€™`, `‚Üí`): UTF-8 read as Windows-1252 or Mac Roman.'
	),
	'merge-conflict': error(
		'A merge conflict left by Git (`<<<<<<<` … `=======` … `>>>>>>>`) is in the file.'
	),
	mdx: error('The MDX body does not compile.'),
	'mdx-component': error('The MDX body uses a component that is neither imported nor defined.'),
	image: error(
		'An image in an MDX body is not an image file inside content/ that the build includes.'
	),
	'link-scheme': error(
		'A link in an MDX body uses a scheme other than `http:`, `https:`, `mailto:` or `tel:` (`javascript:`, `data:`).'
	),
	'remote-resource': error(
		'An image or element of an MDX body would load a file from another site when the page opens.'
	),
	'file-name': error('A file or folder name cannot become a page address.'),
	// Fields
	schema: error('A field is missing, has the wrong type or a value outside its list.'),
	'unknown-field': error('A field name the schema does not know (often a typo).'),
	duration: error('A target or time cannot be read as a duration.'),
	date: error('A date is not a real `YYYY-MM-DD` date.'),
	'alert-name': error('An alert name cannot become an `/alerts/<name>/` address.'),
	// Across entries
	reference: error('An id points to an entry that does not exist, or to one in another playbook.'),
	'playbook-missing': error('A file sits in a folder with no `playbook.yaml`.'),
	'duplicate-level': error('Two severities of a playbook use the same `level`.'),
	'duplicate-rank': error('Two severities of a playbook use the same `rank`.'),
	'placeholder-undeclared': error('A template blank that no field declares.'),
	'field-unused': error('A template field token that the subject and body do not use.'),
	'field-duplicate': error('Two template fields with the same name.'),
	'escalation-order': error('Escalation levels repeat or are out of order.'),
	'duplicate-checklist-id': error('Two steps of one checklist pin the same id.'),
	blank: warning('A value or sentence still holds a blank such as `[Name]`.'),
	'review-due': warning('An entry is past its review date.'),
	'scenario-no-symptoms': warning('A scenario lists no symptoms.'),
	'scenario-no-steps': warning('A scenario has no resolution steps.'),
	'template-unlinked': warning('No scenario or page leads to a template.'),
	'template-choice-list': warning(
		'A template offers alternatives (`Investigating / Identified / …`) as fixed text.'
	),
	'template-fixed-date': warning(
		'A template holds a calendar date as fixed text, which every copy would carry.'
	),
	'template-service': warning(
		"A template a scenario links to names another scenario's service as fixed text."
	),
	'duplicate-alert': warning('Two scenarios claim the same alert name.'),
	'link-broken': warning('A link to a playbook page leads to no page.'),
	'duplicate-checklist-item': warning('Two checklist steps with the same text.'),
	// With --alerts
	'alert-no-runbook': warning('An alert of the rules file that no scenario lists.'),
	'alert-undefined': warning('A scenario alert name that the rules file does not define.'),
	'alert-rules': error('The `--alerts` file cannot be read as Prometheus rules.'),
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof RULES;

/** The anchor of a rule's row in CONTRIBUTING.md: `CONTRIBUTING.md#rule-<id>`. */
export const ruleAnchor = (rule: RuleId): string => `rule-${rule}`;

/** A rule's severity, unless a caller (alert coverage, `--strict`) decides otherwise. */
export const severityOf = (rule: RuleId): Severity => RULES[rule].severity;

export const isRuleId = (value: unknown): value is RuleId =>
	typeof value === 'string' && Object.hasOwn(RULES, value);
