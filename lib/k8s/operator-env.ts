/**
 * How the config editor finds its Quay operator and its QuayRegistry, as config-tool did: the
 * `--operator-endpoint` URL, plus MY_POD_NAME and MY_POD_NAMESPACE from the pod's downward API.
 * Kept apart from the request handling so `serve` can check them at start without loading it.
 */

/** config-tool's pod naming: `<registry>-quay-config-editor-<hash>` names the QuayRegistry `<registry>`. */
const EDITOR_POD_SUFFIX = '-quay-config-editor';

/** Why an `--operator-endpoint` value is unusable, or null. */
export function operatorEndpointProblem(endpoint: string): string | null {
  if (!URL.canParse(endpoint)) return `"${endpoint}" is not a URL (expected e.g. http://quay-operator.quay-ns.svc:7071)`;
  const url = new URL(endpoint);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `must be an http:// or https:// URL, not ${url.protocol}`;
  if (url.search || url.hash) return 'must not have a query or fragment: /reconfigure is appended to it';
  return null;
}

/** The pod variables config-tool required with `--operator-endpoint`, those that are missing. */
export function missingPodEnv(env: NodeJS.ProcessEnv): string[] {
  return (['MY_POD_NAME', 'MY_POD_NAMESPACE'] as const).filter((k) => !env[k]?.trim());
}

/** The QuayRegistry name, from the editor pod's name as config-tool derived it. */
export function registryNameFromPod(podName: string): string {
  return podName.split(EDITOR_POD_SUFFIX)[0] ?? podName;
}
