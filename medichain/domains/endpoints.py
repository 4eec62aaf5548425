"""The list of enabled domains, for clients (labels, descriptions)."""

from fastapi import APIRouter
from pydantic import BaseModel

from medichain.deps import PlatformDep

router = APIRouter(prefix="/api/v1", tags=["domains"])


class DomainOut(BaseModel):
    """A domain as shown in clients."""

    name: str
    description: dict[str, str]


@router.get("/domains")
async def list_domains(platform: PlatformDep) -> list[DomainOut]:
    """Every enabled domain, in routing order."""
    return [DomainOut(name=d.name, description=dict(d.description)) for d in platform.domains.values()]
