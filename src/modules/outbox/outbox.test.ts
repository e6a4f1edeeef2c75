import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { createTestDatabase, describeEachBackend, type TestDatabase } from '../../../test/support/db.ts';
import { testConfig } from '../../../test/support/db.ts';
import {
  createLogTransport,
  createTransports,
  dispatchOutbox,
  enqueueMessage,
  maxAttempts,
  messageStatusesOf,
  normalisePhoneNumber,
  type OutgoingMessage,
  type Transports,
} from './index.ts';
import { newId } from '../../platform/ids.ts';

function memoryTransport(failWith?: Error & { code?: string }) {
  const sent: OutgoingMessage[] = [];
  return {
    sent,
    transport: {
      name: 'memory',
      async send(message: OutgoingMessage) {
        if (failWith) throw failWith;
        sent.push(message);
      },
    },
  };
}

describeEachBackend('outbox', (backend) => {
  let test: TestDatabase;
  let now: Date;
  const deps = () => ({ db: test.db, clock: () => now });
  beforeAll(async () => {
    test = await createTestDatabase(backend);
  });
  beforeEach(async () => {
    now = new Date('2026-11-28T10:00:00Z');
    // Leave nothing due from an earlier test.
    await test.db.query(`UPDATE outbox_messages SET status = 'failed', recipient = NULL, subject = NULL, body = NULL WHERE status IN ('pending', 'sending')`);
  });
  afterAll(async () => {
    await test.drop();
  });

  async function rowOf(id: string) {
    return (await test.db.query<Record<string, unknown>>('SELECT * FROM outbox_messages WHERE id = $1', [id]))[0]!;
  }

  it('sends a queued message and then keeps only its status: no address, subject or text', async () => {
    const reference = newId();
    const id = await enqueueMessage(test.db, { channel: 'email', recipient: 'asiakas@example.fi', subject: 'Suunnitelmasi', body: 'Tervetuloa ryhmään', language: 'fi', purpose: 'guidance.plan', referenceId: reference, now });
    const memory = memoryTransport();
    expect(await dispatchOutbox(deps(), { email: memory.transport })).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(memory.sent).toEqual([expect.objectContaining({ id, to: 'asiakas@example.fi', subject: 'Suunnitelmasi', body: 'Tervetuloa ryhmään' })]);
    const row = await rowOf(id);
    expect(row).toMatchObject({ status: 'sent', recipient: null, subject: null, body: null, attempts: 1 });
    expect(JSON.stringify(row)).not.toContain('asiakas@example.fi');
    expect((await messageStatusesOf(deps(), reference)).map((m) => m.status)).toEqual(['sent']);
    expect(await dispatchOutbox(deps(), { email: memory.transport })).toEqual({ sent: 0, retried: 0, failed: 0 });
  });

  it('retries a failed send later with growing waits, and gives up after the last attempt, deleting the address', async () => {
    const id = await enqueueMessage(test.db, { channel: 'sms', recipient: '040 123 4567', subject: '', body: 'Suunnitelmasi', language: 'fi', purpose: 'guidance.plan', referenceId: null, now });
    expect((await rowOf(id)).recipient).toBe('+358401234567');
    const failing = memoryTransport(Object.assign(new Error('gateway said no to +358401234567'), { code: 'EGATEWAY' }));
    const transports: Transports = { sms: failing.transport };
    const waits: number[] = [];
    for (let attempt = 1; attempt < maxAttempts; attempt++) {
      expect(await dispatchOutbox(deps(), transports)).toEqual({ sent: 0, retried: 1, failed: 0 });
      const row = await rowOf(id);
      expect(row).toMatchObject({ status: 'pending', attempts: attempt, last_error: 'EGATEWAY' });
      waits.push((row.next_attempt_at as Date).getTime() - now.getTime());
      expect(await dispatchOutbox(deps(), transports)).toEqual({ sent: 0, retried: 0, failed: 0 });
      now = row.next_attempt_at as Date;
    }
    expect(waits).toEqual([...waits].sort((a, b) => a - b));
    expect(await dispatchOutbox(deps(), transports)).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect(await rowOf(id)).toMatchObject({ status: 'failed', recipient: null, subject: null, body: null, attempts: maxAttempts });
  });

  it('sends a message again whose sender stopped in the middle (its claim ran out)', async () => {
    const id = await enqueueMessage(test.db, { channel: 'email', recipient: 'x@example.fi', subject: 's', body: 'b', language: 'sv', purpose: 'guidance.plan', referenceId: null, now });
    await test.db.query(`UPDATE outbox_messages SET status = 'sending', attempts = 1, locked_until = $2 WHERE id = $1`, [id, new Date(now.getTime() + 60_000)]);
    const memory = memoryTransport();
    expect((await dispatchOutbox(deps(), { email: memory.transport })).sent).toBe(0);
    now = new Date(now.getTime() + 120_000);
    expect((await dispatchOutbox(deps(), { email: memory.transport })).sent).toBe(1);
    expect(memory.sent).toHaveLength(1);
  });

  it('never sends one message twice when several instances dispatch at the same time', async () => {
    for (let i = 0; i < 30; i++) {
      await enqueueMessage(test.db, { channel: 'email', recipient: `r${i}@example.fi`, subject: 's', body: 'b', language: 'fi', purpose: 'guidance.plan', referenceId: null, now });
    }
    const memory = memoryTransport();
    const reports = await Promise.all([1, 2, 3].map(() => dispatchOutbox(deps(), { email: memory.transport }, { limit: 50 })));
    expect(reports.reduce((sum, r) => sum + r.sent, 0)).toBe(30);
    expect(new Set(memory.sent.map((m) => m.id)).size).toBe(30);
    expect(memory.sent).toHaveLength(30);
  });

  it('refuses recipients that are not an e-mail address or a mobile number', async () => {
    await expect(enqueueMessage(test.db, { channel: 'email', recipient: 'not an address', subject: 's', body: 'b', language: 'fi', purpose: 'guidance.plan', referenceId: null, now })).rejects.toThrow('not an e-mail address');
    await expect(enqueueMessage(test.db, { channel: 'sms', recipient: '12', subject: '', body: 'b', language: 'fi', purpose: 'guidance.plan', referenceId: null, now })).rejects.toThrow('not a mobile number');
    expect(normalisePhoneNumber('+46 70 123 45 67')).toBe('+46701234567');
  });

  it('logs with the development transport only ids and lengths, never the address or the text', async () => {
    const lines: string[] = [];
    const transport = createLogTransport('email', { info: (details, message) => lines.push(JSON.stringify({ details, message })) });
    await enqueueMessage(test.db, { channel: 'email', recipient: 'salainen@example.fi', subject: 'Aihe', body: 'Henkilökohtainen teksti', language: 'fi', purpose: 'guidance.plan', referenceId: null, now });
    expect((await dispatchOutbox(deps(), { email: transport })).sent).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/salainen|Henkilökohtainen|Aihe/);
    expect(lines[0]).toContain('bodyLength');
  });
});

describeEachBackend('outbox over SMTP', (backend) => {
  let test: TestDatabase;
  let server: SMTPServer;
  let port: number;
  const received: { to: string[]; data: string }[] = [];
  beforeAll(async () => {
    test = await createTestDatabase(backend);
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await test.drop();
  });

  it('delivers e-mail to the SMTP server of SMTP_URL and then forgets the address', async () => {
    const config = testConfig({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Tarjotin <tarjotin@example.fi>' });
    const transports = createTransports(config, { info: () => {} });
    expect(transports.email?.name).toBe('smtp');
    const now = new Date('2026-11-28T10:00:00Z');
    const id = await enqueueMessage(test.db, { channel: 'email', recipient: 'vastaanottaja@example.fi', subject: 'Hyvinvointisuunnitelmasi', body: 'Liikuntaryhmä tiistaisin.', language: 'fi', purpose: 'guidance.plan', referenceId: null, now });
    expect((await dispatchOutbox({ db: test.db, clock: () => now }, transports)).sent).toBe(1);
    await transports.email!.close?.();
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual(['vastaanottaja@example.fi']);
    expect(received[0]!.data).toContain('Subject: Hyvinvointisuunnitelmasi');
    expect(received[0]!.data).toContain('From: Tarjotin <tarjotin@example.fi>');
    const rows = await test.db.query(`SELECT recipient, subject, body, status FROM outbox_messages WHERE id = $1`, [id]);
    expect(rows).toEqual([{ recipient: null, subject: null, body: null, status: 'sent' }]);
  });
});
