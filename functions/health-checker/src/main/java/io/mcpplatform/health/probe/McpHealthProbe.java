package io.mcpplatform.health.probe;

import io.mcpplatform.core.catalog.Capability;
import io.mcpplatform.core.catalog.Remote;
import io.mcpplatform.core.health.HealthProbe;
import io.mcpplatform.core.health.ProbeOutcome;
import io.mcpplatform.core.health.ProbeResult;
import io.mcpplatform.core.progress.ProgressListener;
import java.io.IOException;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link HealthProbe} that speaks MCP: {@code initialize}, {@code notifications/initialized},
 * {@code tools/list} and {@code resources/list} when the server advertises them, over Streamable HTTP or
 * the legacy HTTP+SSE transport.
 *
 * <p>SSRF-safe: the host is resolved once, every address is vetted by the {@link ProbeSettings#addressPolicy}
 * before any packet is sent, and every connection goes to the vetted address (Host header, SNI and
 * certificate check use the original name). Redirects are reported, never followed. Connect and total
 * timeouts and a byte bound limit what one probe may cost.
 */
public final class McpHealthProbe implements HealthProbe {

  /** The protocol version the probe asks for; servers answer with the one they speak. */
  public static final String REQUESTED_PROTOCOL_VERSION = "2025-11-25";
  private static final int MAX_PAGES = 10;
  private static final int MAX_CAPABILITIES = 500;
  private static final int MAX_DESCRIPTION = 300;
  private static final Logger LOG = LoggerFactory.getLogger(McpHealthProbe.class);

  private final ProbeSettings settings;

  /** @param settings timeouts, bounds, address policy and resolver */
  public McpHealthProbe(ProbeSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** @return the settings */
  public ProbeSettings settings() {
    return settings;
  }

  @Override
  public ProbeResult probe(Remote remote) {
    return probe(remote, ProgressListener.NONE);
  }

  @Override
  public ProbeResult probe(Remote remote, ProgressListener progress) {
    ProbeBudget budget = new ProbeBudget(settings.totalTimeout().toMillis(), settings.maxResponseBytes());
    URI uri;
    try {
      uri = new URI(remote.url());
    } catch (URISyntaxException e) {
      return ProbeResult.down("the URL is malformed", null);
    }
    ProbeTarget target;
    try {
      target = ProbeTarget.resolve(uri, settings.resolver(), settings.addressPolicy());
    } catch (ProbeTarget.RefusedException e) {
      return ProbeResult.refused(e.getMessage());
    } catch (ProbeFailedException e) {
      return ProbeResult.down(e.getMessage(), null);
    }
    try (McpChannel channel = Remote.SSE.equals(remote.type())
        ? LegacySseChannel.open(uri, target, settings, budget)
        : new StreamableChannel(uri, target, settings, budget)) {
      // progress step 1 of HealthProbe.STEPS; the channel connects on its first message
      progress.progress(1, HealthProbe.STEPS, "Connecting to " + target.hostHeader());
      return exchange(channel, budget, progress);
    } catch (ProbeFailedException e) {
      return ProbeResult.down(e.getMessage(), budget.elapsedMillis());
    } catch (BoundedInput.BudgetExceeded e) {
      return ProbeResult.down(e.reason.getMessage(), budget.elapsedMillis());
    } catch (SocketException e) {
      return ProbeResult.down("the connection was closed or reset by the server", budget.elapsedMillis());
    } catch (IOException e) {
      return ProbeResult.down("the connection failed (" + e.getClass().getSimpleName() + ")",
          budget.elapsedMillis());
    } catch (RuntimeException e) {
      LOG.warn("probe of {} failed unexpectedly", target.hostHeader(), e);
      return ProbeResult.down("the probe failed unexpectedly", budget.elapsedMillis());
    }
  }

  private ProbeResult exchange(McpChannel channel, ProbeBudget budget, ProgressListener progress)
      throws IOException, ProbeFailedException {
    ObjectNode params = McpChannel.JSON.createObjectNode();
    params.put("protocolVersion", REQUESTED_PROTOCOL_VERSION);
    params.putObject("capabilities");
    ObjectNode client = params.putObject("clientInfo");
    client.put("name", "mcp-platform-health-checker");
    client.put("version", "0.1.0");
    JsonNode init = channel.call("initialize", params, 1);
    String version = text(init.path("protocolVersion"));
    if (version == null) {
      throw new ProbeFailedException("the initialize result has no protocolVersion");
    }
    channel.negotiated(version);
    progress.progress(2, HealthProbe.STEPS, "Initialized (protocol " + McpChannel.clip(version, 40) + ")");
    channel.notify("notifications/initialized");
    List<Capability> found = new ArrayList<>();
    JsonNode advertised = init.path("capabilities");
    int id = 2;
    if (advertised.has("tools")) {
      id = list(channel, "tools/list", "tools", Capability.TOOL, found, id);
    }
    if (advertised.has("resources")) {
      list(channel, "resources/list", "resources", Capability.RESOURCE, found, id);
    }
    progress.progress(3, HealthProbe.STEPS, "Listed " + found.size() + " capabilities");
    JsonNode info = init.path("serverInfo");
    return new ProbeResult(ProbeOutcome.UP, budget.elapsedMillis(), McpChannel.clip(version, 40),
        clipOrNull(text(info.path("name"))), clipOrNull(text(info.path("version"))), found, null);
  }

  private static int list(McpChannel channel, String method, String field, String type, List<Capability> found,
      int firstId) throws IOException, ProbeFailedException {
    int id = firstId;
    String cursor = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      ObjectNode params = McpChannel.JSON.createObjectNode();
      if (cursor != null) {
        params.put("cursor", cursor);
      }
      JsonNode result = channel.call(method, params, id++);
      JsonNode items = result.path(field);
      if (!items.isArray()) {
        throw new ProbeFailedException("the " + method + " result has no " + field + " array");
      }
      for (JsonNode item : items) {
        String name = text(item.path("name"));
        if (name == null) {
          name = text(item.path("uri"));
        }
        if (name != null && found.size() < MAX_CAPABILITIES) {
          String description = text(item.path("description"));
          found.add(new Capability(McpChannel.clip(name, 200), type,
              description == null ? null : McpChannel.clip(description, MAX_DESCRIPTION)));
        }
      }
      cursor = text(result.path("nextCursor"));
      if (cursor == null) {
        break;
      }
    }
    return id;
  }

  private static String text(JsonNode node) {
    return node.isString() && !node.asString().isBlank() ? node.asString() : null;
  }

  private static String clipOrNull(String s) {
    return s == null ? null : McpChannel.clip(s, 200);
  }
}
