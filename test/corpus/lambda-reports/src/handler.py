import csv
import io
import os
from datetime import datetime, timedelta, timezone

import boto3
from pymongo import MongoClient

# Created once per container, reused across invocations.
client = MongoClient(os.environ["MONGODB_URI"], serverSelectionTimeoutMS=10_000)
db = client[os.environ.get("MONGODB_DATABASE", "reports")]
s3 = boto3.client("s3")


def lambda_handler(event, context):
    end = datetime.now(timezone.utc).replace(hour=0, minute=0, second=0, microsecond=0)
    start = end - timedelta(days=1)
    pipeline = [
        {"$match": {"createdAt": {"$gte": start, "$lt": end}, "status": "paid"}},
        {"$group": {"_id": "$storeId", "orders": {"$sum": 1}, "revenue": {"$sum": "$total"}}},
        {"$sort": {"revenue": -1}},
    ]
    rows = list(db["orders"].aggregate(pipeline))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["store", "orders", "revenue"])
    for r in rows:
        writer.writerow([r["_id"], r["orders"], r["revenue"]])
    key = f"daily/{start:%Y-%m-%d}.csv"
    s3.put_object(Bucket=os.environ["REPORTS_BUCKET"], Key=key, Body=out.getvalue().encode())
    return {"key": key, "stores": len(rows)}
