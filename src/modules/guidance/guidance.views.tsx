/** Guidance pages of the professional: sessions, context and needs, the light check. */
import type { Child, SafeHtml } from '#jsx/jsx-runtime';
import type { PageContext } from '../../platform/page-context.ts';
import { formatDateTime } from '../../platform/format.ts';
import { textOf, type Language, type LocalisedText } from '../../platform/localised.ts';
import { ErrorSummary, Layout, asset } from '../../ui/layout.tsx';
import { FormField, PostForm } from '../../ui/forms.tsx';
import { ChoiceGroup, SelectField, type Option } from '../../ui/choices.tsx';
import { activityLanguages, ageGroups, budgets, mobilityNeeds, type GuidanceSession } from './guidance.types.ts';
import type { Instrument, ItemResult } from './instruments.ts';
import { needArea, needAreas, type NeedAreaCode } from './need-areas.ts';

export type FormErrors = Record<string, string>;
export type Step = 'overview' | 'context' | 'check' | 'suggestions' | 'plan';

export interface MunicipalityOption {
  code: string;
  name: LocalisedText;
  region: string;
}

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

export function CheckResults(props: { ctx: PageContext; instrument: Instrument; results: ItemResult[] }): SafeHtml {
  const { ctx } = props;
  return (
    <table class="data-table check-results">
      <caption class="visually-hidden">{ctx.t('guidance.check.results')}</caption>
      <thead>
        <tr>
          <th scope="col">{ctx.t('guidance.check.item')}</th>
          <th scope="col">{ctx.t('guidance.check.answer')}</th>
          <th scope="col">{ctx.t('guidance.check.band')}</th>
          <th scope="col">{ctx.t('guidance.check.discuss')}</th>
        </tr>
      </thead>
      <tbody>
        {props.results.map((r) => (
          <tr>
            <th scope="row">{r.item.shortName[ctx.lang]}</th>
            <td>{r.value === undefined ? ctx.t('guidance.check.notAnswered') : `${r.value} / ${props.instrument.scales[r.item.scale]?.max ?? ''}`}</td>
            <td>{r.band ? r.band.label[ctx.lang] : '–'}</td>
            <td>{r.discuss.length > 0 ? r.discuss.map((d) => needAreaLabel(d, ctx.lang)).join(', ') : '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
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
          values={values.needAreas}
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
          values={[values.ageGroup]}
        />
        <ChoiceGroup
          id="languages"
          name="languages"
          type="checkbox"
          legend={ctx.t('guidance.context.languages')}
          hint={ctx.t('guidance.context.languagesHint')}
          error={error('languages')}
          options={activityLanguages.map((l) => ({ value: l, label: ctx.t(`guidance.language.${l}`) }))}
          values={values.languages}
        />
        <ChoiceGroup
          id="mobility"
          name="mobility"
          type="checkbox"
          legend={ctx.t('guidance.context.mobility')}
          hint={ctx.t('guidance.context.mobilityHint')}
          error={error('mobility')}
          options={mobilityNeeds.map((m) => ({ value: m, label: ctx.t(`guidance.mobility.${m}`) }))}
          values={values.mobility}
        />
        <ChoiceGroup
          id="budget"
          name="budget"
          type="radio"
          legend={ctx.t('guidance.context.budget')}
          error={error('budget')}
          options={budgets.map((b) => ({ value: b, label: ctx.t(`guidance.budget.${b}`) }))}
          values={[values.budget]}
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

export interface CheckPageProps {
  ctx: PageContext;
  session: GuidanceSession;
  instruments: Instrument[];
  instrument: Instrument;
  values: Record<string, string>;
  keep: boolean;
  errors?: FormErrors;
}

export function CheckPage(props: CheckPageProps): SafeHtml {
  const { ctx, session, instrument } = props;
  const errors = props.errors ?? {};
  const lang = ctx.lang;
  const fieldIds = Object.fromEntries(instrument.items.map((item) => [`item-${item.id}`, `item-${item.id}-0`]));
  return (
    <SessionLayout ctx={ctx} session={session} step="check" title={ctx.t('guidance.check.title')} errors={errors}>
      <h1>{ctx.t('guidance.check.title')}</h1>
      <NonDiagnostic ctx={ctx} />
      <p>{ctx.t('guidance.check.lead')}</p>
      {props.instruments.length > 1 ? (
        <form method="get" action={`/${ctx.lang}/guidance/sessions/${session.id}/check`} class="inline-form">
          <SelectField id="instrument" label={ctx.t('guidance.check.instrument')} value={instrument.id} options={props.instruments.map((i) => ({ value: i.id, label: i.name[lang] }))} />
          <button type="submit" class="button button--small">
            {ctx.t('guidance.check.chooseInstrument')}
          </button>
        </form>
      ) : null}
      <h2>{instrument.name[lang]}</h2>
      <p>{instrument.intro[lang]}</p>
      <ErrorSummary ctx={ctx} errors={errorItems(ctx, errors, fieldIds)} />
      <PostForm ctx={ctx} action={`/${ctx.lang}/guidance/sessions/${session.id}/check`}>
        <input type="hidden" name="instrumentId" value={instrument.id} />
        {instrument.items.map((item) => {
          const scale = instrument.scales[item.scale]!;
          const values: Option[] = [];
          for (let v = scale.min; v <= scale.max; v++) values.push({ value: String(v), label: String(v) });
          const error = errors[`item-${item.id}`];
          return (
            <ChoiceGroup
              id={`item-${item.id}`}
              name={`item-${item.id}`}
              type="radio"
              inline
              legend={item.text[lang]}
              hint={ctx.t('guidance.check.scaleHint', { min: scale.min, minLabel: scale.minLabel[lang], max: scale.max, maxLabel: scale.maxLabel[lang] })}
              error={error ? ctx.t(error) : undefined}
              options={values}
              values={[props.values[item.id] ?? '']}
            />
          );
        })}
        <div class="choice">
          <input type="checkbox" id="keep" name="keep" value="yes" checked={props.keep} aria-describedby="keep-hint" />
          <label for="keep">{ctx.t('guidance.check.keep')}</label>
          <p class="hint" id="keep-hint">
            {ctx.t('guidance.check.keepHint')}
          </p>
        </div>
        <button type="submit" class="button button--primary">
          {ctx.t('guidance.check.submit')}
        </button>
      </PostForm>
      <p class="small licence">
        {instrument.licence[lang]}
        {instrument.licenceUrl ? (
          <>
            {' '}
            <a href={instrument.licenceUrl}>{ctx.t('guidance.check.licenceLink')}</a>
          </>
        ) : null}
      </p>
    </SessionLayout>
  );
}

export function CheckResultPage(props: { ctx: PageContext; session: GuidanceSession; instrument: Instrument; results: ItemResult[]; stored: boolean }): SafeHtml {
  const { ctx, session } = props;
  const base = `/${ctx.lang}/guidance/sessions/${session.id}`;
  const discuss = [...new Set(props.results.flatMap((r) => r.discuss))].filter((code) => !session.needAreas.includes(code));
  return (
    <SessionLayout ctx={ctx} session={session} step="check" title={ctx.t('guidance.check.results')}>
      <h1>{ctx.t('guidance.check.results')}</h1>
      <NonDiagnostic ctx={ctx} />
      <p class="notice" role="status">
        {ctx.t(props.stored ? 'guidance.check.stored' : 'guidance.check.notStored')}
      </p>
      <h2>{props.instrument.name[ctx.lang]}</h2>
      <p>{ctx.t('guidance.check.separately')}</p>
      <CheckResults ctx={ctx} instrument={props.instrument} results={props.results} />
      {discuss.length > 0 ? (
        <>
          <h2>{ctx.t('guidance.check.discussTitle')}</h2>
          <p>{ctx.t('guidance.check.discussLead')}</p>
          <ul>
            {discuss.map((code: NeedAreaCode) => (
              <li>{needArea(code).label[ctx.lang]}</li>
            ))}
          </ul>
        </>
      ) : null}
      <ul class="link-list">
        <li>
          <a href={`${base}/context`}>{ctx.t('guidance.check.toContext')}</a>
        </li>
        <li>
          <a href={`${base}/suggestions`}>{ctx.t('guidance.session.toSuggestions')}</a>
        </li>
      </ul>
    </SessionLayout>
  );
}
