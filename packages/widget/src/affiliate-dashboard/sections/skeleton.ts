import { html } from 'lit';

/** A placeholder bar: `sm` for labels, `lg` for titles and figures. */
const bone = (size = '') => html`<span class="bone ${size}"></span>`;
const sm = 'bone--sm';
const lg = 'bone--lg';

/** Placeholder table rows the height of real ones. */
export function skeletonRows(rows: number, columns: number) {
  return Array.from(
    { length: rows },
    () => html`<tr>${Array.from({ length: columns }, () => html`<td>${bone()}</td>`)}</tr>`,
  );
}

/** The whole dashboard's shape while its first screen loads, so nothing jumps when it arrives. */
export function renderSkeleton() {
  return html`
    <div class="skeleton" aria-hidden="true">
      <div class="header__text">${bone(sm)}${bone(lg)}${bone(sm)}</div>
      <div class="grid">
        ${[1, 2].map(() => html`<div class="card">${bone(sm)}${bone(lg)}${bone()}${bone(lg)}</div>`)}
        <div class="stats stats__grid">${Array.from({ length: 6 }, () => html`<div class="stat">${bone(sm)}${bone(lg)}</div>`)}</div>
        <div class="card chart">${bone(sm)}${bone(lg)}${bone('chart__bone')}</div>
        <div class="card conversions">${bone(sm)}<table class="table"><tbody>${skeletonRows(4, 5)}</tbody></table></div>
        <div class="card payments">${bone(sm)}<table class="table"><tbody>${skeletonRows(2, 4)}</tbody></table></div>
      </div>
    </div>
  `;
}
