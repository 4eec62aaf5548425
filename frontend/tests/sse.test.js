import assert from "node:assert/strict";
import { test } from "node:test";
import { consumeChatStream, readServerSentEvents, StreamInterrupted } from "../src/chat/sse.js";

function streamOf(...chunks) {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function collect(stream) {
  const events = [];
  for await (const event of readServerSentEvents(stream)) events.push(event);
  return events;
}

test("parses events split across chunks, with comments and multi-line data", async () => {
  const events = await collect(
    streamOf(": keep-alive\n\nevent: typ", "ing\ndata: {}\n\nevent: delta\ndata: {\"text\":", " \"안녕\"}\n\ndata: a\ndata: b\n\n"),
  );
  assert.deepEqual(events, [
    { event: "typing", data: "{}" },
    { event: "delta", data: '{"text": "안녕"}' },
    { event: "message", data: "a\nb" },
  ]);
});

test("CRLF line ends, even when CR and LF arrive in different chunks", async () => {
  const events = await collect(streamOf("event: delta\r", "\ndata: {\"text\":\"x\"}\r\n\r", "\n"));
  assert.deepEqual(events, [{ event: "delta", data: '{"text":"x"}' }]);
});

test("multi-byte characters split between chunks decode intact", async () => {
  const bytes = new TextEncoder().encode('event: delta\ndata: {"text":"가슴"}\n\n');
  const stream = new ReadableStream({
    start(controller) {
      controller.enqueue(bytes.slice(0, 27));
      controller.enqueue(bytes.slice(27));
      controller.close();
    },
  });
  const [event] = await collect(stream);
  assert.equal(JSON.parse(event.data).text, "가슴");
});

test("consumeChatStream reports typing and deltas, then resolves with the final payload", async () => {
  const seen = [];
  const final = await consumeChatStream(
    {
      body: streamOf(
        "event: typing\ndata: {}\n\n",
        'event: delta\ndata: {"text":"A"}\n\n',
        'event: delta\ndata: {"text":"B"}\n\n',
        'event: final\ndata: {"message_id":7,"sequence":1,"response":{"answer":"AB"}}\n\n',
      ),
    },
    { onTyping: () => seen.push("typing"), onDelta: (text) => seen.push(text) },
  );
  assert.deepEqual(seen, ["typing", "A", "B"]);
  assert.equal(final.message_id, 7);
});

test("an error event rejects with its code; a stream cut short rejects as interrupted", async () => {
  await assert.rejects(
    consumeChatStream({ body: streamOf('event: error\ndata: {"code":"rate_limited","message":"slow down"}\n\n') }, {}),
    (error) => error.code === "rate_limited" && error.message === "slow down",
  );
  await assert.rejects(consumeChatStream({ body: streamOf('event: delta\ndata: {"text":"A"}\n\n') }, {}), StreamInterrupted);
});
