/**
 * Keeps the incident bar's lines free for an incident (`data-reserve` and the line counts
 * `--rb-clocks`, `--rb-update` that IncidentBanner.astro's styles size the bar by), from the
 * banner's `data-clocks`: one for each clock its severity sets, and the update button's. The
 * banner calls it when an incident is declared on the page, so the bar fills its room however
 * late its view loads. Run as a classic inline script (a module has no `currentScript`), it does
 * the same before the first paint for the incident stored as active, bundled by esbuild
 * (`inlineScript` in `src/lib/csp.ts`, hashed for the policy); a store it cannot read keeps no
 * room, as the banner starts a new list then.
 */
import type { Incident } from '../incident/model.ts';
import { INCIDENTS_KEY } from './incident-keys.ts';

export function keepBarRoom(banner: HTMLElement, { severity, status }: Incident) {
	let lines = '000';
	try {
		lines = JSON.parse(banner.dataset['clocks']!)[severity] || lines;
	} catch {}
	const resolved = status === 'resolved';
	banner.setAttribute('data-reserve', '');
	banner.style.setProperty('--rb-clocks', lines[+resolved]!);
	banner.style.setProperty('--rb-update', resolved ? '0' : lines[2]!);
}

const script = document.currentScript;
if (script?.previousElementSibling instanceof HTMLElement) {
	try {
		const store = JSON.parse(localStorage.getItem(INCIDENTS_KEY)!);
		const active = store.incidents[store.activeId];
		if (active) keepBarRoom(script.previousElementSibling, active);
	} catch {}
}
