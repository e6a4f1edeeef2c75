/**
 * PTV coordinates → WGS84.
 *
 * PTV's `latitude`/`longitude` are ETRS-TM35FIN (EPSG:3067) metres, and `latitude` holds the
 * NORTHING. Evidence from the recorded records in data/ptv:
 * - in all 370 v8 street addresses with coordinates, `latitude` is 6,703,433–7,085,666 and
 *   `longitude` 206,872–309,921: the TM35FIN northing and easting ranges of western Finland
 *   (Finland spans N 6.6–7.8 million, E 50,000–760,000); no value is a degree;
 * - read that way, Vaasa's city office (Vaasanpuistikko 10; "7007482.053"/"228184.6") lands at
 *   63.094 N 21.612 E in central Vaasa, Naantali's town hall (Käsityöläiskatu 2;
 *   "6713681.46"/"226646.468") at 60.466 N 22.026 E in central Naantali, and the v11 Otava
 *   campus (Otavantie 2 B, Mikkeli; "6834688"/"503879") at 61.645 N 27.073 E; swapped, Vaasa
 *   would land at 1.3 N 77.3 E in the Indian Ocean (coordinates.test.ts).
 * Helsinki's smbackend and LIPAS read PTV coordinates the same way.
 */
import proj4 from 'proj4';

/** EPSG:3067 ETRS89 / TM35FIN(E,N): UTM zone 35 on GRS80, ETRS89 ≈ WGS84 at this precision. */
export const epsg3067 = '+proj=utm +zone=35 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs';
const toWgs84Converter = proj4(epsg3067, 'EPSG:4326');

/** TM35FIN's projected bounds for Finland (EPSG:3067 area of use), with a margin. */
const tm35Bounds = { minEasting: 40_000, maxEasting: 770_000, minNorthing: 6_500_000, maxNorthing: 7_800_000 };
/**
 * A generous WGS84 box around Finland incl. Åland and the sea areas (59.45–70.10 N,
 * 19.08–31.59 E for the land border). Points in the box can still be in Sweden, Norway,
 * Russia or Estonia: the exact polygon test belongs to the catalogue.
 */
export const finlandBoundingBox = { minLatitude: 59.3, maxLatitude: 70.2, minLongitude: 19.0, maxLongitude: 31.7 };

export interface PtvPoint {
  latitude: string | number | null;
  longitude: string | number | null;
  coordinateState: string | null;
}

export type CoordinateResult =
  /** a usable WGS84 point */
  | { status: 'ok'; latitude: number; longitude: number; coordinateState: string | null }
  /** PTV has no point ("0", empty, NotReceived, Failed): nothing to store, nothing wrong */
  | { status: 'missing'; coordinateState: string | null; reason: string }
  /** an impossible point: not stored, the reason goes to the run record */
  | { status: 'rejected'; coordinateState: string | null; reason: string };

/** null for missing (null, ""), NaN for garbage, else metres. */
function parseMetres(value: string | number | null): number | null {
  if (value === null) return null;
  const text = typeof value === 'number' ? String(value) : value.trim().replace(',', '.');
  if (text === '') return null;
  if (!/^-?[0-9]+(?:\.[0-9]+)?$/.test(text)) return Number.NaN;
  return Number(text);
}

const round = (value: number) => Math.round(value * 1e7) / 1e7;

/** Converts a PTV EPSG:3067 point (latitude = northing) to WGS84, or says why it cannot. */
export function toWgs84(point: PtvPoint): CoordinateResult {
  const coordinateState = point.coordinateState;
  const northing = parseMetres(point.latitude);
  const easting = parseMetres(point.longitude);
  const raw = `latitude ${JSON.stringify(point.latitude)}, longitude ${JSON.stringify(point.longitude)}`;
  if (northing === null || easting === null || (northing === 0 && easting === 0)) {
    return { status: 'missing', coordinateState, reason: `no coordinates (${raw}, coordinateState ${coordinateState ?? 'null'})` };
  }
  if (Number.isNaN(northing) || Number.isNaN(easting)) {
    return { status: 'rejected', coordinateState, reason: `coordinates are not numbers (${raw})` };
  }
  const inTm35 = (east: number, north: number) =>
    east >= tm35Bounds.minEasting && east <= tm35Bounds.maxEasting && north >= tm35Bounds.minNorthing && north <= tm35Bounds.maxNorthing;
  if (!inTm35(easting, northing)) {
    const hint = inTm35(northing, easting) ? '; latitude and longitude look swapped' : '';
    return { status: 'rejected', coordinateState, reason: `outside Finland in EPSG:3067 (${raw})${hint}` };
  }
  const [longitude, latitude] = toWgs84Converter.forward([easting, northing]) as [number, number];
  const box = finlandBoundingBox;
  if (latitude < box.minLatitude || latitude > box.maxLatitude || longitude < box.minLongitude || longitude > box.maxLongitude) {
    return {
      status: 'rejected',
      coordinateState,
      reason: `outside Finland (${latitude.toFixed(4)} N, ${longitude.toFixed(4)} E from ${raw})`,
    };
  }
  return { status: 'ok', latitude: round(latitude), longitude: round(longitude), coordinateState };
}
