import { configFromJson } from '../config/load';
import { isObject } from '../config/values';
import { BundleBuilder, formatBytes } from './builder';
import { MAX_CONFIG_YAML_BYTES, MAX_ENTRY_BYTES } from './limits';
import { BundleError, BundleTooLargeError, type Bundle } from './types';

/** quay/config-tool's `ConfigBundle` as JSON: the config as an object, other files as base64. */
export interface ConfigBundleJson {
  'config.yaml': Record<string, unknown>;
  certs: Record<string, string>;
}

/**
 * Turns a config-tool JSON body (`{"config.yaml": {...}, "certs": {"<name>": "<base64>"}}`) into a
 * bundle. Other members (`managedFieldGroups`, …) are ignored, as config-tool ignores them. File
 * names follow the archive rules, strictly: only top-level names and `extra_ca_certs/<name>`.
 * Throws a BundleError with a precise message, e.g. `certs.ssl.cert is not valid base64`.
 */
export function bundleFromJson(body: unknown): Bundle {
  if (!isObject(body)) {
    throw new BundleError(`the bundle must be a JSON object with "config.yaml" and "certs", not ${describe(body)}`);
  }
  if (body['config.yaml'] === undefined) throw new BundleError('"config.yaml" is missing from the bundle', 'config.yaml');
  const loaded = configFromJson(body['config.yaml']);
  if (!loaded.ok) throw new BundleError(loaded.error, 'config.yaml');
  // The same limit as for a config.yaml file: otherwise a download would hand out an archive that
  // every reader (the CLI, bundle/parse, Quay's tooling) refuses.
  const configBytes = Buffer.byteLength(JSON.stringify(loaded.config));
  if (configBytes > MAX_CONFIG_YAML_BYTES) {
    throw new BundleTooLargeError(`"config.yaml" is ${formatBytes(configBytes)} as JSON, over the ${formatBytes(MAX_CONFIG_YAML_BYTES)} limit for config.yaml`, 'config.yaml');
  }

  const certs = body.certs ?? {};
  if (!isObject(certs)) throw new BundleError(`"certs" must be an object of file names to base64 contents, not ${describe(certs)}`, 'certs');
  const builder = new BundleBuilder({ describe: (shown) => `certs[${shown}]`, strict: true });
  for (const [raw, value] of Object.entries(certs)) {
    const entry = builder.checkName(raw);
    const label = `certs.${raw}`;
    if (entry.name === 'config.yaml') throw new BundleError(`${label}: config.yaml goes in "config.yaml", not among the certs`, raw);
    if (typeof value !== 'string') throw new BundleError(`${label} must be a base64 string, not ${describe(value)}`, raw);
    // Reject by the encoded length first, so an oversized value is never decoded.
    if (Math.floor((value.length * 3) / 4) > MAX_ENTRY_BYTES + 3) {
      throw new BundleTooLargeError(`${label} is larger than the ${formatBytes(MAX_ENTRY_BYTES)} limit for one file`, raw);
    }
    const data = decodeStandardBase64(value);
    if (!data) throw new BundleError(`${label} is not valid base64`, raw);
    const name = builder.admit(raw, entry, 'file', data.length);
    if (name !== null) builder.store(name, data);
  }
  const { files, findings } = builder.files();
  return { config: loaded.config, configText: null, doc: null, files, findings };
}

/** The config-tool JSON shape of a bundle (for `GET /api/v1/config`): every file, in name order. */
export function bundleToJson(bundle: Bundle): ConfigBundleJson {
  const names = [...bundle.files.keys()].sort();
  const certs = Object.fromEntries(names.map((n) => [n, Buffer.from(bundle.files.get(n) ?? []).toString('base64')]));
  return { 'config.yaml': bundle.config, certs };
}

/**
 * Standard base64 (RFC 4648 §4, with padding), as Go's encoding/json writes []byte. Line breaks
 * are skipped, as Go's decoder skips them; anything else that is not base64 is refused, where
 * Node's decoder would silently drop it.
 */
function decodeStandardBase64(text: string): Buffer | null {
  const compact = text.replace(/[\r\n]/g, '');
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return null;
  return Buffer.from(compact, 'base64');
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
