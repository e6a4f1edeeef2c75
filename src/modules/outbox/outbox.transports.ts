/**
 * Transports carry a message out: SMTP for e-mail (nodemailer), and log transports for
 * development that record only ids and lengths, never the address or the text. A text-message
 * gateway plugs in as another `MessageTransport` for the 'sms' channel.
 */
import nodemailer from 'nodemailer';
import type { Config } from '../../config.ts';
import type { Channel } from './outbox.queries.ts';

export interface OutgoingMessage {
  id: string;
  channel: Channel;
  purpose: string;
  language: string;
  to: string;
  subject: string;
  body: string;
}

export interface MessageTransport {
  readonly name: string;
  send(message: OutgoingMessage): Promise<void>;
  close?(): Promise<void>;
}

export type Transports = Partial<Record<Channel, MessageTransport>>;

/** What a transport may log: ids, codes and sizes. */
export interface TransportLog {
  info(details: Record<string, unknown>, message: string): void;
}

export function createSmtpTransport(options: { url: string; from: string }): MessageTransport {
  const transporter = nodemailer.createTransport(options.url);
  return {
    name: 'smtp',
    async send(message) {
      await transporter.sendMail({
        from: options.from,
        to: message.to,
        subject: message.subject,
        text: message.body,
        headers: { 'Content-Language': message.language },
      });
    },
    async close() {
      transporter.close();
    },
  };
}

/** Development transport: says that a message would have been sent, without its address or text. */
export function createLogTransport(channel: Channel, log: TransportLog): MessageTransport {
  return {
    name: 'log',
    async send(message) {
      log.info(
        { outboxMessageId: message.id, channel, purpose: message.purpose, language: message.language, subjectLength: message.subject.length, bodyLength: message.body.length },
        `outbox: ${channel} message would be sent (log transport)`,
      );
    },
  };
}

/** The transports the configuration asks for. */
export function createTransports(config: Pick<Config, 'email' | 'smsTransport'>, log: TransportLog): Transports {
  const transports: Transports = {};
  if (config.email.transport === 'smtp') transports.email = createSmtpTransport({ url: config.email.url, from: config.email.from });
  else if (config.email.transport === 'log') transports.email = createLogTransport('email', log);
  if (config.smsTransport === 'log') transports.sms = createLogTransport('sms', log);
  return transports;
}

/** Channels that can deliver with this configuration (forms offer only these). */
export function availableChannels(config: Pick<Config, 'email' | 'smsTransport'>): Channel[] {
  const channels: Channel[] = [];
  if (config.email.transport !== 'off') channels.push('email');
  if (config.smsTransport !== 'off') channels.push('sms');
  return channels;
}
