/**
 * `<rb-decision-stepper>`: walks a server-rendered decision tree one question at a time. Each
 * answer becomes a button; a leaf shows its action section, whose link is the right section to
 * read next. Back and Start over keep the path; the full tree is the no-JavaScript fallback.
 */
import { h } from './dom.ts';

class DecisionStepper extends HTMLElement {
	#path: string[] = [];
	#sections: HTMLElement[] = [];
	#controls = h('p', { class: 'rb-actions' });
	#trail = h('ol', { class: 'rb-trail', 'aria-label': 'Answers so far' });

	connectedCallback() {
		this.#sections = [...this.querySelectorAll<HTMLElement>(':scope > section')];
		const first = this.#sections.find((section) => section.dataset.question);
		if (!first) return;
		for (const link of this.querySelectorAll<HTMLAnchorElement>('a[data-next], a[data-action]')) {
			const target = link.dataset.next ? `q:${link.dataset.next}` : `a:${link.dataset.action}`;
			const label = link.closest('li')?.querySelector('strong')?.textContent ?? '';
			const button = h('button', { type: 'button', onclick: () => this.#go(target, label) }, label);
			link.closest('li')!.replaceChildren(button);
		}
		this.setAttribute('data-stepping', '');
		this.prepend(this.#trail);
		this.append(this.#controls);
		this.#path = [`q:${first.dataset.question}`];
		this.#show();
	}

	#answers: string[] = [];

	#go(target: string, label: string) {
		this.#path.push(target);
		this.#answers.push(label);
		this.#show(true);
	}

	#show(focus = false) {
		const current = this.#path.at(-1)!;
		for (const section of this.#sections) {
			section.hidden =
				current !==
				(section.dataset.question
					? `q:${section.dataset.question}`
					: `a:${section.dataset.actionSection}`);
		}
		this.#trail.replaceChildren(
			...this.#answers.map((answer, index) => {
				const question = this.#sections.find(
					(section) => `q:${section.dataset.question}` === this.#path[index]
				);
				return h(
					'li',
					{},
					`${question?.querySelector('h2')?.textContent ?? ''} `,
					h('strong', {}, answer)
				);
			})
		);
		this.#controls.replaceChildren(
			this.#path.length > 1
				? h(
						'button',
						{
							type: 'button',
							onclick: () => (this.#path.pop(), this.#answers.pop(), this.#show(true)),
						},
						'Back'
					)
				: '',
			this.#path.length > 1
				? h(
						'button',
						{
							type: 'button',
							onclick: () => (
								(this.#path = this.#path.slice(0, 1)),
								(this.#answers = []),
								this.#show(true)
							),
						},
						'Start over'
					)
				: ''
		);
		if (focus) {
			const heading = this.#sections.find((section) => !section.hidden)?.querySelector('h2');
			heading?.setAttribute('tabindex', '-1');
			heading?.focus();
		}
	}
}

declare global {
	interface HTMLElementTagNameMap {
		'rb-decision-stepper': DecisionStepper;
	}
}

if (!customElements.get('rb-decision-stepper'))
	customElements.define('rb-decision-stepper', DecisionStepper);
