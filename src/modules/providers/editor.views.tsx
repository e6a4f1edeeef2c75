/** The activity editor: every field of the catalogue model, works without JavaScript (autosave with it). */
import type { SafeHtml } from '#jsx/jsx-runtime';
import type { PageContext } from '../../platform/page-context.ts';
import { formatDate } from '../../platform/format.ts';
import { languages, type Language } from '../../platform/localised.ts';
import { ErrorSummary } from '../../ui/layout.tsx';
import { FormField, PostForm } from '../../ui/forms.tsx';
import { ChoiceGroup } from '../../ui/choices.tsx';
import { textOf } from '../../platform/localised.ts';
import { costTypes, targetGroups, themes } from '../catalog/index.ts';
import { accessibilityFeatureCodes, activityLanguages, eventRows, exceptionRows, weeklyRows, type FormErrors, type FormValues } from './activity-form.ts';
import { Checkbox, Notice, StaffLayout, errorItems } from './providers-layout.tsx';

export interface EditorPageProps {
  ctx: PageContext;
  serviceId: string;
  values: FormValues;
  errors?: FormErrors;
  notice?: string | undefined;
  isNew: boolean;
  status: string;
  source: string;
  openStatus: string | null;
  returnComment: string | null;
  lastReviewedAt: Date | null;
}

const longTexts = new Set(['description', 'user_instructions', 'plain_summary']);

export function EditorPage(props: EditorPageProps): SafeHtml {
  const { ctx, values } = props;
  const errors = props.errors ?? {};
  const one = (key: string) => {
    const value = values[key];
    return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
  };
  const many = (key: string) => {
    const value = values[key];
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
  };
  const field = (name: string, extra: { type?: 'text' | 'email' | 'tel' | 'url' | 'number' | 'date' | 'time'; hint?: string; lang?: Language; multiline?: boolean; label?: string } = {}) => (
    <FormField
      id={name}
      label={extra.label ?? ctx.t(`providers.field.${name}`)}
      value={one(name)}
      {...(errors[name] ? { error: ctx.t(errors[name]!) } : {})}
      {...(extra.hint ? { hint: extra.hint } : {})}
      {...(extra.type ? { type: extra.type } : {})}
      {...(extra.lang ? { lang: extra.lang } : {})}
      {...(extra.multiline ? { multiline: true, rows: 4 } : {})}
    />
  );
  const base = `/${ctx.lang}/provider/activities/${props.serviceId}`;
  const title = props.isNew ? ctx.t('providers.editor.titleNew') : ctx.t('providers.editor.title');
  const dateHint = ctx.t('providers.field.dateHint');
  const timeHint = ctx.t('providers.field.timeHint');
  return (
    <StaffLayout ctx={ctx} title={title} errors={errors} scripts={['provider-editor.js']}>
      <p class="breadcrumb">
        <a href={`/${ctx.lang}/provider`}>{ctx.t('providers.title')}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errorItems(ctx, errors)} />
      <Notice ctx={ctx} notice={props.notice} />
      {props.source !== 'manual' && props.source !== 'csv' && props.source !== 'demo' ? <p class="notice">{ctx.t('providers.editor.imported', { source: props.source.toUpperCase() })}</p> : null}
      {props.openStatus === 'pending' ? <p class="notice">{ctx.t('providers.editor.pending')}</p> : null}
      {props.openStatus === 'returned' ? <p class="notice notice--warning">{ctx.t('providers.editor.returned', { comment: props.returnComment ?? '' })}</p> : null}

      <PostForm ctx={ctx} action={base} id="activity-form" class="editor-form">
        <p class="hint" id="autosave-status" role="status" aria-live="polite" data-autosave={`${base}/draft`} data-saved={ctx.t('providers.editor.draftSaved')}>
          {ctx.t('providers.editor.autosave')}
        </p>
        <fieldset>
          <legend>{ctx.t('providers.editor.texts')}</legend>
          <p class="hint">{ctx.t('providers.editor.textsHint')}</p>
          {(['name', 'summary', 'description', 'plain_summary', 'user_instructions', 'keywords'] as const).map((name) =>
            languages.map((lang) =>
              field(`${name}_${lang}`, {
                label: ctx.t('providers.editor.inLanguage', { field: ctx.t(`providers.field.${name}`), language: ctx.t(`providers.language.${lang}`) }),
                lang,
                multiline: longTexts.has(name),
              }),
            ),
          )}
        </fieldset>

        <ChoiceGroup id="themes" name="themes" type="checkbox" legend={ctx.t('providers.field.themes')} selected={many('themes')}
          options={themes.map((t) => ({ value: t.code, label: textOf(t.label, ctx.lang) }))} {...(errors.themes ? { error: ctx.t(errors.themes) } : {})} />
        <ChoiceGroup id="target_groups" name="target_groups" type="checkbox" legend={ctx.t('providers.field.target_groups')} selected={many('target_groups')}
          options={targetGroups.map((t) => ({ value: t.code, label: textOf(t.label, ctx.lang) }))} {...(errors.target_groups ? { error: ctx.t(errors.target_groups) } : {})} />
        <ChoiceGroup id="languages" name="languages" type="checkbox" inline legend={ctx.t('providers.field.languages')} selected={many('languages')}
          options={activityLanguages.map((l) => ({ value: l, label: ctx.t(`providers.language.${l}`) }))} />
        {field('age_min', { type: 'number' })}
        {field('age_max', { type: 'number' })}
        <ChoiceGroup id="cost_type" name="cost_type" type="radio" inline legend={ctx.t('providers.field.cost_type')} selected={[one('cost_type') || 'unknown']}
          options={costTypes.map((c) => ({ value: c, label: ctx.t(`providers.cost.${c}`) }))} />
        {languages.map((lang) => field(`cost_info_${lang}`, { lang, label: ctx.t('providers.editor.inLanguage', { field: ctx.t('providers.field.cost_info'), language: ctx.t(`providers.language.${lang}`) }) }))}
        <Checkbox id="kaikukortti" label={ctx.t('providers.field.kaikukortti')} checked={one('kaikukortti') === 'on'} />
        {field('area_municipalities')}
        <Checkbox id="accepts_referrals" label={ctx.t('providers.field.accepts_referrals')} checked={one('accepts_referrals') === 'on'} />
        {field('open_places', { type: 'number' })}

        <fieldset>
          <legend>{ctx.t('providers.field.location')}</legend>
          {field('location_name')}
          {field('location_street')}
          {field('location_postal_code', { hint: ctx.t('providers.field.location_postal_codeHint') })}
          <Checkbox id="confidential_address" label={ctx.t('providers.field.confidential_address')} checked={one('confidential_address') === 'on'} />
          <ChoiceGroup id="accessibility" name="accessibility" type="checkbox" legend={ctx.t('providers.field.accessibility')} selected={many('accessibility')}
            options={accessibilityFeatureCodes.map((a) => ({ value: a, label: ctx.t(`providers.access.${a}`) }))} />
        </fieldset>

        <fieldset>
          <legend>{ctx.t('providers.field.contact')}</legend>
          {field('phone', { type: 'tel' })}
          {field('email', { type: 'email' })}
          {field('website', { type: 'url' })}
        </fieldset>

        <fieldset>
          <legend>{ctx.t('providers.field.schedule')}</legend>
          {Array.from({ length: weeklyRows }, (_, i) => (
            <fieldset class="schedule-row">
              <legend>{ctx.t('providers.field.weekly', { number: i + 1 })}</legend>
              <ChoiceGroup id={`weekly_${i}_days`} name={`weekly_${i}_days`} type="checkbox" inline legend={ctx.t('providers.field.weekdays')} selected={many(`weekly_${i}_days`)}
                options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: ctx.t(`providers.weekday.${d}`) }))} {...(errors[`weekly_${i}_days`] ? { error: ctx.t(errors[`weekly_${i}_days`]!) } : {})} />
              {field(`weekly_${i}_opens`, { label: ctx.t('providers.field.opens'), hint: timeHint })}
              {field(`weekly_${i}_closes`, { label: ctx.t('providers.field.closes'), hint: timeHint })}
            </fieldset>
          ))}
          {field('valid_from', { hint: dateHint })}
          {field('valid_to', { hint: dateHint })}
          {field('excluded_dates')}
          {Array.from({ length: exceptionRows }, (_, i) => (
            <fieldset class="schedule-row">
              <legend>{ctx.t('providers.field.exception', { number: i + 1 })}</legend>
              {field(`exception_${i}_from`, { label: ctx.t('providers.field.exception_from'), hint: dateHint })}
              {field(`exception_${i}_to`, { label: ctx.t('providers.field.exception_to'), hint: dateHint })}
              {field(`exception_${i}_note`, { label: ctx.t('providers.field.exception_note') })}
            </fieldset>
          ))}
          {Array.from({ length: eventRows }, (_, i) => (
            <fieldset class="schedule-row">
              <legend>{ctx.t('providers.field.event', { number: i + 1 })}</legend>
              {field(`event_${i}_date`, { label: ctx.t('providers.field.event_date'), hint: dateHint })}
              {field(`event_${i}_starts`, { label: ctx.t('providers.field.event_starts'), hint: timeHint })}
              {field(`event_${i}_ends`, { label: ctx.t('providers.field.event_ends'), hint: timeHint })}
            </fieldset>
          ))}
        </fieldset>

        <div class="button-row">
          <button type="submit" name="intent" value="draft" class="button">
            {ctx.t('providers.editor.saveDraft')}
          </button>
          <button type="submit" name="intent" value="submit" class="button button--primary">
            {ctx.t('providers.editor.submit')}
          </button>
        </div>
      </PostForm>

      {props.isNew ? null : <ActivityActions {...props} base={base} />}
    </StaffLayout>
  );
}

function ActivityActions(props: EditorPageProps & { base: string }): SafeHtml {
  const { ctx } = props;
  return (
    <section aria-labelledby="actions-heading">
      <h2 id="actions-heading">{ctx.t('providers.actions')}</h2>
      <p>
        {ctx.t('providers.field.status')}: {ctx.t(`providers.status.${props.status}`)}
      </p>
      <PostForm ctx={ctx} action={`${props.base}/reviewed`}>
        {props.lastReviewedAt ? <p class="hint">{ctx.t('providers.action.reviewedHint', { date: formatDate(props.lastReviewedAt, ctx.lang) })}</p> : null}
        <button type="submit" class="button">
          {ctx.t('providers.action.reviewed')}
        </button>
      </PostForm>
      <PostForm ctx={ctx} action={`${props.base}/status`} class="button-row">
        {props.status === 'published' ? (
          <button type="submit" name="status" value="paused" class="button">
            {ctx.t('providers.action.pause')}
          </button>
        ) : (
          <button type="submit" name="status" value="published" class="button">
            {ctx.t('providers.action.publish')}
          </button>
        )}
        {props.status !== 'archived' ? (
          <button type="submit" name="status" value="archived" class="button">
            {ctx.t('providers.action.archive')}
          </button>
        ) : null}
      </PostForm>
      <p>
        <a href={`${props.base}/history`}>{ctx.t('providers.history')}</a>
      </p>
    </section>
  );
}
