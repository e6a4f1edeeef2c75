/**
 * The process's Finnish analyser, chosen once from SEARCH_ANALYSER (auto | voikko | fallback):
 * the server and the CLI configure it from the validated config at start-up; code that runs
 * without that (tests, scripts) gets the environment's choice.
 */
import { createFinnishAnalyser, type AnalyserChoice, type FinnishAnalyser } from './analysis/finnish.ts';
import { loadVoikko } from './analysis/voikko.ts';

let choice: AnalyserChoice | undefined;
let analyser: FinnishAnalyser | undefined;

export function parseAnalyserChoice(value: string | undefined): AnalyserChoice | undefined {
  return value === 'auto' || value === 'voikko' || value === 'fallback' ? value : undefined;
}

/** Sets the choice (from config); the next `searchAnalyser()` call creates it. */
export function configureSearchAnalyser(next: AnalyserChoice): void {
  if (next !== choice) analyser = undefined;
  choice = next;
}

export function searchAnalyser(): FinnishAnalyser {
  analyser ??= createFinnishAnalyser({
    choice: choice ?? parseAnalyserChoice(process.env.SEARCH_ANALYSER) ?? 'auto',
    loadVoikko: () => loadVoikko({ cacheSize: 50_000 }),
  });
  return analyser;
}
