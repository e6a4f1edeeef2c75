/**
 * A small reader for .xlsx workbooks (Office Open XML): enough to read the rows of a sheet as
 * text. Reads the zip's central directory and inflates entries with node:zlib, so the
 * evaluation scripts need no spreadsheet dependency.
 */
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

function unzip(data: Buffer): Map<string, Buffer> {
  // End of central directory: signature 0x06054b50, searched backwards (a comment may follow).
  let end = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 65_557); i--) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip file (no end of central directory)');
  const count = data.readUInt16LE(end + 10);
  let offset = data.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let n = 0; n < count; n++) {
    if (data.readUInt32LE(offset) !== 0x02014b50) throw new Error('corrupt zip central directory');
    const method = data.readUInt16LE(offset + 10);
    const compressedSize = data.readUInt32LE(offset + 20);
    const nameLength = data.readUInt16LE(offset + 28);
    const extraLength = data.readUInt16LE(offset + 30);
    const commentLength = data.readUInt16LE(offset + 32);
    const localOffset = data.readUInt32LE(offset + 42);
    const name = data.subarray(offset + 46, offset + 46 + nameLength).toString('utf8');
    const localNameLength = data.readUInt16LE(localOffset + 26);
    const localExtraLength = data.readUInt16LE(localOffset + 28);
    const start = localOffset + 30 + localNameLength + localExtraLength;
    const raw = data.subarray(start, start + compressedSize);
    if (method === 0) files.set(name, Buffer.from(raw));
    else if (method === 8) files.set(name, inflateRawSync(raw));
    else throw new Error(`unsupported zip compression method ${method} for ${name}`);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (match, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return entities[entity] ?? match;
  });
}

/** The text of every <t> element inside a fragment (rich-text runs joined). */
function textOf(fragment: string): string {
  let text = '';
  for (const match of fragment.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) text += decodeXml(match[1]!);
  return text;
}

function columnIndex(reference: string): number {
  const letters = /^[A-Z]+/.exec(reference)?.[0] ?? 'A';
  let index = 0;
  for (const letter of letters) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

export interface Workbook {
  sheetNames: string[];
  /** Rows of a sheet as arrays of cell text ('' for empty cells). */
  rows(sheet: string): string[][];
}

export function readWorkbook(path: string): Workbook {
  const files = unzip(readFileSync(path));
  const file = (name: string) => {
    const content = files.get(name);
    if (!content) throw new Error(`${path}: missing ${name}`);
    return content.toString('utf8');
  };
  const shared = files.has('xl/sharedStrings.xml')
    ? [...file('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => textOf(m[1]!))
    : [];
  const relations = new Map(
    [...file('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*>/g)].map((m) => {
      const id = /\bId="([^"]+)"/.exec(m[0])?.[1] ?? '';
      const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1] ?? '';
      return [id, target.startsWith('/') ? target.slice(1) : `xl/${target}`] as const;
    }),
  );
  const sheets = new Map(
    [...file('xl/workbook.xml').matchAll(/<sheet\b[^>]*>/g)].map((m) => {
      const name = decodeXml(/\bname="([^"]+)"/.exec(m[0])?.[1] ?? '');
      const id = /\br:id="([^"]+)"/.exec(m[0])?.[1] ?? '';
      return [name, relations.get(id) ?? ''] as const;
    }),
  );
  return {
    sheetNames: [...sheets.keys()],
    rows(sheet) {
      const target = sheets.get(sheet);
      if (!target) throw new Error(`${path}: no sheet named ${sheet}`);
      const xml = file(target);
      const rows: string[][] = [];
      for (const row of xml.matchAll(/<row\b[^>]*?(?:\/>|>([\s\S]*?)<\/row>)/g)) {
        const cells: string[] = [];
        for (const cell of (row[1] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
          const attributes = cell[1] ?? '';
          const body = cell[2] ?? '';
          const reference = /\br="([A-Z]+\d+)"/.exec(attributes)?.[1];
          const index = reference ? columnIndex(reference) : cells.length;
          const type = /\bt="([^"]+)"/.exec(attributes)?.[1];
          const value = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
          let text = '';
          if (type === 's' && value !== undefined) text = shared[Number(value)] ?? '';
          else if (type === 'inlineStr') text = textOf(body);
          else if (value !== undefined) text = decodeXml(value);
          while (cells.length < index) cells.push('');
          cells[index] = text;
        }
        rows.push(cells);
      }
      return rows;
    },
  };
}
