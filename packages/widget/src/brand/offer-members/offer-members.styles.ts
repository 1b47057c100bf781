import { css } from 'lit';
import tokens from '../../affiliate-dashboard/tokens.styles.js';
import base from '../../affiliate-dashboard/base.styles.js';
import shared from '../shared.styles.js';

const own = css`
  .members { display: grid; gap: var(--_s3); }
  .table-wrap { overflow-x: auto; }
  .table td, .table th { vertical-align: top; }
  .check { width: 32px; }
  .selection { display: flex; flex-wrap: wrap; gap: var(--_s2); align-items: center; min-height: 28px; }
  .add { display: grid; gap: var(--_s2); }
  .add textarea { min-height: 96px; font-family: var(--_mono); }
  dialog {
    width: min(1100px, 100vw - 32px); max-height: calc(100vh - 32px); margin: auto 0 auto auto; padding: 0;
    border: 0; border-radius: var(--_radius) 0 0 var(--_radius); background: var(--_bg); color: var(--_text);
  }
  dialog::backdrop { background: rgb(0 0 0 / 40%); }
  .drawer__close { position: absolute; top: var(--_s2); right: var(--_s2); z-index: 1; }
`;

export default [tokens, base, shared, own];
