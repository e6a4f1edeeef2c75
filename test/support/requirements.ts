/**
 * Tests that need something a fresh machine lacks (a PostgreSQL server, Chromium, Voikko) are
 * skipped with the reason in their title. In CI (`TARJOTIN_REQUIRE_ALL=1`, set by .ci/run)
 * nothing may be skipped: a missing requirement fails the run instead.
 */
export function skipReason(requirement: string, available: boolean, why: string): string | undefined {
  if (available) return undefined;
  if (process.env.TARJOTIN_REQUIRE_ALL === '1') {
    throw new Error(`${requirement} is required in CI but missing: ${why}`);
  }
  return `skipped: ${why}`;
}
