import { error } from '../../report/findings';
import type { Finding } from '../../report/types';
import { probeAzureStorage } from '../../probes/azure';
import { joinStoragePath, probeObjectName } from '../../probes/probe-kit';
import { locationPath, param, paramFields, paramPath, type EngineSpec, type StorageLocation } from './engine';

/**
 * AzureStorage(context, azure_container, storage_path, azure_account_name, azure_account_key=None,
 * sas_token=None, endpoint_url=None). The runtime hands only `azure_account_key` to the blob client
 * as its credential (storage/azurestorage.py); `sas_token` is stored and never used, so a SAS works
 * only inside `endpoint_url`'s query string, which the Azure SDK reads.
 */

const ACCOUNT_NAME = /^[a-z0-9]{3,24}$/;
const CONTAINER_NAME = /^(?=.{3,63}$)[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9]))*$/;

/** The SAS carried in endpoint_url's query string, if any. */
function endpointSas(loc: StorageLocation): string | undefined {
  const raw = param(loc, 'endpoint_url');
  if (!raw) return undefined;
  try {
    const u = new URL(raw);
    return u.searchParams.has('sig') ? u.search.slice(1) : undefined;
  } catch {
    return undefined;
  }
}

function check(loc: StorageLocation): Finding[] {
  const findings: Finding[] = [];
  const account = param(loc, 'azure_account_name');
  if (account !== undefined && !ACCOUNT_NAME.test(account)) {
    findings.push(
      error(paramFields(loc, 'azure_account_name'), `${paramPath(loc.name, 'azure_account_name')} must be 3–24 lowercase letters and digits, got "${account}"`, { code: 'invalid-account-name' }),
    );
  }
  const container = param(loc, 'azure_container');
  if (container !== undefined && !CONTAINER_NAME.test(container)) {
    findings.push(
      error(paramFields(loc, 'azure_container'), `${paramPath(loc.name, 'azure_container')} is not a valid container name: "${container}"`, {
        code: 'invalid-container-name',
        hint: '3–63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit',
      }),
    );
  }
  const key = param(loc, 'azure_account_key');
  if (key !== undefined && !/^[A-Za-z0-9+/]+={0,2}$/.test(key.trim())) {
    findings.push(error(paramFields(loc, 'azure_account_key'), `${paramPath(loc.name, 'azure_account_key')} is not a base64 account key`, { code: 'invalid-account-key' }));
  }
  const endpoint = param(loc, 'endpoint_url');
  if (endpoint !== undefined && !/^https?:\/\/[^/\s]+/i.test(endpoint)) {
    findings.push(error(paramFields(loc, 'endpoint_url'), `${paramPath(loc.name, 'endpoint_url')} must be an http:// or https:// URL`, { code: 'invalid-url' }));
  }
  if (key === undefined && endpointSas(loc) === undefined) {
    const sasOnly = param(loc, 'sas_token') !== undefined;
    findings.push(
      error(
        paramFields(loc, sasOnly ? 'sas_token' : 'azure_account_key'),
        sasOnly
          ? `${paramPath(loc.name, 'sas_token')} is not used by Quay: its Azure driver authenticates with azure_account_key only, so requests would be anonymous`
          : `storage location "${loc.name}" has no azure_account_key (and no SAS in endpoint_url): Quay would make anonymous requests`,
        {
          code: sasOnly ? 'sas-token-not-used' : 'credentials-missing',
          hint: 'set azure_account_key, or put the SAS query string into endpoint_url (https://<account>.blob.core.windows.net/?sv=…&sig=…)',
        },
      ),
    );
  }
  return findings;
}

export const azureStorage: EngineSpec = {
  name: 'AzureStorage',
  params: {
    azure_container: { kind: 'string', required: true },
    storage_path: { kind: 'string', required: true, allowEmpty: true },
    azure_account_name: { kind: 'string', required: true },
    azure_account_key: { kind: 'string' },
    sas_token: { kind: 'string' },
    endpoint_url: { kind: 'string' },
  },
  check,
  probe: (loc) => async (ctx) => {
    const account = param(loc, 'azure_account_name') ?? '';
    const configured = param(loc, 'endpoint_url');
    let endpoint: URL;
    try {
      endpoint = new URL(configured ?? `https://${account}.blob.core.windows.net`);
    } catch {
      return [error(locationPath(loc.name), `storage location "${loc.name}": the Azure endpoint is not a valid URL`, { code: 'invalid-url' })];
    }
    endpoint.search = '';
    const key = param(loc, 'azure_account_key');
    const sas = endpointSas(loc);
    return probeAzureStorage(
      {
        label: `storage location "${loc.name}"`,
        endpoint: endpoint.href,
        account,
        container: param(loc, 'azure_container') ?? '',
        blob: joinStoragePath((param(loc, 'storage_path') ?? '').replace(/^\/+/, ''), probeObjectName()),
        ...(key ? { accountKey: key.trim() } : {}),
        ...(sas ? { sas } : {}),
        fields: {
          location: [locationPath(loc.name)],
          endpoint: paramFields(loc, ...(configured ? ['endpoint_url'] : ['azure_account_name'])),
          container: paramFields(loc, 'azure_container'),
          credentials: paramFields(loc, 'azure_account_name', key ? 'azure_account_key' : 'endpoint_url'),
        },
      },
      ctx,
    );
  },
};
