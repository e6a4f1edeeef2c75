/**
 * Keeping the search index current. Every writer of catalogue services (demo loader, PTV
 * import, provider self-service, CSV import, moderation) calls `reindexServices` with the ids it
 * changed, in the same transaction as the change.
 *
 * The analysed full-text index lands with the search issue; until then the provisional matcher
 * reads the catalogue tables directly and there is nothing to refresh.
 */
import type { Queryable } from '../../db/index.ts';

export async function reindexServices(_q: Queryable, _serviceIds: readonly string[]): Promise<void> {
  // Intentionally empty until the analysed index exists (see the module README).
}
