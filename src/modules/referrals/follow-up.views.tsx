/** The referrer's follow-up form (outcome + optional ONS4 next to the baseline) and the coordinator's access log. */
import type { SafeHtml } from '#jsx/jsx-runtime';
import type { PageContext } from '../../platform/page-context.ts';
import { formatDateTime } from '../../platform/format.ts';
import { textOf } from '../../platform/localised.ts';
import { FormField, PostForm } from '../../ui/forms.tsx';
import { ChoiceGroup } from '../../ui/choices.tsx';
import type { Instrument } from '../guidance/index.ts';
import { ReferralsLayout, type FormErrors, type Navigation } from './referrals-layout.tsx';
import { followUpOutcomes, type AccessLogEntry, type ReferralDetail } from './referrals.types.ts';

export interface FollowUpPageProps {
  ctx: PageContext;
  nav: Navigation;
  referral: ReferralDetail;
  instrument: Instrument | undefined;
  values: Record<string, string>;
  errors?: FormErrors;
}

export function FollowUpPage(props: FollowUpPageProps): SafeHtml {
  const { ctx, referral, instrument } = props;
  const err = (field: string) => (props.errors?.[field] ? ctx.t(props.errors[field]!) : undefined);
  const baseline = (itemId: string) => referral.answers.find((a) => a.phase === 'initial' && a.itemId === itemId)?.value;
  const title = ctx.t('referrals.followUp.title');
  return (
    <ReferralsLayout ctx={ctx} nav={props.nav} title={title} errors={props.errors} fieldIds={{ outcome: 'outcome-0' }}>
      <p class="breadcrumb">
        <a href={`/${ctx.lang}/referrals/${referral.id}`}>{ctx.t('referrals.detail.title', { service: textOf(referral.serviceName, ctx.lang) })}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">{ctx.t('referrals.followUp.lead')}</p>
      <PostForm ctx={ctx} action={`/${ctx.lang}/referrals/${referral.id}/follow-up`}>
        <ChoiceGroup
          id="outcome"
          name="outcome"
          type="radio"
          legend={ctx.t('referrals.followUp.outcome')}
          error={err('outcome')}
          selected={[props.values.outcome ?? '']}
          options={followUpOutcomes.map((o) => ({ value: o, label: ctx.t(`referrals.outcome.${o}`) }))}
        />
        {instrument ? (
          <fieldset class="field">
            <legend>{ctx.t('referrals.followUp.answers')}</legend>
            <p class="hint">{textOf(instrument.name, ctx.lang)}</p>
            {instrument.items.map((item) => {
              const scale = instrument.scales[item.scale]!;
              const before = baseline(item.id);
              return (
                <FormField
                  id={`item-${item.id}`}
                  name={`item-${item.id}`}
                  type="number"
                  inputmode="numeric"
                  label={`${textOf(item.text, ctx.lang)} (${scale.min}–${scale.max})`}
                  hint={before === undefined ? ctx.t('referrals.followUp.noBaseline') : ctx.t('referrals.followUp.baseline', { value: before })}
                  value={props.values[`item-${item.id}`] ?? ''}
                  error={err(`item-${item.id}`)}
                />
              );
            })}
          </fieldset>
        ) : null}
        <button type="submit" class="button button--primary">
          {ctx.t('referrals.followUp.submit')}
        </button>
      </PostForm>
    </ReferralsLayout>
  );
}

export function AccessLogPage(props: { ctx: PageContext; nav: Navigation; entries: AccessLogEntry[]; errors?: FormErrors; values?: Record<string, string> }): SafeHtml {
  const { ctx } = props;
  const title = ctx.t('referrals.access.title');
  const err = (field: string) => (props.errors?.[field] ? ctx.t(props.errors[field]!) : undefined);
  return (
    <ReferralsLayout ctx={ctx} nav={props.nav} title={title} errors={props.errors}>
      <h1>{title}</h1>
      <p class="lead">{ctx.t('referrals.access.lead')}</p>
      <h2>{ctx.t('referrals.access.export.title')}</h2>
      <p>{ctx.t('referrals.access.export.lead')}</p>
      <PostForm ctx={ctx} action={`/${ctx.lang}/referrals/access-log/export`}>
        <FormField id="email" type="email" label={ctx.t('referrals.field.email')} value={props.values?.email ?? ''} error={err('email')} autocomplete="off" />
        <FormField id="phone" type="tel" label={ctx.t('referrals.field.phone')} value={props.values?.phone ?? ''} autocomplete="off" />
        <button type="submit" name="format" value="json" class="button">
          {ctx.t('referrals.access.export.json')}
        </button>{' '}
        <button type="submit" name="format" value="csv" class="button">
          {ctx.t('referrals.access.export.csv')}
        </button>
      </PostForm>
      <h2>{ctx.t('referrals.nav.access')}</h2>
      {props.entries.length === 0 ? (
        <p>{ctx.t('referrals.access.none')}</p>
      ) : (
        <table class="data-table" id="access-log">
          <caption class="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{ctx.t('referrals.access.time')}</th>
              <th scope="col">{ctx.t('referrals.access.referral')}</th>
              <th scope="col">{ctx.t('referrals.access.user')}</th>
              <th scope="col">{ctx.t('referrals.access.action')}</th>
              <th scope="col">{ctx.t('referrals.access.purpose')}</th>
              <th scope="col">{ctx.t('referrals.access.channel')}</th>
            </tr>
          </thead>
          <tbody>
            {props.entries.map((e) => (
              <tr>
                <td>{formatDateTime(e.at, ctx.lang)}</td>
                <td>
                  <a href={`/${ctx.lang}/referrals/${e.referralId}`}>{e.referralId.slice(0, 8)}</a>
                </td>
                <td>{e.actorName ?? e.actorUserId ?? ctx.t('referrals.role.system')}</td>
                <td>{ctx.t(`referrals.access.action.${e.action}`)}</td>
                <td>{e.purpose}</td>
                <td>{e.channel}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ReferralsLayout>
  );
}
