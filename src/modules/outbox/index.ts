/** The outbox module's public API: queue e-mail and text messages, and send them. */
export { enqueueMessage, dispatchOutbox, messageStatusesOf, purgeFinishedMessages, startOutboxDispatcher, validRecipient, normalisePhoneNumber, maxAttempts, type NewMessage, type DispatchReport, type Dispatcher } from './outbox.service.ts';
export { availableChannels, createTransports, createLogTransport, createSmtpTransport, type MessageTransport, type OutgoingMessage, type Transports, type TransportLog } from './outbox.transports.ts';
export type { Channel, OutboxStatus, OutboxStatusRow } from './outbox.queries.ts';
export { outboxMessages } from './outbox.messages.ts';
