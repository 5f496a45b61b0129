/**
 * `<rb-template>`: upgrades a template page's text into a form with a live preview and copy
 * buttons. Values are stored per incident and shared by every template (same field name, same
 * value); empty fields fill themselves from the active incident. Everything the responder types
 * is put into the page as text nodes and onto the clipboard as typed.
 */
import { activeIncident, activeIncidentId } from './incident-context.ts';
import { onActiveIncidentChange, recordTimeline } from './incident-follow.ts';
import { onStorageChange } from './safe-storage.ts';
import { loadValues, saveValues } from './value-storage.ts';
import { copyText } from './clipboard.ts';
import { fillMessage, type FilledMessage, type Segment } from '../lib/placeholders.ts';
import { fillFileName } from '../lib/save-as.ts';
import {
	copyVariants,
	distinctVariants,
	renderSegments,
	type BodyFormat,
	type CopyVariant,
} from '../lib/message-format.ts';
import {
	messageValues,
	resolveValues,
	VALUES_KEY_PREFIX,
	type FieldValue,
	type SeverityInfo,
	type ValueField,
} from '../incident/template-values.ts';

/** What the build puts in the page for the element (`<script type="application/json">`). */
export interface TemplatePageData {
	/** Template entry id (`servio/status-page-update`). */
	id: string;
	title: string;
	/** Template kind (`status-page`, `internal`, …). */
	kind: string;
	/** Whether the content declares this message an update (copying it restarts the update clock). */
	announcesUpdate: boolean;
	format: BodyFormat;
	subject?: string | undefined;
	body: string;
	/** Where the filled document is saved, with blanks its fields fill. */
	file?: string | undefined;
	channels: string[];
	fields: (ValueField & { label: string; tokens: string[] })[];
	/** The playbook's own levels, for severity fields and update times. */
	severities: SeverityInfo[];
}

const NOTICE = {
	unavailable:
		'This browser is not saving what you type here (storage is blocked). Values stay while this page is open.',
	corrupt: 'Saved values could not be read and were set aside; the fields start empty.',
	write:
		'What you type could not be saved (storage is blocked or full). Values stay while this page is open.',
};

/** Derived values move with the clock ("now", "duration"); refresh them this often. */
const REFRESH_MS = 20_000;

type Input = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/**
 * Which inputs a refresh rewrites: `all` (another incident's values), `idle` (all but the one
 * being typed in), `derived` (only those showing a derived value, never the one being typed in).
 */
type Fill = 'all' | 'idle' | 'derived';

class RbTemplate extends HTMLElement {
	#data: TemplatePageData | undefined;
	/** The incident whose values are shown (`null`: before any incident). */
	#incidentId: string | null = null;
	#typed: Record<string, string> = Object.create(null);
	/** Values per incident when storage refuses them, so a re-read does not lose them. */
	#memory = new Map<string | null, Record<string, string>>();
	#message: FilledMessage = { body: [], blanks: [] };
	#rendered = '';
	/** The copy that was held back for blanks; pressing the same button again copies it. */
	#pending: string | undefined;
	#fallbackVariant: CopyVariant | undefined;
	#cleanup: (() => void)[] = [];

	connectedCallback() {
		const data = this.#readData();
		if (!data) return;
		this.#data = data;
		for (const part of this.querySelectorAll<HTMLElement>('[data-enhanced]')) part.hidden = false;
		for (const part of this.querySelectorAll<HTMLElement>('[data-manual]')) part.hidden = true;
		this.#renderButtons();
		this.addEventListener('input', this.#onInput);
		this.addEventListener('change', this.#onChange);
		this.addEventListener('click', this.#onClick);
		this.querySelector('form')?.addEventListener('submit', (event) => event.preventDefault());
		this.#textarea()?.addEventListener(
			'copy',
			() => this.#fallbackVariant && this.#copied(this.#fallbackVariant)
		);
		const timer = setInterval(() => this.#refresh('derived'), REFRESH_MS);
		this.#cleanup.push(
			() => clearInterval(timer),
			// Another incident's values replace every input; the same incident's only the idle ones.
			onActiveIncidentChange(() =>
				this.#load(activeIncidentId() === this.#incidentId ? 'idle' : 'all')
			),
			// Another tab typed: its values show, except in the input being typed in here.
			onStorageChange(VALUES_KEY_PREFIX, () => this.#load('idle'), true)
		);
		this.#load('all');
	}

	disconnectedCallback() {
		for (const stop of this.#cleanup.splice(0)) stop();
	}

	#readData(): TemplatePageData | undefined {
		try {
			return JSON.parse(
				this.querySelector('script[data-template]')?.textContent ?? ''
			) as TemplatePageData;
		} catch {
			return undefined;
		}
	}

	#fields() {
		return this.#data?.fields ?? [];
	}

	#input(name: string): Input | null {
		return this.querySelector<Input>(`[data-field="${CSS.escape(name)}"]`);
	}

	#textarea() {
		return this.querySelector<HTMLTextAreaElement>('[data-fallback] textarea');
	}

	/** Reads the values of the current incident scope and fills the inputs. */
	#load(fill: Fill) {
		this.#incidentId = activeIncidentId();
		const result = loadValues(this.#incidentId);
		// Values that could not be saved are newer than anything storage still holds.
		const kept = this.#memory.get(this.#incidentId);
		this.#typed = kept ?? (result.status === 'ok' ? result.value : Object.create(null));
		this.#notice(
			kept
				? NOTICE.write
				: result.status === 'unavailable'
					? NOTICE.unavailable
					: result.status === 'corrupt'
						? NOTICE.corrupt
						: undefined
		);
		this.#refresh(fill);
	}

	#save() {
		if (saveValues(this.#incidentId, this.#typed)) {
			this.#memory.delete(this.#incidentId);
			this.#notice(undefined);
			return;
		}
		this.#memory.set(this.#incidentId, this.#typed);
		this.#notice(NOTICE.write);
	}

	#notice(text: string | undefined) {
		const notice = this.querySelector<HTMLElement>('[data-notice]');
		if (!notice) return;
		notice.hidden = !text;
		notice.textContent = text ?? '';
	}

	/** Recomputes values (typed, else derived) and the preview, and rewrites the inputs `fill` names. */
	#refresh(fill: Fill): Record<string, FieldValue> {
		const data = this.#data;
		if (!data) return {};
		const resolved = resolveValues(data.fields, {
			now: new Date(),
			incident: activeIncident(),
			severities: data.severities,
			typed: this.#typed,
			announcesUpdate: data.announcesUpdate,
		});
		for (const field of data.fields) {
			const input = this.#input(field.name);
			const value = resolved[field.name]!;
			const idle = input !== document.activeElement;
			if (input && (fill === 'all' || (idle && (fill === 'idle' || value.source === 'derived'))))
				setValue(input, value.value);
			const hint = this.querySelector<HTMLElement>(`[data-derived="${CSS.escape(field.name)}"]`);
			if (!hint) continue;
			hint.hidden = value.source !== 'derived';
			// Out of the description when hidden: a description is read out even from a hidden element.
			if (input) describe(input, hint.id, !hint.hidden);
		}
		this.#render(resolved);
		return resolved;
	}

	#render(resolved: Record<string, FieldValue>) {
		const data = this.#data!;
		const values = messageValues(data.fields, resolved);
		const message = fillMessage(data, values);
		const file = data.file === undefined ? [] : fillFileName(data.file, data.fields, values);
		// Unchanged text is left alone, so a selection in the preview survives the clock's refresh.
		const key = JSON.stringify([message, file]);
		if (key === this.#rendered) return;
		this.#rendered = key;
		this.#message = message;
		this.querySelector<HTMLElement>('[data-part="file"]')?.replaceChildren(...nodes(file));
		const subject = this.querySelector<HTMLElement>('[data-part="subject"]');
		if (subject && this.#message.subject) subject.replaceChildren(...nodes(this.#message.subject));
		this.querySelector<HTMLElement>('[data-part="body"]')?.replaceChildren(
			...nodes(this.#message.body)
		);
		this.#showButtons();
		// `npm run bench` measures from the keystroke to here.
		performance.mark('rb:template:rendered');
	}

	#renderButtons() {
		const box = this.querySelector<HTMLElement>('[data-copy-buttons]');
		if (!box || !this.#data) return;
		// Rendered in the HTML by TemplateForm.astro; built here only for markup without them.
		if (box.querySelector('button[data-copy]')) return;
		box.replaceChildren(
			...copyVariants(this.#data).map((variant) => {
				const button = document.createElement('button');
				button.type = 'button';
				button.dataset['copy'] = variant.id;
				button.textContent = variant.label;
				return button;
			})
		);
		this.#showButtons();
	}

	/** Hides a copy button whose text, for the current values, equals one already offered. */
	#showButtons() {
		const data = this.#data;
		if (!data) return;
		const offered = new Set(
			distinctVariants(copyVariants(data), this.#message.body, data.format).map((v) => v.id)
		);
		for (const button of this.querySelectorAll<HTMLButtonElement>(
			'[data-copy-buttons] [data-copy]'
		))
			button.hidden = !offered.has(button.dataset['copy'] as CopyVariant['id']);
	}

	#onInput = (event: Event) => {
		const input = event.target as Input;
		const name = input.dataset['field'];
		if (!name) return;
		if (input.value.trim() === '') delete this.#typed[name];
		else this.#typed[name] = input.value;
		this.#save();
		this.#refresh('derived');
	};

	/** Leaving a field emptied shows its derived value again. */
	#onChange = (event: Event) => {
		const input = event.target as Input;
		const name = input.dataset['field'];
		if (!name) return;
		const value = this.#refresh('derived')[name];
		if (value?.source === 'derived' && input.value.trim() === '') setValue(input, value.value);
	};

	#onClick = (event: MouseEvent) => {
		const button = (event.target as Element).closest('button');
		if (!button || !this.contains(button)) return;
		if (button.dataset['copy']) void this.#copy(button.dataset['copy']);
		else if (button.dataset['action'] === 'clear') this.#clear();
		else if (button.dataset['action'] === 'close-fallback') this.#closeFallback();
	};

	#clear() {
		for (const field of this.#fields()) delete this.#typed[field.name];
		this.#save();
		this.#refresh('all');
		this.#announce('Fields cleared.');
		this.#input(this.#fields()[0]?.name ?? '')?.focus();
	}

	async #copy(id: string) {
		const data = this.#data;
		const variant = data && copyVariants(data).find((candidate) => candidate.id === id);
		if (!variant) return;
		const segments = variant.id === 'subject' ? (this.#message.subject ?? []) : this.#message.body;
		const text =
			variant.id === 'subject'
				? renderSegments(segments, 'plain', 'plain')
				: renderSegments(segments, data.format, variant.id);
		const blanks = this.#blankLabels(segments);
		const key = `${variant.id}\n${text}`;
		if (blanks.length > 0 && this.#pending !== key) {
			this.#pending = key;
			const plural = blanks.length > 1;
			this.#announce(
				`Still blank: ${blanks.join(', ')}. Fill ${plural ? 'them' : 'it'} in, or press “${variant.label}” again to copy with the blank${plural ? 's' : ''}.`
			);
			return;
		}
		this.#pending = undefined;
		if (!(await copyText(text))) {
			this.#fallback(text, variant);
			return;
		}
		this.#closeFallback();
		this.#copied(variant);
	}

	#blankLabels(segments: Segment[]): string[] {
		const names = new Set(
			segments.flatMap((segment) =>
				segment.kind === 'field' && !segment.filled ? [segment.name] : []
			)
		);
		return this.#fields()
			.filter((field) => names.has(field.name))
			.map((field) => field.label);
	}

	#copied(variant: CopyVariant) {
		this.#announce(`Copied (${variant.channel}).`);
		const data = this.#data!;
		recordTimeline({
			type: 'message-sent',
			template: data.id,
			title: data.title,
			kind: data.kind,
			channel: variant.channel,
			update: data.announcesUpdate,
		});
	}

	/** Copying was refused: show the text selected in a box for Ctrl/Cmd+C. */
	#fallback(text: string, variant: CopyVariant) {
		const box = this.querySelector<HTMLElement>('[data-fallback]');
		const textarea = this.#textarea();
		if (!box || !textarea) return;
		this.#fallbackVariant = variant;
		box.hidden = false;
		textarea.value = text;
		textarea.focus();
		textarea.select();
		this.#announce(
			'Copying was not allowed. The text is selected in the box below: press Ctrl/Cmd+C to copy it.'
		);
	}

	#closeFallback() {
		const box = this.querySelector<HTMLElement>('[data-fallback]');
		if (box) box.hidden = true;
		this.#fallbackVariant = undefined;
	}

	#announce(text: string) {
		const status = this.querySelector<HTMLElement>('[data-status]');
		if (!status) return;
		// Emptied first so that the same words said twice ("Copied") are announced twice.
		status.textContent = '';
		setTimeout(() => (status.textContent = text), 50);
	}
}

/** A filled text as DOM: text nodes, with each unfilled blank in a `<mark>`. */
function nodes(segments: Segment[]): Node[] {
	return segments.map((segment) => {
		if (segment.kind === 'text' || segment.filled) return document.createTextNode(segment.text);
		const mark = document.createElement('mark');
		mark.className = 'rb-blank';
		mark.textContent = segment.text;
		return mark;
	});
}

/** Adds `id` to, or takes it from, the input's `aria-describedby`. */
function describe(input: Input, id: string, on: boolean) {
	const ids = (input.getAttribute('aria-describedby') ?? '')
		.split(' ')
		.filter((x) => x && x !== id);
	if (on) ids.push(id);
	if (ids.length) input.setAttribute('aria-describedby', ids.join(' '));
	else input.removeAttribute('aria-describedby');
}

/** Sets an input's value; a select gets an option for a value it does not offer (typed elsewhere). */
function setValue(input: Input, value: string) {
	if (
		input instanceof HTMLSelectElement &&
		value !== '' &&
		![...input.options].some((option) => option.value === value)
	) {
		input.add(new Option(value, value));
	}
	input.value = value;
}

declare global {
	interface HTMLElementTagNameMap {
		'rb-template': RbTemplate;
	}
}

if (!customElements.get('rb-template')) customElements.define('rb-template', RbTemplate);
