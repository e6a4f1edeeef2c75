/** Print, share and copy: links that work without JavaScript, buttons that appear with it. */
import type { SafeHtml } from '#jsx/jsx-runtime';
import type { PageContext } from '../../platform/page-context.ts';

export function ShareActions(props: { ctx: PageContext; url: string; title: string; children?: SafeHtml | SafeHtml[] | null }): SafeHtml {
  const { ctx, url, title } = props;
  const mail = `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(url)}`;
  return (
    <div class="actions">
      <ul>
        <li class="js-only" hidden>
          <button type="button" class="button--secondary" data-action="print">
            {ctx.t('web.share.print')}
          </button>
        </li>
        <li class="js-only" hidden>
          <button type="button" class="button--secondary" data-action="copy" data-url={url}>
            {ctx.t('web.share.copy')}
          </button>
        </li>
        <li>
          <a href={mail}>{ctx.t('web.share.email')}</a>
        </li>
        {props.children}
      </ul>
      <p class="visually-hidden" role="status" data-copy-status data-copied={ctx.t('web.share.copied')}></p>
    </div>
  );
}
