// The official TypeScript MCP SDK client against a registry endpoint: connects, lists tools, calls one,
// and prints {serverInfo, tools, result} as JSON on stdout. Exits 1 on any failure.
// Usage: node registry-client.mjs URL TOOL ARGUMENTS_JSON
// Run it where it lies in src/test/resources, so Node resolves the SDK from src/test/node_modules.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const [url, tool, argsJson] = process.argv.slice(2);
if (!url || !tool) {
  console.error("usage: node registry-client.mjs URL TOOL ARGUMENTS_JSON");
  process.exit(2);
}

const client = new Client({ name: "e2e-typescript-client", version: "1.0.0" });
try {
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  const tools = await client.listTools();
  const result = await client.callTool({ name: tool, arguments: JSON.parse(argsJson ?? "{}") });
  console.log(JSON.stringify({
    serverInfo: client.getServerVersion(),
    protocolVersion: client.transport?.protocolVersion ?? null,
    tools: tools.tools.map((t) => t.name),
    result,
  }));
  await client.close();
} catch (e) {
  console.error(String(e?.message ?? e));
  process.exit(1);
}
