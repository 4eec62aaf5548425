/** Server-sent events over fetch (EventSource cannot POST): a parser and the chat stream reader. */
import { ApiError } from "../api/client.js";

/**
 * Yield `{event, data}` for each event of a text/event-stream body. Follows the HTML spec's framing:
 * `field: value` lines, several `data` lines joined by newlines, a blank line ends an event, lines
 * starting with ':' are comments; CRLF, CR and LF all end a line.
 */
export async function* readServerSentEvents(body) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  let event = "message";
  let data = [];
  let pendingCR = false;
  const takeLine = (line) => {
    if (line === "") {
      const done = data.length ? { event, data: data.join("\n") } : null;
      event = "message";
      data = [];
      return done;
    }
    if (line.startsWith(":")) return null;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") event = value;
    else if (field === "data") data.push(value);
    return null;
  };
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      // A chunk ending in CR already ended its line; a LF opening the next chunk completes that CRLF.
      const text = pendingCR && value.startsWith("\n") ? value.slice(1) : value;
      pendingCR = text.endsWith("\r");
      buffer += text;
      const lines = buffer.split(/\r\n|\r|\n/);
      buffer = lines.pop();
      for (const line of lines) {
        const complete = takeLine(line);
        if (complete) yield complete;
      }
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * Read a chat stream, calling the handlers per event. Resolves with the final payload; rejects with
 * the streamed error, or with `StreamInterrupted` when the stream ends before a final event.
 */
export async function consumeChatStream(response, { onTyping, onDelta }) {
  for await (const { event, data } of readServerSentEvents(response.body)) {
    const payload = data ? JSON.parse(data) : {};
    if (event === "typing") onTyping?.();
    else if (event === "delta") onDelta?.(payload.text ?? "");
    else if (event === "final") return payload;
    else if (event === "error") throw new ApiError({ status: null, code: payload.code, message: payload.message });
  }
  throw new StreamInterrupted();
}

export class StreamInterrupted extends Error {
  constructor() {
    super("the stream ended before its final event");
    this.name = "StreamInterrupted";
  }
}
