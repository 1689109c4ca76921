import type { ConfigMap } from '../config/values';
import type { FieldGroupId, Finding } from '../report/types';
import { hostnameSyntax } from './host-settings/hostname-syntax';
import { superUserFindings } from './super-users';

/** A finding of the live format checks, with the group whose rule reports it on the server. */
export interface LiveFinding {
  group: FieldGroupId;
  finding: Finding;
}

/**
 * The format rules the wizard runs as you type, beside the schema check: SERVER_HOSTNAME syntax
 * and SUPER_USERS names. They are the functions the HostSettings and AccessSettings rules call
 * (same messages, so a validation's findings replace these one for one), pure and free of Node
 * APIs so that they run in the browser.
 */
export function liveFormatFindings(config: ConfigMap): LiveFinding[] {
  const host = config.SERVER_HOSTNAME;
  // An empty host name is "required", which the form marks already; only a typed value is checked.
  const hostFindings = typeof host === 'string' && host.trim() !== '' ? hostnameSyntax(host).findings : [];
  return [...hostFindings.map((finding) => ({ group: 'HostSettings' as const, finding })), ...superUserFindings(config.SUPER_USERS).map((finding) => ({ group: 'AccessSettings' as const, finding }))];
}
