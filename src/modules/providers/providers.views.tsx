/** Provider pages: the activities of one's organisations, claims, change history and the spreadsheet import. */
import type { SafeHtml } from '#jsx/jsx-runtime';
import type { PageContext } from '../../platform/page-context.ts';
import { formatDate, formatDateTime } from '../../platform/format.ts';
import { textOf, type LocalisedText } from '../../platform/localised.ts';
import { ErrorSummary } from '../../ui/layout.tsx';
import { FormField, PostForm } from '../../ui/forms.tsx';
import { SelectField } from '../../ui/choices.tsx';
import type { OrganisationActivityRow, ServiceChangeRow } from './providers.queries.ts';
import type { ClaimRow } from './moderation.queries.ts';
import type { CsvPreview, CsvImportResult } from './csv-import.service.ts';
import { Checkbox, Notice, StaffLayout, fieldLabel } from './providers-layout.tsx';

export interface OrganisationOption {
  id: string;
  name: string;
}

export interface ProviderHomeProps {
  ctx: PageContext;
  organisations: OrganisationOption[];
  activities: (OrganisationActivityRow & { organisation_id: string })[];
  claims: ClaimRow[];
  notice?: string | undefined;
  claimError?: string | undefined;
}

function OrganisationSelect(props: { ctx: PageContext; id: string; organisations: OrganisationOption[]; label: string }): SafeHtml {
  if (props.organisations.length === 1) return <input type="hidden" name={props.id} value={props.organisations[0]!.id} />;
  return <SelectField id={props.id} label={props.label} options={props.organisations.map((o) => ({ value: o.id, label: o.name }))} />;
}

export function ProviderHomePage(props: ProviderHomeProps): SafeHtml {
  const { ctx } = props;
  return (
    <StaffLayout ctx={ctx} title={ctx.t('providers.title')}>
      <h1>{ctx.t('providers.title')}</h1>
      <p class="lead">{ctx.t('providers.lead')}</p>
      <Notice ctx={ctx} notice={props.notice} />
      <PostForm ctx={ctx} action={`/${ctx.lang}/provider/activities`} class="start-form">
        <OrganisationSelect ctx={ctx} id="organisationId" organisations={props.organisations} label={ctx.t('providers.csv.organisation')} />
        <button type="submit" class="button button--primary">
          {ctx.t('providers.new')}
        </button>
      </PostForm>
      <ul class="link-list">
        <li>
          <a href={`/${ctx.lang}/provider/import`}>{ctx.t('providers.import')}</a>
        </li>
        {props.organisations.map((o) => (
          <li>
            <a href={`/${ctx.lang}/provider/export.csv?organisation=${o.id}`}>{`${ctx.t('providers.export')}${props.organisations.length > 1 ? `: ${o.name}` : ''}`}</a>
          </li>
        ))}
      </ul>

      <h2>{ctx.t('providers.activities')}</h2>
      {props.activities.length === 0 ? (
        <p>{ctx.t('providers.none')}</p>
      ) : (
        <table class="data-table">
          <caption class="visually-hidden">{ctx.t('providers.activities')}</caption>
          <thead>
            <tr>
              <th scope="col">{ctx.t('providers.column.name')}</th>
              <th scope="col">{ctx.t('providers.column.status')}</th>
              <th scope="col">{ctx.t('providers.column.version')}</th>
              <th scope="col">{ctx.t('providers.column.review')}</th>
            </tr>
          </thead>
          <tbody>
            {props.activities.map((a) => (
              <tr>
                <th scope="row">
                  <a href={`/${ctx.lang}/provider/activities/${a.id}`}>{textOf(a.name, ctx.lang) || '–'}</a>
                </th>
                <td>{ctx.t(`providers.status.${a.status}`)}</td>
                <td>{ctx.t(`providers.open.${a.open_status ?? 'none'}`)}</td>
                <td>
                  {a.last_reviewed_at ? `${formatDate(a.last_reviewed_at, ctx.lang)} – ` : ''}
                  {ctx.t(`providers.review.${a.review_state}`)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2 id="claim">{ctx.t('providers.claim.title')}</h2>
      <p>{ctx.t('providers.claim.lead')}</p>
      <PostForm ctx={ctx} action={`/${ctx.lang}/provider/claims`}>
        <ErrorSummary ctx={ctx} errors={props.claimError ? [{ field: 'target', message: ctx.t(props.claimError) }] : []} />
        <FormField id="target" label={ctx.t('providers.claim.target')} hint={ctx.t('providers.claim.targetHint')} {...(props.claimError ? { error: ctx.t(props.claimError) } : {})} />
        <OrganisationSelect ctx={ctx} id="organisationId" organisations={props.organisations} label={ctx.t('providers.claim.organisation')} />
        <FormField id="reason" label={ctx.t('providers.claim.reason')} multiline rows={3} />
        <button type="submit" class="button">
          {ctx.t('providers.claim.submit')}
        </button>
      </PostForm>
      {props.claims.length > 0 ? (
        <>
          <h3>{ctx.t('providers.claim.mine')}</h3>
          <ul>
            {props.claims.map((c) => (
              <li>
                {`${textOf(c.entity_name, ctx.lang) || c.entity_id} – ${ctx.t(`providers.claim.status.${c.status}`)} (${formatDate(c.requested_at, ctx.lang)})`}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </StaffLayout>
  );
}

export function HistoryPage(props: { ctx: PageContext; name: LocalisedText; changes: ServiceChangeRow[]; backUrl: string }): SafeHtml {
  const { ctx } = props;
  const title = ctx.t('providers.historyTitle', { name: textOf(props.name, ctx.lang) || '–' });
  return (
    <StaffLayout ctx={ctx} title={title}>
      <p class="breadcrumb">
        <a href={props.backUrl}>{ctx.t('providers.title')}</a>
      </p>
      <h1>{title}</h1>
      {props.changes.length === 0 ? (
        <p>{ctx.t('providers.history.none')}</p>
      ) : (
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{ctx.t('providers.history.when')}</th>
              <th scope="col">{ctx.t('providers.history.who')}</th>
              <th scope="col">{ctx.t('providers.history.what')}</th>
              <th scope="col">{ctx.t('providers.history.fields')}</th>
            </tr>
          </thead>
          <tbody>
            {props.changes.map((c) => (
              <tr>
                <td>{formatDateTime(c.changed_at, ctx.lang)}</td>
                <td>{c.changed_by_name ?? ctx.t('providers.history.system')}</td>
                <td>
                  {ctx.t(`providers.history.action.${c.action}`)}
                  {c.comment && c.comment !== 'csv' ? ` – ${c.comment}` : ''}
                </td>
                <td>{c.fields.map((f) => fieldLabel(ctx, f)).join('; ') || '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </StaffLayout>
  );
}

export function CsvUploadPage(props: { ctx: PageContext; organisations: OrganisationOption[]; error?: string | undefined; errorParams?: Record<string, string | number> | undefined }): SafeHtml {
  const { ctx } = props;
  const error = props.error ? ctx.t(props.error, props.errorParams) : undefined;
  return (
    <StaffLayout ctx={ctx} title={ctx.t('providers.csv.title')} {...(props.error ? { errors: { file: props.error } } : {})}>
      <p class="breadcrumb">
        <a href={`/${ctx.lang}/provider`}>{ctx.t('providers.title')}</a>
      </p>
      <h1>{ctx.t('providers.csv.title')}</h1>
      <ErrorSummary ctx={ctx} errors={error ? [{ field: 'file', message: error }] : []} />
      <p>{ctx.t('providers.csv.lead')}</p>
      <p>
        <a href={`/${ctx.lang}/provider/import/template.csv`} download="tarjotin-toiminnot.csv">
          {ctx.t('providers.csv.template')}
        </a>
      </p>
      <form method="post" action={`/${ctx.lang}/provider/import`} enctype="multipart/form-data" novalidate>
        <input type="hidden" name="_csrf" value={ctx.csrfToken ?? ''} />
        <OrganisationSelect ctx={ctx} id="organisationId" organisations={props.organisations} label={ctx.t('providers.csv.organisation')} />
        <div class={`field${error ? ' field--error' : ''}`}>
          <label for="file">{ctx.t('providers.csv.file')}</label>
          {error ? (
            <p class="field-error" id="file-error">
              {error}
            </p>
          ) : null}
          <input type="file" id="file" name="file" accept=".csv,text/csv" aria-describedby={error ? 'file-error' : undefined} />
        </div>
        {props.error === 'providers.csv.encoding' ? <Checkbox id="fromLatin1" label={ctx.t('providers.csv.convertLatin1')} checked={false} /> : null}
        <button type="submit" class="button button--primary">
          {ctx.t('providers.csv.preview')}
        </button>
      </form>
    </StaffLayout>
  );
}

export function CsvPreviewPage(props: { ctx: PageContext; preview: CsvPreview }): SafeHtml {
  const { ctx, preview } = props;
  const shown = preview.rows.filter((r) => r.errors.length > 0).slice(0, 500);
  return (
    <StaffLayout ctx={ctx} title={ctx.t('providers.csv.previewTitle')}>
      <p class="breadcrumb">
        <a href={`/${ctx.lang}/provider/import`}>{ctx.t('providers.csv.title')}</a>
      </p>
      <h1>{ctx.t('providers.csv.previewTitle')}</h1>
      <p role="status">{ctx.t('providers.csv.summary', { total: preview.total, valid: preview.valid, invalid: preview.invalid })}</p>
      <p>{ctx.t('providers.csv.allOrNothing')}</p>
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">{ctx.t('providers.csv.line')}</th>
            <th scope="col">{ctx.t('providers.column.name')}</th>
            <th scope="col">{ctx.t('providers.csv.errors')}</th>
          </tr>
        </thead>
        <tbody>
          {(shown.length > 0 ? shown : preview.rows.slice(0, 50)).map((r) => (
            <tr>
              <td>{r.line}</td>
              <td>{r.name || '–'}</td>
              <td>
                {r.errors.length === 0 ? (
                  ctx.t('providers.csv.ok')
                ) : (
                  <ul>
                    {r.errors.map((e) => (
                      <li>{`${e.column}: ${ctx.t(e.message)}`}</li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <PostForm ctx={ctx} action={`/${ctx.lang}/provider/import/${preview.importId}`} class="button-row">
        {preview.invalid === 0 ? (
          <button type="submit" name="mode" value="all" class="button button--primary">
            {ctx.t('providers.csv.importAll')}
          </button>
        ) : null}
        {preview.invalid > 0 && preview.valid > 0 ? (
          <button type="submit" name="mode" value="valid" class="button">
            {ctx.t('providers.csv.importValid', { count: preview.valid })}
          </button>
        ) : null}
      </PostForm>
    </StaffLayout>
  );
}

export function CsvResultPage(props: { ctx: PageContext; result: CsvImportResult }): SafeHtml {
  const { ctx, result } = props;
  return (
    <StaffLayout ctx={ctx} title={ctx.t('providers.csv.title')}>
      <h1>{ctx.t('providers.csv.title')}</h1>
      <p role="status">{ctx.t('providers.csv.done', { imported: result.imported, skipped: result.skipped })}</p>
      {result.outcome === 'pending' ? <p>{ctx.t('providers.csv.donePending')}</p> : null}
      <p>
        <a href={`/${ctx.lang}/provider`}>{ctx.t('providers.title')}</a>
      </p>
    </StaffLayout>
  );
}

/** An imported activity of one's own organisation before a claim was approved. */
export function ClaimNeededPage(props: { ctx: PageContext }): SafeHtml {
  const { ctx } = props;
  return (
    <StaffLayout ctx={ctx} title={ctx.t('providers.claim.title')}>
      <h1>{ctx.t('providers.claim.title')}</h1>
      <p>{ctx.t('providers.claim.needed')}</p>
      <p>
        <a href={`/${ctx.lang}/provider#claim`}>{ctx.t('providers.claim.title')}</a>
      </p>
    </StaffLayout>
  );
}
