package io.mcpplatform.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpplatform.client.llm.ChatMessage;
import io.mcpplatform.client.llm.LlmBackend;
import io.mcpplatform.client.llm.LlmReply;
import io.mcpplatform.client.llm.LlmRequest;
import io.mcpplatform.client.llm.OpenAiBackend;
import io.mcpplatform.client.llm.Prices;
import io.mcpplatform.client.testing.FakeLlmServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyBackendTest {

  @Test
  void modelAndPrices_areKnownWithoutBuildingTheBackend() {
    AtomicInteger built = new AtomicInteger();
    LazyBackend lazy =
        new LazyBackend(
            "m",
            Prices.FREE,
            () -> {
              built.incrementAndGet();
              throw new AssertionError("must not be built");
            });

    assertThat(lazy.model()).isEqualTo("m");
    assertThat(lazy.prices()).isEqualTo(Prices.FREE);
    lazy.close();
    assertThat(built).hasValue(0);
  }

  @Test
  void complete_buildsTheBackendOnce_onTheFirstRequest() throws Exception {
    try (FakeLlmServer llm = FakeLlmServer.start()) {
      llm.reply(FakeLlmServer.openAiText("one")).reply(FakeLlmServer.openAiText("two"));
      AtomicInteger built = new AtomicInteger();
      LazyBackend lazy =
          new LazyBackend(
              "local",
              Prices.FREE,
              () -> {
                built.incrementAndGet();
                return new OpenAiBackend(llm.baseUrl(), null, "local", Prices.FREE);
              });
      LlmRequest request = new LlmRequest("system", List.of(), List.of(ChatMessage.user("hi")), 16);

      LlmReply first = lazy.complete(request);
      LlmReply second = lazy.complete(request);

      assertThat(List.of(first.text(), second.text())).containsExactly("one", "two");
      assertThat(built).hasValue(1);
      assertThat(llm.received()).hasSize(2);
    }
  }

  @Test
  void backend_failsAtOnceOnAMissingKey_butBuildsNothing() {
    LlmBackend backend =
        LlmSettings.backend(
            Args.parse(new String[] {"ask", "q", "--model", "small"}),
            Map.of("OPENAI_BASE_URL", "http://127.0.0.1:1/v1"));

    assertThat(backend).isInstanceOf(LazyBackend.class);
    assertThat(backend.model()).isEqualTo("small");
  }
}
