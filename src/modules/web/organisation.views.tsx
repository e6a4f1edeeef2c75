/** An organisation (organiser of activities) and its public activities. */
import type { SafeHtml } from '#jsx/jsx-runtime';
import { pickText } from '../../platform/localised.ts';
import { Layout, Text } from '../../ui/layout.tsx';
import { organisationJsonLd } from './json-ld.ts';
import { safeUrl } from './activity.views.tsx';
import { CostBadges, JsonLd, Pagination, absolute, type TrayProps } from './web.components.tsx';
import type { OrganisationDetail } from './web.service.ts';
import type { listPublicServices } from '../catalog/index.ts';

export interface OrganisationPageProps extends TrayProps {
  organisation: OrganisationDetail;
  activities: Awaited<ReturnType<typeof listPublicServices>>;
}

export function OrganisationPage(props: OrganisationPageProps): SafeHtml {
  const { ctx, organisation, activities, base } = props;
  const lang = ctx.lang;
  const name = pickText(organisation.name, lang) ?? { text: '', lang, fallback: false };
  const description = pickText(organisation.description, lang);
  const website = organisation.website ? safeUrl(organisation.website) : undefined;
  const pageCount = Math.ceil(activities.total / activities.pageSize);
  const url = absolute(ctx, `/${lang}/organisations/${organisation.id}`);
  return (
    <Layout
      ctx={ctx}
      title={name.text}
      description={description?.text.slice(0, 200) ?? ctx.t('web.organisation.description', { name: name.text })}
      head={
        <>
          <link rel="canonical" href={url} />
          <JsonLd
            data={organisationJsonLd({
              name: name.text,
              type: organisation.type,
              url,
              description: description?.text ?? '',
              website: website ?? null,
              email: organisation.email,
              phone: organisation.phone,
            })}
          />
        </>
      }
    >
      <h1 lang={name.fallback ? name.lang : undefined}>{name.text}</h1>
      <p class="organiser">{ctx.t(`web.organisationType.${organisation.type}`)}</p>
      {description ? <Text shown={description} as="p" /> : null}
      {website || organisation.email || organisation.phone ? (
        <>
          <h2>{ctx.t('web.activity.contact')}</h2>
          <ul class="contacts">
            {website ? (
              <li>
                <span class="facts__label">{ctx.t('web.channel.web')}</span> <a href={website}>{website}</a>
              </li>
            ) : null}
            {organisation.email ? (
              <li>
                <span class="facts__label">{ctx.t('web.channel.email')}</span> <a href={`mailto:${organisation.email}`}>{organisation.email}</a>
              </li>
            ) : null}
            {organisation.phone ? (
              <li>
                <span class="facts__label">{ctx.t('web.channel.phone')}</span>{' '}
                <a href={`tel:${organisation.phone.replace(/[^\d+]/g, '')}`}>{organisation.phone}</a>
              </li>
            ) : null}
          </ul>
        </>
      ) : null}
      <h2>{ctx.t('web.organisation.activities', { count: activities.total })}</h2>
      {activities.items.length === 0 ? (
        <p>{ctx.t('web.organisation.noActivities')}</p>
      ) : (
        <ol class="cards" start={(activities.page - 1) * activities.pageSize + 1}>
          {activities.items.map((item) => {
            const summary = pickText(item.summary, lang);
            return (
              <li class="card">
                <h3 class="card__title">
                  <a href={`${base}/activities/${item.id}`}>
                    <Text shown={pickText(item.name, lang)} />
                  </a>
                </h3>
                {summary ? (
                  <p class="card__summary" lang={summary.fallback ? summary.lang : undefined}>
                    {summary.text}
                  </p>
                ) : null}
                <ul class="badges">
                  <CostBadges ctx={ctx} costType={item.costType} kaikukortti={item.kaikukortti} />
                </ul>
              </li>
            );
          })}
        </ol>
      )}
      <Pagination ctx={ctx} page={activities.page} pageCount={pageCount} href={(page) => `${base}/organisations/${organisation.id}${page > 1 ? `?page=${page}` : ''}`} />
    </Layout>
  );
}
