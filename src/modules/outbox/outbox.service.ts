/**
 * The outbox: messages are written in the same transaction as the change that causes them and
 * sent afterwards by a dispatcher that every app instance may run. A message's recipient and
 * text exist only until it is sent (or finally fails); then only its status is kept.
 */
import type { Queryable } from '../../db/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { ValidationError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import {
  claimDueMessages,
  deleteFinishedMessages,
  insertOutboxMessage,
  listOutboxStatusesOf,
  markMessageFailed,
  markMessageForRetry,
  markMessageSent,
  type Channel,
} from './outbox.queries.ts';
import type { Transports } from './outbox.transports.ts';

export const maxAttempts = 5;
/** Waits before the 2nd, 3rd, ... attempt. */
const retryDelaysMs = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000];
/** A claimed message whose sender vanished is retried after this. */
const claimLockMs = 5 * 60_000;

const emailPattern = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

/** Normalises a Finnish or international mobile number to +358...; undefined when it is not one. */
export function normalisePhoneNumber(value: string): string | undefined {
  const digits = value.replace(/[\s()-]/g, '');
  if (/^\+[1-9]\d{6,14}$/.test(digits)) return digits;
  if (/^0\d{6,11}$/.test(digits)) return `+358${digits.slice(1)}`;
  return undefined;
}

/** The recipient as it will be stored, or a ValidationError naming the field. */
export function validRecipient(channel: Channel, recipient: string, field = 'recipient'): string {
  const value = recipient.trim();
  if (channel === 'email') {
    if (value.length > 254 || !emailPattern.test(value)) throw new ValidationError('not an e-mail address', { [field]: 'outbox.error.email' });
    return value;
  }
  const phone = normalisePhoneNumber(value);
  if (!phone) throw new ValidationError('not a mobile number', { [field]: 'outbox.error.phone' });
  return phone;
}

export interface NewMessage {
  channel: Channel;
  recipient: string;
  subject: string;
  body: string;
  language: string;
  /** 'guidance.plan', ... */
  purpose: string;
  referenceId: string | null;
  now: Date;
}

/** Queues a message inside the caller's transaction. Returns its id. */
export async function enqueueMessage(tx: Queryable, message: NewMessage): Promise<string> {
  const id = newId();
  await insertOutboxMessage(tx, { id, ...message, recipient: validRecipient(message.channel, message.recipient) });
  return id;
}

export interface DispatchReport {
  sent: number;
  retried: number;
  failed: number;
}

/** An error code that is safe to store: never the error's text, which may hold the address. */
function errorCode(error: unknown): string {
  const code = (error as { code?: unknown; responseCode?: unknown })?.code;
  if (typeof code === 'string' && /^[A-Za-z0-9_]{1,40}$/.test(code)) return code;
  const responseCode = (error as { responseCode?: unknown })?.responseCode;
  if (typeof responseCode === 'number') return `smtp_${responseCode}`;
  return 'send_failed';
}

/** Sends the due messages once. Safe to run on several instances at the same time. */
export async function dispatchOutbox(deps: Pick<Deps, 'db' | 'clock'>, transports: Transports, options: { limit?: number } = {}): Promise<DispatchReport> {
  const report: DispatchReport = { sent: 0, retried: 0, failed: 0 };
  const now = deps.clock();
  const claimed = await claimDueMessages(deps.db, now, new Date(now.getTime() + claimLockMs), options.limit ?? 20);
  for (const message of claimed) {
    const transport = transports[message.channel];
    if (!transport) {
      await markMessageFailed(deps.db, message.id, deps.clock(), 'channel_unavailable');
      report.failed++;
      continue;
    }
    try {
      await transport.send({ id: message.id, channel: message.channel, purpose: message.purpose, language: message.language, to: message.recipient, subject: message.subject, body: message.body });
      await markMessageSent(deps.db, message.id, deps.clock());
      report.sent++;
    } catch (error) {
      if (message.attempts >= maxAttempts) {
        await markMessageFailed(deps.db, message.id, deps.clock(), errorCode(error));
        report.failed++;
      } else {
        const delay = retryDelaysMs[Math.min(message.attempts - 1, retryDelaysMs.length - 1)]!;
        await markMessageForRetry(deps.db, message.id, new Date(deps.clock().getTime() + delay), errorCode(error));
        report.retried++;
      }
    }
  }
  return report;
}

/** Statuses of the messages about a record (e.g. a client plan): no addresses, no text. */
export async function messageStatusesOf(deps: Pick<Deps, 'db'>, referenceId: string) {
  return listOutboxStatusesOf(deps.db, referenceId);
}

/** Forgets finished messages after `days` days. */
export async function purgeFinishedMessages(deps: Pick<Deps, 'db' | 'clock'>, days: number): Promise<number> {
  return deleteFinishedMessages(deps.db, new Date(deps.clock().getTime() - days * 86_400_000));
}

export interface Dispatcher {
  /** Send now instead of at the next tick (e.g. right after a message was queued). */
  nudge(): void;
  stop(): Promise<void>;
}

/** Runs `dispatchOutbox` every `intervalMs` until stopped; one run at a time per instance. */
export function startOutboxDispatcher(
  deps: Pick<Deps, 'db' | 'clock'>,
  transports: Transports,
  options: { intervalMs: number; onError: (error: unknown) => void; onReport?: (report: DispatchReport) => void },
): Dispatcher {
  let running: Promise<void> | undefined;
  let stopped = false;
  const run = () => {
    if (running || stopped) return;
    running = (async () => {
      try {
        let report: DispatchReport;
        do {
          report = await dispatchOutbox(deps, transports);
          if (report.sent + report.retried + report.failed > 0) options.onReport?.(report);
        } while (!stopped && report.sent + report.retried + report.failed >= 20);
      } catch (error) {
        options.onError(error);
      } finally {
        running = undefined;
      }
    })();
  };
  const timer = setInterval(run, options.intervalMs);
  timer.unref();
  return {
    nudge: run,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      await Promise.all(Object.values(transports).map((t) => t?.close?.()));
    },
  };
}
