/** The frame of the quality pages: navigation, the region or organisation shown, and formatting. */
import type { Child, SafeHtml } from '#jsx/jsx-runtime';
import type { PageContext } from '../../platform/page-context.ts';
import { textOf, type Language, type LocalisedText } from '../../platform/localised.ts';
import { Layout, asset } from '../../ui/layout.tsx';
import type { ResolvedScope } from './quality.report.service.ts';

export type Section = 'overview' | 'coverage' | 'worklist' | 'rules' | 'runs';

export function formatPercent(value: number | null | undefined, lang: Language): string {
  if (value === null || value === undefined) return '–';
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

/** `?region=08` or `?organisation=…`: every quality link keeps the scope. */
export function scopeQuery(scope: ResolvedScope): string {
  return scope.kind === 'region' ? `region=${scope.code}` : `organisation=${scope.id}`;
}

export function qualityPath(ctx: PageContext, path: string, scope: ResolvedScope, extra = ''): string {
  return `/${ctx.lang}/quality${path}?${scopeQuery(scope)}${extra}`;
}

export function QualityLayout(props: {
  ctx: PageContext;
  title: string;
  section: Section;
  scope: ResolvedScope;
  regions: { code: string; name: LocalisedText }[];
  hasErrors?: boolean;
  children?: Child;
}): SafeHtml {
  const { ctx, scope } = props;
  const links: [Section, string, string][] = [
    ['overview', '', ctx.t('quality.nav.overview')],
    ...(scope.kind === 'region' ? ([['coverage', '/coverage', ctx.t('quality.nav.coverage')]] as [Section, string, string][]) : []),
    ['worklist', '/worklist', ctx.t('quality.nav.worklist')],
    ...(scope.kind === 'region'
      ? ([
          ['rules', '/rules', ctx.t('quality.nav.rules')],
          ['runs', '/runs', ctx.t('quality.nav.runs')],
        ] as [Section, string, string][])
      : []),
  ];
  const title = `${props.hasErrors ? `${ctx.t('quality.errorTitlePrefix')} ` : ''}${props.title}`;
  return (
    <Layout ctx={ctx} title={title} head={[<link rel="stylesheet" href={asset('staff.css')} />, <link rel="stylesheet" href={asset('quality.css')} />]}>
      <nav class="subnav" aria-label={ctx.t('quality.nav')}>
        <ul>
          {links.map(([section, path, label]) => (
            <li>
              <a href={qualityPath(ctx, path, scope)} aria-current={props.section === section ? 'page' : undefined}>
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {scope.kind === 'region' && props.regions.length > 1 ? (
        <form method="get" action={`/${ctx.lang}/quality${props.section === 'overview' ? '' : `/${props.section}`}`} class="filter-form">
          <div class="field">
            <label for="region">{ctx.t('quality.scope.region')}</label>
            <select id="region" name="region">
              {props.regions.map((region) => (
                <option value={region.code} selected={region.code === scope.code}>
                  {textOf(region.name, ctx.lang)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="button">
            {ctx.t('quality.scope.choose')}
          </button>
        </form>
      ) : null}
      <h1>{props.title}</h1>
      {props.children}
    </Layout>
  );
}
