import { html, type TemplateResult } from 'lit';

/** A titled card that is also a part, e.g. `conversions`; `extra` sits beside the title. */
export function card(part: string, title: string, body: unknown, extra?: TemplateResult) {
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
