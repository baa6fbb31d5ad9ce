package io.mcpplatform.embedded.store;

import io.mcpplatform.core.store.RegistryStore;
import io.mcpplatform.core.store.RegistryStoreContract;
import io.mcpplatform.core.store.RegistryStoreVectorsContract;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

class FileRegistryStoreContractTest extends RegistryStoreContract {

  @TempDir Path tmp;

  @Override
  protected RegistryStore newStore() {
    return FileRegistryStore.open(tmp.resolve("data"));
  }

  /** The vectors part of the contract, on a store of its own beside the outer test's. */
  @Nested
  class Vectors extends RegistryStoreVectorsContract {
    @Override
    protected RegistryStore newStore() {
      return FileRegistryStore.open(tmp.resolve("vectors"));
    }
  }
}
