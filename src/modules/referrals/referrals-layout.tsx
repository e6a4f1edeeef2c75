/** The frame of the referral pages and the small parts they share. */
import type { Child, SafeHtml } from '#jsx/jsx-runtime';
import type { PageContext } from '../../platform/page-context.ts';
import { textOf } from '../../platform/localised.ts';
import { ErrorSummary, Layout, asset } from '../../ui/layout.tsx';
import { needAreas } from '../guidance/index.ts';

export type FormErrors = Record<string, string>;

export interface Navigation {
  inbox: boolean;
  sent: boolean;
  region: boolean;
  access: boolean;
}

export function needLabel(code: string, lang: PageContext['lang']): string {
  return textOf(needAreas.find((a) => a.code === code)?.label, lang) || code;
}

export function errorItems(ctx: PageContext, errors: FormErrors | undefined, fieldIds: Record<string, string> = {}) {
  return Object.entries(errors ?? {}).map(([field, key]) => ({ field: fieldIds[field] ?? field, message: ctx.t(key) }));
}

export function ReferralsLayout(props: { ctx: PageContext; title: string; nav: Navigation; errors?: FormErrors | undefined; fieldIds?: Record<string, string>; children?: Child }): SafeHtml {
  const { ctx, nav } = props;
  const base = `/${ctx.lang}/referrals`;
  const hasErrors = props.errors !== undefined && Object.keys(props.errors).length > 0;
  const links: [boolean, string, string][] = [
    [nav.inbox, `${base}?as=provider`, ctx.t('referrals.nav.inbox')],
    [nav.sent, `${base}?as=referrer`, ctx.t('referrals.nav.sent')],
    [nav.region, `${base}?as=coordinator`, ctx.t('referrals.nav.region')],
    [nav.access, `${base}/access-log`, ctx.t('referrals.nav.access')],
  ];
  return (
    <Layout ctx={ctx} title={`${hasErrors ? `${ctx.t('referrals.error.title')}: ` : ''}${props.title}`} head={<link rel="stylesheet" href={asset('staff.css')} />}>
      <nav class="breadcrumb" aria-label={ctx.t('referrals.title')}>
        <ul class="inline-list">
          {links
            .filter(([shown]) => shown)
            .map(([, href, label]) => (
              <li>
                <a href={href}>{label}</a>
              </li>
            ))}
        </ul>
      </nav>
      {hasErrors ? <ErrorSummary ctx={ctx} errors={errorItems(ctx, props.errors, props.fieldIds)} /> : null}
      {props.children}
    </Layout>
  );
}
