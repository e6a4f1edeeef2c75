import type { SafeHtml } from '#jsx/jsx-runtime';
import type { PageContext } from '../../platform/page-context.ts';
import { textOf, type LocalisedText } from '../../platform/localised.ts';
import { Layout } from '../../ui/layout.tsx';

export interface HomePageProps {
  ctx: PageContext;
  themes: { code: string; label: LocalisedText; description: LocalisedText }[];
}

export function HomePage({ ctx, themes }: HomePageProps): SafeHtml {
  return (
    <Layout ctx={ctx} title={ctx.t('web.home.title')} description={ctx.t('web.home.lead')}>
      <h1>{ctx.t('web.home.title')}</h1>
      <p class="lead">{ctx.t('web.home.lead')}</p>
      <h2>{ctx.t('web.home.themes')}</h2>
      <ul class="theme-list">
        {themes.map((theme) => (
          <li>
            <strong>{textOf(theme.label, ctx.lang)}</strong>
            <br />
            {textOf(theme.description, ctx.lang)}
          </li>
        ))}
      </ul>
    </Layout>
  );
}
