"""The one settings object: every tunable of the platform, read from `MEDICHAIN_*` variables and `.env`."""

from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from medichain.knowledge.embedders import DEFAULT_EMBEDDER

VAR_DIR = Path("var")


def _split_list(value: object) -> object:
    """Accept comma-separated strings for list settings (`A,B`) as well as JSON lists."""
    if isinstance(value, str):
        return [item.strip() for item in value.split(",") if item.strip()]
    return value


class Settings(BaseSettings):
    """Platform settings. The README's settings table documents every field."""

    model_config = SettingsConfigDict(env_prefix="MEDICHAIN_", env_file=".env", extra="ignore")

    # --- runtime
    env: Literal["development", "production", "test"] = "development"
    host: str = "127.0.0.1"
    port: int = Field(8000, ge=1, le=65535)
    data_dir: Path = VAR_DIR
    web_dir: Path = Path("frontend/dist")
    log_level: str = "INFO"
    log_json: bool = True
    otel_endpoint: str = ""
    """OTLP/HTTP traces endpoint (e.g. http://collector:4318/v1/traces); empty = no tracing."""

    # --- databases
    global_database_url: str = f"sqlite+aiosqlite:///{VAR_DIR}/global.db"
    shard_urls: Annotated[list[str], NoDecode] = [
        f"sqlite+aiosqlite:///{VAR_DIR}/shard1.db",
        f"sqlite+aiosqlite:///{VAR_DIR}/shard2.db",
    ]
    shard_max_users: int = Field(10_000, ge=1)
    db_pool_size: int = Field(10, ge=1)
    db_max_overflow: int = Field(20, ge=0)
    db_pool_timeout_s: float = Field(10.0, gt=0)
    db_slow_query_ms: float = Field(200.0, ge=0)
    history_retention_days: int = Field(0, ge=0)
    history_purge_interval_s: int = Field(3600, ge=1)

    # --- knowledge and domains
    embedder: str = DEFAULT_EMBEDDER
    domains: Annotated[list[str], NoDecode] = []

    # --- answering
    llm_provider: Literal["grounded", "openai", "llamacpp"] = "grounded"
    llm_base_url: str = ""
    llm_api_key: SecretStr = SecretStr("")
    llm_model: str = ""
    llm_timeout_s: float = Field(30.0, gt=0)
    llm_max_retries: int = Field(2, ge=0)
    llm_max_tokens: int = Field(600, ge=16)
    llm_temperature: float = Field(0.2, ge=0, le=2)
    llamacpp_model_path: str = ""
    llamacpp_threads: int = Field(2, ge=1)
    llamacpp_context: int = Field(4096, ge=512)
    cache_ttl_s: int = Field(3600, ge=0)
    cache_similarity: float = Field(0.95, gt=0, le=1)

    # --- answer monitoring (alerts, and the answer_log written in batches)
    answer_slow_s: float = Field(10.0, gt=0)
    answer_quality_min: float = Field(0.6, ge=0, le=1)
    answer_log_flush_s: float = Field(1.0, gt=0)
    answer_log_batch: int = Field(100, ge=1)
    answer_log_buffer: int = Field(10_000, ge=1)

    # --- redis (empty = in-process fallbacks)
    redis_url: str = ""
    redis_prefix: str = "medichain:"
    store_retry_s: float = Field(2.0, gt=0)

    # --- services mode (empty service_urls = embedded: every domain in the gateway's process)
    service_urls: Annotated[dict[str, str], NoDecode] = {}
    service_timeout_s: float = Field(2.0, gt=0)
    service_retries: int = Field(1, ge=0, le=5)
    service_backoff_s: float = Field(0.05, ge=0)
    breaker_failures: int = Field(5, ge=1)
    breaker_reset_s: float = Field(10.0, gt=0)
    service_probe_interval_s: float = Field(10.0, gt=0)

    # --- secrets (generated into .env by `medichain init` when absent)
    jwt_secret: SecretStr = SecretStr("")
    data_keys: Annotated[list[SecretStr], NoDecode] = []
    lookup_key: SecretStr = SecretStr("")

    # --- tokens and sessions
    access_token_ttl_s: int = Field(900, ge=30)
    refresh_token_ttl_s: int = Field(14 * 24 * 3600, ge=60)
    jwt_issuer: str = "medichain"

    # --- passwords (Argon2id; OWASP: m=19 MiB, t=2, p=1 minimum)
    argon2_time_cost: int = Field(2, ge=1)
    argon2_memory_kib: int = Field(19_456, ge=8)
    argon2_parallelism: int = Field(1, ge=1)
    password_min_length: int = Field(8, ge=8)

    # --- protection
    rate_limit_ip_per_s: float = Field(50.0, gt=0)
    rate_limit_ip_burst: int = Field(200, ge=1)
    rate_limit_user_per_s: float = Field(20.0, gt=0)
    rate_limit_user_burst: int = Field(60, ge=1)
    rate_limit_auth_per_min: float = Field(30.0, gt=0)
    lockout_max_failures: int = Field(5, ge=1)
    lockout_window_s: int = Field(15 * 60, ge=1)
    lockout_duration_s: int = Field(30 * 60, ge=1)
    ip_block_enabled: bool = True
    ip_block_duration_s: int = Field(15 * 60, ge=1)
    suspicious_accounts_per_ip: int = Field(10, ge=2)
    suspicious_probes_per_ip: int = Field(5, ge=1)
    trusted_proxies: Annotated[list[str], NoDecode] = []
    max_body_bytes: int = Field(1_048_576, ge=1024)
    cors_origins: Annotated[list[str], NoDecode] = ["http://127.0.0.1:8000", "http://localhost:8000"]
    hsts: bool = False

    _split = field_validator(
        "shard_urls", "cors_origins", "trusted_proxies", "data_keys", "domains", mode="before"
    )(_split_list)

    @field_validator("service_urls", mode="before")
    @classmethod
    def _split_pairs(cls, value: object) -> object:
        """Accept `name=url` pairs separated by commas (the environment) as well as a mapping."""
        if isinstance(value, str):
            pairs = [item.strip() for item in value.split(",") if item.strip()]
            if any("=" not in pair for pair in pairs):
                raise ValueError("expected name=url pairs separated by commas")
            return dict(pair.split("=", 1) for pair in pairs)
        return value

    @property
    def index_dir(self) -> Path:
        """Where the hybrid retrieval index is persisted."""
        return self.data_dir / "index"

    @property
    def redis_enabled(self) -> bool:
        """Whether a Redis URL is configured (otherwise in-process stores are used)."""
        return bool(self.redis_url)


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return Settings()
