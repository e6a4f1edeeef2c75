/** The frame of a guidance session's pages and small parts they share. */
import type { Child, SafeHtml } from '#jsx/jsx-runtime';
import type { PageContext } from '../../platform/page-context.ts';
import { textOf, type Language } from '../../platform/localised.ts';
import { Layout, asset } from '../../ui/layout.tsx';
import type { GuidanceSession } from './guidance.types.ts';
import { needAreas } from './need-areas.ts';

export type FormErrors = Record<string, string>;
export type Step = 'overview' | 'context' | 'check' | 'suggestions' | 'plan';

export function errorItems(ctx: PageContext, errors: FormErrors | undefined, fieldIds: Record<string, string> = {}) {
  return Object.entries(errors ?? {}).map(([field, key]) => ({ field: fieldIds[field] ?? field, message: ctx.t(key) }));
}

export function NonDiagnostic(props: { ctx: PageContext }): SafeHtml {
  return (
    <p class="notice notice--info" id="non-diagnostic">
      {props.ctx.t('guidance.nonDiagnostic')}
    </p>
  );
}

/** The frame of a session's pages: title, the steps as a navigation, the content. */
export function SessionLayout(props: { ctx: PageContext; session: GuidanceSession; step: Step; title: string; errors?: FormErrors | undefined; children?: Child }): SafeHtml {
  const { ctx, session } = props;
  const base = `/${ctx.lang}/guidance/sessions/${session.id}`;
  const steps: [Step, string, string][] = [
    ['overview', base, ctx.t('guidance.step.overview')],
    ['context', `${base}/context`, ctx.t('guidance.step.context')],
    ['check', `${base}/check`, ctx.t('guidance.step.check')],
    ['suggestions', `${base}/suggestions`, ctx.t('guidance.step.suggestions')],
    ['plan', `${base}/plan`, ctx.t('guidance.step.plan')],
  ];
  const hasErrors = props.errors !== undefined && Object.keys(props.errors).length > 0;
  return (
    <Layout ctx={ctx} title={`${hasErrors ? `${ctx.t('guidance.errorTitlePrefix')} ` : ''}${props.title}`} head={<link rel="stylesheet" href={asset('staff.css')} />}>
      <p class="breadcrumb">
        <a href={`/${ctx.lang}/guidance`}>{ctx.t('guidance.title')}</a>
      </p>
      <nav class="steps" aria-label={ctx.t('guidance.steps')}>
        <ol>
          {steps.map(([step, href, label]) => (
            <li>
              <a href={href} aria-current={step === props.step ? 'page' : undefined}>
                {label}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      {props.children}
    </Layout>
  );
}

export function needAreaLabel(code: string, lang: Language): string {
  return textOf(needAreas.find((a) => a.code === code)?.label, lang) || code;
}

