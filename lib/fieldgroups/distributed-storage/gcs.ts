import { probeGcsStorage } from '../../probes/gcs';
import { joinStoragePath, probeObjectName } from '../../probes/probe-kit';
import { locationPath, param, paramPath, type EngineSpec } from './engine';

/** GoogleCloudStorage(context, storage_path, access_key, secret_key, bucket_name): HMAC keys, all required. */
export const googleCloudStorage: EngineSpec = {
  name: 'GoogleCloudStorage',
  params: {
    storage_path: { kind: 'string', required: true, allowEmpty: true },
    access_key: { kind: 'string', required: true },
    secret_key: { kind: 'string', required: true },
    bucket_name: { kind: 'string', required: true },
  },
  probe: (loc) => (ctx) =>
    probeGcsStorage(
      {
        label: `storage location "${loc.name}"`,
        bucket: param(loc, 'bucket_name') ?? '',
        key: joinStoragePath(param(loc, 'storage_path') ?? '', probeObjectName()),
        accessKey: param(loc, 'access_key') ?? '',
        secretKey: param(loc, 'secret_key') ?? '',
        fields: {
          location: locationPath(loc.name),
          endpoint: [],
          bucket: [paramPath(loc.name, 'bucket_name')],
          credentials: [paramPath(loc.name, 'access_key'), paramPath(loc.name, 'secret_key')],
        },
      },
      ctx,
    ),
};
