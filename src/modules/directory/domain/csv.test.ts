import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv, readCsv, toCsv, writeCsv } from './csv.ts';

const rows = (text: string) => [...parseCsv(text)];

describe('CSV reader (RFC 4180)', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks, and gives each row its first line', () => {
    const text = 'a,b,c\n"1, rue ""Haute""","deux\nlignes",x\nfin,,\n';
    expect(rows(text)).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['1, rue "Haute"', 'deux\nlignes', 'x'] },
      { line: 4, cells: ['fin', '', ''] },
    ]);
  });

  it('accepts CRLF line endings, CRLF inside quotes, and no final line break', () => {
    expect(rows('a,b\r\n"x\r\ny",z\r\nlast,1')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x\r\ny', 'z'] },
      { line: 4, cells: ['last', '1'] },
    ]);
  });

  it('drops a UTF-8 byte order mark so that the first column keeps its name', () => {
    expect(rows('\uFEFFid,nom\n1,Médiathèque\n')[0]!.cells).toEqual(['id', 'nom']);
  });

  it('reads the same rows whatever the chunking, even a CRLF or a doubled quote cut in two', async () => {
    const text = '\uFEFFid,"a ""b"""\r\n"x\r\ny",2\r\n';
    const whole = rows(text);
    for (let size = 1; size <= 4; size++) {
      const chunks: string[] = [];
      for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
      const got = [];
      for await (const r of readCsv(chunks)) got.push(r);
      expect(got).toEqual(whole);
    }
    expect(whole[0]!.cells).toEqual(['id', 'a "b"']);
  });

  it('reports an unclosed quote and a stray quote with their line, in French', () => {
    expect(() => rows('a\n"open,b\n')).toThrow(CsvSyntaxError);
    expect(() => rows('a\n"open,b\n')).toThrow('Ligne 2 : guillemet ouvert jamais refermé');
    expect(() => rows('a,b\nx"y,z\n')).toThrow('Ligne 2 : guillemet inattendu au milieu d’une cellule');
    expect(() => rows('"a"b,c\n')).toThrow('Ligne 1 : texte après le guillemet fermant d’une cellule');
  });
});

describe('CSV writer', () => {
  const tricky = [
    ['id', 'nom', 'note'],
    ['1', 'Espace "Numérique", Rennes', 'deux\r\nlignes'],
    ['2', ' espace devant', 'a|b'],
    ['3', '', ''],
  ];

  it('quotes only what must be quoted and ends rows with CRLF', () => {
    expect(toCsv([['a', 'b,c', 'd"e']])).toBe('a,"b,c","d""e"\r\n');
  });

  it('streams chunks that the reader turns back into the same rows', async () => {
    async function* source() {
      for (const r of tricky) yield r;
    }
    const chunks: string[] = [];
    for await (const c of writeCsv(source(), 16)) chunks.push(c);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join('')).toBe(toCsv(tricky));
    expect(rows(chunks.join('')).map((r) => r.cells)).toEqual(tricky);
  });
});
