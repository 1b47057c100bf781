import type { EmailWords } from './keys.js';

/** French: member email. */
export const frEmail: EmailWords = {
  words: {
    codeLabel: 'Votre code promo',
    linkLabel: 'Votre lien de suivi',
    button: 'Ouvrir votre tableau de bord',
    dashboardLink: 'votre tableau de bord',
    dashboardNote: 'Le lien de votre tableau de bord est personnel : gardez-le pour vous.',
    preheaderTracking: 'Votre code promo {0}, votre lien de suivi et votre tableau de bord pour {1}.',
    whyTracking: 'Vous recevez cet e-mail parce que {0} vous a ajouté à {1}. Il contient le code et les liens dont vous avez besoin pour participer.',
    whyMembers: '{0} vous envoie cet e-mail parce que vous êtes membre de {1}.',
    unsubscribe: 'Se désabonner',
    unsubscribeTitle: 'Se désabonner de {0}',
    unsubscribeAsk: 'Ne plus recevoir d’e-mails de {0} à {1} ?',
    unsubscribeDone: '{0} n’enverra plus d’e-mails à {1}.',
    unsubscribeDoneTitle: 'Vous êtes désabonné',
    unsubscribeInvalid: 'Ce lien de désabonnement n’est pas valide.',
    unsubscribeInvalidBody: 'L’adresse est peut-être incomplète ou mal recopiée. Utilisez le lien de désabonnement du dernier e-mail reçu, ou répondez à cet e-mail pour demander à ne plus en recevoir.',
    test: 'Test',
    testBanner: 'E-mail de test : le code et les liens sont ceux d’un membre fictif.',
  },
  templates: {
    tracking_items: {
      subject: 'Votre code et vos liens {{offer_name}} de {{brand_name}}',
      body: `Bonjour {{first_name}},

Merci de promouvoir {{offer_name}} ! Voici votre code promo et votre lien de suivi personnels : partagez-les, chaque vente qu’ils apportent compte pour vous.

Votre tableau de bord montre les ventes que vous avez générées, la commission attendue et nos paiements.`,
    },
    members_message: {
      subject: 'Des nouvelles de {{offer_name}} par {{brand_name}}',
      body: `Bonjour {{first_name}},

Nous avons des nouvelles au sujet de {{offer_name}}.

{{brand_name}}`,
    },
  },
};
