/**
 * Server-rendered SVG charts with text alternatives: the SVG is one image (role="img") named
 * by its caption and described by a summary, and the same figures follow as a data table
 * (in a <details>, so that it works without JavaScript and for screen readers).
 */
import type { SafeHtml } from '#jsx/jsx-runtime';

export interface BarItem {
  label: string;
  /** 0..max */
  value: number;
  /** the value as shown (e.g. "82 %") */
  display: string;
}

export interface ChartText {
  /** the caption, also the SVG's accessible name */
  title: string;
  /** a one-sentence summary of what the chart shows (the SVG's description) */
  summary: string;
  /** label of the disclosure that shows the data table */
  tableLabel: string;
  /** column headings of the data table */
  columns: [string, string];
}

const barHeight = 22;
const gap = 8;
const labelWidth = 300;
const valueWidth = 150;
const plotWidth = 400;

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function DataTable(props: { text: ChartText; rows: [string, string][] }): SafeHtml {
  return (
    <details class="chart__data">
      <summary>{props.text.tableLabel}</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">{props.text.columns[0]}</th>
            <th scope="col">{props.text.columns[1]}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map(([label, value]) => (
            <tr>
              <th scope="row">{label}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** Horizontal bars, one per item, with the value written after each bar. */
export function BarChart(props: { id: string; text: ChartText; items: readonly BarItem[]; max: number }): SafeHtml {
  const { id, text, items } = props;
  const height = Math.max(1, items.length) * (barHeight + gap);
  const width = labelWidth + plotWidth + valueWidth;
  return (
    <figure class="chart" id={id}>
      <figcaption id={`${id}-title`}>{text.title}</figcaption>
      <svg role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-summary`} viewBox={`0 0 ${width} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet" class="chart__svg">
        <desc id={`${id}-summary`}>{text.summary}</desc>
        {items.map((item, index) => {
          const y = index * (barHeight + gap);
          const barWidth = props.max > 0 ? Math.max(0, Math.min(1, item.value / props.max)) * plotWidth : 0;
          return (
            <g>
              <text x={labelWidth - 8} y={y + barHeight * 0.72} text-anchor="end" class="chart__label">
                {shorten(item.label, 44)}
              </text>
              <rect x={labelWidth} y={y} width={plotWidth} height={barHeight} class="chart__track" />
              <rect x={labelWidth} y={y} width={barWidth.toFixed(1)} height={barHeight} class="chart__bar" />
              <text x={labelWidth + plotWidth + 8} y={y + barHeight * 0.72} class="chart__value">
                {item.display}
              </text>
            </g>
          );
        })}
      </svg>
      <p class="chart__summary">{text.summary}</p>
      <DataTable text={text} rows={items.map((item) => [item.label, item.display])} />
    </figure>
  );
}

export interface TrendPoint {
  label: string;
  /** 0..1; null for a run without a figure */
  value: number | null;
  display: string;
}

/** A line over time (values 0..1, drawn 0–100 %), with the first and last dates on the axis. */
export function TrendLine(props: { id: string; text: ChartText; points: readonly TrendPoint[] }): SafeHtml {
  const { id, text, points } = props;
  const width = 640;
  const height = 200;
  const left = 44;
  const bottom = 28;
  const plotHeight = height - bottom - 10;
  const stepX = points.length > 1 ? (width - left - 20) / (points.length - 1) : 0;
  const x = (index: number) => left + (points.length > 1 ? index * stepX : (width - left) / 2);
  const y = (value: number) => 10 + (1 - value) * plotHeight;
  const drawn = points.flatMap((point, index) => (point.value === null ? [] : [{ x: x(index), y: y(point.value), point }]));
  return (
    <figure class="chart" id={id}>
      <figcaption id={`${id}-title`}>{text.title}</figcaption>
      <svg role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-summary`} viewBox={`0 0 ${width} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet" class="chart__svg">
        <desc id={`${id}-summary`}>{text.summary}</desc>
        {[0, 0.5, 1].map((tick) => (
          <g>
            <line x1={left} x2={width - 10} y1={y(tick)} y2={y(tick)} class="chart__grid" />
            <text x={left - 6} y={y(tick) + 4} text-anchor="end" class="chart__label">{`${tick * 100} %`}</text>
          </g>
        ))}
        {drawn.length > 1 ? <polyline points={drawn.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ')} class="chart__line" /> : null}
        {drawn.map((p) => (
          <circle cx={p.x.toFixed(1)} cy={p.y.toFixed(1)} r="4" class="chart__point" />
        ))}
        {points.length > 0 ? (
          <text x={x(0)} y={height - 8} class="chart__label">
            {points[0]!.label}
          </text>
        ) : null}
        {points.length > 1 ? (
          <text x={x(points.length - 1)} y={height - 8} text-anchor="end" class="chart__label">
            {points.at(-1)!.label}
          </text>
        ) : null}
      </svg>
      <p class="chart__summary">{text.summary}</p>
      <DataTable text={text} rows={points.map((point) => [point.label, point.display])} />
    </figure>
  );
}
