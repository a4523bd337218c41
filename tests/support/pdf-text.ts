// The text of a PDF written by pdfkit with the standard fonts: each content stream is inflated, and the hex
// strings of its text operators (WinAnsi codes) are decoded. Enough to assert what a document says.
import { inflateSync } from 'node:zlib';

const WIN_ANSI: Record<number, string> = { 0x92: '’', 0x91: '‘', 0x93: '“', 0x94: '”', 0x96: '–', 0x97: '—', 0x9c: 'œ', 0x8c: 'Œ', 0x80: '€', 0x85: '…', 0xab: '«', 0xbb: '»' };

export function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const out: string[] = [];
  const re = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(source))) {
    const start = m.index + m[0].length;
    const end = source.indexOf('endstream', start);
    if (end < 0) break;
    let content: string;
    try {
      content = inflateSync(Buffer.from(source.slice(start, end), 'latin1')).toString('latin1');
    } catch {
      content = source.slice(start, end);
    }
    for (const tj of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      let line = '';
      for (const hex of tj[1]!.matchAll(/<([0-9a-fA-F]*)>/g)) {
        for (let i = 0; i < hex[1]!.length; i += 2) {
          const code = Number.parseInt(hex[1]!.slice(i, i + 2), 16);
          line += WIN_ANSI[code] ?? String.fromCharCode(code);
        }
      }
      out.push(line);
    }
    re.lastIndex = end;
  }
  return out.join('\n');
}
