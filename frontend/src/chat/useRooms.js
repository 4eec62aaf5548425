/** The conversation list: search, create, rename, delete. */
import { useCallback, useState } from "react";
import { chat } from "../api/endpoints.js";
import { useApi } from "../lib/useApi.js";
import { useDebounced } from "../lib/useDebounced.js";

export function useRooms() {
  const [query, setQuery] = useState("");
  const settledQuery = useDebounced(query.trim(), 250);
  const { data, error, loading, reload, setData } = useApi(() => chat.rooms(settledQuery), [settledQuery]);

  const create = useCallback(
    async (title) => {
      const room = await chat.createRoom(title);
      setData((rooms) => [room, ...(rooms ?? [])]);
      return room;
    },
    [setData],
  );

  const rename = useCallback(
    async (id, title) => {
      const room = await chat.renameRoom(id, title);
      setData((rooms) => rooms.map((r) => (r.id === room.id ? room : r)));
    },
    [setData],
  );

  const remove = useCallback(
    async (id) => {
      await chat.deleteRoom(id);
      setData((rooms) => rooms.filter((r) => r.id !== id));
    },
    [setData],
  );

  return { rooms: data ?? [], error, loading, query, setQuery, create, rename, remove, reload };
}
