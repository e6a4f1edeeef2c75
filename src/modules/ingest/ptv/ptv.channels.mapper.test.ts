import { describe, expect, it } from 'vitest';
import { payloadHash, stableId } from '../../../platform/ids.ts';
import { locationIdFor, mapContactChannel, mapServiceLocationChannel, organisationIdFor, phoneNumber } from './ptv.channels.mapper.ts';
import { readServiceChannel, type PtvServiceChannel, type PtvServiceLocationChannel } from './ptv.records.ts';
import { copy, hasPtvData, loadPtv, loadRecord, withPtvData } from './ptv.test-data.ts';

function channelOf(raw: unknown): PtvServiceChannel {
  const result = readServiceChannel(raw);
  if (!result.ok) throw new Error(`rejected: ${result.reasons.join('; ')}`);
  return result.value;
}

function locationChannel(raw: unknown): PtvServiceLocationChannel {
  const channel = channelOf(raw);
  if (channel.type !== 'ServiceLocation') throw new Error(`not a ServiceLocation: ${channel.type}`);
  return channel;
}

function contactChannel(raw: unknown) {
  const channel = channelOf(raw);
  if (channel.type === 'ServiceLocation') throw new Error('a ServiceLocation');
  return channel;
}

describe('phone numbers', () => {
  const phone = { kind: 'Phone', chargeType: null, chargeDescription: null, additionalInformation: null, language: 'fi' } as const;
  it('joins the country prefix and the national number', () => {
    expect(phoneNumber({ ...phone, number: '63251111', prefixNumber: '+358', isFinnishServiceNumber: false })).toBe('+35863251111');
    expect(phoneNumber({ ...phone, number: '063251111', prefixNumber: '358', isFinnishServiceNumber: false })).toBe('+35863251111');
  });
  it('keeps Finnish service numbers and numbers without a prefix as written', () => {
    expect(phoneNumber({ ...phone, number: '0295535001', prefixNumber: null, isFinnishServiceNumber: true })).toBe('0295535001');
    expect(phoneNumber({ ...phone, number: '116117', prefixNumber: '+358', isFinnishServiceNumber: true })).toBe('116117');
  });
});

describe.skipIf(!hasPtvData)(withPtvData('ServiceLocation channels to locations'), () => {
  it('gives each visiting address of a channel its own stable source id (unique per source)', () => {
    const raw = loadRecord('v8', 'servicechannels', '5c8de887');
    const mapping = mapServiceLocationChannel(locationChannel(raw), raw);
    const guid = '5c8de887-82f4-4900-910d-6496b113fec1';
    expect(mapping.locations.map((location) => location.provenance.sourceId)).toEqual([guid, `${guid}#2`, `${guid}#3`]);
    expect(mapping.locations.map((location) => location.id)).toEqual([0, 1, 2].map((index) => locationIdFor(guid, index)));
    expect(mapping.locations[2]!.id).toBe(stableId('ptv:location', `${guid}#3`));
    const again = mapServiceLocationChannel(locationChannel(raw), raw);
    expect(again.locations.map((location) => location.provenance.sourceId)).toEqual(mapping.locations.map((l) => l.provenance.sourceId));
  });

  it('maps a Naantali location with its address, WGS84 point, hours and contacts', () => {
    const raw = loadRecord('v8', 'servicechannels', '08446245');
    const mapping = mapServiceLocationChannel(locationChannel(raw), raw);
    expect(mapping.warnings).toEqual([]);
    expect(mapping.rejectedCoordinates).toEqual([]);
    const [location] = mapping.locations;
    expect(location).toMatchObject({
      id: stableId('ptv:location', '08446245-d828-4563-8c96-63d02554dc66'),
      organisationId: organisationIdFor('3d1759a2-e47a-4947-9a31-cab1c1e2512b'),
      streetAddress: { fi: 'Käsityöläiskatu 2' },
      postalCode: '21100',
      municipalityCode: '529',
      coordinateState: 'Ok',
      status: 'active',
      provenance: { source: 'ptv', sourceId: '08446245-d828-4563-8c96-63d02554dc66', payloadHash: payloadHash(raw) },
    });
    expect(Math.abs(location!.latitude! - 60.47)).toBeLessThan(0.02);
    expect(Math.abs(location!.longitude! - 22.02)).toBeLessThan(0.02);
    expect(mapping.scheduleDrafts).toMatchObject([{ kind: 'weekly', weekdays: [1, 2, 3, 4, 5], opens: '09:00', closes: '15:00', locationId: location!.id }]);
    expect(mapping.channels.map(({ kind, value }) => ({ kind, value }))).toEqual([
      { kind: 'phone', value: { fi: '+35824345236' } },
      { kind: 'email', value: { fi: 'sosiaalikeskus@naantali.fi' } },
      { kind: 'web', value: { fi: 'http://www.naantali.fi/perhe_ja_sosiaali/' } },
      { kind: 'web', value: { fi: 'http://www.naantali.fi/terveys/' } },
    ]);
    expect(mapping.channels[0]).toMatchObject({ name: { fi: 'Sosiaalipalvelujen neuvonta' }, details: { role: 'location', phoneType: 'voice' } });
  });

  it('maps the Vaasa main library near 63.10 N 21.62 E with one trilingual phone, e-mail and a web page per language', () => {
    const raw = loadRecord('v8', 'servicechannels', '98eb680e');
    const mapping = mapServiceLocationChannel(locationChannel(raw), raw);
    const [location] = mapping.locations;
    expect(Math.abs(location!.latitude! - 63.1)).toBeLessThan(0.02);
    expect(Math.abs(location!.longitude! - 21.62)).toBeLessThan(0.02);
    expect(location!.streetAddress).toMatchObject({ fi: expect.stringMatching(/^Kirjastonkatu/), sv: expect.stringMatching(/^Biblioteksgatan/) });
    const phones = mapping.channels.filter((channel) => channel.kind === 'phone');
    expect(phones.length).toBe(1);
    expect(Object.keys(phones[0]!.value).sort()).toEqual(['en', 'fi', 'sv']);
    expect(mapping.channels.filter((channel) => channel.kind === 'email').length).toBe(1);
    const web = mapping.channels.filter((channel) => channel.kind === 'web');
    expect(web.length).toBe(1);
    expect(web[0]!.value).toEqual({
      fi: 'https://kirjasto.vaasa.fi/etusivu?culture=fi',
      sv: 'https://kirjasto.vaasa.fi/hemsida?culture=sv',
      en: 'https://kirjasto.vaasa.fi/startpage?culture=en',
    });
  });

  it('maps the v11 channel with its accessibility sentences and the features they state', () => {
    const raw = loadPtv('auroraai-core-components-v11/otava_service_channel.json');
    const mapping = mapServiceLocationChannel(locationChannel(raw), raw);
    const [location] = mapping.locations;
    expect(Math.abs(location!.latitude! - 61.645)).toBeLessThan(0.01);
    expect(Math.abs(location!.longitude! - 27.073)).toBeLessThan(0.01);
    expect(location!.coordinateState).toBe('EnteredByUser');
    expect(location!.accessibility.length).toBe(10);
    expect(location!.accessibility[0]).toEqual({
      group: { sv: 'Rutten till huvudingången', en: 'The route to the main entrance', fi: 'Reitti pääsisäänkäynnille' },
      sentence: expect.objectContaining({ fi: expect.stringMatching(/^Liikkumisesteisten 1 autopaikka/) }),
    });
    expect(location!.accessibilityFeatures).toEqual(['accessible_toilet', 'accessible_parking']);
    expect(mapping.channels.filter((channel) => channel.kind === 'email').length).toBe(7);
  });

  it('makes one location per visiting address, the first keeping the channel id', () => {
    const raw = loadRecord('v8', 'servicechannels', '14cbacf5');
    const channel = locationChannel(raw);
    const mapping = mapServiceLocationChannel(channel, raw);
    expect(mapping.locations.map((location) => location.id)).toEqual([locationIdFor(channel.id), locationIdFor(channel.id, 1)]);
    expect(mapping.locations.map((location) => location.streetAddress.fi)).toEqual(['Ravikatu 9', 'Kauppapuistikko 22']);
  });

  it('stores no point for "0"/"0" NotReceived and reports nothing as rejected', () => {
    const raw = loadRecord('v8', 'servicechannels', '0ee843de');
    const mapping = mapServiceLocationChannel(locationChannel(raw), raw);
    expect(mapping.locations[0]).toMatchObject({ latitude: null, longitude: null, coordinateState: 'NotReceived' });
    expect(mapping.rejectedCoordinates).toEqual([]);
  });

  it('rejects a point outside Finland with a reason, keeping the address and coordinateState', () => {
    const raw = copy(loadRecord('v8', 'servicechannels', '08446245')) as Record<string, any>;
    raw.addresses[0].streetAddress.latitude = '6400000';
    const mapping = mapServiceLocationChannel(locationChannel(raw), raw);
    expect(mapping.locations[0]).toMatchObject({ latitude: null, longitude: null, coordinateState: 'Ok', streetAddress: { fi: 'Käsityöläiskatu 2' } });
    expect(mapping.rejectedCoordinates).toEqual([expect.stringMatching(/^addresses\[0\]: outside Finland in EPSG:3067/)]);
  });

  it('skips fax numbers with a warning', () => {
    const raw = copy(loadRecord('v8', 'servicechannels', '08446245')) as Record<string, any>;
    raw.phoneNumbers.push({ ...raw.phoneNumbers[0], type: 'Fax', number: '24345299' });
    const mapping = mapServiceLocationChannel(locationChannel(raw), raw);
    expect(mapping.channels.filter((channel) => channel.kind === 'phone').length).toBe(1);
    expect(mapping.warnings).toEqual(['fax number +35824345299 skipped: not a resident contact channel']);
  });
});

describe.skipIf(!hasPtvData)(withPtvData('Phone, WebPage, EChannel and PrintableForm channels to contact channels'), () => {
  it('maps a Phone channel to one phone record per number, localised, with its hours in details', () => {
    const raw = loadRecord('v8', 'servicechannels', '005bf017');
    const mapping = mapContactChannel(contactChannel(raw), raw);
    const phones = mapping.channels.filter((channel) => channel.kind === 'phone');
    expect(phones.length).toBe(1);
    expect(phones[0]).toMatchObject({
      id: stableId('ptv:contact', '005bf017-7733-444c-9f94-6b16857aafbb|phone|Phone|+35863252347'),
      value: { fi: '+35863252347', sv: '+35863252347' },
      name: { fi: 'Sosiaalipäivystys', sv: 'Socialjour' },
      description: { fi: 'Pohjanmaan sosiaalipäivystys antaa kiireellistä sosiaalipalvelua vuorokauden ympäri.' },
      details: { phoneType: 'voice', chargeType: 'Chargeable', serviceHours: [expect.objectContaining({ kind: 'always_open' })] },
      provenance: { sourceId: '005bf017-7733-444c-9f94-6b16857aafbb' },
    });
    expect(mapping.channels.find((channel) => channel.kind === 'web')).toMatchObject({ details: { role: 'related' } });
    expect(mapping.serviceIds).toContain('0aa3d969-e80b-4e20-89b2-9681eb0fd02a');
  });

  it('maps a WebPage channel to one web record with the fi and sv addresses', () => {
    const raw = loadRecord('v8', 'servicechannels', '015612f6');
    const mapping = mapContactChannel(contactChannel(raw), raw);
    expect(mapping.channels).toMatchObject([
      {
        kind: 'web',
        value: { fi: 'https://www.vaasa.fi/node/18611', sv: 'https://www.vaasa.fi/sv/node/18611' },
        name: { fi: 'Liikuntaharrastukset Vaasassa', sv: 'Idrottsaktiviteter i Vasa' },
        organisationId: organisationIdFor('7fdd7f84-e52a-4c17-a59a-d7c2a3095ed5'),
      },
    ]);
  });

  it('maps an EChannel to an e-service record that says it needs strong authentication', () => {
    const raw = loadRecord('v8', 'servicechannels', '05edf711');
    expect(mapContactChannel(contactChannel(raw), raw).channels).toMatchObject([
      { kind: 'eservice', value: { fi: 'https://sote.easiointi.fi/fi/web/naantali-vaka' }, details: { requiresAuthentication: true, requiresSignature: false } },
    ]);
  });

  it('maps a PrintableForm to a form record with its file type', () => {
    const raw = loadRecord('v8', 'servicechannels', '0100928c');
    expect(mapContactChannel(contactChannel(raw), raw).channels).toMatchObject([
      { kind: 'printable_form', value: { fi: expect.stringMatching(/\.pdf$/) }, details: { fileTypes: ['PDF'] } },
    ]);
  });
});
