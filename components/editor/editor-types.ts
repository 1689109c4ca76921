/** Plain data types shared by the editor components. */

/** A `config.yaml` as an object (keys exactly as in Quay: SCREAMING_SNAKE). */
export type ConfigObject = Record<string, unknown>;

/** Bundle files other than config.yaml by relative path (`ssl.cert`, `extra_ca_certs/x.crt`), base64. */
export type Files = Record<string, string>;
