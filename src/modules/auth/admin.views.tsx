/** Admin pages: the start page, organisations and the audit log (users: admin-users.views.tsx). */
import type { SafeHtml } from '#jsx/jsx-runtime';
import type { PageContext } from '../../platform/page-context.ts';
import { formatDateTime } from '../../platform/format.ts';
import { textOf, type LocalisedText } from '../../platform/localised.ts';
import { ErrorSummary } from '../../ui/layout.tsx';
import { FormField, PostForm } from '../../ui/forms.tsx';
import { SelectField, type Option } from '../../ui/choices.tsx';
import { AdminLayout, errorList, type AreaOption, type FormErrors } from './admin-layout.tsx';

export type { FormErrors } from './admin-layout.tsx';
export { RoleMappingsPage, UserPage, UsersPage } from './admin-users.views.tsx';

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

