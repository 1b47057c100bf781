import { css } from 'lit';
import tokens from '../../affiliate-dashboard/tokens.styles.js';
import base from '../../affiliate-dashboard/base.styles.js';
import shared from '../shared.styles.js';

const own = css`
  .members { display: grid; gap: var(--_s3); }
  /* positioned, so what is absolutely placed in a wide table scrolls with it, not the page */
  .table-wrap { position: relative; overflow-x: auto; }
  .table td, .table th { vertical-align: top; }
  /* a promo code reads whole; a narrow table scrolls instead */
  .table td.mono { white-space: nowrap; }
  .check { width: 32px; }
  .selection { display: flex; flex-wrap: wrap; gap: var(--_s2); align-items: center; min-height: 28px; }
  .add { display: grid; gap: var(--_s2); }
  .add textarea { min-height: 96px; font-family: var(--_mono); }
  dialog {
    box-sizing: border-box; width: min(1100px, 100vw); max-width: 100vw; height: 100vh; max-height: 100vh;
    margin: 0 0 0 auto; padding: 0; border: 0; border-left: 1px solid var(--_border);
    background: var(--_bg); color: var(--_text); overflow: auto;
  }
  dialog::backdrop { background: rgb(0 0 0 / 40%); }
  .drawer__bar { display: flex; justify-content: flex-end; padding: var(--_s2) var(--_s4) 0; }
`;

export default [tokens, base, shared, own];
