/**
 * npm run eval:needs — precision and recall of the service → need area classification of
 * client and service guidance, on ~1,500 real PTV services labelled with well-being dimensions
 * by the AuroraAI project (../shared/data/ptv/auroraai-wellbeing-labelled-services/, read at
 * run time). TARJOTIN_SHARED_DIR points elsewhere when the checkout is not beside ../shared.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { evaluateNeedClassification, labelledServicesOfSheet, type LabelledService } from '../src/modules/guidance/need-evaluation.ts';
import { readWorkbook } from './xlsx.ts';

const sharedDir = resolve(process.env.TARJOTIN_SHARED_DIR ?? join(import.meta.dirname, '../../shared'));
const dataDir = join(sharedDir, 'data/ptv/auroraai-wellbeing-labelled-services');

/** The labelled sheets: the national services and Mikkeli (Turku and Oulu are unlabelled), and the 233-service file. */
export function readLabelledServices(dir = dataDir): { services: LabelledService[]; duplicates: number } {
  const sheets: [string, string][] = [
    ['palvelut_turku_oulu_mikkeli.xlsx', 'kansalliset'],
    ['palvelut_turku_oulu_mikkeli.xlsx', 'Mikkeli'],
    ['services_national_mikkeli_turku_oulu.xlsx', 'services'],
  ];
  const seen = new Set<string>();
  const services: LabelledService[] = [];
  let duplicates = 0;
  for (const [file, sheet] of sheets) {
    for (const service of labelledServicesOfSheet(readWorkbook(join(dir, file)).rows(sheet), `${file}:${sheet}`)) {
      // A service labelled in two sheets counts once (its first labelling).
      if (seen.has(service.id)) {
        duplicates++;
        continue;
      }
      seen.add(service.id);
      services.push(service);
    }
  }
  return { services, duplicates };
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)} %`.padStart(8);
}

function row(cells: string[], widths: number[]): string {
  return cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('') + '\n';
}

function main(): void {
  if (!existsSync(dataDir)) {
    process.stderr.write(`eval:needs: ${dataDir} not found (set TARJOTIN_SHARED_DIR to the shared folder)\n`);
    process.exit(1);
  }
  const { services, duplicates } = readLabelledServices();
  const relevant = services.filter((s) => s.dimensions.length > 0);
  const all = evaluateNeedClassification(services);
  const tray = evaluateNeedClassification(relevant);
  const widths = [18, 44, 9, 11, 9, 11, 11, 9];
  const out = process.stdout;
  out.write('Service → need area classification (need area word lists over name + summary)\n');
  out.write(`against AuroraAI well-being labels of real PTV services: ${services.length} labelled services (${duplicates} labelled twice, counted once).\n`);
  out.write(`"all": every labelled service, ${services.length - relevant.length} of them marked "not a well-being service" (EI MUKAAN);\n`);
  out.write(`"well-being": the ${relevant.length} services with at least one dimension, i.e. what would be in the tray that suggestions search.\n\n`);
  out.write(row(['need area', 'AuroraAI dimensions', 'support', 'precision', 'recall', 'support', 'precision', 'recall'], widths));
  out.write(row(['', '', 'all', 'all', 'all', 'well-b.', 'well-b.', 'well-b.'], widths));
  all.areas.forEach((area, i) => {
    const t = tray.areas[i]!;
    out.write(row([area.needArea, area.dimensions.join(' + '), String(area.support), percent(area.precision), percent(area.recall), String(t.support), percent(t.precision), percent(t.recall)], widths));
  });
  out.write(row(['micro average', '', '', percent(all.micro.precision), percent(all.micro.recall), '', percent(tray.micro.precision), percent(tray.micro.recall)], widths));
  out.write(row(['macro average', '', '', percent(all.macro.precision), percent(all.macro.recall), '', percent(tray.macro.precision), percent(tray.macro.recall)], widths));
  out.write('\nNot measurable with these labels (no matching dimension): exercise, food, substance_use, caring, digital.\n');
  out.write('"tyytyväisyys elämään" (life satisfaction) maps to no single need area.\n');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) main();
