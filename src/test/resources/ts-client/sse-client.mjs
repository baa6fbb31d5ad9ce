// The official TypeScript MCP SDK client over server-sent events, printing JSON on stdout; exits 1 on failure.
//   node sse-client.mjs legacy URL TOOL ARGUMENTS_JSON     SSEClientTransport (HTTP+SSE, 2024-11-05) on /…/sse:
//                                                         {serverInfo, tools, result}
//   node sse-client.mjs progress URL TOOL ARGUMENTS_JSON   StreamableHTTPClientTransport, the call made with an
//                                                         onprogress callback: {result, progress: [...]}
// Run it where it lies in src/test/resources, so Node resolves the SDK from src/test/node_modules.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const [mode, url, tool, argsJson] = process.argv.slice(2);
if (!["legacy", "progress"].includes(mode) || !url || !tool) {
  console.error("usage: node sse-client.mjs legacy|progress URL TOOL ARGUMENTS_JSON");
  process.exit(2);
}

const client = new Client({ name: "e2e-typescript-sse-client", version: "1.0.0" });
try {
  const transport = mode === "legacy"
    ? new SSEClientTransport(new URL(url))
    : new StreamableHTTPClientTransport(new URL(url));
  await client.connect(transport);
  const args = JSON.parse(argsJson ?? "{}");
  if (mode === "legacy") {
    const tools = await client.listTools();
    const result = await client.callTool({ name: tool, arguments: args });
    console.log(JSON.stringify({
      serverInfo: client.getServerVersion(),
      tools: tools.tools.map((t) => t.name),
      result,
    }));
  } else {
    const progress = [];
    const result = await client.callTool({ name: tool, arguments: args }, undefined, {
      onprogress: (p) => progress.push(p),
    });
    console.log(JSON.stringify({ result, progress }));
  }
  await client.close();
} catch (e) {
  console.error(String(e?.message ?? e));
  process.exit(1);
}
