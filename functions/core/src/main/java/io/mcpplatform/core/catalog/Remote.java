package io.mcpplatform.core.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * Where a server is reached (official {@code remotes[]}).
 *
 * @param type {@code streamable-http} or {@code sse}
 * @param url the endpoint URL
 * @param headers headers the remote requires, never null
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Remote(
    @JsonProperty("type") String type,
    @JsonProperty("url") String url,
    @JsonProperty("headers") List<RemoteHeader> headers) {

  public static final String STREAMABLE_HTTP = "streamable-http";
  public static final String SSE = "sse";

  public Remote {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(url, "url");
    headers = headers == null ? List.of() : List.copyOf(headers);
  }
}
