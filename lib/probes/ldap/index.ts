import type { Finding, Stage } from '../../report/types';
import type { ProbeContext } from '../context';
import { abortError, networkFinding } from '../net';
import { checkDirectory, searchFailure } from './checks';
import { openSession } from './session';
import type { LdapTarget } from './types';

export type { LdapTarget } from './types';

/**
 * The live LDAP check, rung by rung: connect (dns, tcp, tls), bind as LDAP_ADMIN_DN (auth), then
 * the directory as Quay uses it (semantic). Never throws; closes its socket on every path.
 */
export async function probeLdap(target: LdapTarget, ctx: ProbeContext): Promise<Finding[]> {
  let stage: Stage = 'config';
  const tracked: ProbeContext = {
    ...ctx,
    enter: (s) => {
      stage = s;
      ctx.enter(s);
    },
  };
  const session = await openSession(target, tracked, () => stage);
  if (!session.client) return session.findings;
  try {
    tracked.enter('semantic');
    return [...session.findings, ...(await checkDirectory(session.client, target))];
  } catch (e) {
    const label = `LDAP server ${target.uri}`;
    if (ctx.signal.aborted) return [...session.findings, networkFinding(abortError(ctx), ['LDAP_URI'], label, ctx, stage)];
    return [...session.findings, searchFailure(e, target.uri)];
  } finally {
    await session.close();
  }
}
