/**
 * An activity: what, for whom, when in human words, next dates, where (never a confidential
 * address), how to join, cost, accessibility, contact; print, share, calendar and error report.
 */
import type { SafeHtml } from '#jsx/jsx-runtime';
import { formatDate as formatIsoDate, localDate } from '../../platform/format.ts';
import { pickText, textOf, type Language } from '../../platform/localised.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { Layout, Text } from '../../ui/layout.tsx';
import type { ServiceDetail } from '../catalog/index.ts';
import { activityJsonLd } from './json-ld.ts';
import { describeSchedules, formatDate, formatTimeSpan, formatWeekdays } from './schedule-format.ts';
import { isoWeekday, nextOccurrences } from './schedule-occurrences.ts';
import { ShareActions } from './share.views.tsx';
import { CostBadges, JsonLd, PrintBackLink, absolute, municipalityName, termLabel, type TrayProps, languageName } from './web.components.tsx';

export interface ActivityPageProps extends TrayProps {
  activity: ServiceDetail;
  /** 'YYYY-MM-DD' in Finland */
  today: string;
  /** absolute canonical address (without the region prefix) */
  pageUrl: string;
  hasCalendar: boolean;
  directionsUrl: string;
  /** the resident has just sent an error report */
  reported: boolean;
}

/** Only web addresses become links: provider data never produces javascript: or data: links. */
export function safeUrl(value: string): string | undefined {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

const localTimeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Helsinki', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

function when(date: string, opens: string | null, closes: string | null, lang: Language): string {
  return [formatWeekdays([isoWeekday(date)], lang), formatDate(date, lang), formatTimeSpan(opens, closes, lang)].filter(Boolean).join(' ');
}

interface NextTime {
  text: string;
  cancelled: boolean;
}

/** Dated occurrences first; when there are none, the next dates of the weekly rules. */
export function nextTimes(activity: ServiceDetail, today: string, lang: Language, count = 5): NextTime[] {
  if (activity.upcomingEvents.length > 0) {
    return activity.upcomingEvents.slice(0, count).map((event) => {
      const start = new Date(event.startsAt);
      const end = event.endsAt ? new Date(event.endsAt) : null;
      const sameDay = end !== null && localDate(end) === localDate(start);
      return {
        text: when(localDate(start), localTimeFormat.format(start), end && sameDay ? localTimeFormat.format(end) : null, lang),
        cancelled: event.status === 'cancelled',
      };
    });
  }
  return nextOccurrences(activity.schedules, today, count).map((o) => ({ text: when(o.date, o.opens, o.closes, lang), cancelled: false }));
}

/** An upper age of 100 or more is no limit in human words: "63 years and over", not "63–120". */
export function shownAgeRange(min: number | null, max: number | null): { min: number | null; max: number | null } {
  return { min, max: max !== null && max >= 100 ? null : max };
}

function ageText(ctx: PageContext, ageMin: number | null, ageMax: number | null): string | undefined {
  const { min, max } = shownAgeRange(ageMin, ageMax);
  if (min !== null && max !== null) return ctx.t('web.activity.ageRange', { min, max });
  if (min !== null) return ctx.t('web.activity.ageFrom', { min });
  if (max !== null) return ctx.t('web.activity.ageTo', { max });
  return undefined;
}

function directions(template: string, location: ServiceDetail['locations'][number], lang: Language): string | undefined {
  if (location.latitude === null || location.longitude === null) return undefined;
  const address = [textOf(location.streetAddress, lang), location.postalCode, textOf(location.postOffice, lang)].filter(Boolean).join(' ');
  return safeUrl(
    template
      .replace('{lat}', encodeURIComponent(String(location.latitude)))
      .replace('{lon}', encodeURIComponent(String(location.longitude)))
      .replace('{address}', encodeURIComponent(address)),
  );
}

function Places(props: ActivityPageProps): SafeHtml {
  const { ctx, activity, reference } = props;
  const lang = ctx.lang;
  if (activity.locations.length === 0) return <p>{ctx.t('web.activity.noPlace')}</p>;
  return (
    <>
      {activity.confidentialAddress ? <p class="notice">{ctx.t('web.activity.confidential')}</p> : null}
      {activity.locations.map((location) => {
        const directionsLink = activity.confidentialAddress ? undefined : directions(props.directionsUrl, location, lang);
        const street = pickText(location.streetAddress ?? {}, lang);
        return (
          <div class="place">
            <h3>
              <Text shown={pickText(location.name, lang) ?? { text: municipalityName(reference, location.municipality, lang), lang, fallback: false }} />
            </h3>
            <p class="address">
              {street ? (
                <>
                  <Text shown={street} />
                  <br />
                </>
              ) : null}
              {location.postalCode ? `${location.postalCode} ` : ''}
              <Text shown={pickText(location.postOffice, lang) ?? { text: municipalityName(reference, location.municipality, lang), lang, fallback: false }} />
            </p>
            {directionsLink ? (
              <p class="screen-only">
                <a href={directionsLink} rel="noopener">
                  {ctx.t('web.activity.directions')}
                  <span class="visually-hidden"> ({ctx.t('web.activity.opensElsewhere')})</span>
                </a>
              </p>
            ) : null}
            <h4>{ctx.t('web.activity.accessibility')}</h4>
            {location.accessibility.length === 0 && location.accessibilityFeatures.length === 0 ? (
              <p>{ctx.t('web.activity.noAccessibilityInfo')}</p>
            ) : (
              <>
                {location.accessibilityFeatures.length > 0 ? (
                  <ul class="badges">
                    {location.accessibilityFeatures.map((f) => (
                      <li class="badge">{ctx.t(`web.access.${f}`)}</li>
                    ))}
                  </ul>
                ) : null}
                {location.accessibility.length > 0 ? (
                  <dl class="accessibility">
                    {location.accessibility.map((a) => (
                      <>
                        <dt>
                          <Text shown={pickText(a.group, lang)} />
                        </dt>
                        <dd>
                          <Text shown={pickText(a.sentence, lang)} />
                        </dd>
                      </>
                    ))}
                  </dl>
                ) : null}
              </>
            )}
          </div>
        );
      })}
    </>
  );
}

function Contacts(props: ActivityPageProps): SafeHtml {
  const { ctx, activity } = props;
  const lang = ctx.lang;
  if (activity.channels.length === 0) return <p>{ctx.t('web.activity.noContact')}</p>;
  return (
    <ul class="contacts">
      {activity.channels.map((channel) => {
        const value = textOf(channel.value, lang);
        const name = pickText(channel.name, lang);
        const kindLabel = ctx.t(`web.channel.${channel.kind}`);
        const label = <span class="facts__label">{kindLabel}</span>;
        // "Puhelin: 040 … (Puhelin)" says nothing new: a channel's own name only when it adds something
        const ownName = name && name.text.toLowerCase() !== kindLabel.replace(/:$/, '').toLowerCase() ? name : undefined;
        let body: SafeHtml;
        if (channel.kind === 'phone') body = <a href={`tel:${value.replace(/[^\d+]/g, '')}`}>{value}</a>;
        else if (channel.kind === 'email') body = /^[^\s@<>"'()]+@[^\s@<>"'()]+\.[a-z]{2,}$/i.test(value) ? <a href={`mailto:${value}`}>{value}</a> : <span>{value}</span>;
        else {
          const url = safeUrl(value);
          body = url ? <a href={url}>{name?.text ?? value}</a> : <span>{value}</span>;
        }
        const description = pickText(channel.description, lang);
        return (
          <li>
            {label} {body}
            {ownName && channel.kind !== 'web' && channel.kind !== 'eservice' && channel.kind !== 'printable_form' ? (
              <>
                {' '}
                (<Text shown={ownName} />)
              </>
            ) : null}
            {description ? <Text shown={description} as="p" /> : null}
          </li>
        );
      })}
    </ul>
  );
}

export function ActivityPage(props: ActivityPageProps): SafeHtml {
  const { ctx, activity, base, reference, today } = props;
  const lang = ctx.lang;
  const name = pickText(activity.name, lang) ?? { text: '', lang, fallback: false };
  const summary = pickText(activity.summary, lang);
  const plain = pickText(activity.plainSummary, lang);
  const description = pickText(activity.description, lang);
  const instructions = pickText(activity.userInstructions, lang);
  const costInfo = pickText(activity.costInfo, lang);
  const scheduleLines = describeSchedules(activity.schedules, lang, today);
  const notes = activity.schedules.map((s) => pickText(s.note, lang)).filter((n) => n !== undefined);
  const times = nextTimes(activity, today, lang);
  const age = ageText(ctx, activity.ageMin, activity.ageMax);
  const organisationPath = `${base}/organisations/${activity.organisation.id}`;
  const groupLabels = activity.targetGroups.map((g) => termLabel(reference.targetGroups, g, lang));
  const orgName = textOf(activity.organisation.name, lang);
  return (
    <Layout
      ctx={ctx}
      title={`${name.text} – ${orgName}`}
      description={(plain ?? summary)?.text.slice(0, 200) ?? ''}
      bodyClass="page-activity"
      head={
        <>
          <link rel="canonical" href={props.pageUrl} />
          {(['fi', 'sv', 'en'] as const).map((l) => (
            <link rel="alternate" hreflang={l} href={absolute(ctx, `/${l}/activities/${activity.id}`)} />
          ))}
          <JsonLd
            data={activityJsonLd({
              activity,
              lang,
              url: props.pageUrl,
              organisationUrl: absolute(ctx, `/${lang}/organisations/${activity.organisation.id}`),
              targetGroupLabels: groupLabels.map((g) => g.text),
              municipalityName: (code) => municipalityName(reference, code, lang),
            })}
          />
        </>
      }
      scripts={['tray.js']}
    >
      <p class="back screen-only">
        <a href={`${base}/search`}>{ctx.t('web.activity.backToSearch')}</a>
      </p>
      {props.reported ? (
        <div class="notice notice--success" role="status">
          {ctx.t('web.report.thanks')}
        </div>
      ) : null}
      <h1 lang={name.fallback ? name.lang : undefined}>{name.text}</h1>
      <p class="organiser">
        {ctx.t('web.activity.organiser')}{' '}
        <a href={organisationPath}>
          <Text shown={pickText(activity.organisation.name, lang)} />
        </a>
      </p>
      {plain ? (
        <section class="plain-language" aria-labelledby="plain-heading">
          <h2 id="plain-heading">{ctx.t('web.activity.plainLanguage')}</h2>
          <Text shown={plain} as="p" />
        </section>
      ) : null}
      {summary ? (
        <p class="lead" lang={summary.fallback ? summary.lang : undefined}>
          {summary.text}
        </p>
      ) : null}
      <ul class="badges">
        <CostBadges ctx={ctx} costType={activity.costType} kaikukortti={activity.kaikukortti} />
        {activity.languages.map((l) => (
          <li class="badge">{languageName(ctx, l)}</li>
        ))}
      </ul>
      <ShareActions ctx={ctx} url={props.pageUrl} title={name.text}>
        {props.hasCalendar ? (
          <li>
            <a href={`/${lang}/activities/${activity.id}/calendar.ics`} download>
              {ctx.t('web.activity.calendar')}
            </a>
          </li>
        ) : null}
      </ShareActions>

      <div class="detail-grid">
        <section aria-labelledby="what-heading">
          <h2 id="what-heading">{ctx.t('web.activity.what')}</h2>
          {description ? (
            <div class="prose" lang={description.fallback ? description.lang : undefined}>
              {description.text.split(/\n{2,}/).map((paragraph) => (
                <p>{paragraph}</p>
              ))}
            </div>
          ) : (
            <p>{summary?.text ?? ''}</p>
          )}
        </section>

        <section aria-labelledby="who-heading">
          <h2 id="who-heading">{ctx.t('web.activity.forWhom')}</h2>
          {groupLabels.length ? (
            <ul>
              {groupLabels.map((g) => (
                <li>
                  <Text shown={g} />
                </li>
              ))}
            </ul>
          ) : (
            <p>{ctx.t('web.activity.forEveryone')}</p>
          )}
          {age ? <p>{age}</p> : null}
          {activity.languages.length ? (
            <p>
              {ctx.t('web.activity.languages')} {activity.languages.map((l) => languageName(ctx, l)).join(', ')}
            </p>
          ) : null}
        </section>

        <section aria-labelledby="when-heading">
          <h2 id="when-heading">{ctx.t('web.activity.when')}</h2>
          {scheduleLines.length ? (
            <ul class="schedule">
              {scheduleLines.map((line) => (
                <li>{line}</li>
              ))}
            </ul>
          ) : (
            <p>{ctx.t('web.activity.noSchedule')}</p>
          )}
          {notes.map((note) => (
            <Text shown={note} as="p" />
          ))}
          {times.length ? (
            <>
              <h3>{ctx.t('web.activity.nextTimes')}</h3>
              <ul class="next-times">
                {times.map((time) => (
                  <li>
                    {time.cancelled ? <s>{time.text}</s> : time.text}
                    {time.cancelled ? ` (${ctx.t('web.activity.cancelled')})` : ''}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>

        <section aria-labelledby="where-heading">
          <h2 id="where-heading">{ctx.t('web.activity.where')}</h2>
          <Places {...props} />
        </section>

        <section aria-labelledby="join-heading">
          <h2 id="join-heading">{ctx.t('web.activity.howToJoin')}</h2>
          {instructions ? <Text shown={instructions} as="p" /> : <p>{ctx.t('web.activity.noInstructions')}</p>}
          {activity.acceptsReferrals ? <p>{ctx.t('web.activity.acceptsReferrals')}</p> : null}
          {activity.openPlaces !== null ? <p>{ctx.t('web.activity.openPlaces', { count: activity.openPlaces })}</p> : null}
        </section>

        <section aria-labelledby="cost-heading">
          <h2 id="cost-heading">{ctx.t('web.activity.cost')}</h2>
          <p>{ctx.t(`web.activity.cost.${activity.costType}`)}</p>
          {costInfo ? <Text shown={costInfo} as="p" /> : null}
          {activity.kaikukortti ? <p>{ctx.t('web.activity.kaikukortti')}</p> : null}
        </section>

        <section aria-labelledby="contact-heading">
          <h2 id="contact-heading">{ctx.t('web.activity.contact')}</h2>
          <Contacts {...props} />
        </section>
      </div>

      {activity.mayBeOutOfDate ? <p class="notice notice--warning">{ctx.t('web.activity.mayBeOutOfDate')}</p> : null}
      <p class="meta">
        {ctx.t('web.activity.updated', { date: formatIsoDate(new Date(activity.lastReviewedAt ?? activity.updatedAt), lang) })}
        {activity.provenance.source === 'ptv' ? ` ${ctx.t('web.activity.sourcePtv')}` : ''}
      </p>
      <p class="screen-only">
        <a href={`${base}/activities/${activity.id}/report`}>{ctx.t('web.report.link')}</a>
      </p>
      <PrintBackLink ctx={ctx} url={props.pageUrl} />
    </Layout>
  );
}
