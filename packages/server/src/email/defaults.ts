import { EmailPlaceholders, type EmailKind, type EmailTemplate } from '@affdash/core';

const trackingItems = {
  subject: 'Your {{offer_name}} code and links from {{brand_name}}',
  body: `Hi {{member_name}},

Thanks for promoting {{offer_name}}! Here is everything you need to share it.

Your promo code: {{promo_code}}
Your tracking link: {{tracking_link}}

Follow your sales and commission on your personal dashboard:
{{dashboard_link}}

Keep the dashboard link to yourself: anyone who has it can see your results.

{{brand_name}}`,
};

const membersMessage = {
  subject: 'News about {{offer_name}} from {{brand_name}}',
  body: `Hi {{member_name}},

We have news about {{offer_name}}.

As a reminder, your promo code is {{promo_code}} and your tracking link is {{tracking_link}}.

Your dashboard: {{dashboard_link}}

{{brand_name}}`,
};

/** The pre-generated template of each kind of email, for the brand to edit. */
export function defaultTemplate(kind: EmailKind): EmailTemplate {
  const t = kind === 'tracking_items' ? trackingItems : membersMessage;
  return { ...t, placeholders: [...EmailPlaceholders] };
}
