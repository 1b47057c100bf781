import type { EmailKind } from '@affdash/core';
import { emailWordsFor, fillWords } from '@affdash/core/messages';
import type { EmailBrand } from './brand.js';
import { emailColors } from './colors.js';
import { fillLayout } from './layout.js';
import { renderParagraphs, renderSubject, renderText, type TemplateValues } from './template.js';

/** A brand's template for one send; a part left null is the default, in the member's language. */
export interface SendTemplate {
  subject: string | null;
  body: string | null;
}

/** Everything one message is made of. */
export interface MessageInput {
  kind: EmailKind;
  brand: EmailBrand;
  /** The member's language tag, else null (the brand's default language). */
  locale: string | null;
  values: TemplateValues;
  template: SendTemplate;
  /** Bulk mail (`members_message`): the member's one-click unsubscribe URL. */
  unsubscribeUrl: string | null;
  /** A "send me a test": marked in the subject and above the header. */
  test?: boolean;
}

/** One message as it is sent: subject, parts, and the headers that go with it. */
export interface RenderedMessage {
  language: string;
  subject: string;
  preheader: string;
  text: string;
  html: string;
  from: { name: string };
  replyTo: string | null;
  headers: Record<string, string>;
}

const SYSTEM_FONTS = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

/** The brand's font first, then system fonts; nothing that could leave a CSS value. */
export function fontStack(fontFamily: string | null): string {
  const own = (fontFamily ?? '').replace(/"/g, "'").replace(/[^\w\s,'-]/g, '').trim().slice(0, 120);
  return own ? `${own}, ${SYSTEM_FONTS}` : SYSTEM_FONTS;
}

/** The first paragraph of the text that is not the greeting, as the inbox's preview line. */
function firstLine(text: string): string {
  const paragraphs = text.split(/\n[ \t]*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const line = paragraphs.find((p, i) => !(i === 0 && /[,:]$/.test(p))) ?? '';
  return line.length > 140 ? `${line.slice(0, 139).trimEnd()}…` : line;
}

/** The message in the member's language: localized frame, the brand's text, escaped HTML. */
export async function renderMessage(input: MessageInput): Promise<RenderedMessage> {
  const { brand, values, kind } = input;
  const lang = emailWordsFor(input.locale ?? brand.defaultLocale);
  const w = lang.words;
  const defaults = lang.templates[kind];
  const subjectTemplate = input.template.subject ?? defaults.subject;
  const bodyTemplate = input.template.body ?? defaults.body;
  const subject = (input.test ? `[${w.test}] ` : '') + renderSubject(subjectTemplate, values);
  const bodyText = renderText(bodyTemplate, values).trim();
  const colors = emailColors(brand.accentColor, brand.accentTextColor);
  const why =
    kind === 'tracking_items'
      ? fillWords(w.whyTracking, brand.displayName, values.offer_name)
      : fillWords(w.whyMembers, brand.displayName, values.offer_name);
  const preheader =
    kind === 'tracking_items' ? fillWords(w.preheaderTracking, values.promo_code, values.offer_name) : firstLine(bodyText) || subject;

  const html = await fillLayout(
    { logo: Boolean(brand.logoUrl), unsubscribe: Boolean(input.unsubscribeUrl), address: Boolean(brand.postalAddress) },
    {
      title: subject,
      preheader,
      banner: input.test ? w.testBanner : '',
      brandName: brand.displayName,
      logoUrl: brand.logoUrl ?? '',
      bodyHtml: renderParagraphs(bodyTemplate, values, { linkColor: colors.ink, dashboardLabel: w.button }),
      codeLabel: w.codeLabel,
      promoCode: values.promo_code,
      linkLabel: w.linkLabel,
      trackingUrl: values.tracking_link,
      button: w.button,
      dashboardUrl: values.dashboard_link,
      dashboardNote: w.dashboardNote,
      why,
      postalAddress: brand.postalAddress ?? '',
      unsubscribe: w.unsubscribe,
      unsubscribeUrl: input.unsubscribeUrl ?? '',
      colors,
      fontFamily: fontStack(brand.fontFamily),
    },
    lang.language,
  );

  const footer = [why, brand.postalAddress, input.unsubscribeUrl ? `${w.unsubscribe}: ${input.unsubscribeUrl}` : null];
  const text = [
    ...(input.test ? [w.testBanner, ''] : []),
    bodyText,
    '',
    `${w.codeLabel}: ${values.promo_code}`,
    `${w.linkLabel}: ${values.tracking_link}`,
    '',
    `${w.button}: ${values.dashboard_link}`,
    w.dashboardNote,
    '',
    '-- ',
    ...footer.filter((line): line is string => Boolean(line)),
    '',
  ].join('\n');

  const headers: Record<string, string> = {};
  if (input.unsubscribeUrl) {
    headers['List-Unsubscribe'] = `<${input.unsubscribeUrl}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }
  return {
    language: lang.language,
    subject,
    preheader,
    text,
    html,
    from: { name: brand.emailSenderName ?? brand.displayName },
    replyTo: brand.replyTo,
    headers,
  };
}
