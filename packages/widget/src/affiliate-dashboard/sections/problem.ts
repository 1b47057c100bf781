import { html, nothing } from 'lit';
import type { Formatter } from '../format.js';

/** An error in words, with a Retry when trying again can help. */
export function renderProblem(f: Formatter, title: string, message: string, code?: string, onRetry?: () => void) {
  return html`
    <div class="card problem" role="alert">
      <h2 class="problem__title">${title}</h2>
      <p class="muted">${message}</p>
      ${code ? html`<p class="problem__code">${code}</p>` : nothing}
      ${onRetry ? html`<button class="button primary" @click=${onRetry}>${f.m.retry}</button>` : nothing}
    </div>
  `;
}
