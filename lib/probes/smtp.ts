import { createHmac } from 'node:crypto';
import os from 'node:os';
import type net from 'node:net';
import { error, warning } from '../report/findings';
import type { Finding, Stage } from '../report/types';
import type { ProbeContext } from './context';
import { connect, diagnoseNetworkError, firstLine, networkFinding, tlsClientOptions } from './net';
import { NotSmtpError, SmtpChannel, type SmtpReply } from './smtp-channel';

/**
 * The SMTP check Quay's mailer (Flask-Mail over smtplib) would pass: connect (implicit TLS when
 * MAIL_USE_SSL), greeting, EHLO, STARTTLS when MAIL_USE_TLS, AUTH when credentials are set, then
 * MAIL FROM + RSET + QUIT. No message is ever sent (no RCPT, no DATA).
 */

export interface SmtpTarget {
  host: string;
  port: number;
  /** `starttls` (MAIL_USE_TLS), `implicit` (MAIL_USE_SSL, SMTPS) or `none`. */
  security: 'starttls' | 'implicit' | 'none';
  auth?: { user: string; password: string };
  /** MAIL_DEFAULT_SENDER's address, tried with MAIL FROM (then reset). */
  sender?: string;
  /** Keys per rung, for the findings. */
  fields: { server: string[]; tls: string[]; auth: string[]; sender: string[] };
}

/** Quay's mailer (smtplib's default context) does not verify certificates: trust problems are warnings. */
const UNVERIFIED_BY_QUAY = new Set(['tls-untrusted', 'tls-hostname-mismatch', 'tls-expired']);

export async function probeSmtp(t: SmtpTarget, parent: ProbeContext): Promise<Finding[]> {
  // A holder, not a `let`: the closure updates it while awaits are in flight.
  const at: { stage: Stage } = { stage: 'config' };
  const ctx: ProbeContext = { ...parent, enter: (s) => ((at.stage = s), parent.enter(s)) };
  const target = `SMTP server ${t.host}:${t.port}`;
  let socket: net.Socket;
  try {
    socket = await connect(t.host, t.port, ctx, t.security === 'implicit' ? tlsClientOptions(ctx, { servername: t.host }) : undefined);
  } catch (e) {
    return [at.stage === 'tls' ? tlsFinding(e, t, target, ctx) : networkFinding(e, t.fields.server, target, ctx, at.stage)];
  }
  const channel = new SmtpChannel(socket, ctx);
  try {
    return await conversation(t, channel, ctx, target, () => at.stage);
  } catch (e) {
    return [failure(e, t, target, ctx, at.stage)];
  } finally {
    await channel.close();
  }
}

async function conversation(t: SmtpTarget, ch: SmtpChannel, ctx: ProbeContext, target: string, stage: () => Stage): Promise<Finding[]> {
  const greeting = await ch.read();
  if (greeting.code !== 220) {
    return [error(t.fields.server, `${target} refused the session: ${reply(greeting)}`, { code: 'smtp-greeting-rejected', stage: stage() })];
  }
  let ext = await ehlo(ch);
  if (t.security === 'starttls') {
    ctx.enter('tls');
    if (!ext.has('STARTTLS')) {
      return [
        error(t.fields.tls, `${target} does not offer STARTTLS, but MAIL_USE_TLS is on (it defaults to true): Quay's mail would fail`, {
          code: 'starttls-unsupported',
          stage: 'tls',
          hint: 'set MAIL_USE_TLS: false only if the network path is trusted; for implicit TLS (port 465) set MAIL_USE_SSL: true and MAIL_USE_TLS: false',
        }),
      ];
    }
    const r = await ch.command('STARTTLS');
    if (r.code !== 220) return [error(t.fields.tls, `${target} refused STARTTLS: ${reply(r)}`, { code: 'starttls-refused', stage: 'tls' })];
    try {
      await ch.startTls(t.host, t.host);
    } catch (e) {
      return [tlsFinding(e, t, target, ctx)];
    }
    ext = await ehlo(ch);
  }
  const findings: Finding[] = [];
  if (t.auth) {
    ctx.enter('auth');
    const authFinding = await authenticate(ch, ext, t, target);
    if (authFinding) return [authFinding];
  }
  if (t.sender !== undefined) {
    ctx.enter('semantic');
    const r = await ch.command(`MAIL FROM:<${t.sender}>`);
    if (r.code >= 500) {
      findings.push(
        error(t.fields.sender, `${target} rejects MAIL_DEFAULT_SENDER <${t.sender}> as sender: ${reply(r)}`, {
          code: 'sender-rejected',
          stage: 'semantic',
          hint: 'use an address the relay lets this account send from',
        }),
      );
    } else if (r.code >= 400) {
      findings.push(warning(t.fields.sender, `${target} temporarily refused MAIL FROM:<${t.sender}>: ${reply(r)}`, { code: 'sender-deferred', stage: 'semantic' }));
    }
    await ch.command('RSET').catch(() => undefined);
  }
  return findings;
}

async function ehlo(ch: SmtpChannel): Promise<Map<string, string>> {
  let r = await ch.command(`EHLO ${os.hostname() || 'quay-config'}`);
  if (r.code !== 250) r = await ch.command(`HELO ${os.hostname() || 'quay-config'}`);
  if (r.code !== 250) throw new Error(`EHLO and HELO refused: ${reply(r)}`);
  const ext = new Map<string, string>();
  // The first line is the server's greeting name; each further line is "KEYWORD params".
  for (const line of r.lines.slice(1)) {
    const [kw = '', ...rest] = line.trim().split(/\s+/);
    ext.set(kw.toUpperCase(), rest.join(' ').toUpperCase());
  }
  return ext;
}

/** AUTH with the first mechanism smtplib would pick (CRAM-MD5, PLAIN, LOGIN); a finding on failure. */
async function authenticate(ch: SmtpChannel, ext: Map<string, string>, t: SmtpTarget, target: string): Promise<Finding | undefined> {
  const auth = t.auth;
  if (!auth) return undefined;
  const offered = (ext.get('AUTH') ?? '').split(/\s+/);
  const mechanism = ['CRAM-MD5', 'PLAIN', 'LOGIN'].find((m) => offered.includes(m));
  if (!mechanism) {
    const later = t.security === 'none' && ext.has('STARTTLS');
    return error(t.fields.auth, `${target} offers no usable AUTH mechanism${ext.has('AUTH') ? ` (only ${ext.get('AUTH')})` : ''}, but MAIL_USERNAME/MAIL_PASSWORD are set`, {
      code: 'smtp-auth-unsupported',
      stage: 'auth',
      hint: later ? 'the server offers AUTH only after STARTTLS: set MAIL_USE_TLS: true' : 'Quay logs in whenever MAIL_USERNAME and MAIL_PASSWORD are both set: clear them if the relay needs no login',
    });
  }
  const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
  let r: SmtpReply;
  if (mechanism === 'PLAIN') {
    r = await ch.command(`AUTH PLAIN ${b64(`\0${auth.user}\0${auth.password}`)}`);
  } else if (mechanism === 'LOGIN') {
    r = await ch.command('AUTH LOGIN');
    if (r.code === 334) r = await ch.command(b64(auth.user));
    if (r.code === 334) r = await ch.command(b64(auth.password));
  } else {
    r = await ch.command('AUTH CRAM-MD5');
    if (r.code === 334) {
      const challenge = Buffer.from(r.lines[0] ?? '', 'base64');
      r = await ch.command(b64(`${auth.user} ${createHmac('md5', auth.password).update(challenge).digest('hex')}`));
    }
  }
  if (r.code === 235) return undefined;
  if (r.code === 530 || r.code === 538) {
    return error(t.fields.auth, `${target} requires encryption before AUTH: ${reply(r)}`, {
      code: 'auth-requires-tls',
      stage: 'auth',
      hint: 'set MAIL_USE_TLS: true (STARTTLS) or MAIL_USE_SSL: true (implicit TLS)',
    });
  }
  return error(t.fields.auth, `${target} rejected MAIL_USERNAME "${auth.user}" with MAIL_PASSWORD (AUTH ${mechanism}): ${reply(r)}`, {
    code: 'auth-failed',
    stage: 'auth',
    hint: 'check the user name and password (some providers need an app password)',
  });
}

function tlsFinding(e: unknown, t: SmtpTarget, target: string, ctx: ProbeContext): Finding {
  const d = diagnoseNetworkError(e, target, ctx, 'tls');
  if (d && UNVERIFIED_BY_QUAY.has(d.code)) {
    return warning(t.fields.tls, `${d.message}. Quay's mailer does not verify SMTP certificates, so mail still goes out, but it can be intercepted; AUTH was not tested`, {
      code: d.code,
      stage: 'tls',
      hint: d.hint ?? 'add the CA of the mail server to extra_ca_certs/',
    });
  }
  return networkFinding(e, t.fields.tls, target, ctx, 'tls');
}

function failure(e: unknown, t: SmtpTarget, target: string, ctx: ProbeContext, stage: Stage): Finding {
  if (e instanceof NotSmtpError) {
    return error(t.fields.server, `${target} does not speak SMTP (${e.message})`, {
      code: 'not-smtp',
      stage,
      hint: t.security === 'none' || t.security === 'starttls' ? 'is this the SMTP port? For implicit TLS (port 465) set MAIL_USE_SSL: true' : 'is this an implicit-TLS (SMTPS) port?',
    });
  }
  const d = diagnoseNetworkError(e, target, ctx, stage);
  if (d?.code === 'timeout' && stage === 'tcp') {
    return error(t.fields.server, `${target} accepted the connection but sent no SMTP greeting within ${ctx.timeoutMs} ms`, {
      code: 'timeout',
      stage,
      hint:
        t.port === 465
          ? 'port 465 expects implicit TLS: set MAIL_USE_SSL: true and MAIL_USE_TLS: false'
          : 'is this the SMTP port? A server that expects implicit TLS (SMTPS, usually port 465) waits silently: then set MAIL_USE_SSL: true and MAIL_USE_TLS: false',
    });
  }
  if (stage === 'tls' && d === undefined) return tlsFinding(e, t, target, ctx);
  return networkFinding(e, stage === 'auth' ? t.fields.auth : t.fields.server, target, ctx, stage);
}

function reply(r: SmtpReply): string {
  return `${r.code} ${firstLine(r.lines.join(' '))}`.slice(0, 200);
}
