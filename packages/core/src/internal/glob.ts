/**
 * Minimal glob matching for include/exclude settings: `**` (any directories), `*` (within one path
 * segment), `?`, and `{a,b}`. Patterns without a slash match a file name anywhere, as .gitignore does.
 */
const cache = new Map<string, RegExp>();

/** Whether a forward-slash path matches a glob. */
export function matchesGlob(path: string, glob: string): boolean {
  const normalised = path.replace(/\\/g, '/').replace(/^\.\//, '');
  return toRegExp(glob).test(normalised);
}

function toRegExp(glob: string): RegExp {
  const cached = cache.get(glob);
  if (cached) return cached;
  let pattern = glob.replace(/^\.\//, '');
  if (!pattern.includes('/')) pattern = `**/${pattern}`;
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] as string;
    if (char === '*') {
      if (pattern[i + 1] === '*') {
        const slash = pattern[i + 2] === '/';
        source += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else source += '[^/]*';
    } else if (char === '?') source += '[^/]';
    else if (char === '{') {
      const end = pattern.indexOf('}', i);
      if (end === -1) source += '\\{';
      else {
        source += `(?:${pattern
          .slice(i + 1, end)
          .split(',')
          .map((part) => part.replace(/[.+^${}()|[\]\\*?]/g, '\\$&'))
          .join('|')})`;
        i = end;
      }
    } else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  // A directory pattern also matches everything below it.
  const regexp = new RegExp(`^${source}(?:/.*)?$`);
  cache.set(glob, regexp);
  return regexp;
}
