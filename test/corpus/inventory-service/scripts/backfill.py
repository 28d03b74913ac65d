"""Copies the reorder threshold of every item onto its stock documents."""
import os
import sys


def backfill(inventory, warehouse):
    for item in inventory.items.find({"warehouse": warehouse}):
        inventory.stock.update_one(
            {"sku": item["sku"], "warehouse": warehouse},
            {"$set": {"reorder_at": item["reorder_at"]}},
            upsert=True,
        )
    inventory.audit.insert_one({"action": "backfill", "warehouse": warehouse, "action": "done"})


if __name__ == "__main__":
    from connect import database

    backfill(database(os.environ["INVENTORY_DB_URL"]), sys.argv[1])
