import tomllib
from collections.abc import Iterator

from pymongo import MongoClient
from pymongo.read_preferences import ReadPreference


def load(path: str = "pipeline.toml") -> dict:
    with open(path, "rb") as fh:
        return tomllib.load(fh)


def batches(cfg: dict, since) -> Iterator[list[dict]]:
    src = cfg["source"]
    client = MongoClient(src["uri"], read_preference=ReadPreference.SECONDARY_PREFERRED)
    coll = client[src["database"]][src["collection"]]
    cursor = coll.find({"ts": {"$gte": since}}, no_cursor_timeout=True).batch_size(cfg["pipeline"]["batch_size"])
    batch: list[dict] = []
    try:
        for doc in cursor:
            batch.append(doc)
            if len(batch) >= cfg["pipeline"]["batch_size"]:
                yield batch
                batch = []
        if batch:
            yield batch
    finally:
        cursor.close()
