/**
 * `<rb-incident-banner>` on every page: the active incident's id, severity, status, time since
 * start and the clocks its severity sets (turning urgent when overdue), plus the "Declare
 * incident" control, prefilled on a scenario page and from alert context in the URL fragment.
 * It also records the page's `responder:timeline` events on the active incident.
 *
 * This loads on every page, so it stays small: no zod, and the declare dialog and the alert
 * reader load through `import()` only when needed (the size is tested in `page-weight.spec.ts`).
 */
import type { Incident } from './incident-context.ts';
import { h } from './dom.ts';
import type { DeclarePrefill } from './declare-dialog.ts';
import { incidentData, loadStore, mutate, onStoreChange, recordTimelineEvents, storageNotice } from './incident-store-client.ts';
import { elapsed, formatRemaining, formatSpan, formatUtc, incidentClocks } from '../lib/incident-clock.ts';
import { findPlaybook, findSeverity, type IncidentData } from '../lib/incident-data.ts';
import { acknowledge, STATUS_LABELS } from '../lib/incident-store.ts';

class IncidentBanner extends HTMLElement {
	#data: IncidentData | undefined;
	#timer: ReturnType<typeof setInterval> | undefined;
	#stop: (() => void) | undefined;
	#status = h('div', { class: 'rb-banner-body' });
	#notice = h('p', { class: 'rb-notice', role: 'status' });
	#alert = h('div', { class: 'rb-alert-context' });

	connectedCallback() {
		recordTimelineEvents();
		const declare = h('button', { type: 'button', class: 'rb-declare-button', onclick: () => void this.#declare(this.#scenarioPrefill()) }, 'Declare incident');
		this.replaceChildren(this.#alert, this.#status, h('p', { class: 'rb-banner-actions' }, declare, ' ', h('a', { href: '/incident/' }, 'Incident workspace')), this.#notice);
		void this.#showAlertContext();
		this.#stop = onStoreChange(() => this.#render());
		this.#render();
		this.#timer = setInterval(() => this.#render(), 1000);
		void incidentData()
			.then((data) => {
				this.#data = data;
				this.#render();
			})
			.catch(() => undefined);
	}

	disconnectedCallback() {
		clearInterval(this.#timer);
		this.#stop?.();
	}

	#scenarioPrefill(): DeclarePrefill {
		const { playbook, severity, scenario, scenarioTitle } = this.dataset;
		return { ...(playbook ? { playbook } : {}), ...(severity ? { severity } : {}), ...(scenario ? { scenario } : {}), ...(scenarioTitle ? { title: scenarioTitle } : {}) };
	}

	async #declare(prefill: DeclarePrefill) {
		const { openDeclareDialog } = await import('./declare-dialog.ts');
		await openDeclareDialog(prefill);
		this.#render();
		this.querySelector<HTMLElement>('.rb-incident-id')?.focus();
	}

	/** Alert links carry context in the fragment; on a scenario page, offer to declare from it. */
	async #showAlertContext() {
		if (!this.dataset.scenario || location.hash.length < 2) return;
		const { parseAlertContext } = await import('../lib/alert-context.ts');
		const context = parseAlertContext(location.hash);
		if (!context) return;
		const facts = [context.service && `service ${context.service}`, context.severity && `severity ${context.severity}`, context.startsAt && `started ${formatUtc(context.startsAt)}`]
			.filter(Boolean)
			.join(', ');
		const prefill: DeclarePrefill = {
			...this.#scenarioPrefill(),
			...(context.summary || context.service ? { title: context.summary ?? `${this.dataset.scenarioTitle}: ${context.service}` } : {}),
			...(context.severity ? { severity: context.severity } : {}),
			...(context.startsAt ? { startedAt: context.startsAt } : {}),
		};
		this.#alert.replaceChildren(
			h('p', {}, h('strong', {}, 'Alert: '), context.summary ?? '', context.summary && facts ? ' — ' : '', facts),
			h('button', { type: 'button', onclick: () => void this.#declare(prefill) }, 'Declare incident from this alert'),
		);
	}

	#render() {
		const store = loadStore();
		this.#notice.textContent = storageNotice() ?? '';
		this.#notice.hidden = !storageNotice();
		const incident = store.activeId ? store.incidents[store.activeId] : undefined;
		this.toggleAttribute('data-active', !!incident);
		if (!incident) {
			this.#status.replaceChildren();
			return;
		}
		// Parts are updated in place so keyboard focus on the incident link survives the ticking clock.
		if (!this.#status.firstChild) this.#status.append(h('p', { class: 'rb-banner-line' }, this.#id, this.#severity, this.#state, this.#elapsed, this.#clocks));
		this.#describe(incident);
	}

	#id = h('a', { class: 'rb-incident-id', href: '/incident/' });
	#severity = h('span', { class: 'rb-sev' });
	#state = h('span', { class: 'rb-status' });
	#elapsed = h('span', { class: 'rb-elapsed' });
	#clocks = h('span', { class: 'rb-clocks' });

	#describe(incident: Incident) {
		const now = new Date();
		const severity = this.#data && findSeverity(this.#data, incident.severity);
		const playbook = this.#data && findPlaybook(this.#data, incident.playbook);
		this.#id.textContent = incident.id;
		this.#id.setAttribute('aria-label', `Active incident ${incident.id}: open the workspace`);
		this.#severity.className = `rb-sev rank-${Math.min(severity?.rank ?? 4, 4)}`;
		this.#severity.textContent = severity ? `${severity.level} ${severity.name}` : incident.severity;
		this.#state.textContent = STATUS_LABELS[incident.status];
		this.#elapsed.textContent = `Started ${formatUtc(incident.startedAt, now)}, ${formatSpan(elapsed(incident, now))} ago`;
		if (!severity || !playbook) return this.#clocks.replaceChildren();
		const clocks = incidentClocks(incident, severity, playbook.targetLabels, now).filter((clock) => clock.key !== 'response');
		this.#clocks.replaceChildren(
			...clocks.map((clock) => {
				if (clock.met) {
					return h('span', { class: 'rb-clock met', 'data-clock': clock.key }, h('span', { class: 'rb-clock-label' }, 'Acknowledged: '), formatUtc(clock.met, now));
				}
				const when = clock.due ? `${formatUtc(clock.due, now)} (${formatRemaining(clock.remaining!)})` : clock.target;
				const label = clock.key === 'update' ? 'Next update' : clock.key === 'acknowledge' ? `${clock.label} by` : clock.label;
				return h(
					'span',
					{ class: `rb-clock${clock.overdue ? ' overdue' : ''}`, 'data-clock': clock.key },
					h('span', { class: 'rb-clock-label' }, `${label}: `),
					when,
					clock.businessHours ? ' (business hours)' : '',
					clock.key === 'acknowledge'
						? h('button', { type: 'button', class: 'rb-ack', onclick: () => mutate((store) => acknowledge(store, incident.id, new Date())) }, 'Acknowledge')
						: null,
				);
			}),
		);
	}
}

declare global {
	interface HTMLElementTagNameMap {
		'rb-incident-banner': IncidentBanner;
	}
}

if (!customElements.get('rb-incident-banner')) customElements.define('rb-incident-banner', IncidentBanner);
