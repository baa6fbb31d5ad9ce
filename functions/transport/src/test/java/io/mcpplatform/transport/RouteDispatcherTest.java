package io.mcpplatform.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServlet;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteDispatcherTest {

  private static final HttpServlet A =
      new HttpServlet() {
        private static final long serialVersionUID = 1L;
      };
  private static final HttpServlet B =
      new HttpServlet() {
        private static final long serialVersionUID = 1L;
      };
  private static final HttpServlet C =
      new HttpServlet() {
        private static final long serialVersionUID = 1L;
      };

  private final RouteDispatcher dispatcher =
      new RouteDispatcher(
          List.of(
              new Route("/v0.1/*", A),
              new Route("/v0.1/servers/*", B),
              new Route("/v0.1/health", C)));

  @Test
  void find_prefersExactRoute_thenLongestPrefix() {
    assertThat(dispatcher.find("/v0.1/health").servlet()).isSameAs(C);
    assertThat(dispatcher.find("/v0.1/servers/abc").servlet()).isSameAs(B);
    assertThat(dispatcher.find("/v0.1/servers").servlet()).isSameAs(B);
    assertThat(dispatcher.find("/v0.1/other").servlet()).isSameAs(A);
    assertThat(dispatcher.find("/v0.1").servlet()).isSameAs(A);
  }

  @Test
  void find_returnsNull_whenOnlyAPrefixOfASegmentMatches() {
    assertThat(dispatcher.find("/v0.10/servers")).isNull();
    assertThat(dispatcher.find("/registry/mcp")).isNull();
  }

  @Test
  void route_rejectsMalformedPathSpecs() {
    assertThatThrownBy(() -> new Route("registry/mcp", A))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Route("/a/*/b", A)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Route("/a*", A)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Route("/a", null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void dispatcher_rejectsTwoRoutesWithTheSamePath() {
    assertThatThrownBy(() -> new RouteDispatcher(List.of(new Route("/x", A), new Route("/x", B))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
