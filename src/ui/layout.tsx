/** The page frame shared by every page: skip link, header, language switcher, main, footer. */
import type { Child, SafeHtml } from '#jsx/jsx-runtime';
import { raw } from '#jsx/jsx-runtime';
import type { PageContext, PageUser } from '../platform/page-context.ts';
import { languages, type ShownText } from '../platform/localised.ts';
import { PostForm } from './forms.tsx';

export interface LayoutProps {
  ctx: PageContext;
  title: string;
  description?: string;
  /** extra elements for <head>: JSON-LD, canonical link, stylesheets */
  head?: Child;
  /** the page's own scripts (progressive enhancement only) */
  scripts?: string[];
  bodyClass?: string;
  /** hide header and footer (embedded widget) */
  bare?: boolean;
  children?: Child;
}

export const assetVersion = '1';

export function asset(path: string): string {
  return `/assets/${path}?v=${assetVersion}`;
}

export function SkipLink(props: { ctx: PageContext }): SafeHtml {
  return (
    <a class="skip-link" href="#main">
      {props.ctx.t('ui.skipToContent')}
    </a>
  );
}

export function LanguageSwitcher(props: { ctx: PageContext }): SafeHtml {
  const { ctx } = props;
  return (
    <nav class="language-switcher" aria-label={ctx.t('ui.language')}>
      <ul>
        {languages.map((lang) => (
          <li>
            {lang === ctx.lang ? (
              <span aria-current="true" lang={lang}>
                {ctx.t(`ui.languageName.${lang}`)}
              </span>
            ) : (
              <a href={`/${lang}${ctx.pathWithoutLang === '/' ? '' : ctx.pathWithoutLang}`} lang={lang} hreflang={lang}>
                {ctx.t(`ui.languageName.${lang}`)}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The signed-in user's name, roles and organisation, their pages, and sign-out. */
export function AccountBar(props: { ctx: PageContext; user: PageUser }): SafeHtml {
  const { ctx, user } = props;
  const roleNames = user.roles.map((role) => ctx.t(`ui.role.${role}`)).join(', ');
  return (
    <nav class="account" aria-label={ctx.t('ui.account')}>
      <p class="account__who">
        <strong>{user.name}</strong> ({roleNames}){user.organisationName ? `, ${user.organisationName}` : ''}
      </p>
      <ul class="account__links">
        {user.roles.includes('professional') ? (
          <li>
            <a href={`/${ctx.lang}/guidance`}>{ctx.t('ui.nav.guidance')}</a>
          </li>
        ) : null}
        {user.roles.some((role) => role === 'professional' || role === 'provider' || role === 'coordinator') ? (
          <li>
            <a href={`/${ctx.lang}/referrals`}>{ctx.t('ui.nav.referrals')}</a>
          </li>
        ) : null}
        {user.roles.includes('admin') ? (
          <li>
            <a href={`/${ctx.lang}/admin`}>{ctx.t('ui.nav.admin')}</a>
          </li>
        ) : null}
        {user.roles.includes('provider') ? (
          <li>
            <a href={`/${ctx.lang}/provider`}>{ctx.t('ui.nav.providerActivities')}</a>
          </li>
        ) : null}
        {user.roles.includes('coordinator') ? (
          <li>
            <a href={`/${ctx.lang}/moderation`}>{ctx.t('ui.nav.moderation')}</a>
          </li>
        ) : null}
        {user.roles.some((role) => role === 'coordinator' || role === 'provider' || role === 'admin') ? (
          <li>
            <a href={`/${ctx.lang}/quality`}>{ctx.t('ui.nav.quality')}</a>
          </li>
        ) : null}
        <li>
          <PostForm ctx={ctx} action={`/${ctx.lang}/sign-out`} class="account__sign-out">
            <button type="submit">{ctx.t('ui.signOut')}</button>
          </PostForm>
        </li>
      </ul>
    </nav>
  );
}

/** Text that may come in another language than the page: marked with `lang` when it does. */
export function Text(props: { shown: ShownText | undefined; as?: 'span' | 'div' | 'p' }): SafeHtml {
  const { shown } = props;
  if (!shown) return raw('');
  const lang = shown.fallback ? shown.lang : undefined;
  if (props.as === 'p') return <p lang={lang}>{shown.text}</p>;
  if (props.as === 'div') return <div lang={lang}>{shown.text}</div>;
  return <span lang={lang}>{shown.text}</span>;
}

export function Layout(props: LayoutProps): SafeHtml {
  const { ctx } = props;
  const home = ctx.region ? `/${ctx.lang}/${ctx.region.slug}` : `/${ctx.lang}`;
  const brandStyle = ctx.region?.colour ? `--brand: ${ctx.region.colour}` : undefined;
  return (
    <>
      {raw('<!doctype html>')}
      <html lang={ctx.lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${props.title} – ${ctx.region ? `${ctx.region.name} – ` : ''}${ctx.t('ui.siteName')}`}</title>
          {props.description ? <meta name="description" content={props.description} /> : null}
          <link rel="stylesheet" href={asset('site.css')} />
          <link rel="stylesheet" href={asset('print.css')} media="print" />
          <link rel="icon" href={asset('favicon.svg')} type="image/svg+xml" />
          {props.head}
        </head>
        <body class={props.bodyClass} style={brandStyle}>
          {props.bare ? null : <SkipLink ctx={ctx} />}
          {props.bare ? null : (
            <header class="site-header">
              <div class="site-header__inner">
                <a class="site-name" href={home}>
                  {ctx.t('ui.siteName')}
                  {ctx.region ? <span class="site-region">{ctx.region.name}</span> : null}
                </a>
                <LanguageSwitcher ctx={ctx} />
              </div>
              {ctx.user ? <AccountBar ctx={ctx} user={ctx.user} /> : null}
            </header>
          )}
          <main id="main" tabindex="-1">
            {props.children}
          </main>
          {props.bare ? null : (
            <footer class="site-footer">
              <ul>
                <li>
                  <a href={`/${ctx.lang}/accessibility`}>{ctx.t('ui.footer.accessibility')}</a>
                </li>
                <li>
                  <a href="/api/docs">{ctx.t('ui.footer.api')}</a>
                </li>
              </ul>
              <p class="small">{ctx.t('ui.footer.data')}</p>
            </footer>
          )}
          {(props.scripts ?? []).map((src) => (
            <script src={asset(src)} defer></script>
          ))}
        </body>
      </html>
    </>
  );
}

export function ErrorPage(props: { ctx: PageContext; status: number }): SafeHtml {
  const { ctx, status } = props;
  const known = [400, 403, 404, 409, 429, 500];
  const key = `ui.error.${known.includes(status) ? status : status >= 500 ? 500 : 400}`;
  return (
    <Layout ctx={ctx} title={`${ctx.t('ui.error.title')} ${status}`}>
      <h1>{ctx.t(key)}</h1>
      <p>
        <a href={`/${ctx.lang}`}>{ctx.t('ui.error.backHome')}</a>
      </p>
    </Layout>
  );
}

/** Lists form errors at the top of a form; each links to its field. */
export function ErrorSummary(props: { ctx: PageContext; errors: { field: string; message: string }[] }): SafeHtml {
  if (props.errors.length === 0) return raw('');
  return (
    <div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{props.ctx.t('ui.errorSummary.title')}</h2>
      <ul>
        {props.errors.map((e) => (
          <li>
            <a href={`#${e.field}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
