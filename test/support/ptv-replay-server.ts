/**
 * A local HTTP server replaying the recorded real PTV records of ../shared/data/ptv (v8 set:
 * 446 services, 998 channels, 3 organisations of Vaasa and Naantali; read at run time). The
 * recordings are single records, so the server builds the v11 envelopes around them: GUID pages
 * `{pageNumber, pageSize, pageCount, itemList[{id, name}]}` filtered by `date`/`dateBefore`
 * (on `modified`) and `status`, `list?guids=` (≤ 100), services by municipality. The records
 * themselves stay as recorded. Any other request is answered 404 and listed in
 * `unknownRequests`, which tests assert to be empty.
 *
 * Mutations for incremental tests: `update`, `add`, `remove` (Archived/Withdrawn) set
 * `modified` to now. `failNext` makes the next requests fail (retry tests); `delayMs` slows every
 * response (kill tests).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { readService } from '../../src/modules/ingest/ptv/index.ts';
import { loadAll, loadJson, ptvDataDir } from '../../src/modules/ingest/ptv/ptv.test-data.ts';

export type ReplayEntity = 'Service' | 'ServiceChannel' | 'Organization';
type Status = 'Published' | 'Archived' | 'Withdrawn';
type Raw = Record<string, unknown>;

interface Entry {
  /** a recorded record, or a copy made on request (`multiply`) */
  raw: Raw | (() => Raw);
  name: string | null;
  modified: Date;
  status: Status;
}

const rawOf = (entry: Entry): Raw => (typeof entry.raw === 'function' ? entry.raw() : entry.raw);

/**
 * Copies of the recorded records with new GUIDs, for a national-size benchmark: service copy k
 * links channel copy k mod `channels` and organisation copy k; copies of organisations have no
 * business ID (else they would be merged into one).
 */
export interface Multiply {
  services: number;
  channels: number;
}

const copyGuid = (k: number, guid: string) => (k === 0 ? guid : `${k.toString(16).padStart(8, '0')}${guid.slice(8)}`);

function copier(data: RecordedPtv, multiply: Multiply) {
  const ids = (records: Raw[]) => new Set(records.map((r) => String(r.id).toLowerCase()));
  const services = ids(data.services);
  const channels = ids(data.channels);
  const organisations = ids(data.organisations);
  return (record: Raw, kind: 'service' | 'channel' | 'organisation', k: number): Raw => {
    if (k === 0) return record;
    const text = JSON.stringify(record).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, (guid) => {
      const lower = guid.toLowerCase();
      if (channels.has(lower)) return copyGuid(kind === 'service' ? k % multiply.channels : k, lower);
      if (services.has(lower) || organisations.has(lower)) return copyGuid(k, lower);
      return guid;
    });
    const copy = JSON.parse(text) as Raw;
    if (kind === 'organisation') copy.businessCode = null;
    return copy;
  };
}

export interface RecordedPtv {
  organisations: Raw[];
  channels: Raw[];
  services: Raw[];
}

/** The recorded v8 set (real records, CC BY 4.0 "Suomi.fi-palvelutietovaranto / DVV"). */
export function loadRecordedPtv(): RecordedPtv {
  const all = (folder: 'services' | 'servicechannels' | 'organizations') => loadAll('v8', folder).map((f) => f.raw as Raw);
  return { organisations: all('organizations'), channels: all('servicechannels'), services: all('services') };
}

/** A recorded v9 record (a later real version of some v8 records). */
export function loadRecordedV9(folder: 'services' | 'servicechannels', guid: string): Raw {
  return loadJson(join(ptvDataDir, 'kunta-api-v9-2018-12', folder, `${guid}.json`)) as Raw;
}

/** PTV v11 writes `modified` without a zone (UTC). */
const ptvTimestamp = (date: Date) => date.toISOString().replace('Z', '');
const parseModified = (value: unknown) => new Date(typeof value === 'string' ? (/[zZ]|[+-]\d\d:\d\d$/.test(value) ? value : `${value}Z`) : 0);

function nameOf(raw: Raw): string | null {
  for (const key of ['serviceNames', 'serviceChannelNames', 'organizationNames']) {
    const names = raw[key];
    if (Array.isArray(names) && names[0] && typeof names[0].value === 'string') return names[0].value;
  }
  return null;
}

export interface PtvReplayServer {
  url: string;
  requests: string[];
  unknownRequests: string[];
  delayMs: number;
  update(entity: ReplayEntity, guid: string, mutate: (raw: Raw) => Raw | void): void;
  add(entity: ReplayEntity, raw: Raw): void;
  remove(entity: ReplayEntity, guid: string, status?: 'Archived' | 'Withdrawn'): void;
  /** the next `count` requests answer `status` (then normal service resumes) */
  failNext(count: number, status: number): void;
  close(): Promise<void>;
}

export async function startPtvReplayServer(
  options: { data?: RecordedPtv; pageSize?: number; delayMs?: number; port?: number; multiply?: Multiply } = {},
): Promise<PtvReplayServer> {
  const data = options.data ?? loadRecordedPtv();
  const pageSize = options.pageSize ?? 100;
  const store: Record<ReplayEntity, Map<string, Entry>> = { Service: new Map(), ServiceChannel: new Map(), Organization: new Map() };
  const put = (entity: ReplayEntity, raw: Raw, modified = parseModified(raw.modified)) =>
    store[entity].set(String(raw.id).toLowerCase(), { raw, name: nameOf(raw), modified, status: 'Published' });
  const multiply = options.multiply ?? { services: 1, channels: 1 };
  const copy = copier(data, multiply);
  const putCopies = (entity: ReplayEntity, records: Raw[], kind: 'service' | 'channel' | 'organisation', copies: number) => {
    for (let k = 0; k < copies; k++) {
      for (const raw of records) {
        const id = copyGuid(k, String(raw.id).toLowerCase());
        store[entity].set(id, { raw: k === 0 ? raw : () => copy(raw, kind, k), name: nameOf(raw), modified: parseModified(raw.modified), status: 'Published' });
      }
    }
  };
  putCopies('Service', data.services, 'service', multiply.services);
  putCopies('ServiceChannel', data.channels, 'channel', multiply.channels);
  putCopies('Organization', data.organisations, 'organisation', multiply.services);
  let failures: { count: number; status: number } = { count: 0, status: 500 };

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  };

  const page = (items: unknown[], pageNumber: number) => ({
    pageNumber,
    pageSize,
    pageCount: Math.ceil(items.length / pageSize),
    itemList: items.slice((pageNumber - 1) * pageSize, pageNumber * pageSize),
  });

  function route(url: URL): { status: number; body: unknown } | null {
    const path = url.pathname.replace(/^\/api\/v11\//, '/').replace(/\/$/, '');
    const params = url.searchParams;
    const pageNumber = Number(params.get('page') ?? '1');
    if (!Number.isInteger(pageNumber) || pageNumber < 1) return null;
    const guidPage = /^\/(Service|ServiceChannel|Organization)$/.exec(path);
    if (guidPage) {
      const allowed = new Set(['date', 'dateBefore', 'status', 'page']);
      if ([...params.keys()].some((key) => !allowed.has(key)) || !params.get('dateBefore')) return null;
      const date = params.get('date') ? parseModified(params.get('date')) : null;
      const before = parseModified(params.get('dateBefore'));
      const status = (params.get('status') ?? 'Published') as Status;
      const items = [...store[guidPage[1] as ReplayEntity].entries()]
        .filter(([, e]) => e.status === status && (!date || e.modified >= date) && e.modified < before)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([id, e]) => ({ id, name: e.name }));
      return { status: 200, body: page(items, pageNumber) };
    }
    const list = /^\/(Service|ServiceChannel|Organization)\/list$/.exec(path);
    if (list) {
      const guids = (params.get('guids') ?? '').split(',').filter(Boolean);
      if (guids.length === 0 || guids.length > 100 || [...params.keys()].some((key) => key !== 'guids')) return null;
      const found = guids.flatMap((guid) => {
        const entry = store[list[1] as ReplayEntity].get(guid.toLowerCase());
        return entry && entry.status === 'Published' ? [rawOf(entry)] : [];
      });
      return { status: 200, body: found };
    }
    const area = /^\/Service\/list\/area\/Municipality\/code\/(\d{3})$/.exec(path);
    if (area) {
      const items = [...store.Service.values()]
        .filter((e) => e.status === 'Published')
        .filter((e) => {
          const result = readService(rawOf(e));
          return result.ok && result.value.areas.some((a) => a.municipalityCodes.includes(area[1]!));
        })
        .map(rawOf);
      return { status: 200, body: page(items, pageNumber) };
    }
    return null;
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://replay.local');
    const label = `${req.method} ${url.pathname}${url.search}`;
    replay.requests.push(label);
    const respond = () => {
      if (failures.count > 0) {
        failures.count--;
        return send(res, failures.status, { error: 'injected failure' });
      }
      const result = req.method === 'GET' ? route(url) : null;
      if (!result) {
        replay.unknownRequests.push(label);
        return send(res, 404, { error: `the replay server does not know ${label}` });
      }
      send(res, result.status, result.body);
    };
    if (replay.delayMs > 0) setTimeout(respond, replay.delayMs);
    else respond();
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const replay: PtvReplayServer = {
    url: `http://127.0.0.1:${port}/api/v11/`,
    requests: [],
    unknownRequests: [],
    delayMs: options.delayMs ?? 0,
    update(entity, guid, mutate) {
      const entry = store[entity].get(guid.toLowerCase());
      if (!entry) throw new Error(`replay: no ${entity} ${guid}`);
      const now = new Date();
      const raw = structuredClone(rawOf(entry));
      const next = mutate(raw) ?? raw;
      next.modified = ptvTimestamp(now);
      store[entity].set(guid.toLowerCase(), { raw: next, name: nameOf(next), modified: now, status: 'Published' });
    },
    add(entity, raw) {
      const now = new Date();
      put(entity, { ...raw, modified: ptvTimestamp(now) }, now);
    },
    remove(entity, guid, status = 'Archived') {
      const entry = store[entity].get(guid.toLowerCase());
      if (!entry) throw new Error(`replay: no ${entity} ${guid}`);
      store[entity].set(guid.toLowerCase(), { ...entry, modified: new Date(), status });
    },
    failNext(count, status) {
      failures = { count, status };
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
  return replay;
}
