import { css } from 'lit';

/** What the brand components share beyond the dashboard's tokens and base: fields, menus, bars. */
export default css`
  :host { padding: var(--_s4); }
  .bar { display: flex; flex-wrap: wrap; align-items: center; gap: var(--_s2); }
  .bar .grow { flex: 1 1 200px; }
  .title { margin: 0; font-size: 16px; }
  .field { display: grid; gap: var(--_s1); }
  .field label, .label { font-size: 12px; font-weight: 500; color: var(--_muted); }
  input[type=search], input[type=text], input[type=email], input[type=date], select, textarea {
    min-height: 36px; padding: 6px var(--_s2); border: 1px solid var(--_border); border-radius: var(--_radius);
    background: var(--_surface); color: var(--_text); font: inherit;
  }
  textarea { resize: vertical; }
  .error { color: var(--_danger); font-size: 12px; }
  .card { padding: var(--_s4); border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_surface); }
  .menu { position: relative; display: inline-block; }
  .menu__list {
    position: absolute; right: 0; z-index: 2; min-width: 240px; margin: var(--_s1) 0 0; padding: var(--_s1);
    list-style: none; border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_surface);
    box-shadow: 0 8px 24px rgb(0 0 0 / 12%);
  }
  .menu__item {
    display: block; width: 100%; padding: var(--_s2); border: 0; border-radius: 4px; background: none;
    color: var(--_text); font: inherit; text-align: left; cursor: pointer;
  }
  .menu__item:is(:hover, :focus-visible) { background: var(--_tint); }
  .link-cell { max-width: 220px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .button.small { min-height: 28px; padding: 0 var(--_s2); font-size: 13px; }
  .button.danger { color: var(--_danger); }
`;
