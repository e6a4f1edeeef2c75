import type { Config } from '../config.ts';
import type { Db } from '../db/index.ts';

/** The clock is injected so that reminders, retention and tests can control time. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** What every service function may use. Modules add their own dependencies next to these. */
export interface Deps {
  config: Config;
  db: Db;
  clock: Clock;
}
