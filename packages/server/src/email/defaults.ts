import { EmailPlaceholders, type EmailKind, type EmailTemplate } from '@affdash/core';
import { emailWordsFor } from '@affdash/core/messages';

/**
 * The pre-generated template of each kind of email in a language, for the brand to edit. Sent
 * unedited, each member gets it in their own language.
 */
export function defaultTemplate(kind: EmailKind, locale = 'en'): EmailTemplate {
  return { ...emailWordsFor(locale).templates[kind], placeholders: [...EmailPlaceholders] };
}
