use std::time::Duration;

use anyhow::Context;
use axum::{extract::State, routing::post, Json, Router};
use mongodb::{bson::Document, options::ClientOptions, Client, Collection};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Settings {
    listen: String,
    database: Database,
}

#[derive(Debug, Deserialize)]
struct Database {
    uri: String,
    name: String,
    collection: String,
}

fn load_settings() -> anyhow::Result<Settings> {
    let env = std::env::var("APP_ENV").unwrap_or_else(|_| "default".into());
    config::Config::builder()
        .add_source(config::File::with_name("config/default"))
        .add_source(config::File::with_name(&format!("config/{env}")).required(false))
        .add_source(config::Environment::with_prefix("TELEMETRY").separator("__"))
        .build()?
        .try_deserialize()
        .context("invalid configuration")
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let settings = load_settings()?;

    let mut opts = ClientOptions::parse(&settings.database.uri).await?;
    opts.app_name = Some("telemetry-ingest".into());
    opts.server_selection_timeout = Some(Duration::from_secs(5));
    let client = Client::with_options(opts)?;
    let samples: Collection<Document> = client.database(&settings.database.name).collection(&settings.database.collection);

    let app = Router::new().route("/v1/samples", post(ingest)).with_state(samples);
    let listener = tokio::net::TcpListener::bind(&settings.listen).await?;
    tracing::info!("listening on {}", settings.listen);
    axum::serve(listener, app).await?;
    Ok(())
}

async fn ingest(State(samples): State<Collection<Document>>, Json(batch): Json<Vec<Document>>) -> Json<usize> {
    let n = batch.len();
    if n > 0 {
        let _ = samples.insert_many(batch).await;
    }
    Json(n)
}
