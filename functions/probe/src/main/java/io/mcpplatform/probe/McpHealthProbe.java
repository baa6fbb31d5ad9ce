package io.mcpplatform.probe;

import io.mcpplatform.core.catalog.Capability;
import io.mcpplatform.core.catalog.InputSchemas;
import io.mcpplatform.core.catalog.Remote;
import io.mcpplatform.core.health.HealthProbe;
import io.mcpplatform.core.health.ProbeOutcome;
import io.mcpplatform.core.health.ProbeResult;
import io.mcpplatform.core.progress.ProgressListener;
import io.mcpplatform.mcpclient.Json;
import io.mcpplatform.mcpclient.McpException;
import io.mcpplatform.mcpclient.McpSession;
import io.mcpplatform.mcpclient.McpTransport;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link HealthProbe} that speaks MCP through the MCP client library: {@code initialize}, {@code
 * notifications/initialized}, {@code tools/list} and {@code resources/list} when the server
 * advertises them, over Streamable HTTP or the legacy HTTP+SSE transport. Each tool keeps its name,
 * description and input schema (within the bounds of {@link InputSchemas}).
 *
 * <p>SSRF-safe: the host is resolved once, every address is vetted by the {@link
 * ProbeSettings#addressPolicy} before any packet is sent, and the session's {@link
 * io.mcpplatform.mcpclient.HostResolver} hands the library that vetted address for every connection
 * (Host header, SNI and certificate check use the original name). Redirects are reported, never
 * followed. Connect and total timeouts and a byte bound limit what one probe may cost.
 */
public final class McpHealthProbe implements HealthProbe {

  /** The protocol version the probe asks for; servers answer with the one they speak. */
  public static final String REQUESTED_PROTOCOL_VERSION = McpSession.PROTOCOL_VERSIONS.get(0);

  private static final int MAX_PAGES = 10;
  private static final int MAX_CAPABILITIES = 500;
  private static final int MAX_DESCRIPTION = 300;
  private static final Logger LOG = LoggerFactory.getLogger(McpHealthProbe.class);

  private final ProbeSettings settings;

  /**
   * @param settings timeouts, bounds, address policy and resolver
   */
  public McpHealthProbe(ProbeSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * @return the settings
   */
  public ProbeSettings settings() {
    return settings;
  }

  @Override
  public ProbeResult probe(Remote remote) {
    return probe(remote, ProgressListener.NONE);
  }

  @Override
  public ProbeResult probe(Remote remote, ProgressListener progress) {
    long started = System.nanoTime();
    URI uri;
    try {
      uri = new URI(remote.url());
    } catch (URISyntaxException e) {
      return ProbeResult.down("the URL is malformed", null);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return ProbeResult.down("the URL is not http or https", null);
    }
    if (uri.getHost() == null || uri.getHost().isEmpty() || uri.getRawUserInfo() != null) {
      return ProbeResult.down("the URL has no usable host", null);
    }
    String host =
        uri.getHost().startsWith("[")
            ? uri.getHost().substring(1, uri.getHost().length() - 1)
            : uri.getHost();
    InetAddress vetted;
    try {
      vetted = ProbeTarget.vet(host, settings.resolver(), settings.addressPolicy());
    } catch (ProbeTarget.RefusedException e) {
      return ProbeResult.refused(e.getMessage());
    } catch (UnknownHostException e) {
      return ProbeResult.down("the host name does not resolve", null);
    }
    McpSession session =
        McpSession.builder(uri)
            .transport(
                Remote.SSE.equals(remote.type()) ? McpTransport.SSE : McpTransport.STREAMABLE_HTTP)
            .clientInfo("mcp-platform-health-checker", "0.1.0")
            .connectTimeout(settings.connectTimeout())
            .requestTimeout(settings.totalTimeout())
            .maxMessageBytes(settings.maxResponseBytes())
            .sessionLimits(settings.totalTimeout(), settings.maxResponseBytes())
            .resolver(
                name -> {
                  if (!name.equalsIgnoreCase(host)) {
                    throw new UnknownHostException("only the vetted host is connected to");
                  }
                  return vetted;
                })
            .sslContext(settings.sslContext())
            .build();
    try (session) {
      // step 1 of HealthProbe.STEPS: the session connects on its first message
      progress.progress(1, HealthProbe.STEPS, "Connecting to " + uri.getRawAuthority());
      return exchange(session, started, progress);
    } catch (McpException e) {
      return ProbeResult.down(e.getMessage(), elapsed(started));
    } catch (RuntimeException e) {
      LOG.warn("probe of {} failed unexpectedly", host, e);
      return ProbeResult.down("the probe failed unexpectedly", elapsed(started));
    }
  }

  private static ProbeResult exchange(McpSession session, long started, ProgressListener progress) {
    Map<String, Object> init = call(session, "initialize", null);
    String version = session.protocolVersion();
    progress.progress(
        2, HealthProbe.STEPS, "Initialized (protocol " + clip(String.valueOf(version), 40) + ")");
    List<Capability> found = new ArrayList<>();
    Map<String, Object> advertised = Json.object(init.get("capabilities"));
    if (advertised != null && advertised.containsKey("tools")) {
      list(session, "tools/list", "tools", Capability.TOOL, found);
    }
    if (advertised != null && advertised.containsKey("resources")) {
      list(session, "resources/list", "resources", Capability.RESOURCE, found);
    }
    progress.progress(3, HealthProbe.STEPS, "Listed " + found.size() + " capabilities");
    Map<String, Object> info = Json.object(init.get("serverInfo"));
    return new ProbeResult(
        ProbeOutcome.UP,
        elapsed(started),
        clip(version, 40),
        info == null ? null : clipOrNull(text(info, "name")),
        info == null ? null : clipOrNull(text(info, "version")),
        found,
        null);
  }

  /** One request; a JSON-RPC error is reported with its code, as operators look them up. */
  private static Map<String, Object> call(
      McpSession session, String method, Map<String, Object> params) {
    try {
      return "initialize".equals(method) ? session.initialize() : session.request(method, params);
    } catch (McpException e) {
      if (e.kind() == McpException.Kind.RPC_ERROR) {
        throw new McpException(
            e.kind(),
            method + " failed: JSON-RPC error " + e.rpcCode() + " " + e.getMessage(),
            false,
            e.rpcCode(),
            e);
      }
      throw e;
    }
  }

  private static void list(
      McpSession session, String method, String field, String type, List<Capability> found) {
    SchemaBudget schemas = new SchemaBudget();
    String cursor = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      Map<String, Object> result =
          call(session, method, cursor == null ? null : Map.of("cursor", cursor));
      List<Object> items = Json.array(result.get(field));
      if (items == null) {
        throw new McpException(
            McpException.Kind.PROTOCOL,
            "the " + method + " result has no " + field + " array",
            false,
            null,
            null);
      }
      for (Object element : items) {
        Map<String, Object> item = Json.object(element);
        String name = item == null ? null : text(item, "name");
        if (name == null && item != null) {
          name = text(item, "uri");
        }
        if (name != null && found.size() < MAX_CAPABILITIES) {
          String description = text(item, "description");
          found.add(
              new Capability(
                  clip(name, 200),
                  type,
                  description == null ? null : clip(description, MAX_DESCRIPTION),
                  Capability.TOOL.equals(type)
                      ? schemas.keep(name, item.get("inputSchema"))
                      : null));
        }
      }
      cursor = text(result, "nextCursor");
      if (cursor == null) {
        break;
      }
    }
  }

  /**
   * Which discovered tools keep their input schema: each one that passes {@link
   * InputSchemas#check}, in the server's order, while the list's schemas stay within {@link
   * InputSchemas#MAX_TOTAL_BYTES}. A tool whose schema is dropped is kept without it.
   */
  private static final class SchemaBudget {
    private int used;

    Map<String, Object> keep(String tool, Object schema) {
      if (schema == null) {
        return null;
      }
      InputSchemas.Checked checked = InputSchemas.check(schema);
      if (!checked.ok()) {
        LOG.debug("input schema of tool {} dropped: it {}", clip(tool, 200), checked.problem());
        return null;
      }
      if (used + checked.bytes() > InputSchemas.MAX_TOTAL_BYTES) {
        LOG.debug(
            "input schema of tool {} dropped: the list's schemas are over budget", clip(tool, 200));
        return null;
      }
      used += checked.bytes();
      return checked.schema();
    }
  }

  private static long elapsed(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }

  private static String text(Map<String, Object> object, String member) {
    String s = Json.string(object, member);
    return s == null || s.isBlank() ? null : s;
  }

  private static String clip(String s, int max) {
    String oneLine = s.replaceAll("[\\r\\n\\t]+", " ");
    return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "...";
  }

  private static String clipOrNull(String s) {
    return s == null ? null : clip(s, 200);
  }
}
