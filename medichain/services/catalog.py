"""The services of the topology, their default ports and what each one serves."""

from dataclasses import dataclass
from typing import Literal

Role = Literal["gateway", "category", "domain"]
GATEWAY = "chatbot_server"
CATEGORY_KEY = "category"
"""The key of the category (routing) service in `MEDICHAIN_SERVICE_URLS`; domain services use their domain name."""


@dataclass(frozen=True, slots=True)
class ServiceSpec:
    """One service: its name (the seed's), port offset from the base port, role and, for a domain, its domain."""

    name: str
    offset: int
    role: Role
    domain: str | None = None

    @property
    def key(self) -> str:
        """How the gateway names this service in `MEDICHAIN_SERVICE_URLS`."""
        return self.domain or CATEGORY_KEY


SERVICES: tuple[ServiceSpec, ...] = (
    ServiceSpec(GATEWAY, 0, "gateway"),
    ServiceSpec("category_server", 1, "category"),
    ServiceSpec("clinic_server", 2, "domain", "clinic"),
    ServiceSpec("drug_server", 3, "domain", "drug"),
    ServiceSpec("emergency_support_server", 4, "domain", "emergency"),
    ServiceSpec("internal_external_server", 5, "domain", "general"),
)
BY_NAME = {spec.name: spec for spec in SERVICES}
SECOND_GATEWAY_OFFSET = 10


def spec(name: str) -> ServiceSpec:
    """The service called `name`; a clear error for unknown names."""
    try:
        return BY_NAME[name]
    except KeyError:
        raise ValueError(f"unknown service {name!r}; one of: {', '.join(BY_NAME)}") from None


def service_urls(host: str, base_port: int) -> dict[str, str]:
    """`MEDICHAIN_SERVICE_URLS` for a gateway whose backends listen on `host` from `base_port` on."""
    return {s.key: f"http://{host}:{base_port + s.offset}" for s in SERVICES if s.role != "gateway"}


def name_for_key(key: str) -> str:
    """The service name of a `MEDICHAIN_SERVICE_URLS` key (a plug-in domain's service is `<domain>_server`)."""
    return next((s.name for s in SERVICES if s.role != "gateway" and s.key == key), f"{key}_server")
