import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

type Content = HtmlEscapedString | Promise<HtmlEscapedString>;

/** The frame of every server-rendered page: hono's `html` escapes every value. */
export function page(title: string, body: Content, head: Content | string = '') {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<title>${title}</title>
<style>
  :root { color-scheme: light dark; }
  body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
         background: #f6f7f9; color: #1c2024; }
  @media (prefers-color-scheme: dark) { body { background: #111316; color: #e6e8eb; } }
  main { max-width: 1040px; margin: 0 auto; padding: 24px 16px 48px; }
  .notice { max-width: 480px; margin: 12vh auto; padding: 32px; border-radius: 12px;
            border: 1px solid #d9dde3; background: #fff; }
  @media (prefers-color-scheme: dark) { .notice { background: #1a1d21; border-color: #2c3137; } }
  .notice h1 { font-size: 1.25rem; margin: 0 0 8px; }
  .notice p { margin: 0; color: #5b636d; }
  @media (prefers-color-scheme: dark) { .notice p { color: #a4acb6; } }
</style>
${head}
</head>
<body>${body}</body>
</html>`;
}

/** A full-page message for a link that cannot be opened. */
export function noticePage(title: string, message: string) {
  return page(title, html`<main><div class="notice" role="alert"><h1>${title}</h1><p>${message}</p></div></main>`);
}
