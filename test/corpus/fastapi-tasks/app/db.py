from motor.motor_asyncio import AsyncIOMotorClient, AsyncIOMotorDatabase

from .config import get_settings

_client: AsyncIOMotorClient | None = None


async def connect() -> None:
    global _client
    settings = get_settings()
    _client = AsyncIOMotorClient(
        settings.mongodb_url,
        maxPoolSize=settings.mongodb_max_pool_size,
        minPoolSize=settings.mongodb_min_pool_size,
        uuidRepresentation="standard",
    )
    await _client.admin.command("ping")


async def disconnect() -> None:
    if _client is not None:
        _client.close()


def get_db() -> AsyncIOMotorDatabase:
    assert _client is not None, "connect() was not awaited"
    return _client[get_settings().mongodb_db_name]


def tasks_collection():
    return get_db()["tasks"]
