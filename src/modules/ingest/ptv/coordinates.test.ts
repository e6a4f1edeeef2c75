import { describe, expect, it } from 'vitest';
import { toWgs84 } from './coordinates.ts';
import { hasPtvData, loadAll, loadRecord, withPtvData } from './ptv.test-data.ts';

const near = (actual: number, expected: number, tolerance = 0.01) => expect(Math.abs(actual - expected)).toBeLessThan(tolerance);

describe('PTV coordinates (EPSG:3067, latitude = northing) to WGS84', () => {
  it("puts Vaasa's city office (Vaasanpuistikko 10) in central Vaasa", () => {
    const point = toWgs84({ latitude: '7007482.053', longitude: '228184.6', coordinateState: 'Ok' });
    expect(point.status).toBe('ok');
    if (point.status !== 'ok') return;
    near(point.latitude, 63.094);
    near(point.longitude, 21.612);
  });

  it("puts Naantali's town hall (Käsityöläiskatu 2) in central Naantali", () => {
    const point = toWgs84({ latitude: '6713681.46', longitude: '226646.468', coordinateState: 'Ok' });
    expect(point).toMatchObject({ status: 'ok', coordinateState: 'Ok' });
    if (point.status !== 'ok') return;
    near(point.latitude, 60.466);
    near(point.longitude, 22.026);
  });

  it('rejects swapped coordinates, saying they look swapped (read the other way Vaasa is in the Indian Ocean)', () => {
    const point = toWgs84({ latitude: '228184.6', longitude: '7007482.053', coordinateState: 'Ok' });
    expect(point.status).toBe('rejected');
    expect(point.status === 'rejected' && point.reason).toContain('look swapped');
  });

  it('treats "0"/"0", empty and null coordinates as missing, keeping coordinateState', () => {
    expect(toWgs84({ latitude: '0', longitude: '0', coordinateState: 'NotReceived' })).toMatchObject({
      status: 'missing',
      coordinateState: 'NotReceived',
    });
    expect(toWgs84({ latitude: null, longitude: null, coordinateState: null }).status).toBe('missing');
    expect(toWgs84({ latitude: '', longitude: '', coordinateState: 'Failed' }).status).toBe('missing');
  });

  it('rejects values that are not numbers', () => {
    expect(toWgs84({ latitude: '70O7482', longitude: '228184.6', coordinateState: 'Ok' }).status).toBe('rejected');
  });

  it('rejects a TM35FIN point that converts to outside Finland (the Baltic south of Åland)', () => {
    const point = toWgs84({ latitude: '6500100', longitude: '45000', coordinateState: 'EnteredByUser' });
    expect(point).toMatchObject({ status: 'rejected', coordinateState: 'EnteredByUser' });
    expect(point.status === 'rejected' && point.reason).toMatch(/^outside Finland \(58\.\d+ N/);
  });

  it('rejects degrees sent where metres are expected', () => {
    expect(toWgs84({ latitude: '63.09', longitude: '21.61', coordinateState: 'Ok' }).status).toBe('rejected');
  });
});

describe.skipIf(!hasPtvData)(withPtvData('evidence from the recorded v8 channels'), () => {
  it('every latitude is a northing (6.6–7.8 million) and every longitude an easting', () => {
    const points = loadAll('v8', 'servicechannels').flatMap(({ raw }) =>
      ((raw as { addresses?: { streetAddress?: { latitude?: string; longitude?: string } | null }[] }).addresses ?? []).flatMap((address) =>
        address.streetAddress?.latitude && address.streetAddress.latitude !== '0' ? [address.streetAddress] : [],
      ),
    );
    expect(points.length).toBe(370);
    for (const point of points) {
      expect(Number(point.latitude)).toBeGreaterThan(6_600_000);
      expect(Number(point.latitude)).toBeLessThan(7_800_000);
      expect(Number(point.longitude)).toBeGreaterThan(50_000);
      expect(Number(point.longitude)).toBeLessThan(760_000);
    }
  });

  it("the Vaasa main library's point (Kirjastonkatu) lands near 63.10 N 21.62 E", () => {
    const channel = loadRecord('v8', 'servicechannels', '98eb680e') as {
      addresses: { streetAddress: { latitude: string; longitude: string; coordinateState: string } }[];
    };
    const street = channel.addresses[0]!.streetAddress;
    const point = toWgs84(street);
    expect(point.status).toBe('ok');
    if (point.status !== 'ok') return;
    near(point.latitude, 63.1, 0.02);
    near(point.longitude, 21.62, 0.02);
  });
});
