"""The files of a new domain package (`{name}` is the domain name, `{title}` its class name)."""

PYPROJECT = """[build-system]
requires = ["setuptools>=69"]
build-backend = "setuptools.build_meta"

[project]
name = "medichain-domain-{name}"
version = "0.1.0"
description = "The {name} domain for MediChain."
requires-python = ">=3.11"
dependencies = ["medichain"]

[project.entry-points."medichain.domains"]
{name} = "medichain_{name}.domain:{title}Domain"

[tool.setuptools.package-data]
"medichain_{name}" = ["examples.txt"]
"""

DOMAIN = '''"""The {name} domain: answers from the knowledge articles imported with `--domain {name}`."""

from typing import ClassVar

from fastapi import APIRouter

from medichain.domains.examples import load_examples
from medichain.domains.retrieval import retrieve_sections
from medichain.domains.template import DomainAnswer, DomainContext, Query


class {title}Domain:
    """Replace the description, the examples and `answer` with what this domain knows."""

    name = "{name}"
    description: ClassVar[dict[str, str]] = {{"ko": "{name} 관련 정보", "en": "Information about {name}"}}

    @property
    def examples(self) -> list[str]:
        """Router examples from examples.txt (add at least a hundred, Korean and English)."""
        return load_examples(__package__ or "medichain_{name}")

    async def install(self, ctx: DomainContext) -> dict[str, int]:
        """Load bundled data into the domain's tables (none yet)."""
        return {{}}

    async def startup(self, ctx: DomainContext) -> None:
        """Load catalogs from the databases (none yet)."""

    async def answer(self, query: Query, ctx: DomainContext) -> DomainAnswer:
        """Grounded passages of this domain's documents."""
        return await retrieve_sections(ctx, query, domains=["{name}"], k=4)

    def router(self) -> APIRouter | None:
        """The domain's own REST endpoints (none yet)."""
        return None
'''

EXAMPLES = """# One message per line: what people ask this domain, in Korean and English.
{name} 관련해서 궁금한 게 있어요
{name}에 대해 알려주세요
what should I know about {name}
tell me about {name}
"""

TEST = '''"""The {name} domain satisfies the template and answers from its documents."""

import asyncio

from medichain.domains.template import DomainTemplate, Query
from medichain_{name}.domain import {title}Domain


class _Knowledge:
    """An empty knowledge base: the domain has no documents imported yet."""

    async def search(self, dbs: object, query: str, **filters: object) -> list:
        return []


class _Context:
    knowledge = _Knowledge()
    dbs = None


def test_is_a_domain_template() -> None:
    domain = {title}Domain()
    assert isinstance(domain, DomainTemplate)
    assert domain.name == "{name}" and domain.examples


def test_answers_without_documents() -> None:
    answer = asyncio.run({title}Domain().answer(Query(text="{name}", lang="ko"), _Context()))
    assert not answer.found and answer.sections == []
'''

README = """# medichain-domain-{name}

A MediChain domain. Install it next to MediChain and it is found through the `medichain.domains`
entry point; restart the platform and the router learns its examples.

    pip install -e .
    medichain import documents docs/ --domain {name}
    pytest
"""
