/**
 * Seeded users for development sign-in (DEV_LOGIN=on): one per role, placed in organisations of
 * the demo tray (Pirkanmaa, and Ostrobothnia for a Swedish-speaking professional). Without a
 * demo tray a small development organisation is created instead.
 */
import type { Deps } from '../../platform/deps.ts';
import { newId, stableId } from '../../platform/ids.ts';
import { recordAudit } from '../audit/index.ts';
import { upsertOrganisations } from '../catalog/index.ts';
import type { Role, RoleGrant } from './auth.types.ts';
import {
  deleteUserRolesFromSource,
  findBusiestOrganisation,
  findUserByDevKey,
  insertUser,
  insertUserRole,
  listDevUsers,
  type DevUserRow,
} from './users.queries.ts';

interface DevUserSpec {
  key: string;
  name: string;
  role: Role;
  /** null: a national admin */
  place: { regionCode: string; municipalityCode?: string; types: string[] } | null;
}

export const devUserSpecs: readonly DevUserSpec[] = [
  { key: 'admin', name: 'Aki Ylläpitäjä', role: 'admin', place: null },
  { key: 'coordinator', name: 'Kaisa Koordinaattori', role: 'coordinator', place: { regionCode: '08', types: ['welfare_region'] } },
  { key: 'professional', name: 'Paula Palveluohjaaja', role: 'professional', place: { regionCode: '08', types: ['welfare_region'] } },
  { key: 'professional_sv', name: 'Sara Servicehandledare', role: 'professional', place: { regionCode: '17', types: ['welfare_region'] } },
  { key: 'provider', name: 'Pekka Palveluntuottaja', role: 'provider', place: { regionCode: '08', municipalityCode: '837', types: ['ngo', 'municipality', 'parish'] } },
];

/** Creates the development users (once) and refreshes their roles. Only when DEV_LOGIN is on. */
export async function ensureDevUsers(deps: Deps): Promise<DevUserRow[]> {
  if (!deps.config.devLogin) return [];
  await deps.db.transaction(async (tx) => {
    const now = deps.clock();
    for (const spec of devUserSpecs) {
      let grant: RoleGrant = { role: spec.role, organisationId: null, regionCode: null };
      if (spec.place) {
        let organisation = await findBusiestOrganisation(tx, spec.place);
        if (!organisation) {
          const id = stableId('dev:organisation', spec.place.regionCode);
          await upsertOrganisations(tx, [
            {
              id,
              type: 'other',
              name: { fi: 'Kehitysympäristön organisaatio', sv: 'Utvecklingsmiljöns organisation', en: 'Development organisation' },
              description: {},
              businessId: null,
              regionCode: spec.place.regionCode,
              municipalityCode: spec.place.municipalityCode ?? null,
              parentId: null,
              website: null,
              email: null,
              phone: null,
              status: 'active',
              provenance: { source: 'manual', sourceId: null, sourceModified: null, payloadHash: null },
            },
          ]);
          organisation = { id, region_code: spec.place.regionCode };
        }
        grant = { role: spec.role, organisationId: organisation.id, regionCode: organisation.region_code };
      }
      let user = await findUserByDevKey(tx, spec.key);
      if (!user) {
        const id = newId();
        await insertUser(tx, { id, displayName: spec.name, email: null, oidcIssuer: null, oidcSubject: null, devKey: spec.key, now });
        await recordAudit(tx, { at: now, actorUserId: null, action: 'auth.user.created', subjectType: 'user', subjectId: id, details: { method: 'dev', devKey: spec.key } });
        user = (await findUserByDevKey(tx, spec.key))!;
      }
      await deleteUserRolesFromSource(tx, user.id, 'dev');
      await insertUserRole(tx, { id: newId(), userId: user.id, grant, source: 'dev', now });
    }
  });
  return listDevUsers(deps.db);
}
