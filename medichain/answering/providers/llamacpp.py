"""A local GGUF model through llama-cpp-python. Generation runs in a worker thread that hands tokens to the
event loop through a queue, so the loop never blocks; one generation runs at a time per model. Weights
are read from a local file only, never fetched from a hub."""

import asyncio
import threading
from collections.abc import AsyncGenerator, Callable
from pathlib import Path

import llama_cpp

from medichain.answering.providers.base import LLMError, LLMStream, Messages, TokenUsage

Item = str | TokenUsage | Exception | None  # None: the worker thread has finished
Emit = Callable[[Item], None]


class LlamaCppProvider:
    """Streams chat completions from a GGUF file loaded in this process (on first use)."""

    name = "llamacpp"

    def __init__(self, *, model_path: str, threads: int, context: int, model: str = "") -> None:
        """`model_path` must name an existing local file; `model` defaults to the file's stem."""
        path = Path(model_path).expanduser()
        if not model_path or not path.is_file():
            raise ValueError(
                "llm_provider 'llamacpp' needs a local .gguf file (MEDICHAIN_LLAMACPP_MODEL_PATH); "
                f"not a file: {model_path!r}"
            )
        self.model = model or path.stem
        self._path = path
        self._threads = threads
        self._context = context
        self._llama: llama_cpp.Llama | None = None
        self._turn = asyncio.Lock()  # generations wait here, not in threads
        self._busy = threading.Lock()  # the model itself, even if a cancelled consumer left early

    def stream(self, messages: Messages, *, max_tokens: int, temperature: float) -> LLMStream:
        """Stream a reply; usage is read from the model's context (exact to a token or two)."""
        return LLMStream(self._generate(messages, max_tokens, temperature), messages=messages)

    async def aclose(self) -> None:
        """Free the model once the generation in progress (if any) has ended."""
        async with self._turn:
            if self._llama is not None:
                self._llama.close()
                self._llama = None

    async def _load(self) -> llama_cpp.Llama:
        if self._llama is None:
            try:
                self._llama = await asyncio.to_thread(
                    llama_cpp.Llama,
                    model_path=str(self._path),
                    n_ctx=self._context,
                    n_threads=self._threads,
                    n_threads_batch=self._threads,
                    verbose=False,
                )
            except Exception as exc:
                raise LLMError("model failed to load") from exc
        return self._llama

    async def _generate(
        self, messages: Messages, max_tokens: int, temperature: float
    ) -> AsyncGenerator[str | TokenUsage, None]:
        async with self._turn:
            llama = await self._load()
            loop = asyncio.get_running_loop()
            queue: asyncio.Queue[Item] = asyncio.Queue()
            stop = threading.Event()

            def emit(item: Item) -> None:
                try:
                    loop.call_soon_threadsafe(queue.put_nowait, item)
                except RuntimeError:  # the loop has closed: nobody is listening any more
                    stop.set()

            request = (llama, list(messages), max_tokens, temperature, stop, emit)
            threading.Thread(target=self._run, args=request, name="llamacpp", daemon=True).start()
            finished = False
            try:
                while (item := await queue.get()) is not None:
                    if isinstance(item, Exception):
                        raise LLMError(f"generation failed ({type(item).__name__})") from item
                    yield item
                finished = True
            finally:
                stop.set()
                while not finished:  # the thread stops at its next token; wait so the turn ends with it
                    finished = await queue.get() is None

    def _run(
        self,
        llama: llama_cpp.Llama,
        messages: list[dict[str, str]],
        max_tokens: int,
        temperature: float,
        stop: threading.Event,
        emit: Emit,
    ) -> None:
        """Worker thread: emits text deltas, then the usage (or the exception that stopped it), then None.

        The context holds the prompt when the first chunk arrives, then one more token per token evaluated;
        the last token is left unevaluated when generation stops at `max_tokens`."""
        try:
            with self._busy:
                chunks = llama.create_chat_completion(
                    messages=messages,  # type: ignore[arg-type]
                    max_tokens=max_tokens,
                    temperature=temperature,
                    stream=True,
                )
                prompt_tokens: int | None = None
                finish: str | None = None
                for chunk in chunks:  # type: ignore[union-attr]
                    if stop.is_set():
                        return
                    if prompt_tokens is None:
                        prompt_tokens = llama.n_tokens
                    choice = chunk["choices"][0]
                    if content := choice["delta"].get("content"):
                        emit(content)
                    finish = choice["finish_reason"] or finish
                if prompt_tokens is not None:
                    completion = llama.n_tokens - prompt_tokens + int(finish == "length")
                    emit(TokenUsage(prompt_tokens, completion))
        except Exception as exc:
            emit(exc)
        finally:
            emit(None)
