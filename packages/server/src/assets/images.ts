/** The path of the neutral mark: the favicon of a brand without a logo. */
export const MARK_PATH = '/assets/mark.svg';
/** The demo brand's logo. */
export const DEMO_LOGO_PATH = '/assets/demo-logo.svg';

/**
 * The images the server itself serves: a neutral mark (the favicon and logo of a brand that
 * set none) and the demo brand's logo. Plain SVG, no script, no external reference.
 */
export const images: Record<string, string> = {
  'mark.svg': `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="32" height="32">
<rect width="32" height="32" rx="8" fill="#5b636d"/>
<path d="M9 21.5 14 15l4 3.5 5-7" fill="none" stroke="#fff" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`,
  'demo-logo.svg': `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64">
<rect width="64" height="64" rx="16" fill="#0b6e4f"/>
<circle cx="32" cy="32" r="15" fill="none" stroke="#fff" stroke-width="5"/>
<circle cx="32" cy="32" r="5" fill="#ffd166"/>
</svg>`,
};
