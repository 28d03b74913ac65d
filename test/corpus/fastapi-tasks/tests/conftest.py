import os

import pytest
from httpx import ASGITransport, AsyncClient

os.environ.setdefault("MONGODB_URL", "mongodb://test:test@localhost:27017/?authSource=admin")
os.environ.setdefault("MONGODB_DB_NAME", "tasks_test")

from app.db import connect, disconnect, get_db  # noqa: E402
from app.main import app  # noqa: E402


@pytest.fixture
async def client():
    await connect()
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as c:
        yield c
    await get_db().client.drop_database("tasks_test")
    await disconnect()
