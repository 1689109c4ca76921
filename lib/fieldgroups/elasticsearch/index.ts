import { isObject } from '../../config/values';
import { error, required } from '../../report/findings';
import type { Finding } from '../../report/types';
import { probeElasticsearch } from '../../probes/elasticsearch';
import { defineFieldGroup, type RuleContext } from '../define';
import { didYouMean } from '../distributed-storage/did-you-mean';
import { checkEsConfig, ES, esTarget } from './es-config';
import { checkProducerSection, CONFIG } from './producers';

/** LOGS_MODEL values Quay knows (data/logs_model/__init__.py `_LOG_MODELS`); another one crashes it. */
const MODELS = ['database', 'transition_reads_both_writes_es', 'elasticsearch', 'splunk'];
/** Models that build a DocumentLogsModel, i.e. need elasticsearch_config and an ES-side producer. */
const ES_MODELS = ['elasticsearch', 'transition_reads_both_writes_es'];
/** Producers DocumentLogsModel accepts; any other raises "Invalid log producer". */
const ES_PRODUCERS = ['elasticsearch', 'kinesis_stream', 'kafka'];
const SPLUNK_PRODUCERS = ['splunk', 'splunk_hec'];

const model = (ctx: RuleContext): unknown => ctx.config.LOGS_MODEL ?? 'database';
const producerOf = (ctx: RuleContext): unknown => (isObject(ctx.config[CONFIG]) ? ctx.config[CONFIG].producer : undefined);

/**
 * Action logs in Elasticsearch (and the other LOGS_MODEL backends' configuration). Applies whenever
 * LOGS_MODEL is not `database` — including `transition_reads_both_writes_es`, which config-tool
 * skipped, and an unknown value, which Quay cannot start with — or the producer is elasticsearch.
 */
export const elasticSearch = defineFieldGroup({
  id: 'ElasticSearch',
  title: 'Action logs (Elasticsearch)',
  keys: ['LOGS_MODEL', 'LOGS_MODEL_CONFIG'],
  skipReason(ctx) {
    return model(ctx) === 'database' && producerOf(ctx) !== 'elasticsearch' ? 'LOGS_MODEL is database' : null;
  },
  rules(ctx) {
    const m = model(ctx);
    const findings: Finding[] = [];
    if (typeof m === 'string' && !MODELS.includes(m)) {
      const guess = didYouMean(m, MODELS);
      findings.push(error('LOGS_MODEL', `LOGS_MODEL "${m}" is not a logs model (${MODELS.join(', ')})${guess ? `; did you mean "${guess}"?` : ''}`, { code: 'invalid-logs-model' }));
    }
    if (typeof m !== 'string' || !(ES_MODELS.includes(m) || m === 'splunk')) return findings;
    const config = ctx.config[CONFIG];
    if (config === undefined || config === null) return [...findings, required(CONFIG, `when LOGS_MODEL is ${m}`)];
    if (!isObject(config)) return findings;
    const producer = config.producer;
    const allowed = m === 'splunk' ? SPLUNK_PRODUCERS : ES_PRODUCERS;
    if (producer === undefined || producer === null || producer === '') {
      findings.push({ ...required(`${CONFIG}.producer`, `when LOGS_MODEL is ${m}`), hint: `one of ${allowed.join(', ')}` });
    } else if (typeof producer === 'string' && !allowed.includes(producer)) {
      findings.push(error(`${CONFIG}.producer`, `${CONFIG}.producer "${producer}" does not work with LOGS_MODEL ${m} (use ${allowed.join(', ')})`, { code: 'invalid-producer' }));
    }
    if (ES_MODELS.includes(m)) findings.push(...checkEsConfig(config));
    if (typeof producer === 'string' && allowed.includes(producer)) findings.push(...checkProducerSection(config, producer));
    return findings;
  },
  probes(ctx) {
    const m = model(ctx);
    const config = ctx.config[CONFIG];
    if (typeof m !== 'string' || !ES_MODELS.includes(m) || !isObject(config)) return [];
    const target = esTarget(config);
    if (!target) return [];
    const es = isObject(config.elasticsearch_config) ? config.elasticsearch_config : {};
    const keys = new Set(['host', 'port', 'access_key', 'secret_key', 'aws_region', 'use_ssl', 'index_prefix', ...Object.keys(es)]);
    return [
      {
        name: `Elasticsearch ${target.host}:${target.port}`,
        fields: ['LOGS_MODEL', CONFIG, ES, ...[...keys].map((k) => `${ES}.${k}`)],
        run: (pctx) => probeElasticsearch(target, pctx),
      },
    ];
  },
});
