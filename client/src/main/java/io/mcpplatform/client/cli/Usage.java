package io.mcpplatform.client.cli;

/** The help text. */
final class Usage {

  static final String TEXT =
      """
      Usage: ./mcp COMMAND [ARGS] [OPTIONS]

      Commands:
        search QUERY                   search the registry (health shown)
        show SERVER                    one server's catalog entry
        tools SERVER                   connect to a server and list its tools
        call SERVER TOOL [k=v ...]     call a tool (no LLM needed); --input JSON for an argument object
        ask "QUESTION"                 find tools through the registry and answer with an LLM
                                       (--search QUERY to search for something other than the question)
        chat                           interactive session with history; 'quit' or 'exit' to leave

      Options:
        --registry URL       registry base URL (MCP_REGISTRY_URL; default http://127.0.0.1:3000)
        --registry-token T   bearer token for the registry, if it asks for one (MCP_REGISTRY_TOKEN)
        --json               machine-readable output
        --verbose, -v        library debug logging on standard error (never header values)
        --limit N            search results (default 20)
        --llm NAME           anthropic or openai (MCP_LLM; default anthropic, or openai when only
                             OPENAI_BASE_URL is set)
        --model NAME         model (MCP_MODEL; Anthropic default claude-sonnet-4-5, OpenAI OPENAI_MODEL
                             or gpt-4o-mini)
        --max-tools N        most tools sent to the model (default 5)
        --max-servers N      most servers connected per question (default 3)
        --max-result-chars N cap on one tool result sent to the model (default 6000)
        --min-score X        relevance floor on the registry's search score, 0 to 1 (MCP_MIN_SCORE;
                             default 0.35; not applied when the registry's scores are not 0 to 1)
        --search-rounds N    when nothing relevant is found, model calls that may search the registry
                             in the model's own words (default 3; 0 to answer at once that none fits)
        --price-input USD    price per million input tokens (MCP_PRICE_INPUT); also --price-output,
                             --price-cache-read, --price-cache-write
        --config FILE        client config with server header values (MCP_CLIENT_CONFIG; default
                             ~/.config/mcp-platform/client.json): {"headers": {"SERVER": {"HEADER": "VALUE"}}}

      Environment:
        ANTHROPIC_API_KEY, ANTHROPIC_BASE_URL   Anthropic Messages API key and base URL
        OPENAI_BASE_URL, OPENAI_API_KEY         OpenAI-compatible chat completions endpoint (key optional
                                                for local servers such as Ollama, llama.cpp, vLLM)
        MCP_HEADER_<SERVER>__<HEADER>           value of a header a server requires, for that exact server:
                                                letters and digits kept, every other character (_ too) as
                                                _XX hex, e.g. com.example/weather and X-Api-Key:
                                                MCP_HEADER_com_2Eexample_2Fweather__X_2DApi_2DKey
                                                (./mcp show SERVER prints the exact name)

      Exit codes: 0 done, 1 failed, 2 bad command line, 3 missing API key or server credential.
      """;

  private Usage() {}
}
