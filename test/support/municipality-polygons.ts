/**
 * Point-in-municipality tests against the Yle TopoJSON municipality polygons (WGS84) in
 * ../shared/data/municipalities. Test support only: the file is read at run time.
 */
interface Topology {
  transform?: { scale: [number, number]; translate: [number, number] };
  arcs: [number, number][][];
  objects: Record<string, { geometries: { type: string; id?: string; properties?: Record<string, unknown>; arcs: unknown }[] }>;
}

type Ring = [number, number][];

function decodeArcs(topology: Topology): Ring[] {
  const { transform } = topology;
  return topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      if (!transform) return [dx, dy] as [number, number];
      x += dx;
      y += dy;
      return [x * transform.scale[0] + transform.translate[0], y * transform.scale[1] + transform.translate[1]] as [number, number];
    });
  });
}

function ring(arcs: Ring[], indexes: number[]): Ring {
  const points: Ring = [];
  for (const index of indexes) {
    const arc = index >= 0 ? arcs[index]! : [...arcs[~index]!].reverse();
    points.push(...(points.length ? arc.slice(1) : arc));
  }
  return points;
}

function inRing(points: Ring, x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i]!;
    const [xj, yj] = points[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Returns a test `(municipalityCode, lon, lat) → inside?` (holes respected). */
export function municipalityContains(topology: Topology): (code: string, lon: number, lat: number) => boolean {
  const arcs = decodeArcs(topology);
  const polygons = new Map<string, Ring[][]>();
  for (const geometry of topology.objects.munis?.geometries ?? []) {
    const code = String(geometry.id ?? geometry.properties?.id).padStart(3, '0');
    const parts = geometry.type === 'Polygon' ? [geometry.arcs as number[][]] : (geometry.arcs as number[][][]);
    polygons.set(code, parts.map((rings) => rings.map((r) => ring(arcs, r))));
  }
  return (code, lon, lat) =>
    (polygons.get(code) ?? []).some(
      ([outer, ...holes]) => outer !== undefined && inRing(outer, lon, lat) && !holes.some((h) => inRing(h, lon, lat)),
    );
}
