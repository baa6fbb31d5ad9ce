package io.mcpplatform.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ArgsTest {

  @Test
  void parse_refusesAnUnknownShortOption_namingIt_insteadOfSwallowingTheNextWord() {
    assertThatThrownBy(() -> Args.parse(new String[] {"search", "-x", "maps"}))
        .isInstanceOf(Args.UsageException.class)
        .hasMessageStartingWith("Unknown option -x ");
  }

  @Test
  void parse_refusesAnUnknownLongOption_namingIt() {
    assertThatThrownBy(() -> Args.parse(new String[] {"search", "maps", "--limt", "5"}))
        .isInstanceOf(Args.UsageException.class)
        .hasMessageStartingWith("Unknown option --limt ");
    assertThatThrownBy(() -> Args.parse(new String[] {"search", "--=5"}))
        .isInstanceOf(Args.UsageException.class)
        .hasMessageStartingWith("Unknown option -- ");
  }

  @Test
  void parse_readsKnownOptions_flags_andShortHelpAndVerbose() {
    Args args =
        Args.parse(
            new String[] {
              "ask",
              "-v",
              "Where",
              "is",
              "Paris?",
              "--min-score=0.5",
              "--search",
              "geocoding",
              "--json"
            });

    assertThat(args.command).isEqualTo("ask");
    assertThat(args.positional).containsExactly("Where", "is", "Paris?");
    assertThat(args.option("min-score")).isEqualTo("0.5");
    assertThat(args.option("search")).isEqualTo("geocoding");
    assertThat(args.flag("json")).isTrue();
    assertThat(args.flag("verbose")).isTrue();
    assertThat(Args.parse(new String[] {"-h"}).flag("help")).isTrue();
  }

  @Test
  void parse_takesEveryWordAfterDoubleDash_andALoneDash_asPositional() {
    Args args = Args.parse(new String[] {"call", "geo", "-", "--", "-x", "--json"});

    assertThat(args.positional).containsExactly("geo", "-", "-x", "--json");
    assertThat(args.flag("json")).isFalse();
  }

  @Test
  void parse_saysWhichOptionNeedsAValue() {
    assertThatThrownBy(() -> Args.parse(new String[] {"search", "--limit"}))
        .isInstanceOf(Args.UsageException.class)
        .hasMessage("Option --limit needs a value");
  }

  @Test
  void fraction_readsTheOption_elseTheVariable_elseTheDefault_andNamesBothWhenOutOfRange() {
    Map<String, String> env = Map.of("MCP_MIN_SCORE", "0.2");

    assertThat(
            Args.parse(new String[] {"ask", "q", "--min-score", "0.5"})
                .fraction("min-score", env, "MCP_MIN_SCORE", 0.35))
        .isEqualTo(0.5);
    assertThat(
            Args.parse(new String[] {"ask", "q"}).fraction("min-score", env, "MCP_MIN_SCORE", 0.35))
        .isEqualTo(0.2);
    assertThat(
            Args.parse(new String[] {"ask", "q"})
                .fraction("min-score", Map.of(), "MCP_MIN_SCORE", 0.35))
        .isEqualTo(0.35);
    assertThatThrownBy(
            () ->
                Args.parse(new String[] {"ask", "q", "--min-score=2"})
                    .fraction("min-score", env, "MCP_MIN_SCORE", 0.35))
        .hasMessage("--min-score / MCP_MIN_SCORE must be a number from 0 to 1");
  }
}
