"""Typed dependencies giving endpoints the running domain instances."""

from typing import Annotated, TypeVar

from fastapi import Depends

from medichain.core.errors import ApiError
from medichain.deps import PlatformDep
from medichain.domains.template import DomainTemplate

D = TypeVar("D", bound=DomainTemplate)


def running_domain(platform: PlatformDep, name: str) -> DomainTemplate:
    """The started domain called `name`, or 404 when it is not enabled."""
    domain = platform.domains.get(name)
    if domain is None:
        raise ApiError(404, "domain_disabled", f"the {name} domain is not enabled")
    return domain


def _drug(platform: PlatformDep) -> DomainTemplate:
    return running_domain(platform, "drug")


def _clinic(platform: PlatformDep) -> DomainTemplate:
    return running_domain(platform, "clinic")


DrugDomainDep = Annotated[DomainTemplate, Depends(_drug)]
ClinicDomainDep = Annotated[DomainTemplate, Depends(_clinic)]
