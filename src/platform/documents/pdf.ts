// Documents Relais writes as PDF (receipts, decision letters, and later attestations): one plain layout, tagged
// for screen readers where pdfkit allows (structure, title, language), with the PDF standard fonts, whose
// WinAnsi encoding covers written French. Characters outside it are replaced by their nearest plain form.
import PDFDocument from 'pdfkit';

export interface PdfBlock {
  kind: 'heading' | 'subheading' | 'paragraph' | 'pair' | 'small';
  text: string;
  /** For a pair: the value beside the label. */
  value?: string;
}

export interface PdfDocumentInput {
  title: string;
  /** The issuer, shown at the top: « Département d’Ille-et-Vilaine ». */
  issuer: string;
  brandColour: string;
  blocks: PdfBlock[];
}

/** Narrow and thin spaces are not in WinAnsi: a plain space reads the same. */
const plain = (s: string) => s.replace(/[\u202f\u2009\u00a0]/gu, ' ');

export function renderPdf(input: PdfDocumentInput): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, tagged: true, lang: 'fr-FR', displayTitle: true, info: { Title: plain(input.title), Author: plain(input.issuer), Creator: 'Relais' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 112;
  doc.font('Helvetica-Bold').fontSize(10).fillColor(input.brandColour).text(plain(input.issuer), { width });
  doc.moveDown(1);
  doc.font('Helvetica-Bold').fontSize(18).fillColor('#0b0c0c').text(plain(input.title), { width });
  doc.moveDown(0.5);
  for (const b of input.blocks) {
    switch (b.kind) {
      case 'heading':
        doc.moveDown(0.6).font('Helvetica-Bold').fontSize(14).fillColor('#0b0c0c').text(plain(b.text), { width });
        doc.moveDown(0.2);
        break;
      case 'subheading':
        doc.moveDown(0.3).font('Helvetica-Bold').fontSize(11).text(plain(b.text), { width });
        break;
      case 'paragraph':
        doc.font('Helvetica').fontSize(11).text(plain(b.text), { width });
        doc.moveDown(0.4);
        break;
      case 'pair':
        doc.font('Helvetica-Bold').fontSize(10).fillColor('#505a5f').text(plain(b.text), { width });
        doc.font('Helvetica').fontSize(11).fillColor('#0b0c0c').text(plain(b.value ?? '') || '—', { width });
        doc.moveDown(0.3);
        break;
      case 'small':
        doc.font('Helvetica').fontSize(9).fillColor('#505a5f').text(plain(b.text), { width });
        doc.fillColor('#0b0c0c');
        break;
    }
  }
  doc.end();
  return done;
}
