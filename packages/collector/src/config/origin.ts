/**
 * Does `origin` (from the request) match one allowed pattern? Wildcards cover subdomains only,
 * at any depth, never the apex: `https://*.example.com` allows `https://a.b.example.com`,
 * not `https://example.com` nor `https://evilexample.com`.
 */
export function originAllowed(origin: string, allowed: readonly string[]): boolean {
  const o = origin.toLowerCase();
  for (const pattern of allowed) {
    if (pattern === '*' || pattern === o) return true;
    const star = pattern.indexOf('://*.');
    if (star === -1) continue;
    const scheme = pattern.slice(0, star + 3);
    const suffix = pattern.slice(star + 4); // ".example.com[:port]"
    if (o.startsWith(scheme) && o.endsWith(suffix) && o.length > scheme.length + suffix.length) {
      const label = o.slice(scheme.length, o.length - suffix.length);
      if (/^[a-z0-9.-]+$/.test(label) && !label.startsWith('.') && !label.endsWith('.'))
        return true;
    }
  }
  return false;
}
