import { error } from '../report/findings';
import type { Finding } from '../report/types';
import { signAwsRequest, type AwsCredentials } from './aws-sigv4';
import type { ProbeContext } from './context';
import { probeHttp } from './http';
import { connectionFinding, trackStages } from './probe-kit';

/** AWS STS's global endpoint, which boto3's `sts` client uses without a configured region. */
export const STS_ENDPOINT = 'https://sts.amazonaws.com/';

export interface AssumeRoleRequest {
  label: string;
  roleArn: string;
  user: AwsCredentials;
  /** Fields for a finding about the user keys, and about the role. */
  userFields: string[];
  roleFields: string[];
  endpoint?: string;
}

/** The form body of an AssumeRole call (Query API, version 2011-06-15). */
export function assumeRoleBody(roleArn: string, sessionName: string): string {
  return new URLSearchParams({ Action: 'AssumeRole', RoleArn: roleArn, RoleSessionName: sessionName, DurationSeconds: '900', Version: '2011-06-15' }).toString();
}

/** Temporary credentials from an AssumeRole answer, or undefined when it has none. */
export function parseAssumeRoleResponse(xml: string): AwsCredentials | undefined {
  const tag = (name: string) => xml.match(new RegExp(`<${name}>([^<]+)</${name}>`))?.[1]?.trim();
  const accessKeyId = tag('AccessKeyId');
  const secretAccessKey = tag('SecretAccessKey');
  const sessionToken = tag('SessionToken');
  return accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) } : undefined;
}

/**
 * Asks STS for the role's temporary credentials with the configured user keys, as Quay's
 * STSS3Storage does at start-up. Returns the credentials, or findings: bad user keys (auth),
 * a role the user may not assume (auth, on the role ARN), or a connection failure.
 */
export async function assumeRole(req: AssumeRoleRequest, ctx: ProbeContext): Promise<AwsCredentials | Finding[]> {
  const tracked = trackStages(ctx);
  const url = new URL(req.endpoint ?? STS_ENDPOINT);
  const body = assumeRoleBody(req.roleArn, 'quay');
  try {
    const headers = await signAwsRequest(
      url,
      { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body },
      { service: 'sts', region: 'us-east-1', credentials: req.user },
    );
    const res = await probeHttp(url.href, { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, body }, tracked.ctx);
    if (res.status === 200) {
      const creds = parseAssumeRoleResponse(res.body);
      if (creds) return creds;
    }
    const code = res.body.match(/<Code>([^<]+)<\/Code>/)?.[1] ?? `HTTP ${res.status}`;
    const roleProblem = code === 'AccessDenied' || code === 'MalformedPolicyDocument' || code === 'ValidationError';
    return [
      error(
        roleProblem ? req.roleFields : req.userFields,
        `${req.label}: STS AssumeRole failed (${code})${roleProblem ? ': the user may not assume this role' : ': the STS user keys were rejected'}`,
        {
          code: 'auth-failed',
          stage: 'auth',
          hint: roleProblem ? "allow sts:AssumeRole for the user in the role's trust policy" : 'check sts_user_access_key and sts_user_secret_key',
        },
      ),
    ];
  } catch (e) {
    return [connectionFinding(e, req.userFields, `${req.label} (STS ${url.host})`, tracked)];
  }
}
