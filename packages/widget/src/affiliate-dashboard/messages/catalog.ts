/**
 * Every word of the dashboard, one message per line: its key, then the English, Spanish,
 * French, German and Portuguese (Brazil) text, separated by `|`. `{0}`, `{1}`, … are filled in
 * by `fill()`. A new message also goes into `MessageKey` (index.ts).
 */
export default `
loading|Loading…|Cargando…|Chargement…|Wird geladen…|Carregando…
loadFailed|We couldn’t load your dashboard|No pudimos cargar tu panel|Impossible de charger votre tableau de bord|Dein Dashboard konnte nicht geladen werden|Não foi possível carregar seu painel
network|The server can’t be reached. Check your connection.|No hay conexión con el servidor. Revisa tu red.|Serveur injoignable. Vérifiez votre connexion.|Server nicht erreichbar. Prüfe deine Verbindung.|Servidor inacessível. Verifique sua conexão.
notFound|Dashboard not found. The link may be out of date.|Panel no encontrado. El enlace puede estar caducado.|Tableau de bord introuvable. Le lien est peut-être périmé.|Dashboard nicht gefunden. Der Link ist vielleicht veraltet.|Painel não encontrado. O link pode estar desatualizado.
badLink|This dashboard link isn’t valid.|Este enlace al panel no es válido.|Ce lien de tableau de bord n’est pas valide.|Dieser Dashboard-Link ist ungültig.|Este link do painel não é válido.
inactive|This partnership isn’t active anymore.|Esta colaboración ya no está activa.|Ce partenariat n’est plus actif.|Diese Partnerschaft ist nicht mehr aktiv.|Esta parceria não está mais ativa.
rateLimited|Too many requests. Try again in a moment.|Demasiadas solicitudes. Reintenta en un momento.|Trop de requêtes. Réessayez dans un instant.|Zu viele Anfragen. Versuche es gleich erneut.|Muitas solicitações. Tente de novo em instantes.
serverError|Something went wrong on our side.|Algo falló de nuestro lado.|Un problème est survenu de notre côté.|Bei uns ist etwas schiefgelaufen.|Algo deu errado do nosso lado.
failed|Something went wrong.|Algo falló.|Un problème est survenu.|Etwas ist schiefgelaufen.|Algo deu errado.
expiredTitle|Your session has expired|Tu sesión ha caducado|Votre session a expiré|Deine Sitzung ist abgelaufen|Sua sessão expirou
expired|Reload the page or open your link again.|Recarga la página o vuelve a abrir tu enlace.|Rechargez la page ou rouvrez votre lien.|Lade die Seite neu oder öffne deinen Link erneut.|Recarregue a página ou abra seu link de novo.
retry|Retry|Reintentar|Réessayer|Erneut versuchen|Tentar de novo
share|Share|Compartir|Partager|Teilen|Compartilhar
code|Your promo code|Tu código promocional|Votre code promo|Dein Gutscheincode|Seu cupom
link|Your tracking link|Tu enlace de seguimiento|Votre lien de suivi|Dein Tracking-Link|Seu link de rastreamento
copy|Copy|Copiar|Copier|Kopieren|Copiar
copied|Copied|Copiado|Copié|Kopiert|Copiado
copyFailed|Couldn’t copy. Select the text instead.|No se pudo copiar. Selecciona el texto.|Copie impossible. Sélectionnez le texte.|Kopieren fehlgeschlagen. Markiere den Text.|Não foi possível copiar. Selecione o texto.
terms|How you earn|Cómo ganas|Comment vous gagnez|So verdienst du|Como você ganha
yourTier|Your tier|Tu nivel|Votre palier|Deine Stufe|Seu nível
clicks|Clicks|Clics|Clics|Klicks|Cliques
conversions|Conversions|Conversiones|Conversions|Conversions|Conversões
sales|Sales|Ventas|Ventes|Umsatz|Vendas
expected|Expected|Previsto|Prévu|Erwartet|Previsto
paid|Paid|Pagado|Payé|Ausgezahlt|Pago
balance|Balance|Saldo|Solde|Saldo|Saldo
stillPending|{0} still pending|{0} aún pendiente|{0} encore en attente|{0} noch ausstehend|{0} ainda pendente
reversedAfterPayout|Reversed after payout|Revertido tras el pago|Annulé après paiement|Nach Auszahlung storniert|Estornado após o pagamento
notYetPaid|Approved, not yet paid|Aprobado, sin pagar aún|Approuvé, pas encore payé|Bestätigt, noch nicht ausgezahlt|Aprovado, ainda não pago
date|Date|Fecha|Date|Datum|Data
order|Order|Pedido|Commande|Bestellung|Pedido
sale|Sale|Venta|Vente|Verkauf|Venda
commission|Commission|Comisión|Commission|Provision|Comissão
status|Status|Estado|Statut|Status|Status
all|All|Todas|Toutes|Alle|Todas
pending|Pending|Pendiente|En attente|Ausstehend|Pendente
approved|Approved|Aprobada|Approuvée|Bestätigt|Aprovada
rejected|Rejected|Rechazada|Refusée|Abgelehnt|Rejeitada
reversed|Reversed|Revertida|Annulée|Storniert|Estornada
until|until {0}|hasta el {0}|jusqu’au {0}|bis {0}|até {0}
noConversions|No conversions yet|Aún no hay conversiones|Aucune conversion pour l’instant|Noch keine Conversions|Ainda não há conversões
firstConversion|Share your code to see your first conversion here.|Comparte tu código y verás aquí tu primera conversión.|Partagez votre code : votre première conversion apparaîtra ici.|Teile deinen Code: Hier erscheint deine erste Conversion.|Compartilhe seu cupom e veja aqui sua primeira conversão.
more|Load more|Cargar más|Charger plus|Mehr laden|Carregar mais
payments|Payments|Pagos|Paiements|Zahlungen|Pagamentos
amount|Amount|Importe|Montant|Betrag|Valor
method|Method|Método|Moyen|Methode|Método
reference|Reference|Referencia|Référence|Referenz|Referência
noPayments|No payments yet|Aún no hay pagos|Aucun paiement pour l’instant|Noch keine Zahlungen|Ainda não há pagamentos
nextPayout|Next payout on {0}|Próximo pago el {0}|Prochain paiement le {0}|Nächste Auszahlung am {0}|Próximo pagamento em {0}
paidOutHere|Approved commission is paid out here.|La comisión aprobada se paga aquí.|La commission approuvée est versée ici.|Bestätigte Provision wird hier ausgezahlt.|A comissão aprovada é paga aqui.
forMember|For {0}|Para {0}|Pour {0}|Für {0}|Para {0}
active|Active|Activa|Active|Aktiv|Ativa
paused|Paused|En pausa|En pause|Pausiert|Pausada
ended|Ended|Finalizada|Terminée|Beendet|Encerrada
percent|{0} of every sale|{0} de cada venta|{0} de chaque vente|{0} je Verkauf|{0} de cada venda
flat|{0} per order|{0} por pedido|{0} par commande|{0} pro Bestellung|{0} por pedido
risingOrders|{0}, rising to {1} from order {2} {3}|{0}, y {1} desde el pedido {2} {3}|{0}, puis {1} dès la commande {2} {3}|{0}, ab Bestellung {2} {3}: {1}|{0}, e {1} a partir do pedido {2} {3}
risingSales|{0}, rising to {1} once your sales reach {2} {3}|{0}, y {1} cuando tus ventas lleguen a {2} {3}|{0}, puis {1} dès {2} de ventes {3}|{0}, ab {2} Umsatz {3}: {1}|{0}, e {1} quando suas vendas chegarem a {2} {3}
ordersTier|Orders {0} {1}|Pedidos {0} {1}|Commandes {0} {1}|Bestellungen {0} {1}|Pedidos {0} {1}
salesTier|Sales {0} {1}|Ventas {0} {1}|Ventes {0} {1}|Umsatz {0} {1}|Vendas {0} {1}
lifetime|in total|en total|au total|insgesamt|no total
hold|Commissions are approved {0} after the sale.|Las comisiones se aprueban {0} después de la venta.|Les commissions sont approuvées {0} après la vente.|Provisionen werden {0} nach dem Verkauf bestätigt.|As comissões são aprovadas {0} após a venda.
holdNone|Commissions are approved as soon as the sale is confirmed.|Las comisiones se aprueban al confirmarse la venta.|Les commissions sont approuvées dès la vente confirmée.|Provisionen werden mit dem Verkauf bestätigt.|As comissões são aprovadas com a venda confirmada.
`;
