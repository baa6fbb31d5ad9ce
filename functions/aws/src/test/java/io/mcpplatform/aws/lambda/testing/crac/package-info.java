/**
 * A stand-in for the checkpoint/restore implementation that Lambda SnapStart gives {@code
 * org.crac}: the {@code org.crac} library looks for an implementation package by name (system
 * property {@code org.crac.Core.Compat}) and, given this one, registers every {@code
 * org.crac.Resource} here, so that {@code org.crac.Core.checkpointRestore()} runs every registered
 * hook as a snapshot and a restore would: {@code beforeCheckpoint} in reverse order of
 * registration, then {@code afterRestore} in order. Used by {@link
 * io.mcpplatform.aws.lambda.testing.LambdaJarLauncher} when a test asks for SnapStart.
 */
package io.mcpplatform.aws.lambda.testing.crac;
