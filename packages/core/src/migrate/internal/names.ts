/** Kubernetes names for generated objects: DNS labels, unique within their scope. */

const DNS_LABEL_MAX = 63;

/** `text` as a DNS-1123 label (lowercase alphanumerics and `-`, at most 63 characters). */
export function toDnsLabel(text: string, max = DNS_LABEL_MAX): string {
  const label = text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .slice(0, max)
    .replace(/^-+|-+$/g, '');
  return label === '' ? 'x' : label;
}

/** `base`, or `base-2`, `base-3`... the first not in `taken`; the name returned is added to it. */
export function uniqueName(base: string, taken: Set<string>, max = DNS_LABEL_MAX): string {
  let name = toDnsLabel(base, max);
  for (let n = 2; taken.has(name); n++) {
    const suffix = `-${n}`;
    name = `${toDnsLabel(base, max - suffix.length)}${suffix}`;
  }
  taken.add(name);
  return name;
}

/** A hostname as Ingress and Gateway API accept it: lowercase DNS names, one leading `*.` at most. */
const HOSTNAME = /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Whether `host` can be a rule host or listener hostname. IP addresses cannot. */
export function isValidHostname(host: string): boolean {
  return host.length <= 253 && HOSTNAME.test(host) && !/^[0-9.]+$/.test(host);
}

/** `host` lowercased without a trailing dot, as external-dns annotations may write it. */
export function normaliseHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '');
}
