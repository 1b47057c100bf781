import { PLACEHOLDER_PATTERN, type EmailPlaceholder } from '@affdash/core';

/** The values of one recipient's placeholders. */
export type TemplateValues = Record<EmailPlaceholder, string>;

/** Placeholders whose value is a link: made clickable in the HTML part. */
const LINK_PLACEHOLDERS = new Set<string>(['tracking_link', 'dashboard_link']);

/** A literal URL in the brand's own text; trailing punctuation is not part of it. */
const URL_PATTERN = /https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g;

type Part = { literal: string } | { name: string; value: string };

function split(template: string, values: Partial<TemplateValues>): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER_PATTERN)) {
    parts.push({ literal: template.slice(last, match.index) });
    const name = match[1]!;
    const value = values[name as EmailPlaceholder];
    parts.push(value === undefined ? { literal: match[0] } : { name, value });
    last = match.index + match[0].length;
  }
  parts.push({ literal: template.slice(last) });
  return parts;
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function anchor(url: string): string {
  const safe = escapeHtml(url);
  return `<a href="${safe}">${safe}</a>`;
}

function linkify(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    out += escapeHtml(text.slice(last, match.index)) + anchor(match[0]);
    last = match.index + match[0].length;
  }
  return out + escapeHtml(text.slice(last));
}

/** Fills a template as plain text: each placeholder becomes its value as is. */
export function renderText(template: string, values: Partial<TemplateValues>): string {
  return split(template, values)
    .map((p) => ('literal' in p ? p.literal : p.value))
    .join('');
}

/** A subject line: values cannot break it into two header lines. */
export function renderSubject(template: string, values: Partial<TemplateValues>): string {
  return renderText(template, values).replace(/[\r\n]+/g, ' ').trim();
}

/**
 * Fills a plain-text template as HTML: every value and every literal is escaped, links (the
 * link placeholders and URLs the brand typed) become anchors, blank lines separate paragraphs
 * and single line breaks become `<br>`.
 */
export function renderHtml(template: string, values: Partial<TemplateValues>, title = ''): string {
  const inline = split(template.replace(/\r\n?/g, '\n'), values)
    .map((p) => {
      if ('literal' in p) return linkify(p.literal);
      const value = p.value.replace(/\r\n?|\n/g, ' ');
      return LINK_PLACEHOLDERS.has(p.name) && /^https?:\/\//.test(value) ? anchor(value) : escapeHtml(value);
    })
    .join('');
  const paragraphs = inline
    .split(/\n[ \t]*\n\s*/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p style="margin:0 0 16px">${p.split('\n').join('<br>\n')}</p>`);
  return [
    '<!doctype html>',
    '<html><head><meta charset="utf-8">',
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>`,
    '<body style="margin:0;padding:24px;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;color:#1f2328">',
    ...paragraphs,
    '</body></html>',
    '',
  ].join('\n');
}
