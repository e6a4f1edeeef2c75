/** Referral pages: the lists (provider inbox, referrer's and region's referrals), a new referral, one referral. */
import type { SafeHtml } from '#jsx/jsx-runtime';
import type { PageContext } from '../../platform/page-context.ts';
import { formatDate, formatDateTime } from '../../platform/format.ts';
import { textOf } from '../../platform/localised.ts';
import { FormField, PostForm } from '../../ui/forms.tsx';
import { ChoiceGroup, SelectField } from '../../ui/choices.tsx';
import { needLabel, ReferralsLayout, type FormErrors, type Navigation } from './referrals-layout.tsx';
import { consentGivers, type ReferralDetail, type ReferralSummary } from './referrals.types.ts';
import { reasonsFor, type ReferralStatus } from './referrals.workflow.ts';
import type { ReferralListView } from './referrals.service.ts';
import type { ReferralStatistics } from './referrals.access.service.ts';

export interface ListPageProps {
  ctx: PageContext;
  nav: Navigation;
  as: 'referrer' | 'provider' | 'coordinator';
  view: ReferralListView;
  referrals: ReferralSummary[];
  statistics?: ReferralStatistics | undefined;
}

function StatisticsTables(props: { ctx: PageContext; statistics: ReferralStatistics }): SafeHtml {
  const { ctx, statistics } = props;
  return (
    <section aria-labelledby="statistics-title" id="statistics">
      <h2 id="statistics-title">{ctx.t('referrals.statistics.title')}</h2>
      <p>{ctx.t('referrals.statistics.lead')}</p>
      <table class="data-table">
        <caption>{ctx.t('referrals.statistics.byStatus')}</caption>
        <thead>
          <tr>
            <th scope="col">{ctx.t('referrals.column.status')}</th>
            <th scope="col">{ctx.t('referrals.statistics.count')}</th>
          </tr>
        </thead>
        <tbody>
          {statistics.byStatus.map((row) => (
            <tr>
              <td>{ctx.t(`referrals.status.${row.status}`)}</td>
              <td>{String(row.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table class="data-table">
        <caption>{ctx.t('referrals.statistics.byOutcome')}</caption>
        <thead>
          <tr>
            <th scope="col">{ctx.t('referrals.followUp.outcome')}</th>
            <th scope="col">{ctx.t('referrals.statistics.count')}</th>
          </tr>
        </thead>
        <tbody>
          {statistics.byOutcome.map((row) => (
            <tr>
              <td>{ctx.t(`referrals.outcome.${row.outcome}`)}</td>
              <td>{String(row.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

const listTitles = { provider: 'referrals.nav.inbox', referrer: 'referrals.nav.sent', coordinator: 'referrals.nav.region' } as const;

export function ReferralListPage(props: ListPageProps): SafeHtml {
  const { ctx } = props;
  const views: ReferralListView[] = props.as === 'provider' ? ['new', 'active', 'follow-up', 'closed'] : ['all', 'new', 'active', 'follow-up', 'closed'];
  const title = ctx.t(listTitles[props.as]);
  return (
    <ReferralsLayout ctx={ctx} nav={props.nav} title={title}>
      <h1>{title}</h1>
      <p>{ctx.t('referrals.noPersonalDataInLists')}</p>
      <nav aria-label={title}>
        <ul class="inline-list tabs">
          {views.map((view) => (
            <li>
              <a href={`/${ctx.lang}/referrals?as=${props.as}&view=${view}`} aria-current={view === props.view ? 'page' : undefined}>
                {ctx.t(`referrals.view.${view}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {props.referrals.length === 0 ? (
        <p>{ctx.t('referrals.empty')}</p>
      ) : (
        <table class="data-table">
          <caption class="visually-hidden">{`${title}: ${ctx.t(`referrals.view.${props.view}`)}`}</caption>
          <thead>
            <tr>
              <th scope="col">{ctx.t('referrals.column.activity')}</th>
              <th scope="col">{ctx.t('referrals.column.from')}</th>
              <th scope="col">{ctx.t('referrals.column.status')}</th>
              <th scope="col">{ctx.t('referrals.column.created')}</th>
              <th scope="col">{ctx.t('referrals.column.followUp')}</th>
            </tr>
          </thead>
          <tbody>
            {props.referrals.map((r) => (
              <tr>
                <td>
                  <a href={`/${ctx.lang}/referrals/${r.id}`}>{textOf(r.serviceName, ctx.lang)}</a>
                </td>
                <td>{textOf(r.referringOrganisationName, ctx.lang)}</td>
                <td>{ctx.t(`referrals.status.${r.status}`)}</td>
                <td>{formatDate(r.createdAt, ctx.lang)}</td>
                <td>{r.followUpRecordedAt ? formatDate(r.followUpRecordedAt, ctx.lang) : r.followUpDueAt ? formatDate(r.followUpDueAt, ctx.lang) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.statistics ? <StatisticsTables ctx={ctx} statistics={props.statistics} /> : null}
    </ReferralsLayout>
  );
}

export interface NewReferralProps {
  ctx: PageContext;
  nav: Navigation;
  sessionId: string;
  options: { serviceId: string; name: Record<string, string>; openPlaces: number | null; unavailable: string | undefined }[];
  needCodes: string[];
  values: Record<string, string | string[]>;
  errors?: FormErrors;
}

export function NewReferralPage(props: NewReferralProps): SafeHtml {
  const { ctx, values } = props;
  const err = (field: string) => (props.errors?.[field] ? ctx.t(props.errors[field]!) : undefined);
  const value = (field: string) => (typeof values[field] === 'string' ? (values[field] as string) : '');
  const chosenNeeds = Array.isArray(values.needCodes) ? values.needCodes : typeof values.needCodes === 'string' ? [values.needCodes] : props.needCodes;
  const available = props.options.filter((o) => !o.unavailable);
  return (
    <ReferralsLayout ctx={ctx} nav={props.nav} title={ctx.t('referrals.new.title')} errors={props.errors} fieldIds={{ serviceId: 'serviceId-0', needCodes: 'needCodes-0', consent: 'consent', consentGivenBy: 'consentGivenBy-0' }}>
      <h1>{ctx.t('referrals.new.title')}</h1>
      <p class="lead">{ctx.t('referrals.new.lead')}</p>
      {props.options.length === 0 ? (
        <p>
          <a href={`/${ctx.lang}/guidance/sessions/${props.sessionId}/suggestions`}>{ctx.t('referrals.new.noActivities')}</a>
        </p>
      ) : (
        <PostForm ctx={ctx} action={`/${ctx.lang}/referrals`}>
          <input type="hidden" name="sessionId" value={props.sessionId} />
          <ChoiceGroup
            id="serviceId"
            name="serviceId"
            type="radio"
            legend={ctx.t('referrals.field.service')}
            error={err('serviceId')}
            selected={[value('serviceId') || (available.length === 1 ? available[0]!.serviceId : '')]}
            options={available.map((o) => ({
              value: o.serviceId,
              label: textOf(o.name, ctx.lang),
              hint: o.openPlaces === null ? ctx.t('referrals.new.placesUnknown') : ctx.t('referrals.new.places', { count: o.openPlaces }),
            }))}
          />
          {props.options
            .filter((o) => o.unavailable)
            .map((o) => (
              <p class="notice">
                {textOf(o.name, ctx.lang)}: {ctx.t(o.unavailable!)}
              </p>
            ))}
          <FormField id="name" label={ctx.t('referrals.field.name')} value={value('name')} error={err('name')} autocomplete="off" maxlength={200} />
          <FormField id="phone" type="tel" label={ctx.t('referrals.field.phone')} hint={ctx.t('referrals.field.contactHint')} value={value('phone')} error={err('phone')} autocomplete="off" maxlength={30} />
          <FormField id="email" type="email" label={ctx.t('referrals.field.email')} value={value('email')} error={err('email')} autocomplete="off" maxlength={200} />
          <SelectField
            id="clientLanguage"
            label={ctx.t('referrals.field.clientLanguage')}
            value={value('clientLanguage') || ctx.lang}
            error={err('clientLanguage')}
            options={(['fi', 'sv', 'en'] as const).map((l) => ({ value: l, label: ctx.t(`ui.languageName.${l}`), lang: l }))}
          />
          <ChoiceGroup id="needCodes" name="needCodes" type="checkbox" legend={ctx.t('referrals.field.needCodes')} error={err('needCodes')} selected={chosenNeeds} options={props.needCodes.concat(chosenNeeds.filter((c) => !props.needCodes.includes(c))).map((code) => ({ value: code, label: needLabel(code, ctx.lang) }))} />
          <FormField id="note" multiline rows={3} label={ctx.t('referrals.field.note')} hint={ctx.t('referrals.field.noteHint')} value={value('note')} error={err('note')} maxlength={2000} />
          <ChoiceGroup
            id="consentGivenBy"
            name="consentGivenBy"
            type="radio"
            legend={ctx.t('referrals.field.consentGivenBy')}
            error={err('consentGivenBy')}
            selected={[value('consentGivenBy') || 'client']}
            options={consentGivers.map((g) => ({ value: g, label: ctx.t(`referrals.givenBy.${g}`) }))}
          />
          <div class={`field${err('consent') ? ' field--error' : ''}`}>
            {err('consent') ? (
              <p class="field-error" id="consent-error">
                {err('consent')}
              </p>
            ) : null}
            <div class="choice">
              <input type="checkbox" id="consent" name="consent" value="yes" checked={value('consent') === 'yes'} aria-describedby={err('consent') ? 'consent-error' : undefined} />
              <label for="consent">{ctx.t('referrals.field.consent')}</label>
            </div>
          </div>
          <button type="submit" class="button button--primary">
            {ctx.t('referrals.new.submit')}
          </button>
        </PostForm>
      )}
    </ReferralsLayout>
  );
}

export interface DetailPageProps {
  ctx: PageContext;
  nav: Navigation;
  referral: ReferralDetail;
  next: ReferralStatus[];
  canWithdraw: boolean;
  canFollowUp: boolean;
  errors?: FormErrors;
}

function Timeline(props: { ctx: PageContext; referral: ReferralDetail }): SafeHtml {
  const { ctx } = props;
  return (
    <ol class="timeline" id="timeline">
      {props.referral.events.map((e) => (
        <li>
          <time datetime={e.at.toISOString()}>{formatDateTime(e.at, ctx.lang)}</time>{' '}
          {ctx.t('referrals.detail.event', { status: ctx.t(`referrals.status.${e.toStatus}`), role: ctx.t(`referrals.role.${e.actorRole}`) })}
          {e.actorName ? `, ${e.actorName}` : ''}
          {e.reason ? `: ${ctx.t(`referrals.reason.${e.reason}`)}` : ''}
        </li>
      ))}
    </ol>
  );
}

export function ReferralPage(props: DetailPageProps): SafeHtml {
  const { ctx, referral } = props;
  const service = textOf(referral.serviceName, ctx.lang);
  const title = ctx.t('referrals.detail.title', { service });
  const base = `/${ctx.lang}/referrals/${referral.id}`;
  return (
    <ReferralsLayout ctx={ctx} nav={props.nav} title={title} errors={props.errors} fieldIds={{ reason: 'reason' }}>
      <h1>{title}</h1>
      <dl class="summary-list">
        <dt>{ctx.t('referrals.detail.status')}</dt>
        <dd id="status">{ctx.t(`referrals.status.${referral.status}`)}{referral.statusReason ? ` (${ctx.t(`referrals.reason.${referral.statusReason}`)})` : ''}</dd>
        <dt>{ctx.t('referrals.detail.activity')}</dt>
        <dd>{service}</dd>
        <dt>{ctx.t('referrals.detail.provider')}</dt>
        <dd>{textOf(referral.service.providerName, ctx.lang)}</dd>
        <dt>{ctx.t('referrals.detail.referrer')}</dt>
        <dd>{textOf(referral.referringOrganisationName, ctx.lang)}</dd>
        <dt>{ctx.t('referrals.detail.needs')}</dt>
        <dd>{referral.needCodes.map((c) => needLabel(c, ctx.lang)).join(', ')}</dd>
        <dt>{ctx.t('referrals.detail.language')}</dt>
        <dd>{ctx.t(`ui.languageName.${referral.clientLanguage}`)}</dd>
      </dl>
      <h2>{ctx.t('referrals.detail.person')}</h2>
      {referral.person ? (
        <dl class="summary-list" id="person">
          <dt>{ctx.t('referrals.field.name')}</dt>
          <dd>{referral.person.name}</dd>
          {referral.person.phone ? <dt>{ctx.t('referrals.field.phone')}</dt> : null}
          {referral.person.phone ? <dd>{referral.person.phone}</dd> : null}
          {referral.person.email ? <dt>{ctx.t('referrals.field.email')}</dt> : null}
          {referral.person.email ? <dd>{referral.person.email}</dd> : null}
          {referral.person.note ? <dt>{ctx.t('referrals.detail.note')}</dt> : null}
          {referral.person.note ? <dd>{referral.person.note}</dd> : null}
        </dl>
      ) : (
        <p>{ctx.t('referrals.detail.personDeleted', { date: formatDate(referral.personalDataDeletedAt ?? referral.updatedAt, ctx.lang) })}</p>
      )}
      <h2>{ctx.t('referrals.detail.changeStatus')}</h2>
      {props.next.length === 0 ? <p>{ctx.t('referrals.detail.noActions')}</p> : null}
      {props.next.map((to) => (
        <PostForm ctx={ctx} action={`${base}/status`} class="status-form">
          <input type="hidden" name="to" value={to} />
          <input type="hidden" name="expectedStatus" value={referral.status} />
          {reasonsFor(to).length > 0 ? (
            <SelectField id={`reason-${to}`} name="reason" label={ctx.t('referrals.detail.reason')} placeholder="" options={reasonsFor(to).map((r) => ({ value: r, label: ctx.t(`referrals.reason.${r}`) }))} />
          ) : null}
          <button type="submit" class="button">
            {ctx.t(`referrals.action.${to}`)}
          </button>
        </PostForm>
      ))}
      <h2>{ctx.t('referrals.detail.timeline')}</h2>
      <Timeline ctx={ctx} referral={referral} />
      <h2>{ctx.t('referrals.detail.consent')}</h2>
      <ul>
        {referral.consents.map((c) => (
          <li>
            {ctx.t('referrals.detail.consentGiven', { givenBy: ctx.t(`referrals.givenBy.${c.givenBy}`), date: formatDateTime(c.givenAt, ctx.lang) })}
            {c.withdrawnAt ? ` ${ctx.t('referrals.detail.consentWithdrawn', { date: formatDateTime(c.withdrawnAt, ctx.lang) })}` : ''}
          </li>
        ))}
      </ul>
      {props.canWithdraw && referral.consents.some((c) => !c.withdrawnAt) ? (
        <PostForm ctx={ctx} action={`${base}/consent/withdraw`}>
          <button type="submit" class="button button--secondary">
            {ctx.t('referrals.detail.withdrawConsent')}
          </button>
        </PostForm>
      ) : null}
      <h2>{ctx.t('referrals.detail.followUp')}</h2>
      {referral.followUp?.recordedAt ? (
        <p id="follow-up">{ctx.t('referrals.detail.followUpRecorded', { date: formatDate(referral.followUp.recordedAt, ctx.lang), outcome: ctx.t(`referrals.outcome.${referral.followUp.outcome ?? 'unknown'}`) })}</p>
      ) : referral.followUp ? (
        <p id="follow-up">{ctx.t('referrals.detail.followUpDue', { date: formatDate(referral.followUp.dueAt, ctx.lang) })}</p>
      ) : null}
      {props.canFollowUp && referral.followUp && !referral.followUp.recordedAt ? (
        <p>
          <a href={`${base}/follow-up`}>{ctx.t('referrals.detail.recordFollowUp')}</a>
        </p>
      ) : null}
    </ReferralsLayout>
  );
}
