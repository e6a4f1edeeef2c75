/** The quality module's configuration block (AUDIT_*). */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.ts';

describe('audit configuration', () => {
  it('defaults to a daily audit without the link check', () => {
    expect(loadConfig({})).toMatchObject({ auditIntervalHours: 24, auditLinkCheck: false, auditLinkConcurrency: 8, auditLinkTimeoutSeconds: 10 });
  });

  it('reads the variables and reports bad values by name', () => {
    expect(loadConfig({ AUDIT_INTERVAL_HOURS: '0', AUDIT_LINK_CHECK: 'on', AUDIT_LINK_CONCURRENCY: '3', AUDIT_LINK_TIMEOUT_SECONDS: '5' })).toMatchObject({
      auditIntervalHours: 0,
      auditLinkCheck: true,
      auditLinkConcurrency: 3,
      auditLinkTimeoutSeconds: 5,
    });
    try {
      loadConfig({ AUDIT_INTERVAL_HOURS: 'daily', AUDIT_LINK_CHECK: 'yes', AUDIT_LINK_CONCURRENCY: '0' });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        'AUDIT_INTERVAL_HOURS must be a whole number from 0 to 720, got "daily"',
        'AUDIT_LINK_CHECK must be one of off, on, got "yes"',
        'AUDIT_LINK_CONCURRENCY must be a whole number from 1 to 64, got "0"',
      ]);
    }
  });
});
