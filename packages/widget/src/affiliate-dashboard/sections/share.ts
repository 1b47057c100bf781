import { html } from 'lit';
import type { Dashboard } from '@affdash/core';
import { checkIcon, copyIcon } from '../icons.js';

export type CopyKind = 'code' | 'link';

export interface ShareOptions {
  copied: CopyKind | undefined;
  onCopy: (kind: CopyKind, value: string) => void;
}

/** How many characters of the link's end stay visible when it is cut in the middle. */
const LINK_TAIL = 10;

function copyButton(kind: CopyKind, value: string, label: string, { copied, onCopy }: ShareOptions) {
  const done = copied === kind;
  return html`<button
    part="copy-button"
    class="button button--primary copy ${done ? 'is-copied' : ''}"
    type="button"
    aria-label=${done ? `${label} copied` : `Copy ${label.toLowerCase()}`}
    @click=${() => onCopy(kind, value)}
  >
    ${done ? checkIcon : copyIcon}<span aria-hidden="true">${done ? 'Copied' : 'Copy'}</span>
  </button>`;
}

/** The promo code and the tracking link, each with a Copy button. */
export function renderShare({ enrollment }: Dashboard, options: ShareOptions) {
  const link = enrollment.trackingUrl;
  // Shown without the scheme so the host is what fits; copied in full.
  const shown = link.replace(/^https?:\/\//, '');
  const cut = Math.max(shown.length - LINK_TAIL, 0);
  return html`
    <section part="share" class="card share" aria-labelledby="share-title">
      <h3 id="share-title" class="card__title">Share</h3>
      <div class="share__item">
        <span class="label">Your promo code</span>
        <div class="share__row">
          <span part="code" class="code">${enrollment.promoCode}</span>
          ${copyButton('code', enrollment.promoCode, 'Promo code', options)}
        </div>
      </div>
      <div class="share__item">
        <span class="label">Your tracking link</span>
        <div class="share__row">
          <span part="link" class="link" title=${link}
            ><span class="link__start">${shown.slice(0, cut)}</span><span class="link__end">${shown.slice(cut)}</span></span
          >
          ${copyButton('link', link, 'Tracking link', options)}
        </div>
      </div>
      <p class="hint">Sales made with your code or through your link earn you commission.</p>
    </section>
  `;
}
