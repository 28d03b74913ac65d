package com.example.catalog

import com.mongodb.ConnectionString
import com.mongodb.MongoClientSettings
import com.mongodb.kotlin.client.coroutine.MongoClient
import com.mongodb.kotlin.client.coroutine.MongoDatabase
import org.springframework.beans.factory.annotation.Value
import org.springframework.context.annotation.Bean
import org.springframework.context.annotation.Configuration
import java.util.concurrent.TimeUnit

@Configuration
class MongoConfig(
    @Value("\${spring.data.mongodb.uri}") private val uri: String,
) {
    @Bean
    fun mongoClient(): MongoClient {
        val settings = MongoClientSettings.builder()
            .applyConnectionString(ConnectionString(uri))
            .applyToConnectionPoolSettings { it.maxConnectionIdleTime(60, TimeUnit.SECONDS) }
            .applicationName("catalog")
            .build()
        return MongoClient.create(settings)
    }

    @Bean
    fun catalogDatabase(client: MongoClient): MongoDatabase =
        client.getDatabase(ConnectionString(uri).database ?: "catalog")
}
