import { describe, expect, it } from 'vitest';
import { areaCentroid, contains, decodeArcs, poleOfInaccessibility, polygonArea, polygonsOf, type Polygon } from './polygons.ts';

// A 4×4 square with a 2×2 hole in the middle, as a quantized TopoJSON (scale 1, translate 10,60).
const topology = {
  transform: { scale: [1, 1] as [number, number], translate: [10, 60] as [number, number] },
  arcs: [
    [[0, 0], [4, 0], [0, 4], [-4, 0], [0, -4]],
    [[1, 1], [0, 2], [2, 0], [0, -2], [-2, 0]],
  ] as [number, number][][],
};

describe('polygons', () => {
  const arcs = decodeArcs(topology);
  const [square] = polygonsOf(arcs, { type: 'Polygon', arcs: [[0], [1]], properties: {} }) as [Polygon];

  it('decodes delta-encoded arcs into positions and stitches closed rings', () => {
    expect(square[0]).toEqual([[10, 60], [14, 60], [14, 64], [10, 64], [10, 60]]);
    expect(square[1]?.[0]).toEqual([11, 61]);
  });

  it('tells inside from outside and treats holes as outside', () => {
    expect(contains(square, [10.5, 60.5])).toBe(true);
    expect(contains(square, [12, 62])).toBe(false);
    expect(contains(square, [15, 62])).toBe(false);
  });

  it('computes area, centroid and an inside point farthest from the edges', () => {
    expect(polygonArea(square)).toBeCloseTo(12);
    const [x, y] = areaCentroid(square);
    expect(x).toBeCloseTo(12);
    expect(y).toBeCloseTo(62);
    // the centroid lies in the hole; the pole of inaccessibility never does
    expect(contains(square, poleOfInaccessibility(square, 0.01))).toBe(true);
  });
});
