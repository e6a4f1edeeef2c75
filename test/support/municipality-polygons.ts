/**
 * Point-in-municipality tests against the Yle TopoJSON municipality polygons (WGS84) in
 * ../shared/data/municipalities. Test support only: the file is read at run time.
 */
import { contains, decodeArcs, polygonsOf, type Polygon, type TopoGeometry, type Topology } from '../../src/platform/geo/polygons.ts';

type MunicipalityTopology = Topology & { objects: Record<string, { geometries: TopoGeometry<{ id?: string } | undefined>[] }> };

/** Returns a test `(municipalityCode, lon, lat) → inside?` (holes respected). */
export function municipalityContains(topology: MunicipalityTopology): (code: string, lon: number, lat: number) => boolean {
  const arcs = decodeArcs(topology);
  const polygons = new Map<string, Polygon[]>();
  for (const geometry of topology.objects.munis?.geometries ?? []) {
    const code = String(geometry.id ?? geometry.properties?.id).padStart(3, '0');
    polygons.set(code, polygonsOf(arcs, geometry));
  }
  return (code, lon, lat) => (polygons.get(code) ?? []).some((polygon) => contains(polygon, [lon, lat]));
}
