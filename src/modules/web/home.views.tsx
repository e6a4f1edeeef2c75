/** The home page: search box, "near me" by postal code, theme tiles, the self-check and regions. */
import type { SafeHtml } from '#jsx/jsx-runtime';
import { pickText } from '../../platform/localised.ts';
import { Layout, Text } from '../../ui/layout.tsx';
import { JsonLd, absolute, type TrayProps } from './web.components.tsx';
import { websiteJsonLd } from './json-ld.ts';

export function HomePage(props: TrayProps): SafeHtml {
  const { ctx, base, reference } = props;
  const lang = ctx.lang;
  const regionName = ctx.region?.name;
  return (
    <Layout
      ctx={ctx}
      title={regionName ? ctx.t('web.home.titleRegion', { region: regionName }) : ctx.t('web.home.title')}
      description={ctx.t('web.home.lead')}
      head={
        <>
          <link rel="canonical" href={absolute(ctx, base)} />
          <JsonLd data={websiteJsonLd({ name: ctx.t('ui.siteName'), url: absolute(ctx, base), searchUrl: absolute(ctx, `${base}/search`), lang })} />
        </>
      }
    >
      <div class="hero">
        <h1>{regionName ? ctx.t('web.home.titleRegion', { region: regionName }) : ctx.t('web.home.title')}</h1>
        <p class="lead">{ctx.t('web.home.lead')}</p>
        <form method="get" action={`${base}/search`} role="search" class="search-box">
          <label for="q">{ctx.t('web.search.label')}</label>
          <p class="hint" id="q-hint">
            {ctx.t('web.search.hint')}
          </p>
          <div class="search-box__row">
            <input type="search" id="q" name="q" aria-describedby="q-hint" maxlength={500} autocomplete="off" />
            <button type="submit">{ctx.t('web.search.submit')}</button>
          </div>
        </form>
      </div>

      <section class="near-me" aria-labelledby="near-heading">
        <h2 id="near-heading">{ctx.t('web.home.nearTitle')}</h2>
        <form method="get" action={`${base}/search`} class="inline-form">
          <input type="hidden" name="sort" value="distance" />
          <div class="field">
            <label for="postalCode">{ctx.t('web.filters.postalCode')}</label>
            <p class="hint" id="postalCode-hint">
              {ctx.t('web.home.nearHint')}
            </p>
            <div class="search-box__row">
              <input type="text" id="postalCode" name="postalCode" inputmode="numeric" autocomplete="postal-code" maxlength={5} size={6} aria-describedby="postalCode-hint" />
              <button type="submit">{ctx.t('web.home.nearSubmit')}</button>
            </div>
          </div>
        </form>
      </section>

      <section aria-labelledby="themes-heading">
        <h2 id="themes-heading">{ctx.t('web.home.themes')}</h2>
        <ul class="tiles">
          {reference.themes.map((theme) => (
            <li class="tile">
              <a href={`${base}/search?theme=${theme.code}`}>
                <Text shown={pickText(theme.label, lang)} />
              </a>
              <Text shown={pickText(theme.description, lang)} as="p" />
            </li>
          ))}
        </ul>
      </section>

      <section class="callout" aria-labelledby="self-check-heading">
        <h2 id="self-check-heading">{ctx.t('web.selfCheck.title')}</h2>
        <p>{ctx.t('web.home.selfCheckLead')}</p>
        <p>
          <a class="button" href={`${base}/self-check`}>
            {ctx.t('web.home.selfCheckLink')}
          </a>
        </p>
      </section>

      <section aria-labelledby="offline-heading">
        <h2 id="offline-heading">{ctx.t('web.home.offlineTitle')}</h2>
        <p>{ctx.t('web.home.offlineText')}</p>
      </section>

      <p class="small">
        <a href={`${base}/embed`}>{ctx.t('web.home.embed')}</a>
      </p>
      {ctx.region ? null : (
        <section aria-labelledby="regions-heading">
          <h2 id="regions-heading">{ctx.t('web.home.regions')}</h2>
          <ul class="columns">
            {reference.regions.map((region) => (
              <li>
                <a href={`/${lang}/${region.slug}`}>
                  <Text shown={pickText(region.name, lang)} />
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Layout>
  );
}
