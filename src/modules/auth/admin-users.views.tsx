/** Admin pages of users, their roles and the role mappings of sign-in. */
import type { SafeHtml } from '#jsx/jsx-runtime';
import type { PageContext } from '../../platform/page-context.ts';
import { formatDateTime } from '../../platform/format.ts';
import { textOf, type LocalisedText } from '../../platform/localised.ts';
import { ErrorSummary } from '../../ui/layout.tsx';
import { FormField, PostForm } from '../../ui/forms.tsx';
import { SelectField } from '../../ui/choices.tsx';
import type { RoleGrant } from './auth.types.ts';
import { AdminLayout, errorList, roleLabel, type AreaOption, type FormErrors } from './admin-layout.tsx';

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

