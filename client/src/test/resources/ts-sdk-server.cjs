// An MCP server built with the official TypeScript SDK (@modelcontextprotocol/sdk, src/test/package.json),
// for TypeScriptSdkServerTest: stateful Streamable HTTP (one transport per Mcp-Session-Id), answers as
// text/event-stream (JSON responses off, the SDK's default), notifications on the stream before a response.
//
// Tools: echo {text}; slow_progress {steps?} (logging and progress notifications, then the answer); weather
// {city} with an output schema and structuredContent (city "Atlantis": a result that breaks the schema).
//
// Run: NODE_PATH=<repo>/src/test/node_modules node ts-sdk-server.cjs
// stdout, one line each:
//   LISTENING <port>            once listening on 127.0.0.1 (endpoint http://127.0.0.1:<port>/mcp)
//   SESSION_OPENED <id>         a session was initialized
//   CALLED <tool> <id>          a tool ran in that session (slow_progress: after its notifications were written)
//   SESSION_CLOSED <id>         a session was ended by DELETE
// Diagnostics go to stderr. Exits when stdin closes.
'use strict';

const http = require('node:http');
const { randomUUID } = require('node:crypto');
const { McpServer } = require('@modelcontextprotocol/sdk/server/mcp.js');
const { StreamableHTTPServerTransport } = require('@modelcontextprotocol/sdk/server/streamableHttp.js');
const { SSEServerTransport } = require('@modelcontextprotocol/sdk/server/sse.js');
const { isInitializeRequest } = require('@modelcontextprotocol/sdk/types.js');
const z = require('zod/v4');

const MAX_BODY_BYTES = 1024 * 1024;
const ATLANTIS = 'Atlantis';

/** @type {Map<string, StreamableHTTPServerTransport>} */
const transports = new Map();

function say(line) {
  process.stdout.write(line + '\n');
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** One McpServer per session: an SDK server connects to a single transport. */
function newServer() {
  const server = new McpServer({ name: 'ts-sdk-interop', version: '1.0.0' }, { capabilities: { logging: {} } });

  server.registerTool('echo', {
    description: 'Returns its text',
    inputSchema: { text: z.string().describe('what to echo') },
  }, async ({ text }, extra) => {
    say(`CALLED echo ${extra.sessionId}`);
    return { content: [{ type: 'text', text }] };
  });

  server.registerTool('slow_progress', {
    description: 'Sends a log message and a progress notification on the response stream, then answers',
    inputSchema: { steps: z.number().int().min(1).max(5).optional() },
  }, async ({ steps }, extra) => {
    const total = steps ?? 2;
    // The client sends no progressToken; a progress notification it did not ask for must still be
    // skipped without harm, so one goes out with the request's token or a made-up one.
    const progressToken = extra._meta?.progressToken ?? `unrequested-${extra.requestId}`;
    for (let i = 1; i <= total; i++) {
      await extra.sendNotification({
        method: 'notifications/message',
        params: { level: 'info', logger: 'slow_progress', data: `step ${i} of ${total}` },
      });
      await extra.sendNotification({
        method: 'notifications/progress',
        params: { progressToken, progress: i, total, message: `step ${i}` },
      });
      await sleep(30);
    }
    say(`CALLED slow_progress ${extra.sessionId}`);
    return { content: [{ type: 'text', text: `done after ${total} steps` }] };
  });

  server.registerTool('weather', {
    description: 'Current weather for a city, as structured content',
    inputSchema: { city: z.string() },
    outputSchema: {
      city: z.string(),
      temperatureC: z.number(),
      conditions: z.enum(['sunny', 'cloudy', 'rainy']),
      wind: z.object({ speedKmh: z.number().min(0), direction: z.string() }),
    },
  }, async ({ city }, extra) => {
    say(`CALLED weather ${extra.sessionId}`);
    const structuredContent = city === ATLANTIS
      ? { city, temperatureC: 'unknown', conditions: 'sunny', wind: { speedKmh: 12, direction: 'NW' } }
      : { city, temperatureC: 21.5, conditions: 'sunny', wind: { speedKmh: 12, direction: 'NW' } };
    return { content: [{ type: 'text', text: JSON.stringify(structuredContent) }], structuredContent };
  });

  // The weather of ATLANTIS breaks the output schema (temperatureC is a string). The SDK checks tool results
  // itself before sending them; that check (McpServer.validateToolOutput, SDK 1.32) is skipped for ATLANTIS
  // so that the result reaches the client, whose own check must refuse it.
  if (typeof server.validateToolOutput !== 'function') {
    throw new Error('McpServer.validateToolOutput is gone: update ts-sdk-server.cjs for this SDK version');
  }
  const checkOutput = server.validateToolOutput.bind(server);
  server.validateToolOutput = async (tool, result, toolName) => {
    if (result && result.structuredContent && result.structuredContent.city === ATLANTIS) {
      return;
    }
    await checkOutput(tool, result, toolName);
  };

  return server;
}

function jsonError(res, status, code, message) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ jsonrpc: '2.0', error: { code, message }, id: null }));
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** @type {Map<string, SSEServerTransport>} the legacy HTTP+SSE transport's sessions (2024-11-05) */
const legacy = new Map();

/** GET /sse opens a legacy stream whose endpoint event names /messages?sessionId=...; POSTs answer there. */
async function handleLegacy(req, res, path) {
  if (path === '/sse' && req.method === 'GET') {
    const transport = new SSEServerTransport('/messages', res);
    legacy.set(transport.sessionId, transport);
    say(`SSE_OPENED ${transport.sessionId}`);
    res.on('close', () => legacy.delete(transport.sessionId));
    await newServer().connect(transport);
    return;
  }
  const transport = legacy.get(new URL(req.url, 'http://127.0.0.1').searchParams.get('sessionId'));
  if (path !== '/messages' || req.method !== 'POST' || !transport) {
    jsonError(res, 404, -32001, 'Session not found');
    return;
  }
  await transport.handlePostMessage(req, res);
}

async function handle(req, res) {
  const path = new URL(req.url, 'http://127.0.0.1').pathname;
  if (path === '/sse' || path === '/messages') {
    await handleLegacy(req, res, path);
    return;
  }
  if (path !== '/mcp') {
    jsonError(res, 404, -32000, 'Not found');
    return;
  }
  const sessionId = req.headers['mcp-session-id'];

  if (req.method === 'POST') {
    let body;
    try {
      body = JSON.parse(await readBody(req));
    } catch (e) {
      jsonError(res, 400, -32700, 'Parse error');
      return;
    }
    let transport = sessionId ? transports.get(sessionId) : undefined;
    if (!transport) {
      if (sessionId) {
        jsonError(res, 404, -32001, 'Session not found');
        return;
      }
      if (!isInitializeRequest(body)) {
        jsonError(res, 400, -32000, 'Bad Request: No valid session ID provided');
        return;
      }
      transport = new StreamableHTTPServerTransport({
        sessionIdGenerator: () => randomUUID(),
        onsessioninitialized: (id) => {
          transports.set(id, transport);
          say(`SESSION_OPENED ${id}`);
        },
      });
      // set before connect(): the SDK's Protocol chains its own close handler after this one
      transport.onclose = () => {
        const id = transport.sessionId;
        if (id && transports.delete(id)) {
          say(`SESSION_CLOSED ${id}`);
        }
      };
      transport.onerror = (e) => process.stderr.write(`transport error: ${e.message}\n`);
      await newServer().connect(transport);
    }
    await transport.handleRequest(req, res, body);
    return;
  }

  if (req.method === 'GET' || req.method === 'DELETE') {
    if (!sessionId) {
      jsonError(res, 400, -32000, 'Bad Request: Mcp-Session-Id header is required');
      return;
    }
    const transport = transports.get(sessionId);
    if (!transport) {
      jsonError(res, 404, -32001, 'Session not found');
      return;
    }
    await transport.handleRequest(req, res);
    return;
  }

  res.writeHead(405, { Allow: 'GET, POST, DELETE' });
  res.end();
}

const httpServer = http.createServer((req, res) => {
  handle(req, res).catch((e) => {
    process.stderr.write(`request failed: ${e.stack || e}\n`);
    if (!res.headersSent) {
      jsonError(res, 500, -32603, 'Internal server error');
    } else {
      res.end();
    }
  });
});

httpServer.listen(0, '127.0.0.1', () => {
  say(`LISTENING ${httpServer.address().port}`);
});

function shutdown() {
  httpServer.closeAllConnections();
  process.exit(0);
}

process.stdin.on('end', shutdown);
process.stdin.on('close', shutdown);
process.stdin.resume();
