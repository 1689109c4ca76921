import { isObject } from './values';

/** Key names whose values are secrets (passwords, keys, PSKs, tokens, private keys). */
const SECRET_KEY_NAME = /(PASSWORD|PASSWD|SECRET|PSK|TOKEN|PRIVATE|_KEY$|^KEY$|ACCESS_KEY|API_KEY|CREDENTIALS?$|_AUTH$)/i;
/** Not secrets even though their name looks like one. */
const NOT_SECRET = /^(CLOUDFRONT_KEY_ID|KEY_ID|cloudfront_key_id|.*_KEY_ID|.*_KEY_ID_LOCATION|.*_EXPIRATION|.*_LIFETIME|TOKEN_KIND|access_key|s3_access_key|aws_access_key|ACCESS_KEY_ID)$/i;

export function isSecretKeyName(name: string): boolean {
  return SECRET_KEY_NAME.test(name) && !NOT_SECRET.test(name);
}

/** Every secret value in a config: values under secret-looking key names and passwords inside URIs. */
export function collectSecrets(config: unknown): string[] {
  const found = new Set<string>();
  const visit = (value: unknown, name: string, depth: number) => {
    if (depth > 32) return;
    if (typeof value === 'string') {
      if (isSecretKeyName(name) && value.length >= 3) found.add(value);
      // Credentials in query strings (Azure SAS `sig=`, tokens, passwords).
      for (const m of value.matchAll(/[?&;](?:sig|signature|x-amz-signature|token|access_token|password|passwd|secret|key)=([^&;\s]{3,})/gi)) {
        if (m[1]) found.add(m[1]);
      }
      // The scheme may only start where no scheme character precedes it, and the password is
      // bounded: otherwise a long value without "://…@" (a 1 MiB host name) costs quadratic time.
      for (const m of value.matchAll(/(?<![a-z0-9+.-])[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:([^@\s]{1,1024})@/gi)) {
        if (m[1] && m[1].length >= 2) {
          found.add(m[1]);
          try {
            found.add(decodeURIComponent(m[1]));
          } catch {
            /* not percent-encoded */
          }
        }
      }
    } else if (typeof value === 'number' && isSecretKeyName(name)) {
      found.add(String(value));
    } else if (Array.isArray(value)) {
      value.forEach((v) => visit(v, name, depth + 1));
    } else if (isObject(value)) {
      for (const [k, v] of Object.entries(value)) visit(v, k, depth + 1);
    }
  };
  visit(config, '', 0);
  return [...found].sort((a, b) => b.length - a.length);
}

const WORD = /[A-Za-z0-9_]/;

/**
 * Replaces every whole-token occurrence of a secret in `text` with `***`: the safety net behind the
 * rules, which never interpolate secret values in the first place. Whole tokens only, so a password
 * `pass` leaves the tool's own word "passwords" alone (masking it would read "***words" and give the
 * password away), while `postgres://quay:pass@db` still loses it.
 */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) {
    if (!s || !out.includes(s)) continue;
    const wordStart = WORD.test(s[0] ?? '');
    const wordEnd = WORD.test(s[s.length - 1] ?? '');
    let result = '';
    let from = 0;
    for (let i = out.indexOf(s); i !== -1; i = out.indexOf(s, i + 1)) {
      if (i < from) continue;
      const joinedLeft = wordStart && i > 0 && WORD.test(out[i - 1] ?? '');
      const joinedRight = wordEnd && WORD.test(out[i + s.length] ?? '');
      if (joinedLeft || joinedRight) continue;
      result += `${out.slice(from, i)}***`;
      from = i + s.length;
    }
    out = result + out.slice(from);
  }
  return out;
}
