// Normalises an HTML fragment so that two renderings that a browser and a screen reader treat the same compare
// equal: attributes sorted (and class names sorted), `x=""` read as the bare boolean `x`, entities decoded and
// re-encoded one way, void elements without `/`, comments dropped, and whitespace collapsed.
//
// Whitespace rule: runs of spaces and newlines become one space; whitespace just inside an element's tags is
// dropped, and whitespace just outside an element is dropped unless that element is inline (a, span, strong…),
// where a space changes what is read (« Erreur : » then the message). Text inside <textarea> and <pre> is kept.
// One token per line, so that a failing comparison shows a readable diff.

const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const inlineElements = new Set(['a', 'abbr', 'b', 'code', 'em', 'i', 'img', 'small', 'span', 'strong', 'time']);
const rawTextElements = new Set(['textarea', 'pre', 'script', 'style']);

type Token =
  | { kind: 'start'; name: string; attrs: [string, string][] }
  | { kind: 'end'; name: string }
  | { kind: 'text'; text: string; raw?: boolean };

const namedEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', copy: '©', ctdot: '⋯' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return namedEntities[e.toLowerCase()] ?? m;
  });
}

function tokenise(html: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < html.length) {
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    if (html.startsWith('<!', i)) {
      i = html.indexOf('>', i) + 1;
      continue;
    }
    const endTag = /^<\/([a-zA-Z][\w:-]*)\s*>/.exec(html.slice(i, i + 200));
    if (endTag) {
      tokens.push({ kind: 'end', name: endTag[1]!.toLowerCase() });
      i += endTag[0].length;
      continue;
    }
    const startTag = /^<([a-zA-Z][\w:-]*)/.exec(html.slice(i, i + 200));
    if (startTag) {
      const name = startTag[1]!.toLowerCase();
      i += startTag[0].length;
      const attrs: [string, string][] = [];
      let selfClosing = false;
      const attrRe = /\s*([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?|\s*(\/?>)/y;
      for (;;) {
        attrRe.lastIndex = i;
        const m = attrRe.exec(html);
        if (!m) throw new Error(`Malformed tag near: ${html.slice(i - 20, i + 40)}`);
        i = attrRe.lastIndex;
        if (m[5]) {
          selfClosing = m[5] === '/>';
          break;
        }
        attrs.push([m[1]!.toLowerCase(), decodeEntities(m[2] ?? m[3] ?? m[4] ?? '')]);
      }
      tokens.push({ kind: 'start', name, attrs });
      // `<path />` in SVG is an element with no content.
      if (selfClosing && !voidElements.has(name)) tokens.push({ kind: 'end', name });
      if (rawTextElements.has(name)) {
        const close = html.toLowerCase().indexOf(`</${name}`, i);
        const text = html.slice(i, close);
        if (text) tokens.push({ kind: 'text', text: decodeEntities(name === 'textarea' || name === 'pre' ? text.replace(/^\r?\n/, '') : text), raw: true });
        i = close;
      }
      continue;
    }
    const next = html.indexOf('<', i + 1);
    const text = html.slice(i, next < 0 ? html.length : next);
    const last = tokens.at(-1);
    if (last?.kind === 'text' && !last.raw) last.text += decodeEntities(text);
    else tokens.push({ kind: 'text', text: decodeEntities(text) });
    i = next < 0 ? html.length : next;
  }
  return tokens;
}

/** Does whitespace on this side of a text node survive? `neighbour` is the token on that side. */
function keepsSpace(neighbour: Token | undefined, side: 'before' | 'after'): boolean {
  if (!neighbour || neighbour.kind === 'text') return false;
  if (side === 'before') {
    // The token before the text: an end tag (outside that element) or a void start tag keeps the space if inline.
    if (neighbour.kind === 'end') return inlineElements.has(neighbour.name);
    return voidElements.has(neighbour.name) && inlineElements.has(neighbour.name);
  }
  // The token after the text: a start tag (outside that element) keeps the space if inline.
  return neighbour.kind === 'start' && inlineElements.has(neighbour.name);
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');

export function normaliseHtml(html: string): string {
  const tokens = tokenise(html);
  const out: string[] = [];
  tokens.forEach((t, idx) => {
    if (t.kind === 'start') {
      const attrs = t.attrs
        .map(([k, v]): [string, string] => [k, k === 'class' ? v.split(/\s+/).filter(Boolean).sort().join(' ') : v])
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => (v === '' ? ` ${k}` : ` ${k}="${escapeAttr(v)}"`))
        .join('');
      out.push(`<${t.name}${attrs}>`);
    } else if (t.kind === 'end') {
      if (!voidElements.has(t.name)) out.push(`</${t.name}>`);
    } else if (t.raw) {
      out.push(escapeText(t.text));
    } else {
      const collapsed = t.text.replace(/[ \t\n\r\f]+/g, ' ');
      const before = keepsSpace(tokens[idx - 1], 'before');
      const after = keepsSpace(tokens[idx + 1], 'after');
      if (collapsed === ' ') {
        if (before && after) out.push('␣');
        return;
      }
      let text = collapsed;
      if (!before) text = text.replace(/^ /, '');
      if (!after) text = text.replace(/ $/, '');
      // Mark kept edge spaces so that they show in a diff.
      out.push(escapeText(text).replace(/^ /, '␣').replace(/ $/, '␣'));
    }
  });
  return out.join('\n');
}
