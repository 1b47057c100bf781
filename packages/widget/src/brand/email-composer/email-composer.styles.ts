import { css } from 'lit';
import tokens from '../../affiliate-dashboard/tokens.styles.js';
import base from '../../affiliate-dashboard/base.styles.js';
import shared from '../shared.styles.js';

const own = css`
  .composer { display: grid; gap: var(--_s4); }
  .columns { display: grid; gap: var(--_s4); }
  @container (min-width: 760px) { .columns { grid-template-columns: 1fr 1fr; } }
  .editor { display: grid; gap: var(--_s3); align-content: start; }
  .marked { display: grid; }
  .marked > * { grid-area: 1 / 1; margin: 0; padding: 6px var(--_s2); border: 1px solid transparent;
                font: inherit; line-height: 1.5; white-space: pre-wrap; overflow-wrap: anywhere; }
  .marked__backdrop { color: transparent; pointer-events: none; }
  /* one line, as its input: the marks stay on the words when the text is wider than the field */
  .marked--line > * { white-space: pre; overflow: hidden; overflow-wrap: normal; }
  .marked > :is(input, textarea) { background: transparent; border-color: var(--_border); }
  .marked__backdrop { border-radius: var(--_radius); background: var(--_surface); }
  .marked__backdrop mark { border-radius: 4px; color: transparent; background: color-mix(in srgb, var(--_accent) 18%, var(--_surface));
                           box-shadow: 0 0 0 2px color-mix(in srgb, var(--_accent) 18%, var(--_surface)); }
  .text-note { display: flex; flex-wrap: wrap; align-items: center; gap: var(--_s2); margin: 0; font-size: 13px; }
  .chips { display: flex; flex-wrap: wrap; gap: var(--_s1); }
  .expansions { display: grid; grid-template-columns: auto 1fr; gap: 2px var(--_s2); margin: 0; font-size: 12px; }
  .expansions dt { font-family: var(--_mono); }
  .expansions dd { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; color: var(--_muted); }
  .preview { display: grid; gap: var(--_s2); align-content: start; }
  .preview__subject { font-weight: 600; }
  .preview__body { max-height: 560px; overflow: auto; white-space: pre-wrap; overflow-wrap: anywhere; }
  /* the email in its own document, on the white it is written for, as tall as a reading pane */
  .preview__frame { display: block; width: 100%; height: min(480px, 60vh); border: 1px solid var(--_border);
                    border-radius: var(--_radius); background: #fff; color-scheme: light; }
  .skipped { margin: 0; padding-left: var(--_s4); color: var(--_muted); }
  .actions { display: flex; flex-wrap: wrap; gap: var(--_s2); justify-content: flex-end; align-items: center; }
  .note { color: var(--_muted); }
`;

export default [tokens, base, shared, own];
