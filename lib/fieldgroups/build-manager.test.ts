import { describe, expect, it } from 'vitest';
import type { Finding } from '../report/types';
import { buildManager } from './build-manager';

const ctx = (config: Record<string, unknown>) => ({ config, files: new Map<string, Uint8Array>(), now: new Date() });
const brief = (fs: Finding[]) => fs.map(({ code, fields, severity }) => ({ code, fields, severity }));
const e = (code: string, ...fields: string[]) => ({ code, fields, severity: 'error' });
const w = (code: string, ...fields: string[]) => ({ code, fields, severity: 'warning' });

const k8s = {
  EXECUTOR: 'kubernetes',
  BUILDER_NAMESPACE: 'builder',
  K8S_API_SERVER: 'api.openshift.example.com:6443',
  SERVICE_ACCOUNT_TOKEN: 'sa-token',
  QUAY_USERNAME: 'builder',
  QUAY_PASSWORD: 'builder-pw',
  WORKER_TAG: 'v3.9',
};
const ec2 = {
  EXECUTOR: 'ec2',
  EC2_REGION: 'us-east-1',
  COREOS_AMI: 'ami-123',
  AWS_ACCESS_KEY: 'AKIA',
  AWS_SECRET_KEY: 'aws-secret',
  EC2_INSTANCE_TYPE: 'c4.xlarge',
  QUAY_USERNAME: 'builder',
  QUAY_PASSWORD: 'builder-pw',
  WORKER_TAG: 'v3.9',
};
const orchestrator = { REDIS_HOST: 'redis.example.com', REDIS_PASSWORD: 'redis-pw', REDIS_SSL: true };
const manager = (settings: Record<string, unknown>) => ({
  FEATURE_BUILD_SUPPORT: true,
  BUILD_MANAGER: ['ephemeral', { ALLOWED_WORKER_COUNT: 1, ORCHESTRATOR_PREFIX: 'buildman/', ORCHESTRATOR: orchestrator, EXECUTORS: [k8s], ...settings }],
});
const P = 'BUILD_MANAGER[1]';

describe('BuildManager', () => {
  it('is skipped unless FEATURE_BUILD_SUPPORT', () => {
    expect(buildManager.skipReason(ctx({ BUILD_MANAGER: 'x' }))).toBe('FEATURE_BUILD_SUPPORT is off');
  });

  const cases: [string, Record<string, unknown>, ReturnType<typeof e>[]][] = [
    ['a complete kubernetes manager', manager({}), []],
    ['an ec2 executor', manager({ EXECUTORS: [ec2] }), []],
    ['popen needs nothing', manager({ EXECUTORS: [{ EXECUTOR: 'popen' }] }), []],
    ['external builds need no settings', { FEATURE_BUILD_SUPPORT: true, BUILD_MANAGER: ['external'] }, []],
    ['build support without BUILD_MANAGER', { FEATURE_BUILD_SUPPORT: true }, [e('required', 'BUILD_MANAGER')]],
    ['a one-entry map instead of a list', { FEATURE_BUILD_SUPPORT: true, BUILD_MANAGER: { ephemeral: {} } }, [e('invalid-shape', 'BUILD_MANAGER')]],
    ['an unknown lifecycle', { FEATURE_BUILD_SUPPORT: true, BUILD_MANAGER: ['enterprise', {}] }, [e('invalid-value', 'BUILD_MANAGER[0]')]],
    ['settings not an object', { FEATURE_BUILD_SUPPORT: true, BUILD_MANAGER: ['ephemeral'] }, [e('invalid-shape', 'BUILD_MANAGER[1]')]],
    ['worker count', manager({ ALLOWED_WORKER_COUNT: 0 }), [e('invalid-value', `${P}.ALLOWED_WORKER_COUNT`)]],
    ['worker count as text', manager({ ALLOWED_WORKER_COUNT: 'two' }), [e('invalid-type', `${P}.ALLOWED_WORKER_COUNT`)]],
    ['no orchestrator', manager({ ORCHESTRATOR: undefined }), [e('required', `${P}.ORCHESTRATOR`)]],
    ['orchestrator without host', manager({ ORCHESTRATOR: { REDIS_PASSWORD: 'x' } }), [e('required', `${P}.ORCHESTRATOR.REDIS_HOST`)]],
    ['legacy prefix in the orchestrator', manager({ ORCHESTRATOR: { ...orchestrator, REDIS_PREFIX: 'x/' } }), [e('legacy-prefix', `${P}.ORCHESTRATOR.REDIS_PREFIX`)]],
    ['non-Redis orchestrator key', manager({ ORCHESTRATOR: { ...orchestrator, ETCD_HOST: 'etcd' } }), [e('invalid-key', `${P}.ORCHESTRATOR.ETCD_HOST`)]],
    ['orchestrator REDIS_SSL as text', manager({ ORCHESTRATOR: { ...orchestrator, REDIS_SSL: 'yes' } }), [e('invalid-type', `${P}.ORCHESTRATOR.REDIS_SSL`)]],
    ['no executors', manager({ EXECUTORS: [] }), [e('required', `${P}.EXECUTORS`)]],
    ['executors not a list', manager({ EXECUTORS: k8s }), [e('invalid-type', `${P}.EXECUTORS`)]],
    ['unknown executor kind', manager({ EXECUTORS: [{ ...k8s, EXECUTOR: 'docker' }] }), [e('invalid-value', `${P}.EXECUTORS[0].EXECUTOR`)]],
    ['executor without kind', manager({ EXECUTORS: [{ NAME: 'x' }] }), [e('required', `${P}.EXECUTORS[0].EXECUTOR`)]],
    ['executor not an object', manager({ EXECUTORS: ['kubernetes'] }), [e('invalid-type', `${P}.EXECUTORS[0]`)]],
    ['k8s API server with a scheme', manager({ EXECUTORS: [{ ...k8s, K8S_API_SERVER: 'https://api.example.com:6443' }] }), [e('invalid-value', `${P}.EXECUTORS[0].K8S_API_SERVER`)]],
    ['k8s without API server', manager({ EXECUTORS: [{ ...k8s, K8S_API_SERVER: undefined }] }), [e('required', `${P}.EXECUTORS[0].K8S_API_SERVER`)]],
    ['k8s default namespace', manager({ EXECUTORS: [{ ...k8s, BUILDER_NAMESPACE: undefined }] }), [w('default-used', `${P}.EXECUTORS[0].BUILDER_NAMESPACE`)]],
    ['k8s without credentials', manager({ EXECUTORS: [{ ...k8s, SERVICE_ACCOUNT_TOKEN: undefined }] }), [w('k8s-unauthenticated', `${P}.EXECUTORS[0].SERVICE_ACCOUNT_TOKEN`)]],
    ['k8s with a client certificate', manager({ EXECUTORS: [{ ...k8s, SERVICE_ACCOUNT_TOKEN: undefined, K8S_API_TLS_CERT: '/c', K8S_API_TLS_KEY: '/k' }] }), []],
    ['k8s distribution', manager({ EXECUTORS: [{ ...k8s, KUBERNETES_DISTRIBUTION: 'eks' }] }), [e('invalid-value', `${P}.EXECUTORS[0].KUBERNETES_DISTRIBUTION`)]],
    ['k8s distribution is case-insensitive', manager({ EXECUTORS: [{ ...k8s, KUBERNETES_DISTRIBUTION: 'OpenShift' }] }), []],
    ['container runtime', manager({ EXECUTORS: [{ ...k8s, CONTAINER_RUNTIME: 'containerd' }] }), [e('invalid-value', `${P}.EXECUTORS[0].CONTAINER_RUNTIME`)]],
    [
      'kubernetes builders need the cloud-config keys',
      manager({ EXECUTORS: [{ ...k8s, QUAY_USERNAME: undefined, WORKER_TAG: undefined }] }),
      [e('required', `${P}.EXECUTORS[0].QUAY_USERNAME`), e('required', `${P}.EXECUTORS[0].WORKER_TAG`)],
    ],
    ['kubernetesPodman does not', manager({ EXECUTORS: [{ ...k8s, EXECUTOR: 'kubernetesPodman', QUAY_USERNAME: undefined, QUAY_PASSWORD: undefined, WORKER_TAG: undefined }] }), []],
    ['SSH keys must be strings', manager({ EXECUTORS: [{ ...k8s, SSH_AUTHORIZED_KEYS: ['ssh-rsa AAA', 1] }] }), [e('invalid-type', `${P}.EXECUTORS[0].SSH_AUTHORIZED_KEYS[1]`)]],
    ['SETUP_TIME', manager({ EXECUTORS: [{ ...k8s, SETUP_TIME: -1 }] }), [e('invalid-type', `${P}.EXECUTORS[0].SETUP_TIME`)]],
    [
      'ec2 required keys',
      manager({ EXECUTORS: [{ EXECUTOR: 'ec2', QUAY_USERNAME: 'u', QUAY_PASSWORD: 'p', WORKER_TAG: 't', COREOS_AMI: 'ami' }] }),
      ['EC2_REGION', 'AWS_ACCESS_KEY', 'AWS_SECRET_KEY', 'EC2_INSTANCE_TYPE'].map((k) => e('required', `${P}.EXECUTORS[0].${k}`)),
    ],
    ['ec2 without AMI looks it up', manager({ EXECUTORS: [{ ...ec2, COREOS_AMI: undefined }] }), [w('coreos-ami-missing', `${P}.EXECUTORS[0].COREOS_AMI`)]],
    ['ec2 subnet needs security groups', manager({ EXECUTORS: [{ ...ec2, EC2_VPC_SUBNET_ID: 'subnet-1' }] }), [e('required', `${P}.EXECUTORS[0].EC2_SECURITY_GROUP_IDS`)]],
    ['ec2 subnet with security groups', manager({ EXECUTORS: [{ ...ec2, EC2_VPC_SUBNET_ID: 'subnet-1', EC2_SECURITY_GROUP_IDS: ['sg-1'] }] }), []],
    ['two executors with the default name', manager({ EXECUTORS: [k8s, k8s] }), [e('duplicate-executor-name', `${P}.EXECUTORS[0].NAME`, `${P}.EXECUTORS[1].NAME`)]],
    [
      'two executors with distinct names',
      manager({
        EXECUTORS: [
          { ...k8s, NAME: 'a' },
          { ...k8s, NAME: 'b' },
        ],
      }),
      [],
    ],
    [
      'legacy single executor',
      manager({ EXECUTORS: undefined, EXECUTOR: 'kubernetes', EXECUTOR_CONFIG: { ...k8s, EXECUTOR: undefined, K8S_API_SERVER: 'http://x' } }),
      [e('invalid-value', `${P}.EXECUTOR_CONFIG.K8S_API_SERVER`)],
    ],
    ['legacy single executor of unknown kind', manager({ EXECUTORS: undefined, EXECUTOR: 'qemu', EXECUTOR_CONFIG: {} }), [e('invalid-value', `${P}.EXECUTOR`)]],
  ];
  it.each(cases)('%s', (_n, config, expected) => {
    expect(brief(buildManager.rules(ctx(config)))).toEqual(expected);
  });

  it('never shows a secret', () => {
    const fs = buildManager.rules(ctx(manager({ EXECUTORS: [{ ...ec2, EC2_REGION: undefined, K8S_API_SERVER: 'https://x' }] })));
    expect(JSON.stringify(fs)).not.toMatch(/aws-secret|builder-pw|redis-pw/);
  });
});
