/**
 * The PTV bench's replay server in a worker thread: serving (and copying) 100,000 records costs
 * CPU that would otherwise compete with the importer for the bench process's event loop. The
 * benchmark measures the importer.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { startPtvReplayServer } from '../test/support/ptv-replay-server.ts';

export type ReplayWorkerRequest = { kind: 'rename'; guids: string[]; suffix: string } | { kind: 'unknown' } | { kind: 'close' };

const server = await startPtvReplayServer(workerData as Parameters<typeof startPtvReplayServer>[0]);
parentPort!.on('message', async (message: ReplayWorkerRequest) => {
  if (message.kind === 'rename') {
    for (const guid of message.guids) {
      server.update('Service', guid, (raw) => {
        const names = raw.serviceNames as { value: string }[];
        names[0]!.value += message.suffix;
      });
    }
    parentPort!.postMessage({ kind: 'renamed' });
  } else if (message.kind === 'unknown') parentPort!.postMessage({ kind: 'unknown', requests: server.unknownRequests });
  else {
    await server.close();
    parentPort!.postMessage({ kind: 'closed' });
  }
});
parentPort!.postMessage({ kind: 'ready', url: server.url });
