/** Guidance pages of the professional: the start page, a session's overview, context and needs. */
import type { SafeHtml } from '#jsx/jsx-runtime';
import type { PageContext } from '../../platform/page-context.ts';
import { formatDateTime } from '../../platform/format.ts';
import { textOf, type LocalisedText } from '../../platform/localised.ts';
import { ErrorSummary, Layout, asset } from '../../ui/layout.tsx';
import { FormField, PostForm } from '../../ui/forms.tsx';
import { ChoiceGroup, SelectField, type Option } from '../../ui/choices.tsx';
import { activityLanguages, ageGroups, budgets, mobilityNeeds, type GuidanceSession } from './guidance.types.ts';
import { CheckResults } from './check.views.tsx';
import { errorItems, needAreaLabel, NonDiagnostic, SessionLayout, type FormErrors } from './guidance-layout.tsx';
import type { Instrument, ItemResult } from './instruments.ts';
import { needAreas } from './need-areas.ts';

export type { FormErrors } from './guidance-layout.tsx';

export interface MunicipalityOption {
  code: string;
  name: LocalisedText;
  region: string;
}

export interface GuidanceHomeProps {
  ctx: PageContext;
  sessions: (GuidanceSession & { planItems: number })[];
  organisations: { organisationId: string; name: string }[];
}

export function GuidanceHomePage(props: GuidanceHomeProps): SafeHtml {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={ctx.t('guidance.title')} head={<link rel="stylesheet" href={asset('staff.css')} />}>
      <h1>{ctx.t('guidance.title')}</h1>
      <p class="lead">{ctx.t('guidance.lead')}</p>
      <NonDiagnostic ctx={ctx} />
      <h2>{ctx.t('guidance.start.title')}</h2>
      <p>{ctx.t('guidance.start.lead')}</p>
      <PostForm ctx={ctx} action={`/${ctx.lang}/guidance/sessions`} class="start-form">
        {props.organisations.length > 1 ? (
          <SelectField id="organisationId" label={ctx.t('guidance.start.organisation')} options={props.organisations.map((o) => ({ value: o.organisationId, label: o.name }))} />
        ) : null}
        <SelectField
          id="clientLanguage"
          label={ctx.t('guidance.context.clientLanguage')}
          hint={ctx.t('guidance.context.clientLanguageHint')}
          value={ctx.lang}
          options={(['fi', 'sv', 'en'] as const).map((l) => ({ value: l, label: ctx.t(`ui.languageName.${l}`), lang: l }))}
        />
        <button type="submit" class="button button--primary">
          {ctx.t('guidance.start.button')}
        </button>
      </PostForm>
      <h2>{ctx.t('guidance.sessions.title')}</h2>
      {props.sessions.length === 0 ? <p>{ctx.t('guidance.sessions.none')}</p> : null}
      {props.sessions.length > 0 ? (
        <table class="data-table">
          <caption class="visually-hidden">{ctx.t('guidance.sessions.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{ctx.t('guidance.sessions.started')}</th>
              <th scope="col">{ctx.t('guidance.context.needAreas')}</th>
              <th scope="col">{ctx.t('guidance.sessions.planItems')}</th>
            </tr>
          </thead>
          <tbody>
            {props.sessions.map((s) => (
              <tr>
                <th scope="row">
                  <a href={`/${ctx.lang}/guidance/sessions/${s.id}`}>{formatDateTime(s.createdAt, ctx.lang)}</a>
                </th>
                <td>{s.needAreas.length > 0 ? s.needAreas.map((n) => needAreaLabel(n, ctx.lang)).join(', ') : '–'}</td>
                <td>{s.planItems}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Layout>
  );
}

export interface SessionPageProps {
  ctx: PageContext;
  session: GuidanceSession;
  municipalityName: string | undefined;
  checks: { id: string; recordedAt: Date; instrument: Instrument; results: ItemResult[] }[];
  planItems: number;
}

function ContextSummary(props: { ctx: PageContext; session: GuidanceSession; municipalityName: string | undefined }): SafeHtml {
  const { ctx, session } = props;
  const none = ctx.t('guidance.summary.notGiven');
  return (
    <dl class="facts">
      <dt>{ctx.t('guidance.context.needAreas')}</dt>
      <dd>{session.needAreas.length > 0 ? session.needAreas.map((n) => needAreaLabel(n, ctx.lang)).join(', ') : none}</dd>
      <dt>{ctx.t('guidance.summary.place')}</dt>
      <dd>{[props.municipalityName, session.postalCode].filter(Boolean).join(', ') || none}</dd>
      <dt>{ctx.t('guidance.context.ageGroup')}</dt>
      <dd>{session.ageGroup ? ctx.t(`guidance.ageGroup.${session.ageGroup}`) : none}</dd>
      <dt>{ctx.t('guidance.context.languages')}</dt>
      <dd>{session.languages.length > 0 ? session.languages.map((l) => ctx.t(`guidance.language.${l}`)).join(', ') : none}</dd>
      <dt>{ctx.t('guidance.context.mobility')}</dt>
      <dd>{session.mobility.length > 0 ? session.mobility.map((m) => ctx.t(`guidance.mobility.${m}`)).join(', ') : ctx.t('guidance.summary.noLimits')}</dd>
      <dt>{ctx.t('guidance.context.budget')}</dt>
      <dd>{ctx.t(`guidance.budget.${session.budget}`)}</dd>
      <dt>{ctx.t('guidance.context.clientLanguage')}</dt>
      <dd>{ctx.t(`ui.languageName.${session.clientLanguage}`)}</dd>
    </dl>
  );
}

export function SessionPage(props: SessionPageProps): SafeHtml {
  const { ctx, session } = props;
  const base = `/${ctx.lang}/guidance/sessions/${session.id}`;
  return (
    <SessionLayout ctx={ctx} session={session} step="overview" title={ctx.t('guidance.session.title')}>
      <h1>{ctx.t('guidance.session.title')}</h1>
      <p>{ctx.t('guidance.session.started', { date: formatDateTime(session.createdAt, ctx.lang) })}</p>
      <p class="notice">{ctx.t('guidance.session.noPersonalData')}</p>
      <h2>{ctx.t('guidance.step.context')}</h2>
      <ContextSummary ctx={ctx} session={session} municipalityName={props.municipalityName} />
      <p>
        <a class="button" href={`${base}/context`}>
          {ctx.t(session.needAreas.length > 0 ? 'guidance.session.editContext' : 'guidance.session.addContext')}
        </a>
      </p>
      <h2>{ctx.t('guidance.step.check')}</h2>
      {props.checks.length === 0 ? <p>{ctx.t('guidance.session.noChecks')}</p> : null}
      {props.checks.map((check) => (
        <section aria-label={`${textOf(check.instrument.name, ctx.lang)} ${formatDateTime(check.recordedAt, ctx.lang)}`}>
          <h3>{`${check.instrument.name[ctx.lang]} – ${formatDateTime(check.recordedAt, ctx.lang)}`}</h3>
          <CheckResults ctx={ctx} instrument={check.instrument} results={check.results} />
        </section>
      ))}
      <p>
        <a href={`${base}/check`}>{ctx.t('guidance.session.doCheck')}</a>
      </p>
      <h2>{ctx.t('guidance.step.plan')}</h2>
      <p>{ctx.t('guidance.session.planItems', { count: props.planItems })}</p>
      <ul class="link-list">
        <li>
          <a href={`${base}/suggestions`}>{ctx.t('guidance.session.toSuggestions')}</a>
        </li>
        <li>
          <a href={`${base}/plan`}>{ctx.t('guidance.session.toPlan')}</a>
        </li>
      </ul>
      <h2>{ctx.t('guidance.session.deleteTitle')}</h2>
      <PostForm ctx={ctx} action={`${base}/delete`} class="danger-zone">
        <p>{ctx.t('guidance.session.deleteHint')}</p>
        <button type="submit" class="button button--danger">
          {ctx.t('guidance.session.delete')}
        </button>
      </PostForm>
    </SessionLayout>
  );
}

export interface ContextPageProps {
  ctx: PageContext;
  session: GuidanceSession;
  municipalities: MunicipalityOption[];
  values: { clientLanguage: string; municipalityCode: string; postalCode: string; ageGroup: string; languages: string[]; mobility: string[]; budget: string; needAreas: string[] };
  errors?: FormErrors;
}

export function ContextPage(props: ContextPageProps): SafeHtml {
  const { ctx, session, values } = props;
  const errors = props.errors ?? {};
  const error = (field: string) => (errors[field] ? ctx.t(errors[field]!) : undefined);
  const own = props.municipalities.filter((m) => m.region === session.regionCode);
  const others = props.municipalities.filter((m) => m.region !== session.regionCode);
  const municipalityOptions: Option[] = [
    ...own.map((m) => ({ value: m.code, label: textOf(m.name, ctx.lang), group: ctx.t('guidance.context.ownRegion') })),
    ...others.map((m) => ({ value: m.code, label: textOf(m.name, ctx.lang), group: ctx.t('guidance.context.otherMunicipalities') })),
  ];
  const fieldIds = { needAreas: 'needAreas-0', languages: 'languages-0', mobility: 'mobility-0', ageGroup: 'ageGroup-0', budget: 'budget-0' };
  return (
    <SessionLayout ctx={ctx} session={session} step="context" title={ctx.t('guidance.context.title')} errors={errors}>
      <h1>{ctx.t('guidance.context.title')}</h1>
      <p>{ctx.t('guidance.context.lead')}</p>
      <ErrorSummary ctx={ctx} errors={errorItems(ctx, errors, fieldIds)} />
      <PostForm ctx={ctx} action={`/${ctx.lang}/guidance/sessions/${session.id}/context`}>
        <ChoiceGroup
          id="needAreas"
          name="needAreas"
          type="checkbox"
          legend={ctx.t('guidance.context.needAreas')}
          hint={ctx.t('guidance.context.needAreasHint')}
          error={error('needAreas')}
          options={needAreas.map((a) => ({ value: a.code, label: a.label[ctx.lang], hint: a.hint[ctx.lang] }))}
          selected={values.needAreas}
        />
        <fieldset class="field-group">
          <legend>{ctx.t('guidance.context.place')}</legend>
          <p class="hint">{ctx.t('guidance.context.placeHint')}</p>
          <SelectField id="municipalityCode" label={ctx.t('guidance.context.municipality')} value={values.municipalityCode} error={error('municipalityCode')} options={municipalityOptions} placeholder={ctx.t('guidance.context.chooseMunicipality')} />
          <FormField id="postalCode" label={ctx.t('guidance.context.postalCode')} hint={ctx.t('guidance.context.postalCodeHint')} value={values.postalCode} error={error('postalCode')} inputmode="numeric" maxlength={5} autocomplete="off" />
        </fieldset>
        <ChoiceGroup
          id="ageGroup"
          name="ageGroup"
          type="radio"
          legend={ctx.t('guidance.context.ageGroup')}
          error={error('ageGroup')}
          options={[{ value: '', label: ctx.t('guidance.ageGroup.unknown') }, ...ageGroups.map((g) => ({ value: g, label: ctx.t(`guidance.ageGroup.${g}`) }))]}
          selected={[values.ageGroup]}
        />
        <ChoiceGroup
          id="languages"
          name="languages"
          type="checkbox"
          legend={ctx.t('guidance.context.languages')}
          hint={ctx.t('guidance.context.languagesHint')}
          error={error('languages')}
          options={activityLanguages.map((l) => ({ value: l, label: ctx.t(`guidance.language.${l}`) }))}
          selected={values.languages}
        />
        <ChoiceGroup
          id="mobility"
          name="mobility"
          type="checkbox"
          legend={ctx.t('guidance.context.mobility')}
          hint={ctx.t('guidance.context.mobilityHint')}
          error={error('mobility')}
          options={mobilityNeeds.map((m) => ({ value: m, label: ctx.t(`guidance.mobility.${m}`) }))}
          selected={values.mobility}
        />
        <ChoiceGroup
          id="budget"
          name="budget"
          type="radio"
          legend={ctx.t('guidance.context.budget')}
          error={error('budget')}
          options={budgets.map((b) => ({ value: b, label: ctx.t(`guidance.budget.${b}`) }))}
          selected={[values.budget]}
        />
        <SelectField
          id="clientLanguage"
          label={ctx.t('guidance.context.clientLanguage')}
          hint={ctx.t('guidance.context.clientLanguageHint')}
          value={values.clientLanguage}
          error={error('clientLanguage')}
          options={(['fi', 'sv', 'en'] as const).map((l) => ({ value: l, label: ctx.t(`ui.languageName.${l}`), lang: l }))}
        />
        <button type="submit" class="button button--primary">
          {ctx.t('guidance.context.save')}
        </button>
      </PostForm>
    </SessionLayout>
  );
}

