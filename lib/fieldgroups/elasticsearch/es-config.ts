import { isObject } from '../../config/values';
import { error, required, warning } from '../../report/findings';
import type { Finding } from '../../report/types';
import type { ElasticsearchTarget } from '../../probes/elasticsearch';
import { bothOrNeither, checkKwargs, CONFIG } from './producers';

/**
 * `LOGS_MODEL_CONFIG.elasticsearch_config`, passed as `configure_es(**elasticsearch_config)`
 * (data/logs_model/elastic_logs.py): host and port are positional, other keys raise TypeError.
 * Quay signs with AWS SigV4 only when access_key, secret_key and aws_region are all set, uses basic
 * auth with the two keys alone, and nothing otherwise.
 */

export const ES = `${CONFIG}.elasticsearch_config`;
const ES_KWARGS = {
  known: ['host', 'port', 'access_key', 'secret_key', 'aws_region', 'index_prefix', 'use_ssl', 'index_settings'],
  required: ['host'],
};

/** Quay's VALID_INDEX_PATTERN plus Elasticsearch's own ban on `\`. */
const INDEX_PREFIX = /^(?!\.$|\.\.$|[-_+])[^A-Z:/*?"<>|,#\\ ]{1,255}$/;

const text = (o: Record<string, unknown>, k: string): string | undefined => {
  const v = o[k];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
};

/** The port as Quay passes it to the client: an integer (a numeric string works too). */
function port(es: Record<string, unknown>): number | undefined {
  const v = es.port;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= 65535 ? n : undefined;
}

/** Python truthiness of use_ssl, default true. */
function useSsl(es: Record<string, unknown>): boolean {
  const v = es.use_ssl;
  return v === undefined || v === null ? true : !(v === false || v === 0 || v === '');
}

/** Offline checks of elasticsearch_config; `section` is undefined when absent. */
export function checkEsConfig(config: Record<string, unknown>): Finding[] {
  const es = config.elasticsearch_config;
  if (es === undefined || es === null) return [required(ES, 'for the Elasticsearch logs model')];
  if (!isObject(es)) return [];
  const findings = checkKwargs(es, ES, 'the Elasticsearch logs model', ES_KWARGS);
  const host = text(es, 'host');
  if (host && /^[a-z][a-z0-9+.-]*:\/\/|\//i.test(host)) {
    findings.push(error(`${ES}.host`, `${ES}.host must be a host name, without scheme or path, got "${host}"`, { code: 'host-has-scheme', hint: 'use_ssl chooses http or https' }));
  }
  if (es.port === undefined || es.port === null) findings.push(required(`${ES}.port`, 'by the Elasticsearch logs model'));
  else if (port(es) === undefined) findings.push(error(`${ES}.port`, `${ES}.port must be a port number (1–65535), got ${JSON.stringify(es.port)}`, { code: 'invalid-port' }));
  findings.push(...bothOrNeither(es, ES, 'access_key', 'secret_key'));
  if (es.use_ssl !== undefined && es.use_ssl !== null && typeof es.use_ssl !== 'boolean') {
    findings.push(warning(`${ES}.use_ssl`, `${ES}.use_ssl should be true or false; Quay reads ${JSON.stringify(es.use_ssl)} as ${String(useSsl(es))}`, { code: 'not-boolean' }));
  }
  const keys = text(es, 'access_key') !== undefined && text(es, 'secret_key') !== undefined;
  if (text(es, 'aws_region') && !keys) {
    findings.push(
      warning(
        [`${ES}.aws_region`, `${ES}.access_key`],
        `${ES}.aws_region is set without access_key and secret_key: Quay signs requests only when all three are set, so it connects without authentication`,
        {
          code: 'unsigned-requests',
          hint: 'set access_key and secret_key of an IAM user allowed on the domain',
        },
      ),
    );
  }
  if (keys && !text(es, 'aws_region') && !useSsl(es)) {
    findings.push(warning([`${ES}.use_ssl`, `${ES}.secret_key`], `${ES}: use_ssl is false, so the password (secret_key) travels in clear text with every request`, { code: 'plaintext-credentials' }));
  }
  const prefix = es.index_prefix;
  if (typeof prefix === 'string' && !INDEX_PREFIX.test(prefix)) {
    findings.push(
      error(`${ES}.index_prefix`, `${ES}.index_prefix "${prefix}" is not a valid index name prefix`, {
        code: 'invalid-index-prefix',
        hint: 'lowercase; none of \\ / * ? " < > | , # : or space; not starting with -, _ or +',
      }),
    );
  }
  return findings;
}

/** The probe target for a config that passed the offline checks. */
export function esTarget(config: Record<string, unknown>): ElasticsearchTarget | undefined {
  const es = config.elasticsearch_config;
  if (!isObject(es)) return undefined;
  const host = text(es, 'host');
  const p = port(es);
  if (!host || p === undefined) return undefined;
  const user = text(es, 'access_key');
  const password = text(es, 'secret_key');
  const region = text(es, 'aws_region');
  const auth: ElasticsearchTarget['auth'] =
    user && password && region ? { kind: 'sigv4', region, credentials: { accessKeyId: user, secretAccessKey: password } } : user && password ? { kind: 'basic', user, password } : { kind: 'none' };
  return {
    host,
    port: p,
    useSsl: useSsl(es),
    auth,
    indexPrefix: typeof es.index_prefix === 'string' && es.index_prefix !== '' ? es.index_prefix : 'logentry_',
    fields: {
      location: [ES],
      endpoint: [`${ES}.host`, `${ES}.port`, ...(es.use_ssl !== undefined ? [`${ES}.use_ssl`] : []), ES],
      credentials: [`${ES}.access_key`, `${ES}.secret_key`, ...(region ? [`${ES}.aws_region`] : []), ES],
      indexPrefix: [`${ES}.index_prefix`, ES],
    },
  };
}
