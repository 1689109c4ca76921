import { warning } from '../../report/findings';
import { locationPath, param, paramPath, type EngineSpec } from './engine';

/**
 * LocalStorage(context, storage_path): a directory inside the Quay container. Nothing can be checked
 * from here, so online validation says so plainly (a warning, `not-checkable`) instead of a silent
 * green; offline validation stays quiet. Quay itself refuses a path that is not under a mounted
 * volume (storage/local.py `validate`).
 */
export const localStorage: EngineSpec = {
  name: 'LocalStorage',
  params: { storage_path: { kind: 'string', required: true } },
  probe: (loc) => async () => [
    warning(
      [paramPath(loc.name, 'storage_path'), locationPath(loc.name)],
      `storage location "${loc.name}" is LocalStorage: ${param(loc, 'storage_path') ?? 'its directory'} is inside the Quay container and cannot be checked from here`,
      {
        code: 'not-checkable',
        stage: 'config',
        hint: 'mount a persistent volume at that path (Quay refuses a path that is not under a mount); use object storage for production',
      },
    ),
  ],
};
