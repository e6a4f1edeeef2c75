/** The worklist (what to fix and where), the coverage table and the region's rule settings. */
import type { SafeHtml } from '#jsx/jsx-runtime';
import type { PageContext } from '../../platform/page-context.ts';
import { formatNumber } from '../../platform/format.ts';
import { pickText, textOf, type LocalisedText } from '../../platform/localised.ts';
import { PostForm } from '../../ui/forms.tsx';
import { SelectField } from '../../ui/choices.tsx';
import { ErrorSummary, Text } from '../../ui/layout.tsx';
import { BarChart, type BarItem } from '../../ui/charts.tsx';
import { themes } from '../catalog/index.ts';
import type { Coverage } from './coverage.ts';
import { QualityLayout, qualityPath } from './quality-layout.tsx';
import type { WorklistRow } from './quality.read.queries.ts';
import { findingDetailText, whereToFix, type ResolvedScope, type WorklistQuery } from './quality.report.service.ts';
import { ruleIds } from './quality.rules.ts';

interface Frame {
  ctx: PageContext;
  scope: ResolvedScope;
  regions: { code: string; name: LocalisedText }[];
}

const themeLabel = (code: string, ctx: PageContext) => textOf(themes.find((t) => t.code === code)?.label, ctx.lang) || code;

export function WorklistPage(
  props: Frame & {
    rows: WorklistRow[];
    total: number;
    limit: number;
    query: WorklistQuery;
    municipalities: { code: string; name: LocalisedText }[];
    hasRun: boolean;
    /** Organisations whose activities the reader may edit (provider role): their rows link to the editor. */
    editableOrganisations: readonly string[];
  },
): SafeHtml {
  const { ctx, scope, rows, query } = props;
  const filters = [query.rule ? `&rule=${encodeURIComponent(query.rule)}` : '', query.severity ? `&severity=${query.severity}` : '', query.municipality ? `&municipality=${query.municipality}` : ''].join('');
  return (
    <QualityLayout ctx={ctx} title={ctx.t('quality.worklist.title')} section="worklist" scope={scope} regions={props.regions}>
      <p class="lead">{ctx.t('quality.worklist.lead')}</p>
      <p>
        <strong>
          <Text shown={pickText(scope.name, ctx.lang)} />
        </strong>
      </p>
      <form method="get" action={`/${ctx.lang}/quality/worklist`} class="filter-form">
        <input type="hidden" name={scope.kind === 'region' ? 'region' : 'organisation'} value={scope.kind === 'region' ? scope.code : scope.id} />
        <SelectField id="rule" label={ctx.t('quality.column.rule')} value={query.rule} placeholder={ctx.t('quality.worklist.allRules')} options={ruleIds.map((id) => ({ value: id, label: ctx.t(`quality.rule.${id}.title`) }))} />
        <SelectField
          id="severity"
          label={ctx.t('quality.column.severity')}
          value={query.severity}
          placeholder={ctx.t('quality.worklist.allSeverities')}
          options={(['error', 'warning', 'info'] as const).map((s) => ({ value: s, label: ctx.t(`quality.severity.${s}`) }))}
        />
        {props.municipalities.length > 0 ? (
          <SelectField
            id="municipality"
            label={ctx.t('quality.column.municipality')}
            value={query.municipality}
            placeholder={ctx.t('quality.worklist.allMunicipalities')}
            options={props.municipalities.map((m) => ({ value: m.code, label: textOf(m.name, ctx.lang) }))}
          />
        ) : null}
        <button type="submit" class="button">
          {ctx.t('quality.worklist.filter')}
        </button>
      </form>
      {!props.hasRun ? (
        <p class="notice">{ctx.t('quality.noRun')}</p>
      ) : rows.length === 0 ? (
        <p>{ctx.t('quality.worklist.empty')}</p>
      ) : (
        <>
          <p role="status">{ctx.t('quality.worklist.count', { count: props.total })}</p>
          {props.total > rows.length ? <p>{ctx.t('quality.worklist.limited', { shown: rows.length })}</p> : null}
          <ul class="link-list">
            <li>
              <a href={qualityPath(ctx, '/worklist.csv', scope, filters)} download>
                {ctx.t('quality.worklist.csv')}
              </a>
            </li>
            <li>
              <a href={qualityPath(ctx, '/worklist.csv', scope, `${filters}&separator=comma`)} download>
                {ctx.t('quality.worklist.csvComma')}
              </a>
            </li>
          </ul>
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{ctx.t('quality.column.severity')}</th>
                <th scope="col">{ctx.t('quality.column.record')}</th>
                <th scope="col">{ctx.t('quality.column.rule')}</th>
                <th scope="col">{ctx.t('quality.column.where')}</th>
                <th scope="col">{ctx.t('quality.column.fix')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr>
                  <td class={`severity severity--${row.severity}`}>{ctx.t(`quality.severity.${row.severity}`)}</td>
                  <td>
                    {row.entity === 'service' && row.public ? (
                      <a href={`/${ctx.lang}/activities/${row.entity_id}`}>
                        <Text shown={pickText(row.entity_name, ctx.lang)} />
                      </a>
                    ) : (
                      <Text shown={pickText(row.entity_name, ctx.lang)} />
                    )}
                    <br />
                    <span class="small">
                      {ctx.t(`quality.entity.${row.entity}`)}
                      {row.organisation_name ? ` · ${textOf(row.organisation_name, ctx.lang)}` : ''}
                    </span>
                  </td>
                  <td>
                    {ctx.t(`quality.rule.${row.rule_id}.title`)}
                    {Object.keys(row.details).length > 0 ? (
                      <>
                        <br />
                        <code class="details">{findingDetailText(row.details, ctx.t)}</code>
                      </>
                    ) : null}
                  </td>
                  <td>
                    {ctx.t(`quality.where.${whereToFix(row)}`)}
                    {row.entity === 'service' && row.organisation_id && props.editableOrganisations.includes(row.organisation_id) ? (
                      <>
                        <br />
                        <a href={`/${ctx.lang}/provider/activities/${row.entity_id}`}>{ctx.t('quality.worklist.edit')}</a>
                      </>
                    ) : null}
                  </td>
                  <td>{ctx.t(`quality.rule.${row.rule_id}.fix`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </QualityLayout>
  );
}

function MissingThemesChart(props: { ctx: PageContext; coverage: Coverage }): SafeHtml {
  const { ctx, coverage } = props;
  const total = coverage.rows.length;
  const items: BarItem[] = coverage.themes
    .map((theme) => ({ theme, count: coverage.rows.filter((row) => row.missing.includes(theme)).length }))
    .sort((a, b) => b.count - a.count)
    .map(({ theme, count }) => ({ label: themeLabel(theme, ctx), value: count, display: `${count}/${total}` }));
  const top = items[0];
  const summary = top ? ctx.t('quality.coverage.missingChart.summary', { theme: top.label, count: top.value, total }) : '';
  return (
    <BarChart
      id="missing-themes-chart"
      max={Math.max(1, total)}
      items={items}
      text={{ title: ctx.t('quality.coverage.missingChart.title'), summary, tableLabel: ctx.t('quality.chart.table'), columns: [ctx.t('quality.column.theme'), ctx.t('quality.coverage.missingChart.column')] }}
    />
  );
}

export function CoveragePage(props: Frame & { coverage: Coverage }): SafeHtml {
  const { ctx, coverage } = props;
  const rate = (value: number | null) => (value === null ? '–' : formatNumber(value, ctx.lang, 1));
  return (
    <QualityLayout ctx={ctx} title={`${ctx.t('quality.coverage.title')}: ${textOf(props.scope.name, ctx.lang)}`} section="coverage" scope={props.scope} regions={props.regions}>
      <p class="lead">{ctx.t('quality.coverage.lead')}</p>
      <MissingThemesChart ctx={ctx} coverage={coverage} />
      <div class="table-scroll" tabindex="0" role="region" aria-labelledby="coverage-caption">
        <table class="data-table coverage-table">
          <caption id="coverage-caption">{ctx.t('quality.coverage.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{ctx.t('quality.column.municipality')}</th>
              <th scope="col">{ctx.t('quality.coverage.population')}</th>
              {coverage.themes.map((theme) => (
                <th scope="col">{themeLabel(theme, ctx)}</th>
              ))}
              <th scope="col">{ctx.t('quality.coverage.missing')}</th>
            </tr>
          </thead>
          <tbody>
            {coverage.rows.map((row) => (
              <tr>
                <th scope="row">{textOf(row.name, ctx.lang)}</th>
                <td>{row.population === null ? '–' : formatNumber(row.population, ctx.lang)}</td>
                {coverage.themes.map((theme) => {
                  const cell = row.cells[theme]!;
                  return (
                    <td class={cell.count === 0 ? 'none' : cell.belowMedian ? 'below' : undefined}>
                      {`${rate(cell.per10k)}${cell.belowMedian ? ' ↓' : ''}`}
                      <span class="small"> ({ctx.t('quality.coverage.count', { count: cell.count })})</span>
                    </td>
                  );
                })}
                <td>{row.missing.length}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{ctx.t('quality.coverage.median')}</th>
              <td></td>
              {coverage.themes.map((theme) => (
                <td>{rate(coverage.median[theme] ?? 0)}</td>
              ))}
              <td></td>
            </tr>
          </tfoot>
        </table>
      </div>
      <h2>{ctx.t('quality.coverage.missing')}</h2>
      <dl class="facts">
        {coverage.rows.map((row) => (
          <>
            <dt>{textOf(row.name, ctx.lang)}</dt>
            <dd>{row.missing.length === 0 ? ctx.t('quality.coverage.none') : row.missing.map((theme) => themeLabel(theme, ctx)).join(', ')}</dd>
          </>
        ))}
      </dl>
    </QualityLayout>
  );
}

export interface RuleSettingView {
  id: string;
  severity: string;
  enabled: boolean;
  threshold: number | null;
  thresholdDefault: number | null;
  thresholdUnit: string | null;
}

export function RuleSettingsPage(
  props: Frame & { settings: RuleSettingView[]; canEdit: boolean; errors?: Record<string, string> | undefined; values?: Record<string, string> | undefined; saved?: boolean },
): SafeHtml {
  const { ctx, scope } = props;
  const errors = Object.entries(props.errors ?? {}).map(([field, key]) => ({ field, message: ctx.t(key) }));
  return (
    <QualityLayout ctx={ctx} title={`${ctx.t('quality.rules.pageTitle')}: ${textOf(scope.name, ctx.lang)}`} section="rules" scope={scope} regions={props.regions} hasErrors={errors.length > 0}>
      <p class="lead">{ctx.t('quality.rules.lead')}</p>
      {props.saved ? (
        <p class="notice" role="status">
          {ctx.t('quality.rules.saved')}
        </p>
      ) : null}
      <ErrorSummary ctx={ctx} errors={errors} />
      <PostForm ctx={ctx} action={qualityPath(ctx, '/rules', scope)}>
        <input type="hidden" name="region" value={scope.kind === 'region' ? scope.code : ''} />
        <table class="data-table settings-table">
          <thead>
            <tr>
              <th scope="col">{ctx.t('quality.column.rule')}</th>
              <th scope="col">{ctx.t('quality.column.severity')}</th>
              <th scope="col">{ctx.t('quality.rules.enabled')}</th>
              <th scope="col">{ctx.t('quality.rules.threshold')}</th>
            </tr>
          </thead>
          <tbody>
            {props.settings.map((rule) => {
              const title = ctx.t(`quality.rule.${rule.id}.title`);
              const field = `threshold-${rule.id}`;
              const error = props.errors?.[field];
              return (
                <tr>
                  <th scope="row">{title}</th>
                  <td>{ctx.t(`quality.severity.${rule.severity}`)}</td>
                  <td>
                    <input type="checkbox" id={`enabled-${rule.id}`} name="enabled" value={rule.id} checked={rule.enabled} disabled={!props.canEdit} />
                    <label for={`enabled-${rule.id}`}>
                      <span class="visually-hidden">{`${title}: `}</span>
                      {ctx.t('quality.rules.enabled')}
                    </label>
                  </td>
                  <td>
                    {rule.thresholdUnit ? (
                      <div class={`field${error ? ' field--error' : ''}`}>
                        <label for={field} class="visually-hidden">{`${title}: ${ctx.t('quality.rules.threshold')}`}</label>
                        {error ? (
                          <p class="field-error" id={`${field}-error`}>
                            {ctx.t(error)}
                          </p>
                        ) : null}
                        <input
                          type="number"
                          id={field}
                          name={field}
                          min="0"
                          max="9999"
                          value={props.values?.[field] ?? String(rule.threshold ?? '')}
                          disabled={!props.canEdit}
                          aria-describedby={`${field}-hint${error ? ` ${field}-error` : ''}`}
                          aria-invalid={error ? 'true' : undefined}
                        />
                        <span class="hint" id={`${field}-hint`}>
                          {` ${ctx.t(`quality.rules.unit.${rule.thresholdUnit}`)} (${ctx.t('quality.rules.default', { value: rule.thresholdDefault ?? '' })})`}
                        </span>
                      </div>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {props.canEdit ? (
          <button type="submit" class="button button--primary">
            {ctx.t('quality.rules.save')}
          </button>
        ) : null}
      </PostForm>
    </QualityLayout>
  );
}
