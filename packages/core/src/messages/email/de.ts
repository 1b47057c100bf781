import type { EmailWords } from './keys.js';

/** German: member email. */
export const deEmail: EmailWords = {
  words: {
    codeLabel: 'Dein Gutscheincode',
    linkLabel: 'Dein Tracking-Link',
    button: 'Dashboard öffnen',
    dashboardLink: 'dein Dashboard',
    dashboardNote: 'Dein Dashboard-Link ist persönlich: Bitte gib ihn nicht weiter.',
    preheaderTracking: 'Dein Gutscheincode {0}, dein Tracking-Link und dein Dashboard für {1}.',
    whyTracking: 'Du erhältst diese E-Mail, weil {0} dich zu {1} hinzugefügt hat. Sie enthält den Code und die Links, die du dafür brauchst.',
    whyMembers: '{0} sendet dir diese E-Mail, weil du Mitglied von {1} bist.',
    unsubscribe: 'Abmelden',
    unsubscribeTitle: 'Von {0} abmelden',
    unsubscribeAsk: 'Keine E-Mails mehr von {0} an {1}?',
    unsubscribeDone: '{0} sendet keine E-Mails mehr an {1}.',
    unsubscribeDoneTitle: 'Du bist abgemeldet',
    unsubscribeInvalid: 'Dieser Abmeldelink ist ungültig.',
    unsubscribeInvalidBody: 'Die Adresse ist vielleicht unvollständig oder falsch abgetippt. Nutze den Abmeldelink in der neuesten E-Mail, die du bekommen hast, oder antworte auf diese E-Mail und bitte darum, keine mehr zu erhalten.',
    test: 'Test',
    testBanner: 'Test-E-Mail: Code und Links gehören zu einem Beispielmitglied.',
  },
  templates: {
    tracking_items: {
      subject: 'Dein Code und deine Links für {{offer_name}} von {{brand_name}}',
      body: `Hallo {{first_name}},

danke, dass du {{offer_name}} empfiehlst! Unten findest du deinen persönlichen Gutscheincode und deinen Tracking-Link: Teile sie, und jeder Verkauf darüber zählt für dich.

In deinem Dashboard siehst du deine Verkäufe, die zu erwartende Provision und unsere Auszahlungen an dich.`,
    },
    members_message: {
      subject: 'Neuigkeiten zu {{offer_name}} von {{brand_name}}',
      body: `Hallo {{first_name}},

wir haben Neuigkeiten zu {{offer_name}}.

{{brand_name}}`,
    },
  },
};
