import { describe, expect, it } from 'vitest';
import type { ProbeHttpResponse } from './http';
import { exchangeFindings, publicEndpoint, quayRedirectUri, slashJoin } from './oauth-token';

const answer = (status: number, json?: unknown, body?: string): ProbeHttpResponse => ({
  status,
  headers: {},
  json,
  body: body ?? (json === undefined ? '' : JSON.stringify(json)),
});
const subject = {
  name: 'GitLab (GITLAB_TRIGGER_CONFIG)',
  credentialFields: ['K.CLIENT_ID', 'K.CLIENT_SECRET'],
  endpointFields: ['K.GITLAB_ENDPOINT'],
  tokenUrl: 'https://gitlab.example.com/oauth/token',
  redirectUri: 'https://quay.example.com/oauth2/gitlab/callback/trigger',
};
const brief = (res: ProbeHttpResponse) => exchangeFindings(res, subject).map(({ code, fields, severity, stage }) => ({ code, fields, severity, stage }));

describe('exchangeFindings', () => {
  it.each([
    ['invalid_grant: the client was accepted', answer(400, { error: 'invalid_grant', error_description: 'The specified code is not valid.' }), []],
    ['Bitbucket-style code complaint without error code', answer(400, { error_description: 'The specified code is not valid.' }), []],
    ['invalid_client', answer(400, { error: 'invalid_client' }), [{ code: 'auth-failed', fields: subject.credentialFields, severity: 'error', stage: 'auth' }]],
    ['401 without a body', answer(401), [{ code: 'auth-failed', fields: subject.credentialFields, severity: 'error', stage: 'auth' }]],
    ['unauthorized_client', answer(400, { error: 'unauthorized_client' }), [{ code: 'grant-not-allowed', fields: subject.credentialFields, severity: 'error', stage: 'semantic' }]],
    ['redirect_uri_mismatch', answer(400, { error: 'redirect_uri_mismatch' }), [{ code: 'redirect-uri-rejected', fields: subject.endpointFields, severity: 'error', stage: 'semantic' }]],
    [
      'invalid_request about the redirect URI',
      answer(400, { error: 'invalid_request', error_description: 'MSIS9609: The redirect_uri is not registered' }),
      [{ code: 'redirect-uri-rejected', fields: subject.endpointFields, severity: 'error', stage: 'semantic' }],
    ],
    // quay-operator#1032: an OAuth error about the flow is not a reachability problem.
    [
      'another OAuth error',
      answer(400, { error: 'invalid_request', error_description: 'Errors.User.Code.Invalid' }),
      [{ code: 'credentials-unconfirmed', fields: subject.credentialFields, severity: 'warning', stage: 'semantic' }],
    ],
    ['a made-up code accepted', answer(200, { access_token: 'x' }), [{ code: 'credentials-unconfirmed', fields: subject.credentialFields, severity: 'warning', stage: 'semantic' }]],
    ['an HTML 404', answer(404, undefined, '<html>Not Found</html>'), [{ code: 'unexpected-response', fields: subject.endpointFields, severity: 'error', stage: 'semantic' }]],
  ])('%s', (_n, res, expected) => {
    expect(brief(res)).toEqual(expected);
  });

  it("quotes the provider's error text and suggests the redirect URI", () => {
    const [f] = exchangeFindings(answer(400, { error: 'invalid_request', error_description: 'redirect_uri mismatch' }), subject);
    expect(f?.message).toContain('invalid_request: redirect_uri mismatch');
    expect(f?.hint).toContain(subject.redirectUri);
  });
});

describe('publicEndpoint', () => {
  it.each([
    [undefined, 'https://gitlab.com/', 'http://127.0.0.1:9/', 'http://127.0.0.1:9/'],
    ['https://gitlab.com', 'https://gitlab.com/', 'http://127.0.0.1:9/gl/', 'http://127.0.0.1:9/gl/'],
    ['https://github.com/api/v3/', 'https://github.com/', 'http://127.0.0.1:9/gh/', 'http://127.0.0.1:9/gh/api/v3/'],
    ['https://gitlab.example.com', 'https://gitlab.com/', 'http://127.0.0.1:9/', 'https://gitlab.example.com'],
    ['https://api.github.com/', 'https://api.github.com/', 'https://api.github.com/', 'https://api.github.com/'],
  ])('%s', (configured, real, override, expected) => {
    expect(publicEndpoint(configured, real, override)).toBe(expected);
  });
});

describe('quayRedirectUri and slashJoin', () => {
  it("builds Quay's callback from PREFERRED_URL_SCHEME and SERVER_HOSTNAME", () => {
    expect(quayRedirectUri({ PREFERRED_URL_SCHEME: 'https', SERVER_HOSTNAME: 'quay.example.com:8443' }, 'keycloak')).toBe('https://quay.example.com:8443/oauth2/keycloak/callback');
    expect(quayRedirectUri({}, 'gitlab', '/trigger')).toBe('http://localhost/oauth2/gitlab/callback/trigger');
  });
  it('joins with one slash', () => {
    expect(slashJoin('https://x/api/v3/', '/orgs/a')).toBe('https://x/api/v3/orgs/a');
    expect(slashJoin('https://x', 'oauth/token')).toBe('https://x/oauth/token');
  });
});
