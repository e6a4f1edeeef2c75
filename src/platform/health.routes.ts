import { migrationStatus } from '../db/index.ts';
import type { Deps } from './deps.ts';
import type { App } from './http.ts';
import { Type } from 'typebox';

const HealthResponse = Type.Object({ status: Type.String(), detail: Type.Optional(Type.String()) });

export function registerHealthRoutes(app: App, deps: Deps): void {
  app.get(
    '/healthz',
    { schema: { tags: ['health'], summary: 'The process is up', response: { 200: HealthResponse } } },
    async () => ({ status: 'ok' }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['health'],
        summary: 'The database is reachable and every migration is applied',
        response: { 200: HealthResponse, 503: HealthResponse },
      },
    },
    async (_request, reply) => {
      try {
        const status = await migrationStatus(deps.db);
        if (status.pending.length > 0 || status.changed.length > 0) {
          return reply.status(503).send({ status: 'not_ready', detail: `pending migrations: ${status.pending.join(', ')}` });
        }
        return { status: 'ready' };
      } catch {
        return reply.status(503).send({ status: 'not_ready', detail: 'database unreachable' });
      }
    },
  );
}
