/**
 * Kubernetes name rules (k8s.io/apimachinery `validation`): object names such as a Secret's are
 * DNS-1123 subdomains, namespaces are DNS-1123 labels, and Secret data keys are "config keys".
 * Each check returns why a name is refused, or null when it is fine, so callers can name the rule.
 */

const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;

/** A DNS-1123 subdomain (Secret names): at most 253 characters of `a-z`, `0-9`, `-` and `.`. */
export function dns1123SubdomainProblem(name: string): string | null {
  if (name.length === 0) return 'must not be empty';
  if (name.length > 253) return `is ${name.length} characters long, over the limit of 253`;
  if (!SUBDOMAIN.test(name)) {
    return "must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
  }
  return null;
}

/** A DNS-1123 label (namespaces): at most 63 characters of `a-z`, `0-9` and `-`. */
export function dns1123LabelProblem(name: string): string | null {
  if (name.length === 0) return 'must not be empty';
  if (name.length > 63) return `is ${name.length} characters long, over the limit of 63`;
  if (!LABEL.test(name)) return "must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
  return null;
}

/** A Secret/ConfigMap data key: `[-._a-zA-Z0-9]+`, at most 253 characters, not `.` or `..`. */
export function configKeyProblem(key: string): string | null {
  if (key.length === 0) return 'must not be empty';
  if (key.length > 253) return `is ${key.length} characters long, over the limit of 253`;
  if (key === '.' || key === '..') return `must not be "${key}"`;
  if (!CONFIG_KEY.test(key)) return "must consist of alphanumeric characters, '-', '_' or '.'";
  return null;
}
