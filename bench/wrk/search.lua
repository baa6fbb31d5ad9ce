-- wrk script: POSTs search_servers calls read from a file (one JSON-RPC body a line, written by
-- LoopbackLoad --print-searches, the query mix of LoopbackLoad's clients) and counts as an error every
-- answer that is not HTTP 200 with a "servers" result and no "isError":true, as LoopbackLoad does.
--   wrk -t2 -c32 -d30s --latency -s bench/wrk/search.lua http://127.0.0.1:3100/registry/mcp -- searches.jsonl
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("number", #threads)
end

function init(args)
  bodies = {}
  for line in io.lines(args[1] or "searches.jsonl") do
    bodies[#bodies + 1] = line
  end
  if #bodies == 0 then
    error("no request bodies in " .. tostring(args[1]))
  end
  -- each thread starts at its own place in the file, so threads do not send the same query in step
  -- (init runs in the thread's own Lua state: only what setup passed with thread:set is known here)
  position = ((number - 1) * 100003) % #bodies
  errors = 0
  shown = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Accept"] = "application/json, text/event-stream"
  wrk.headers["MCP-Protocol-Version"] = "2025-06-18"
end

function request()
  position = position % #bodies + 1
  return wrk.format(nil, nil, nil, bodies[position])
end

function response(status, headers, body)
  if status ~= 200 or not string.find(body, '"servers"', 1, true)
      or string.find(body, '"isError":true', 1, true) then
    errors = errors + 1
    if shown < 3 then
      shown = shown + 1
      io.stderr:write("error: HTTP " .. status .. " " .. string.sub(body, 1, 300) .. "\n")
    end
  end
end

function done(summary, latency, requests)
  local failed = 0
  for _, thread in ipairs(threads) do
    failed = failed + thread:get("errors")
  end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format("requests: %d in %.1f s = %.0f requests/s, errors: %d"
      .. " (connect %d, read %d, write %d, timeout %d)\n", summary.requests, seconds,
      summary.requests / seconds, failed + e.connect + e.read + e.write + e.timeout,
      e.connect, e.read, e.write, e.timeout))
  io.write(string.format("latency ms: p50 %.2f, p90 %.2f, p99 %.2f, p99.9 %.2f, max %.2f\n",
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency:percentile(99.9) / 1000, latency.max / 1000))
end
