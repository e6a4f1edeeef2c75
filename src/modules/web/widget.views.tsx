/**
 * The embeddable widget: a compact, filtered list for municipal and NGO sites (in an iframe),
 * each activity linking back to its page in the tray.
 */
import type { SafeHtml } from '#jsx/jsx-runtime';
import { textOf } from '../../platform/localised.ts';
import { SelectField } from '../../ui/choices.tsx';
import { FormField } from '../../ui/forms.tsx';
import { Layout } from '../../ui/layout.tsx';
import type { SearchResult } from '../search/index.ts';
import { ActivityCard, type TrayProps } from './web.components.tsx';

export interface WidgetPageProps extends TrayProps {
  result: SearchResult;
  title: string;
  /** the full results page of the same filters */
  moreUrl: string;
}

export function WidgetPage(props: WidgetPageProps): SafeHtml {
  const { ctx, result, title, base } = props;
  return (
    <Layout ctx={ctx} title={title} bare bodyClass="widget" head={<meta name="robots" content="noindex" />}>
      <h1 class="widget__title">{title}</h1>
      {result.items.length === 0 ? (
        <p>{ctx.t('web.results.none')}</p>
      ) : (
        <ol class="cards cards--compact">
          {result.items.map((hit) => (
            <ActivityCard ctx={ctx} base={`${ctx.publicUrl}${base}`} reference={props.reference} hit={hit} headingLevel={2} target="_top" />
          ))}
        </ol>
      )}
      <p class="widget__more">
        <a href={props.moreUrl} target="_top">
          {ctx.t('web.widget.more', { count: result.total })}
        </a>
      </p>
    </Layout>
  );
}

export interface EmbedPageProps extends TrayProps {
  values: { municipality: string; theme: string; group: string; limit: string; title: string };
  /** the widget address for these choices: absolute (for the code) and on this site (for the preview) */
  widgetUrl: string;
  widgetPath: string;
}

/** A page for municipal and NGO web editors: choose filters, copy the snippet, see a preview. */
export function EmbedPage(props: EmbedPageProps): SafeHtml {
  const { ctx, reference, values, base } = props;
  const lang = ctx.lang;
  const title = values.title || ctx.t('web.widget.title');
  const attribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const snippet = `<iframe src="${attribute(props.widgetUrl)}" title="${attribute(title)}" width="100%" height="640" loading="lazy" style="border:1px solid #ccc"></iframe>`;
  const municipalities = ctx.region ? reference.municipalities.filter((m) => m.regionCode === ctx.region?.code) : reference.municipalities;
  return (
    <Layout ctx={ctx} title={ctx.t('web.embed.title')} description={ctx.t('web.embed.intro')}>
      <h1>{ctx.t('web.embed.title')}</h1>
      <p class="lead">{ctx.t('web.embed.intro')}</p>
      <form method="get" action={`${base}/embed`} class="stack">
        <SelectField
          id="municipality"
          label={ctx.t('web.filters.municipality')}
          value={values.municipality}
          options={[{ value: '', label: ctx.t('web.filters.allMunicipalities') }, ...municipalities.map((m) => ({ value: m.code, label: textOf(m.name, lang) }))]}
        />
        <SelectField
          id="theme"
          label={ctx.t('web.filters.theme')}
          value={values.theme}
          options={[{ value: '', label: ctx.t('web.embed.allThemes') }, ...reference.themes.map((t) => ({ value: t.code, label: textOf(t.label, lang) }))]}
        />
        <SelectField
          id="group"
          label={ctx.t('web.filters.group')}
          value={values.group}
          options={[{ value: '', label: ctx.t('web.embed.everyone') }, ...reference.targetGroups.map((g) => ({ value: g.code, label: textOf(g.label, lang) }))]}
        />
        <SelectField id="limit" label={ctx.t('web.embed.limit')} value={values.limit} options={['3', '5', '10', '20'].map((n) => ({ value: n, label: n }))} />
        <FormField id="title" label={ctx.t('web.embed.heading')} hint={ctx.t('web.embed.headingHint')} maxlength={120} value={values.title} />
        <p>
          <button type="submit">{ctx.t('web.embed.update')}</button>
        </p>
      </form>
      <h2>{ctx.t('web.embed.code')}</h2>
      <p>{ctx.t('web.embed.codeHint')}</p>
      <label for="snippet" class="visually-hidden">
        {ctx.t('web.embed.code')}
      </label>
      <textarea id="snippet" readonly rows={4} class="code">
        {snippet}
      </textarea>
      <h2>{ctx.t('web.embed.preview')}</h2>
      <iframe src={props.widgetPath} title={title} width="100%" height="640" loading="lazy" class="embed-preview"></iframe>
    </Layout>
  );
}
