import { css } from 'lit';

/** Shared pieces: type, buttons, pills, tables, skeleton bones. */
export default css`
  :host {
    display: block;
    container-type: inline-size;
    box-sizing: border-box;
    border-radius: calc(var(--_radius) * 1.5);
    background: var(--_bg);
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--affdash-font-size, 14px);
    line-height: 1.4286;
    -webkit-font-smoothing: antialiased;
  }
  :host([hidden]) { display: none; }
  *, *::before, *::after { box-sizing: inherit; }
  p, h2, h3, dl, dd { margin: 0; }
  .muted { color: var(--_muted); }
  .label { display: block; color: var(--_muted); font-size: 0.8571em; font-weight: 500; line-height: 16px; }
  .mono { font-family: var(--_mono); font-size: 0.9286em; }
  .nowrap { white-space: nowrap; }
  .strong { font-weight: 600; }
  .icon { flex-shrink: 0; }
  .visually-hidden {
    position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px;
    overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
  }

  .button {
    display: inline-flex; align-items: center; justify-content: center; gap: 6px;
    min-height: 36px; padding: 0 var(--_s3); border: 1px solid var(--_border);
    border-radius: var(--_radius); background: var(--_surface); color: var(--_text);
    font: inherit; font-weight: 500; cursor: pointer; white-space: nowrap;
    transition: background-color 120ms, border-color 120ms;
  }
  .button:hover { background: var(--_tint); }
  .button:disabled { cursor: default; opacity: 0.7; }
  .button--primary { background: var(--_accent); border-color: var(--_accent); color: var(--_on-accent); }
  .button--primary:hover { background: color-mix(in srgb, var(--_accent) 86%, #000); }
  :is(.button, .chip):focus-visible { outline: 2px solid var(--_accent); outline-offset: 2px; }

  .pill {
    --_tone: var(--_muted);
    display: inline-flex; align-items: center; gap: 6px; padding: 2px var(--_s2);
    border-radius: 999px; font-size: 12px; font-weight: 500; line-height: 16px; white-space: nowrap;
    color: var(--_tone); background: color-mix(in srgb, var(--_tone) 10%, var(--_surface));
    box-shadow: inset 0 0 0 1px color-mix(in srgb, var(--_tone) 22%, transparent);
  }
  .pill--success { --_tone: var(--_success); }
  .pill--warning { --_tone: var(--_warning); }
  .pill--danger { --_tone: var(--_danger); }
  .dot { width: 6px; height: 6px; border-radius: 50%; background: currentColor; }
  .badge {
    display: inline-block; margin-left: var(--_s1); padding: 0 6px; border-radius: 999px;
    background: var(--_accent); color: var(--_on-accent); font-size: 11px; font-weight: 600; line-height: 16px;
    vertical-align: 1px;
  }

  .table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
  .table th {
    padding: var(--_s2); border-bottom: 1px solid var(--_border); color: var(--_muted);
    font-size: 12px; font-weight: 500; line-height: 16px; text-align: left; white-space: nowrap;
  }
  .table td { padding: var(--_s3) var(--_s2); border-bottom: 1px solid var(--_border); vertical-align: baseline; }
  .table tbody tr:last-child td { border-bottom: 0; }
  .table :is(th, td):first-child { padding-left: 0; }
  .table :is(th, td):last-child { padding-right: 0; }
  .table .num { text-align: right; }
  .table .empty td { padding: var(--_s6) var(--_s2); color: var(--_muted); text-align: center; }

  .bone {
    display: block; height: 12px; border-radius: 4px;
    background: color-mix(in srgb, var(--_text) 9%, var(--_surface));
    animation: pulse 1.6s ease-in-out infinite;
  }
  @keyframes pulse { 50% { opacity: 0.45; } }
  @media (prefers-reduced-motion: reduce) {
    .bone { animation: none; }
    .button { transition: none; }
  }
`;
