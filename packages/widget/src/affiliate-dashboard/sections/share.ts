import { html, nothing } from 'lit';
import type { Dashboard } from '@affdash/core';
import type { Formatter } from '../format.js';
import { card } from './card.js';

export type CopyKind = 'code' | 'link';

export interface ShareOptions {
  copied: CopyKind | undefined;
  onCopy: (kind: CopyKind, value: string) => void;
}

/** How many characters of the link's end stay visible when it is cut in the middle. */
const LINK_TAIL = 10;

/** A labelled value with its Copy button, which says "Copied" in place once it worked. */
function item(kind: CopyKind, value: string, shown: unknown, f: Formatter, { copied, onCopy }: ShareOptions, paused: boolean) {
  const { m } = f;
  const done = copied === kind;
  const code = kind === 'code';
  // Named "Copy" / "Copied" and what it copies, e.g. "Copy Your promo code".
  return html`<div class="share__item">
    <span class="label" id="${kind}-label">${code ? m.code : m.link}</span>
    <div class="share__row">
      <span part=${kind} class=${kind} title=${code ? nothing : value}>${shown}</span>
      <button
        part="copy-button"
        class="button primary copy"
        ?disabled=${paused}
        id="${kind}-copy"
        aria-labelledby="${kind}-copy ${kind}-label"
        @click=${() => onCopy(kind, value)}
      >
        ${done ? m.copied : m.copy}
      </button>
    </div>
  </div>`;
}

/** Whether sharing earns nothing now: the enrollment or its offer is paused. */
export const sharingPaused = ({ enrollment, offer }: Dashboard) => enrollment.status === 'paused' || offer.status === 'paused';

/** The promo code and the tracking link, each with a Copy button (disabled, with the reason, while paused). */
export function renderShare(d: Dashboard, f: Formatter, options: ShareOptions) {
  const { promoCode, trackingUrl } = d.enrollment;
  const paused = sharingPaused(d);
  // Shown without the scheme so the host is what fits, cut in the middle; copied in full.
  const shown = trackingUrl.replace(/^https?:\/\//, '');
  const cut = Math.max(shown.length - LINK_TAIL, 0);
  return card('share', f.m.share, [
    paused ? html`<p class="muted">${f.m.sharingPaused}</p>` : nothing,
    item('code', promoCode, promoCode, f, options, paused),
    item('link', trackingUrl, html`<span class="link__start">${shown.slice(0, cut)}</span><span class="link__end">${shown.slice(cut)}</span>`, f, options, paused),
  ]);
}
