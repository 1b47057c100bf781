import type { EmailWords } from './keys.js';

/** English: member email. */
export const enEmail: EmailWords = {
  words: {
    codeLabel: 'Your promo code',
    linkLabel: 'Your tracking link',
    button: 'Open your dashboard',
    dashboardLink: 'your dashboard',
    dashboardNote: 'Your dashboard link is personal: please keep it to yourself.',
    preheaderTracking: 'Your promo code {0}, your tracking link and your dashboard for {1}.',
    whyTracking: 'You get this email because {0} added you to {1}. It has the code and links you need to take part.',
    whyMembers: '{0} sends you this email because you are a member of {1}.',
    unsubscribe: 'Unsubscribe',
    unsubscribeTitle: 'Unsubscribe from {0}',
    unsubscribeAsk: 'Stop email from {0} to {1}?',
    unsubscribeDone: '{0} will not send email to {1} any more.',
    unsubscribeDoneTitle: 'You are unsubscribed',
    unsubscribeInvalid: 'This unsubscribe link is not valid.',
    unsubscribeInvalidBody: 'The address may be incomplete or mistyped. Use the unsubscribe link in the most recent email you got, or reply to that email to ask to stop receiving them.',
    test: 'Test',
    testBanner: 'Test email: the code and links are a sample member’s.',
  },
  templates: {
    tracking_items: {
      subject: 'Your {{offer_name}} code and links from {{brand_name}}',
      body: `Hi {{first_name}},

Thanks for promoting {{offer_name}}! Below are your personal promo code and tracking link: share them, and every sale they bring in counts for you.

Your dashboard shows the sales you drove, the commission you can expect and what we have paid you.`,
    },
    members_message: {
      subject: 'News about {{offer_name}} from {{brand_name}}',
      body: `Hi {{first_name}},

We have news about {{offer_name}}.

{{brand_name}}`,
    },
  },
};
