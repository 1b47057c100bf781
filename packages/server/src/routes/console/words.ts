import type { Language } from '@affdash/core';

/** The console's own words (its components bring theirs), by key. */
export interface ConsoleWords {
  /** After the brand's name in the page title. */
  console: string;
  signOut: string;
  offers: string;
  /** An offer's status beside its name. */
  status: Record<'active' | 'paused' | 'archived', string>;
  noMembers: string;
  noOffersTitle: string;
  noOffersBody: string;
  signedOutTitle: string;
  signedOutBody: string;
  unusableTitle: string;
  unusableBody: string;
}

const en: ConsoleWords = {
  console: 'Console',
  signOut: 'Sign out',
  offers: 'Offers',
  status: { active: 'active', paused: 'paused', archived: 'archived' },
  noMembers: 'This sign-in does not include the members of an offer.',
  noOffersTitle: 'No offers yet',
  noOffersBody: 'Create an offer with the API or the SDK to see its members here.',
  signedOutTitle: 'Sign in to the console',
  signedOutBody: 'Ask your admin for a new console login link; each one opens the console once.',
  unusableTitle: 'This login link cannot be used',
  unusableBody: 'Each console login link opens the console once, shortly after it was made. Ask for a new one.',
};

const de: ConsoleWords = {
  console: 'Konsole',
  signOut: 'Abmelden',
  offers: 'Angebote',
  status: { active: 'aktiv', paused: 'pausiert', archived: 'archiviert' },
  noMembers: 'Diese Anmeldung umfasst nicht die Mitglieder eines Angebots.',
  noOffersTitle: 'Noch keine Angebote',
  noOffersBody: 'Lege ein Angebot über die API oder das SDK an, um seine Mitglieder hier zu sehen.',
  signedOutTitle: 'Bei der Konsole anmelden',
  signedOutBody: 'Bitte deinen Admin um einen neuen Anmeldelink für die Konsole; jeder öffnet sie einmal.',
  unusableTitle: 'Dieser Anmeldelink kann nicht verwendet werden',
  unusableBody: 'Jeder Anmeldelink öffnet die Konsole einmal, kurz nachdem er erstellt wurde. Bitte um einen neuen.',
};

const es: ConsoleWords = {
  console: 'Consola',
  signOut: 'Cerrar sesión',
  offers: 'Ofertas',
  status: { active: 'activa', paused: 'en pausa', archived: 'archivada' },
  noMembers: 'Este inicio de sesión no incluye los miembros de una oferta.',
  noOffersTitle: 'Aún no hay ofertas',
  noOffersBody: 'Crea una oferta con la API o el SDK para ver aquí a sus miembros.',
  signedOutTitle: 'Inicia sesión en la consola',
  signedOutBody: 'Pide a tu administrador un nuevo enlace de acceso a la consola; cada uno la abre una vez.',
  unusableTitle: 'Este enlace de acceso no se puede usar',
  unusableBody: 'Cada enlace de acceso abre la consola una vez, poco después de crearse. Pide uno nuevo.',
};

const fr: ConsoleWords = {
  console: 'Console',
  signOut: 'Se déconnecter',
  offers: 'Offres',
  status: { active: 'active', paused: 'en pause', archived: 'archivée' },
  noMembers: 'Cette connexion n’inclut pas les membres d’une offre.',
  noOffersTitle: 'Aucune offre pour l’instant',
  noOffersBody: 'Créez une offre avec l’API ou le SDK pour voir ses membres ici.',
  signedOutTitle: 'Connectez-vous à la console',
  signedOutBody: 'Demandez un nouveau lien de connexion à votre administrateur ; chacun ouvre la console une fois.',
  unusableTitle: 'Ce lien de connexion ne peut pas être utilisé',
  unusableBody: 'Chaque lien de connexion ouvre la console une fois, peu après sa création. Demandez-en un nouveau.',
};

const pt: ConsoleWords = {
  console: 'Console',
  signOut: 'Sair',
  offers: 'Ofertas',
  status: { active: 'ativa', paused: 'pausada', archived: 'arquivada' },
  noMembers: 'Este acesso não inclui os membros de uma oferta.',
  noOffersTitle: 'Ainda não há ofertas',
  noOffersBody: 'Crie uma oferta pela API ou pelo SDK para ver os membros dela aqui.',
  signedOutTitle: 'Entre no console',
  signedOutBody: 'Peça ao seu administrador um novo link de acesso ao console; cada um abre o console uma vez.',
  unusableTitle: 'Este link de acesso não pode ser usado',
  unusableBody: 'Cada link de acesso abre o console uma vez, logo depois de criado. Peça um novo.',
};

const words: Record<Language, ConsoleWords> = { en, de, es, fr, pt };

/** The console's words in a built-in language. */
export function consoleWords(language: Language): ConsoleWords {
  return words[language];
}

/** An offer's status in the console's words (as stored when it is one it does not know). */
export function statusWord(w: ConsoleWords, status: string): string {
  return status in w.status ? w.status[status as keyof ConsoleWords['status']] : status;
}
