/** The light well-being check: the questions and the results, item by item. */
import type { SafeHtml } from '#jsx/jsx-runtime';
import type { PageContext } from '../../platform/page-context.ts';
import { ErrorSummary } from '../../ui/layout.tsx';
import { PostForm } from '../../ui/forms.tsx';
import { ChoiceGroup, SelectField, type Option } from '../../ui/choices.tsx';
import type { GuidanceSession } from './guidance.types.ts';
import type { Instrument, ItemResult } from './instruments.ts';
import { needArea, type NeedAreaCode } from './need-areas.ts';
import { errorItems, needAreaLabel, NonDiagnostic, SessionLayout, type FormErrors } from './guidance-layout.tsx';

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
              selected={[props.values[item.id] ?? '']}
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
