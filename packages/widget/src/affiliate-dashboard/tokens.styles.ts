import { css } from 'lit';

/**
 * The public styling surface: `--affdash-*` custom properties, read once into private
 * `--_*` ones. Dark defaults come from the same tokens under `prefers-color-scheme: dark`.
 */
export default css`
  :host {
    --_accent: var(--affdash-color-accent, #4f46e5);
    --_on-accent: #fff;
    --_bg: var(--affdash-color-bg, #f6f7f9);
    --_surface: var(--affdash-color-surface, #fff);
    --_text: var(--affdash-color-text, #1b1d24);
    --_muted: var(--affdash-color-muted, #5b6070);
    --_border: var(--affdash-color-border, #e2e4ea);
    --_success: var(--affdash-color-success, #12743c);
    --_warning: var(--affdash-color-warning, #955306);
    --_danger: var(--affdash-color-danger, #b4232a);
    --_font: var(
      --affdash-font-family,
      system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif
    );
    --_mono: ui-monospace, SFMono-Regular, 'SF Mono', Menlo, Consolas, 'Liberation Mono', monospace;
    --_radius: var(--affdash-radius, 8px);
    --_space: var(--affdash-space, 8px);
    --_s1: calc(var(--_space) / 2);
    --_s2: var(--_space);
    --_s3: calc(var(--_space) * 1.5);
    --_s4: calc(var(--_space) * 2);
    --_s6: calc(var(--_space) * 3);
    --_tint: color-mix(in srgb, var(--_text) 4%, var(--_surface));
    color-scheme: light dark;
  }

  @media (prefers-color-scheme: dark) {
    :host {
      --_accent: var(--affdash-color-accent, #5a56e6);
      --_bg: var(--affdash-color-bg, #0f1115);
      --_surface: var(--affdash-color-surface, #171a21);
      --_text: var(--affdash-color-text, #eceef3);
      --_muted: var(--affdash-color-muted, #a3a8b6);
      --_border: var(--affdash-color-border, #2b303b);
      --_success: var(--affdash-color-success, #56c98f);
      --_warning: var(--affdash-color-warning, #f0b35a);
      --_danger: var(--affdash-color-danger, #f4807f);
      --_tint: color-mix(in srgb, var(--_text) 6%, var(--_surface));
    }
  }
`;
