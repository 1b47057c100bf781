import { css } from 'lit';
import tokens from './tokens.styles.js';
import base from './base.styles.js';

const layout = css`
  .root, .share, .skeleton, .header__text, .share__item, .stat, .skeleton .card, .empty-state { display: flex; flex-direction: column; }
  .root, .share, .skeleton, .grid { gap: var(--_s4); }
  .root { padding: var(--_s4); }
  .grid { display: grid; grid-template-columns: minmax(0, 1fr); }
  .card { min-width: 0; padding: var(--_s4); border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_surface); }
  .card__head, .header, .meta, .share__row, .link, .filters, .list-footer { display: flex; flex-wrap: wrap; align-items: center; gap: var(--_s2); }
  .card__head { justify-content: space-between; margin-bottom: var(--_s3); }
  .card__title { font-size: 1.07em; line-height: 24px; }
  .share .card__head { margin: 0; }
  @container (min-width: 720px) {
    .root { padding: var(--_s6); }
    .grid { grid-template-columns: 1fr 1fr; }
    .stats, .chart, .conversions, .payments, .terms:first-child { grid-column: 1 / -1; }
    .card { padding: 20px; }
  }

  .header { flex-wrap: nowrap; gap: var(--_s3); }
  .header__text { flex: 1; min-width: 0; gap: 2px; }
  .meta { gap: var(--_s1) var(--_s2); }
  .logo { flex-shrink: 0; width: 40px; height: 40px; border-radius: var(--_radius); object-fit: cover; }
  .title, .eyebrow, .meta, .description, .status-note, .tiers td { overflow-wrap: anywhere; }
  .title { font-size: 22px; line-height: 30px; }

  .share__item { gap: 6px; }
  .code, .link { flex: 1; min-width: 0; padding: var(--_s1) var(--_s3); border: 1px solid var(--_border); border-radius: var(--_radius); }
  /* As wide as the code (the Copy button moves under a code too long for the row): it breaks
     inside only when wider than the card. */
  .code { flex: 1 0 auto; max-width: 100%; border-style: dashed; font-size: 22px; line-height: 36px; letter-spacing: 0.06em; overflow-wrap: anywhere; }
  .link { flex-wrap: nowrap; gap: 0; background: var(--_tint); font-size: 13px; }
  .link__start { overflow: hidden; text-overflow: ellipsis; }
  .copy { min-width: 100px; }

  .terms__summary { font-size: 1.14em; line-height: 24px; }
  .terms .muted, .status-note, .problem__code, .problem__title { margin-block: var(--_s1); }
  .tiers { margin-top: var(--_s3); }
  .is-current td { background: color-mix(in srgb, var(--_accent) 10%, var(--_surface)); }

  /* Six figures in 2, 3 or 6 columns: full rows at every width. A figure never wraps: all
     take the size at which the longest (--chars, set on the grid) fits a tile, up to 20px. */
  .stats__grid {
    display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 1px; overflow: hidden;
    border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_border);
  }
  @container (min-width: 560px) { .stats__grid { grid-template-columns: repeat(3, minmax(0, 1fr)); } }
  @container (min-width: 960px) { .stats__grid { grid-template-columns: repeat(6, minmax(0, 1fr)); } }
  .stat { container-type: inline-size; gap: 2px; padding: var(--_s3) var(--_s4); background: var(--_surface); }
  .stat__value { font-size: min(20px, 100cqi / (var(--chars, 1) * .66)); line-height: 28px; }
  .next-tier { margin-top: var(--_s3); font-weight: 500; }
  .filter-note { display: flex; flex-wrap: wrap; align-items: center; gap: var(--_s2); margin-bottom: var(--_s2); }

  progress { appearance: none; width: 100%; height: 8px; border: 0; border-radius: 4px; overflow: hidden; background: var(--_border); }
  progress::-webkit-progress-bar { background: var(--_border); }
  progress::-webkit-progress-value { background: var(--_accent); }
  progress::-moz-progress-bar { background: var(--_accent); }
  .axis { display: flex; justify-content: space-between; font-size: .85em; }
  svg, .chart__bone { display: block; width: 100%; height: 120px; }
  svg { margin-top: var(--_s2); border-bottom: 1px solid var(--_border); fill: var(--_accent); }
  .filters { gap: var(--_s1); }
  .status-note { display: block; margin-bottom: 0; }
  .empty-state { align-items: center; gap: var(--_s1); padding: var(--_s6) var(--_s4); border: 1px dashed var(--_border); border-radius: var(--_radius); text-align: center; }
  .list-footer { justify-content: center; margin-top: var(--_s3); padding-top: var(--_s3); border-top: 1px solid var(--_border); }
  .inline-error { color: var(--_danger); }
  .banner { border-inline-start: 4px solid var(--_accent); }
  .problem__title { margin-top: 0; font-size: 1.14em; }
  .problem .button { margin-top: var(--_s3); }
  .skeleton .card, .skeleton .stat { gap: var(--_s2); }

  /* Narrow containers: the columns that matter least step aside. */
  @container (max-width: 559px) {
    .root, .card { padding: var(--_s3); }
    .copy { min-width: 88px; padding: 0 var(--_s2); }
    .stat { padding: var(--_s2) var(--_s3); }
    .code { font-size: 18px; letter-spacing: 0.02em; }
    .wide { display: none; }
    .table { font-size: 13px; }
    .table :is(th, td) { padding-inline: var(--_s1); }
    .pill { gap: var(--_s1); padding-inline: 6px; }
  }
`;

export default [tokens, base, layout];
