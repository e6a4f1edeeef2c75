/**
 * The accessibility statement with its feedback form (laki 306/2019 requires both) and the
 * "report an error in this listing" form. Both are POST forms with CSRF tokens; errors re-render
 * the form with an error summary linked to the fields.
 */
import type { SafeHtml } from '#jsx/jsx-runtime';
import { pickText } from '../../platform/localised.ts';
import { ChoiceGroup } from '../../ui/choices.tsx';
import { FormField, PostForm } from '../../ui/forms.tsx';
import { ErrorSummary, Layout, Text } from '../../ui/layout.tsx';
import type { ServiceDetail } from '../catalog/index.ts';
import { listingReportCategories } from './web.queries.ts';
import type { TrayProps } from './web.components.tsx';

/** When the statement was last reviewed (update with each accessibility review). */
export const statementDate = '2026-11-28';

export interface FormState {
  values: Record<string, string>;
  /** field → message key */
  errors: Record<string, string>;
}

export const emptyForm: FormState = { values: {}, errors: {} };

function summaryOf(props: { ctx: TrayProps['ctx'] }, state: FormState, order: string[]) {
  return order.filter((f) => state.errors[f]).map((field) => ({ field, message: props.ctx.t(state.errors[field]!) }));
}

export function AccessibilityPage(props: TrayProps & { form: FormState; sent: boolean }): SafeHtml {
  const { ctx, form } = props;
  const error = (field: string) => (form.errors[field] ? ctx.t(form.errors[field]!) : undefined);
  const errors = summaryOf(props, form, ['message', 'email']);
  const [year, month, day] = statementDate.split('-').map(Number);
  const date = ctx.lang === 'en' ? `${day}/${month}/${year}` : `${day}.${month}.${year}`;
  return (
    <Layout ctx={ctx} title={errors.length ? `${ctx.t('web.form.errorTitlePrefix')} ${ctx.t('web.a11y.title')}` : ctx.t('web.a11y.title')} description={ctx.t('web.a11y.intro')} scripts={['tray.js']}>
      <h1>{ctx.t('web.a11y.title')}</h1>
      <p>{ctx.t('web.a11y.intro')}</p>
      <p>{ctx.t('web.a11y.date', { date })}</p>
      <h2>{ctx.t('web.a11y.statusTitle')}</h2>
      <p>{ctx.t('web.a11y.status')}</p>
      <h2>{ctx.t('web.a11y.gapsTitle')}</h2>
      <ul>
        <li>{ctx.t('web.a11y.gapMap')}</li>
        <li>{ctx.t('web.a11y.gapContent')}</li>
        <li>{ctx.t('web.a11y.gapDirections')}</li>
      </ul>
      <h2>{ctx.t('web.a11y.howTitle')}</h2>
      <p>{ctx.t('web.a11y.how')}</p>
      <h2>{ctx.t('web.a11y.offlineTitle')}</h2>
      <p>{ctx.t('web.a11y.offline')}</p>
      <h2>{ctx.t('web.a11y.enforcementTitle')}</h2>
      <p>{ctx.t('web.a11y.enforcement')}</p>
      <p>
        <a href="https://www.saavutettavuusvaatimukset.fi/">www.saavutettavuusvaatimukset.fi</a>
      </p>

      <h2 id="feedback">{ctx.t('web.a11y.feedbackTitle')}</h2>
      {props.sent ? (
        <div class="notice notice--success" role="status">
          {ctx.t('web.a11y.feedbackThanks')}
        </div>
      ) : null}
      <p>{ctx.t('web.a11y.feedbackIntro')}</p>
      <PostForm ctx={ctx} action={`/${ctx.lang}/accessibility/feedback`} class="stack">
        <ErrorSummary ctx={ctx} errors={errors} />
        <FormField id="message" label={ctx.t('web.a11y.message')} hint={ctx.t('web.a11y.messageHint')} multiline rows={6} required maxlength={4000} value={form.values.message} error={error('message')} />
        <FormField id="pagePath" label={ctx.t('web.a11y.page')} hint={ctx.t('web.a11y.pageHint')} maxlength={500} value={form.values.pagePath} />
        <FormField id="name" label={ctx.t('web.form.nameOptional')} autocomplete="name" maxlength={200} value={form.values.name} />
        <FormField id="email" type="email" label={ctx.t('web.form.emailOptional')} hint={ctx.t('web.a11y.emailHint')} autocomplete="email" maxlength={254} value={form.values.email} error={error('email')} />
        <p class="hint">{ctx.t('web.form.privacy')}</p>
        <p>
          <button type="submit">{ctx.t('web.a11y.send')}</button>
        </p>
      </PostForm>
    </Layout>
  );
}

export function ReportPage(props: TrayProps & { activity: ServiceDetail; form: FormState }): SafeHtml {
  const { ctx, activity, form, base } = props;
  const name = pickText(activity.name, ctx.lang);
  const error = (field: string) => (form.errors[field] ? ctx.t(form.errors[field]!) : undefined);
  const errors = summaryOf(props, form, ['category', 'message', 'email']);
  const title = ctx.t('web.report.title');
  return (
    <Layout ctx={ctx} title={`${errors.length ? `${ctx.t('web.form.errorTitlePrefix')} ` : ''}${title}: ${name?.text ?? ''}`} head={<meta name="robots" content="noindex" />} scripts={['tray.js']}>
      <p class="back">
        <a href={`${base}/activities/${activity.id}`}>
          {ctx.t('web.report.back')} <Text shown={name} />
        </a>
      </p>
      <h1>
        {title}: <Text shown={name} />
      </h1>
      <p>{ctx.t('web.report.intro')}</p>
      <PostForm ctx={ctx} action={`${base}/activities/${activity.id}/report`} class="stack">
        <ErrorSummary ctx={ctx} errors={errors} />
        <ChoiceGroup
          id="category"
          name="category"
          type="radio"
          legend={ctx.t('web.report.category')}
          error={error('category')}
          options={listingReportCategories.map((c) => ({ value: c, label: ctx.t(`web.report.category.${c}`) }))}
          selected={form.values.category ? [form.values.category] : []}
        />
        <FormField id="message" label={ctx.t('web.report.message')} hint={ctx.t('web.report.messageHint')} multiline rows={5} required maxlength={4000} value={form.values.message} error={error('message')} />
        <FormField id="email" type="email" label={ctx.t('web.form.emailOptional')} hint={ctx.t('web.report.emailHint')} autocomplete="email" maxlength={254} value={form.values.email} error={error('email')} />
        <p class="hint">{ctx.t('web.form.privacy')}</p>
        <p>
          <button type="submit">{ctx.t('web.report.send')}</button>
        </p>
      </PostForm>
    </Layout>
  );
}
