import { html, nothing } from 'lit';
import { alertIcon } from '../icons.js';

/** An error in words, with a Retry when trying again can help. */
export function renderProblem(title: string, message: string, code: string | undefined, onRetry?: () => void) {
  return html`
    <div class="card problem" role="alert">
      <span class="problem__icon">${alertIcon}</span>
      <div>
        <h2 class="problem__title">${title}</h2>
        <p class="muted">${message}</p>
        ${code ? html`<p class="problem__code">Error code: ${code}</p>` : nothing}
        ${onRetry ? html`<button class="button button--primary" type="button" @click=${onRetry}>Retry</button>` : nothing}
      </div>
    </div>
  `;
}
