package io.mcpplatform.core.catalog;

/** Which remote URLs a deployment accepts. */
public enum UrlPolicy {
  /** On AWS: https only. */
  HTTPS_ONLY,
  /** Locally: https, or http to a loopback address (the local servers live there). */
  LOCAL_ALLOW_LOOPBACK_HTTP
}
