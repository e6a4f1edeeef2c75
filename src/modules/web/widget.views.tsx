/**
 * The embeddable widget: a compact, filtered list for municipal and NGO sites (in an iframe),
 * each activity linking back to its page in the tray.
 */
import type { SafeHtml } from '#jsx/jsx-runtime';
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
