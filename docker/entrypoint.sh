#!/usr/bin/env bash
# Container entrypoint, in the style of Quay's image:
#   docker run -p 8443:8443 IMAGE config <password>      the wizard (as Quay's `config` mode)
#   docker run IMAGE validate /conf/stack [--json] …      headless validation (any CLI command)
# A bundle mounted at /conf/stack is preloaded; TLS for the wizard comes from /conf/tls/tls.crt +
# tls.key, else from the bundle's ssl.cert + ssl.key, else a self-signed certificate made at start.
# QUAY_CONFIG_ENTRYPOINT_DRY_RUN=1 prints the command instead of running it (for tests).
set -euo pipefail

APP_DIR=${APP_DIR:-/app}
CONF_STACK=${CONF_STACK:-/conf/stack}
CONF_TLS=${CONF_TLS:-/conf/tls}

run() {
  if [[ -n "${QUAY_CONFIG_ENTRYPOINT_DRY_RUN:-}" ]]; then
    printf '%q ' "$@"; echo
    exit 0
  fi
  exec "$@"
}

usage() {
  echo "usage: IMAGE config <password> | IMAGE validate <path> [options] | IMAGE generate … | IMAGE help" >&2
  exit 2
}

cmd=${1:-config}
case "$cmd" in
  config|serve)
    shift || true
    password=${1:-${QUAY_CONFIG_PASSWORD:-}}
    if [[ -n "${1:-}" ]]; then shift; fi
    args=(serve --port "${PORT:-8443}" --host "${HOST:-0.0.0.0}")
    [[ -f "$CONF_STACK/config.yaml" ]] && args+=(--config-dir "$CONF_STACK")
    if [[ -f "$CONF_TLS/tls.crt" && -f "$CONF_TLS/tls.key" ]]; then
      args+=(--tls-cert "$CONF_TLS/tls.crt" --tls-key "$CONF_TLS/tls.key")
    elif [[ -f "$CONF_STACK/ssl.cert" && -f "$CONF_STACK/ssl.key" ]]; then
      args+=(--tls-cert "$CONF_STACK/ssl.cert" --tls-key "$CONF_STACK/ssl.key")
    fi
    [[ -n "${QUAY_CONFIG_READONLY_GROUPS:-}" ]] && args+=(--readonly-groups "$QUAY_CONFIG_READONLY_GROUPS")
    # The password goes by environment, not argv, so it does not show in `ps`.
    export QUAY_CONFIG_PASSWORD="$password"
    run node "$APP_DIR/bin/quay-config.mjs" "${args[@]}" "$@"
    ;;
  validate|generate|bundle|help|--help|-h)
    run node "$APP_DIR/bin/quay-config.mjs" "$@"
    ;;
  *)
    echo "unknown command: $cmd" >&2
    usage
    ;;
esac
