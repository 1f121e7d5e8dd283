// IAM wildcard matching ("IAM JSON policy elements: Action" and "Resource", IAM User Guide):
// `*` matches any run of characters (also none), `?` exactly one. Actions compare without
// regard to case; ARNs (resources, principals) compare exactly.

const cache = new Map<string, RegExp>();

function compile(pattern: string, ignoreCase: boolean): RegExp {
  const key = `${ignoreCase ? 'i' : 's'}:${pattern}`;
  let re = cache.get(key);
  if (!re) {
    const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    re = new RegExp(`^${body}$`, ignoreCase ? 'is' : 's');
    if (cache.size > 1024) cache.clear();
    cache.set(key, re);
  }
  return re;
}

/** Whether `value` matches an IAM pattern with `*` and `?`. */
export function matchesPattern(pattern: string, value: string, ignoreCase = false): boolean {
  if (pattern === '*') return true;
  if (!pattern.includes('*') && !pattern.includes('?')) {
    return ignoreCase ? pattern.toLowerCase() === value.toLowerCase() : pattern === value;
  }
  return compile(pattern, ignoreCase).test(value);
}
