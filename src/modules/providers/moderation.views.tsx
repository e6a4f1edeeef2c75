/** The coordinator's moderation queue and the diff of one waiting change. */
import type { SafeHtml } from '#jsx/jsx-runtime';
import type { PageContext } from '../../platform/page-context.ts';
import { formatDate, formatDateTime } from '../../platform/format.ts';
import { textOf, type LocalisedText } from '../../platform/localised.ts';
import { FormField, PostForm } from '../../ui/forms.tsx';
import { SelectField } from '../../ui/choices.tsx';
import type { ModerationPolicy, ChangeRequestRow } from './providers.queries.ts';
import type { ClaimRow, QueueChangeRow, QueueConflictRow, QueueReportRow } from './moderation.queries.ts';
import type { ReviewState } from './reminders.queries.ts';
import { Notice, StaffLayout, fieldLabel, formatValue } from './providers-layout.tsx';

export interface QueueProps {
  ctx: PageContext;
  notice?: string | undefined;
  changes: QueueChangeRow[];
  changesTotal: number;
  claims: ClaimRow[];
  reports: QueueReportRow[];
  conflicts: QueueConflictRow[];
  stale: { id: string; name: LocalisedText; review_state: ReviewState; last_reviewed_at: Date; organisation_name: LocalisedText }[];
  policies: { regionCode: string; policy: ModerationPolicy }[];
}

const shown = (value: unknown, lang: PageContext['lang']): string => {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'object' && !Array.isArray(value)) return textOf(value as LocalisedText, lang) || JSON.stringify(value);
  return Array.isArray(value) ? value.join(', ') : String(value);
};

function DecisionButtons(props: { ctx: PageContext; action: string; buttons: [string, string][]; comment?: boolean }): SafeHtml {
  return (
    <PostForm ctx={props.ctx} action={props.action} class="button-row">
      {props.comment ? <FormField id={`comment-${props.action.split('/').pop()}`} name="comment" label={props.ctx.t('providers.moderation.comment')} /> : null}
      {props.buttons.map(([value, label]) => (
        <button type="submit" name="decision" value={value} class="button">
          {props.ctx.t(label)}
        </button>
      ))}
    </PostForm>
  );
}

export function ModerationQueuePage(props: QueueProps): SafeHtml {
  const { ctx } = props;
  const base = `/${ctx.lang}/moderation`;
  const empty = <p>{ctx.t('providers.moderation.empty')}</p>;
  return (
    <StaffLayout ctx={ctx} title={ctx.t('providers.moderation.title')}>
      <h1>{ctx.t('providers.moderation.title')}</h1>
      <p class="lead">{ctx.t('providers.moderation.lead')}</p>
      <Notice ctx={ctx} notice={props.notice} />

      <h2>{ctx.t('providers.moderation.changes')}</h2>
      {props.changesTotal > props.changes.length ? <p>{ctx.t('providers.moderation.oldestFirst', { shown: props.changes.length, total: props.changesTotal })}</p> : null}
      {props.changes.length === 0 ? empty : (
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{ctx.t('providers.column.name')}</th>
              <th scope="col">{ctx.t('providers.moderation.organisation')}</th>
              <th scope="col">{ctx.t('providers.moderation.submitted')}</th>
            </tr>
          </thead>
          <tbody>
            {props.changes.map((c) => (
              <tr>
                <th scope="row">
                  <a href={`${base}/changes/${c.id}`}>{`${textOf(c.proposed_name, ctx.lang) || '–'} (${ctx.t(`providers.moderation.kind.${c.kind}`)})`}</a>
                </th>
                <td>{textOf(c.organisation_name, ctx.lang)}</td>
                <td>{formatDateTime(c.submitted_at, ctx.lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>{ctx.t('providers.moderation.claims')}</h2>
      {props.claims.length === 0 ? empty : props.claims.map((c) => (
        <div class="queue-item">
          <p>{ctx.t('providers.moderation.claimOf', { claimant: textOf(c.claimant_name, ctx.lang), target: `${textOf(c.entity_name, ctx.lang)} (${c.entity_source ?? ''})` })}</p>
          {c.reason ? <p class="hint">{c.reason}</p> : null}
          <DecisionButtons ctx={ctx} action={`${base}/claims/${c.id}`} comment buttons={[['approved', 'providers.moderation.approve'], ['declined', 'providers.moderation.decline']]} />
        </div>
      ))}

      <h2>{ctx.t('providers.moderation.reports')}</h2>
      {props.reports.length === 0 ? empty : props.reports.map((r) => (
        <div class="queue-item">
          <p>
            <a href={`/${ctx.lang}/activities/${r.service_id}`}>{textOf(r.service_name, ctx.lang)}</a>
            {` – ${ctx.t('providers.moderation.reportCategory')}: ${r.category} – ${formatDate(r.created_at, ctx.lang)}`}
          </p>
          <p lang={r.language}>{r.message}</p>
          <DecisionButtons ctx={ctx} action={`${base}/reports/${r.id}`} comment buttons={[['resolved', 'providers.moderation.resolve'], ['dismissed', 'providers.moderation.dismiss']]} />
        </div>
      ))}

      <h2>{ctx.t('providers.moderation.conflicts')}</h2>
      {props.conflicts.length === 0 ? empty : props.conflicts.map((c) => (
        <div class="queue-item">
          <p>
            <a href={`/${ctx.lang}/provider/activities/${c.entity_id}/history`}>{textOf(c.service_name, ctx.lang) || c.entity_id}</a>
            {` – ${c.field}`}
          </p>
          <dl class="facts">
            <dt>{ctx.t('providers.moderation.local')}</dt>
            <dd>{shown(c.local_value, ctx.lang)}</dd>
            <dt>{ctx.t('providers.moderation.incoming', { source: c.source.toUpperCase() })}</dt>
            <dd>{shown(c.incoming_value, ctx.lang)}</dd>
          </dl>
          <DecisionButtons ctx={ctx} action={`${base}/conflicts/${c.id}`} buttons={[['accepted_incoming', 'providers.moderation.acceptIncoming'], ['kept_local', 'providers.moderation.keepLocal']]} />
        </div>
      ))}

      <h2>{ctx.t('providers.moderation.stale')}</h2>
      {props.stale.length === 0 ? empty : (
        <ul>
          {props.stale.map((s) => (
            <li>
              <a href={`/${ctx.lang}/provider/activities/${s.id}/history`}>{textOf(s.name, ctx.lang)}</a>
              {` – ${textOf(s.organisation_name, ctx.lang)} – ${formatDate(s.last_reviewed_at, ctx.lang)} – ${ctx.t(`providers.review.${s.review_state}`)}`}
            </li>
          ))}
        </ul>
      )}

      <h2>{ctx.t('providers.moderation.policy')}</h2>
      {props.policies.map((p) => (
        <PostForm ctx={ctx} action={`${base}/policy`}>
          <input type="hidden" name="regionCode" value={p.regionCode} />
          <SelectField id={`policy-${p.regionCode}`} name="policy" label={`${ctx.t('providers.moderation.policy')} (${p.regionCode})`} value={p.policy}
            options={(['all', 'new_only', 'none'] as const).map((value) => ({ value, label: ctx.t(`providers.moderation.policy.${value}`) }))} />
          <button type="submit" class="button">
            {ctx.t('providers.moderation.policySave')}
          </button>
        </PostForm>
      ))}
    </StaffLayout>
  );
}

export function ChangeDiffPage(props: { ctx: PageContext; request: ChangeRequestRow }): SafeHtml {
  const { ctx, request } = props;
  const name = textOf({ fi: String(request.proposed.name_fi ?? ''), sv: String(request.proposed.name_sv ?? '') }, ctx.lang);
  const title = ctx.t('providers.moderation.diffTitle', { name: name || '–' });
  return (
    <StaffLayout ctx={ctx} title={title}>
      <p class="breadcrumb">
        <a href={`/${ctx.lang}/moderation`}>{ctx.t('providers.moderation.title')}</a>
      </p>
      <h1>{title}</h1>
      <p>{`${ctx.t(`providers.moderation.kind.${request.kind}`)} – ${request.submitted_at ? formatDateTime(request.submitted_at, ctx.lang) : ''}`}</p>
      <table class="data-table diff-table">
        <thead>
          <tr>
            <th scope="col">{ctx.t('providers.moderation.field')}</th>
            <th scope="col">{ctx.t('providers.moderation.before')}</th>
            <th scope="col">{ctx.t('providers.moderation.after')}</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(request.diff).map(([field, change]) => (
            <tr>
              <th scope="row">{fieldLabel(ctx, field)}</th>
              <td>
                <del>{formatValue(change.before)}</del>
              </td>
              <td>
                <ins>{formatValue(change.after)}</ins>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <a href={`/${ctx.lang}/provider/activities/${request.service_id}/history`}>{ctx.t('providers.history')}</a>
      </p>
      {request.status === 'pending' ? (
        <DecisionButtons ctx={ctx} action={`/${ctx.lang}/moderation/changes/${request.id}`} comment buttons={[['approved', 'providers.moderation.approve'], ['returned', 'providers.moderation.return']]} />
      ) : null}
    </StaffLayout>
  );
}
