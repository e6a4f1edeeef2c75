import { describe, expect, it } from 'vitest';
import { buildCoverage } from './coverage.ts';

describe('coverage per 10,000 residents', () => {
  const municipalities = [
    { code: '905', name: { fi: 'Vaasa' }, population: 67_000 },
    { code: '499', name: { fi: 'Mustasaari' }, population: 19_000 },
    { code: '152', name: { fi: 'Isokyrö' }, population: 4_600 },
  ];
  const counts = [
    { municipality_code: '905', theme: 'exercise', count: 20 },
    { municipality_code: '499', theme: 'exercise', count: 2 },
    { municipality_code: '152', theme: 'exercise', count: 3 },
    { municipality_code: '905', theme: 'culture', count: 5 },
  ];
  const coverage = buildCoverage(municipalities, counts, ['exercise', 'culture', 'peer_support']);

  it('counts activities per 10,000 residents and compares with the regional median', () => {
    const vaasa = coverage.rows.find((r) => r.code === '905')!;
    expect(vaasa.cells.exercise!.per10k).toBeCloseTo(2.985, 3);
    expect(coverage.median.exercise).toBeCloseTo(2.985, 3);
    expect(coverage.rows.find((r) => r.code === '499')!.cells.exercise).toMatchObject({ count: 2, belowMedian: true });
    expect(coverage.rows.find((r) => r.code === '152')!.cells.exercise!.belowMedian).toBe(false);
  });

  it('lists the themes missing entirely in a municipality', () => {
    expect(coverage.rows.map((r) => [r.code, r.missing])).toEqual([
      ['905', ['peer_support']],
      ['499', ['culture', 'peer_support']],
      ['152', ['culture', 'peer_support']],
    ]);
    expect(coverage.median.peer_support).toBe(0);
  });
});
