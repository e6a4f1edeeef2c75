/**
 * The scheduled audit. Every instance ticks; the one whose UPDATE moves the schedule row's
 * `next_run_at` forward runs the audit of each region with services (stateless across
 * instances: the database decides). The clock is injected.
 */
import type { Deps } from '../../platform/deps.ts';
import { claimSchedule, deleteOldFindings, failInterruptedRuns, listRegionsWithServices } from './quality.queries.ts';

/** Findings of this many newest runs per scope are kept; older runs keep only their scorecards. */
export const findingsKeptRuns = 10;
import { runAudit, type AuditRunResult } from './quality.service.ts';

const scheduleName = 'audit';

/** Runs the scheduled audits when due and claimed by this instance; returns the runs made. */
export async function runScheduledAuditIfDue(deps: Deps, options: { fetch?: typeof fetch } = {}): Promise<AuditRunResult[]> {
  const hours = deps.config.auditIntervalHours;
  if (hours <= 0) return [];
  const now = deps.clock();
  const claimed = await claimSchedule(deps.db, scheduleName, now, new Date(now.getTime() + hours * 3_600_000));
  if (!claimed) return [];
  await failInterruptedRuns(deps.db, new Date(now.getTime() - 6 * 3_600_000), now);
  const results: AuditRunResult[] = [];
  for (const regionCode of await listRegionsWithServices(deps.db)) {
    results.push(await runAudit(deps, { regionCode, trigger: 'schedule', ...(options.fetch ? { fetch: options.fetch } : {}) }));
  }
  await deleteOldFindings(deps.db, findingsKeptRuns);
  return results;
}

export interface AuditScheduler {
  stop(): Promise<void>;
}

/** Ticks every `tickMs` (default a minute); a failed audit is reported and retried at the next interval. */
export function startAuditScheduler(
  deps: Deps,
  options: { tickMs?: number; onError?: (error: unknown) => void; onReport?: (runs: AuditRunResult[]) => void } = {},
): AuditScheduler {
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = runScheduledAuditIfDue(deps)
      .then((runs) => {
        if (runs.length > 0) options.onReport?.(runs);
      })
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, options.tickMs ?? 60_000);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
