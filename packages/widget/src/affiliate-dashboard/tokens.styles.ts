import { css } from 'lit';

/**
 * The public styling surface: `--affdash-*` custom properties, read once into private `--_*`
 * ones. Each default is a `light-dark()` pair, picked by the element's colour scheme: the
 * reader's system setting, or the `theme` attribute.
 */
export default css`
  :host {
    color-scheme: light dark;
    --_accent: var(--affdash-color-accent, light-dark(#4f46e5, #5a56e6));
    --_on-accent: var(--affdash-color-on-accent, #fff);
    --_bg: var(--affdash-color-bg, light-dark(#f6f7f9, #0f1115));
    --_surface: var(--affdash-color-surface, light-dark(#fff, #171a21));
    --_text: var(--affdash-color-text, light-dark(#1b1d24, #eceef3));
    --_muted: var(--affdash-color-muted, light-dark(#5b6070, #a3a8b6));
    --_border: var(--affdash-color-border, light-dark(#e2e4ea, #2b303b));
    --_success: var(--affdash-color-success, light-dark(#12743c, #56c98f));
    --_warning: var(--affdash-color-warning, light-dark(#955306, #f0b35a));
    --_danger: var(--affdash-color-danger, light-dark(#b4232a, #f4807f));
    --_font: var(--affdash-font-family, system-ui, sans-serif);
    --_mono: ui-monospace, Menlo, monospace;
    --_radius: var(--affdash-radius, 8px);
    --_space: var(--affdash-space, 8px);
    --_s1: calc(var(--_space) / 2);
    --_s2: var(--_space);
    --_s3: calc(var(--_space) * 1.5);
    --_s4: calc(var(--_space) * 2);
    --_s6: calc(var(--_space) * 3);
    --_tint: color-mix(in srgb, var(--_text) 5%, var(--_surface));
  }
  :host([theme=light]) { color-scheme: light; }
  :host([theme=dark]) { color-scheme: dark; }
`;
