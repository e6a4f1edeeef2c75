import { createFinnishAnalyser } from '../../../src/modules/search/analysis/finnish.ts';
import { loadVoikko } from '../../../src/modules/search/analysis/voikko.ts';
const f = createFinnishAnalyser({ choice: 'auto', loadVoikko });
for (const w of process.argv.slice(2)) console.log(w, JSON.stringify(f.analyseQueryWord(w)));
