/**
 * Fixed limits for reading bundles, which are untrusted input (uploads, API bodies, directories).
 * A real Quay bundle is a few kilobytes to a few megabytes (config.yaml, TLS material, CA files);
 * every limit is far above that and far below what could hurt the server. The README and the API
 * documentation cite these constants.
 */
const MiB = 1024 * 1024;

/** Largest upload as received: a .tar.gz, a .tar, a lone config.yaml, or a JSON bundle body. */
export const MAX_UPLOAD_BYTES = 50 * MiB;

/**
 * Most bytes a gzip stream may inflate to (the whole tar, headers and padding included). Inflation
 * is streamed and stops as soon as the running total passes this, so a gzip bomb never costs more.
 */
export const MAX_TOTAL_UNCOMPRESSED_BYTES = 200 * MiB;

/**
 * Largest inflated-to-compressed ratio once past MIN_BYTES_FOR_RATIO_CHECK. Text and PEM files
 * compress 3–10×; a stream that keeps expanding 100× is a bomb and is stopped early.
 */
export const MAX_EXPANSION_RATIO = 100;

/** Below this many inflated bytes the ratio is not checked (tar padding of tiny bundles is all zeros). */
export const MIN_BYTES_FOR_RATIO_CHECK = 10 * MiB;

/** Largest single file in a bundle (a CA bundle of every public root is under 1 MiB). */
export const MAX_ENTRY_BYTES = 20 * MiB;

/** Largest config.yaml (a full config is about 10 KiB). */
export const MAX_CONFIG_YAML_BYTES = 5 * MiB;

/** Most entries (files, directories) in an archive or directory. */
export const MAX_ENTRIES = 2000;

/** Longest entry name, in UTF-8 bytes (the ustar name + prefix fields hold 255). */
export const MAX_PATH_BYTES = 255;

/**
 * Deepest entry path accepted at all. A bundle keeps only depth 1 (`ssl.cert`) and depth 2
 * (`extra_ca_certs/ca.crt`); deeper entries up to this depth are reported and left out (so an
 * archive made one directory too high gets a helpful message), deeper still are rejected.
 */
export const MAX_PATH_DEPTH = 8;

/** Largest pax or GNU long-name meta entry in a tar archive. */
export const MAX_TAR_META_BYTES = 64 * 1024;
