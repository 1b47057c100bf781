import { escapeHtml } from './template.js';

/**
 * The layout of member email, written in MJML (600 px tables that hold in Gmail, Outlook and
 * Apple Mail, styles inlined) and compiled once per process and shape; each message then fills
 * its `%%NAME%%` places with escaped values. Colours are compiled as stand-ins and swapped for
 * the brand's, so the compiled HTML does not depend on the brand. The brand's theme reaches
 * every part: its font in every text and the button (Outlook, which drops a stack whose first
 * font it lacks, reads Arial), its accent on the card's top rule, the code box (a dashed
 * accent border on an accent tint, the code in the accent where it reads) and the button, with
 * the text colour on the accent on the button.
 */
export interface LayoutShape {
  /** The header shows the brand's logo (else its name). */
  logo: boolean;
  /** Bulk mail: the footer carries an unsubscribe link. */
  unsubscribe: boolean;
  /** The footer carries the brand's postal address. */
  address: boolean;
}

/** What fills a layout. Every value is text, escaped here, except `bodyHtml`. */
export interface LayoutValues {
  title: string;
  preheader: string;
  brandName: string;
  logoUrl: string;
  /** The brand's text as HTML paragraphs, already escaped. */
  bodyHtml: string;
  codeLabel: string;
  promoCode: string;
  linkLabel: string;
  trackingUrl: string;
  button: string;
  dashboardUrl: string;
  dashboardNote: string;
  why: string;
  postalAddress: string;
  unsubscribe: string;
  unsubscribeUrl: string;
  /** A note above the header (a test send), or empty. */
  banner: string;
  colors: { accent: string; onAccent: string; ink: string; tint: string };
  /** A CSS font-family list, already checked. */
  fontFamily: string;
}

const STAND_IN = { accent: '#0a0b0c', onAccent: '#0d0e0f', ink: '#0a0b0d', tint: '#0a0b0e' } as const;
const MUTED = '#59636e';
const TEXT = '#1f2328';

function source(shape: LayoutShape): string {
  const header = shape.logo
    ? `<mj-text padding="0 0 24px"><img src="%%LOGO_URL%%" alt="%%BRAND_NAME%%" height="48" style="display:block;height:48px;width:auto;max-width:240px;border:0;outline:none;text-decoration:none;font-size:20px;font-weight:700;color:${STAND_IN.ink}" /></mj-text>`
    : `<mj-text font-size="22px" line-height="28px" font-weight="700" color="${STAND_IN.ink}" padding="0 0 24px">%%BRAND_NAME%%</mj-text>`;
  const footer = [
    '%%WHY%%',
    shape.address ? '<br /><br />%%POSTAL_ADDRESS%%' : '',
    shape.unsubscribe
      ? `<br /><br /><a href="%%UNSUBSCRIBE_URL%%" style="color:${MUTED};text-decoration:underline">%%UNSUBSCRIBE%%</a>`
      : '',
  ].join('');
  return `<mjml lang="%%LANG%%">
  <mj-head>
    <mj-title>%%TITLE%%</mj-title>
    <mj-preview>%%PREHEADER%%</mj-preview>
    <mj-raw>
      <meta name="color-scheme" content="light only" />
      <meta name="supported-color-schemes" content="light" />
    </mj-raw>
    <mj-raw>
      <!--[if mso]><style>body, table, td, div, p, a { font-family: Arial, Helvetica, sans-serif !important; }</style><![endif]-->
    </mj-raw>
    <mj-attributes>
      <mj-all font-family="%%FONT%%" />
      <mj-text font-size="16px" line-height="24px" color="${TEXT}" padding="0" />
      <mj-section padding="0" />
    </mj-attributes>
    <mj-style>
      .affdash-code div { letter-spacing: 2px; }
      a { color: ${STAND_IN.ink}; }
    </mj-style>
  </mj-head>
  <mj-body background-color="#f3f4f6" width="600px">
    <mj-section padding="12px 16px 0">
      <mj-column><mj-text font-size="13px" line-height="18px" color="${MUTED}" align="center">%%BANNER%%</mj-text></mj-column>
    </mj-section>
    <mj-wrapper padding="16px 16px 0">
      <mj-section background-color="#ffffff" border-top="4px solid ${STAND_IN.accent}" border-radius="8px 8px 0 0" padding="28px 28px 8px">
        <mj-column>
          ${header}
          <mj-text>%%BODY%%</mj-text>
        </mj-column>
      </mj-section>
      <mj-section background-color="#ffffff" padding="0 28px">
        <mj-column background-color="${STAND_IN.tint}" border="2px dashed ${STAND_IN.accent}" border-radius="8px" padding="16px 12px">
          <mj-text align="center" font-size="13px" line-height="18px" color="${MUTED}" padding="0 0 6px">%%CODE_LABEL%%</mj-text>
          <mj-text css-class="affdash-code" align="center" font-family="Menlo, Consolas, 'Courier New', monospace" font-size="26px" line-height="32px" font-weight="700" letter-spacing="2px" color="${STAND_IN.ink}">%%PROMO_CODE%%</mj-text>
        </mj-column>
      </mj-section>
      <mj-section background-color="#ffffff" padding="20px 28px 0">
        <mj-column>
          <mj-text font-size="13px" line-height="18px" color="${MUTED}" padding="0 0 4px">%%LINK_LABEL%%</mj-text>
          <mj-text font-size="15px" line-height="22px"><a href="%%TRACKING_URL%%" style="color:${STAND_IN.ink};word-break:break-all">%%TRACKING_URL%%</a></mj-text>
        </mj-column>
      </mj-section>
      <mj-section background-color="#ffffff" border-radius="0 0 8px 8px" padding="24px 28px 28px">
        <mj-column>
          <mj-button href="%%DASHBOARD_URL%%" background-color="${STAND_IN.accent}" color="${STAND_IN.onAccent}" font-size="16px" line-height="20px" font-weight="600" border-radius="6px" inner-padding="14px 28px" padding="0 0 12px" align="left">%%BUTTON%%</mj-button>
          <mj-text font-size="13px" line-height="18px" color="${MUTED}">%%DASHBOARD_NOTE%%</mj-text>
        </mj-column>
      </mj-section>
    </mj-wrapper>
    <mj-section padding="20px 32px 32px">
      <mj-column>
        <mj-text font-size="12px" line-height="18px" color="${MUTED}" align="center">${footer}</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
}

const PREHEADER_FILL = '&zwnj;&nbsp;'.repeat(80);

const compiled = new Map<string, Promise<string>>();

async function compile(shape: LayoutShape): Promise<string> {
  const { default: mjml2html } = await import('mjml');
  const { html, errors } = await mjml2html(source(shape), { validationLevel: 'strict', keepComments: false });
  if (errors.length) throw new Error(`email layout: ${errors.map((e) => e.message).join('; ')}`);
  return html;
}

/** The compiled layout of a shape, compiled on first use. */
export function layout(shape: LayoutShape): Promise<string> {
  const key = `${+shape.logo}${+shape.unsubscribe}${+shape.address}`;
  let html = compiled.get(key);
  if (!html) {
    html = compile(shape);
    html.catch(() => compiled.delete(key));
    compiled.set(key, html);
  }
  return html;
}

/** A message's HTML: the layout of its shape, filled. */
export async function fillLayout(shape: LayoutShape, v: LayoutValues, lang: string): Promise<string> {
  const html = (await layout(shape))
    .replaceAll(STAND_IN.accent, v.colors.accent)
    .replaceAll(STAND_IN.onAccent, v.colors.onAccent)
    .replaceAll(STAND_IN.ink, v.colors.ink)
    .replaceAll(STAND_IN.tint, v.colors.tint);
  const text: Record<string, string> = {
    LANG: lang,
    TITLE: v.title,
    PREHEADER: v.preheader,
    FONT: v.fontFamily,
    BANNER: v.banner,
    BRAND_NAME: v.brandName,
    LOGO_URL: v.logoUrl,
    CODE_LABEL: v.codeLabel,
    PROMO_CODE: v.promoCode,
    LINK_LABEL: v.linkLabel,
    TRACKING_URL: v.trackingUrl,
    BUTTON: v.button,
    DASHBOARD_URL: v.dashboardUrl,
    DASHBOARD_NOTE: v.dashboardNote,
    WHY: v.why,
    POSTAL_ADDRESS: v.postalAddress,
    UNSUBSCRIBE: v.unsubscribe,
    UNSUBSCRIBE_URL: v.unsubscribeUrl,
  };
  return html.replace(/%%([A-Z_]+)%%/g, (whole, name: string) => {
    if (name === 'BODY') return v.bodyHtml;
    // blank space after the preheader, so inboxes do not run on into the message's first words
    if (name === 'PREHEADER') return escapeHtml(v.preheader) + PREHEADER_FILL;
    if (name === 'POSTAL_ADDRESS') return escapeHtml(v.postalAddress).replace(/\r?\n/g, '<br>');
    const value = text[name];
    return value === undefined ? whole : escapeHtml(value);
  });
}
