import os

import psycopg
import redis

WAREHOUSE_URL = os.environ.get("WAREHOUSE_URL", "postgres://etl@warehouse.dc2.internal:5432/analytics")
CACHE_URL = os.environ.get("CACHE_URL", "redis://cache.dc2.internal:6379/3")

_cache = redis.Redis.from_url(CACHE_URL)


def write(rows: list[tuple]) -> int:
    with psycopg.connect(WAREHOUSE_URL) as conn, conn.cursor() as cur:
        cur.executemany(
            "INSERT INTO fact_clicks (ts, store_id, campaign_id, url) VALUES (%s, %s, %s, %s) ON CONFLICT DO NOTHING",
            rows,
        )
        return cur.rowcount
