// A claim is approved at once when the person's e-mail address is at the structure's own web domain: only
// someone the structure gave an address to can have it. Webmail domains prove nothing (anyone may open a
// Gmail or Orange mailbox, and some associations' sites are hosted under their ISP's domain), so they never
// match.

export const WEBMAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com',
  'googlemail.com',
  'orange.fr',
  'wanadoo.fr',
  'free.fr',
  'laposte.net',
  'hotmail.fr',
  'hotmail.com',
  'outlook.fr',
  'outlook.com',
  'live.fr',
  'msn.com',
  'yahoo.fr',
  'yahoo.com',
  'sfr.fr',
  'neuf.fr',
  'bbox.fr',
  'aol.com',
  'icloud.com',
  'me.com',
  'gmx.fr',
  'proton.me',
  'protonmail.com',
]);

/** The domain of an e-mail address, lower-cased; null when there is none. */
export function emailDomain(email: string): string | null {
  const at = email.trim().lastIndexOf('@');
  if (at < 1) return null;
  const domain = email.trim().slice(at + 1).toLowerCase().replace(/\.$/u, '');
  return domain.includes('.') ? domain : null;
}

/** The host of a website without « www. », lower-cased; null when it is not a web address. */
export function websiteDomain(website: string): string | null {
  const text = website.trim();
  if (!text) return null;
  try {
    const url = new URL(/^https?:\/\//iu.test(text) ? text : `https://${text}`);
    const host = url.hostname.toLowerCase().replace(/\.$/u, '');
    if (!host.includes('.')) return null;
    return host.startsWith('www.') ? host.slice(4) : host;
  } catch {
    return null;
  }
}

/**
 * True when the e-mail's domain is exactly the website's (« contact@mediatheque-vitre.fr » and
 * « https://www.mediatheque-vitre.fr »). A parent or sibling domain does not match: sites hosted on a shared
 * platform (« monasso.wixsite.com ») would otherwise let the platform's staff in.
 */
export function emailMatchesWebsite(email: string, website: string | null | undefined): boolean {
  if (!website) return false;
  const mail = emailDomain(email);
  const site = websiteDomain(website);
  if (!mail || !site || WEBMAIL_DOMAINS.has(mail)) return false;
  return mail === site;
}
