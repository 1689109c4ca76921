import { error, warning } from '../report/findings';
import type { Finding } from '../report/types';
import { awsUriEncode, signAwsRequest, type AwsCredentials } from './aws-sigv4';
import type { ProbeContext } from './context';
import { probeHttp, type ProbeHttpResponse } from './http';
import { connectionFinding, probeObjectBody, trackStages, unexpectedStatus, type TrackedContext } from './probe-kit';
import { classifyS3Error, s3ErrorOf, type S3FindingFields } from './s3-errors';

/** Where and how to reach one S3 (or S3-compatible) bucket, exactly as Quay's runtime would. */
export interface S3ProbeTarget {
  /** `storage location "default"`: how findings name the target. */
  label: string;
  /** Scheme, host and port only, e.g. `https://s3.amazonaws.com`, `http://rgw.local:8080`. */
  endpoint: string;
  /** Signing region (boto3 signs with us-east-1 unless a region is configured). */
  region: string;
  bucket: string;
  /** Path-style (`/bucket/key`), as boto3 does for a custom endpoint; else virtual-hosted. */
  pathStyle: boolean;
  /** Full object key of the probe object (storage_path already joined). */
  key: string;
  /** Undefined: Quay would use the instance/pod role, which cannot be checked from here. */
  credentials?: AwsCredentials;
  /** S3Storage and its CDN variants upload with `x-amz-server-side-encryption: AES256`. */
  serverSideEncryption?: boolean;
  /** Config key paths per concern; the location path comes last in every finding. */
  fields: S3ProbeFields;
}

export interface S3ProbeFields {
  location: string;
  endpoint: string[];
  bucket: string[];
  credentials: string[];
}

/**
 * Proves a bucket works for Quay with the least the runtime needs: HeadBucket (Quay's driver calls it
 * at start-up) together with the PUT of one probe object under storage_path, then GET (read back and
 * compare) and DELETE of it. No listing, no CORS, no CloudFront calls. Never throws.
 */
export async function probeS3Storage(target: S3ProbeTarget, ctx: ProbeContext): Promise<Finding[]> {
  // Three round-trips when all is well, over the probe's kept-alive connections (ctx.connections), as boto3's pool sends them.
  const tracked = trackStages(ctx);
  const f = withLocation(target.fields);
  try {
    if (!target.credentials) return await probeWithoutCredentials(target, tracked, f);
    let t = target;
    const body = probeObjectBody();
    // HeadBucket and the PUT go out together: one round-trip fewer when all is well (issue 11). When
    // the HEAD fails, its answer decides the finding as it always did, and a PUT that went through anyway is undone.
    const [firstHead, firstPut] = await Promise.all([sendRequest(t, 'HEAD', false, tracked), sendRequest(t, 'PUT', true, tracked, body)]);
    let head = firstHead;
    let put: ProbeHttpResponse | undefined = firstPut;
    const undoPut = async () => {
      if (put && put.status < 300) await sendRequest(t, 'DELETE', true, tracked).catch(() => undefined);
    };
    const redirected = regionRedirect(head, t);
    const notes: Finding[] = [];
    if (redirected) {
      // boto3 follows a wrong-region answer (S3RegionRedirector), so Quay works, one round-trip slower.
      notes.push(
        warning(f.endpoint, `${t.label}: bucket "${t.bucket}" is in region ${redirected.region}, not ${t.region}`, {
          code: 'wrong-region',
          stage: 'semantic',
          hint: `set s3_region: ${redirected.region}`,
        }),
      );
      await undoPut();
      t = redirected;
      head = await sendRequest(t, 'HEAD', false, tracked);
      put = undefined;
    }
    if (head.status === 404) return [...notes, bucketMissing(t, f)];
    if (head.status === 403 || head.status === 400 || head.status === 401) {
      await undoPut();
      // A HEAD answer has no body: a GET of the (absent) probe object says why.
      const why = await sendRequest(t, 'GET', true, tracked);
      const c = classifyS3Error(s3ErrorOf(why), why.status, 'head', t, f);
      return [...notes, c ?? unexpectedStatus(f.location, `${t.label}: HeadBucket`, head.status, '', 'auth')];
    }
    if (head.status >= 300) {
      await undoPut();
      return [...notes, unexpectedStatus(f.endpoint, `${t.label}: HeadBucket`, head.status, head.body)];
    }

    put ??= await sendRequest(t, 'PUT', true, tracked, body);
    if (put.status >= 300) return [...notes, failure(put, 'put', t, f)];
    const get = await sendRequest(t, 'GET', true, tracked);
    const problems: Finding[] = [];
    if (get.status >= 300) problems.push(failure(get, 'get', t, f));
    else if (get.body !== body) {
      problems.push(
        error(f.location, `${t.label}: object ${t.key} read back differs from what was written`, {
          code: 'read-mismatch',
          stage: 'semantic',
          hint: 'a proxy or gateway in front of the storage may alter objects',
        }),
      );
    }
    const del = await sendRequest(t, 'DELETE', true, tracked);
    if (del.status >= 300 && del.status !== 404) problems.push(failure(del, 'delete', t, f));
    return [...notes, ...problems];
  } catch (e) {
    return [connectionFinding(e, f.endpoint, `${target.label} (${target.endpoint})`, tracked)];
  }
}

/** Instance/pod-role credentials: only reachability and the bucket's existence can be checked. */
async function probeWithoutCredentials(t: S3ProbeTarget, tracked: TrackedContext, f: S3FindingFields): Promise<Finding[]> {
  const res = await probeHttp(objectUrl(t, false).href, { method: 'HEAD' }, tracked.ctx);
  if (res.status === 404) return [bucketMissing(t, f)];
  return [
    warning(
      f.credentials,
      `${t.label}: no access key configured, so Quay takes credentials from the instance or pod role (EC2 metadata, IRSA), which cannot be checked from here; the endpoint answers${res.status === 403 || res.status === 200 ? ' and the bucket exists' : ''}`,
      {
        code: 'credentials-not-checkable',
        stage: 'auth',
        hint: 'the role needs s3:ListBucket on the bucket and s3:PutObject, s3:GetObject, s3:DeleteObject under storage_path',
      },
    ),
  ];
}

function bucketMissing(t: S3ProbeTarget, f: S3FindingFields): Finding {
  return error(f.bucket, `${t.label}: bucket "${t.bucket}" does not exist at ${t.endpoint}`, {
    code: 'bucket-missing',
    stage: 'semantic',
    hint: 'create the bucket first (Quay does not create it), or fix the bucket name or endpoint',
  });
}

function failure(res: ProbeHttpResponse, op: 'put' | 'get' | 'delete', t: S3ProbeTarget, f: S3FindingFields): Finding {
  return classifyS3Error(s3ErrorOf(res), res.status, op, t, f) ?? unexpectedStatus(f.location, `${t.label}: ${op.toUpperCase()} ${t.key}`, res.status, res.body);
}

/** Every finding names the location last, so a failure always says which location it is about. */
function withLocation(fields: S3ProbeFields): S3FindingFields {
  const add = (list: string[]) => [...list.filter((k) => k !== fields.location), fields.location];
  return { location: [fields.location], endpoint: add(fields.endpoint), bucket: add(fields.bucket), credentials: add(fields.credentials) };
}

/** The URL of the bucket (`withKey` false) or of the probe object. */
export function objectUrl(t: Pick<S3ProbeTarget, 'endpoint' | 'bucket' | 'pathStyle' | 'key'>, withKey: boolean): URL {
  const base = new URL(t.endpoint);
  const key = withKey ? t.key.split('/').map(awsUriEncode).join('/') : '';
  if (t.pathStyle) {
    base.pathname = `/${awsUriEncode(t.bucket)}${withKey ? `/${key}` : ''}`;
  } else {
    base.hostname = `${t.bucket}.${base.hostname}`;
    base.pathname = withKey ? `/${key}` : '/';
  }
  return base;
}

async function sendRequest(t: S3ProbeTarget, method: string, withKey: boolean, tracked: TrackedContext, body?: string): Promise<ProbeHttpResponse> {
  const url = objectUrl(t, withKey);
  const extra: Record<string, string> = {};
  if (method === 'PUT') {
    extra['content-type'] = 'text/plain';
    if (t.serverSideEncryption) extra['x-amz-server-side-encryption'] = 'AES256';
  }
  const credentials = t.credentials;
  const signed = credentials ? await signAwsRequest(url, { method, headers: extra, ...(body !== undefined ? { body } : {}) }, { service: 's3', region: t.region, credentials }) : extra;
  const headers = { ...signed, ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}) };
  return probeHttp(url.href, { method, headers, ...(body !== undefined ? { body } : {}) }, tracked.ctx);
}

/** A wrong-region answer (301 PermanentRedirect, 400 AuthorizationHeaderMalformed): the target to retry. */
function regionRedirect(res: ProbeHttpResponse, t: S3ProbeTarget): S3ProbeTarget | undefined {
  const header = res.headers['x-amz-bucket-region'];
  const region = typeof header === 'string' ? header : s3ErrorOf(res).region;
  if (!region || region === t.region || !(res.status === 301 || res.status === 400 || res.status === 307)) return undefined;
  const endpoint = new URL(t.endpoint);
  if (/(^|\.)amazonaws\.com(\.cn)?$/.test(endpoint.hostname)) {
    endpoint.hostname = `s3.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`;
  }
  return { ...t, region, endpoint: endpoint.origin };
}
