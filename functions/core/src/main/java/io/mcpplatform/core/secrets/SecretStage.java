package io.mcpplatform.core.secrets;

/**
 * Which version of a rotated secret to read. Rotation keeps two: the one in use and the one it
 * replaced (Secrets Manager's {@code AWSCURRENT} and {@code AWSPREVIOUS} staging labels), so that
 * values issued under the replaced one stay checkable until they expire.
 */
public enum SecretStage {
  /** The version in use. */
  CURRENT,
  /** The version the last rotation replaced. */
  PREVIOUS
}
