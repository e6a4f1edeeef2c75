/**
 * The `tarjotin` command line. Each command opens the configured database (the same
 * configuration as the server), does its work with progress on stderr, and exits non-zero on
 * failure. Commands are listed here by hand.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { prepareDatabase } from '../bootstrap.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { DatabaseUnavailableError, migrate, openDatabase } from '../db/index.ts';
import { systemClock, type Deps } from '../platform/deps.ts';
import { DomainError } from '../platform/errors.ts';
import { createProgress } from '../platform/progress.ts';
import { loadPostalCodes, syncReferenceData } from '../modules/catalog/index.ts';
import { defaultDemoOptions, loadDemoData } from '../modules/demo/index.ts';
import { ImportUsageError, importUsage, runImportCommand } from '../modules/ingest/ptv/index.ts';
import { runSearchCommand, searchCommandUsage } from '../modules/search/search.cli.ts';
import { AuditUsageError, runAuditCommand } from '../modules/quality/index.ts';
import { runReviewReminders } from '../modules/providers/index.ts';
import { referralsCommand } from '../modules/referrals/index.ts';

export interface Command {
  summary: string;
  usage: string;
  run(deps: Deps, args: string[]): Promise<number>;
}

function integerOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number`);
  return Number(value);
}

export class UsageError extends Error {}

const commands: Record<string, Command> = {
  migrate: {
    summary: 'apply pending database migrations and sync reference data',
    usage: 'tarjotin migrate',
    async run(deps) {
      const applied = await migrate(deps.db);
      const { changed } = await syncReferenceData(deps.db);
      process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'migrations: up to date\n');
      if (changed.length) process.stdout.write(`reference data updated: ${changed.join(', ')}\n`);
      return 0;
    },
  },
  'demo-data': {
    summary: 'generate and load the demo tray (deterministic for a seed)',
    usage: 'tarjotin demo-data [--seed N] [--count N] [--anchor-date YYYY-MM-DD]',
    async run(deps, args) {
      const { values } = parseArgs({ args, options: { seed: { type: 'string' }, count: { type: 'string' }, 'anchor-date': { type: 'string' } } });
      const anchor = values['anchor-date'];
      if (anchor !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(anchor)) throw new UsageError('--anchor-date must be YYYY-MM-DD');
      await prepareDatabase(deps, { demoData: false });
      const result = await loadDemoData(
        deps,
        {
          seed: integerOption(values.seed, 'seed', defaultDemoOptions.seed),
          count: integerOption(values.count, 'count', defaultDemoOptions.count),
          ...(anchor ? { anchorDate: anchor } : {}),
        },
        createProgress(),
      );
      process.stdout.write(
        `demo tray loaded: ${result.services} activities, ${result.organisations} organisations, ${result.events} events (anchor ${result.anchorDate})\n`,
      );
      return 0;
    },
  },
  audit: {
    summary: 'audit the data quality of the catalogue (one region or all) and store a scorecard',
    usage: 'tarjotin audit run [--region CODE] [--link-check on|off]',
    async run(deps, args) {
      await prepareDatabase(deps, { demoData: false });
      try {
        return await runAuditCommand(deps, args);
      } catch (error) {
        if (error instanceof AuditUsageError) throw new UsageError(error.message);
        throw error;
      }
    },
  },
  'load-postal-codes': {
    summary: 'load postal codes from a CSV file: code;municipality_code[;lat;lon]',
    usage: 'tarjotin load-postal-codes FILE',
    async run(deps, args) {
      const file = args[0];
      if (!file) throw new UsageError('give the CSV file to load');
      await prepareDatabase(deps, { demoData: false });
      const result = await loadPostalCodes(deps.db, readFileSync(file, 'utf8'), createProgress());
      process.stdout.write(`loaded ${result.loaded} postal codes (${result.coarse} with the municipality centroid only)\n`);
      for (const rejected of result.rejected) {
        process.stdout.write(`rejected line ${rejected.line}: ${rejected.reason}: ${rejected.text}\n`);
      }
      return result.rejected.length > 0 ? 2 : 0;
    },
  },
  import: {
    summary: 'import from the PTV Service Catalogue (full or incremental), or list import runs',
    usage: importUsage,
    async run(deps, args) {
      await prepareDatabase(deps, { demoData: false });
      try {
        return await runImportCommand(deps, args, createProgress(), (line) => process.stdout.write(`${line}\n`));
      } catch (error) {
        if (error instanceof ImportUsageError) throw new UsageError(error.message);
        throw error;
      }
    },
  },
  search: {
    summary: 'rebuild the search index (Finnish analysis per SEARCH_ANALYSER, in a worker thread)',
    usage: searchCommandUsage,
    async run(deps, args) {
      await prepareDatabase(deps, { demoData: false });
      const code = await runSearchCommand(deps, args, createProgress(), process.stdout);
      if (code === undefined) throw new UsageError(`usage: ${searchCommandUsage}`);
      return code;
    },
  },
  'review-reminders': {
    summary: 'queue review reminders and update "may be out of date" / hidden (the server does it hourly)',
    usage: 'tarjotin review-reminders',
    async run(deps) {
      await prepareDatabase(deps, { demoData: false });
      const report = await runReviewReminders(deps);
      process.stdout.write(`reminders queued: ${report.remindersQueued}; changed: ${Object.entries(report.changed).map(([state, n]) => `${state} ${n}`).join(', ')}
`);
      return 0;
    },
  },
  referrals: referralsCommand,
};

function help(): string {
  const lines = Object.values(commands).map((c) => `  ${c.usage.padEnd(60)} ${c.summary}`);
  return `Usage: tarjotin <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nConfiguration comes from the environment (see README).\n`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(help());
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`tarjotin: unknown command "${name}"\n\n${help()}`);
    return 1;
  }
  let db;
  try {
    const config = loadConfig();
    db = await openDatabase(config);
    return await command.run({ config, db, clock: systemClock }, args);
  } catch (error) {
    if (error instanceof ConfigError) error.problems.forEach((p) => process.stderr.write(`tarjotin: ${p}\n`));
    else if (error instanceof DatabaseUnavailableError || error instanceof UsageError || error instanceof DomainError) {
      // bad input named by a service (unknown id, invalid value): one line, not a stack trace
      process.stderr.write(`tarjotin: ${error.message}\n`);
    }
    else throw error;
    return 1;
  } finally {
    await db?.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
