"""Nightly reports of the shop database."""
import os
import re

from pymongo import MongoClient, TEXT
from pymongo.collation import Collation

client = MongoClient(os.environ["MONGODB_URI"])
db = client.shop

# Text indexes take only the simple collation: the server refuses this one.
db.articles.create_index([("body", TEXT)], collation=Collation(locale="de"))

# A dict keeps the last of two equal keys: the "draft" status never reaches the server.
db.reports.insert_one({"name": "daily", "status": "draft", "status": "final"})

# The _id of a document cannot be a regular expression.
db.filters.insert_one({"_id": re.compile("^report-"), "enabled": True})

# A $group stage that may need more than 100 MB fails instead of spilling to disk.
totals = db.orders.aggregate([{"$group": {"_id": "$customerId", "total": {"$sum": "$total"}}}], allowDiskUse=False)
