package io.mcpplatform.embedded.store;

import io.mcpplatform.core.store.RegistryStore;
import io.mcpplatform.core.store.RegistryStoreContract;
import io.mcpplatform.core.store.RegistryStoreSchemasContract;
import io.mcpplatform.core.store.RegistryStoreVectorsContract;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.zip.CRC32C;
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

  /** The input schemas part of the contract, on stores of its own. */
  @Nested
  class Schemas extends RegistryStoreSchemasContract {
    @Override
    protected RegistryStore newStore() {
      return FileRegistryStore.open(tmp.resolve("schemas"));
    }

    /** One journal record, checksummed, whose entry is in the JSON form of before input schemas. */
    @Override
    protected RegistryStore storeWithLegacyEntry(String name) throws IOException {
      Path dir = Files.createDirectories(tmp.resolve("legacy"));
      String rec =
          "{\"changedAt\":\""
              + T0
              + "\",\"entry\":{\"name\":\""
              + name
              + "\",\"title\":\"Legacy\",\"version\":\"1.0.0\",\"remotes\":[{\"type\":"
              + "\"streamable-http\",\"url\":\"https://legacy.example.com/mcp\",\"headers\":[]}],"
              + "\"tags\":[],\"capabilities\":"
              + LEGACY_CAPABILITIES
              + ",\"discoveredCapabilities\":"
              + LEGACY_CAPABILITIES
              + ",\"status\":\"active\",\"publishedAt\":\""
              + T0
              + "\",\"updatedAt\":\""
              + T0
              + "\",\"revision\":1}}";
      byte[] body = rec.getBytes(StandardCharsets.UTF_8);
      CRC32C crc = new CRC32C();
      crc.update(body);
      Files.writeString(
          dir.resolve(Journal.FILE_NAME),
          "{\"crc\":\""
              + HexFormat.of().toHexDigits((int) crc.getValue())
              + "\",\"rec\":"
              + rec
              + "}\n");
      return FileRegistryStore.open(dir);
    }
  }
}
