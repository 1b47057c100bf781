import { html } from 'lit';

const bone = (cls = '') => html`<span class="bone ${cls}"></span>`;

/** Placeholder table rows the height of real ones. */
export function skeletonRows(rows: number, columns: number) {
  return Array.from(
    { length: rows },
    () => html`<tr class="skeleton-row" aria-hidden="true">${Array.from({ length: columns }, () => html`<td>${bone()}</td>`)}</tr>`,
  );
}

/** The whole dashboard's shape while its first screen loads, so nothing jumps when it arrives. */
export function renderSkeleton() {
  return html`
    <div class="skeleton" aria-hidden="true">
      <div class="header">
        <span class="logo bone"></span>
        <div class="header__text">${bone('bone--eyebrow')}${bone('bone--title')}${bone('bone--line')}</div>
      </div>
      <div class="grid">
        <div class="card share">${bone('bone--label')}${bone('bone--code')}${bone('bone--label')}${bone('bone--input')}</div>
        <div class="card terms">${bone('bone--label')}${bone('bone--line')}${bone('bone--line bone--short')}${bone('bone--input')}</div>
        <div class="stats"><div class="stats__grid">
          ${Array.from({ length: 6 }, () => html`<div class="stat">${bone('bone--label')}${bone('bone--figure')}</div>`)}
        </div></div>
        <div class="card conversions">${bone('bone--label')}<table class="table"><tbody>${skeletonRows(4, 5)}</tbody></table></div>
        <div class="card payments">${bone('bone--label')}<table class="table"><tbody>${skeletonRows(2, 4)}</tbody></table></div>
      </div>
    </div>
  `;
}
