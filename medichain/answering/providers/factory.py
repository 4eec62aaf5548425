"""Choose the answerer's LLM from the settings. Provider modules are imported only when chosen, so the
default grounded answerer needs none of the optional `llm` packages."""

from medichain.answering.providers.base import LLMProvider
from medichain.config import Settings


def create_provider(settings: Settings) -> LLMProvider | None:
    """The configured provider, or None for the grounded (non-generative) answerer.

    Raises ValueError when a setting the provider needs is missing, and RuntimeError when its optional
    packages are not installed."""
    if settings.llm_provider == "grounded":
        return None
    try:
        if settings.llm_provider == "openai":
            from medichain.answering.providers.openai import OpenAIProvider

            return OpenAIProvider(
                base_url=settings.llm_base_url,
                api_key=settings.llm_api_key.get_secret_value(),
                model=settings.llm_model,
                timeout_s=settings.llm_timeout_s,
                max_retries=settings.llm_max_retries,
            )
        from medichain.answering.providers.llamacpp import LlamaCppProvider

        return LlamaCppProvider(
            model_path=settings.llamacpp_model_path,
            model=settings.llm_model,
            threads=settings.llamacpp_threads,
            context=settings.llamacpp_context,
        )
    except ModuleNotFoundError as exc:
        raise RuntimeError(
            f"llm_provider={settings.llm_provider!r} needs the optional package {exc.name!r}: "
            "pip install 'medichain[llm]'"
        ) from exc
