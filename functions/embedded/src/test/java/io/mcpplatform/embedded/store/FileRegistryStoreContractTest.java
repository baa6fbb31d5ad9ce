package io.mcpplatform.embedded.store;

import io.mcpplatform.core.store.RegistryStore;
import io.mcpplatform.core.store.RegistryStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class FileRegistryStoreContractTest extends RegistryStoreContract {

  @TempDir
  Path tmp;

  @Override
  protected RegistryStore newStore() {
    return FileRegistryStore.open(tmp.resolve("data"));
  }
}
