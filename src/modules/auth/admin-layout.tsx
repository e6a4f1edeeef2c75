/** The frame of the admin pages and helpers they share. */
import type { Child, SafeHtml } from '#jsx/jsx-runtime';
import type { PageContext } from '../../platform/page-context.ts';
import { textOf, type LocalisedText } from '../../platform/localised.ts';
import { Layout, asset } from '../../ui/layout.tsx';
import type { RoleGrant } from './auth.types.ts';

export type FormErrors = Record<string, string>;

type Section = 'home' | 'users' | 'organisations' | 'mappings' | 'audit';

export interface AreaOption {
  code: string;
  name: LocalisedText;
  region_code: string | null;
}

export function AdminLayout(props: { ctx: PageContext; title: string; section: Section; errors?: FormErrors; children?: Child }): SafeHtml {
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

export function errorList(ctx: PageContext, errors: FormErrors | undefined, fieldIds: Record<string, string> = {}) {
  return Object.entries(errors ?? {}).map(([field, key]) => ({ field: fieldIds[field] ?? field, message: ctx.t(key) }));
}

export function roleLabel(ctx: PageContext, grant: RoleGrant & { organisationName?: LocalisedText | null }, regionNames: Map<string, LocalisedText>): string {
  const where = grant.organisationName
    ? textOf(grant.organisationName, ctx.lang)
    : grant.regionCode
      ? textOf(regionNames.get(grant.regionCode), ctx.lang)
      : ctx.t('auth.scope.national');
  const region = grant.organisationName && grant.regionCode ? ` (${textOf(regionNames.get(grant.regionCode), ctx.lang)})` : '';
  return `${ctx.t(`ui.role.${grant.role}`)}: ${where}${region}`;
}

