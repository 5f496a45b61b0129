/**
 * `<rb-decision-stepper>`: walks a server-rendered decision tree one question at a time. The
 * answer, Back and Start over buttons are in the HTML (shown only when scripts run, so upgrading
 * moves nothing); a leaf shows its action section, whose link is the right section to read next.
 * The full tree of linked sections is the no-JavaScript fallback.
 */
import { h } from './dom.ts';

class DecisionStepper extends HTMLElement {
	#path: string[] = [];
	#sections: HTMLElement[] = [];
	#trail = this.querySelector<HTMLOListElement>('.rb-trail')!;
	#back = this.querySelector<HTMLButtonElement>('[data-back]')!;
	#restart = this.querySelector<HTMLButtonElement>('[data-restart]')!;

	connectedCallback() {
		this.#sections = [...this.querySelectorAll<HTMLElement>(':scope > section')];
		const first = this.#sections.find((section) => section.dataset.question);
		if (!first) return;
		for (const button of this.querySelectorAll<HTMLButtonElement>('button[data-go]'))
			button.addEventListener('click', () =>
				this.#go(button.dataset.go!, button.textContent?.trim() ?? '')
			);
		this.#back.addEventListener('click', () => {
			this.#path.pop();
			this.#answers.pop();
			this.#show(true);
		});
		this.#restart.addEventListener('click', () => {
			this.#path = this.#path.slice(0, 1);
			this.#answers = [];
			this.#show(true);
		});
		this.#path = [`q:${first.dataset.question}`];
		this.#show();
		this.setAttribute('data-stepping', '');
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
		this.#back.hidden = this.#restart.hidden = this.#path.length < 2;
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
