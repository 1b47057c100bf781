import type { BrandProfile, Language } from '@affdash/core';
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { MARK_PATH } from '../assets/images.js';
import { textDirection } from './language.js';
import { pageWords } from './words/index.js';

type Content = HtmlEscapedString | Promise<HtmlEscapedString>;

/** What a page is about and who it speaks for. */
export interface PageFrame {
  title: string;
  language: Language;
  /** The brand whose page it is; null when the page cannot tell (an unknown link). */
  profile: BrandProfile | null;
  /** Where the language links point (`?locale=xx` is added); none: no language links. */
  languageLinks?: string | undefined;
  /** False: the page has a bar of its own (the console), not the member's brand bar. */
  brandBar?: boolean | undefined;
}

const HEX = /^#[0-9a-f]{6}$/;
const FONT = /^[\p{L}\p{N} ,'"_-]{1,200}$/u;
const SYSTEM_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

const languageNames: Record<Language, string> = {
  en: 'English',
  de: 'Deutsch',
  es: 'Español',
  fr: 'Français',
  pt: 'Português',
};

/** The brand's look as CSS custom properties; only values of a known shape reach the style sheet. */
function brandStyle(profile: BrandProfile | null): string {
  const accent = profile?.accentColor && HEX.test(profile.accentColor) ? profile.accentColor : null;
  const onAccent = profile?.accentTextColor && HEX.test(profile.accentTextColor) ? profile.accentTextColor : '#ffffff';
  const font = profile?.fontFamily && FONT.test(profile.fontFamily) ? `${profile.fontFamily}, ${SYSTEM_FONT}` : SYSTEM_FONT;
  const scheme = profile?.theme === 'light' ? 'light' : profile?.theme === 'dark' ? 'dark' : 'light dark';
  const lines = [`color-scheme: ${scheme};`, `--font: ${font};`];
  if (accent) lines.push(`--affdash-color-accent: ${accent};`, `--affdash-color-on-accent: ${onAccent};`);
  lines.push(`--affdash-font-family: ${font};`);
  return `:root { ${lines.join(' ')} }`;
}

/**
 * The frame of every server-rendered page: the reader's language and its direction, the
 * brand's name, logo (also the favicon; a neutral mark without one), accent, font and theme.
 * hono's `html` escapes every value; the brand's style values are checked by shape.
 */
export function page(frame: PageFrame, body: Content, head: Content | string = '') {
  const { profile, language } = frame;
  const words = pageWords(language);
  const icon = profile?.logoUrl ?? MARK_PATH;
  const links = frame.languageLinks;
  return html`<!doctype html>
<html lang="${language}" dir="${textDirection(language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<title>${frame.title}</title>
<link rel="icon" href="${icon}">
<style>
  ${raw(brandStyle(profile))}
  :root { --bg: light-dark(#f6f7f9, #0f1115); --surface: light-dark(#fff, #171a21);
          --text: light-dark(#1b1d24, #eceef3); --muted: light-dark(#5b6070, #a3a8b6);
          --border: light-dark(#e2e4ea, #2b303b); --accent: var(--affdash-color-accent, light-dark(#4f46e5, #5a56e6));
          --on-accent: var(--affdash-color-on-accent, #fff); }
  *, *::before, *::after { box-sizing: border-box; }
  body { margin: 0; font: 16px/1.5 var(--font); background: var(--bg); color: var(--text); }
  a { color: inherit; }
  .brand-bar { max-width: 1040px; margin: 0 auto; padding: 20px 32px 0; display: flex; gap: 12px; align-items: center; }
  .brand-bar img { width: 36px; height: 36px; border-radius: 8px; object-fit: contain; }
  .brand-bar h1 { margin: 0; font-size: 1.125rem; line-height: 1.3; font-weight: 650; }
  .brand-bar h1 span { color: var(--muted); font-weight: 500; }
  main { max-width: 1040px; margin: 0 auto; padding: 16px 16px 32px; }
  .banner { margin: 0 16px 8px; padding: 12px 16px; border-radius: 8px; border: 1px solid var(--border);
            border-inline-start: 4px solid var(--accent); background: var(--surface); }
  .notice { max-width: 480px; margin: 8vh auto; padding: 32px; border-radius: 12px;
            border: 1px solid var(--border); background: var(--surface); }
  .notice h2 { font-size: 1.25rem; line-height: 1.3; margin: 0 0 8px; }
  .notice p { margin: 0 0 16px; color: var(--muted); }
  .notice p:last-child { margin-bottom: 0; }
  .notice form { display: grid; gap: 8px; margin-top: 8px; }
  .notice label { font-weight: 600; font-size: 0.875rem; }
  .notice input { font: inherit; padding: 10px 12px; border-radius: 8px; border: 1px solid var(--border);
                  background: var(--bg); color: var(--text); min-width: 0; }
  .button { display: inline-block; font: inherit; font-weight: 600; padding: 10px 16px; border: 0; border-radius: 8px;
            background: var(--accent); color: var(--on-accent); text-decoration: none; cursor: pointer; text-align: center; }
  :focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
  .error { color: light-dark(#b4232a, #f4807f) !important; }
  footer { max-width: 1040px; margin: 0 auto; padding: 0 32px 32px; font-size: 0.875rem; color: var(--muted); }
  /* the bar, banner and footer line up with the widget's content (its padding grows at 720 px) */
  @media (min-width: 752px) { .brand-bar, footer { padding-inline: 40px; } .banner { margin-inline: 24px; } }
  footer nav { display: flex; flex-wrap: wrap; gap: 4px 16px; }
  footer a[aria-current] { font-weight: 700; text-decoration: none; }
</style>
${head}
</head>
<body>
${frame.brandBar === false
  ? ''
  : html`<header class="brand-bar">
  <img src="${icon}" alt="">
  <h1>${profile ? html`${profile.displayName} <span>· ${words.dashboard}</span>` : words.dashboard}</h1>
</header>`}
${body}
${links === undefined
  ? ''
  : html`<footer><nav aria-label="${words.language}">${(Object.keys(languageNames) as Language[]).map(
      (l) => html`<a href="${links}?locale=${l}" hreflang="${l}" lang="${l}"${l === language ? raw(' aria-current="true"') : ''}>${languageNames[l]}</a>`,
    )}</nav></footer>`}
</body>
</html>`;
}

/** What a notice says: what happened, in plain words, and what to do (`extra`: a form, a button). */
export interface Notice {
  title: string;
  body: string;
  extra?: Content | string | undefined;
}

/** A full-page message: a link that cannot be opened, a request answered. */
export function noticePage(frame: Omit<PageFrame, 'title'>, notice: Notice) {
  const title = frame.profile ? `${notice.title} · ${frame.profile.displayName}` : notice.title;
  return page(
    { ...frame, title },
    html`<main><section class="notice" aria-labelledby="notice-title"><h2 id="notice-title">${notice.title}</h2><p>${notice.body}</p>${notice.extra ?? ''}</section></main>`,
  );
}
