import { MIN_PSK_BYTES, decodeStandardBase64 } from '../keys/psk';
import { flag, has, nonEmpty, num, str, truthy } from '../config/values';
import { probeClairV2, probeClairV4 } from '../probes/clair';
import { error, warning } from '../report/findings';
import type { Finding } from '../report/types';
import { defineFieldGroup, type Probe, type RuleContext } from './define';

const V4 = 'SECURITY_SCANNER_V4_ENDPOINT';
const V2 = 'SECURITY_SCANNER_ENDPOINT';
const PSK = 'SECURITY_SCANNER_V4_PSK';

/**
 * The security scanner (Clair). Beyond config-tool (endpoints present and URLs): the PSK as Quay
 * decodes it, the notification flag Quay really reads, Quay's layer-size format, and a live,
 * signed request to Clair v4. config-tool never contacted the scanner (quay-config-tool.md §3).
 */
export const securityScanner = defineFieldGroup({
  id: 'SecurityScanner',
  title: 'Security scanner',
  keys: [
    'FEATURE_SECURITY_SCANNER',
    V2,
    V4,
    PSK,
    'SECURITY_SCANNER_INDEXING_INTERVAL',
    'SECURITY_SCANNER_V4_NAMESPACE_WHITELIST',
    'SECURITY_SCANNER_V4_INDEX_MAX_LAYER_SIZE',
    'SECURITY_SCANNER_NOTIFICATIONS',
    'FEATURE_SECURITY_NOTIFICATIONS',
    'SECURITY_SCANNER_ISSUER_NAME',
  ],
  skipReason: ({ config }) => (flag(config, 'FEATURE_SECURITY_SCANNER', false) ? null : 'FEATURE_SECURITY_SCANNER is off'),
  rules: (ctx) => rules(ctx),
  probes: (ctx) => probes(ctx),
});

function rules({ config }: RuleContext): Finding[] {
  const findings: Finding[] = [];
  const v4 = nonEmpty(config, V4);
  const v2 = nonEmpty(config, V2);
  if (v4 === undefined && v2 === undefined && !isWrongType(config, V4) && !isWrongType(config, V2)) {
    findings.push(
      error([V4, V2], `one of ${V4} (Clair v4) or ${V2} (Clair v2) is required when FEATURE_SECURITY_SCANNER is on`, {
        code: 'scanner-endpoint-required',
        hint: 'e.g. SECURITY_SCANNER_V4_ENDPOINT: http://clair.example.com:8080',
      }),
    );
  }
  for (const [key, value] of [
    [V4, v4],
    [V2, v2],
  ] as const) {
    if (value !== undefined && !httpUrl(value)) {
      findings.push(error(key, `${key} must be an http:// or https:// URL, not "${value}"`, { code: 'invalid-url' }));
    }
  }
  const v4Url = v4 === undefined ? undefined : httpUrl(v4);
  if (v4Url && v4Url.pathname !== '/' && v4Url.pathname !== '') {
    findings.push(
      warning(V4, `${V4} has a path (${v4Url.pathname}) that Quay drops: it calls ${v4Url.origin}/indexer/api/v1/…`, {
        code: 'endpoint-path-ignored',
        hint: "Quay joins Clair's absolute API paths to the endpoint (urljoin), so a path prefix behind a proxy does not work: give only scheme, host and port",
      }),
    );
  }
  if (v4 === undefined && v2 !== undefined) {
    findings.push(
      warning(V2, `${V2} is Clair v2, which current Quay releases no longer use`, {
        code: 'clair-v2-deprecated',
        hint: 'deploy Clair v4 and set SECURITY_SCANNER_V4_ENDPOINT and SECURITY_SCANNER_V4_PSK',
      }),
    );
  }
  if (v4 !== undefined) findings.push(...pskFindings(config));
  findings.push(...otherFindings(config, v4 !== undefined));
  return findings;
}

function pskFindings(config: RuleContext['config']): Finding[] {
  const raw = config[PSK];
  if (raw !== undefined && raw !== null && typeof raw !== 'string') return []; // the Schema check reports the type
  // Quay signs only when the decoded PSK is non-empty (`if self.jwt_psk:` in util/secscan/v4/api.py).
  if (raw === undefined || raw === null || raw === '') {
    return [
      warning(PSK, `${PSK} is not set: Quay calls Clair without a token, which a Clair with auth.psk configured rejects (and an unauthenticated Clair accepts from anyone)`, {
        code: 'psk-missing',
        hint: 'generate a PSK (≥ 32 random bytes, base64) and put the same text into Clair\'s auth.psk.key with iss: ["quay"]',
      }),
    ];
  }
  const decoded = decodeStandardBase64(raw);
  if (!decoded) {
    return [
      error(PSK, `${PSK} is not standard base64 with padding (A–Z, a–z, 0–9, +, /, trailing =)`, {
        code: 'psk-not-base64',
        hint: "Quay decodes it with Python's base64.b64decode, which drops other characters and then signs with a different key than Clair uses: generate a new PSK and set it on both sides",
      }),
    ];
  }
  if (decoded.length < MIN_PSK_BYTES) {
    return [
      warning(PSK, `${PSK} decodes to only ${decoded.length} bytes (fewer than ${MIN_PSK_BYTES}): a weak key for signing Clair's tokens`, {
        code: 'psk-weak',
        hint: 'config-tool\'s "Generate PSK" used Math.random and made 9–16 byte keys: generate a new one and set it on both Quay and Clair',
      }),
    ];
  }
  return [];
}

function otherFindings(config: RuleContext['config'], hasV4: boolean): Finding[] {
  const findings: Finding[] = [];
  const interval = num(config, 'SECURITY_SCANNER_INDEXING_INTERVAL');
  if (interval !== undefined && interval <= 0) {
    findings.push(error('SECURITY_SCANNER_INDEXING_INTERVAL', `SECURITY_SCANNER_INDEXING_INTERVAL must be a positive number of seconds, not ${interval}`, { code: 'not-positive' }));
  }
  const layer = str(config, 'SECURITY_SCANNER_V4_INDEX_MAX_LAYER_SIZE');
  // Quay parses it as digits + one upper-case unit of B, K, M, G, T (_layer_size_str_to_bytes) and
  // fails the indexing worker on anything else ("8GB", "8g", "1.5G" mis-parse or crash).
  if (layer !== undefined && layer !== '' && !/^\d+[BKMGT]$/.test(layer)) {
    findings.push(
      error('SECURITY_SCANNER_V4_INDEX_MAX_LAYER_SIZE', `SECURITY_SCANNER_V4_INDEX_MAX_LAYER_SIZE "${layer}" is not digits followed by B, K, M, G or T`, {
        code: 'invalid-layer-size',
        hint: 'e.g. 8G (upper-case unit, no "B" after it, no decimals)',
      }),
    );
  }
  if (has(config, 'SECURITY_SCANNER_NOTIFICATIONS')) {
    const wanted = truthy(config.SECURITY_SCANNER_NOTIFICATIONS);
    const actual = flag(config, 'FEATURE_SECURITY_NOTIFICATIONS', false);
    findings.push(
      warning(
        'SECURITY_SCANNER_NOTIFICATIONS',
        `Quay does not read SECURITY_SCANNER_NOTIFICATIONS (a name config-tool used); its flag is FEATURE_SECURITY_NOTIFICATIONS${wanted !== actual ? `, which is ${actual ? 'on' : 'off'}` : ''}`,
        {
          code: 'notifications-key-ignored',
          hint: `set FEATURE_SECURITY_NOTIFICATIONS: ${wanted} and remove SECURITY_SCANNER_NOTIFICATIONS`,
        },
      ),
    );
  }
  if (flag(config, 'FEATURE_SECURITY_NOTIFICATIONS', false) && !hasV4) {
    findings.push(
      warning(['FEATURE_SECURITY_NOTIFICATIONS', V4], "FEATURE_SECURITY_NOTIFICATIONS is on, but security notifications come from Clair v4's notifier and SECURITY_SCANNER_V4_ENDPOINT is not set", {
        code: 'notifications-need-v4',
      }),
    );
  }
  return findings;
}

function probes({ config }: RuleContext): Probe[] {
  const list: Probe[] = [];
  const v4 = nonEmpty(config, V4);
  if (v4 !== undefined && httpUrl(v4)) {
    const raw = str(config, PSK);
    const psk = raw ? decodeStandardBase64(raw) : undefined;
    const fields = [V4, PSK];
    list.push({ name: `Clair v4 at ${v4}`, fields, run: (ctx) => probeClairV4({ endpoint: v4, fields, ...(psk ? { psk } : {}) }, ctx) });
  }
  const v2 = nonEmpty(config, V2);
  if (v2 !== undefined && httpUrl(v2)) {
    list.push({ name: `Clair v2 at ${v2}`, fields: [V2], run: (ctx) => probeClairV2(v2, [V2], ctx) });
  }
  return list;
}

function httpUrl(value: string): URL | undefined {
  try {
    const u = new URL(value);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '' ? u : undefined;
  } catch {
    return undefined;
  }
}

function isWrongType(config: RuleContext['config'], key: string): boolean {
  return has(config, key) && typeof config[key] !== 'string';
}
