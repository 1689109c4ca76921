#!/usr/bin/env bash
# Container entrypoint, in the style of Quay's image:
#   docker run -p 8443:8443 IMAGE config <password>      the wizard (as Quay's `config` mode)
#   docker run -v $PWD:/conf/stack IMAGE validate /conf/stack [--json] …   headless validation
#   docker run IMAGE generate … | bundle … | help        the other CLI commands, passed through
# A bundle mounted at /conf/stack (with a config.yaml) is preloaded. TLS for the wizard comes from
# /conf/tls/tls.crt + tls.key, else from the bundle's ssl.cert + ssl.key, else a self-signed
# certificate made at start. The password goes to the server by environment, never in argv, so it
# does not show in `ps`. Optional: QUAY_CONFIG_PASSWORD (instead of the argument), PORT, HOST,
# QUAY_CONFIG_READONLY_GROUPS (G,G), QUAY_CONFIG_OPERATOR_ENDPOINT (with MY_POD_NAME/MY_POD_NAMESPACE).
# QUAY_CONFIG_ENTRYPOINT_DRY_RUN=1 prints the command instead of running it (for tests).
set -euo pipefail

APP_DIR=${APP_DIR:-/app}
CONF_STACK=${CONF_STACK:-/conf/stack}
CONF_TLS=${CONF_TLS:-/conf/tls}

run() {
  if [[ -n "${QUAY_CONFIG_ENTRYPOINT_DRY_RUN:-}" ]]; then
    printf '%q ' "$@"
    echo
    exit 0
  fi
  exec "$@"
}

usage() {
  echo "usage: IMAGE config [<password>] [serve options] | IMAGE validate <path> [options] | IMAGE generate … | IMAGE bundle … | IMAGE help" >&2
  exit 2
}

cmd=${1:-config}
if [[ $# -gt 0 ]]; then shift; fi
case "$cmd" in
  config|serve)
    # `config <password>`: the first argument is the password unless it is an option.
    password=${QUAY_CONFIG_PASSWORD:-}
    if [[ $# -gt 0 && "$1" != -* ]]; then
      password=$1
      shift
    fi
    args=(serve --port "${PORT:-8443}" --host "${HOST:-0.0.0.0}")
    if [[ -f "$CONF_STACK/config.yaml" ]]; then
      args+=(--config-dir "$CONF_STACK")
    fi
    if [[ -f "$CONF_TLS/tls.crt" && -f "$CONF_TLS/tls.key" ]]; then
      args+=(--tls-cert "$CONF_TLS/tls.crt" --tls-key "$CONF_TLS/tls.key")
    else
      if [[ -f "$CONF_TLS/tls.crt" || -f "$CONF_TLS/tls.key" ]]; then
        echo "warning: $CONF_TLS needs both tls.crt and tls.key; not using it" >&2
      fi
      if [[ -f "$CONF_STACK/ssl.cert" && -f "$CONF_STACK/ssl.key" ]]; then
        args+=(--tls-cert "$CONF_STACK/ssl.cert" --tls-key "$CONF_STACK/ssl.key")
      fi
    fi
    if [[ -n "${QUAY_CONFIG_READONLY_GROUPS:-}" ]]; then
      args+=(--readonly-groups "$QUAY_CONFIG_READONLY_GROUPS")
    fi
    if [[ -n "${QUAY_CONFIG_OPERATOR_ENDPOINT:-}" ]]; then
      args+=(--operator-endpoint "$QUAY_CONFIG_OPERATOR_ENDPOINT")
    fi
    export QUAY_CONFIG_PASSWORD="$password"
    # As `npm start`: a young generation of 8 MiB, not 32, so the server's memory returns to its idle
    # size after a burst of validations (issue 11).
    run node --max-semi-space-size=4 "$APP_DIR/bin/quay-config.cjs" "${args[@]}" "$@"
    ;;
  validate|generate|bundle|help|--help|-h)
    run node "$APP_DIR/bin/quay-config.cjs" "$cmd" "$@"
    ;;
  *)
    echo "unknown command: $cmd" >&2
    usage
    ;;
esac
