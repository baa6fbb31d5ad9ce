package io.mcpplatform.core.geo;

import java.util.Objects;

/**
 * The geocoder could not answer. The message says what happened and what a person can do about it;
 * it never holds a key, a signed URL or a class name.
 */
public class GeocoderUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why the geocoder could not answer. */
  public enum Reason {
    /** No answer within the timeout. */
    TIMEOUT(true),
    /** The service failed on its side (HTTP 5xx, Google {@code UNKNOWN_ERROR}). */
    SERVER_ERROR(true),
    /** The service could not be reached (connection refused, DNS, TLS). */
    UNREACHABLE(true),
    /** The quota or rate limit is used up (Google {@code OVER_QUERY_LIMIT}, HTTP 429). */
    QUOTA_EXCEEDED(false),
    /** The key is missing, wrong or not allowed to call the API (Google {@code REQUEST_DENIED}). */
    ACCESS_DENIED(false),
    /** The service rejected the request as malformed (Google {@code INVALID_REQUEST}, HTTP 4xx). */
    INVALID_REQUEST(false),
    /** The service answered something this adapter does not understand. */
    BAD_RESPONSE(false);

    private final boolean transientFailure;

    Reason(boolean transientFailure) {
      this.transientFailure = transientFailure;
    }

    /**
     * @return true when another geocoder may answer instead and a retry later may succeed
     */
    public boolean isTransient() {
      return transientFailure;
    }
  }

  private final Reason reason;

  /**
   * @param reason why
   * @param message what happened and what to do, without secrets
   * @param cause the adapter's error, or null
   */
  public GeocoderUnavailableException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * @param reason why
   * @param message what happened and what to do, without secrets
   */
  public GeocoderUnavailableException(Reason reason, String message) {
    this(reason, message, null);
  }

  /**
   * @return why the geocoder could not answer
   */
  public Reason reason() {
    return reason;
  }
}
