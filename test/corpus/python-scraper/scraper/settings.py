# Scrapy settings for the scraper project
#
# For simplicity, this file contains only settings considered important or
# commonly used. You can find more settings consulting the documentation:
#
#     https://docs.scrapy.org/en/latest/topics/settings.html

BOT_NAME = "scraper"

SPIDER_MODULES = ["scraper.spiders"]
NEWSPIDER_MODULE = "scraper.spiders"

USER_AGENT = "price-watch (+https://price-watch.example.org/bot)"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 8
DOWNLOAD_DELAY = 1.5

ITEM_PIPELINES = {
    "scraper.pipelines.MongoPipeline": 300,
}

MONGO_URI = "mongodb://scraper:Kd9:vT2qLxW@crawl-db.hetzner-fsn1.price-watch.org:27017/?authSource=admin"
MONGO_DATABASE = "pricewatch"

REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
FEED_EXPORT_ENCODING = "utf-8"
