/**
 * Every word of member email around the brand's own text, by key. `{0}`, `{1}`, … are filled
 * in by the server. A language module (`en.ts`, `de.ts`, …) gives each one its words, and the
 * default subject and body of both emails, with `{{placeholders}}` like the brand's own.
 */
export const emailWordKeys = [
  'codeLabel', 'linkLabel', 'button', 'dashboardLink', 'dashboardNote', 'preheaderTracking',
  'whyTracking', 'whyMembers', 'unsubscribe', 'unsubscribeTitle', 'unsubscribeAsk',
  'unsubscribeDone', 'unsubscribeDoneTitle', 'unsubscribeInvalid', 'unsubscribeInvalidBody', 'test', 'testBanner',
] as const;
export type EmailWordKey = (typeof emailWordKeys)[number];

export interface EmailTemplateWords {
  subject: string;
  body: string;
}

/** One language's email words and default templates. */
export interface EmailWords {
  words: Record<EmailWordKey, string>;
  templates: { tracking_items: EmailTemplateWords; members_message: EmailTemplateWords };
}
