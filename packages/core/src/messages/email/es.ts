import type { EmailWords } from './keys.js';

/** Spanish: member email. */
export const esEmail: EmailWords = {
  words: {
    codeLabel: 'Tu código promocional',
    linkLabel: 'Tu enlace de seguimiento',
    button: 'Abrir tu panel',
    dashboardLink: 'tu panel',
    dashboardNote: 'El enlace a tu panel es personal: no lo compartas.',
    preheaderTracking: 'Tu código promocional {0}, tu enlace de seguimiento y tu panel de {1}.',
    whyTracking: 'Recibes este correo porque {0} te añadió a {1}. Incluye el código y los enlaces que necesitas para participar.',
    whyMembers: '{0} te envía este correo porque eres miembro de {1}.',
    unsubscribe: 'Darse de baja',
    unsubscribeTitle: 'Darse de baja de {0}',
    unsubscribeAsk: '¿Dejar de recibir correos de {0} en {1}?',
    unsubscribeDone: '{0} ya no enviará correos a {1}.',
    unsubscribeDoneTitle: 'Te has dado de baja',
    unsubscribeInvalid: 'Este enlace para darse de baja no es válido.',
    unsubscribeInvalidBody: 'Puede que la dirección esté incompleta o mal escrita. Usa el enlace para darte de baja del correo más reciente que recibiste, o responde a ese correo para pedir que no te escriban más.',
    test: 'Prueba',
    testBanner: 'Correo de prueba: el código y los enlaces son de un miembro de ejemplo.',
  },
  templates: {
    tracking_items: {
      subject: 'Tu código y tus enlaces de {{offer_name}} de {{brand_name}}',
      body: `Hola, {{first_name}}:

¡Gracias por promocionar {{offer_name}}! Abajo tienes tu código promocional y tu enlace de seguimiento personales: compártelos, y cada venta que traigan cuenta para ti.

Tu panel muestra las ventas que generaste, la comisión que puedes esperar y lo que te hemos pagado.`,
    },
    members_message: {
      subject: 'Novedades de {{offer_name}} de {{brand_name}}',
      body: `Hola, {{first_name}}:

Tenemos novedades sobre {{offer_name}}.

{{brand_name}}`,
    },
  },
};
