import { isObject } from '../../config/values';
import { error, required } from '../../report/findings';
import type { Finding } from '../../report/types';
import { didYouMean } from '../distributed-storage/did-you-mean';

/**
 * Checks of the log producers' sections of LOGS_MODEL_CONFIG, from the constructors Quay calls
 * with `**config` (data/logs_model/logs_producer/*.py): an unknown key is a TypeError at start-up.
 */

export const CONFIG = 'LOGS_MODEL_CONFIG';

/** Keys a constructor accepts, and which of them it needs. */
export interface KwargsSpec {
  known: readonly string[];
  required: readonly string[];
}

/** Unknown keys (with a did-you-mean) and missing required ones of one config section. */
export function checkKwargs(section: Record<string, unknown>, path: string, owner: string, spec: KwargsSpec): Finding[] {
  const findings: Finding[] = [];
  for (const key of Object.keys(section)) {
    if (spec.known.includes(key)) continue;
    const guess = didYouMean(key, spec.known);
    findings.push(
      error(`${path}.${key}`, `${path}.${key}: ${owner} takes no setting "${key}"${guess ? ` (did you mean "${guess}"?)` : ''}`, {
        code: 'unknown-parameter',
        hint: `Quay fails to start with an unexpected keyword argument; ${guess ? `rename it to "${guess}"` : 'remove it'}`,
      }),
    );
  }
  for (const key of spec.required) {
    const v = section[key];
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) findings.push(required(`${path}.${key}`, `by ${owner}`));
  }
  return findings;
}

/** `KinesisStreamLogsProducer(stream_name, aws_region, aws_access_key, aws_secret_key, …)`. */
const KINESIS: KwargsSpec = {
  known: ['stream_name', 'aws_region', 'aws_access_key', 'aws_secret_key', 'connect_timeout', 'read_timeout', 'max_retries', 'max_pool_connections'],
  required: ['stream_name', 'aws_region'],
};

/** `KafkaLogsProducer(bootstrap_servers, topic, client_id, max_block_seconds)`; without servers it dials localhost. */
const KAFKA: KwargsSpec = { known: ['bootstrap_servers', 'topic', 'client_id', 'max_block_seconds'], required: ['topic'] };

/** The section a producer reads, and its checks. */
export function checkProducerSection(config: Record<string, unknown>, producer: string): Finding[] {
  const sectionKey =
    producer === 'kinesis_stream'
      ? 'kinesis_stream_config'
      : producer === 'kafka'
        ? 'kafka_config'
        : producer === 'splunk'
          ? 'splunk_config'
          : producer === 'splunk_hec'
            ? 'splunk_hec_config'
            : undefined;
  if (!sectionKey) return [];
  const path = `${CONFIG}.${sectionKey}`;
  const section = config[sectionKey];
  if (section === undefined || section === null) return [required(path, `when ${CONFIG}.producer is ${producer}`)];
  if (!isObject(section)) return [];
  if (producer === 'kinesis_stream') return [...checkKwargs(section, path, 'the Kinesis producer', KINESIS), ...bothOrNeither(section, path, 'aws_access_key', 'aws_secret_key')];
  if (producer === 'kafka') return [...checkKwargs(section, path, 'the Kafka producer', KAFKA), ...checkKafkaServers(section, path)];
  if (producer === 'splunk') return checkKwargs(section, path, 'the Splunk producer', { known: Object.keys(section), required: ['host', 'port', 'bearer_token'] });
  return checkKwargs(section, path, 'the Splunk HEC producer', { known: Object.keys(section), required: ['host', 'hec_token'] });
}

function checkKafkaServers(section: Record<string, unknown>, path: string): Finding[] {
  const servers = section.bootstrap_servers;
  const p = `${path}.bootstrap_servers`;
  if (servers === undefined || servers === null || (Array.isArray(servers) && servers.length === 0)) {
    return [error(p, `${p} is required: without it the Kafka producer dials localhost:9092`, { code: 'required', hint: 'e.g. [kafka-0.example.com:9092]' })];
  }
  if (!Array.isArray(servers)) return [];
  return servers.flatMap((s, i) =>
    typeof s === 'string' && !/^[^\s:/]+(:\d{1,5})?$/.test(s) && !/^\[[0-9a-f:]+\](:\d{1,5})?$/i.test(s)
      ? [error(`${p}[${i}]`, `${p}[${i}] must be host:port, got "${s}"`, { code: 'invalid-server' })]
      : [],
  );
}

/** Both keys or neither: with one, Quay's AWS clients fail (or silently go without credentials). */
export function bothOrNeither(section: Record<string, unknown>, path: string, a: string, b: string): Finding[] {
  const has = (k: string) => {
    const v = section[k];
    return typeof v === 'string' && v.trim() !== '';
  };
  if (has(a) === has(b)) return [];
  const missing = has(a) ? b : a;
  return [error([`${path}.${missing}`, `${path}.${has(a) ? a : b}`], `${path}.${missing} is missing: set both ${a} and ${b}, or neither`, { code: 'partial-credentials' })];
}
