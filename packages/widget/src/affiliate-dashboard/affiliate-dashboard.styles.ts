import { css } from 'lit';
import tokens from './tokens.styles.js';
import base from './base.styles.js';

const layout = css`
  .root { display: flex; flex-direction: column; gap: var(--_s4); padding: var(--_s4); }
  .grid { display: grid; grid-template-columns: minmax(0, 1fr); gap: var(--_s4); }
  @container (min-width: 720px) {
    .root { padding: var(--_s6); }
    .grid { grid-template-columns: repeat(2, minmax(0, 1fr)); }
    .stats, .conversions, .payments { grid-column: 1 / -1; }
  }
  .card {
    min-width: 0; padding: var(--_s4); border: 1px solid var(--_border);
    border-radius: var(--_radius); background: var(--_surface);
  }
  @container (min-width: 720px) { .card { padding: calc(var(--_space) * 2.5); } }
  .card__title { margin-bottom: var(--_s3); font-size: 1.0714em; font-weight: 600; line-height: 24px; }
  .card__head {
    display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between;
    gap: var(--_s2) var(--_s4); margin-bottom: var(--_s2);
  }
  .card__head .card__title { margin: 0; }

  .header { display: flex; align-items: center; gap: var(--_s3); min-width: 0; }
  .header__text { display: flex; flex-direction: column; gap: 2px; flex: 1; min-width: 0; }
  .meta { display: flex; flex-wrap: wrap; align-items: center; gap: var(--_s1) var(--_s2); margin-top: 2px; color: var(--_muted); font-size: 0.9286em; }
  .logo {
    flex-shrink: 0; width: 40px; height: 40px; border-radius: var(--_radius); object-fit: cover;
  }
  .logo--initial {
    display: grid; place-items: center; background: var(--_accent); color: var(--_on-accent);
    font-size: 18px; font-weight: 600; text-transform: uppercase;
  }
  .eyebrow { color: var(--_muted); font-size: 0.8571em; font-weight: 500; line-height: 16px; }
  .title { font-size: 20px; font-weight: 650; line-height: 28px; letter-spacing: -0.01em; overflow-wrap: anywhere; }
  @container (min-width: 720px) { .title { font-size: 24px; line-height: 32px; } }
  .description { max-width: 72ch; color: var(--_muted); }
  .banner {
    padding: var(--_s2) var(--_s3); border: 1px solid color-mix(in srgb, var(--_warning) 35%, var(--_border));
    border-left: 3px solid var(--_warning); border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_warning) 8%, var(--_surface));
  }
`;

const sections = css`
  .share { display: flex; flex-direction: column; gap: var(--_s4); }
  .share .card__title { margin: 0; }
  .share__item { display: flex; flex-direction: column; gap: 6px; }
  .share__row { display: flex; gap: var(--_s2); align-items: stretch; }
  .code {
    flex: 1; min-width: 0; padding: var(--_s1) var(--_s3); border-radius: var(--_radius);
    border: 1px dashed color-mix(in srgb, var(--_accent) 45%, var(--_border));
    background: color-mix(in srgb, var(--_accent) 5%, var(--_surface));
    font-family: var(--_mono); font-size: 22px; font-weight: 600; line-height: 36px;
    letter-spacing: 0.06em; overflow-wrap: anywhere;
  }
  .link {
    display: flex; align-items: center; flex: 1; min-width: 0; padding: 0 var(--_s3);
    border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_tint);
    font-family: var(--_mono); font-size: 13px; line-height: 20px; white-space: nowrap;
  }
  .link__start { min-width: 0; overflow: hidden; text-overflow: ellipsis; }
  .link__end { flex-shrink: 0; }
  .copy { min-width: 100px; }
  .hint { margin-top: auto; color: var(--_muted); font-size: 12px; line-height: 16px; }

  .terms__summary { font-size: 1.1429em; font-weight: 500; line-height: 24px; }
  .terms .muted { margin-top: var(--_s1); }
  .tiers { margin-top: var(--_s3); }
  .tiers td { padding-top: var(--_s2); padding-bottom: var(--_s2); }
  .tiers th:last-child, .tiers td:last-child { text-align: right; }
  .tiers .is-current td { background: color-mix(in srgb, var(--_accent) 8%, var(--_surface)); font-weight: 600; }
  .tiers .is-current td:first-child { box-shadow: inset 3px 0 0 var(--_accent); padding-left: var(--_s3); }
  .tiers .is-current td:last-child { padding-right: var(--_s3); }

  .stats__grid {
    display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 1px; overflow: hidden;
    border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_border);
  }
  @container (min-width: 520px) { .stats__grid { grid-template-columns: repeat(3, minmax(0, 1fr)); } }
  @container (min-width: 960px) { .stats__grid { grid-template-columns: repeat(6, minmax(0, 1fr)); } }
  .stat { display: flex; flex-direction: column; gap: 2px; min-width: 0; padding: var(--_s3) var(--_s4); background: var(--_surface); }
  .stat__value {
    font-size: 20px; font-weight: 600; line-height: 28px; font-variant-numeric: tabular-nums;
    letter-spacing: -0.01em; overflow-wrap: anywhere;
  }
  .stat__hint { color: var(--_muted); font-size: 12px; line-height: 16px; }
  .stat--strong { box-shadow: inset 3px 0 0 var(--_accent); }

  .filters { display: flex; flex-wrap: wrap; gap: var(--_s1); }
  .chip {
    min-height: 28px; padding: 0 10px; border: 1px solid var(--_border); border-radius: 999px;
    background: var(--_surface); color: var(--_muted); font: inherit; font-size: 13px; font-weight: 500; cursor: pointer;
  }
  .chip:hover { color: var(--_text); background: var(--_tint); }
  .chip[aria-pressed='true'] { border-color: var(--_text); background: var(--_text); color: var(--_surface); }
  .status-cell { width: 13em; }
  .status-note { display: block; margin-top: var(--_s1); color: var(--_muted); font-size: 12px; line-height: 16px; }

  .empty-state {
    display: flex; flex-direction: column; align-items: center; gap: var(--_s1); padding: var(--_s6) var(--_s4);
    border: 1px dashed var(--_border); border-radius: var(--_radius); text-align: center;
  }
  .empty-state__title { font-weight: 600; }
  .list-footer {
    display: flex; flex-wrap: wrap; align-items: center; justify-content: center; gap: var(--_s2) var(--_s3);
    margin-top: var(--_s3); padding-top: var(--_s3); border-top: 1px solid var(--_border);
  }
  .inline-error { display: inline-flex; align-items: center; gap: 6px; color: var(--_danger); }

  .problem { display: flex; gap: var(--_s3); align-items: flex-start; }
  .problem__icon { display: inline-flex; padding: var(--_s2); border-radius: 50%; color: var(--_danger); background: color-mix(in srgb, var(--_danger) 10%, var(--_surface)); }
  .problem__title { margin-bottom: var(--_s1); font-size: 1.1429em; font-weight: 600; line-height: 24px; }
  .problem__code { margin-top: var(--_s1); color: var(--_muted); font-family: var(--_mono); font-size: 12px; }
  .problem .button { margin-top: var(--_s3); }
`;

/** Narrow containers: table rows become small cards. */
const narrow = css`
  @container (max-width: 559px) {
    .responsive thead { display: none; }
    .responsive tbody tr:not(.empty) {
      display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 2px var(--_s3);
      padding: var(--_s3) 0; border-bottom: 1px solid var(--_border);
    }
    .responsive tbody tr:last-child { border-bottom: 0; }
    .responsive tbody tr:not(.empty) td { display: block; padding: 0; border: 0; text-align: left; }
    .responsive .empty, .responsive .empty td { display: block; }
    .conversions tr { grid-template-areas: 'date status' 'order commission' 'note sale'; }
    .conversions td[data-label='Date'] { grid-area: date; font-weight: 600; }
    .conversions td[data-label='Order'] { grid-area: order; color: var(--_muted); }
    .conversions tr:not(.empty) td[data-label='Status'] { display: contents; }
    .conversions .status-cell .pill { grid-area: status; justify-self: end; align-self: center; }
    .conversions .status-note { grid-area: note; margin: 0; }
    .conversions td[data-label='Sale'] { grid-area: sale; color: var(--_muted); font-size: 12px; text-align: right; }
    .conversions td[data-label='Commission'] { grid-area: commission; text-align: right; }
    .conversions td[data-label='Sale']::before { content: 'Sale '; }
    .conversions td[data-label='Commission']::before { content: 'Commission '; color: var(--_muted); font-weight: 400; }
    .payments tr { grid-template-areas: 'date amount' 'method reference'; }
    .payments td[data-label='Date'] { grid-area: date; font-weight: 600; }
    .payments td[data-label='Amount'] { grid-area: amount; text-align: right; }
    .payments td[data-label='Method'] { grid-area: method; color: var(--_muted); }
    .payments td[data-label='Reference'] { grid-area: reference; color: var(--_muted); text-align: right; }
    .code { font-size: 20px; }
    .copy { min-width: 88px; padding: 0 var(--_s2); }
    .card { padding: var(--_s3); }
  }
  @container (max-width: 400px) {
    .root { padding: var(--_s3); }
  }
`;

const skeleton = css`
  .skeleton { display: flex; flex-direction: column; gap: var(--_s4); }
  .skeleton .card { display: flex; flex-direction: column; gap: var(--_s2); }
  .skeleton .header__text { gap: var(--_s2); }
  .skeleton .stat { gap: var(--_s2); }
  .bone--eyebrow { width: 180px; max-width: 60%; }
  .bone--title { width: 280px; max-width: 80%; height: 24px; }
  .bone--line { width: 85%; height: 14px; }
  .bone--short { width: 55%; }
  .bone--label { width: 96px; }
  .bone--code { height: 38px; margin-bottom: var(--_s2); }
  .bone--input { height: 36px; }
  .bone--figure { width: 70%; height: 24px; }
  .skeleton .header .bone--line { width: 160px; }
  .skeleton-row td { padding: var(--_s3) var(--_s2); }
  .skeleton-row .bone { height: 16px; }
`;

export default [tokens, base, layout, sections, narrow, skeleton];
