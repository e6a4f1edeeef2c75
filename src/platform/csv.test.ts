import { describe, expect, it } from 'vitest';
import { detectSeparator, formatCsv, neutraliseFormula, parseCsv } from './csv.ts';

describe('csv', () => {
  it('neutralises formulas but keeps negative numbers and plain text', () => {
    expect(neutraliseFormula('=CMD|"/c calc"!A1')).toBe(`'=CMD|"/c calc"!A1`);
    expect(neutraliseFormula('+41 1')).toBe(`'+41 1`);
    expect(neutraliseFormula('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(neutraliseFormula('-12,5')).toBe('-12,5');
    expect(neutraliseFormula('Kävely')).toBe('Kävely');
  });

  it('writes a BOM, the chosen separator, quotes and CRLF', () => {
    const text = formatCsv(['nimi', 'kuvaus'], [['Äijä; ry', 'sanoi "hei"\nrivi'], ['=1+1', null]]);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toBe('\uFEFFnimi;kuvaus\r\n"Äijä; ry";"sanoi ""hei""\nrivi"\r\n\'=1+1;\r\n');
    expect(formatCsv(['a', 'b'], [['1,5', '2']], { separator: ',', bom: false })).toBe('a,b\r\n"1,5",2\r\n');
  });

  it('reads back what it writes, with line numbers', () => {
    const written = formatCsv(['a', 'b'], [['x;y', 'multi\nline'], ['3', '4']]);
    const parsed = parseCsv(written);
    expect(parsed.rows).toEqual([['a', 'b'], ['x;y', 'multi\nline'], ['3', '4']]);
    expect(parsed.lines).toEqual([1, 2, 4]);
  });

  it('detects the separator from the header', () => {
    expect(detectSeparator('a;b;c\n1,2;3')).toBe(';');
    expect(detectSeparator('a,b,c\n1;2')).toBe(',');
  });
});
