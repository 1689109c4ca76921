import { warning } from '../../report/findings';
import type { Finding } from '../../report/types';
import { assumeRole } from '../../probes/aws-sts';
import { param, paramFields, paramPath, type EngineSpec, type StorageLocation } from './engine';
import { checkS3Connection, ownS3Params, S3_PARAMS, s3ProbeRun } from './s3';

/**
 * STSS3Storage: S3Storage whose credentials come from STS AssumeRole, either with an IAM user's
 * keys (checked live: AssumeRole, then the bucket with the temporary credentials) or with a web
 * identity token file inside the pod (cannot be checked from here).
 */
function check(loc: StorageLocation): Finding[] {
  const findings = checkS3Connection(ownS3Params(loc)).filter((f) => f.code !== 'partial-credentials');
  const hasUser = param(loc, 'sts_user_access_key') !== undefined || param(loc, 'sts_user_secret_key') !== undefined;
  if (param(loc, 'sts_role_arn') === undefined) {
    findings.push(
      warning(paramFields(loc, 'sts_role_arn'), `${paramPath(loc.name, 'sts_role_arn')} is not set: the role then comes from the AWS_ROLE_ARN environment variable of the Quay pod`, {
        code: 'sts-role-from-environment',
      }),
    );
  }
  if (!hasUser && param(loc, 'sts_web_identity_token_file') === undefined) {
    findings.push(
      warning(
        paramFields(loc, 'sts_user_access_key'),
        `storage location "${loc.name}": neither sts_user_access_key/sts_user_secret_key nor sts_web_identity_token_file is set; STS then relies on the pod's environment`,
        {
          code: 'sts-credentials-from-environment',
        },
      ),
    );
  }
  return findings;
}

export const stsS3Storage: EngineSpec = {
  name: 'STSS3Storage',
  params: {
    ...S3_PARAMS,
    sts_role_arn: { kind: 'string' },
    sts_user_access_key: { kind: 'string' },
    sts_user_secret_key: { kind: 'string' },
    sts_web_identity_token_file: { kind: 'string' },
  },
  check,
  probe: (loc) =>
    s3ProbeRun(ownS3Params(loc), {
      credentialKeys: ['sts_role_arn'],
      credentials: async (ctx) => {
        const roleArn = param(loc, 'sts_role_arn');
        const accessKeyId = param(loc, 'sts_user_access_key');
        const secretAccessKey = param(loc, 'sts_user_secret_key');
        if (!roleArn || !accessKeyId || !secretAccessKey) return undefined;
        return assumeRole(
          {
            label: `storage location "${loc.name}"`,
            roleArn,
            user: { accessKeyId, secretAccessKey },
            userFields: paramFields(loc, 'sts_user_access_key', 'sts_user_secret_key'),
            roleFields: paramFields(loc, 'sts_role_arn'),
          },
          ctx,
        );
      },
    }),
};
