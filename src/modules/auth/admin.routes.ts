/** Admin pages (admin role): users and roles, role mappings, organisations, audit log. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { App } from '../../platform/http.ts';
import { ValidationError } from '../../platform/errors.ts';
import type { LocalisedText } from '../../platform/localised.ts';
import { organisationTypes } from '../catalog/index.ts';
import { adminRegions, isNationalAdmin } from './auth.policy.ts';
import { currentActor, requireRole } from './auth.http.ts';
import type { AuthDeps } from './auth.routes.ts';
import type { Actor } from './auth.types.ts';
import { roles } from './auth.types.ts';
import {
  adminAreas,
  createOrganisation,
  createRoleMapping,
  deleteUserAccount,
  getOrganisationForAdmin,
  getUserForAdmin,
  grantUserRole,
  isLocallyEditable,
  listAuditForAdmin,
  listOrganisationsForAdmin,
  listRoleMappingsForAdmin,
  listUsersForAdmin,
  removeRoleMapping,
  revokeUserRole,
  setUserStatus,
  updateOrganisation,
  type OrganisationInput,
} from './admin.service.ts';
import { AdminHomePage, AuditPage, OrganisationFormPage, OrganisationsPage, RoleMappingsPage, UserPage, UsersPage, type FormErrors } from './admin.views.tsx';

const Lang = Type.Union([Type.Literal('fi'), Type.Literal('sv'), Type.Literal('en')]);
const LangParams = Type.Object({ lang: Lang });
const Id = Type.String({ format: 'uuid' });
const RegionQuery = Type.Object({ region: Type.Optional(Type.String({ pattern: '^[0-9]{2}$' })), saved: Type.Optional(Type.Literal('1')) });
const RoleBody = Type.Object({
  role: Type.String({ maxLength: 20 }),
  regionCode: Type.String({ maxLength: 2 }),
  organisationId: Type.String({ maxLength: 36 }),
});
const OrganisationBody = Type.Object({
  nameFi: Type.String({ maxLength: 200, default: '' }),
  nameSv: Type.String({ maxLength: 200, default: '' }),
  nameEn: Type.String({ maxLength: 200, default: '' }),
  type: Type.String({ maxLength: 30, default: '' }),
  businessId: Type.String({ maxLength: 9, default: '' }),
  regionCode: Type.String({ maxLength: 2, default: '' }),
  municipalityCode: Type.String({ maxLength: 3, default: '' }),
  website: Type.String({ maxLength: 500, default: '' }),
  email: Type.String({ maxLength: 320, default: '' }),
  phone: Type.String({ maxLength: 20, default: '' }),
  status: Type.String({ maxLength: 10, default: 'active' }),
});

const guard = requireRole('admin');

function actorOf(request: FastifyRequest): Actor {
  return currentActor(request)!;
}

/** Roles this admin may hand out (only a national admin hands out admin). */
function allowedRoles(actor: Actor): string[] {
  return roles.filter((role) => role !== 'admin' || isNationalAdmin(actor));
}

async function areaContext(deps: AuthDeps, actor: Actor) {
  const areas = await adminAreas(deps, actor);
  const regionNames = new Map<string, LocalisedText>((await adminAreasAll(deps, actor)).map((r) => [r.code, r.name]));
  return { ...areas, regionNames };
}

/** Names of every region (roles of a user may lie outside the admin's own regions). */
async function adminAreasAll(deps: AuthDeps, actor: Actor) {
  const national = { ...actor, roles: [{ role: 'admin' as const, organisationId: null, regionCode: null }] };
  return (await adminAreas(deps, national)).regions;
}

export function registerAdminRoutes(app: App, deps: AuthDeps): void {
  app.get('/:lang/admin', { schema: { hide: true, params: LangParams }, preHandler: guard }, async (request, reply) => {
    const ctx = await deps.pages.context(request, reply);
    return deps.pages.send(reply, AdminHomePage({ ctx, national: isNationalAdmin(actorOf(request)) }));
  });

  app.get('/:lang/admin/users', { schema: { hide: true, params: LangParams }, preHandler: guard }, async (request, reply) => {
    const actor = actorOf(request);
    const ctx = await deps.pages.context(request, reply);
    const users = await listUsersForAdmin(deps, actor);
    return deps.pages.send(reply, UsersPage({ ctx, users, regionNames: (await areaContext(deps, actor)).regionNames }));
  });

  async function renderUser(request: FastifyRequest, reply: FastifyReply, userId: string, region: string | undefined, form: { values?: Record<string, string>; errors?: FormErrors; saved?: boolean } = {}, status = 200) {
    const actor = actorOf(request);
    const ctx = await deps.pages.context(request, reply);
    const found = await getUserForAdmin(deps, actor, userId);
    const areas = await areaContext(deps, actor);
    const scope = adminRegions(actor);
    const chosen = region && (scope === 'all' || scope.includes(region)) ? region : scope === 'all' ? undefined : scope[0];
    const organisations = chosen ? await listOrganisationsForAdmin(deps, actor, { regionCode: chosen, activeOnly: true }) : [];
    return deps.pages.send(
      reply,
      UserPage({ ctx, ...found, regionNames: areas.regionNames, regions: areas.regions, region: chosen, organisations, allowedRoles: allowedRoles(actor), ...form }),
      status,
    );
  }

  app.get(
    '/:lang/admin/users/:id',
    { schema: { hide: true, params: Type.Object({ lang: Lang, id: Id }), querystring: RegionQuery }, preHandler: guard },
    async (request, reply) => renderUser(request, reply, request.params.id, request.query.region, { saved: request.query.saved === '1' }),
  );

  app.post(
    '/:lang/admin/users/:id/roles',
    { schema: { hide: true, params: Type.Object({ lang: Lang, id: Id }), body: RoleBody }, preHandler: guard },
    async (request, reply) => {
      const { lang, id } = request.params;
      try {
        await grantUserRole(deps, actorOf(request), id, request.body);
      } catch (error) {
        if (error instanceof ValidationError) return renderUser(request, reply, id, request.body.regionCode || undefined, { values: request.body, errors: error.fields }, 400);
        throw error;
      }
      return reply.redirect(`/${lang}/admin/users/${id}?saved=1`, 303);
    },
  );

  app.post(
    '/:lang/admin/users/:id/roles/:roleId/remove',
    { schema: { hide: true, params: Type.Object({ lang: Lang, id: Id, roleId: Id }) }, preHandler: guard },
    async (request, reply) => {
      const { lang, id, roleId } = request.params;
      await revokeUserRole(deps, actorOf(request), id, roleId);
      return reply.redirect(`/${lang}/admin/users/${id}?saved=1`, 303);
    },
  );

  app.post(
    '/:lang/admin/users/:id/status',
    { schema: { hide: true, params: Type.Object({ lang: Lang, id: Id }), body: Type.Object({ status: Type.Union([Type.Literal('active'), Type.Literal('disabled')]) }) }, preHandler: guard },
    async (request, reply) => {
      const { lang, id } = request.params;
      await setUserStatus(deps, actorOf(request), id, request.body.status);
      return reply.redirect(`/${lang}/admin/users/${id}?saved=1`, 303);
    },
  );

  app.post(
    '/:lang/admin/users/:id/delete',
    { schema: { hide: true, params: Type.Object({ lang: Lang, id: Id }), body: Type.Object({ confirm: Type.Optional(Type.String({ maxLength: 3 })) }) }, preHandler: guard },
    async (request, reply) => {
      const { lang, id } = request.params;
      if (request.body.confirm !== 'yes') return reply.redirect(`/${lang}/admin/users/${id}`, 303);
      await deleteUserAccount(deps, actorOf(request), id);
      return reply.redirect(`/${lang}/admin/users`, 303);
    },
  );

  async function renderMappings(request: FastifyRequest, reply: FastifyReply, region: string | undefined, form: { values?: Record<string, string>; errors?: FormErrors } = {}, status = 200) {
    const actor = actorOf(request);
    const ctx = await deps.pages.context(request, reply);
    const areas = await areaContext(deps, actor);
    const scope = adminRegions(actor);
    const chosen = region && (scope === 'all' || scope.includes(region)) ? region : scope === 'all' ? undefined : scope[0];
    const organisations = chosen ? await listOrganisationsForAdmin(deps, actor, { regionCode: chosen, activeOnly: true }) : [];
    const mappings = await listRoleMappingsForAdmin(deps, actor);
    return deps.pages.send(
      reply,
      RoleMappingsPage({ ctx, mappings, regionNames: areas.regionNames, regions: areas.regions, region: chosen, organisations, allowedRoles: allowedRoles(actor), roleClaim: deps.config.oidc?.roleClaim, ...form }),
      status,
    );
  }

  app.get('/:lang/admin/role-mappings', { schema: { hide: true, params: LangParams, querystring: RegionQuery }, preHandler: guard }, async (request, reply) =>
    renderMappings(request, reply, request.query.region),
  );

  app.post(
    '/:lang/admin/role-mappings',
    { schema: { hide: true, params: LangParams, body: Type.Intersect([RoleBody, Type.Object({ claimValue: Type.String({ maxLength: 300 }) })]) }, preHandler: guard },
    async (request, reply) => {
      try {
        await createRoleMapping(deps, actorOf(request), request.body);
      } catch (error) {
        if (error instanceof ValidationError) return renderMappings(request, reply, request.body.regionCode || undefined, { values: request.body, errors: error.fields }, 400);
        throw error;
      }
      return reply.redirect(`/${request.params.lang}/admin/role-mappings`, 303);
    },
  );

  app.post('/:lang/admin/role-mappings/:id/remove', { schema: { hide: true, params: Type.Object({ lang: Lang, id: Id }) }, preHandler: guard }, async (request, reply) => {
    await removeRoleMapping(deps, actorOf(request), request.params.id);
    return reply.redirect(`/${request.params.lang}/admin/role-mappings`, 303);
  });

  app.get(
    '/:lang/admin/organisations',
    { schema: { hide: true, params: LangParams, querystring: Type.Object({ region: Type.Optional(Type.String({ maxLength: 2 })), q: Type.Optional(Type.String({ maxLength: 100 })) }) }, preHandler: guard },
    async (request, reply) => {
      const actor = actorOf(request);
      const ctx = await deps.pages.context(request, reply);
      const areas = await areaContext(deps, actor);
      const region = request.query.region || undefined;
      const q = request.query.q?.trim() || undefined;
      const organisations = await listOrganisationsForAdmin(deps, actor, { ...(region ? { regionCode: region } : {}), ...(q ? { text: q } : {}) });
      return deps.pages.send(reply, OrganisationsPage({ ctx, organisations, regions: areas.regions, regionNames: areas.regionNames, filter: { region, q } }));
    },
  );

  async function renderOrganisationForm(
    request: FastifyRequest,
    reply: FastifyReply,
    input: { organisationId: string | undefined; editable: boolean; source: string; values: Record<string, string>; errors?: FormErrors; saved?: boolean },
    status = 200,
  ) {
    const actor = actorOf(request);
    const ctx = await deps.pages.context(request, reply);
    const areas = await areaContext(deps, actor);
    return deps.pages.send(
      reply,
      OrganisationFormPage({ ctx, ...input, types: organisationTypes, regions: areas.regions, municipalities: areas.municipalities, regionNames: areas.regionNames }),
      status,
    );
  }

  app.get('/:lang/admin/organisations/new', { schema: { hide: true, params: LangParams }, preHandler: guard }, async (request, reply) =>
    renderOrganisationForm(request, reply, { organisationId: undefined, editable: true, source: 'manual', values: { type: 'ngo', status: 'active' } }),
  );

  app.post('/:lang/admin/organisations', { schema: { hide: true, params: LangParams, body: OrganisationBody }, preHandler: guard }, async (request, reply) => {
    try {
      const id = await createOrganisation(deps, actorOf(request), request.body as OrganisationInput);
      return reply.redirect(`/${request.params.lang}/admin/organisations/${id}?saved=1`, 303);
    } catch (error) {
      if (error instanceof ValidationError) {
        return renderOrganisationForm(request, reply, { organisationId: undefined, editable: true, source: 'manual', values: request.body, errors: error.fields }, 400);
      }
      throw error;
    }
  });

  app.get(
    '/:lang/admin/organisations/:id',
    { schema: { hide: true, params: Type.Object({ lang: Lang, id: Id }), querystring: Type.Object({ saved: Type.Optional(Type.Literal('1')) }) }, preHandler: guard },
    async (request, reply) => {
      const organisation = await getOrganisationForAdmin(deps, actorOf(request), request.params.id);
      const values = {
        nameFi: organisation.name.fi ?? '',
        nameSv: organisation.name.sv ?? '',
        nameEn: organisation.name.en ?? '',
        type: organisation.type,
        businessId: organisation.business_id ?? '',
        regionCode: organisation.region_code ?? '',
        municipalityCode: organisation.municipality_code ?? '',
        website: organisation.website ?? '',
        email: organisation.email ?? '',
        phone: organisation.phone ?? '',
        status: organisation.status,
      };
      return renderOrganisationForm(request, reply, { organisationId: organisation.id, editable: isLocallyEditable(organisation), source: organisation.source, values, saved: request.query.saved === '1' });
    },
  );

  app.post('/:lang/admin/organisations/:id', { schema: { hide: true, params: Type.Object({ lang: Lang, id: Id }), body: OrganisationBody }, preHandler: guard }, async (request, reply) => {
    const { lang, id } = request.params;
    try {
      await updateOrganisation(deps, actorOf(request), id, request.body as OrganisationInput);
      return reply.redirect(`/${lang}/admin/organisations/${id}?saved=1`, 303);
    } catch (error) {
      if (error instanceof ValidationError) {
        const organisation = await getOrganisationForAdmin(deps, actorOf(request), id);
        return renderOrganisationForm(request, reply, { organisationId: id, editable: isLocallyEditable(organisation), source: organisation.source, values: request.body, errors: error.fields }, 400);
      }
      throw error;
    }
  });

  app.get(
    '/:lang/admin/audit',
    { schema: { hide: true, params: LangParams, querystring: Type.Object({ before: Type.Optional(Type.Integer({ minimum: 1 })) }) }, preHandler: guard },
    async (request, reply) => {
      const ctx = await deps.pages.context(request, reply);
      const events = await listAuditForAdmin(deps, actorOf(request), request.query.before ? { beforeId: request.query.before } : {});
      const nextBeforeId = events.length === 100 ? events.at(-1)!.id : undefined;
      return deps.pages.send(reply, AuditPage({ ctx, events, nextBeforeId }));
    },
  );
}


