import { describe, expect, it } from 'vitest';
import { BarChart, TrendLine } from './charts.tsx';

const text = { title: 'Pisteet kunnittain', summary: 'Heikoin Isokyrö 40 %, paras Vaasa 90 %.', tableLabel: 'Näytä taulukkona', columns: ['Kunta', 'Pisteet'] as [string, string] };

describe('charts', () => {
  it('draws one bar per item, names the image by its caption and repeats the figures as a table', () => {
    const html = BarChart({ id: 'c1', text, max: 1, items: [{ label: 'Vaasa', value: 0.9, display: '90 %' }, { label: 'Isokyrö <script>', value: 0.4, display: '40 %' }] }).value;
    expect(html).toContain('role="img" aria-labelledby="c1-title" aria-describedby="c1-summary"');
    expect(html).toContain('<figcaption id="c1-title">Pisteet kunnittain</figcaption>');
    expect(html.match(/class="chart__bar"/g)).toHaveLength(2);
    expect(html).toContain('width="360.0"');
    expect(html).toContain('<th scope="row">Isokyrö &lt;script&gt;</th><td>40 %</td>');
    expect(html).not.toContain('<script>');
  });

  it('draws a trend line through the runs with a figure, first and last date on the axis', () => {
    const html = TrendLine({ id: 't', text, points: [{ label: '1.11.2026', value: 0.5, display: '50 %' }, { label: '8.11.2026', value: null, display: '–' }, { label: '15.11.2026', value: 0.75, display: '75 %' }] }).value;
    expect(html).toContain('<polyline points="44.0,91.0 620.0,50.5"');
    expect(html.match(/<circle/g)).toHaveLength(2);
    expect(html).toContain('>1.11.2026</text>');
    expect(html).toContain('>15.11.2026</text>');
    expect(html).toContain('<td>–</td>');
  });
});
