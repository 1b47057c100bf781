import { css } from 'lit';

/** Shared pieces: type, focus, buttons, pills, tables, skeleton bones. */
export default css`
  :host {
    display: block;
    container-type: inline-size;
    box-sizing: border-box;
    border-radius: calc(var(--_radius) * 1.5);
    background: var(--_bg);
    color: var(--_text);
    font: var(--affdash-font-size, 14px) / 1.43 var(--_font);
  }
  :host([hidden]) { display: none; }
  *, ::before, ::after { box-sizing: inherit; }
  p, h2, h3, dl, dd { margin: 0; }
  .muted, .eyebrow, .meta, .description, .label, .stat__hint, .status-note, .problem__code, .table th, .empty td { color: var(--_muted); }
  .label, .eyebrow, .stat__hint, .status-note, .problem__code, .pill, .table th { font-size: 12px; line-height: 16px; }
  .label, .eyebrow, .pill, .button, .chip, .table th, .terms__summary { font-weight: 500; }
  .strong, .title, .card__title, .empty-state__title, .stat__value, .code, .badge, .is-current { font-weight: 600; }
  .mono, .code, .link, .problem__code { font-family: var(--_mono); }
  .nowrap, .button, .chip, .pill, .badge, .stat__value, .table th, .link { white-space: nowrap; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  :focus-visible { outline: 2px solid var(--_accent); outline-offset: 2px; }

  .button, .chip {
    display: inline-flex; align-items: center; justify-content: center; min-height: 36px;
    padding: 0 var(--_s3); border: 1px solid var(--_border); border-radius: var(--_radius);
    background: var(--_surface); color: var(--_text); font: inherit; cursor: pointer;
  }
  .chip { min-height: 28px; padding: 0 10px; border-radius: 99px; color: var(--_muted); font-size: 13px; }
  :is(.button, .chip):hover { background: var(--_tint); color: var(--_text); }
  .button:disabled { cursor: default; opacity: 0.7; }
  .button.primary { border-color: var(--_accent); background: var(--_accent); color: var(--_on-accent); }
  .button.primary:hover { filter: brightness(0.9); }
  .chip[aria-pressed=true] { border-color: var(--_accent); background: var(--_accent); color: var(--_on-accent); }

  /* The word in the text colour (its contrast is the surface's, whatever the brand sets), the
     tone in the dot and a tint behind. */
  .pill {
    --_tone: var(--_muted);
    display: inline-flex; align-items: center; gap: 6px; padding: 2px var(--_s2); border-radius: 99px;
    color: var(--_text); background: color-mix(in srgb, var(--_tone) 14%, var(--_surface));
  }
  .pill--success { --_tone: var(--_success); }
  .pill--warning { --_tone: var(--_warning); }
  .pill--danger { --_tone: var(--_danger); }
  .dot { width: 6px; height: 6px; border-radius: 50%; background: var(--_tone); }
  .badge {
    margin-left: var(--_s1); padding: 0 6px; border-radius: 99px;
    background: var(--_accent); color: var(--_on-accent); font-size: 11px;
  }

  .table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
  .table :is(th, td) { padding: var(--_s3) var(--_s2); border-bottom: 1px solid var(--_border); text-align: left; }
  .table th { padding-block: var(--_s2); }
  .table tr:last-child td { border: 0; }
  .table :is(th, td):first-child { padding-left: 0; }
  .table :is(th, td):last-child { padding-right: 0; }
  .table .num { text-align: right; }
  .table .empty td { padding: var(--_s6) 0; text-align: center; }

  .bone {
    display: block; width: 85%; height: 12px; border-radius: 4px;
    background: color-mix(in srgb, var(--_text) 9%, var(--_surface));
  }
  .bone--sm { width: 40%; }
  .bone--lg { width: 65%; height: 24px; }
`;
