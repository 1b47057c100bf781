import { html, nothing } from 'lit';
import type { CsvKind, DashboardController } from '../dashboard-controller.js';
import type { Formatter } from '../format.js';
import { errorMessage } from '../messages/index.js';

/** A titled card that is also a part, e.g. `conversions`; `extra` sits beside the title. */
export function card(part: string, title: string, body: unknown, extra?: unknown) {
  return html`<section part=${part} class="card ${part}" aria-labelledby="${part}-title">
    <div class="card__head"><h3 id="${part}-title" class="card__title">${title}</h3>${extra}</div>
    ${body}
  </section>`;
}

/** Nothing to list yet: what it is and what to do. */
export function emptyState(title: string, text: string) {
  return html`<div class="empty-state"><p class="empty-state__title">${title}</p><p class="muted">${text}</p></div>`;
}

/** A status in a word and a colour (never the colour alone). */
export function pill(tone: string, label: string) {
  return html`<span class="pill pill--${tone}"><span class="dot"></span>${label}</span>`;
}

/**
 * Downloads a card's rows as CSV: named "Download CSV" and the card's title; after a failure,
 * says why beside it (pressing it again retries).
 */
export function downloadButton(kind: CsvKind, data: DashboardController, f: Formatter) {
  const error = data.csvErrors[kind];
  return html`<button class="button" id="${kind}-csv" aria-labelledby="${kind}-csv ${kind}-title" @click=${() => void data.downloadCsv(kind)}>${f.m.download}</button>
    ${error ? html`<p class="inline-error" role="alert">${errorMessage(f.m, error)}</p>` : nothing}`;
}
