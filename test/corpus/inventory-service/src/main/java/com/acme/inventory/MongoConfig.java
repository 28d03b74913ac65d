package com.acme.inventory;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class MongoConfig {
    private static final String FALLBACK = "mongodb://localhost:27017/inventory?uuidRepresentation=standard&appName=inventory";

    @Bean
    public MongoClient mongoClient() {
        return MongoClients.create(System.getenv().getOrDefault("MONGODB_URI", FALLBACK));
    }
}
