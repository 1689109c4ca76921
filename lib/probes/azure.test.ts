import { describe, expect, it } from 'vitest';
import { azureBlobUrl, azureCanonicalizedResource, azureSharedKeyAuthorization, azureStringToSign } from './azure';

// Examples from Microsoft's "Authorize with Shared Key" (Blob service, version 2009-09-19 and later).
describe('Azure Shared Key canonicalization (published examples)', () => {
  it.each([
    ['Get Container Metadata', 'http://myaccount.blob.core.windows.net/mycontainer?restype=container&comp=metadata', '/myaccount/mycontainer\ncomp:metadata\nrestype:container'],
    [
      'List Blobs (repeated parameter, values sorted)',
      'http://myaccount.blob.core.windows.net/mycontainer?restype=container&comp=list&include=snapshots&include=metadata&include=uncommittedblobs',
      '/myaccount/mycontainer\ncomp:list\ninclude:metadata,snapshots,uncommittedblobs\nrestype:container',
    ],
    ['Get Blob from the secondary location', 'https://myaccount-secondary.blob.core.windows.net/mycontainer/myblob', '/myaccount/mycontainer/myblob'],
  ])('%s', (_name, url, expected) => {
    expect(azureCanonicalizedResource(new URL(url), 'myaccount')).toBe(expected);
  });

  const docExample = {
    url: new URL('http://myaccount/myaccount/mycontainer?restype=container&comp=metadata&timeout=20'),
    headers: { 'x-ms-date': 'Sun, 11 Oct 2009 21:49:13 GMT', 'x-ms-version': '2009-09-19' },
  };

  it('builds the documented string-to-sign (12 newlines after the verb, then x-ms headers and resource)', () => {
    expect(azureStringToSign('GET', docExample.url, docExample.headers, 'myaccount')).toBe(
      'GET\n\n\n\n\n\n\n\n\n\n\n\nx-ms-date:Sun, 11 Oct 2009 21:49:13 GMT\nx-ms-version:2009-09-19\n/myaccount/myaccount/mycontainer\ncomp:metadata\nrestype:container\ntimeout:20',
    );
  });

  it('signs it with HMAC-SHA256 of the base64 key (value computed independently with openssl)', () => {
    const key = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
    expect(azureSharedKeyAuthorization('GET', docExample.url, docExample.headers, 'myaccount', key)).toBe('SharedKey myaccount:Su5rvibNeMxB7A4I87rOtEgCDtdICsL8v5H+yJs0W+M=');
  });

  it('puts standard headers in their slots: Content-Length empty when 0, Content-Type, and sorts x-ms headers', () => {
    const url = new URL('https://acct.blob.core.windows.net/c/b');
    const put = azureStringToSign('PUT', url, { 'Content-Length': '5', 'Content-Type': 'text/plain', 'x-ms-version': 'v', 'x-ms-blob-type': 'BlockBlob', 'x-ms-date': 'd' }, 'acct');
    expect(put).toBe('PUT\n\n\n5\n\ntext/plain\n\n\n\n\n\n\nx-ms-blob-type:BlockBlob\nx-ms-date:d\nx-ms-version:v\n/acct/c/b');
    expect(azureStringToSign('DELETE', url, { 'content-length': '0' }, 'acct').split('\n')[3]).toBe('');
  });
});

describe('azureBlobUrl', () => {
  it('keeps an endpoint_url path (Azurite, Azure Stack) and encodes the blob name per segment', () => {
    const u = azureBlobUrl({ endpoint: 'http://127.0.0.1:10000/devstoreaccount1/', container: 'quay', blob: 'registry/a b', accountKey: 'k' });
    expect(u.href).toBe('http://127.0.0.1:10000/devstoreaccount1/quay/registry/a%20b');
  });

  it('appends the SAS only when there is no account key', () => {
    expect(azureBlobUrl({ endpoint: 'https://a.blob.core.windows.net', container: 'c', blob: 'b', sas: '?sv=1&sig=x' }).search).toBe('?sv=1&sig=x');
    expect(azureBlobUrl({ endpoint: 'https://a.blob.core.windows.net', container: 'c', blob: 'b', sas: 'sv=1&sig=x', accountKey: 'k' }).search).toBe('');
  });
});
