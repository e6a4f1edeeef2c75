/** Admin pages: users and roles, identity-provider role mappings, organisations, audit log. */
import type { Child, SafeHtml } from '#jsx/jsx-runtime';
import type { PageContext } from '../../platform/page-context.ts';
import { formatDateTime } from '../../platform/format.ts';
import { textOf, type LocalisedText } from '../../platform/localised.ts';
import { ErrorSummary, Layout, asset } from '../../ui/layout.tsx';
import { FormField, PostForm } from '../../ui/forms.tsx';
import { SelectField, type Option } from '../../ui/choices.tsx';
import type { RoleGrant } from './auth.types.ts';
import { roles } from './auth.types.ts';

export type FormErrors = Record<string, string>;

type Section = 'home' | 'users' | 'organisations' | 'mappings' | 'audit';

export interface AreaOption {
  code: string;
  name: LocalisedText;
  region_code: string | null;
}

function AdminLayout(props: { ctx: PageContext; title: string; section: Section; errors?: FormErrors; children?: Child }): SafeHtml {
  const { ctx } = props;
  const hasErrors = props.errors !== undefined && Object.keys(props.errors).length > 0;
  const links: [Section, string, string][] = [
    ['users', 'users', ctx.t('auth.admin.users.title')],
    ['organisations', 'organisations', ctx.t('auth.admin.organisations.title')],
    ['mappings', 'role-mappings', ctx.t('auth.admin.mappings.title')],
    ['audit', 'audit', ctx.t('auth.admin.audit.title')],
  ];
  return (
    <Layout ctx={ctx} title={hasErrors ? `${ctx.t('auth.errorTitlePrefix')} ${props.title}` : props.title} head={<link rel="stylesheet" href={asset('staff.css')} />}>
      <nav class="subnav" aria-label={ctx.t('ui.nav.admin')}>
        <ul>
          <li>
            <a href={`/${ctx.lang}/admin`} aria-current={props.section === 'home' ? 'page' : undefined}>
              {ctx.t('auth.admin.title')}
            </a>
          </li>
          {links.map(([section, path, label]) => (
            <li>
              <a href={`/${ctx.lang}/admin/${path}`} aria-current={props.section === section ? 'page' : undefined}>
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {props.children}
    </Layout>
  );
}

function errorList(ctx: PageContext, errors: FormErrors | undefined, fieldIds: Record<string, string> = {}) {
  return Object.entries(errors ?? {}).map(([field, key]) => ({ field: fieldIds[field] ?? field, message: ctx.t(key) }));
}

function roleLabel(ctx: PageContext, grant: RoleGrant & { organisationName?: LocalisedText | null }, regionNames: Map<string, LocalisedText>): string {
  const where = grant.organisationName
    ? textOf(grant.organisationName, ctx.lang)
    : grant.regionCode
      ? textOf(regionNames.get(grant.regionCode), ctx.lang)
      : ctx.t('auth.scope.national');
  const region = grant.organisationName && grant.regionCode ? ` (${textOf(regionNames.get(grant.regionCode), ctx.lang)})` : '';
  return `${ctx.t(`ui.role.${grant.role}`)}: ${where}${region}`;
}

export function AdminHomePage(props: { ctx: PageContext; national: boolean }): SafeHtml {
  const { ctx } = props;
  return (
    <AdminLayout ctx={ctx} title={ctx.t('auth.admin.title')} section="home">
      <h1>{ctx.t('auth.admin.title')}</h1>
      <p class="lead">{ctx.t(props.national ? 'auth.admin.lead.national' : 'auth.admin.lead.regional')}</p>
      <ul class="link-list">
        <li>
          <a href={`/${ctx.lang}/admin/users`}>{ctx.t('auth.admin.users.title')}</a>
        </li>
        <li>
          <a href={`/${ctx.lang}/admin/organisations`}>{ctx.t('auth.admin.organisations.title')}</a>
        </li>
        <li>
          <a href={`/${ctx.lang}/admin/role-mappings`}>{ctx.t('auth.admin.mappings.title')}</a>
        </li>
        <li>
          <a href={`/${ctx.lang}/admin/audit`}>{ctx.t('auth.admin.audit.title')}</a>
        </li>
      </ul>
    </AdminLayout>
  );
}

export interface UserListItem {
  id: string;
  display_name: string;
  email: string | null;
  status: string;
  last_sign_in_at: Date | null;
  roles: RoleGrant[];
}

export function UsersPage(props: { ctx: PageContext; users: UserListItem[]; regionNames: Map<string, LocalisedText> }): SafeHtml {
  const { ctx } = props;
  return (
    <AdminLayout ctx={ctx} title={ctx.t('auth.admin.users.title')} section="users">
      <h1>{ctx.t('auth.admin.users.title')}</h1>
      <p>{ctx.t('auth.admin.users.lead')}</p>
      <table class="data-table">
        <caption class="visually-hidden">{ctx.t('auth.admin.users.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{ctx.t('auth.admin.user.name')}</th>
            <th scope="col">{ctx.t('auth.admin.user.roles')}</th>
            <th scope="col">{ctx.t('auth.admin.user.status')}</th>
            <th scope="col">{ctx.t('auth.admin.user.lastSignIn')}</th>
          </tr>
        </thead>
        <tbody>
          {props.users.map((user) => (
            <tr>
              <th scope="row">
                <a href={`/${ctx.lang}/admin/users/${user.id}`}>{user.display_name}</a>
              </th>
              <td>{user.roles.length === 0 ? ctx.t('auth.admin.user.noRoles') : user.roles.map((r) => roleLabel(ctx, r, props.regionNames)).join('; ')}</td>
              <td>{ctx.t(`auth.admin.user.status.${user.status}`)}</td>
              <td>{user.last_sign_in_at ? formatDateTime(user.last_sign_in_at, ctx.lang) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </AdminLayout>
  );
}

export interface UserPageProps {
  ctx: PageContext;
  user: { id: string; display_name: string; email: string | null; status: string; oidc_issuer: string | null; dev_key: string | null; last_sign_in_at: Date | null };
  roles: { id: string; role: RoleGrant['role']; organisation_id: string | null; organisation_name: LocalisedText | null; region_code: string | null; source: string }[];
  manageable: boolean;
  regionNames: Map<string, LocalisedText>;
  regions: AreaOption[];
  /** The region chosen for the new role's organisation list. */
  region: string | undefined;
  organisations: { id: string; name: LocalisedText }[];
  allowedRoles: readonly string[];
  values?: Record<string, string>;
  errors?: FormErrors;
  saved?: boolean;
}

export function UserPage(props: UserPageProps): SafeHtml {
  const { ctx, user } = props;
  const errors = props.errors ?? {};
  const values = props.values ?? {};
  return (
    <AdminLayout ctx={ctx} title={user.display_name} section="users" errors={errors}>
      <h1>{user.display_name}</h1>
      {props.saved ? (
        <p class="notice" role="status">
          {ctx.t('auth.admin.saved')}
        </p>
      ) : null}
      <dl class="facts">
        <dt>{ctx.t('auth.admin.user.email')}</dt>
        <dd>{user.email ?? '–'}</dd>
        <dt>{ctx.t('auth.admin.user.signInWith')}</dt>
        <dd>{user.dev_key ? ctx.t('auth.admin.user.devUser') : user.oidc_issuer ?? '–'}</dd>
        <dt>{ctx.t('auth.admin.user.status')}</dt>
        <dd>{ctx.t(`auth.admin.user.status.${user.status}`)}</dd>
        <dt>{ctx.t('auth.admin.user.lastSignIn')}</dt>
        <dd>{user.last_sign_in_at ? formatDateTime(user.last_sign_in_at, ctx.lang) : '–'}</dd>
      </dl>
      {!props.manageable ? <p class="notice">{ctx.t('auth.admin.user.self')}</p> : null}
      <h2>{ctx.t('auth.admin.user.roles')}</h2>
      {props.roles.length === 0 ? <p>{ctx.t('auth.admin.user.noRoles')}</p> : null}
      <ul class="role-list">
        {props.roles.map((role) => (
          <li>
            {roleLabel(ctx, { role: role.role, organisationId: role.organisation_id, regionCode: role.region_code, organisationName: role.organisation_name }, props.regionNames)}{' '}
            <span class="small">({ctx.t(`auth.admin.role.source.${role.source}`)})</span>
            {props.manageable && role.source === 'admin' ? (
              <PostForm ctx={ctx} action={`/${ctx.lang}/admin/users/${user.id}/roles/${role.id}/remove`} class="inline-form">
                <button type="submit" class="button button--small">
                  {ctx.t('auth.admin.role.remove')}
                  <span class="visually-hidden">{`: ${ctx.t(`ui.role.${role.role}`)}`}</span>
                </button>
              </PostForm>
            ) : null}
          </li>
        ))}
      </ul>
      {props.manageable ? (
        <>
          <h2 id="add-role">{ctx.t('auth.admin.role.add')}</h2>
          <form method="get" action={`/${ctx.lang}/admin/users/${user.id}#add-role`} class="inline-form">
            <SelectField
              id="region"
              label={ctx.t('auth.admin.role.region')}
              value={props.region}
              options={props.regions.map((r) => ({ value: r.code, label: textOf(r.name, ctx.lang) }))}
              placeholder={ctx.t('auth.admin.role.regionNational')}
            />
            <button type="submit" class="button button--small">
              {ctx.t('auth.admin.role.showOrganisations')}
            </button>
          </form>
          <ErrorSummary ctx={ctx} errors={errorList(ctx, errors)} />
          <PostForm ctx={ctx} action={`/${ctx.lang}/admin/users/${user.id}/roles`}>
            <input type="hidden" name="regionCode" value={props.region ?? ''} />
            <SelectField
              id="role"
              label={ctx.t('auth.admin.role.role')}
              value={values.role}
              error={errors.role ? ctx.t(errors.role) : undefined}
              options={props.allowedRoles.map((r) => ({ value: r, label: ctx.t(`ui.role.${r}`) }))}
            />
            <SelectField
              id="organisationId"
              label={ctx.t('auth.admin.role.organisation')}
              hint={props.region ? undefined : ctx.t('auth.admin.role.organisationHint')}
              value={values.organisationId}
              error={errors.organisationId ? ctx.t(errors.organisationId) : errors.regionCode ? ctx.t(errors.regionCode) : undefined}
              options={props.organisations.map((o) => ({ value: o.id, label: textOf(o.name, ctx.lang) }))}
              placeholder={ctx.t('auth.admin.role.noOrganisation')}
            />
            <button type="submit" class="button">
              {ctx.t('auth.admin.role.addButton')}
            </button>
          </PostForm>
          <h2>{ctx.t('auth.admin.user.account')}</h2>
          <PostForm ctx={ctx} action={`/${ctx.lang}/admin/users/${user.id}/status`} class="inline-form">
            <input type="hidden" name="status" value={user.status === 'active' ? 'disabled' : 'active'} />
            <button type="submit" class="button">
              {ctx.t(user.status === 'active' ? 'auth.admin.user.disable' : 'auth.admin.user.enable')}
            </button>
          </PostForm>
          <PostForm ctx={ctx} action={`/${ctx.lang}/admin/users/${user.id}/delete`} class="danger-zone">
            <div class="choice">
              <input type="checkbox" id="confirm" name="confirm" value="yes" aria-describedby="confirm-hint" />
              <label for="confirm">{ctx.t('auth.admin.user.deleteConfirm')}</label>
              <p class="hint" id="confirm-hint">
                {ctx.t('auth.admin.user.deleteHint')}
              </p>
            </div>
            <button type="submit" class="button button--danger">
              {ctx.t('auth.admin.user.delete')}
            </button>
          </PostForm>
        </>
      ) : null}
    </AdminLayout>
  );
}

export interface MappingsPageProps {
  ctx: PageContext;
  mappings: { id: string; claim_value: string; role: RoleGrant['role']; organisation_id: string | null; organisation_name: LocalisedText | null; region_code: string | null }[];
  regionNames: Map<string, LocalisedText>;
  regions: AreaOption[];
  region: string | undefined;
  organisations: { id: string; name: LocalisedText }[];
  allowedRoles: readonly string[];
  roleClaim: string | undefined;
  values?: Record<string, string>;
  errors?: FormErrors;
}

export function RoleMappingsPage(props: MappingsPageProps): SafeHtml {
  const { ctx } = props;
  const errors = props.errors ?? {};
  const values = props.values ?? {};
  return (
    <AdminLayout ctx={ctx} title={ctx.t('auth.admin.mappings.title')} section="mappings" errors={errors}>
      <h1>{ctx.t('auth.admin.mappings.title')}</h1>
      <p>{ctx.t('auth.admin.mappings.lead', { claim: props.roleClaim ?? 'roles' })}</p>
      {props.mappings.length === 0 ? <p>{ctx.t('auth.admin.mappings.none')}</p> : null}
      <ul class="role-list">
        {props.mappings.map((m) => (
          <li>
            <code>{m.claim_value}</code> → {roleLabel(ctx, { role: m.role, organisationId: m.organisation_id, regionCode: m.region_code, organisationName: m.organisation_name }, props.regionNames)}
            <PostForm ctx={ctx} action={`/${ctx.lang}/admin/role-mappings/${m.id}/remove`} class="inline-form">
              <button type="submit" class="button button--small">
                {ctx.t('auth.admin.role.remove')}
                <span class="visually-hidden">{`: ${m.claim_value}`}</span>
              </button>
            </PostForm>
          </li>
        ))}
      </ul>
      <h2 id="add-mapping">{ctx.t('auth.admin.mappings.add')}</h2>
      <form method="get" action={`/${ctx.lang}/admin/role-mappings#add-mapping`} class="inline-form">
        <SelectField
          id="region"
          label={ctx.t('auth.admin.role.region')}
          value={props.region}
          options={props.regions.map((r) => ({ value: r.code, label: textOf(r.name, ctx.lang) }))}
          placeholder={ctx.t('auth.admin.role.regionNational')}
        />
        <button type="submit" class="button button--small">
          {ctx.t('auth.admin.role.showOrganisations')}
        </button>
      </form>
      <ErrorSummary ctx={ctx} errors={errorList(ctx, errors)} />
      <PostForm ctx={ctx} action={`/${ctx.lang}/admin/role-mappings`}>
        <input type="hidden" name="regionCode" value={props.region ?? ''} />
        <FormField
          id="claimValue"
          label={ctx.t('auth.admin.mappings.claimValue')}
          hint={ctx.t('auth.admin.mappings.claimValueHint')}
          value={values.claimValue}
          error={errors.claimValue ? ctx.t(errors.claimValue) : undefined}
          maxlength={200}
        />
        <SelectField
          id="role"
          label={ctx.t('auth.admin.role.role')}
          value={values.role}
          error={errors.role ? ctx.t(errors.role) : undefined}
          options={props.allowedRoles.map((r) => ({ value: r, label: ctx.t(`ui.role.${r}`) }))}
        />
        <SelectField
          id="organisationId"
          label={ctx.t('auth.admin.role.organisation')}
          hint={props.region ? undefined : ctx.t('auth.admin.role.organisationHint')}
          value={values.organisationId}
          error={errors.organisationId ? ctx.t(errors.organisationId) : errors.regionCode ? ctx.t(errors.regionCode) : undefined}
          options={props.organisations.map((o) => ({ value: o.id, label: textOf(o.name, ctx.lang) }))}
          placeholder={ctx.t('auth.admin.role.noOrganisation')}
        />
        <button type="submit" class="button">
          {ctx.t('auth.admin.mappings.addButton')}
        </button>
      </PostForm>
    </AdminLayout>
  );
}

export interface OrganisationListItem {
  id: string;
  type: string;
  name: LocalisedText;
  business_id: string | null;
  region_code: string | null;
  status: string;
  source: string;
}

export function OrganisationsPage(props: {
  ctx: PageContext;
  organisations: OrganisationListItem[];
  regions: AreaOption[];
  regionNames: Map<string, LocalisedText>;
  filter: { region?: string | undefined; q?: string | undefined };
}): SafeHtml {
  const { ctx } = props;
  return (
    <AdminLayout ctx={ctx} title={ctx.t('auth.admin.organisations.title')} section="organisations">
      <h1>{ctx.t('auth.admin.organisations.title')}</h1>
      <p>
        <a class="button" href={`/${ctx.lang}/admin/organisations/new`}>
          {ctx.t('auth.admin.organisations.new')}
        </a>
      </p>
      <form method="get" action={`/${ctx.lang}/admin/organisations`} class="filter-form" role="search">
        <FormField id="q" type="search" label={ctx.t('auth.admin.organisations.search')} value={props.filter.q} maxlength={100} />
        <SelectField
          id="region"
          label={ctx.t('auth.admin.role.region')}
          value={props.filter.region}
          options={props.regions.map((r) => ({ value: r.code, label: textOf(r.name, ctx.lang) }))}
          placeholder={ctx.t('auth.admin.organisations.allRegions')}
        />
        <button type="submit" class="button">
          {ctx.t('auth.admin.organisations.filter')}
        </button>
      </form>
      <p role="status">{ctx.t('auth.admin.organisations.count', { count: props.organisations.length })}</p>
      <table class="data-table">
        <caption class="visually-hidden">{ctx.t('auth.admin.organisations.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{ctx.t('auth.admin.organisation.name')}</th>
            <th scope="col">{ctx.t('auth.admin.organisation.type')}</th>
            <th scope="col">{ctx.t('auth.admin.organisation.businessId')}</th>
            <th scope="col">{ctx.t('auth.admin.role.region')}</th>
            <th scope="col">{ctx.t('auth.admin.organisation.status')}</th>
          </tr>
        </thead>
        <tbody>
          {props.organisations.map((o) => (
            <tr>
              <th scope="row">
                <a href={`/${ctx.lang}/admin/organisations/${o.id}`}>{textOf(o.name, ctx.lang)}</a>
              </th>
              <td>{ctx.t(`auth.admin.organisation.type.${o.type}`)}</td>
              <td>{o.business_id ?? '–'}</td>
              <td>{o.region_code ? textOf(props.regionNames.get(o.region_code), ctx.lang) : '–'}</td>
              <td>{ctx.t(`auth.admin.organisation.status.${o.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </AdminLayout>
  );
}

export interface OrganisationFormProps {
  ctx: PageContext;
  /** undefined for a new organisation */
  organisationId: string | undefined;
  editable: boolean;
  source: string;
  values: Record<string, string>;
  errors?: FormErrors;
  types: readonly string[];
  regions: AreaOption[];
  municipalities: AreaOption[];
  regionNames: Map<string, LocalisedText>;
  saved?: boolean;
}

export function OrganisationFormPage(props: OrganisationFormProps): SafeHtml {
  const { ctx, values } = props;
  const errors = props.errors ?? {};
  const error = (field: string) => (errors[field] ? ctx.t(errors[field]!) : undefined);
  const title = props.organisationId ? values.nameFi || values.nameSv || ctx.t('auth.admin.organisation.title') : ctx.t('auth.admin.organisations.new');
  const municipalityOptions: Option[] = props.municipalities.map((m) => ({
    value: m.code,
    label: textOf(m.name, ctx.lang),
    group: m.region_code ? textOf(props.regionNames.get(m.region_code), ctx.lang) : '',
  }));
  municipalityOptions.sort((a, b) => (a.group ?? '').localeCompare(b.group ?? '', ctx.lang) || a.label.localeCompare(b.label, ctx.lang));
  return (
    <AdminLayout ctx={ctx} title={title} section="organisations" errors={errors}>
      <h1>{title}</h1>
      {props.saved ? (
        <p class="notice" role="status">
          {ctx.t('auth.admin.saved')}
        </p>
      ) : null}
      {!props.editable ? <p class="notice">{ctx.t('auth.admin.organisation.imported', { source: props.source })}</p> : null}
      <ErrorSummary ctx={ctx} errors={errorList(ctx, errors)} />
      <PostForm ctx={ctx} action={props.organisationId ? `/${ctx.lang}/admin/organisations/${props.organisationId}` : `/${ctx.lang}/admin/organisations`}>
        {props.editable ? (
          <>
            <FormField id="nameFi" label={ctx.t('auth.admin.organisation.nameFi')} value={values.nameFi} error={error('nameFi')} maxlength={200} lang="fi" />
            <FormField id="nameSv" label={ctx.t('auth.admin.organisation.nameSv')} value={values.nameSv} error={error('nameSv')} maxlength={200} lang="sv" />
            <FormField id="nameEn" label={ctx.t('auth.admin.organisation.nameEn')} value={values.nameEn} error={error('nameEn')} maxlength={200} lang="en" />
            <SelectField id="type" label={ctx.t('auth.admin.organisation.type')} value={values.type} error={error('type')} options={props.types.map((t) => ({ value: t, label: ctx.t(`auth.admin.organisation.type.${t}`) }))} />
            <FormField id="businessId" label={ctx.t('auth.admin.organisation.businessId')} hint={ctx.t('auth.admin.organisation.businessIdHint')} value={values.businessId} error={error('businessId')} maxlength={9} />
            <SelectField id="regionCode" label={ctx.t('auth.admin.role.region')} value={values.regionCode} error={error('regionCode')} options={props.regions.map((r) => ({ value: r.code, label: textOf(r.name, ctx.lang) }))} placeholder={ctx.t('auth.admin.error.region')} />
            <SelectField id="municipalityCode" label={ctx.t('auth.admin.organisation.municipality')} value={values.municipalityCode} error={error('municipalityCode')} options={municipalityOptions} placeholder={ctx.t('auth.admin.organisation.noMunicipality')} />
            <FormField id="website" type="url" label={ctx.t('auth.admin.organisation.website')} value={values.website} error={error('website')} maxlength={500} />
            <FormField id="email" type="email" label={ctx.t('auth.admin.organisation.email')} value={values.email} error={error('email')} maxlength={320} />
            <FormField id="phone" type="tel" label={ctx.t('auth.admin.organisation.phone')} value={values.phone} error={error('phone')} maxlength={20} />
          </>
        ) : null}
        <SelectField
          id="status"
          label={ctx.t('auth.admin.organisation.status')}
          value={values.status}
          error={error('status')}
          options={['active', 'archived'].map((s) => ({ value: s, label: ctx.t(`auth.admin.organisation.status.${s}`) }))}
        />
        <button type="submit" class="button button--primary">
          {ctx.t('auth.admin.save')}
        </button>
      </PostForm>
    </AdminLayout>
  );
}

export interface AuditItem {
  id: number;
  occurred_at: Date;
  actor_user_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  region_code: string | null;
  details: Record<string, unknown>;
}

export function AuditPage(props: { ctx: PageContext; events: AuditItem[]; nextBeforeId: number | undefined }): SafeHtml {
  const { ctx } = props;
  return (
    <AdminLayout ctx={ctx} title={ctx.t('auth.admin.audit.title')} section="audit">
      <h1>{ctx.t('auth.admin.audit.title')}</h1>
      <p>{ctx.t('auth.admin.audit.lead')}</p>
      <table class="data-table">
        <caption class="visually-hidden">{ctx.t('auth.admin.audit.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{ctx.t('auth.admin.audit.time')}</th>
            <th scope="col">{ctx.t('auth.admin.audit.action')}</th>
            <th scope="col">{ctx.t('auth.admin.audit.subject')}</th>
            <th scope="col">{ctx.t('auth.admin.audit.actor')}</th>
            <th scope="col">{ctx.t('auth.admin.audit.details')}</th>
          </tr>
        </thead>
        <tbody>
          {props.events.map((e) => (
            <tr>
              <td>{formatDateTime(e.occurred_at, ctx.lang)}</td>
              <td>
                <code>{e.action}</code>
              </td>
              <td>
                {e.subject_type}
                {e.subject_id ? <code class="id">{` ${e.subject_id}`}</code> : null}
              </td>
              <td>{e.actor_user_id ? <code class="id">{e.actor_user_id}</code> : ctx.t('auth.admin.audit.system')}</td>
              <td>
                <code class="details">{Object.keys(e.details).length > 0 ? JSON.stringify(e.details) : ''}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.nextBeforeId !== undefined ? (
        <p>
          <a href={`/${ctx.lang}/admin/audit?before=${props.nextBeforeId}`}>{ctx.t('auth.admin.audit.older')}</a>
        </p>
      ) : null}
    </AdminLayout>
  );
}

export const allRoles = roles;
