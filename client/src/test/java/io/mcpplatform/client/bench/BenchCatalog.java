package io.mcpplatform.client.bench;

import io.mcpplatform.core.catalog.UrlPolicy;
import io.mcpplatform.core.registry.RegistrationRequest;
import io.mcpplatform.core.registry.RegistryService;
import io.mcpplatform.local.LocalSystem;
import io.mcpplatform.local.http.LocalHttpServer;
import io.mcpplatform.transport.Route;
import io.mcpplatform.transport.StatelessMcpServlet;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MCP servers of different domains, four tools each, served from one loopback host and registered
 * in the local system's registry next to its maps server: the catalog the client benchmarks search.
 * Server 0 is a second geocoder ({@code geo}), so that the question has two good matches.
 */
final class BenchCatalog implements AutoCloseable {

  private static final String[][] DOMAINS = {
    {
      "geo",
      "Geocoding and maps: find the coordinates and address of places, landmarks and addresses",
      "get_location:Find the coordinates and formatted address of a place, landmark or address",
      "reverse_geocode:Find the address at given latitude and longitude coordinates",
      "get_directions:Driving, walking or transit directions between two places",
      "nearby_places:Places of a kind (restaurants, museums) near a point"
    },
    {
      "weather",
      "Weather forecasts, current conditions and severe weather alerts",
      "get_forecast",
      "get_current",
      "get_alerts",
      "get_history"
    },
    {
      "stocks",
      "Stock market quotes, company fundamentals and price history",
      "get_quote",
      "get_fundamentals",
      "get_price_history",
      "search_ticker"
    },
    {
      "calendar",
      "Calendar events, free/busy times and meeting scheduling",
      "list_events",
      "create_event",
      "find_free_time",
      "delete_event"
    },
    {
      "email",
      "Send, search and read email messages and threads",
      "send_email",
      "search_email",
      "read_thread",
      "list_labels"
    },
    {
      "translate",
      "Translate text between languages and detect languages",
      "translate_text",
      "detect_language",
      "list_languages",
      "translate_document"
    },
    {
      "github",
      "Repositories, issues and pull requests on GitHub",
      "search_repos",
      "list_issues",
      "create_issue",
      "get_pull_request"
    },
    {
      "jira",
      "Jira tickets, sprints and boards",
      "search_tickets",
      "create_ticket",
      "update_ticket",
      "list_sprints"
    },
    {
      "slack",
      "Slack channels and messages",
      "post_message",
      "search_messages",
      "list_channels",
      "get_thread"
    },
    {
      "files",
      "Read, write and search files in a workspace",
      "read_file",
      "write_file",
      "search_files",
      "list_directory"
    },
  };

  private static final String[] MORE = {
    "news",
    "recipes",
    "flights",
    "hotels",
    "currency",
    "crypto",
    "sports",
    "movies",
    "music",
    "books",
    "dictionary",
    "wikipedia",
    "arxiv",
    "pubmed",
    "patents",
    "legal",
    "tax",
    "payroll",
    "crm",
    "invoices",
    "shipping",
    "inventory",
    "ecommerce",
    "ads",
    "analytics",
    "seo",
    "dns",
    "cloud-costs",
    "kubernetes",
    "databases",
    "logs",
    "metrics",
    "tracing",
    "security-scans",
    "passwords",
    "notes",
    "todo",
    "spreadsheets"
  };

  private final LocalHttpServer host;
  private final List<Server> servers = new ArrayList<>();

  /** One generated server. */
  record Server(String id, String description, List<String[]> tools) {}

  BenchCatalog(int count) throws IOException {
    List<Route> routes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Server server = server(i);
      servers.add(server);
      List<SyncToolSpecification> specs = new ArrayList<>();
      for (String[] tool : server.tools()) {
        specs.add(tool(tool[0], tool[1]));
      }
      routes.add(
          new Route(
              "/" + server.id() + "/mcp",
              StatelessMcpServlet.builder(server.id(), "1.0.0").tools(specs).build()));
    }
    host = new LocalHttpServer("127.0.0.1", 0, routes);
    host.start();
  }

  private static Server server(int i) {
    String[] d;
    if (i < DOMAINS.length) {
      d = DOMAINS[i];
    } else {
      String topic =
          MORE[(i - DOMAINS.length) % MORE.length]
              + (i - DOMAINS.length >= MORE.length ? "-" + i : "");
      String noun = topic.replace('-', '_');
      d =
          new String[] {
            topic,
            "Look up, create and manage " + topic.replace('-', ' ') + " records",
            "search_" + noun,
            "get_" + noun,
            "create_" + noun,
            "list_" + noun + "_categories"
          };
    }
    List<String[]> tools = new ArrayList<>();
    for (int t = 2; t < d.length; t++) {
      String[] parts = d[t].split(":", 2);
      String description =
          parts.length > 1
              ? parts[1]
              : parts[0].replace('_', ' ')
                  + " in the "
                  + d[0]
                  + " service; returns JSON with the matching records,"
                  + " their identifiers, timestamps and a short summary of each";
      tools.add(new String[] {parts[0], description});
    }
    return new Server(d[0], d[1], tools);
  }

  private static SyncToolSpecification tool(String name, String description) {
    String schema =
        """
        {"type":"object","properties":{
          "query":{"type":"string","description":"what to look for: a name, an address, an identifier or free text"},
          "limit":{"type":"integer","description":"most results to return, 1-50","minimum":1,"maximum":50},
          "language":{"type":"string","description":"IETF language tag for the results, such as en or fr"}},
         "required":["query"]}""";
    McpSchema.Tool tool =
        McpSchema.Tool.builder(name, McpJsonDefaults.getMapper(), schema)
            .description(description)
            .build();
    return new SyncToolSpecification(
        tool,
        (context, request) ->
            McpSchema.CallToolResult.builder()
                .addTextContent(
                    "{\"tool\":\""
                        + name
                        + "\",\"query\":\""
                        + request.arguments().get("query")
                        + "\",\"lat\":48.8584,\"lng\":2.2945}")
                .build());
  }

  /**
   * Registers every server in the local system's registry (in process: registration over MCP may
   * need a token).
   */
  void register(LocalSystem system) {
    RegistryService registry = system.registry().service();
    {
      for (Server s : servers) {
        List<Map<String, Object>> capabilities = new ArrayList<>();
        s.tools()
            .forEach(
                t -> capabilities.add(Map.of("name", t[0], "type", "tool", "description", t[1])));
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("server_id", s.id());
        args.put("name", s.id());
        args.put("description", s.description());
        args.put("url", host.baseUri() + "/" + s.id() + "/mcp");
        args.put("capabilities", capabilities);
        args.put("tags", List.of(s.id().split("-")[0]));
        registry.register(
            RegistrationRequest.fromArguments(args, UrlPolicy.LOCAL_ALLOW_LOOPBACK_HTTP));
      }
    }
  }

  List<Server> servers() {
    return servers;
  }

  String url(Server s) {
    return host.baseUri() + "/" + s.id() + "/mcp";
  }

  @Override
  public void close() {
    host.stop();
  }
}
