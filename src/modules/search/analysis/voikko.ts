/**
 * libvoikko (Finnish morphology) through the koffi FFI package. The library and the voikko-fi
 * dictionary are GPL-2+ system packages (Debian `libvoikko1` + `voikko-fi`): they are loaded from
 * the system at run time and never bundled. Everything is lazy: nothing is loaded until
 * `loadVoikko()` is called, and a missing library or dictionary yields `null`, not an error.
 *
 * Calls are synchronous (~15–35 µs per word); results are cached per word in a bounded LRU.
 * libvoikko is not thread-safe: use one handle per thread (a reindexing worker loads its own).
 */
import { createRequire } from 'node:module';
import { LruCache } from './lru.ts';

/** One reading of a word, with the keys libvoikko reports (BASEFORM, CLASS, STRUCTURE, …). */
export interface VoikkoAnalysis {
  baseform: string;
  /** nimisana, laatusana, teonsana, paikannimi, etunimi, sukunimi, nimi, … */
  wordClass: string;
  /** '=' starts each compound part; 'p'/'q' lower-case letters, 'i'/'j' upper-case, '-' hyphen. */
  structure: string;
  /** Lexicon output: parts separated by [Bc], [Xp]lemma[X] per part. */
  fstOutput: string;
  wordBases: string;
}

export interface Voikko {
  /** All readings of one word; empty when Voikko does not know the word. */
  analyse(word: string): readonly VoikkoAnalysis[];
  /** Releases the native handle; later calls throw. */
  terminate(): void;
}

export interface LoadVoikkoOptions {
  /** Library file names or paths to try, in order. */
  libraryPaths?: readonly string[];
  /** Extra dictionary directory searched before the system ones (/usr/lib/voikko, …). */
  dictionaryPath?: string | null;
  cacheSize?: number;
}

const defaultLibraryPaths = [
  'libvoikko.so.1',
  '/usr/lib/x86_64-linux-gnu/libvoikko.so.1',
  '/usr/lib/aarch64-linux-gnu/libvoikko.so.1',
  '/usr/lib/libvoikko.so.1',
  '/usr/local/lib/libvoikko.so.1',
  '/opt/homebrew/lib/libvoikko.1.dylib',
  '/usr/local/lib/libvoikko.1.dylib',
  'libvoikko-1.dll',
];

type NativeFunction = (...args: unknown[]) => unknown;

interface KoffiModule {
  load(path: string): { func(definition: string): NativeFunction };
  decode(value: unknown, offset: number, type: string): unknown;
  decode(value: unknown, type: string, length: number): unknown;
}

const pointerSize = 8;

/**
 * Loads libvoikko with the Finnish dictionary, or returns null when either is missing (a fresh
 * laptop) or when koffi cannot load on this platform. Never throws for a missing library.
 */
export function loadVoikko(options: LoadVoikkoOptions = {}): Voikko | null {
  let koffi: KoffiModule;
  try {
    koffi = createRequire(import.meta.url)('koffi') as KoffiModule;
  } catch {
    return null;
  }
  for (const path of options.libraryPaths ?? defaultLibraryPaths) {
    let library: ReturnType<KoffiModule['load']>;
    try {
      library = koffi.load(path);
    } catch {
      continue;
    }
    try {
      return bind(koffi, library, options);
    } catch {
      return null;
    }
  }
  return null;
}

function bind(koffi: KoffiModule, library: ReturnType<KoffiModule['load']>, options: LoadVoikkoOptions): Voikko | null {
  const init = library.func('void *voikkoInit(_Out_ const char **error, const char *langcode, const char *path)');
  const terminate = library.func('void voikkoTerminate(void *handle)');
  const analyseWord = library.func('void *voikkoAnalyzeWordCstr(void *handle, const char *word)');
  const analysisKeys = library.func('void *voikko_mor_analysis_keys(void *analysis)');
  const analysisValue = library.func('void *voikko_mor_analysis_value_cstr(void *analysis, const char *key)');
  const freeValue = library.func('void voikko_free_mor_analysis_value_cstr(void *value)');
  const freeAnalyses = library.func('void voikko_free_mor_analysis(void *analyses)');

  const error: (string | null)[] = [null];
  const handle = init(error, 'fi', options.dictionaryPath ?? null);
  if (!handle) return null; // no Finnish dictionary installed
  let alive = true;
  const cache = new LruCache<string, readonly VoikkoAnalysis[]>(options.cacheSize ?? 50_000);

  const readValue = (analysis: unknown, key: string): string => {
    const pointer = analysisValue(analysis, key);
    if (!pointer) return '';
    try {
      return koffi.decode(pointer, 'char', -1) as string;
    } finally {
      freeValue(pointer);
    }
  };

  const analyseUncached = (word: string): VoikkoAnalysis[] => {
    const list = analyseWord(handle, word);
    if (!list) return [];
    const analyses: VoikkoAnalysis[] = [];
    try {
      for (let i = 0; ; i++) {
        const analysis = koffi.decode(list, i * pointerSize, 'void *');
        if (!analysis) break;
        const keys = new Set<string>();
        const keyList = analysisKeys(analysis);
        for (let j = 0; keyList; j++) {
          const key = koffi.decode(keyList, j * pointerSize, 'const char *') as string | null;
          if (!key) break;
          keys.add(key);
        }
        const value = (key: string) => (keys.has(key) ? readValue(analysis, key) : '');
        analyses.push({
          baseform: value('BASEFORM'),
          wordClass: value('CLASS'),
          structure: value('STRUCTURE'),
          fstOutput: value('FSTOUTPUT'),
          wordBases: value('WORDBASES'),
        });
      }
    } finally {
      freeAnalyses(list);
    }
    return analyses;
  };

  return {
    analyse(word) {
      if (!alive) throw new Error('Voikko has been terminated');
      if (word.length === 0 || word.length > 255) return [];
      const cached = cache.get(word);
      if (cached) return cached;
      const analyses = analyseUncached(word);
      cache.set(word, analyses);
      return analyses;
    },
    terminate() {
      if (!alive) return;
      alive = false;
      terminate(handle);
    },
  };
}
