/**
 * CSV for spreadsheets: writing (UTF-8 with BOM, `;` or `,`, formula injection neutralised)
 * and reading (RFC 4180 quoting, separator detection). Shared by every export and import.
 */

export type CsvSeparator = ';' | ',';

export interface CsvWriteOptions {
  /** `;` opens correctly in a Finnish-locale spreadsheet; `,` is the RFC 4180 default. */
  separator?: CsvSeparator;
  /** Prefix a UTF-8 byte-order mark so that spreadsheets read the file as UTF-8 (default true). */
  bom?: boolean;
}

const formulaStart = /^[=+\-@\t\r]/;

/**
 * A cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return)
 * gets a leading apostrophe, after OWASP's CSV-injection advice. Plain negative numbers stay.
 */
export function neutraliseFormula(value: string): string {
  if (!formulaStart.test(value)) return value;
  if (/^-\d+([.,]\d+)?$/.test(value)) return value;
  return `'${value}`;
}

function quoteCell(value: string, separator: CsvSeparator): string {
  const safe = neutraliseFormula(value);
  return /["\r\n]/.test(safe) || safe.includes(separator) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export type CsvCell = string | number | boolean | null | undefined;

/** Formats a header row and data rows as one CSV text with CRLF line ends. */
export function formatCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>, options: CsvWriteOptions = {}): string {
  const separator = options.separator ?? ';';
  const line = (cells: readonly CsvCell[]) => cells.map((c) => quoteCell(c === null || c === undefined ? '' : String(c), separator)).join(separator);
  const lines = [line(header)];
  for (const row of rows) lines.push(line(row));
  return `${options.bom === false ? '' : '\uFEFF'}${lines.join('\r\n')}\r\n`;
}

/** Reads the separator the way a person would: whichever of `;` and `,` the header uses more. */
export function detectSeparator(text: string): CsvSeparator {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (s: string) => firstLine.split(s).length - 1;
  return count(';') >= count(',') && count(';') > 0 ? ';' : ',';
}

export interface CsvParseResult {
  rows: string[][];
  /** 1-based line number where each row starts (quoted cells may span lines). */
  lines: number[];
}

/** Parses CSV text (BOM stripped, quoted cells with doubled quotes and line breaks). */
export function parseCsv(input: string, separator: CsvSeparator = detectSeparator(input)): CsvParseResult {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const rows: string[][] = [];
  const lines: number[] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === separator) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      if (row.length > 1 || row[0] !== '') {
        rows.push(row);
        lines.push(rowLine);
      }
      row = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
    lines.push(rowLine);
  }
  return { rows, lines };
}
