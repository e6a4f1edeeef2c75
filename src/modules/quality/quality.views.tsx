/** The overview (scorecard, trend, rules, municipalities, organisations) and the run history. */
import type { SafeHtml } from '#jsx/jsx-runtime';
import type { PageContext } from '../../platform/page-context.ts';
import { formatDateTime, formatNumber } from '../../platform/format.ts';
import { textOf, type LocalisedText } from '../../platform/localised.ts';
import { PostForm } from '../../ui/forms.tsx';
import { BarChart, TrendLine, type BarItem } from '../../ui/charts.tsx';
import { formatPercent, QualityLayout, qualityPath } from './quality-layout.tsx';
import type { NamedSnapshotRow, RunRow, SnapshotRow, TrendRow } from './quality.read.queries.ts';
import type { ResolvedScope } from './quality.report.service.ts';
import { ruleIds } from './quality.rules.ts';

interface Frame {
  ctx: PageContext;
  scope: ResolvedScope;
  regions: { code: string; name: LocalisedText }[];
}

function scopeTitle(ctx: PageContext, scope: ResolvedScope): string {
  return `${ctx.t('quality.title')}: ${textOf(scope.name, ctx.lang)}`;
}

function chartText(ctx: PageContext, title: string, summary: string, first: string, second: string) {
  return { title, summary, tableLabel: ctx.t('quality.chart.table'), columns: [first, second] as [string, string] };
}

function extremes(items: BarItem[]): { lowest: BarItem; highest: BarItem } | undefined {
  if (items.length === 0) return undefined;
  const sorted = [...items].sort((a, b) => a.value - b.value);
  return { lowest: sorted[0]!, highest: sorted.at(-1)! };
}

function RuleChart(props: { ctx: PageContext; snapshot: SnapshotRow }): SafeHtml {
  const { ctx } = props;
  const items: BarItem[] = ruleIds.flatMap((id) => {
    const counts = props.snapshot.rules[id];
    if (!counts || counts[1] === 0) return [];
    const share = counts[0] / counts[1];
    return [{ label: ctx.t(`quality.rule.${id}.title`), value: share, display: `${formatPercent(share, ctx.lang)} (${counts[0]}/${counts[1]})` }];
  });
  const ends = extremes(items);
  const summary = ends ? ctx.t('quality.rules.summary', { lowest: ends.lowest.label, lowestScore: ends.lowest.display }) : '';
  return <BarChart id="rules-chart" max={1} items={items} text={chartText(ctx, ctx.t('quality.rules.title'), summary, ctx.t('quality.column.rule'), ctx.t('quality.column.passing'))} />;
}

function MunicipalityChart(props: { ctx: PageContext; rows: NamedSnapshotRow[] }): SafeHtml {
  const { ctx } = props;
  const items: BarItem[] = props.rows.flatMap((row) => (row.score === null ? [] : [{ label: textOf(row.name, ctx.lang), value: row.score, display: formatPercent(row.score, ctx.lang) }]));
  const ends = extremes(items);
  const summary = ends
    ? ctx.t('quality.municipalities.summary', { lowest: ends.lowest.label, lowestScore: ends.lowest.display, highest: ends.highest.label, highestScore: ends.highest.display })
    : '';
  return <BarChart id="municipalities-chart" max={1} items={items} text={chartText(ctx, ctx.t('quality.municipalities.title'), summary, ctx.t('quality.column.municipality'), ctx.t('quality.column.score'))} />;
}

function Trend(props: { ctx: PageContext; trend: TrendRow[] }): SafeHtml {
  const { ctx, trend } = props;
  const points = trend.map((row) => ({ label: formatDateTime(row.started_at, ctx.lang), value: row.score, display: formatPercent(row.score, ctx.lang) }));
  const summary = ctx.t('quality.trend.summary', { count: points.length, first: points[0]?.display ?? '–', last: points.at(-1)?.display ?? '–' });
  return <TrendLine id="trend-chart" points={points} text={chartText(ctx, ctx.t('quality.trend.title'), summary, ctx.t('quality.column.date'), ctx.t('quality.column.score'))} />;
}

export function OverviewPage(
  props: Frame & { run: RunRow | undefined; snapshot: SnapshotRow | undefined; trend: TrendRow[]; municipalities: NamedSnapshotRow[]; organisations: NamedSnapshotRow[] },
): SafeHtml {
  const { ctx, scope, run, snapshot } = props;
  return (
    <QualityLayout ctx={ctx} title={scopeTitle(ctx, scope)} section="overview" scope={scope} regions={props.regions}>
      <p class="lead">{ctx.t('quality.lead')}</p>
      {!run || !snapshot ? (
        <p class="notice">{ctx.t('quality.noRun')}</p>
      ) : (
        <>
          <p>{ctx.t('quality.run.latest', { date: formatDateTime(run.started_at, ctx.lang), records: snapshot.records, findings: run.findings })}</p>
          <div class="scorecard">
            <div>
              <h2>{ctx.t('quality.score')}</h2>
              <p class="score">{formatPercent(snapshot.score, ctx.lang)}</p>
              <p class="hint">{ctx.t('quality.score.hint')}</p>
            </div>
            <dl class="facts">
              <dt>{ctx.t('quality.records')}</dt>
              <dd>{formatNumber(snapshot.records, ctx.lang)}</dd>
              <dt>{ctx.t('quality.checks')}</dt>
              <dd>{formatNumber(snapshot.checks, ctx.lang)}</dd>
            </dl>
          </div>
          <Trend ctx={ctx} trend={props.trend} />
          <RuleChart ctx={ctx} snapshot={snapshot} />
          {props.municipalities.length > 0 ? <MunicipalityChart ctx={ctx} rows={props.municipalities} /> : null}
          {props.organisations.length > 0 ? (
            <section aria-labelledby="organisations-title">
              <h2 id="organisations-title">{ctx.t('quality.organisations.title')}</h2>
              <table class="data-table">
                <thead>
                  <tr>
                    <th scope="col">{ctx.t('quality.column.organisation')}</th>
                    <th scope="col">{ctx.t('quality.column.score')}</th>
                    <th scope="col">{ctx.t('quality.records')}</th>
                  </tr>
                </thead>
                <tbody>
                  {props.organisations.slice(0, 50).map((row) => (
                    <tr>
                      <th scope="row">
                        <a href={`/${ctx.lang}/quality/worklist?organisation=${row.code}`}>{textOf(row.name, ctx.lang)}</a>
                      </th>
                      <td>{formatPercent(row.score, ctx.lang)}</td>
                      <td>{formatNumber(row.records, ctx.lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ) : null}
        </>
      )}
    </QualityLayout>
  );
}

export function RunsPage(props: Frame & { runs: RunRow[]; canRun: boolean; notice?: string | undefined }): SafeHtml {
  const { ctx, scope } = props;
  const seconds = (ms: number | null) => (ms === null ? '–' : `${formatNumber(ms / 1000, ctx.lang, 1)} s`);
  return (
    <QualityLayout ctx={ctx} title={ctx.t('quality.runs.title')} section="runs" scope={scope} regions={props.regions}>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      {props.canRun && scope.kind === 'region' ? (
        <PostForm ctx={ctx} action={qualityPath(ctx, '/runs', scope)}>
          <input type="hidden" name="region" value={scope.code} />
          <p class="hint" id="run-hint">
            {ctx.t('quality.runs.startHint')}
          </p>
          <button type="submit" class="button button--primary" aria-describedby="run-hint">
            {ctx.t('quality.runs.start')}
          </button>
        </PostForm>
      ) : null}
      {props.runs.length === 0 ? (
        <p>{ctx.t('quality.runs.none')}</p>
      ) : (
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{ctx.t('quality.column.date')}</th>
              <th scope="col">{ctx.t('quality.runs.scope')}</th>
              <th scope="col">{ctx.t('quality.runs.trigger')}</th>
              <th scope="col">{ctx.t('quality.runs.status')}</th>
              <th scope="col">{ctx.t('quality.records')}</th>
              <th scope="col">{ctx.t('quality.runs.findings')}</th>
              <th scope="col">{ctx.t('quality.column.score')}</th>
              <th scope="col">{ctx.t('quality.runs.duration')}</th>
            </tr>
          </thead>
          <tbody>
            {props.runs.map((run) => (
              <tr>
                <td>{formatDateTime(run.started_at, ctx.lang)}</td>
                <td>{run.region_code ? textOf(props.regions.find((r) => r.code === run.region_code)?.name, ctx.lang) || run.region_code : ctx.t('quality.runs.allRegions')}</td>
                <td>{ctx.t(`quality.trigger.${run.trigger}`)}</td>
                <td>{ctx.t(`quality.status.${run.status}`)}</td>
                <td>{formatNumber(run.records_audited, ctx.lang)}</td>
                <td>{formatNumber(run.findings, ctx.lang)}</td>
                <td>{formatPercent(run.score, ctx.lang)}</td>
                <td>{seconds(run.duration_ms)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </QualityLayout>
  );
}
