/** SQL of the outbox. Personal data (recipient) and content are cleared when a message finishes. */
import type { Queryable } from '../../db/index.ts';

export type Channel = 'email' | 'sms';
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

export interface OutboxInsert {
  id: string;
  channel: Channel;
  purpose: string;
  referenceId: string | null;
  language: string;
  recipient: string;
  subject: string;
  body: string;
  now: Date;
}

export async function insertOutboxMessage(q: Queryable, message: OutboxInsert): Promise<void> {
  await q.query(
    `INSERT INTO outbox_messages (id, channel, purpose, reference_id, language, recipient, subject, body, status, next_attempt_at, created_at)
     VALUES ($1::uuid, $2, $3, $4::uuid, $5, $6, $7, $8, 'pending', $9, $9)`,
    [message.id, message.channel, message.purpose, message.referenceId, message.language, message.recipient, message.subject, message.body, message.now],
  );
}

export interface ClaimedMessage {
  id: string;
  channel: Channel;
  purpose: string;
  language: string;
  recipient: string;
  subject: string;
  body: string;
  attempts: number;
}

/**
 * Claims due messages for sending: pending ones whose time has come, and ones another sender
 * claimed but never finished (its lock ran out). SKIP LOCKED lets instances claim side by side.
 */
export async function claimDueMessages(q: Queryable, now: Date, lockedUntil: Date, limit: number): Promise<ClaimedMessage[]> {
  return q.query<ClaimedMessage>(
    `UPDATE outbox_messages SET status = 'sending', attempts = attempts + 1, locked_until = $2
     WHERE id IN (
       SELECT id FROM outbox_messages
       WHERE (status = 'pending' AND next_attempt_at <= $1) OR (status = 'sending' AND locked_until <= $1)
       ORDER BY next_attempt_at, id
       LIMIT $3
       FOR UPDATE SKIP LOCKED
     )
     RETURNING id, channel, purpose, language, recipient, subject, body, attempts`,
    [now, lockedUntil, limit],
  );
}

export async function markMessageSent(q: Queryable, id: string, now: Date): Promise<void> {
  await q.query(
    `UPDATE outbox_messages SET status = 'sent', recipient = NULL, subject = NULL, body = NULL, locked_until = NULL,
       last_error = NULL, sent_at = $2, finished_at = $2
     WHERE id = $1::uuid`,
    [id, now],
  );
}

export async function markMessageForRetry(q: Queryable, id: string, nextAttemptAt: Date, errorCode: string): Promise<void> {
  await q.query(
    `UPDATE outbox_messages SET status = 'pending', locked_until = NULL, next_attempt_at = $2, last_error = $3 WHERE id = $1::uuid`,
    [id, nextAttemptAt, errorCode],
  );
}

export async function markMessageFailed(q: Queryable, id: string, now: Date, errorCode: string): Promise<void> {
  await q.query(
    `UPDATE outbox_messages SET status = 'failed', recipient = NULL, subject = NULL, body = NULL, locked_until = NULL,
       last_error = $3, finished_at = $2
     WHERE id = $1::uuid`,
    [id, now, errorCode],
  );
}

export interface OutboxStatusRow {
  id: string;
  channel: Channel;
  purpose: string;
  reference_id: string | null;
  status: OutboxStatus;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
}

export async function listOutboxStatusesOf(q: Queryable, referenceId: string): Promise<OutboxStatusRow[]> {
  return q.query<OutboxStatusRow>(
    `SELECT id, channel, purpose, reference_id, status, attempts, last_error, created_at, sent_at
     FROM outbox_messages WHERE reference_id = $1::uuid ORDER BY created_at DESC, id`,
    [referenceId],
  );
}

/** Forgets finished messages (only statuses are left) older than `before`. */
export async function deleteFinishedMessages(q: Queryable, before: Date): Promise<number> {
  const rows = await q.query<{ id: string }>(
    `DELETE FROM outbox_messages WHERE status IN ('sent', 'failed') AND finished_at < $1 RETURNING id`,
    [before],
  );
  return rows.length;
}
