// An appointment as an iCalendar event (RFC 5545), for the confirmation e-mail and the agents' feed: UTC
// times, escaped text, lines folded at 75 octets, CRLF line ends.

export interface IcsEvent {
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  location?: string | null;
  description?: string | null;
  /** CANCELLED for a cancellation notice (same UID, higher SEQUENCE). */
  status?: 'CONFIRMED' | 'CANCELLED';
  sequence?: number;
}

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
const escape = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** Folds a content line at 75 octets (UTF-8), never inside a character. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    if (bytes + size > (out.length ? 74 : 75)) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

export function icsCalendar(events: readonly IcsEvent[], now: Date, method: 'PUBLISH' | 'REQUEST' | 'CANCEL' = 'PUBLISH'): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Relais//Rendez-vous//FR', 'CALSCALE:GREGORIAN', `METHOD:${method}`];
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${stamp(now)}`,
      `DTSTART:${stamp(e.start)}`,
      `DTEND:${stamp(e.end)}`,
      `SEQUENCE:${e.sequence ?? 0}`,
      `STATUS:${e.status ?? 'CONFIRMED'}`,
      `SUMMARY:${escape(e.summary)}`,
      ...(e.location ? [`LOCATION:${escape(e.location)}`] : []),
      ...(e.description ? [`DESCRIPTION:${escape(e.description)}`] : []),
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
