import { describe, expect, it } from 'vitest';
import { elasticSearch } from './index';
import { esTarget } from './es-config';

const ctx = (config: Record<string, unknown>) => ({ config, files: new Map(), now: new Date() });
const findings = (config: Record<string, unknown>) => elasticSearch.rules(ctx(config)).map((f) => ({ code: f.code, severity: f.severity, field: f.fields[0] }));
const ES = 'LOGS_MODEL_CONFIG.elasticsearch_config';
const e = (code: string, field: string) => ({ code, severity: 'error', field });
const w = (code: string, field: string) => ({ code, severity: 'warning', field });
const good = { host: 'es.example.com', port: 9200, access_key: 'quay', secret_key: 'pw', index_prefix: 'logentry_' };
const esModel = (es: Record<string, unknown> | undefined, extra: Record<string, unknown> = {}, model = 'elasticsearch') => ({
  LOGS_MODEL: model,
  LOGS_MODEL_CONFIG: { producer: 'elasticsearch', ...(es ? { elasticsearch_config: es } : {}), ...extra },
});

describe('ElasticSearch: when the group applies', () => {
  it.each([
    [{}, 'LOGS_MODEL is database'],
    [{ LOGS_MODEL: 'database' }, 'LOGS_MODEL is database'],
    [{ LOGS_MODEL: 'elasticsearch' }, null],
    [{ LOGS_MODEL: 'transition_reads_both_writes_es' }, null],
    [{ LOGS_MODEL: 'splunk' }, null],
    [{ LOGS_MODEL: 'elastic' }, null],
    [{ LOGS_MODEL_CONFIG: { producer: 'elasticsearch' } }, null],
  ])('%o → %s', (config, reason) => {
    expect(elasticSearch.skipReason(ctx(config))).toBe(reason);
  });
});

describe('ElasticSearch rules', () => {
  it.each([
    ['a complete config', esModel(good), []],
    ['transition model checked like elasticsearch', esModel({ ...good, port: undefined }, {}, 'transition_reads_both_writes_es'), [e('required', `${ES}.port`)]],
    ['unknown LOGS_MODEL, with a suggestion', { LOGS_MODEL: 'elasticserch' }, [e('invalid-logs-model', 'LOGS_MODEL')]],
    ['LOGS_MODEL_CONFIG missing', { LOGS_MODEL: 'elasticsearch' }, [e('required', 'LOGS_MODEL_CONFIG')]],
    ['LOGS_MODEL_CONFIG of the wrong type (Schema reports it)', { LOGS_MODEL: 'elasticsearch', LOGS_MODEL_CONFIG: 'x' }, []],
    ['producer missing', { LOGS_MODEL: 'elasticsearch', LOGS_MODEL_CONFIG: { elasticsearch_config: good } }, [e('required', 'LOGS_MODEL_CONFIG.producer')]],
    ['a Splunk producer with the Elasticsearch model', esModel(good, { producer: 'splunk' }), [e('invalid-producer', 'LOGS_MODEL_CONFIG.producer')]],
    ['elasticsearch_config missing', esModel(undefined), [e('required', ES)]],
    ['host and port missing', esModel({ access_key: 'a', secret_key: 'b' }), [e('required', `${ES}.host`), e('required', `${ES}.port`)]],
    ['host with a scheme', esModel({ ...good, host: 'https://es.example.com' }), [e('host-has-scheme', `${ES}.host`)]],
    ['port not a port', esModel({ ...good, port: 'http' }), [e('invalid-port', `${ES}.port`)]],
    ['port as numeric string', esModel({ ...good, port: '9200' }), []],
    ['only one key', esModel({ ...good, secret_key: undefined }), [e('partial-credentials', `${ES}.secret_key`)]],
    ['an unknown setting (TypeError in configure_es)', esModel({ ...good, index_prefx: 'x' }), [e('unknown-parameter', `${ES}.index_prefx`)]],
    ['use_ssl as a string', esModel({ ...good, use_ssl: 'false' }), [w('not-boolean', `${ES}.use_ssl`)]],
    ['basic auth over plain HTTP', esModel({ ...good, use_ssl: false }), [w('plaintext-credentials', `${ES}.use_ssl`)]],
    ['aws_region without keys: Quay sends unsigned requests', esModel({ host: 'vpc-x.es.amazonaws.com', port: 443, aws_region: 'us-east-1' }), [w('unsigned-requests', `${ES}.aws_region`)]],
    ['SigV4 keys + region over HTTP is not clear-text', esModel({ ...good, aws_region: 'us-east-1', use_ssl: false }), []],
  ])('%s', (_name, config, expected) => {
    expect(findings(config)).toEqual(expected);
  });

  it.each(['Logentry_', 'log*', 'log?', 'log"', 'log<', 'log>', 'log|', 'log entry', 'log,', 'log#', '-log', '_log', '+log', 'log:x', 'log/x', 'log\\x', '.', '..'])(
    'index_prefix %j is rejected',
    (prefix) => {
      expect(findings(esModel({ ...good, index_prefix: prefix }))).toEqual([e('invalid-index-prefix', `${ES}.index_prefix`)]);
    },
  );

  it.each(['logentry_', 'quay-logs.', 'a', 'qu@y_'])('index_prefix %j is accepted', (prefix) => {
    expect(findings(esModel({ ...good, index_prefix: prefix }))).toEqual([]);
  });

  it('suggests the model a typo meant', () => {
    expect(elasticSearch.rules(ctx({ LOGS_MODEL: 'elasticserch' }))[0]?.message).toContain('did you mean "elasticsearch"');
  });
});

describe('ElasticSearch: producer sections', () => {
  const K = 'LOGS_MODEL_CONFIG.kinesis_stream_config';
  const KF = 'LOGS_MODEL_CONFIG.kafka_config';
  it.each([
    ['kinesis without its section', esModel(good, { producer: 'kinesis_stream' }), [e('required', K)]],
    ['kinesis without stream and region', esModel(good, { producer: 'kinesis_stream', kinesis_stream_config: {} }), [e('required', `${K}.stream_name`), e('required', `${K}.aws_region`)]],
    [
      'kinesis "retries" (Quay calls it max_retries)',
      esModel(good, { producer: 'kinesis_stream', kinesis_stream_config: { stream_name: 's', aws_region: 'r', retries: 3 } }),
      [e('unknown-parameter', `${K}.retries`)],
    ],
    [
      'kinesis with one AWS key',
      esModel(good, { producer: 'kinesis_stream', kinesis_stream_config: { stream_name: 's', aws_region: 'r', aws_access_key: 'a' } }),
      [e('partial-credentials', `${K}.aws_secret_key`)],
    ],
    ['kafka without servers and topic', esModel(good, { producer: 'kafka', kafka_config: {} }), [e('required', `${KF}.topic`), e('required', `${KF}.bootstrap_servers`)]],
    [
      'kafka with a URL as server',
      esModel(good, { producer: 'kafka', kafka_config: { topic: 't', bootstrap_servers: ['kafka:9092', 'http://kafka:9092'] } }),
      [e('invalid-server', `${KF}.bootstrap_servers[1]`)],
    ],
    ['kafka complete', esModel(good, { producer: 'kafka', kafka_config: { topic: 't', bootstrap_servers: ['kafka-0:9092'], max_block_seconds: 5 } }), []],
    ['splunk model: needs a splunk producer', { LOGS_MODEL: 'splunk', LOGS_MODEL_CONFIG: { producer: 'elasticsearch' } }, [e('invalid-producer', 'LOGS_MODEL_CONFIG.producer')]],
    [
      'splunk producer fields',
      { LOGS_MODEL: 'splunk', LOGS_MODEL_CONFIG: { producer: 'splunk', splunk_config: { host: 'h' } } },
      [e('required', 'LOGS_MODEL_CONFIG.splunk_config.port'), e('required', 'LOGS_MODEL_CONFIG.splunk_config.bearer_token')],
    ],
    [
      'splunk_hec producer fields',
      { LOGS_MODEL: 'splunk', LOGS_MODEL_CONFIG: { producer: 'splunk_hec', splunk_hec_config: { host: 'h' } } },
      [e('required', 'LOGS_MODEL_CONFIG.splunk_hec_config.hec_token')],
    ],
  ])('%s', (_name, config, expected) => {
    expect(findings(config)).toEqual(expected);
  });
});

describe('ElasticSearch probe target', () => {
  it.each([
    [good, 'basic', true],
    [{ ...good, aws_region: 'eu-west-1' }, 'sigv4', true],
    [{ host: 'h', port: 9200, use_ssl: false }, 'none', false],
  ])('%o → auth %s, https %s', (es, kind, https) => {
    const t = esTarget({ elasticsearch_config: es });
    expect([t?.auth.kind, t?.useSsl, t?.indexPrefix]).toEqual([kind, https, 'logentry_']);
  });

  it('no probe for the splunk model or the database model', () => {
    expect(elasticSearch.probes?.(ctx({ LOGS_MODEL: 'splunk', LOGS_MODEL_CONFIG: { producer: 'splunk', elasticsearch_config: good } }))).toEqual([]);
    expect(elasticSearch.probes?.(ctx(esModel(good))).map((p) => p.name)).toEqual(['Elasticsearch es.example.com:9200']);
  });
});
