/** "What would do you good?": a kind, non-diagnostic questionnaire and its suggestions. */
import type { SafeHtml } from '#jsx/jsx-runtime';
import { ChoiceGroup } from '../../ui/choices.tsx';
import { ErrorSummary, Layout } from '../../ui/layout.tsx';
import {
  costOptions,
  forWhomOptions,
  interestOptions,
  needOptions,
  whenOptions,
  type SelfCheckAnswers,
} from './self-check.ts';
import { trayQueryString, type FieldError } from './tray-filters.ts';
import { ActivityCard, type TrayProps } from './web.components.tsx';
import type { Suggestions } from './web.service.ts';

export interface SelfCheckPageProps extends TrayProps {
  answers: SelfCheckAnswers;
  errors: FieldError[];
  suggestions?: Suggestions | undefined;
}

export function SelfCheckPage(props: SelfCheckPageProps): SafeHtml {
  const { ctx, answers, errors, suggestions, base } = props;
  const t = ctx.t;
  const postalError = errors.find((e) => e.field === 'postalCode');
  return (
    <Layout
      ctx={ctx}
      title={`${errors.length ? `${t('web.form.errorTitlePrefix')} ` : ''}${t('web.selfCheck.title')}`}
      description={t('web.selfCheck.intro')}
      head={<meta name="robots" content={suggestions ? 'noindex' : 'index, follow'} />}
      scripts={['tray.js']}
    >
      <h1>{t('web.selfCheck.title')}</h1>
      <p class="lead">{t('web.selfCheck.intro')}</p>
      <p class="notice">{t('web.selfCheck.privacy')}</p>
      {suggestions ? (
        <section class="suggestions" aria-labelledby="suggestions-heading">
          <h2 id="suggestions-heading">{t('web.selfCheck.suggestions')}</h2>
          {suggestions.relaxed.map((key) => (
            <p>{t(key)}</p>
          ))}
          {suggestions.result.items.length === 0 ? (
            <p>{t('web.selfCheck.none')}</p>
          ) : (
            <ol class="cards">
              {suggestions.result.items.map((hit) => (
                <ActivityCard ctx={ctx} base={base} reference={props.reference} hit={hit} />
              ))}
            </ol>
          )}
          {suggestions.result.total > suggestions.result.items.length ? (
            <p>
              <a class="button" href={`${base}/search${trayQueryString(suggestions.filters)}`}>
                {t('web.selfCheck.seeAll', { count: suggestions.result.total })}
              </a>
            </p>
          ) : null}
          <p>{t('web.selfCheck.notAdvice')}</p>
          <h2>{t('web.selfCheck.again')}</h2>
        </section>
      ) : null}
      <form method="get" action={`${base}/self-check`} class="stack" novalidate>
        <ErrorSummary ctx={ctx} errors={errors.map((e) => ({ field: e.field, message: t(e.key) }))} />
        <ChoiceGroup
          id="interest"
          name="interest"
          legend={t('web.selfCheck.q.interest')}
          hint={t('web.selfCheck.chooseAny')}
          options={Object.keys(interestOptions).map((k) => ({ value: k, label: t(`web.selfCheck.interest.${k}`) }))}
          selected={answers.interests}
        />
        <ChoiceGroup
          id="need"
          name="need"
          legend={t('web.selfCheck.q.need')}
          hint={t('web.selfCheck.chooseAny')}
          options={Object.keys(needOptions).map((k) => ({ value: k, label: t(`web.selfCheck.need.${k}`) }))}
          selected={answers.needs}
        />
        <ChoiceGroup
          id="forWhom"
          name="forWhom"
          type="radio"
          legend={t('web.selfCheck.q.forWhom')}
          options={Object.keys(forWhomOptions).map((k) => ({ value: k, label: t(`web.selfCheck.forWhom.${k}`) }))}
          selected={[answers.forWhom]}
        />
        <ChoiceGroup
          id="when"
          name="when"
          legend={t('web.selfCheck.q.when')}
          hint={t('web.selfCheck.chooseAny')}
          options={Object.keys(whenOptions).map((k) => ({ value: k, label: t(`web.selfCheck.when.${k}`) }))}
          selected={answers.when}
        />
        <ChoiceGroup
          id="cost"
          name="cost"
          type="radio"
          legend={t('web.selfCheck.q.cost')}
          options={costOptions.map((k) => ({ value: k, label: t(`web.selfCheck.cost.${k}`) }))}
          selected={[answers.cost]}
        />
        <div class={`field${postalError ? ' field--error' : ''}`}>
          <label for="postalCode">{t('web.selfCheck.q.postalCode')}</label>
          <p class="hint" id="postalCode-hint">
            {t('web.selfCheck.postalCodeHint')}
          </p>
          {postalError ? (
            <p class="field-error" id="postalCode-error">
              {t(postalError.key)}
            </p>
          ) : null}
          <input
            type="text"
            id="postalCode"
            name="postalCode"
            inputmode="numeric"
            autocomplete="postal-code"
            maxlength={10}
            size={6}
            value={answers.postalCode}
            aria-describedby={postalError ? 'postalCode-hint postalCode-error' : 'postalCode-hint'}
            aria-invalid={postalError ? 'true' : undefined}
          />
        </div>
        <p>
          <button type="submit">{t('web.selfCheck.submit')}</button>
        </p>
      </form>
    </Layout>
  );
}
