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

/** How links look in the HTML part, and what the dashboard link reads. */
export interface HtmlOptions {
  /** The colour of links (a `#rrggbb` already checked). */
  linkColor: string;
  /** The visible text of the dashboard link: its secret URL is never shown. */
  dashboardLabel: string;
}

function anchor(url: string, options: HtmlOptions, label = url): string {
  return `<a href="${escapeHtml(url)}" style="color:${options.linkColor};text-decoration:underline;word-break:break-word">${escapeHtml(label)}</a>`;
}

function linkify(text: string, options: HtmlOptions): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    out += escapeHtml(text.slice(last, match.index)) + anchor(match[0], options);
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
 * Fills a plain-text template as HTML paragraphs with inline styles: every value and every
 * literal is escaped, links (the link placeholders and URLs the brand typed) become anchors
 * (the dashboard link reads `dashboardLabel`, never its URL), blank lines separate paragraphs
 * and single line breaks become `<br>`.
 */
export function renderParagraphs(template: string, values: Partial<TemplateValues>, options: HtmlOptions): string {
  const inline = split(template.replace(/\r\n?/g, '\n'), values)
    .map((p) => {
      if ('literal' in p) return linkify(p.literal, options);
      const value = p.value.replace(/\r\n?|\n/g, ' ');
      if (!LINK_PLACEHOLDERS.has(p.name) || !/^https?:\/\//.test(value)) return escapeHtml(value);
      return anchor(value, options, p.name === 'dashboard_link' ? options.dashboardLabel : value);
    })
    .join('');
  return inline
    .split(/\n[ \t]*\n\s*/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p style="margin:0 0 16px">${p.split('\n').join('<br>\n')}</p>`)
    .join('\n');
}
