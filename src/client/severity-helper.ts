/**
 * The severity helper's form: the playbook's own impact questions, the suggested level with its
 * reasons, and a button that applies it.
 */
import { h } from './dom.ts';
import { severityTitle } from '../lib/severity-label.ts';
import type { SeverityData } from '../incident/data.ts';
import {
	severityQuestions,
	suggestSeverity,
	type ScenarioRef,
	type SeverityAnswers,
	type StatementKind,
} from '../incident/severity.ts';

const LEGENDS: Record<StatementKind, string> = {
	definition: 'Which of these is true?',
	impact: 'Which of these impacts do you see?',
	example: 'Is it like one of these?',
	scenario: 'Is it one of these scenarios?',
};

export function severityHelper(
	severities: SeverityData[],
	scenarios: ScenarioRef[],
	/** The incident's severity now; read on each change, since the helper outlives severity changes. */
	current: () => string,
	apply: (severity: SeverityData) => void
): HTMLElement {
	const questions = severityQuestions(severities, scenarios);
	const result = h('div', { class: 'rb-suggestion', 'aria-live': 'polite' });
	const form = h('form', {
		class: 'rb-severity-helper',
		onsubmit: (event) => event.preventDefault(),
	});
	// The suggestion is rebuilt only when it changes: a blur's `change` event must not remove the
	// Apply button between press and release.
	let shown: string | undefined;
	const update = () => {
		const values = new FormData(form);
		const users = String(values.get('users') ?? '').trim();
		const answers: SeverityAnswers = {
			...(users !== '' ? { usersAffected: Number(users) } : {}),
			...(values.get('revenue') ? { revenue: String(values.get('revenue')) } : {}),
			...(values.get('slo') ? { slo: String(values.get('slo')) } : {}),
			statements: values.getAll('statement').map(String),
		};
		const suggestion = suggestSeverity(severities, answers, scenarios);
		const key = suggestion
			? `${suggestion.severity.id}\n${current()}\n${suggestion.reasons.join('\n')}`
			: '';
		if (key === shown) return;
		shown = key;
		if (!suggestion)
			return result.replaceChildren(h('p', {}, 'Answer a question to get a suggested severity.'));
		const { severity, reasons } = suggestion;
		result.replaceChildren(
			h('p', {}, 'Suggested: ', h('strong', { class: 'rb-suggested' }, severityTitle(severity))),
			h(
				'ul',
				{},
				reasons.map((reason) => h('li', {}, reason))
			),
			severity.id === current()
				? h('p', {}, 'This is the incident’s severity already.')
				: h('button', { type: 'button', onclick: () => apply(severity) }, `Apply ${severity.level}`)
		);
	};
	form.addEventListener('input', update);
	form.addEventListener('change', update);
	const ranges = severities.flatMap((severity) =>
		severity.criteria?.usersAffected
			? [`${severity.level}: ${severity.criteria.usersAffected}`]
			: []
	);
	const parts = [
		questions.usersAffected
			? h(
					'p',
					{ class: 'rb-field' },
					h('label', { for: 'rb-sev-users' }, 'Share of users affected (%)'),
					h('input', {
						id: 'rb-sev-users',
						name: 'users',
						type: 'number',
						min: '0',
						max: '100',
						step: 'any',
						'aria-describedby': 'rb-sev-users-help',
					}),
					h('small', { id: 'rb-sev-users-help' }, ranges.join(' · '))
				)
			: null,
		questions.choices.map((choice) =>
			h(
				'p',
				{ class: 'rb-field' },
				h('label', { for: `rb-sev-${choice.key}` }, choice.label),
				h(
					'select',
					{ id: `rb-sev-${choice.key}`, name: choice.key },
					h('option', { value: '' }, 'Not known'),
					choice.options.map((option) => h('option', { value: option.text }, option.text))
				)
			)
		),
		(Object.keys(LEGENDS) as StatementKind[]).map((kind) => {
			const statements = questions.statements.filter((statement) => statement.kind === kind);
			if (!statements.length) return null;
			return h(
				'fieldset',
				{},
				h('legend', {}, LEGENDS[kind]),
				statements.map((statement) => {
					const id = `rb-sev-st-${questions.statements.indexOf(statement)}`;
					return h(
						'p',
						{ class: 'rb-check' },
						h('input', { type: 'checkbox', id, name: 'statement', value: statement.id }),
						' ',
						h('label', { for: id }, statement.text)
					);
				})
			);
		}),
		questions.unreachable.length
			? h(
					'p',
					{ class: 'rb-unreachable' },
					`The playbook describes ${questions.unreachable.map((severity) => severity.level).join(', ')} in no way the helper can ask about; choose ${questions.unreachable.length > 1 ? 'them' : 'it'} directly.`
				)
			: null,
		result,
	];
	form.append(...parts.flat().filter((part) => part !== null));
	update();
	return form;
}
