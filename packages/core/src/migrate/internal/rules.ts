/**
 * The validation rules of the Gateway API v1.6.1 CRDs that are CEL expressions (`x-kubernetes-
 * validations`), which a JSON-schema check does not run (facts.md section 2). Every generated
 * object passes through here; a problem becomes a warning, so a generator bug cannot hide.
 */

type Json = Record<string, unknown>;

/** Most rules, hostnames and parentRefs one HTTPRoute or GRPCRoute may have. */
const ROUTE_LIMITS = { rules: 16, hostnames: 16, parentRefs: 32 } as const;

/** The CEL-rule violations of one generated object; empty when it passes or is not Gateway API. */
export function checkGatewayApiRules(object: Json): string[] {
  const kind = object.kind;
  const spec = isMapping(object.spec) ? object.spec : {};
  if (kind === 'Gateway') return checkGateway(spec);
  if (kind === 'HTTPRoute' || kind === 'GRPCRoute') return checkHttpRoute(spec, kind);
  if (kind === 'TCPRoute' || kind === 'UDPRoute' || kind === 'TLSRoute') return checkLayer4Route(spec);
  if (kind === 'BackendTLSPolicy') return checkBackendTlsPolicy(spec);
  return [];
}

/** The CEL rules of BackendTLSPolicy v1 `spec.validation`: CA references or well-known CAs, one of them. */
function checkBackendTlsPolicy(spec: Json): string[] {
  const validation = isMapping(spec.validation) ? spec.validation : {};
  const refs = arrayOf(validation.caCertificateRefs).length > 0;
  const wellKnown =
    typeof validation.wellKnownCACertificates === 'string' && validation.wellKnownCACertificates !== '';
  if (refs && wellKnown) return ['must not contain both CACertificateRefs and WellKnownCACertificates'];
  if (!refs && !wellKnown) return ['must specify either CACertificateRefs or WellKnownCACertificates'];
  return [];
}

function checkGateway(spec: Json): string[] {
  const problems: string[] = [];
  const listeners = arrayOf(spec.listeners);
  const seenNames = new Set<string>();
  const seenCombinations = new Set<string>();
  for (const listener of listeners) {
    const protocol = String(listener.protocol);
    const tls = isMapping(listener.tls) ? listener.tls : undefined;
    const hostname =
      typeof listener.hostname === 'string' && listener.hostname !== '' ? listener.hostname : null;
    if (['HTTP', 'TCP', 'UDP'].includes(protocol) && listener.tls !== undefined) {
      problems.push(
        `listener ${listener.name}: tls must not be specified for protocols ['HTTP', 'TCP', 'UDP']`,
      );
    }
    if (
      protocol === 'HTTPS' &&
      tls &&
      tls.mode !== undefined &&
      tls.mode !== '' &&
      tls.mode !== 'Terminate'
    ) {
      problems.push(`listener ${listener.name}: tls mode must be Terminate for protocol HTTPS`);
    }
    if (protocol === 'TLS' && (tls === undefined || tls.mode === undefined || tls.mode === '')) {
      problems.push(`listener ${listener.name}: tls mode must be set for protocol TLS`);
    }
    if ((protocol === 'TCP' || protocol === 'UDP') && hostname !== null) {
      problems.push(`listener ${listener.name}: hostname must not be specified for protocols ['TCP', 'UDP']`);
    }
    const name = String(listener.name);
    if (seenNames.has(name)) problems.push(`Listener name must be unique within the Gateway (${name})`);
    seenNames.add(name);
    const combination = `${listener.port}/${protocol}/${hostname ?? ''}`;
    if (seenCombinations.has(combination)) {
      problems.push(
        `Combination of port, protocol and hostname must be unique for each listener (${combination})`,
      );
    }
    seenCombinations.add(combination);
  }
  return problems;
}

function checkHttpRoute(spec: Json, kind: string): string[] {
  const problems: string[] = [];
  const rules = arrayOf(spec.rules);
  const hostnames = Array.isArray(spec.hostnames) ? spec.hostnames : [];
  const parentRefs = arrayOf(spec.parentRefs);
  if (rules.length > ROUTE_LIMITS.rules)
    problems.push(`at most ${ROUTE_LIMITS.rules} rules (has ${rules.length})`);
  if (hostnames.length > ROUTE_LIMITS.hostnames) {
    problems.push(`at most ${ROUTE_LIMITS.hostnames} hostnames (has ${hostnames.length})`);
  }
  if (parentRefs.length > ROUTE_LIMITS.parentRefs) {
    problems.push(`at most ${ROUTE_LIMITS.parentRefs} parentRefs (has ${parentRefs.length})`);
  }
  problems.push(...checkParentRefs(parentRefs, false));
  rules.forEach((rule, index) => {
    const backendRefs = arrayOf(rule.backendRefs);
    problems.push(...checkBackendPorts(backendRefs, index));
    if (kind !== 'HTTPRoute') return;
    const filters = arrayOf(rule.filters);
    if (backendRefs.length > 0 && filters.some((filter) => filter.requestRedirect !== undefined)) {
      problems.push(`rule ${index}: RequestRedirect filter must not be used together with backendRefs`);
    }
    const matches = arrayOf(rule.matches);
    for (const match of matches) {
      const path = isMapping(match.path) ? match.path : undefined;
      if (path)
        problems.push(...pathValueProblems(String(path.type ?? 'PathPrefix'), String(path.value ?? '/')));
    }
    const totalMatches = rules.reduce((sum, each) => sum + arrayOf(each.matches).length, 0);
    if (index === 0 && totalMatches > 128) {
      problems.push(
        `the total number of matches across all rules must be less than 128 (has ${totalMatches})`,
      );
    }
    const onlyPath = matches.length === 1 ? matches[0]?.path : undefined;
    const onePrefix = isMapping(onlyPath) && onlyPath.type === 'PathPrefix';
    const allFilters = [...filters, ...backendRefs.flatMap((ref) => arrayOf(ref.filters))];
    for (const filter of allFilters) {
      for (const field of ['requestRedirect', 'urlRewrite'] as const) {
        const value = isMapping(filter[field]) ? (filter[field] as Json) : undefined;
        const path = value && isMapping(value.path) ? (value.path as Json) : undefined;
        if (path?.type === 'ReplacePrefixMatch' && path.replacePrefixMatch !== undefined && !onePrefix) {
          problems.push(
            `rule ${index}: When using ${field === 'urlRewrite' ? 'URLRewrite' : 'RequestRedirect'} filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified`,
          );
        }
      }
    }
  });
  return problems;
}

/** Characters an Exact or PathPrefix path value may hold (the CRD's CEL `matches` rule). */
const PATH_CHARACTERS = /^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$/;

/** The CEL rules of an HTTPRoute path match; empty when `value` is a valid `type` path. */
export function pathValueProblems(type: string, value: string): string[] {
  if (type !== 'Exact' && type !== 'PathPrefix') return [];
  const checks: Array<[boolean, string]> = [
    [!value.startsWith('/'), "value must be an absolute path and start with '/'"],
    [value.includes('//'), "must not contain '//'"],
    [value.includes('/./'), "must not contain '/./'"],
    [value.includes('/../'), "must not contain '/../'"],
    [/%2f/i.test(value), "must not contain '%2f' or '%2F'"],
    [value.includes('#'), "must not contain '#'"],
    [value.endsWith('/..'), "must not end with '/..'"],
    [value.endsWith('/.'), "must not end with '/.'"],
    [!PATH_CHARACTERS.test(value), 'must only contain valid characters'],
  ];
  return checks.filter(([failed]) => failed).map(([, message]) => `path ${value}: ${message}`);
}

function checkLayer4Route(spec: Json): string[] {
  const problems = checkParentRefs(arrayOf(spec.parentRefs), true);
  arrayOf(spec.rules).forEach((rule, index) => {
    problems.push(...checkBackendPorts(arrayOf(rule.backendRefs), index));
  });
  return problems;
}

/** sectionName must be set and unique when a route names the same parent more than once. */
function checkParentRefs(parentRefs: Json[], requireSection: boolean): string[] {
  const byParent = new Map<string, Json[]>();
  for (const ref of parentRefs) {
    const key = `${ref.group ?? ''}/${ref.kind ?? 'Gateway'}/${ref.namespace ?? ''}/${ref.name}`;
    byParent.set(key, [...(byParent.get(key) ?? []), ref]);
  }
  const problems: string[] = [];
  for (const refs of byParent.values()) {
    if (refs.length < 2) continue;
    const sections = refs.map((ref) => ref.sectionName);
    if (
      (requireSection && sections.some((section) => section === undefined || section === '')) ||
      new Set(sections).size !== sections.length
    ) {
      problems.push(
        'sectionName must be specified and unique when parentRefs includes 2 or more references to the same parent',
      );
    }
  }
  return problems;
}

function checkBackendPorts(backendRefs: Json[], rule: number): string[] {
  return backendRefs
    .filter(
      (ref) => (ref.group ?? '') === '' && (ref.kind ?? 'Service') === 'Service' && ref.port === undefined,
    )
    .map((ref) => `rule ${rule}: Must have port for Service reference (${ref.name})`);
}

function arrayOf(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isMapping) : [];
}

function isMapping(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
