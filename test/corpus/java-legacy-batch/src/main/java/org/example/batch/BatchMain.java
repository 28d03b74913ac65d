package org.example.batch;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;
import org.bson.Document;

public final class BatchMain {

    public static void main(String[] args) throws IOException {
        Properties props = new Properties();
        try (InputStream in = BatchMain.class.getResourceAsStream("/batch.properties")) {
            props.load(in);
        }
        String override = System.getProperty("batch.config");
        if (override != null) {
            try (InputStream in = Files.newInputStream(Path.of(override))) {
                props.load(in);
            }
        }
        int size = Integer.parseInt(props.getProperty("batch.size", "500"));
        boolean dryRun = Boolean.parseBoolean(props.getProperty("batch.dry-run", "false"));

        try (MongoClient client = MongoClients.create(props.getProperty("mongo.uri"))) {
            MongoCollection<Document> invoices = client
                    .getDatabase(props.getProperty("mongo.database", "billing"))
                    .getCollection(props.getProperty("mongo.collection", "invoices"));
            int n = 0;
            for (Document doc : invoices.find(Filters.eq("status", "due")).batchSize(size)) {
                if (!dryRun) {
                    invoices.updateOne(Filters.eq("_id", doc.get("_id")),
                            Updates.combine(Updates.set("status", "sent"), Updates.set("sentAt", Instant.now())));
                }
                n++;
            }
            System.out.printf("%d invoices %s%n", n, dryRun ? "would be sent" : "sent");
        }
    }
}
