package io.mcpplatform.aws.lambda.testing.crac;

import java.util.ArrayList;
import java.util.List;

/**
 * The global context and the checkpoint-and-restore that runs its hooks (see the package's
 * description).
 */
public final class Core {

  private static final Global GLOBAL = new Global();

  private Core() {}

  /**
   * @return the context every {@code org.crac} resource registers with
   */
  public static Context<Resource> getGlobalContext() {
    return GLOBAL;
  }

  /**
   * Runs every {@code beforeCheckpoint} (newest registration first), then, when all passed, every
   * {@code afterRestore} (oldest first), as a snapshot and a restore would.
   *
   * @throws CheckpointException when any {@code beforeCheckpoint} failed (the snapshot would not be
   *     taken)
   * @throws RestoreException when any {@code afterRestore} failed
   */
  public static void checkpointRestore() throws CheckpointException, RestoreException {
    GLOBAL.beforeCheckpoint(null);
    GLOBAL.afterRestore(null);
  }

  private static final class Global extends Context<Resource> {
    private final List<Resource> resources = new ArrayList<>();

    @Override
    public synchronized void register(Resource resource) {
      resources.add(resource);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) throws CheckpointException {
      List<Resource> all;
      synchronized (this) {
        all = new ArrayList<>(resources);
      }
      CheckpointException failed = new CheckpointException();
      for (int i = all.size() - 1; i >= 0; i--) {
        try {
          all.get(i).beforeCheckpoint(this);
        } catch (Exception | Error e) {
          failed.addSuppressed(e);
        }
      }
      if (failed.getSuppressed().length > 0) {
        throw failed;
      }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) throws RestoreException {
      List<Resource> all;
      synchronized (this) {
        all = new ArrayList<>(resources);
      }
      RestoreException failed = new RestoreException();
      for (Resource resource : all) {
        try {
          resource.afterRestore(this);
        } catch (Exception | Error e) {
          failed.addSuppressed(e);
        }
      }
      if (failed.getSuppressed().length > 0) {
        throw failed;
      }
    }
  }
}
