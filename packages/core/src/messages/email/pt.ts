import type { EmailWords } from './keys.js';

/** Brazilian Portuguese: member email. */
export const ptEmail: EmailWords = {
  words: {
    codeLabel: 'Seu cupom',
    linkLabel: 'Seu link de rastreamento',
    button: 'Abrir seu painel',
    dashboardLink: 'seu painel',
    dashboardNote: 'O link do seu painel é pessoal: não o compartilhe.',
    preheaderTracking: 'Seu cupom {0}, seu link de rastreamento e seu painel de {1}.',
    whyTracking: 'Você recebeu este e-mail porque {0} adicionou você a {1}. Ele traz o cupom e os links de que você precisa para participar.',
    whyMembers: '{0} envia este e-mail porque você é membro de {1}.',
    unsubscribe: 'Cancelar inscrição',
    unsubscribeTitle: 'Cancelar inscrição de {0}',
    unsubscribeAsk: 'Parar de receber e-mails de {0} em {1}?',
    unsubscribeDone: '{0} não enviará mais e-mails para {1}.',
    unsubscribeDoneTitle: 'Inscrição cancelada',
    unsubscribeInvalid: 'Este link de cancelamento não é válido.',
    unsubscribeInvalidBody: 'O endereço pode estar incompleto ou digitado errado. Use o link de cancelamento do e-mail mais recente que você recebeu, ou responda a esse e-mail pedindo para não receber mais.',
    test: 'Teste',
    testBanner: 'E-mail de teste: o cupom e os links são de um membro de exemplo.',
  },
  templates: {
    tracking_items: {
      subject: 'Seu cupom e seus links de {{offer_name}} da {{brand_name}}',
      body: `Olá, {{first_name}},

Obrigado por divulgar {{offer_name}}! Abaixo estão seu cupom e seu link de rastreamento pessoais: compartilhe-os, e cada venda que eles trouxerem conta para você.

Seu painel mostra as vendas que você gerou, a comissão que pode esperar e o que já pagamos a você.`,
    },
    members_message: {
      subject: 'Novidades de {{offer_name}} da {{brand_name}}',
      body: `Olá, {{first_name}},

Temos novidades sobre {{offer_name}}.

{{brand_name}}`,
    },
  },
};
