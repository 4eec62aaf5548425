/** A chat transport for the lifetime of the component, with its connection status. */
import { useEffect, useRef, useState } from "react";
import { refreshSession } from "../api/client.js";
import { getAccessToken } from "../api/session.js";
import { ConnectionStatus } from "./socket.js";
import { ChatTransport } from "./transport.js";

export function useChatTransport(onStrayError) {
  const [status, setStatus] = useState(ConnectionStatus.CONNECTING);
  const strayError = useRef(onStrayError);
  strayError.current = onStrayError;
  const transport = useRef(null);
  transport.current ??= new ChatTransport({
    getToken: getAccessToken,
    renewToken: refreshSession,
    onStatus: setStatus,
    onStrayError: (error) => strayError.current(error),
  });

  useEffect(() => {
    const current = transport.current;
    current.start();
    const online = () => current.socket.retryNow();
    window.addEventListener("online", online);
    return () => {
      window.removeEventListener("online", online);
      current.stop();
    };
  }, []);

  return { transport: transport.current, status };
}
