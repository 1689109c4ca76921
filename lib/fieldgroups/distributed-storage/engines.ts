import { akamaiS3Storage } from './akamai';
import { azureStorage } from './azure';
import { cloudFlareStorage } from './cloudflare';
import { cloudFrontedS3Storage } from './cloudfront';
import type { EngineSpec } from './engine';
import { googleCloudStorage } from './gcs';
import { localStorage } from './local';
import { multiCDNStorage } from './multicdn';
import { ibmCloudStorage, radosGWStorage, rhocsStorage } from './radosgw';
import { s3Storage } from './s3';
import { stsS3Storage } from './sts';
import { swiftStorage } from './swift';

/**
 * Every engine name Quay's storage factory knows (storage/__init__.py STORAGE_DRIVER_CLASSES and
 * storagedriverclasses.py). Any other name silently becomes FakeStorage, an in-memory store that
 * loses every image, so an unknown name is an error here.
 */
export const ENGINES: Readonly<Record<string, EngineSpec>> = Object.fromEntries(
  [
    localStorage,
    s3Storage,
    stsS3Storage,
    radosGWStorage,
    rhocsStorage,
    ibmCloudStorage,
    cloudFrontedS3Storage,
    cloudFlareStorage,
    multiCDNStorage,
    akamaiS3Storage,
    azureStorage,
    googleCloudStorage,
    swiftStorage,
  ].map((e) => [e.name, e]),
);

export const ENGINE_NAMES: readonly string[] = Object.keys(ENGINES);
