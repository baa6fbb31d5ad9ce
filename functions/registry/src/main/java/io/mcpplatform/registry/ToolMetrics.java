package io.mcpplatform.registry;

import io.mcpplatform.aws.lambda.FunctionMetrics;
import io.mcpplatform.core.registry.RegistryService;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.List;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Records the registry's custom metrics around its tools, by the names the CDK dashboard reads
 * ({@code Monitoring} in the cdk module): {@value #SEARCH_REQUESTS} and {@value #SEARCH_LATENCY}
 * for each {@code search_servers} call, {@value #REGISTRATION_ERRORS} for each {@code
 * register_server} call that was rejected or failed, and {@value #TOTAL_SERVERS}, the servers in
 * the search index, after either.
 */
final class ToolMetrics {

  static final String SEARCH_REQUESTS = "SearchRequests";
  static final String SEARCH_LATENCY = "SearchLatency";
  static final String TOTAL_SERVERS = "TotalServers";
  static final String REGISTRATION_ERRORS = "RegistrationErrors";

  private final FunctionMetrics metrics;
  private final RegistryService service;

  ToolMetrics(FunctionMetrics metrics, RegistryService service) {
    this.metrics = metrics;
    this.service = service;
  }

  /**
   * @param specs the tools
   * @return the same tools, {@code search_servers} and {@code register_server} measured
   */
  List<SyncToolSpecification> measure(List<SyncToolSpecification> specs) {
    if (metrics == FunctionMetrics.NONE) {
      return specs;
    }
    return specs.stream()
        .map(
            spec ->
                switch (spec.tool().name()) {
                  case "search_servers" ->
                      new SyncToolSpecification(
                          spec.tool(),
                          (context, request) -> {
                            long start = System.nanoTime();
                            try {
                              return spec.callHandler().apply(context, request);
                            } finally {
                              metrics.add(SEARCH_REQUESTS, 1, MetricUnit.COUNT);
                              metrics.add(
                                  SEARCH_LATENCY,
                                  (System.nanoTime() - start) / 1e6,
                                  MetricUnit.MILLISECONDS);
                              metrics.add(TOTAL_SERVERS, service.indexedCount(), MetricUnit.COUNT);
                            }
                          });
                  case "register_server" ->
                      new SyncToolSpecification(
                          spec.tool(),
                          (context, request) -> {
                            boolean failed = true;
                            try {
                              CallToolResult result = spec.callHandler().apply(context, request);
                              failed = Boolean.TRUE.equals(result.isError());
                              return result;
                            } finally {
                              metrics.add(REGISTRATION_ERRORS, failed ? 1 : 0, MetricUnit.COUNT);
                              metrics.add(TOTAL_SERVERS, service.indexedCount(), MetricUnit.COUNT);
                            }
                          });
                  default -> spec;
                })
        .toList();
  }
}
