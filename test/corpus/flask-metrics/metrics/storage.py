import configparser
import os
from datetime import datetime, timedelta, timezone

from pymongo import ASCENDING, MongoClient
from pymongo.collection import Collection


def load_config(path: str = "config.ini") -> configparser.ConfigParser:
    cfg = configparser.ConfigParser()
    cfg.read(path)
    for key in ("uri", "database", "collection"):
        env = os.environ.get(f"METRICS_MONGODB_{key.upper()}")
        if env:
            cfg["mongodb"][key] = env
    return cfg


def open_collection(cfg: configparser.ConfigParser) -> Collection:
    section = cfg["mongodb"]
    client = MongoClient(section["uri"], appname="flask-metrics", tz_aware=True)
    coll = client[section["database"]][section["collection"]]
    coll.create_index([("ts", ASCENDING)], expireAfterSeconds=int(section["ttl_days"]) * 86400)
    return coll


def recent(coll: Collection, name: str, minutes: int = 5) -> list[dict]:
    since = datetime.now(timezone.utc) - timedelta(minutes=minutes)
    return list(coll.find({"name": name, "ts": {"$gte": since}}, {"_id": 0}).sort("ts", ASCENDING))
