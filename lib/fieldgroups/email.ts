import { flag, has, int, nonEmpty, str } from '../config/values';
import { probeSmtp } from '../probes/smtp';
import { error, required, warning } from '../report/findings';
import type { Finding } from '../report/types';
import { defineFieldGroup, type Probe, type RuleContext } from './define';

/**
 * Outgoing e-mail. Quay sends through Flask-Mail, which reads MAIL_* straight from config.yaml:
 * defaults FEATURE_MAILING true, MAIL_USE_TLS true, MAIL_PORT 587 (Quay's config.py), implicit TLS
 * only with MAIL_USE_SSL (a Flask-Mail key Quay passes through; its schema lacks it), and a login
 * whenever MAIL_USERNAME and MAIL_PASSWORD are both set, whatever MAIL_USE_AUTH says.
 */
export const email = defineFieldGroup({
  id: 'Email',
  title: 'E-mail',
  keys: [
    'FEATURE_MAILING',
    'MAIL_SERVER',
    'MAIL_PORT',
    'MAIL_USE_TLS',
    'MAIL_USE_SSL',
    'MAIL_USE_AUTH',
    'MAIL_USERNAME',
    'MAIL_PASSWORD',
    'MAIL_DEFAULT_SENDER',
    'BLACKLISTED_EMAIL_DOMAINS',
    'FEATURE_BLACKLISTED_EMAILS',
  ],
  skipReason: ({ config }) => (flag(config, 'FEATURE_MAILING', true) ? null : 'FEATURE_MAILING is off'),
  rules: (ctx) => rules(ctx),
  probes: (ctx) => probes(ctx),
});

/** Settings as Quay's mailer sees them, defaults applied. */
function settings(config: RuleContext['config']) {
  const user = nonEmpty(config, 'MAIL_USERNAME');
  const password = nonEmpty(config, 'MAIL_PASSWORD');
  return {
    server: nonEmpty(config, 'MAIL_SERVER'),
    port: has(config, 'MAIL_PORT') ? int(config, 'MAIL_PORT') : 587,
    useTls: flag(config, 'MAIL_USE_TLS', true),
    useSsl: flag(config, 'MAIL_USE_SSL', false),
    useAuth: flag(config, 'MAIL_USE_AUTH', false),
    user,
    password,
    // Flask-Mail logs in iff both are set.
    logsIn: user !== undefined && password !== undefined,
    sender: senderAddress(str(config, 'MAIL_DEFAULT_SENDER')),
  };
}

/** The address in `addr` or `Name <addr>`; null when the text is not an address. */
export function senderAddress(text: string | undefined): string | null | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const m = /^\s*(?:[^<>]*<([^<>]+)>|([^<>\s]+))\s*$/.exec(text);
  const addr = m?.[1] ?? m?.[2];
  return addr && /^[^\s@<>()",;:]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/.test(addr.trim()) ? addr.trim() : null;
}

function rules({ config }: RuleContext): Finding[] {
  const s = settings(config);
  // FEATURE_MAILING absent means on in Quay; with no server that is an oversight, not a choice.
  if (!has(config, 'FEATURE_MAILING') && s.server === undefined && !has(config, 'MAIL_SERVER')) {
    return [
      warning('FEATURE_MAILING', 'FEATURE_MAILING is not set, so Quay turns e-mail on (its default), but MAIL_SERVER is empty: password recovery and notification mails will fail', {
        code: 'mailing-default-on',
        hint: 'set FEATURE_MAILING: false, or configure MAIL_SERVER',
      }),
    ];
  }
  const findings: Finding[] = [];
  if (s.server === undefined && (!has(config, 'MAIL_SERVER') || typeof config.MAIL_SERVER === 'string')) {
    findings.push(required('MAIL_SERVER', 'when FEATURE_MAILING is on'));
  }
  const rawPort = config.MAIL_PORT;
  if (has(config, 'MAIL_PORT') && (typeof rawPort === 'number' || typeof rawPort === 'string') && (s.port === undefined || s.port < 1 || s.port > 65535)) {
    findings.push(error('MAIL_PORT', `MAIL_PORT must be a port number from 1 to 65535, not ${JSON.stringify(rawPort)}`, { code: 'invalid-port' }));
  }
  if (s.useAuth) {
    if (s.user === undefined) findings.push(required('MAIL_USERNAME', 'when MAIL_USE_AUTH is on'));
    if (s.password === undefined) findings.push(required('MAIL_PASSWORD', 'when MAIL_USE_AUTH is on'));
  } else if (s.logsIn) {
    findings.push(
      warning(['MAIL_USE_AUTH', 'MAIL_USERNAME', 'MAIL_PASSWORD'], 'MAIL_USE_AUTH is off, but MAIL_USERNAME and MAIL_PASSWORD are set: Quay logs in to the SMTP server anyway', {
        code: 'mail-auth-implicit',
        hint: 'set MAIL_USE_AUTH: true to say so, or remove the credentials if the relay needs no login',
      }),
    );
  }
  if (s.sender === null) {
    findings.push(
      error('MAIL_DEFAULT_SENDER', `MAIL_DEFAULT_SENDER "${str(config, 'MAIL_DEFAULT_SENDER') ?? ''}" is not an e-mail address`, {
        code: 'invalid-sender',
        hint: 'e.g. quay@example.com or "Quay <quay@example.com>"',
      }),
    );
  } else if (s.sender === undefined && !has(config, 'MAIL_DEFAULT_SENDER')) {
    findings.push(
      warning('MAIL_DEFAULT_SENDER', 'MAIL_DEFAULT_SENDER is not set: Quay sends from admin@example.com, which most relays reject', {
        code: 'default-sender-missing',
      }),
    );
  }
  findings.push(...encryptionFindings(config, s));
  return findings;
}

function encryptionFindings(config: RuleContext['config'], s: ReturnType<typeof settings>): Finding[] {
  const findings: Finding[] = [];
  const encrypted = s.useTls || s.useSsl;
  if (s.useSsl && s.useTls) {
    findings.push(
      error(
        ['MAIL_USE_TLS', 'MAIL_USE_SSL'],
        `MAIL_USE_SSL and MAIL_USE_TLS are both on${has(config, 'MAIL_USE_TLS') ? '' : ' (MAIL_USE_TLS defaults to true)'}: Flask-Mail would start TLS inside TLS and every mail fails`,
        {
          code: 'ssl-and-starttls',
          hint: 'with implicit TLS (MAIL_USE_SSL, port 465) set MAIL_USE_TLS: false',
        },
      ),
    );
  }
  // config-tool had this rule but never read FEATURE_FIPS, so it could not fire (quay-config-tool.md §9.3).
  if (flag(config, 'FEATURE_FIPS', false) && !encrypted) {
    findings.push(
      error(['MAIL_USE_TLS', 'FEATURE_FIPS'], 'MAIL_USE_TLS must be on when FEATURE_FIPS is on: FIPS mode forbids sending mail (and SMTP passwords) unencrypted', {
        code: 'fips-requires-tls',
      }),
    );
  } else if ((s.useAuth || s.logsIn) && !encrypted) {
    findings.push(
      warning('MAIL_USE_TLS', 'SMTP AUTH without TLS: MAIL_PASSWORD crosses the network in clear', {
        code: 'auth-without-tls',
        hint: 'set MAIL_USE_TLS: true (STARTTLS) or MAIL_USE_SSL: true (implicit TLS)',
      }),
    );
  }
  if (s.port === 465 && !s.useSsl) {
    findings.push(
      warning(['MAIL_PORT', 'MAIL_USE_SSL'], 'MAIL_PORT is 465, the implicit-TLS (SMTPS) port, but MAIL_USE_SSL is not on: Quay would speak plain SMTP there and hang', {
        code: 'port-465-without-ssl',
        hint: 'set MAIL_USE_SSL: true and MAIL_USE_TLS: false, or use port 587 with MAIL_USE_TLS',
      }),
    );
  }
  return findings;
}

function probes({ config }: RuleContext): Probe[] {
  const s = settings(config);
  if (s.server === undefined || s.port === undefined) return [];
  const server = s.server.trim();
  const port = s.port;
  const tlsKey = s.useSsl ? 'MAIL_USE_SSL' : 'MAIL_USE_TLS';
  return [
    {
      name: `SMTP server ${server}:${port}`,
      fields: ['MAIL_SERVER', 'MAIL_PORT', 'MAIL_USE_TLS', 'MAIL_USE_SSL', 'MAIL_USERNAME', 'MAIL_PASSWORD'],
      run: (ctx) =>
        probeSmtp(
          {
            host: server,
            port,
            security: s.useSsl ? 'implicit' : s.useTls ? 'starttls' : 'none',
            ...(s.logsIn && s.user !== undefined && s.password !== undefined ? { auth: { user: s.user, password: s.password } } : {}),
            ...(typeof s.sender === 'string' ? { sender: s.sender } : {}),
            fields: { server: ['MAIL_SERVER', 'MAIL_PORT'], tls: ['MAIL_SERVER', tlsKey], auth: ['MAIL_USERNAME', 'MAIL_PASSWORD'], sender: ['MAIL_DEFAULT_SENDER'] },
          },
          ctx,
        ),
    },
  ];
}
