import { html, svg } from 'lit';
import type { DashboardController } from '../dashboard-controller.js';
import type { Formatter } from '../format.js';
import { card } from './card.js';
import { renderListFooter } from './list-footer.js';

/** The spans offered, in days; the first screen brings the last 30. */
const SPANS = [7, 30, 90];

/**
 * Commission per day as SVG bars under the total and the days it covers; toggles choose the
 * span. Read out as one image named by its summary ("Commission, Nov 1 – 30, 2026: $176.00").
 */
export function renderChart(data: DashboardController, currency: string, f: Formatter) {
  const { m } = f;
  const { series, span } = data;
  const points = series.items;
  const money = (amount: number) => f.money({ amount, currency });
  const days = points.length ? f.day(points[0]!.day, points[points.length - 1]!.day) : '';
  const total = money(points.reduce((sum, p) => sum + p.commission, 0));
  const top = Math.max(...points.map((p) => p.commission), 1);
  return card(
    'chart',
    m.overTime,
    html`${series.loading
        ? html`<span class="bone bone--lg"></span>`
        : html`<p><span class="stat__value">${total}</span> <span class="muted">${days}</span></p>`}
      <svg viewBox="0 0 ${points.length} 1" preserveAspectRatio="none" role="img" aria-label="${m.commission}, ${days}: ${total}" aria-busy=${series.loading}>
        ${points.map((p, i) => {
          const h = p.commission / top;
          return svg`<rect x=${i + 0.15} y=${1 - h} width=".7" height=${h}><title>${f.day(p.day)}: ${money(p.commission)}</title></rect>`;
        })}
      </svg>
      ${points.length ? html`<p class="axis muted" aria-hidden="true"><span>${f.day(points[0]!.day)}</span><span>${f.day(points[points.length - 1]!.day)}</span></p>` : ''}
      ${renderListFooter(series, f, () => {})}`,
    html`<div class="filters" role="group" aria-labelledby="chart-title">
      ${SPANS.map((d) => html`<button class="chip" aria-pressed=${d === span} @click=${() => void data.showSpan(d)}>${f.days(d)}</button>`)}
    </div>`,
  );
}
