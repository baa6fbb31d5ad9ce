package io.mcpplatform.core.access;

/**
 * Who makes one call, as the edge found out before any use case runs: a verified {@link Caller}, or
 * the reason there is none (no token, a bad token) kept to be thrown when the use case needs a
 * caller. Reads need no caller; writes ask {@link #caller()}. The edge builds it from the request;
 * the use cases decide what it may do.
 */
public final class Access {

  private static final Caller TRUSTED =
      new Caller("trusted", Permission.publishAndEdit(Permission.ALL));

  private final Caller caller;
  private final RuntimeException refusal;
  private final String source;
  private final boolean trusted;

  private Access(Caller caller, RuntimeException refusal, String source, boolean trusted) {
    this.caller = caller;
    this.refusal = refusal;
    this.source = source;
    this.trusted = trusted;
  }

  /**
   * @param caller the verified caller
   * @param source the caller's address, nullable
   * @return access of a caller whose token verified
   */
  public static Access of(Caller caller, String source) {
    return new Access(caller, null, source, false);
  }

  /**
   * @param refusal why there is no caller (missing or bad token); thrown when a use case needs one
   * @param source the caller's address, nullable
   * @return access of an anonymous caller
   */
  public static Access anonymous(RuntimeException refusal, String source) {
    return new Access(null, refusal, source, false);
  }

  /**
   * @return access that passes every check and is not audited: for in-process wiring and tests of
   *     the tools themselves, never for a request from the network
   */
  public static Access trusted() {
    return new Access(TRUSTED, null, null, true);
  }

  /**
   * @return the verified caller, or null when anonymous
   */
  public Caller callerOrNull() {
    return caller;
  }

  /**
   * @return the caller's address, nullable
   */
  public String source() {
    return source;
  }

  /**
   * @return whether this is {@link #trusted()} access
   */
  public boolean isTrusted() {
    return trusted;
  }

  /**
   * @return whether a verified caller holds an admin token (or the access is trusted)
   */
  public boolean isAdmin() {
    return caller != null && caller.isAdmin();
  }

  /**
   * @return the verified caller
   * @throws RuntimeException the refusal this access was built with, when anonymous
   */
  public Caller caller() {
    if (caller == null) {
      throw refusal;
    }
    return caller;
  }

  /**
   * @return the refusal of an anonymous access, or null
   */
  public RuntimeException refusal() {
    return refusal;
  }
}
