/**
 * Before the first paint, on a scenario page: keeps the alert offer's room (`data-alert-room`)
 * when the page will draw one, by the offer's own rule (`offeredAlert`), so the offer appears
 * without moving the steps. Not a module: esbuild bundles it into the page as an inline script
 * (`inlineScript` in `src/lib/csp.ts`, hashed for the policy), since a module runs too late.
 * Stored incidents it cannot read count as none, as the banner starts a new list then.
 */
import { offeredAlert } from '../lib/alert-context.ts';
import type { Incident } from '../incident/model.ts';
import { INCIDENTS_KEY } from './incident-keys.ts';

const banner = document.querySelector<HTMLElement>('rb-incident-banner');
let active: Incident | undefined;
try {
	const store = JSON.parse(localStorage.getItem(INCIDENTS_KEY)!);
	active = store.incidents[store.activeId] || undefined;
} catch {}
if (banner && offeredAlert(location.hash, banner.dataset['scenario'], active))
	banner.setAttribute('data-alert-room', '');
