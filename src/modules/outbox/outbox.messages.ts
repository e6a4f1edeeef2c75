import type { Catalogue } from '../../platform/i18n.ts';

/** Validation messages of recipient fields (used by any form that sends through the outbox). */
export const outboxMessages: Catalogue = {
  fi: {
    'outbox.error.email': 'Kirjoita sähköpostiosoite muodossa nimi@esimerkki.fi.',
    'outbox.error.phone': 'Kirjoita matkapuhelinnumero, esimerkiksi 040 123 4567 tai +358 40 123 4567.',
    'outbox.status.pending': 'odottaa lähetystä',
    'outbox.status.sending': 'lähetetään',
    'outbox.status.sent': 'lähetetty',
    'outbox.status.failed': 'lähetys epäonnistui',
    'outbox.channel.email': 'sähköposti',
    'outbox.channel.sms': 'tekstiviesti',
  },
  sv: {
    'outbox.error.email': 'Skriv e-postadressen i formen namn@exempel.fi.',
    'outbox.error.phone': 'Skriv ett mobilnummer, till exempel 040 123 4567 eller +358 40 123 4567.',
    'outbox.status.pending': 'väntar på att skickas',
    'outbox.status.sending': 'skickas',
    'outbox.status.sent': 'skickat',
    'outbox.status.failed': 'kunde inte skickas',
    'outbox.channel.email': 'e-post',
    'outbox.channel.sms': 'textmeddelande',
  },
  en: {
    'outbox.error.email': 'Enter an e-mail address like name@example.fi.',
    'outbox.error.phone': 'Enter a mobile number, for example 040 123 4567 or +358 40 123 4567.',
    'outbox.status.pending': 'waiting to be sent',
    'outbox.status.sending': 'being sent',
    'outbox.status.sent': 'sent',
    'outbox.status.failed': 'could not be sent',
    'outbox.channel.email': 'e-mail',
    'outbox.channel.sms': 'text message',
  },
};
