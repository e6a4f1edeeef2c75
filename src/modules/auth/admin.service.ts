/**
 * Admin use cases: users and their roles, identity-provider role mappings, organisations and the
 * audit log. Every change checks the policy and is audited in its own transaction; a record the
 * admin may not manage is "not found".
 */
import type { Deps } from '../../platform/deps.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { cleanLocalised, type LocalisedText } from '../../platform/localised.ts';
import { readAuditEvents, recordAudit } from '../audit/index.ts';
import { organisationTypes, upsertOrganisations, type OrganisationRecord, type OrganisationType } from '../catalog/index.ts';
import {
  adminRegions,
  canAdminister,
  canGrantRole,
  canManageOrganisation,
  canManageRoleMapping,
  canManageUser,
  canViewAuditLog,
} from './auth.policy.ts';
import { isRole, type Actor, type RoleGrant } from './auth.types.ts';
import { findAdminOrganisation, listAdminOrganisations, listMunicipalityAreas, listRegionAreas, type AdminOrganisationRow } from './admin.queries.ts';
import { deleteSessionsOfUser } from './session.queries.ts';
import {
  deleteRoleMapping,
  deleteUser,
  deleteUserRole,
  findRoleMapping,
  findUser,
  findUserRole,
  insertRoleMapping,
  insertUserRole,
  listRoleMappings,
  listUserRoles,
  listUsers,
  updateUserStatus,
} from './users.queries.ts';

function requireAdmin(actor: Actor | undefined): Actor {
  if (!actor || !canAdminister(actor)) throw new NotFoundError('admin');
  return actor;
}

export async function listUsersForAdmin(deps: Deps, actor: Actor) {
  requireAdmin(actor);
  return listUsers(deps.db, { regionCodes: adminRegions(actor), limit: 500 });
}

/** A user with roles; `manageable` tells whether the admin may change them (never themselves). */
export async function getUserForAdmin(deps: Deps, actor: Actor, userId: string) {
  requireAdmin(actor);
  const user = await findUser(deps.db, userId);
  if (!user) throw new NotFoundError('user');
  const roles = await listUserRoles(deps.db, userId);
  const grants = roles.map((r) => ({ role: r.role, organisationId: r.organisation_id, regionCode: r.region_code }));
  const manageable = canManageUser(actor, { id: user.id, roles: grants });
  if (!manageable && user.id !== actor.userId) throw new NotFoundError('user');
  return { user, roles, manageable };
}

async function manageableUser(deps: Deps, actor: Actor, userId: string) {
  const found = await getUserForAdmin(deps, actor, userId);
  if (!found.manageable) throw new NotFoundError('user');
  return found;
}

export interface RoleInput {
  role: string;
  regionCode: string;
  organisationId: string;
}

/** Turns form input into a role grant whose organisation exists in the chosen region. */
async function grantFromInput(deps: Deps, input: RoleInput): Promise<RoleGrant> {
  const fields: Record<string, string> = {};
  if (!isRole(input.role)) fields.role = 'auth.admin.error.role';
  const regionCode = input.regionCode || null;
  const organisationId = input.organisationId || null;
  if (input.role !== 'admin' && !regionCode) fields.regionCode = 'auth.admin.error.region';
  if (input.role !== 'admin' && !organisationId) fields.organisationId = 'auth.admin.error.organisation';
  if (organisationId) {
    const organisation = /^[0-9a-f-]{36}$/i.test(organisationId) ? await findAdminOrganisation(deps.db, organisationId) : undefined;
    if (!organisation || organisation.status !== 'active' || organisation.region_code !== regionCode) fields.organisationId = 'auth.admin.error.organisationRegion';
  }
  if (Object.keys(fields).length > 0) throw new ValidationError('the role is incomplete', fields);
  return { role: input.role as RoleGrant['role'], organisationId, regionCode };
}

export async function grantUserRole(deps: Deps, actor: Actor, userId: string, input: RoleInput): Promise<void> {
  await manageableUser(deps, actor, userId);
  const grant = await grantFromInput(deps, input);
  if (!canGrantRole(actor, grant)) throw new ValidationError('you may not grant this role', { role: 'auth.admin.error.notAllowed' });
  await deps.db.transaction(async (tx) => {
    const added = await insertUserRole(tx, { id: newId(), userId, grant, source: 'admin', now: deps.clock() });
    if (!added) throw new ValidationError('the user already has this role', { role: 'auth.admin.error.duplicateRole' });
    await recordAudit(tx, {
      at: deps.clock(),
      actorUserId: actor.userId,
      action: 'auth.role.granted',
      subjectType: 'user',
      subjectId: userId,
      organisationId: grant.organisationId,
      regionCode: grant.regionCode,
      details: { role: grant.role },
    });
  });
}

export async function revokeUserRole(deps: Deps, actor: Actor, userId: string, roleId: string): Promise<void> {
  await manageableUser(deps, actor, userId);
  const role = await findUserRole(deps.db, roleId);
  if (!role || role.user_id !== userId) throw new NotFoundError('role');
  if (!canGrantRole(actor, { role: role.role, organisationId: role.organisation_id, regionCode: role.region_code })) throw new NotFoundError('role');
  await deps.db.transaction(async (tx) => {
    await deleteUserRole(tx, roleId);
    await recordAudit(tx, {
      at: deps.clock(),
      actorUserId: actor.userId,
      action: 'auth.role.revoked',
      subjectType: 'user',
      subjectId: userId,
      organisationId: role.organisation_id,
      regionCode: role.region_code,
      details: { role: role.role, source: role.source },
    });
  });
}

/** Disabling a user also ends all their sessions at once. */
export async function setUserStatus(deps: Deps, actor: Actor, userId: string, status: 'active' | 'disabled'): Promise<void> {
  await manageableUser(deps, actor, userId);
  await deps.db.transaction(async (tx) => {
    const now = deps.clock();
    await updateUserStatus(tx, userId, status, now);
    const ended = status === 'disabled' ? await deleteSessionsOfUser(tx, userId) : 0;
    await recordAudit(tx, { at: now, actorUserId: actor.userId, action: status === 'disabled' ? 'auth.user.disabled' : 'auth.user.enabled', subjectType: 'user', subjectId: userId, details: { sessionsEnded: ended } });
  });
}

/** Deletes the user's personal data (name, e-mail, identity), roles and sessions. */
export async function deleteUserAccount(deps: Deps, actor: Actor, userId: string): Promise<void> {
  await manageableUser(deps, actor, userId);
  await deps.db.transaction(async (tx) => {
    await deleteUser(tx, userId);
    await recordAudit(tx, { at: deps.clock(), actorUserId: actor.userId, action: 'auth.user.deleted', subjectType: 'user', subjectId: userId });
  });
}

export async function listRoleMappingsForAdmin(deps: Deps, actor: Actor) {
  requireAdmin(actor);
  return listRoleMappings(deps.db, { regionCodes: adminRegions(actor) });
}

export async function createRoleMapping(deps: Deps, actor: Actor, input: RoleInput & { claimValue: string }): Promise<void> {
  requireAdmin(actor);
  const claimValue = input.claimValue.trim();
  let grant: RoleGrant | undefined;
  let fields: Record<string, string> = {};
  try {
    grant = await grantFromInput(deps, input);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    fields = { ...error.fields };
  }
  if (claimValue === '' || claimValue.length > 200) fields.claimValue = 'auth.admin.error.claimValue';
  if (Object.keys(fields).length > 0 || !grant) throw new ValidationError('the mapping is incomplete', fields);
  if (!canManageRoleMapping(actor, grant)) throw new ValidationError('you may not map to this role', { role: 'auth.admin.error.notAllowed' });
  await deps.db.transaction(async (tx) => {
    const id = newId();
    if (!(await insertRoleMapping(tx, { id, claimValue, grant: grant!, now: deps.clock() }))) {
      throw new ValidationError('the mapping exists', { claimValue: 'auth.admin.error.duplicateMapping' });
    }
    await recordAudit(tx, {
      at: deps.clock(),
      actorUserId: actor.userId,
      action: 'auth.role_mapping.created',
      subjectType: 'role_mapping',
      subjectId: id,
      organisationId: grant!.organisationId,
      regionCode: grant!.regionCode,
      details: { role: grant!.role, claimValue },
    });
  });
}

export async function removeRoleMapping(deps: Deps, actor: Actor, id: string): Promise<void> {
  requireAdmin(actor);
  const mapping = await findRoleMapping(deps.db, id);
  if (!mapping || !canManageRoleMapping(actor, { role: mapping.role, organisationId: mapping.organisation_id, regionCode: mapping.region_code })) {
    throw new NotFoundError('role mapping');
  }
  await deps.db.transaction(async (tx) => {
    await deleteRoleMapping(tx, id);
    await recordAudit(tx, {
      at: deps.clock(),
      actorUserId: actor.userId,
      action: 'auth.role_mapping.deleted',
      subjectType: 'role_mapping',
      subjectId: id,
      organisationId: mapping.organisation_id,
      regionCode: mapping.region_code,
      details: { role: mapping.role, claimValue: mapping.claim_value },
    });
  });
}

/** Regions and municipalities the admin works with (for selects). */
export async function adminAreas(deps: Deps, actor: Actor) {
  requireAdmin(actor);
  const scope = adminRegions(actor);
  const [regions, municipalities] = await Promise.all([listRegionAreas(deps.db), listMunicipalityAreas(deps.db)]);
  const inScope = (code: string | null) => scope === 'all' || (code !== null && scope.includes(code));
  return { regions: regions.filter((r) => inScope(r.code)), municipalities: municipalities.filter((m) => inScope(m.region_code)) };
}

export async function listOrganisationsForAdmin(deps: Deps, actor: Actor, filter: { regionCode?: string; text?: string; activeOnly?: boolean }) {
  requireAdmin(actor);
  return listAdminOrganisations(deps.db, { regionCodes: adminRegions(actor), ...filter, limit: 300 });
}

/** Imported organisations are edited at their source (PTV ...): here only their status changes. */
export function isLocallyEditable(organisation: Pick<AdminOrganisationRow, 'source'>): boolean {
  return organisation.source === 'manual' || organisation.source === 'demo';
}

export async function getOrganisationForAdmin(deps: Deps, actor: Actor, id: string) {
  requireAdmin(actor);
  const organisation = /^[0-9a-f-]{36}$/i.test(id) ? await findAdminOrganisation(deps.db, id) : undefined;
  if (!organisation || !canManageOrganisation(actor, { regionCode: organisation.region_code })) throw new NotFoundError('organisation');
  return organisation;
}

export interface OrganisationInput {
  nameFi: string;
  nameSv: string;
  nameEn: string;
  type: string;
  businessId: string;
  regionCode: string;
  municipalityCode: string;
  website: string;
  email: string;
  phone: string;
  status: string;
}

/** Y-tunnus: seven digits, a hyphen and the check digit (weights 7, 9, 10, 5, 8, 4, 2 modulo 11). */
export function isValidBusinessId(value: string): boolean {
  const match = /^(\d{7})-(\d)$/.exec(value);
  if (!match) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2];
  const remainder = [...match[1]!].reduce((sum, digit, i) => sum + Number(digit) * weights[i]!, 0) % 11;
  if (remainder === 1) return false;
  return (remainder === 0 ? 0 : 11 - remainder) === Number(match[2]);
}

async function organisationFields(deps: Deps, input: OrganisationInput) {
  const fields: Record<string, string> = {};
  const name: LocalisedText = cleanLocalised({ fi: input.nameFi, sv: input.nameSv, en: input.nameEn });
  if (!name.fi && !name.sv) fields.nameFi = 'auth.admin.error.name';
  if (!(organisationTypes as readonly string[]).includes(input.type)) fields.type = 'auth.admin.error.type';
  const businessId = input.businessId.trim();
  if (businessId && !isValidBusinessId(businessId)) fields.businessId = 'auth.admin.error.businessId';
  const areas = await listMunicipalityAreas(deps.db);
  const regions = await listRegionAreas(deps.db);
  if (!regions.some((r) => r.code === input.regionCode)) fields.regionCode = 'auth.admin.error.region';
  const municipality = input.municipalityCode ? areas.find((m) => m.code === input.municipalityCode) : undefined;
  if (input.municipalityCode && (!municipality || municipality.region_code !== input.regionCode)) fields.municipalityCode = 'auth.admin.error.municipality';
  const website = input.website.trim();
  if (website && !/^https?:\/\/[^\s]+$/.test(website)) fields.website = 'auth.admin.error.website';
  const email = input.email.trim();
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) fields.email = 'auth.admin.error.email';
  const phone = input.phone.trim();
  if (phone && !/^\+?[0-9 ()-]{5,20}$/.test(phone)) fields.phone = 'auth.admin.error.phone';
  if (input.status !== 'active' && input.status !== 'archived') fields.status = 'auth.admin.error.status';
  if (Object.keys(fields).length > 0) throw new ValidationError('the organisation is incomplete', fields);
  return {
    name,
    type: input.type as OrganisationType,
    businessId: businessId || null,
    regionCode: input.regionCode,
    municipalityCode: input.municipalityCode || null,
    website: website || null,
    email: email || null,
    phone: phone || null,
    status: input.status as 'active' | 'archived',
  };
}

export async function createOrganisation(deps: Deps, actor: Actor, input: OrganisationInput): Promise<string> {
  requireAdmin(actor);
  const values = await organisationFields(deps, input);
  if (!canManageOrganisation(actor, { regionCode: values.regionCode })) throw new ValidationError('outside your regions', { regionCode: 'auth.admin.error.notAllowed' });
  const id = newId();
  const record: OrganisationRecord = {
    id,
    ...values,
    description: {},
    parentId: null,
    provenance: { source: 'manual', sourceId: null, sourceModified: null, payloadHash: null },
  };
  await deps.db.transaction(async (tx) => {
    await upsertOrganisations(tx, [record]);
    await recordAudit(tx, { at: deps.clock(), actorUserId: actor.userId, action: 'auth.organisation.created', subjectType: 'organisation', subjectId: id, organisationId: id, regionCode: values.regionCode });
  });
  return id;
}

export async function updateOrganisation(deps: Deps, actor: Actor, id: string, input: OrganisationInput): Promise<void> {
  const current = await getOrganisationForAdmin(deps, actor, id);
  let values: Awaited<ReturnType<typeof organisationFields>>;
  if (isLocallyEditable(current)) {
    values = await organisationFields(deps, input);
    if (!canManageOrganisation(actor, { regionCode: values.regionCode })) throw new ValidationError('outside your regions', { regionCode: 'auth.admin.error.notAllowed' });
  } else {
    if (input.status !== 'active' && input.status !== 'archived') throw new ValidationError('bad status', { status: 'auth.admin.error.status' });
    values = {
      name: current.name,
      type: current.type as OrganisationType,
      businessId: current.business_id,
      regionCode: current.region_code ?? '',
      municipalityCode: current.municipality_code,
      website: current.website,
      email: current.email,
      phone: current.phone,
      status: input.status,
    };
  }
  const changed = (Object.keys(values) as (keyof typeof values)[]).filter((key) => {
    const before = { name: current.name, type: current.type, businessId: current.business_id, regionCode: current.region_code ?? '', municipalityCode: current.municipality_code, website: current.website, email: current.email, phone: current.phone, status: current.status }[key];
    return JSON.stringify(before) !== JSON.stringify(values[key]);
  });
  if (changed.length === 0) return;
  const record: OrganisationRecord = {
    id,
    ...values,
    regionCode: values.regionCode || null,
    description: current.description,
    parentId: current.parent_id,
    provenance: { source: current.source as OrganisationRecord['provenance']['source'], sourceId: current.source_id, sourceModified: current.source_modified, payloadHash: current.payload_hash },
  };
  await deps.db.transaction(async (tx) => {
    await upsertOrganisations(tx, [record]);
    await recordAudit(tx, { at: deps.clock(), actorUserId: actor.userId, action: 'auth.organisation.updated', subjectType: 'organisation', subjectId: id, organisationId: id, regionCode: record.regionCode, details: { fields: changed } });
  });
}

export async function listAuditForAdmin(deps: Deps, actor: Actor, filter: { beforeId?: number }) {
  if (!canViewAuditLog(actor)) throw new NotFoundError('audit log');
  const scope = adminRegions(actor);
  if (scope === 'all') return readAuditEvents(deps.db, { limit: 100, ...filter });
  // A regional admin sees the events of their regions (one query per region, merged).
  const lists = await Promise.all(scope.map((regionCode) => readAuditEvents(deps.db, { regionCode, limit: 100, ...filter })));
  return lists.flat().sort((a, b) => b.id - a.id).slice(0, 100);
}
