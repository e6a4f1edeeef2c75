/**
 * Plane geometry over WGS84 polygons: TopoJSON decoding, point in polygon (holes respected),
 * area centroid and the pole of inaccessibility. Used to derive the municipalities' reference
 * points and, in tests, to check that imported points fall inside their municipality.
 */

export type Point = [number, number]; // [longitude, latitude]
export type Ring = Point[]; // closed: the first point repeats at the end
export type Polygon = Ring[]; // exterior ring first, then holes

export type TopoGeometry<P> = { properties: P; id?: string } & ({ type: 'Polygon'; arcs: number[][] } | { type: 'MultiPolygon'; arcs: number[][][] });

export interface Topology {
  arcs: Point[][];
  transform?: { scale: Point; translate: Point };
}

/** Decodes a TopoJSON's quantized, delta-encoded arcs into positions. */
export function decodeArcs(topology: Topology): Point[][] {
  if (!topology.transform) return topology.arcs;
  const [scaleX, scaleY] = topology.transform.scale;
  const [translateX, translateY] = topology.transform.translate;
  return topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]): Point => {
      x += dx; // quantized positions are delta-encoded along each arc
      y += dy;
      return [x * scaleX + translateX, y * scaleY + translateY];
    });
  });
}

/** Joins arcs into a closed ring (a negative index ~i means arc i reversed). */
export function stitchRing(arcs: readonly Point[][], arcIndexes: number[]): Ring {
  const ring: Ring = [];
  for (const index of arcIndexes) {
    // A negative index ~i means arc i reversed; consecutive arcs share their end point.
    const arc = index >= 0 ? arcs[index] : arcs[~index]?.slice().reverse();
    if (!arc) throw new Error(`TopoJSON refers to a missing arc ${index}`);
    ring.push(...(ring.length === 0 ? arc : arc.slice(1)));
  }
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) ring.push(first);
  return ring;
}

/** The polygons of a Polygon or MultiPolygon geometry. */
export function polygonsOf(arcs: readonly Point[][], geometry: TopoGeometry<unknown>): Polygon[] {
  const polygons = geometry.type === 'Polygon' ? [geometry.arcs] : geometry.arcs;
  return polygons.map((rings) => rings.map((ring) => stitchRing(arcs, ring)));
}

/** Consecutive point pairs of every ring: the polygon's edges. */
export function* edges(polygon: Polygon): Generator<[Point, Point]> {
  for (const ring of polygon) {
    for (let i = 1; i < ring.length; i++) yield [ring[i - 1] as Point, ring[i] as Point];
  }
}

/** Degrees of longitude shrink with latitude: a local frame where both axes have equal length. */
export function toLocalFrame(polygon: Polygon, origin: Point): Polygon {
  const k = Math.cos((origin[1] * Math.PI) / 180);
  return polygon.map((ring) => ring.map(([lon, lat]): Point => [(lon - origin[0]) * k, lat - origin[1]]));
}

export function fromLocalFrame([x, y]: Point, origin: Point): Point {
  return [x / Math.cos((origin[1] * Math.PI) / 180) + origin[0], y + origin[1]];
}

export function signedArea(ring: Ring): number {
  let twiceArea = 0;
  for (let i = 1; i < ring.length; i++) {
    const [x0, y0] = ring[i - 1] as Point;
    const [x1, y1] = ring[i] as Point;
    twiceArea += x0 * y1 - x1 * y0;
  }
  return twiceArea / 2;
}

export function polygonArea(polygon: Polygon): number {
  const [exterior, ...holes] = polygon.map((ring) => Math.abs(signedArea(ring)));
  return (exterior ?? 0) - holes.reduce((sum, area) => sum + area, 0);
}

/** Area-weighted centroid; holes count with negative weight. */
export function areaCentroid(polygon: Polygon): Point {
  let weight = 0;
  let sumX = 0;
  let sumY = 0;
  polygon.forEach((ring, ringIndex) => {
    let twiceArea = 0;
    let cx = 0;
    let cy = 0;
    for (let i = 1; i < ring.length; i++) {
      const [x0, y0] = ring[i - 1] as Point;
      const [x1, y1] = ring[i] as Point;
      const cross = x0 * y1 - x1 * y0;
      twiceArea += cross;
      cx += (x0 + x1) * cross;
      cy += (y0 + y1) * cross;
    }
    if (twiceArea === 0) return;
    const ringWeight = (ringIndex === 0 ? 1 : -1) * Math.abs(twiceArea / 2);
    sumX += (cx / (3 * twiceArea)) * ringWeight;
    sumY += (cy / (3 * twiceArea)) * ringWeight;
    weight += ringWeight;
  });
  return [sumX / weight, sumY / weight];
}

export function contains(polygon: Polygon, [x, y]: Point): boolean {
  let inside = false; // even–odd rule over all rings, so holes are outside
  for (const [[x0, y0], [x1, y1]] of edges(polygon)) {
    if (y0 > y !== y1 > y && x < ((x1 - x0) * (y - y0)) / (y1 - y0) + x0) inside = !inside;
  }
  return inside;
}

/** Distance to the nearest edge, negative outside the polygon. */
export function signedDistance(polygon: Polygon, point: Point): number {
  let nearest = Infinity;
  for (const [[x0, y0], [x1, y1]] of edges(polygon)) {
    const dx = x1 - x0;
    const dy = y1 - y0;
    const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, ((point[0] - x0) * dx + (point[1] - y0) * dy) / (dx * dx + dy * dy)));
    nearest = Math.min(nearest, Math.hypot(point[0] - (x0 + t * dx), point[1] - (y0 + t * dy)));
  }
  return contains(polygon, point) ? nearest : -nearest;
}

/** Pole of inaccessibility (the polylabel algorithm): the inside point farthest from any edge. */
export function poleOfInaccessibility(polygon: Polygon, precision: number): Point {
  const exterior = polygon[0] ?? [];
  const xs = exterior.map(([x]) => x);
  const ys = exterior.map(([, y]) => y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const cellSize = Math.min(maxX - minX, maxY - minY);
  interface Cell { point: Point; half: number; distance: number; potential: number }
  const cell = (point: Point, half: number): Cell => {
    const distance = signedDistance(polygon, point);
    return { point, half, distance, potential: distance + half * Math.SQRT2 };
  };
  const queue: Cell[] = [];
  for (let x = minX; x < maxX; x += cellSize) {
    for (let y = minY; y < maxY; y += cellSize) queue.push(cell([x + cellSize / 2, y + cellSize / 2], cellSize / 2));
  }
  let best = cell(areaCentroid(polygon), 0);
  while (queue.length > 0) {
    queue.sort((a, b) => a.potential - b.potential);
    const current = queue.pop() as Cell;
    if (current.distance > best.distance) best = current;
    if (current.potential - best.distance <= precision) continue;
    const half = current.half / 2;
    for (const [sx, sy] of [[-1, -1], [1, -1], [-1, 1], [1, 1]] as const) {
      queue.push(cell([current.point[0] + sx * half, current.point[1] + sy * half], half));
    }
  }
  return best.point;
}
