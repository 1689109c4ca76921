import { describe, expect, it } from 'vitest';
import { assumeRoleBody, parseAssumeRoleResponse } from './aws-sts';

describe('STS AssumeRole', () => {
  it('builds the Query API form body', () => {
    const body = new URLSearchParams(assumeRoleBody('arn:aws:iam::123456789012:role/quay', 'quay'));
    expect(Object.fromEntries(body)).toEqual({
      Action: 'AssumeRole',
      RoleArn: 'arn:aws:iam::123456789012:role/quay',
      RoleSessionName: 'quay',
      DurationSeconds: '900',
      Version: '2011-06-15',
    });
  });

  it('reads the temporary credentials of the documented response', () => {
    // Shape of the example response in the STS API reference (AssumeRole).
    const xml = `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>
      <AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/demo/quay</Arn><AssumedRoleId>ARO123EXAMPLE123:quay</AssumedRoleId></AssumedRoleUser>
      <Credentials><AccessKeyId>ASIAIOSFODNN7EXAMPLE</AccessKeyId><SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY</SecretAccessKey>
      <SessionToken>AQoDYXdzEPT//////////wEXAMPLE</SessionToken><Expiration>2019-11-09T13:34:41Z</Expiration></Credentials>
      </AssumeRoleResult></AssumeRoleResponse>`;
    expect(parseAssumeRoleResponse(xml)).toEqual({
      accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY',
      sessionToken: 'AQoDYXdzEPT//////////wEXAMPLE',
    });
    expect(parseAssumeRoleResponse('<ErrorResponse><Error><Code>AccessDenied</Code></Error></ErrorResponse>')).toBeUndefined();
  });
});
