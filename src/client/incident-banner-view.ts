/**
 * The running incident as `<rb-incident-banner>` shows it: id, severity, status, time since start
 * and the clocks its severity sets (turning urgent when overdue), with the Acknowledge button.
 * Loaded by the banner only while an incident is active, so pages browsed without one skip it.
 */
import { formatUtc } from '../lib/utc.ts';
import { STATUS_LABELS, type Incident } from '../incident/model.ts';
import { h } from './dom.ts';
import { mutate } from './incident-store-client.ts';
import {
	elapsed,
	formatRemaining,
	formatSpan,
	firstResponseClock,
	incidentClocks,
	barClockKeys,
} from '../incident/clocks.ts';
import { findPlaybook, findSeverity, incidentData, type IncidentData } from '../incident/data.ts';
import { acknowledge, postUpdate } from '../incident/edits.ts';

/**
 * A time in the bar: within 12 hours of now the time of day alone (the countdown or the time since
 * start beside it says which day), so each line of the bar stays one line on a phone.
 */
const barTime = (iso: string, now: Date) =>
	formatUtc(iso, now, { timeOnly: Math.abs(Date.parse(iso) - now.getTime()) < 12 * 3_600_000 });

export class IncidentView {
	#data: IncidentData | undefined;
	#id = h('a', { class: 'rb-incident-id', href: '/incident/' });
	#severity = h('span', { class: 'rb-sev' });
	#state = h('span', { class: 'rb-status' });
	#elapsed = h('span', { class: 'rb-elapsed' });
	#clocks = h('span', { class: 'rb-clocks' });
	/** The banner line; its parts are updated in place so keyboard focus survives the ticking clock. */
	readonly line = h(
		'p',
		{ class: 'rb-banner-line' },
		h(
			'span',
			{ class: 'rb-bar-who' },
			this.#id,
			' ',
			this.#severity,
			' ',
			this.#state,
			' ',
			this.#elapsed
		),
		' ',
		this.#clocks
	);

	/**
	 * Whether the playbook data (severity names, targets) has arrived or failed: the bar shows only
	 * then, in the line kept free for it, so the names replacing ids never move it (layout shift).
	 */
	ready = false;

	/** `onData` runs once the playbook data has arrived, or could not be had. */
	constructor(onData: () => void) {
		void incidentData()
			.then((data) => {
				this.#data = data;
			})
			.catch(() => undefined)
			.finally(() => {
				this.ready = true;
				onData();
			});
	}

	show(incident: Incident) {
		const now = new Date();
		const severity = this.#data && findSeverity(this.#data, incident.severity);
		const playbook = this.#data && findPlaybook(this.#data, incident.playbook);
		this.#id.textContent = incident.id;
		this.#id.setAttribute('aria-label', `Active incident ${incident.id}: open the workspace`);
		// The severity badge's own colours (styles/controls.css), with its level and name in words.
		this.#severity.className = `rb-sev severity rank-${Math.min(severity?.rank ?? 4, 4)}`;
		// On a phone the badge shows the level alone (its name stays for screen readers), so id,
		// severity and status fit the bar's first line.
		if (severity)
			this.#severity.replaceChildren(
				severity.level,
				h('span', { class: 'rb-sev-name' }, ` (${severity.name})`)
			);
		else this.#severity.textContent = incident.severity;
		this.#state.textContent = STATUS_LABELS[incident.status];
		this.#elapsed.textContent = `Started ${barTime(incident.startedAt, now)}, ${formatSpan(elapsed(incident, now))} ago`;
		const keys = severity ? barClockKeys(severity, incident.status === 'resolved') : [];
		// The bar's height: one line per clock (and one for "Update posted" on a phone), as reserved
		// before the first paint.
		this.line.style.setProperty('--rb-clocks', String(playbook ? keys.length : 0));
		this.line.style.setProperty('--rb-update', String(+(!!playbook && keys.includes('update'))));
		if (!severity || !playbook) return this.#clocks.replaceChildren();
		const acknowledgeKey = firstResponseClock(severity);
		const clocks = incidentClocks(incident, severity, playbook.targetLabels, now).filter((clock) =>
			keys.includes(clock.key)
		);
		// One chip per clock, with a space between so their text never runs together.
		this.#clocks.replaceChildren(...clocks.flatMap((clock) => [' ', chip(clock)]));
		function chip(clock: (typeof clocks)[number]) {
			if (clock.met) {
				return h(
					'span',
					{ class: 'rb-clock met', 'data-clock': clock.key },
					h(
						'span',
						{ class: 'rb-clock-label' },
						clock.key === acknowledgeKey
							? 'Acknowledged: '
							: clock.key === 'resolution'
								? 'Resolved: '
								: `${clock.label} met: `
					),
					barTime(clock.met, now)
				);
			}
			const label =
				clock.key === 'update'
					? 'Next update'
					: clock.key === 'acknowledge'
						? `${clock.label} by`
						: clock.label;
			return h(
				'span',
				{ class: `rb-clock${clock.overdue ? ' overdue' : ''}`, 'data-clock': clock.key },
				// The acknowledge button names its clock, so it comes first.
				clock.key === acknowledgeKey
					? h(
							'button',
							{
								type: 'button',
								class: 'rb-ack',
								onclick: () => mutate((store) => acknowledge(store, incident.id, new Date())),
							},
							'Acknowledge'
						)
					: null,
				// How long is left comes first: it is what a glance at the bar is for.
				h('span', { class: 'rb-clock-remaining' }, formatRemaining(clock.remaining)),
				' · ',
				h('span', { class: 'rb-clock-label' }, `${label}: `),
				barTime(clock.due, now),
				clock.businessHours ? ' (business hours)' : '',
				clock.key === 'update'
					? h(
							'button',
							{
								type: 'button',
								class: 'rb-ack rb-update-posted',
								title: 'An update went out outside Responder: start the update clock again.',
								onclick: () => mutate((store) => postUpdate(store, incident.id, new Date())),
							},
							'Update posted'
						)
					: null
			);
		}
	}
}
