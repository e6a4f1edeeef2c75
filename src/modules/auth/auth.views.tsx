/** Sign-in, development sign-in and signed-out pages. */
import type { SafeHtml } from '#jsx/jsx-runtime';
import type { PageContext } from '../../platform/page-context.ts';
import { textOf, type LocalisedText } from '../../platform/localised.ts';
import { ErrorSummary, Layout, asset } from '../../ui/layout.tsx';
import { PostForm } from '../../ui/forms.tsx';

export type SignInNotice = 'expired' | 'cancelled' | 'failed' | 'no_roles' | 'disabled' | 'unavailable';

export interface DevUserOption {
  id: string;
  name: string;
  roles: { role: string; organisationName: LocalisedText | null; regionCode: string | null }[];
}

export interface SignInPageProps {
  ctx: PageContext;
  returnTo: string | undefined;
  notice: SignInNotice | undefined;
  oidcEnabled: boolean;
  devUsers: DevUserOption[] | undefined;
  errors?: { field: string; message: string }[];
}

function Notice(props: { ctx: PageContext; notice: SignInNotice }): SafeHtml {
  const important = props.notice !== 'expired' && props.notice !== 'cancelled';
  return (
    <div class={`notice${important ? ' notice--warning' : ''}`} role={important ? 'alert' : 'status'}>
      <p>{props.ctx.t(`auth.signIn.notice.${props.notice}`)}</p>
    </div>
  );
}

export function SignInPage(props: SignInPageProps): SafeHtml {
  const { ctx } = props;
  const errors = props.errors ?? [];
  const title = ctx.t('auth.signIn.title');
  return (
    <Layout ctx={ctx} title={errors.length > 0 ? `${ctx.t('auth.errorTitlePrefix')} ${title}` : title} head={<link rel="stylesheet" href={asset('staff.css')} />}>
      <h1>{title}</h1>
      <p class="lead">{ctx.t('auth.signIn.lead')}</p>
      {props.notice ? <Notice ctx={ctx} notice={props.notice} /> : null}
      {props.oidcEnabled ? (
        <section aria-labelledby="sign-in-oidc">
          <h2 id="sign-in-oidc">{ctx.t('auth.signIn.oidc.title')}</h2>
          <PostForm ctx={ctx} action={`/${ctx.lang}/sign-in/oidc`}>
            {props.returnTo ? <input type="hidden" name="returnTo" value={props.returnTo} /> : null}
            <button type="submit" class="button button--primary">
              {ctx.t('auth.signIn.oidc.button')}
            </button>
          </PostForm>
        </section>
      ) : null}
      {props.devUsers ? (
        <section aria-labelledby="sign-in-dev" class="dev-sign-in">
          <h2 id="sign-in-dev">{ctx.t('auth.signIn.dev.title')}</h2>
          <p class="notice notice--warning">{ctx.t('auth.signIn.dev.warning')}</p>
          <ErrorSummary ctx={ctx} errors={errors} />
          <PostForm ctx={ctx} action={`/${ctx.lang}/sign-in/dev`}>
            {props.returnTo ? <input type="hidden" name="returnTo" value={props.returnTo} /> : null}
            <fieldset class={`field${errors.length > 0 ? ' field--error' : ''}`} aria-describedby={errors.length > 0 ? 'userId-error' : undefined}>
              <legend>{ctx.t('auth.signIn.dev.user')}</legend>
              {errors.length > 0 ? (
                <p class="field-error" id="userId-error">
                  {errors[0]!.message}
                </p>
              ) : null}
              {props.devUsers.length === 0 ? <p>{ctx.t('auth.signIn.dev.none')}</p> : null}
              {props.devUsers.map((user, index) => (
                <div class="choice">
                  <input type="radio" name="userId" id={`dev-user-${index}`} value={user.id} />
                  <label for={`dev-user-${index}`}>
                    <strong>{user.name}</strong>
                    {' – '}
                    {user.roles
                      .map((role) => `${ctx.t(`ui.role.${role.role}`)}${role.organisationName ? `, ${textOf(role.organisationName, ctx.lang)}` : role.regionCode ? '' : ` (${ctx.t('auth.scope.national')})`}`)
                      .join('; ')}
                  </label>
                </div>
              ))}
            </fieldset>
            <button type="submit" class="button">
              {ctx.t('auth.signIn.dev.button')}
            </button>
          </PostForm>
        </section>
      ) : null}
      {!props.oidcEnabled && !props.devUsers ? <p>{ctx.t('auth.signIn.notConfigured')}</p> : null}
    </Layout>
  );
}

export function SignedOutPage(props: { ctx: PageContext }): SafeHtml {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={ctx.t('auth.signedOut.title')} head={<link rel="stylesheet" href={asset('staff.css')} />}>
      <h1>{ctx.t('auth.signedOut.title')}</h1>
      <p>{ctx.t('auth.signedOut.lead')}</p>
      <ul>
        <li>
          <a href={`/${ctx.lang}/sign-in`}>{ctx.t('auth.signedOut.again')}</a>
        </li>
        <li>
          <a href={`/${ctx.lang}`}>{ctx.t('ui.error.backHome')}</a>
        </li>
      </ul>
    </Layout>
  );
}
