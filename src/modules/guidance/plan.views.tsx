/** Suggestions, the plan editor of the professional, and the printable client plan. */
import type { SafeHtml } from '#jsx/jsx-runtime';
import { raw } from '#jsx/jsx-runtime';
import type { PageContext } from '../../platform/page-context.ts';
import { formatDate, formatDateTime } from '../../platform/format.ts';
import { pickText, textOf, type LocalisedText } from '../../platform/localised.ts';
import { ErrorSummary, Layout, Text, asset } from '../../ui/layout.tsx';
import { FormField, PostForm } from '../../ui/forms.tsx';
import { ChoiceGroup } from '../../ui/choices.tsx';
import type { Channel, OutboxStatusRow } from '../outbox/index.ts';
import type { GuidanceSession } from './guidance.types.ts';
import { errorItems, needAreaLabel, SessionLayout, type FormErrors } from './guidance-layout.tsx';
import type { PlanActivity } from './plan.service.ts';
import { contactLines, costLine, eventLines, placeLines, scheduleLines } from './plan-format.ts';
import type { Reason, Suggestion } from './suggestions.service.ts';

function reasonText(ctx: PageContext, reason: Reason, municipalityNames: Map<string, LocalisedText>): string {
  switch (reason.kind) {
    case 'need':
      return ctx.t('guidance.reason.need', {
        need: needAreaLabel(reason.needArea, ctx.lang),
        by: reason.by.map((b) => ctx.t(`guidance.reason.by.${b}`)).join(', '),
      });
    case 'age_group':
      return ctx.t('guidance.reason.ageGroup', { group: ctx.t(`guidance.ageGroup.${reason.ageGroup}`) });
    case 'free':
      return ctx.t('guidance.reason.free');
    case 'kaikukortti':
      return ctx.t('guidance.reason.kaikukortti');
    case 'language':
      return ctx.t('guidance.reason.language', { language: ctx.t(`guidance.language.${reason.language}`) });
    case 'distance':
      return ctx.t('guidance.reason.distance', { km: reason.km.toLocaleString(ctx.lang === 'en' ? 'en-GB' : `${ctx.lang}-FI`), postalCode: reason.from });
    case 'municipality':
      return ctx.t('guidance.reason.municipality', { municipality: textOf(municipalityNames.get(reason.municipalityCode), ctx.lang) });
    case 'nationwide':
      return ctx.t('guidance.reason.nationwide');
    case 'step_free':
      return ctx.t('guidance.reason.stepFree');
    case 'next_event':
      return ctx.t('guidance.reason.nextEvent', { date: formatDateTime(new Date(reason.at), ctx.lang) });
  }
}

export interface SuggestionsPageProps {
  ctx: PageContext;
  session: GuidanceSession;
  suggestions: Suggestion[];
  inPlan: Set<string>;
  municipalityNames: Map<string, LocalisedText>;
  errors?: FormErrors;
}

export function SuggestionsPage(props: SuggestionsPageProps): SafeHtml {
  const { ctx, session } = props;
  const base = `/${ctx.lang}/guidance/sessions/${session.id}`;
  const errors = props.errors ?? {};
  return (
    <SessionLayout ctx={ctx} session={session} step="suggestions" title={ctx.t('guidance.suggestions.title')} errors={errors}>
      <h1>{ctx.t('guidance.suggestions.title')}</h1>
      <p>{ctx.t('guidance.suggestions.lead', { needs: session.needAreas.map((n) => needAreaLabel(n, ctx.lang)).join(', ') })}</p>
      {session.needAreas.length === 0 ? (
        <p class="notice">
          <a href={`${base}/context`}>{ctx.t('guidance.suggestions.needContext')}</a>
        </p>
      ) : null}
      {session.needAreas.length > 0 && props.suggestions.length === 0 ? <p class="notice">{ctx.t('guidance.suggestions.none')}</p> : null}
      <ErrorSummary ctx={ctx} errors={errorItems(ctx, errors, { services: 'suggestion-0' })} />
      {props.suggestions.length > 0 ? (
        <PostForm ctx={ctx} action={`${base}/plan/items`}>
          <ol class="suggestions">
            {props.suggestions.map((s, index) => {
              const id = `suggestion-${index}`;
              const already = props.inPlan.has(s.hit.id);
              return (
                <li class="suggestion">
                  <h2 id={`${id}-name`}>
                    <Text shown={pickText(s.hit.name, ctx.lang)} />
                  </h2>
                  <p class="organiser">
                    <Text shown={pickText(s.hit.organisation.name, ctx.lang)} />
                  </p>
                  {pickText(s.hit.summary, ctx.lang) ? <Text shown={pickText(s.hit.summary, ctx.lang)} as="p" /> : null}
                  <h3 class="why" id={`${id}-why`}>
                    {ctx.t('guidance.suggestions.why')}
                  </h3>
                  <ul class="reasons" aria-labelledby={`${id}-why`}>
                    {s.reasons.map((r) => (
                      <li>{reasonText(ctx, r, props.municipalityNames)}</li>
                    ))}
                  </ul>
                  <div class="choice">
                    <input type="checkbox" id={id} name="services" value={s.hit.id} checked={already} disabled={already} aria-describedby={`${id}-name`} />
                    <label for={id}>{ctx.t(already ? 'guidance.suggestions.inPlan' : 'guidance.suggestions.pick')}</label>
                  </div>
                </li>
              );
            })}
          </ol>
          <button type="submit" class="button button--primary">
            {ctx.t('guidance.suggestions.addToPlan')}
          </button>
        </PostForm>
      ) : null}
    </SessionLayout>
  );
}

function ActivityDetails(props: { ctx: PageContext; activity: PlanActivity; headingLevel: 2 | 3 }): SafeHtml {
  const { ctx } = props;
  const s = props.activity.service;
  const times = [...scheduleLines(s, ctx.lang, ctx.t)];
  const events = eventLines(s, ctx.lang);
  const places = placeLines(s, ctx.lang, ctx.t);
  const contacts = contactLines(s, ctx.lang);
  const cost = costLine(s, ctx.lang, ctx.t);
  const name = <Text shown={pickText(s.name, ctx.lang)} />;
  return (
    <>
      {props.headingLevel === 2 ? <h2>{name}</h2> : <h3>{name}</h3>}
      <p class="organiser">
        <Text shown={pickText(s.organisation.name, ctx.lang)} />
      </p>
      {pickText(s.plainSummary, ctx.lang) ?? pickText(s.summary, ctx.lang) ? <Text shown={pickText(s.plainSummary, ctx.lang) ?? pickText(s.summary, ctx.lang)} as="p" /> : null}
      <dl class="plan-facts">
        {times.length > 0 || events.length > 0 ? (
          <>
            <dt>{ctx.t('guidance.plan.when')}</dt>
            {times.map((line) => (
              <dd>{line}</dd>
            ))}
            {events.length > 0 ? <dd>{`${ctx.t('guidance.plan.nextTimes')}: ${events.join('; ')}`}</dd> : null}
          </>
        ) : null}
        {places.length > 0 ? (
          <>
            <dt>{ctx.t('guidance.plan.where')}</dt>
            {places.map((line) => (
              <dd>{line}</dd>
            ))}
          </>
        ) : null}
        {contacts.length > 0 ? (
          <>
            <dt>{ctx.t('guidance.plan.contact')}</dt>
            {contacts.map((c) => (
              <dd>
                {c.kind === 'phone' ? <a href={`tel:${c.value.replace(/[^+\d]/g, '')}`}>{c.value}</a> : c.kind === 'email' ? <a href={`mailto:${c.value}`}>{c.value}</a> : /^https?:\/\//.test(c.value) ? <a href={c.value}>{c.value}</a> : c.value}
              </dd>
            ))}
          </>
        ) : null}
        {cost ? (
          <>
            <dt>{ctx.t('guidance.plan.cost')}</dt>
            <dd>{cost}</dd>
          </>
        ) : null}
      </dl>
    </>
  );
}

export interface PlanPageProps {
  ctx: PageContext;
  session: GuidanceSession;
  activities: PlanActivity[];
  planUrl: string | undefined;
  channels: Channel[];
  messages: OutboxStatusRow[];
  values?: { channel: string; recipient: string };
  errors?: FormErrors;
  sent?: boolean;
}

export function PlanPage(props: PlanPageProps): SafeHtml {
  const { ctx, session } = props;
  const base = `/${ctx.lang}/guidance/sessions/${session.id}`;
  const errors = props.errors ?? {};
  const values = props.values ?? { channel: props.channels[0] ?? 'email', recipient: '' };
  return (
    <SessionLayout ctx={ctx} session={session} step="plan" title={ctx.t('guidance.plan.title')} errors={errors}>
      <h1>{ctx.t('guidance.plan.title')}</h1>
      {props.sent ? (
        <p class="notice" role="status">
          {ctx.t('guidance.plan.sentNotice')}
        </p>
      ) : null}
      {props.activities.length === 0 ? (
        <p>
          {ctx.t('guidance.plan.empty')} <a href={`${base}/suggestions`}>{ctx.t('guidance.session.toSuggestions')}</a>
        </p>
      ) : null}
      <ol class="plan-items">
        {props.activities.map((activity) => (
          <li>
            <ActivityDetails ctx={ctx} activity={activity} headingLevel={2} />
            {activity.needAreas.length > 0 ? <p class="small">{ctx.t('guidance.plan.forNeeds', { needs: activity.needAreas.map((n) => needAreaLabel(n, ctx.lang)).join(', ') })}</p> : null}
            <PostForm ctx={ctx} action={`${base}/plan/items/${activity.service.id}/remove`} class="inline-form">
              <button type="submit" class="button button--small">
                {ctx.t('guidance.plan.remove')}
                <span class="visually-hidden">{`: ${textOf(activity.service.name, ctx.lang)}`}</span>
              </button>
            </PostForm>
            {activity.service.acceptsReferrals ? (
              <a class="button button--small" href={`/${ctx.lang}/referrals/new?session=${props.session.id}&service=${activity.service.id}`}>
                {ctx.t('referrals.new.start')}
                <span class="visually-hidden">{`: ${textOf(activity.service.name, ctx.lang)}`}</span>
              </a>
            ) : null}
          </li>
        ))}
      </ol>
      {props.planUrl && props.activities.length > 0 ? (
        <>
          <h2>{ctx.t('guidance.plan.printTitle')}</h2>
          <p>{ctx.t('guidance.plan.printLead', { language: ctx.t(`ui.languageName.${session.clientLanguage}`) })}</p>
          <p>
            <a class="button" href={props.planUrl} lang={session.clientLanguage}>
              {ctx.t('guidance.plan.openPrint')}
            </a>
          </p>
          <h2>{ctx.t('guidance.plan.sendTitle')}</h2>
          {props.channels.length === 0 ? <p>{ctx.t('guidance.plan.noChannels')}</p> : null}
          {props.channels.length > 0 ? (
            <>
              <p>{ctx.t('guidance.plan.sendLead')}</p>
              <ErrorSummary ctx={ctx} errors={errorItems(ctx, errors, { channel: 'channel-0' })} />
              <PostForm ctx={ctx} action={`${base}/plan/send`}>
                <ChoiceGroup
                  id="channel"
                  name="channel"
                  type="radio"
                  legend={ctx.t('guidance.plan.channel')}
                  error={errors.channel ? ctx.t(errors.channel) : undefined}
                  options={props.channels.map((c) => ({ value: c, label: ctx.t(`outbox.channel.${c}`) }))}
                  selected={[values.channel]}
                />
                <FormField
                  id="recipient"
                  label={ctx.t('guidance.plan.recipient')}
                  hint={ctx.t('guidance.plan.recipientHint')}
                  value={values.recipient}
                  error={errors.recipient ? ctx.t(errors.recipient) : undefined}
                  autocomplete="off"
                  maxlength={254}
                />
                <button type="submit" class="button button--primary">
                  {ctx.t('guidance.plan.send')}
                </button>
              </PostForm>
            </>
          ) : null}
          {props.messages.length > 0 ? (
            <>
              <h3>{ctx.t('guidance.plan.messages')}</h3>
              <ul>
                {props.messages.map((m) => (
                  <li>{`${formatDateTime(m.created_at, ctx.lang)}: ${ctx.t(`outbox.channel.${m.channel}`)} – ${ctx.t(`outbox.status.${m.status}`)}`}</li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
    </SessionLayout>
  );
}

export interface PublicPlanPageProps {
  ctx: PageContext;
  activities: PlanActivity[];
  updatedAt: Date;
  planUrl: string;
  qrSvg: string;
}

/** The client's plan: large type, printable on A4 (and to PDF from the print dialogue), with a QR code. */
export function PublicPlanPage(props: PublicPlanPageProps): SafeHtml {
  const { ctx } = props;
  return (
    <Layout
      ctx={ctx}
      title={ctx.t('guidance.public.title')}
      bodyClass="client-plan"
      head={
        <>
          <meta name="robots" content="noindex, nofollow" />
          <meta name="referrer" content="no-referrer" />
          <link rel="stylesheet" href={asset('staff.css')} />
        </>
      }
      scripts={['plan-print.js']}
    >
      <div class="client-plan__head">
        <div>
          <h1>{ctx.t('guidance.public.title')}</h1>
          <p>{ctx.t('guidance.public.updated', { date: formatDate(props.updatedAt, ctx.lang) })}</p>
        </div>
        <figure class="client-plan__qr">
          {raw(props.qrSvg)}
          <figcaption>{ctx.t('guidance.public.qrCaption')}</figcaption>
        </figure>
      </div>
      <p class="no-print print-help" id="print-help">
        {ctx.t('guidance.public.printHelp')}
      </p>
      <p class="no-print">
        <button type="button" class="button button--primary" data-print hidden>
          {ctx.t('guidance.public.print')}
        </button>
      </p>
      {props.activities.length === 0 ? <p>{ctx.t('guidance.public.empty')}</p> : null}
      <ol class="client-plan__items">
        {props.activities.map((activity) => (
          <li>
            <ActivityDetails ctx={ctx} activity={activity} headingLevel={2} />
          </li>
        ))}
      </ol>
      <p class="small">{ctx.t('guidance.public.address', { url: props.planUrl })}</p>
      <p class="small">{ctx.t('guidance.public.noPersonalData')}</p>
    </Layout>
  );
}

